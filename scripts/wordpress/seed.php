<?php
/**
 * Installs and seeds Herald's WordPress test site. Run by scripts/wordpress/start, twice:
 *
 *   php seed.php install   wp_install() (needs WP_INSTALLING, so it is a process of its own)
 *   php seed.php content   options, users, terms, media, posts, comments
 *
 * Environment: HERALD_WP_DIR (the site's copy of WordPress), HERALD_WP_URL (http://127.0.0.1:PORT),
 * HERALD_WP_MEDIA (the folder with clip.mp4 and clip.mp3), HERALD_WPP (1: Popular Posts stand-in on).
 *
 * Everything is deterministic: fixed dates, fixed text, images drawn with GD from fixed parameters. Post
 * content is the markup WordPress 6.1's block editor saves (see the block save() functions in
 * wp-includes/js/dist/block-library.js), or classic-editor content where a post says so.
 */

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);

$mode = isset($argv[1]) ? $argv[1] : '';
$wp_dir = rtrim((string) getenv('HERALD_WP_DIR'), '/');
$site_url = rtrim((string) getenv('HERALD_WP_URL'), '/');
if (!in_array($mode, array('install', 'content'), true) || $wp_dir === '' || $site_url === '') {
    fwrite(STDERR, "usage: HERALD_WP_DIR=… HERALD_WP_URL=… php seed.php install|content\n");
    exit(2);
}

// What a request to the site would carry; wp-config.php derives WP_HOME from the host.
$_SERVER['HTTP_HOST'] = parse_url($site_url, PHP_URL_HOST) . ':' . parse_url($site_url, PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = parse_url($site_url, PHP_URL_HOST);
$_SERVER['SERVER_PORT'] = (string) parse_url($site_url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';

if ($mode === 'install') {
    define('WP_INSTALLING', true);
    require $wp_dir . '/wp-load.php';
    // Pluggable in upgrade.php: no mail from the installer.
    function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
    {
    }
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    $result = wp_install('Herald Test Site', 'admin', 'admin@example.com', true, '', 'herald-admin');
    echo 'installed ', $result['url'], "\n";
    exit(0);
}

require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

$media_dir = rtrim((string) getenv('HERALD_WP_MEDIA'), '/');
$t0 = microtime(true);
wp_set_current_user(1); // an administrator: unfiltered_html, so no kses on the seeded markup

/* ==========================================================================================================
 * Options
 */
update_option('blogname', 'Herald Test Site');
update_option('blogdescription', 'News from Madrid and the world');
update_option('timezone_string', 'Europe/Madrid');
update_option('gmt_offset', '');
update_option('date_format', 'j F Y');
update_option('time_format', 'H:i');
update_option('start_of_week', 1);
update_option('posts_per_page', 10);
update_option('image_default_link_type', 'none');
update_option('uploads_use_yearmonth_folders', 1);
update_option('show_on_front', 'posts');
update_option('fresh_site', 0);
update_option('herald_wpp', getenv('HERALD_WPP') === '0' ? '0' : '1');
update_option('herald_polylang', '0');
$GLOBALS['wp_rewrite']->set_permalink_structure('/%postname%/');
$GLOBALS['wp_rewrite']->flush_rules(false);

// The installer's "Hello world!" (with its comment) and "Sample Page".
wp_delete_post(1, true);
wp_delete_post(2, true);

/* ==========================================================================================================
 * Users
 */
wp_update_user(array(
    'ID' => 1,
    'display_name' => 'Herald Desk',
    'nickname' => 'Herald Desk',
    'first_name' => 'Herald',
    'last_name' => 'Desk',
    'description' => 'The news desk of the Herald test site.',
));
$omid = wp_insert_user(array(
    'user_login' => 'omid-sobhani',
    'user_nicename' => 'omid-sobhani',
    'user_pass' => 'herald-author',
    'user_email' => 'omid.sobhani@example.com',
    'user_url' => 'https://example.com/authors/omid-sobhani',
    'display_name' => 'Omid Sobhani',
    'nickname' => 'Omid Sobhani',
    'first_name' => 'Omid',
    'last_name' => 'Sobhani',
    'description' => 'Omid Sobhani is a senior journalist at Australian Broadcasting Corporation (ABC) and the Transcontinental Times.',
    'role' => 'author',
));
$sara = wp_insert_user(array(
    'user_login' => 'sara-martin',
    'user_nicename' => 'sara-martin',
    'user_pass' => 'herald-author',
    'user_email' => 'sara.martin@example.com',
    'display_name' => 'Sara Martín',
    'nickname' => 'Sara Martín',
    'first_name' => 'Sara',
    'last_name' => 'Martín',
    'description' => 'Sara Martín covers Madrid: its streets, its museums and its weather.',
    'role' => 'author',
));
foreach (array($omid, $sara) as $user) {
    if (is_wp_error($user)) {
        fwrite(STDERR, 'user: ' . $user->get_error_message() . "\n");
        exit(1);
    }
}

/* ==========================================================================================================
 * Terms
 */
function herald_category($name, $slug, $description = '')
{
    $term = wp_insert_term($name, 'category', array('slug' => $slug, 'description' => $description));
    return is_wp_error($term) ? (int) $term->get_error_data('term_exists') : (int) $term['term_id'];
}
$cat = array(
    'must-read' => herald_category('Must read', 'must-read', 'Stories the editors put first.'),
    'world' => herald_category('World', 'world'),
    'madrid' => herald_category('Madrid', 'madrid'),
    'culture' => herald_category('Culture', 'culture'),
    'technology' => herald_category('Technology', 'technology'),
    'uncategorized' => 1,
);

/* ==========================================================================================================
 * Media: images drawn with GD (with IPTC title, caption and credit, as cameras and agencies write them),
 * and the small video and audio files in scripts/wordpress/media.
 */
function herald_iptc_tag($dataset, $value)
{
    return chr(0x1C) . chr(2) . chr($dataset) . pack('n', strlen($value)) . $value;
}

function herald_draw($path, $w, $h, $from, $to, $label, $iptc = array())
{
    $im = imagecreatetruecolor($w, $h);
    for ($y = 0; $y < $h; $y++) {
        $t = $y / max(1, $h - 1);
        $c = imagecolorallocate(
            $im,
            (int) round($from[0] + ($to[0] - $from[0]) * $t),
            (int) round($from[1] + ($to[1] - $from[1]) * $t),
            (int) round($from[2] + ($to[2] - $from[2]) * $t)
        );
        imageline($im, 0, $y, $w - 1, $y, $c);
    }
    imagealphablending($im, true);
    $d = (int) (min($w, $h) * 0.55);
    imagefilledellipse($im, (int) ($w * 0.72), (int) ($h * 0.38), $d, $d, imagecolorallocatealpha($im, 255, 255, 255, 88));
    imagefilledrectangle($im, (int) ($w * 0.08), (int) ($h * 0.52), (int) ($w * 0.42), $h - 1, imagecolorallocatealpha($im, 0, 0, 0, 80));
    imagefilledrectangle($im, 0, (int) ($h * 0.82), $w - 1, $h - 1, imagecolorallocatealpha($im, 0, 0, 0, 70));
    if ($label !== '') {
        $font = 5;
        $tw = imagefontwidth($font) * strlen($label);
        $th = imagefontheight($font);
        $text = imagecreatetruecolor($tw, $th);
        imagealphablending($text, false);
        imagesavealpha($text, true);
        imagefilledrectangle($text, 0, 0, $tw, $th, imagecolorallocatealpha($text, 0, 0, 0, 127));
        imagestring($text, $font, 0, 0, $label, imagecolorallocate($text, 255, 255, 255));
        $scale = max(1, (int) floor(min(($w * 0.84) / $tw, ($h * 0.12) / $th)));
        imagecopyresampled($im, $text, (int) ($w * 0.04), (int) ($h * 0.85), 0, 0, $tw * $scale, $th * $scale, $tw, $th);
        imagedestroy($text);
    }
    if (substr($path, -4) === '.png') {
        imagepng($im, $path, 9);
    } else {
        imagejpeg($im, $path, 82);
        if ($iptc) {
            $data = '';
            foreach ($iptc as $dataset => $value) {
                $data .= herald_iptc_tag($dataset, $value);
            }
            file_put_contents($path, iptcembed($data, $path));
        }
    }
    imagedestroy($im);
}

/**
 * Adds a file to the uploads of month $ym ('2024/01') as an attachment, with its metadata and sizes.
 */
function herald_attach($source, $name, $ym, $args)
{
    $upload = wp_upload_dir($ym);
    if (!empty($upload['error'])) {
        fwrite(STDERR, 'uploads: ' . $upload['error'] . "\n");
        exit(1);
    }
    $path = $upload['path'] . '/' . $name;
    if (is_callable($source)) {
        $source($path);
    } else {
        copy($source, $path);
    }
    $type = wp_check_filetype($name);
    $date = $args['date'];
    $id = wp_insert_attachment(wp_slash(array(
        'post_mime_type' => $type['type'],
        'post_title' => $args['title'],
        'post_excerpt' => isset($args['caption']) ? $args['caption'] : '',
        'post_content' => isset($args['description']) ? $args['description'] : '',
        'post_status' => 'inherit',
        'post_author' => isset($args['author']) ? $args['author'] : 1,
        'post_date' => $date,
        'post_date_gmt' => get_gmt_from_date($date),
        'post_name' => sanitize_title($args['title']),
        'guid' => $upload['url'] . '/' . $name,
    )), $path, 0, true);
    if (is_wp_error($id)) {
        fwrite(STDERR, 'attachment: ' . $id->get_error_message() . "\n");
        exit(1);
    }
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $path));
    if (isset($args['alt'])) {
        update_post_meta($id, '_wp_attachment_image_alt', wp_slash($args['alt']));
    }
    return $id;
}

function herald_image($name, $ym, $w, $h, $from, $to, $label, $args)
{
    $iptc = array(5 => $args['title'], 110 => isset($args['credit']) ? $args['credit'] : 'Herald test site');
    if (!empty($args['caption'])) {
        $iptc[120] = $args['caption'];
    }
    return herald_attach(function ($path) use ($w, $h, $from, $to, $label, $iptc) {
        herald_draw($path, $w, $h, $from, $to, $label, $iptc);
    }, $name, $ym, $args);
}

$img = array();
$img['brussels'] = herald_image('brussels-press-conference.jpg', '2021/03', 1600, 900, array(24, 48, 94), array(120, 150, 196),
    'BRUSSELS PRESS CONFERENCE', array(
        'title' => 'Brussels press conference',
        'alt' => 'Illustration of a lectern with a microphone in front of a row of flags',
        'caption' => 'NATO foreign ministers met in Brussels on 23 and 24 March.',
        'credit' => 'Sample illustration',
        'date' => '2021-03-24 13:50:00',
        'author' => $omid,
    ));
$img['gran-via'] = herald_image('gran-via-at-dusk.jpg', '2024/01', 1600, 1067, array(40, 20, 70), array(230, 120, 60),
    'GRAN VIA AT DUSK', array(
        'title' => 'Gran Vía at dusk',
        'alt' => 'The Gran Vía at dusk, its shop fronts lit',
        'caption' => 'The Gran Vía at dusk.',
        'date' => '2024-01-02 09:00:00',
        'author' => $sara,
    ));
$img['retiro'] = herald_image('retiro-lake.jpg', '2024/01', 1600, 1067, array(60, 110, 60), array(170, 210, 230),
    'RETIRO LAKE', array(
        'title' => 'Retiro lake',
        'alt' => 'Rowing boats on the lake of the Retiro park',
        'caption' => 'Rowing boats on the Retiro lake.',
        'date' => '2024-01-02 09:01:00',
        'author' => $sara,
    ));
$img['cibeles'] = herald_image('cibeles-fountain.jpg', '2024/01', 1000, 1500, array(200, 200, 220), array(90, 90, 120),
    'CIBELES', array(
        'title' => 'Cibeles fountain',
        'alt' => 'The Cibeles fountain in front of the city hall, a portrait view',
        'caption' => 'Cibeles, in portrait.',
        'date' => '2024-01-02 09:02:00',
        'author' => $sara,
    ));
$img['plaza-mayor'] = herald_image('plaza-mayor.jpg', '2024/01', 1920, 1080, array(150, 60, 40), array(250, 200, 120),
    'PLAZA MAYOR', array(
        'title' => 'Plaza Mayor',
        'alt' => 'The arcades of the Plaza Mayor in the morning sun',
        'caption' => 'The Plaza Mayor in the morning.',
        'date' => '2024-01-19 08:00:00',
        'author' => $sara,
    ));
$img['sol'] = herald_image('puerta-del-sol.jpg', '2024/01', 1600, 900, array(230, 170, 40), array(120, 40, 30),
    'PUERTA DEL SOL', array(
        'title' => 'Puerta del Sol',
        'alt' => 'Crowds under the clock of the Puerta del Sol',
        'caption' => 'The clock of the Puerta del Sol, where Spain counts down to the new year.',
        'credit' => 'Herald test site / Sara Martín',
        'date' => '2024-01-25 08:00:00',
        'author' => $sara,
    ));
$img['kiosk'] = herald_image('newspaper-kiosk.jpg', '2024/01', 1200, 800, array(30, 30, 30), array(200, 200, 190),
    'KIOSK', array(
        'title' => 'Newspaper kiosk',
        'alt' => 'A newspaper kiosk with the morning papers on display',
        'caption' => 'A kiosk on the Gran Vía.',
        'date' => '2024-01-28 08:00:00',
        'author' => $sara,
    ));
$img['chart'] = herald_attach(function ($path) {
    herald_draw($path, 1200, 700, array(250, 250, 250), array(220, 230, 240), 'VISITORS PER MONTH');
}, 'visitors-chart.png', '2024/01', array(
    'title' => 'Visitors per month',
    'alt' => 'Bar chart of museum visitors per month',
    'caption' => 'Museum visitors per month (sample data).',
    'date' => '2024-01-29 08:00:00',
));
$img['icon'] = herald_attach(function ($path) {
    herald_draw($path, 48, 48, array(240, 120, 20), array(200, 80, 10), '');
}, 'rss-icon.png', '2024/01', array(
    'title' => 'RSS icon',
    'alt' => 'RSS',
    'date' => '2024-01-20 08:00:00',
));
$video = herald_attach($media_dir . '/clip.mp4', 'test-pattern.mp4', '2024/01', array(
    'title' => 'Test pattern',
    'caption' => 'Two seconds of a test pattern with a 440 Hz tone.',
    'date' => '2024-01-08 08:00:00',
));
$audio = herald_attach($media_dir . '/clip.mp3', 'tuning-tone.mp3', '2024/01', array(
    'title' => 'Tuning tone',
    'caption' => 'Two seconds of A440.',
    'date' => '2024-01-09 08:00:00',
));

printf("media: %.1fs\n", microtime(true) - $t0);

function herald_src($id, $size = 'full')
{
    $src = wp_get_attachment_image_src($id, $size);
    return $src[0];
}

/* ==========================================================================================================
 * Block markup, as WordPress 6.1's editor serializes it: `<!-- wp:name {attrs} -->\n<html>\n<!-- /wp:name -->`,
 * top-level and inner blocks separated by a blank line, core attributes that are sourced from the HTML left out
 * of the comment.
 */
function blk($name, $attrs, $html)
{
    $a = $attrs ? serialize_block_attributes($attrs) . ' ' : '';
    if ($html === '') {
        return "<!-- wp:$name $a/-->";
    }
    return "<!-- wp:$name $a-->\n$html\n<!-- /wp:$name -->";
}

function blocks()
{
    return implode("\n\n", func_get_args());
}

function esc_rich($text)
{
    // What RichText does to typed text: & and < escaped, the rest as typed.
    return str_replace(array('&', '<'), array('&amp;', '&lt;'), $text);
}

function b_p($html, $attrs = array())
{
    $class = array();
    if (!empty($attrs['align'])) {
        $class[] = 'has-text-align-' . $attrs['align'];
    }
    if (!empty($attrs['dropCap'])) {
        $class[] = 'has-drop-cap';
    }
    if (!empty($attrs['fontSize'])) {
        $class[] = 'has-' . $attrs['fontSize'] . '-font-size';
    }
    $open = '<p' . ($class ? ' class="' . implode(' ', $class) . '"' : '')
        . (!empty($attrs['direction']) ? ' dir="' . $attrs['direction'] . '"' : '') . '>';
    return blk('paragraph', $attrs, $open . $html . '</p>');
}

function b_h($html, $level = 2)
{
    return blk('heading', $level === 2 ? array() : array('level' => $level), "<h$level>$html</h$level>");
}

function b_quote($paragraphs, $cite = '')
{
    $inner = implode("\n\n", array_map('b_p', (array) $paragraphs));
    return blk('quote', array(), '<blockquote class="wp-block-quote">' . $inner . ($cite !== '' ? "<cite>$cite</cite>" : '') . '</blockquote>');
}

function b_pullquote($html, $cite = '')
{
    return blk('pullquote', array(), '<figure class="wp-block-pullquote"><blockquote><p>' . $html . '</p>'
        . ($cite !== '' ? "<cite>$cite</cite>" : '') . '</blockquote></figure>');
}

/** $items: strings, or array(html, array(children…)) for an item with a nested list. */
function b_list($items, $ordered = false, $attrs = array())
{
    $tag = $ordered ? 'ol' : 'ul';
    if ($ordered) {
        $attrs = array('ordered' => true) + $attrs;
    }
    $lis = array();
    foreach ($items as $item) {
        if (is_array($item)) {
            $lis[] = blk('list-item', array(), '<li>' . $item[0] . b_list($item[1], $ordered) . '</li>');
        } else {
            $lis[] = blk('list-item', array(), "<li>$item</li>");
        }
    }
    $open = "<$tag" . (!empty($attrs['start']) ? ' start="' . (int) $attrs['start'] . '"' : '')
        . (!empty($attrs['reversed']) ? ' reversed' : '') . '>';
    return blk('list', $attrs, $open . implode("\n\n", $lis) . "</$tag>");
}

function b_image($id, $size, $caption = '', $link = '', $extra = array())
{
    $attrs = array('id' => $id, 'sizeSlug' => $size, 'linkDestination' => $link === '' ? 'none' : 'media') + $extra;
    if (isset($extra['align'])) {
        $attrs = array('align' => $extra['align']) + $attrs;
    }
    $class = 'wp-block-image' . (isset($extra['align']) ? ' align' . $extra['align'] : '') . " size-$size"
        . (isset($extra['width']) ? ' is-resized' : '');
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    $img = '<img src="' . esc_url(herald_src($id, $size)) . '" alt="' . $alt . '" class="wp-image-' . $id . '"'
        . (isset($extra['width']) ? ' width="' . $extra['width'] . '" height="' . $extra['height'] . '"' : '') . '/>';
    if ($link !== '') {
        $img = '<a href="' . esc_url($link) . '">' . $img . '</a>';
    }
    $cap = $caption !== '' ? '<figcaption class="wp-element-caption">' . $caption . '</figcaption>' : '';
    return blk('image', $attrs, '<figure class="' . $class . '">' . $img . $cap . '</figure>');
}

function b_embed($url, $type, $provider, $caption = '', $aspect = '')
{
    $attrs = array('url' => $url, 'type' => $type, 'providerNameSlug' => $provider, 'responsive' => true);
    $class = "wp-block-embed is-type-$type is-provider-$provider wp-block-embed-$provider";
    if ($aspect !== '') {
        $attrs['className'] = "wp-embed-aspect-$aspect wp-has-aspect-ratio";
        $class .= ' ' . $attrs['className'];
    }
    $cap = $caption !== '' ? '<figcaption class="wp-element-caption">' . $caption . '</figcaption>' : '';
    return blk('embed', $attrs, '<figure class="' . $class . '"><div class="wp-block-embed__wrapper">' . "\n$url\n" . '</div>' . $cap . '</figure>');
}

function b_code($code)
{
    $escaped = str_replace('[', '&#91;', esc_rich($code));
    $escaped = preg_replace('/^(\s*https?:)\/\/([^\s<>"]+\s*)$/m', '$1&#47;&#47;$2', $escaped, 1);
    return blk('code', array(), '<pre class="wp-block-code"><code>' . $escaped . '</code></pre>');
}

function b_sep($style = '')
{
    $attrs = $style !== '' ? array('className' => "is-style-$style") : array();
    return blk('separator', $attrs, '<hr class="wp-block-separator has-alpha-channel-opacity' . ($style !== '' ? " is-style-$style" : '') . '"/>');
}

function b_html($html)
{
    return blk('html', array(), $html);
}

/* ==========================================================================================================
 * Posts
 */
$posts = array(); // slug => ID

/**
 * $p: slug, title, date (site time), content; optional author, excerpt, cats, tags, status, password, sticky,
 * thumbnail, views, lang, modified, meta.
 */
function herald_post($p)
{
    global $posts, $cat;
    $date = $p['date'];
    $args = array(
        'post_type' => 'post',
        'post_status' => isset($p['status']) ? $p['status'] : 'publish',
        'post_name' => $p['slug'],
        'post_title' => $p['title'],
        'post_content' => $p['content'],
        'post_excerpt' => isset($p['excerpt']) ? $p['excerpt'] : '',
        'post_author' => isset($p['author']) ? $p['author'] : 1,
        'post_date' => $date,
        'post_date_gmt' => get_gmt_from_date($date),
        'post_password' => isset($p['password']) ? $p['password'] : '',
        'post_category' => array_map(function ($c) use ($cat) {
            return $cat[$c];
        }, isset($p['cats']) ? $p['cats'] : array('uncategorized')),
        'tags_input' => isset($p['tags']) ? $p['tags'] : array(),
        'comment_status' => 'open',
        'ping_status' => 'closed',
        'meta_input' => isset($p['meta']) ? $p['meta'] : array(),
    );
    if (!empty($p['views'])) {
        $args['meta_input']['_herald_views'] = $p['views'];
    }
    if (!empty($p['lang'])) {
        $args['meta_input']['_herald_lang'] = $p['lang'];
    }
    $id = wp_insert_post(wp_slash($args), true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $p['slug'] . ': ' . $id->get_error_message() . "\n");
        exit(1);
    }
    if (!empty($p['thumbnail'])) {
        set_post_thumbnail($id, $p['thumbnail']);
    }
    if (!empty($p['sticky'])) {
        stick_post($id);
    }
    if (!empty($p['modified'])) {
        $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, array(
            'post_modified' => $p['modified'],
            'post_modified_gmt' => get_gmt_from_date($p['modified']),
        ), array('ID' => $id));
        clean_post_cache($id);
    }
    $posts[$p['slug']] = $id;
    return $id;
}

$lorem = array(
    'The city council presented the plan on a grey morning, with the square still wet from the night’s rain and the first cafés putting out their chairs.',
    'Residents who came to listen asked about noise, about delivery vans and about the trees, which the plan promises to keep.',
    'The works are due to start in spring and to last a year; the council says the square will stay open to pedestrians throughout.',
);

/* --- 2021: the sample article and the story it links to ------------------------------------------------- */

herald_post(array(
    'slug' => 'nato-will-not-leave-afghanistan-before-the-time-is-right',
    'title' => 'NATO will not leave Afghanistan before the “time is right”',
    'date' => '2021-03-23 19:10:00',
    'author' => $omid,
    'cats' => array('world'),
    'tags' => array('NATO', 'Afghanistan'),
    'excerpt' => 'The alliance’s foreign ministers meet in Brussels as a deadline for withdrawal approaches',
    'views' => 640,
    'content' => blocks(
        b_p('<strong>BELGIUM. Brussels:</strong> NATO’s secretary general said on Tuesday that the alliance will not leave Afghanistan before the time is right, as foreign ministers gathered in Brussels for two days of talks.'),
        b_p('Allies are weighing the withdrawal deadline agreed in Doha last year against the situation on the ground, where violence remains high.'),
        b_p('A decision is expected after the United States completes its review of the agreement.')
    ),
));

herald_post(array(
    'slug' => 'we-went-in-together-we-will-leave-together-anthony-blinken',
    'title' => 'We went in together, we will leave together: Anthony Blinken',
    'date' => '2021-03-24 14:20:00',
    'modified' => '2021-03-24 18:05:00',
    'author' => $omid,
    'cats' => array('must-read', 'world'),
    'tags' => array('NATO', 'Afghanistan', 'United States'),
    'excerpt' => 'The US and its allies have discussed the foreign troop’s withdrawal from Afghanistan',
    'thumbnail' => $img['brussels'],
    'views' => 950,
    'content' => blocks(
        b_p('<strong>BELGIUM. Brussels:</strong> At a press conference in Brussels, US Secretary of State Antony Blinken reiterated that the US will “rebuild and revitalize” the NATO military alliance and share their plans on any possible withdrawal from Afghanistan.'),
        b_p('Blinken said that a review is underway by the US regarding the Afghanistan situation. He also added that he’s going to share the initial findings with NATO allies.'),
        b_p('Blinken noted that conversations with allies over the next two days will cover a “wide agenda,” including NATO’s current mission in Afghanistan. “We have a review underway in the United States. I am here in part to share some of our initial thinking with our NATO allies but maybe even more important, I am here to listen and consult because that is what allies do.”'),
        b_h('Leaving Afghanistan together'),
        b_quote('We went in together, we have adjusted together and when the time is right, we will leave together. There are a common theme and a common word, and that is ‘together.’', 'Antony Blinken'),
        b_p('According to the Doha US-Taliban agreement signed on February 19, 2020, that opened direct talks between Afghan war parties in Doha, the US has committed to withdrawing its forces from Afghanistan by May 1. The Taliban has said that the US should walk on by its commitment to this part of the agreement.'),
        b_p('Last week President Biden said that it would be “tough” to meet the May 1 deadline for a full withdrawal from Afghanistan.'),
        b_p('Blinken pledged a responsible ending for the Afghanistan war. “We are united with our NATO allies in seeking to bring a responsible end to this conflict and to ensure that Afghanistan never again becomes a safe haven for terrorists who could threaten the United States or our allies.”'),
        b_p('Jens Stoltenberg, the NATO chief said that they have an excellent opportunity to sit with their 30 allies and to discuss the situation.'),
        b_p('“We went in together, we have adjusted together and we will leave together when the time is right,” he reiterated. “Therefore, we need to consult, to coordinate and make decisions together,” he said, repeating his US counterpart.'),
        b_p('He said that they need to see a reduction in violence and for the Taliban to stop supporting international terrorists, including al-Qaeda.'),
        b_p('<strong>Read also:</strong> <a href="{{LINK:nato-will-not-leave-afghanistan-before-the-time-is-right}}">NATO Will Not Leave Afghanistan Before The “Time Is Right”</a>'),
        b_h('90 days of reduction in violence'),
        b_p('Recently, the Taliban told the Afghan TOLO News that they have proposed a 90-day of reduction in violence proposal with the Blinken led side. However, they said that there has been no overall agreement on the plan so far.'),
        b_p('Taliban spokesman Mohammad Naeem told TOLO News that the reduction in violence will not mean a complete ceasefire, but a decline in the attacks by the group in Afghanistan.'),
        b_p('Meanwhile, two senior gov officials told Reuters on Tuesday that Ashraf Ghani will propose a new presidential election within 6 months. The proposal will be under a peace plan that Ghani will put forward as a counter-offer to a US proposal that he rejected. According to the report, Ghani will unveil his proposal in gathering in Turkey next month.'),
        b_p('A third senior official also said that Ghani’s proposal would include possible early elections, although he did not specify the exact time frame for the vote. The third official added that Ghani had already shared his road map with Khalilzad.')
    ),
));

/* --- December 2023 --------------------------------------------------------------------------------------- */

herald_post(array(
    'slug' => 'december-opens-at-midnight',
    'title' => 'December opens at midnight with the first Christmas market',
    'date' => '2023-12-01 00:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Madrid'),
    'content' => blocks(
        b_p('The Christmas market in the Plaza Mayor opened its stalls at the stroke of midnight, as it does every first of December.'),
        b_p($lorem[1])
    ),
));
herald_post(array(
    'slug' => 'christmas-lights-switch-on',
    'title' => 'Christmas lights switch on across the centre',
    'date' => '2023-12-12 09:30:00',
    'author' => $sara,
    'cats' => array('madrid', 'culture'),
    'tags' => array('Madrid'),
    'views' => 210,
    'content' => blocks(b_p('More than a hundred streets are lit this year, with the largest display on the Gran Vía.'), b_p($lorem[2])),
));
herald_post(array(
    'slug' => 'winter-timetable-for-museums',
    'title' => 'Museums publish their winter timetable',
    'date' => '2023-12-20 18:45:00',
    'cats' => array('culture'),
    'content' => blocks(b_p('The city’s main museums close earlier on Sundays until March.'), b_p($lorem[0])),
));
herald_post(array(
    'slug' => 'last-second-of-2023',
    'title' => 'The last second of 2023',
    'date' => '2023-12-31 23:59:59',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Madrid'),
    'content' => blocks(
        b_p('Published at 23:59:59 on 31 December, Madrid time (22:59:59 UTC): the last post of the month and of the year.'),
        b_p($lorem[1])
    ),
));

/* --- January 2024: 31 published posts (4 pages of 10), one per rich content kind ---------------------------- */

herald_post(array(
    'slug' => 'new-year-starts-at-midnight',
    'title' => 'The new year starts at midnight in the Puerta del Sol',
    'date' => '2024-01-01 00:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Madrid'),
    'content' => blocks(
        b_p('Published at 00:00:00 on 1 January, Madrid time, which is still 31 December (23:00:00) in UTC.'),
        b_p('Thousands ate their twelve grapes to the chimes of the clock before heading home through the cold.')
    ),
));

herald_post(array(
    'slug' => 'gallery-block',
    'title' => 'Madrid in winter, in three pictures',
    'date' => '2024-01-02 10:00:00',
    'author' => $sara,
    'cats' => array('madrid', 'culture'),
    'tags' => array('Madrid', 'Photography'),
    'excerpt' => 'Three views of the city in January, in a gallery block.',
    'views' => 610,
    'content' => blocks(
        b_p('Three views of the city in January. The gallery below is a gallery block with nested image blocks, as the editor has saved galleries since WordPress 5.9.'),
        blk('gallery', array('linkTo' => 'none'),
            '<figure class="wp-block-gallery has-nested-images columns-default is-cropped">'
            . b_image($img['gran-via'], 'large', 'The Gran Vía at dusk.') . "\n\n"
            . b_image($img['retiro'], 'large', 'Rowing boats on the Retiro lake.') . "\n\n"
            . b_image($img['cibeles'], 'large')
            . '<figcaption class="blocks-gallery-caption wp-element-caption">Madrid in January: the Gran Vía, the Retiro and Cibeles.</figcaption></figure>'),
        b_p('All three pictures were taken on the same afternoon.')
    ),
));

$legacy_items = '';
foreach (array('gran-via', 'retiro', 'cibeles') as $key) {
    $id = $img[$key];
    $caption = wp_get_attachment_caption($id);
    $legacy_items .= '<li class="blocks-gallery-item"><figure><img src="' . esc_url(herald_src($id, 'large')) . '" alt="'
        . esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true)) . '" data-id="' . $id . '" data-full-url="'
        . esc_url(herald_src($id)) . '" data-link="{{ATTACHMENT:' . $id . '}}" class="wp-image-' . $id . '"/>'
        . ($key !== 'cibeles' ? '<figcaption class="blocks-gallery-item__caption">' . esc_html($caption) . '</figcaption>' : '')
        . '</figure></li>';
}
herald_post(array(
    'slug' => 'gallery-block-legacy',
    'title' => 'The same three pictures, in an older gallery',
    'date' => '2024-01-03 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Photography'),
    'content' => blocks(
        b_p('A gallery block as the editor saved it before WordPress 5.9: one <code>ul.blocks-gallery-grid</code> with an <code>li</code> per image, no inner blocks.'),
        blk('gallery', array('ids' => array($img['gran-via'], $img['retiro'], $img['cibeles']), 'linkTo' => 'none'),
            '<figure class="wp-block-gallery columns-3 is-cropped"><ul class="blocks-gallery-grid">' . $legacy_items
            . '</ul><figcaption class="blocks-gallery-caption">Madrid in January, in the older gallery markup.</figcaption></figure>')
    ),
));

herald_post(array(
    'slug' => 'gallery-shortcode',
    'title' => 'A gallery from the classic editor',
    'date' => '2024-01-04 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Photography'),
    // Classic-editor content: no blocks, paragraphs by blank lines (wpautop), a [gallery] shortcode.
    'content' => "Photos from the classic editor, inserted with its gallery shortcode.\n\n"
        . '[gallery columns="3" size="medium" ids="' . $img['gran-via'] . ',' . $img['retiro'] . ',' . $img['cibeles'] . '"]'
        . "\n\nWordPress expands the shortcode when the post is displayed.",
));

herald_post(array(
    'slug' => 'youtube-embed',
    'title' => 'How the YouTube player is embedded',
    'date' => '2024-01-05 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Video', 'Media'),
    'excerpt' => 'A YouTube embed block, as it renders once WordPress has fetched the oEmbed answer.',
    'views' => 720,
    'content' => blocks(
        b_p('An embed block with a YouTube URL. WordPress turns the URL into the player’s iframe through oEmbed; this test site answers for this URL offline, as a site online would have cached it.'),
        b_embed('https://www.youtube.com/watch?v=M7lc1UVf-VE', 'video', 'youtube', 'The YouTube IFrame player, explained by its developers.', '16-9'),
        b_p('The iframe is 500 pixels wide, the default embed width.')
    ),
));

herald_post(array(
    'slug' => 'youtube-embed-offline',
    'title' => 'A YouTube embed that could not be resolved',
    'date' => '2024-01-06 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Video'),
    'content' => blocks(
        b_p('An embed block whose oEmbed request failed (this machine is offline): WordPress leaves a link to the video inside the block’s figure.'),
        b_embed('https://youtu.be/aqz-KE-bpKQ', 'video', 'youtube', '', '16-9')
    ),
));

herald_post(array(
    'slug' => 'twitter-embed',
    'title' => 'Ministers meet in Brussels, as seen on Twitter',
    'date' => '2024-01-07 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    'tags' => array('NATO', 'Media'),
    'content' => blocks(
        b_p('A Twitter embed block. Its oEmbed answer is a blockquote followed by Twitter’s script.'),
        b_embed('https://twitter.com/heraldsample/status/1374702357178052610', 'rich', 'twitter'),
        b_p('The script turns the blockquote into a card in the browser; without it the quote stays readable.')
    ),
));

herald_post(array(
    'slug' => 'video-block',
    'title' => 'A self-hosted video',
    'date' => '2024-01-08 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Video', 'Media'),
    'views' => 390,
    'content' => blocks(
        b_p('A video block playing a file from the media library, with a poster image.'),
        blk('video', array('id' => $video), '<figure class="wp-block-video"><video controls poster="' . esc_url(herald_src($img['plaza-mayor'], 'large'))
            . '" src="' . esc_url(wp_get_attachment_url($video)) . '"></video><figcaption class="wp-element-caption">Two seconds of a test pattern.</figcaption></figure>'),
        b_p('The file is an MP4 (H.264 and AAC) of two seconds.')
    ),
));

herald_post(array(
    'slug' => 'audio-block',
    'title' => 'A self-hosted sound',
    'date' => '2024-01-09 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Media'),
    'content' => blocks(
        b_p('An audio block playing an MP3 from the media library.'),
        blk('audio', array('id' => $audio), '<figure class="wp-block-audio"><audio controls src="' . esc_url(wp_get_attachment_url($audio))
            . '"></audio><figcaption class="wp-element-caption">Two seconds of A440, the tuning note.</figcaption></figure>')
    ),
));

herald_post(array(
    'slug' => 'table-block',
    'title' => 'Spain’s largest cities, in a table',
    'date' => '2024-01-10 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Data'),
    'views' => 300,
    'content' => blocks(
        b_p('A table block with a header row, a footer row, right-aligned numbers and a caption.'),
        blk('table', array(), '<figure class="wp-block-table"><table><thead><tr><th>City</th><th class="has-text-align-right" data-align="right">Population</th><th class="has-text-align-right" data-align="right">Area (km²)</th></tr></thead>'
            . '<tbody><tr><td>Madrid</td><td class="has-text-align-right" data-align="right">3,332,035</td><td class="has-text-align-right" data-align="right">604.3</td></tr>'
            . '<tr><td>Barcelona</td><td class="has-text-align-right" data-align="right">1,660,122</td><td class="has-text-align-right" data-align="right">101.4</td></tr>'
            . '<tr><td>Valencia</td><td class="has-text-align-right" data-align="right">807,693</td><td class="has-text-align-right" data-align="right">134.6</td></tr></tbody>'
            . '<tfoot><tr><td>Total</td><td class="has-text-align-right" data-align="right">5,799,850</td><td class="has-text-align-right" data-align="right">840.3</td></tr></tfoot>'
            . '</table><figcaption class="wp-element-caption">Population of Spain’s three largest cities on 1 January 2023 (sample figures).</figcaption></figure>')
    ),
));

herald_post(array(
    'slug' => 'nested-list',
    'title' => 'What to see in Madrid, in nested lists',
    'date' => '2024-01-11 10:00:00',
    'author' => $sara,
    'cats' => array('madrid', 'culture'),
    'views' => 120,
    'content' => blocks(
        b_p('A list block with list-item blocks nested three levels deep (the markup of WordPress 6.1), then an ordered list that starts at 3.'),
        b_list(array(
            array('Museums', array('The Prado', array('The Reina Sofía', array('<em>Guernica</em>, room 205.10')), 'The Thyssen-Bornemisza')),
            array('Parks', array('The Retiro', 'Casa de Campo')),
            'Markets, on <strong>Sunday</strong> mornings',
        )),
        b_p('The best time to go, in order:'),
        b_list(array('Early morning', array('Late afternoon', array('On weekdays', 'After 18:00, when some museums are free')), 'Never on a holiday'), true, array('start' => 3))
    ),
));

herald_post(array(
    'slug' => 'code-block',
    'title' => 'Reading WordPress from the browser',
    'date' => '2024-01-12 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Code'),
    'content' => blocks(
        b_p('A code block keeps whitespace and shows markup as text; the editor escapes <code>&lt;</code>, <code>&amp;</code> and <code>[</code>.'),
        b_code("fetch('/wp-json/wp/v2/posts?slug=hello-world&_embed')\n  .then((response) => response.json())\n  .then(([post]) => {\n    if (post && post.id < 10) console.log(\"<b>\" + post.title.rendered + \"</b>\");\n    else console.log('[no post]');\n  });"),
        b_p('The same from a shell:'),
        b_code("curl -sI 'http://127.0.0.1:8080/wp-json/wp/v2/posts?per_page=10' | grep -i '^x-wp-total'"),
        b_code('https://developer.wordpress.org/rest-api/')
    ),
));

herald_post(array(
    'slug' => 'preformatted-block',
    'title' => 'Museum opening hours, preformatted',
    'date' => '2024-01-13 10:00:00',
    'cats' => array('culture'),
    'content' => blocks(
        b_p('A preformatted block keeps the spaces that line up the columns.'),
        blk('preformatted', array(), "<pre class=\"wp-block-preformatted\"><strong>Museum          Mon    Tue–Sat   Sun</strong>\nPrado           10–20  10–20     10–19\nReina Sofía     10–21  <em>closed</em>    10–14.30\nThyssen         12–16  10–19     10–19</pre>")
    ),
));

herald_post(array(
    'slug' => 'verse-block',
    'title' => 'A winter verse',
    'date' => '2024-01-14 10:00:00',
    'author' => $sara,
    'cats' => array('culture'),
    'content' => blocks(
        b_p('A verse block, for poetry: line breaks and indentation are kept.'),
        blk('verse', array(), "<pre class=\"wp-block-verse\">The river sleeps beneath the bridge,\n    the city hums its winter hymn;\nthe lamps come on along the ridge,\n    and every window, <em>gold and dim</em>.</pre>"),
        b_p('— written for this test site.')
    ),
));

herald_post(array(
    'slug' => 'inline-formats',
    'title' => 'Every inline format in one post',
    'date' => '2024-01-15 10:00:00',
    'cats' => array('technology'),
    'tags' => array('Code'),
    'views' => 150,
    'content' => blocks(
        b_p('Water is H<sub>2</sub>O and Einstein wrote E = mc<sup>2</sup>. The price was <s>€12</s> €9. Press <kbd>Ctrl</kbd> + <kbd>C</kbd> to copy, then call <code>navigator.clipboard.readText()</code>.'),
        b_p('Some words are <em>emphasised</em>, some <strong>strong</strong>, some <span style="text-decoration: underline;">underlined</span>; <mark style="background-color:rgba(0, 0, 0, 0)" class="has-inline-color has-vivid-red-color">this text is red</mark> and <mark style="background-color:#fcb900" class="has-inline-color">this is highlighted</mark>.'),
        b_p('A link <a href="https://wordpress.org/">to WordPress</a>, one <a href="https://developer.wordpress.org/block-editor/" target="_blank" rel="noreferrer noopener">that opens in a new tab</a>, and a line<br>break inside one paragraph.'),
        b_p('A paragraph with a drop cap: the first letter of this paragraph is set large by the theme.', array('dropCap' => true)),
        b_p('A centred paragraph.', array('align' => 'center'))
    ),
));

herald_post(array(
    'slug' => 'footnotes-manual',
    'title' => 'Footnotes written by hand',
    'date' => '2024-01-16 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    'content' => blocks(
        b_p('NATO has thirty members<sup id="fnref-1"><a href="#fn-1">1</a></sup>, and its foreign ministers meet twice a year<sup id="fnref-2"><a href="#fn-2">2</a></sup>.'),
        b_p('Footnotes like these were typed in the code editor: a superscript link to a note, and a list of notes with links back.'),
        b_h('Notes', 3),
        b_html("<ol class=\"footnotes\">\n<li id=\"fn-1\">Thirty in March 2021; Finland joined in 2023 and Sweden in 2024. <a href=\"#fnref-1\" aria-label=\"Back to the text\">↩</a></li>\n<li id=\"fn-2\">And more often when a crisis calls for it. <a href=\"#fnref-2\" aria-label=\"Back to the text\">↩</a></li>\n</ol>")
    ),
));

herald_post(array(
    'slug' => 'footnotes-easy-footnotes',
    'title' => 'Footnotes as the Easy Footnotes plugin writes them',
    'date' => '2024-01-17 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    // The HTML that the plugin's [efn_note] shortcode and the_content filter produce on the post's page.
    'content' => blocks(
        b_p('The summit lasted two days<span id="easy-footnote-1-{{ID}}" class="easy-footnote-margin-adjust"></span><span class="easy-footnote"><a href="#easy-footnote-bottom-1-{{ID}}" title="23 and 24 March 2021."><sup>1</sup></a></span> and ended with a joint statement<span id="easy-footnote-2-{{ID}}" class="easy-footnote-margin-adjust"></span><span class="easy-footnote"><a href="#easy-footnote-bottom-2-{{ID}}" title="Published on the alliance&#039;s website."><sup>2</sup></a></span>.'),
        b_html('<div class="easy-footnote-title"><h4>Notes</h4></div><ol class="easy-footnotes-wrapper"><li class="easy-footnote-single"><span id="easy-footnote-bottom-1-{{ID}}" class="easy-footnote-margin-adjust"></span>23 and 24 March 2021.<a class="easy-footnote-to-top" href="#easy-footnote-1-{{ID}}"></a></li><li class="easy-footnote-single"><span id="easy-footnote-bottom-2-{{ID}}" class="easy-footnote-margin-adjust"></span>Published on the alliance&#8217;s website.<a class="easy-footnote-to-top" href="#easy-footnote-2-{{ID}}"></a></li></ol>')
    ),
));

$fn1 = '1f4e6a3c-2d7b-4c8e-9a51-6b3f0d2e7c14';
$fn2 = '8c2b5e91-47a0-4f3d-b6e2-0d9a71c3f58e';
herald_post(array(
    'slug' => 'footnotes-block',
    'title' => 'Footnotes from a newer WordPress',
    'date' => '2024-01-18 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    // WordPress 6.3+ markup: footnote anchors in the text, the notes in the `footnotes` post meta and a dynamic
    // footnotes block (rendered here by the test site's plugin, as 6.3 renders it).
    'content' => blocks(
        b_p('Ministers agreed on a timetable<sup data-fn="' . $fn1 . '" class="fn"><a href="#' . $fn1 . '" id="' . $fn1 . '-link">1</a></sup> but not on the size of the force that stays<sup data-fn="' . $fn2 . '" class="fn"><a href="#' . $fn2 . '" id="' . $fn2 . '-link">2</a></sup>.'),
        b_p('WordPress 6.3 and later save footnotes this way.'),
        blk('footnotes', array(), '')
    ),
    'meta' => array('footnotes' => wp_json_encode(array(
        array('content' => 'The withdrawal would start on 1 May.', 'id' => $fn1),
        array('content' => 'Some allies want <em>a residual force</em> for training.', 'id' => $fn2),
    ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES)),
));

herald_post(array(
    'slug' => 'cover-block',
    'title' => 'Morning in the Plaza Mayor',
    'date' => '2024-01-19 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Madrid', 'Photography'),
    'excerpt' => 'A cover block with a background image and text over it.',
    'views' => 275,
    'content' => blocks(
        blk('cover', array('url' => herald_src($img['plaza-mayor']), 'id' => $img['plaza-mayor'], 'dimRatio' => 50, 'isDark' => false),
            '<div class="wp-block-cover is-light"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><img class="wp-block-cover__image-background wp-image-'
            . $img['plaza-mayor'] . '" alt="" src="' . esc_url(herald_src($img['plaza-mayor'])) . '" data-object-fit="cover"/><div class="wp-block-cover__inner-container">'
            . b_p('Morning in the Plaza Mayor', array('align' => 'center', 'placeholder' => 'Add title…', 'fontSize' => 'large'))
            . '</div></div>'),
        b_p('The square fills slowly: first the delivery vans, then the waiters, then the tourists.'),
        b_p($lorem[2])
    ),
));

herald_post(array(
    'slug' => 'inline-image',
    'title' => 'Follow the news by RSS',
    'date' => '2024-01-20 10:00:00',
    'cats' => array('technology'),
    'content' => blocks(
        b_p('Look for the orange icon <img class="wp-image-' . $img['icon'] . '" style="width: 48px;" src="' . esc_url(herald_src($img['icon'])) . '" alt="RSS"> on any page: it is an inline image inside this paragraph.'),
        b_p('Every category has a feed of its own.'),
        b_p('The kiosk at the corner <img class="wp-image-' . $img['kiosk'] . '" src="' . esc_url(herald_src($img['kiosk'], 'medium')) . '" alt="A newspaper kiosk" width="300" height="200"> still sells the morning papers.')
    ),
));

herald_post(array(
    'slug' => 'no-manual-excerpt',
    'title' => 'A post without a manual excerpt',
    'date' => '2024-01-21 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'content' => blocks(
        b_p('This post has no manual excerpt, so WordPress makes one from the first fifty-five words of the text and ends it with an ellipsis in brackets. ' . $lorem[0]),
        b_p($lorem[1] . ' ' . $lorem[2])
    ),
));

herald_post(array(
    'slug' => 'بلينكن-دخلنا-معا-وسنغادر-معا',
    'title' => 'بلينكن: دخلنا معاً وسنغادر معاً',
    'date' => '2024-01-22 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    'tags' => array('NATO', 'Afghanistan'),
    'excerpt' => 'ناقشت الولايات المتحدة وحلفاؤها انسحاب القوات الأجنبية من أفغانستان',
    'views' => 480,
    'lang' => 'ar',
    'content' => blocks(
        b_p('<strong>بلجيكا. بروكسل:</strong> أكد وزير الخارجية الأمريكي أنتوني بلينكن في مؤتمر صحفي في بروكسل أن الولايات المتحدة ستعيد بناء حلف شمال الأطلسي وتنشيطه، وستتشاور مع الحلفاء بشأن أي انسحاب محتمل من أفغانستان.'),
        b_p('وقال بلينكن إن مراجعة للوضع في أفغانستان جارية في الولايات المتحدة، وإنه سيشارك النتائج الأولية مع حلفاء الناتو.'),
        b_h('الانسحاب معاً'),
        b_quote('دخلنا معاً، وتكيّفنا معاً، وعندما يحين الوقت سنغادر معاً.', 'أنتوني بلينكن'),
        b_p('<strong>اقرأ أيضاً:</strong> <a href="{{LINK:nato-will-not-leave-afghanistan-before-the-time-is-right}}">الناتو لن يغادر أفغانستان قبل أن يحين الوقت المناسب</a>'),
        b_p('ومن المقرر أن يلتقي وزراء خارجية الدول الأعضاء مرة أخرى في الشهر المقبل.')
    ),
));

herald_post(array(
    'slug' => 'persian-we-will-leave-together',
    'title' => 'بلینکن: با هم وارد شدیم و با هم خارج می‌شویم',
    'date' => '2024-01-23 10:00:00',
    'author' => $omid,
    'cats' => array('world'),
    'tags' => array('NATO', 'Afghanistan'),
    'excerpt' => 'آمریکا و متحدانش درباره خروج نیروهای خارجی از افغانستان گفت‌وگو کردند',
    'views' => 455,
    'lang' => 'fa',
    'content' => blocks(
        b_p('<strong>بلژیک. بروکسل:</strong> آنتونی بلینکن، وزیر خارجه آمریکا، در نشستی خبری در بروکسل گفت که ایالات متحده ائتلاف ناتو را «بازسازی و تقویت» می‌کند و برنامه‌های خود درباره خروج احتمالی از افغانستان را با متحدان در میان می‌گذارد.'),
        b_p('او افزود که بازبینی وضعیت افغانستان در آمریکا ادامه دارد و یافته‌های اولیه را با متحدان ناتو به اشتراک خواهد گذاشت.'),
        b_h('خروج با هم'),
        b_quote('ما با هم وارد شدیم، با هم خود را تطبیق دادیم و وقتی زمانش برسد، با هم خارج می‌شویم.', 'آنتونی بلینکن'),
        b_p('<strong>بیشتر بخوانید:</strong> <a href="{{LINK:nato-will-not-leave-afghanistan-before-the-time-is-right}}">ناتو پیش از «زمان مناسب» افغانستان را ترک نمی‌کند</a>'),
        b_p('ینس استولتنبرگ، دبیرکل ناتو، نیز گفت که کاهش خشونت شرط هر تصمیمی است.')
    ),
));

herald_post(array(
    'slug' => 'password-protected',
    'title' => 'A post for subscribers only',
    'date' => '2024-01-24 10:00:00',
    'cats' => array('madrid'),
    'password' => 'herald',
    'content' => blocks(b_p('Only readers with the password (<code>herald</code>) see this text.'), b_p($lorem[0])),
));

herald_post(array(
    'slug' => 'featured-image',
    'title' => 'The clock that counts down the year',
    'date' => '2024-01-25 10:00:00',
    'author' => $sara,
    'cats' => array('madrid', 'culture'),
    'tags' => array('Madrid', 'Photography'),
    'excerpt' => 'A post with a featured image: with _embed, the REST API brings it as wp:featuredmedia, with every size.',
    'thumbnail' => $img['sol'],
    'views' => 800,
    'content' => blocks(
        b_p('The clock of the Puerta del Sol has marked the new year on television since 1962.'),
        b_p($lorem[1])
    ),
));

herald_post(array(
    'slug' => 'pullquote-block',
    'title' => 'What the mayor said',
    'date' => '2024-01-26 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'content' => blocks(
        b_p($lorem[0]),
        b_pullquote('The square belongs to the people who walk through it.', 'The mayor of Madrid'),
        b_p($lorem[1])
    ),
));

herald_post(array(
    'slug' => 'separator-block',
    'title' => 'Three kinds of separator',
    'date' => '2024-01-27 10:00:00',
    'cats' => array('technology'),
    'content' => blocks(
        b_p('Before the default separator.'),
        b_sep(),
        b_p('Before the wide one.'),
        b_sep('wide'),
        b_p('Before the dots.'),
        b_sep('dots'),
        b_p('After the dots.')
    ),
));

herald_post(array(
    'slug' => 'caption-shortcode',
    'title' => 'The morning papers',
    'date' => '2024-01-28 10:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    // Classic-editor content with the [caption] shortcode the classic editor writes around a captioned image.
    'content' => '[caption id="attachment_' . $img['kiosk'] . '" align="aligncenter" width="1024"]<img class="size-large wp-image-' . $img['kiosk']
        . '" src="' . esc_url(herald_src($img['kiosk'], 'large')) . '" alt="A newspaper kiosk with the morning papers on display" width="1024" height="683" /> A kiosk on the Gran Vía.[/caption]'
        . "\n\nThe classic editor wraps a captioned image in a <code>&#91;caption]</code> shortcode.\n\nKiosks open at seven; the first papers arrive at six.",
));

herald_post(array(
    'slug' => 'image-block',
    'title' => 'Museum visitors, in a chart',
    'date' => '2024-01-29 10:00:00',
    'cats' => array('culture'),
    'tags' => array('Data'),
    'content' => blocks(
        b_p('An image block linked to the full-size file, with a caption, then a smaller centred copy.'),
        b_image($img['chart'], 'large', 'Museum visitors per month (sample data).', herald_src($img['chart'])),
        b_image($img['chart'], 'medium', '', '', array('align' => 'center', 'width' => 300, 'height' => 175))
    ),
));

herald_post(array(
    'slug' => 'sticky-post',
    'title' => 'Editor’s pick: a month of stories from Madrid',
    'date' => '2024-01-30 10:00:00',
    'author' => $sara,
    'cats' => array('must-read', 'madrid'),
    'tags' => array('Madrid'),
    'excerpt' => 'The sticky post: WordPress lists it first on the home page.',
    'sticky' => true,
    'views' => 100,
    'content' => blocks(b_p('This post is sticky. The REST API marks it with <code>"sticky": true</code>; <code>?sticky=true</code> finds it.'), b_p($lorem[2])),
));

herald_post(array(
    'slug' => 'last-second-of-january',
    'title' => 'The last second of January',
    'date' => '2024-01-31 23:59:59',
    'author' => $sara,
    'cats' => array('madrid'),
    'content' => blocks(b_p('Published at 23:59:59 on 31 January, Madrid time (22:59:59 UTC).'), b_p($lorem[0])),
));

herald_post(array(
    'slug' => 'draft-post',
    'title' => 'A draft nobody should see',
    'date' => '2024-01-15 12:00:00',
    'status' => 'draft',
    'content' => blocks(b_p('Drafts are not public: the REST API does not list this post.')),
));

/* --- March 2024 (February has no posts) ------------------------------------------------------------------- */

herald_post(array(
    'slug' => 'march-opens-at-midnight',
    'title' => 'March opens at midnight',
    'date' => '2024-03-01 00:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'content' => blocks(b_p('Published at 00:00:00 on 1 March, Madrid time (29 February, 23:00:00 UTC: 2024 is a leap year).'), b_p($lorem[1])),
));
herald_post(array(
    'slug' => 'mid-march-report',
    'title' => 'Spring comes early to the Retiro',
    'date' => '2024-03-15 12:00:00',
    'author' => $sara,
    'cats' => array('madrid'),
    'tags' => array('Madrid'),
    'content' => blocks(b_p('The first blossom appeared in the Retiro two weeks earlier than usual.'), b_p($lorem[2])),
));
herald_post(array(
    'slug' => 'last-second-of-march',
    'title' => 'The last second of March, in summer time',
    'date' => '2024-03-31 23:59:59',
    'content' => blocks(b_p('Published at 23:59:59 on 31 March, Madrid time, the day the clocks went forward: 21:59:59 UTC. This post has no category but “Uncategorized”.'), b_p($lorem[0])),
));

printf("posts: %.1fs\n", microtime(true) - $t0);

/* ==========================================================================================================
 * Links between posts, post IDs in the content, comments
 */
foreach ($posts as $slug => $id) {
    $content = get_post_field('post_content', $id, 'raw');
    $new = preg_replace_callback('/\{\{(LINK|ATTACHMENT):([^}]+)\}\}/', function ($m) use ($posts) {
        return $m[1] === 'LINK' ? get_permalink($posts[$m[2]]) : get_attachment_link((int) $m[2]);
    }, $content);
    $new = str_replace('{{ID}}', (string) $id, $new);
    if ($new !== $content) {
        $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, array('post_content' => $new), array('ID' => $id));
        clean_post_cache($id);
    }
}

$commenters = array(
    array('Lucía Gómez', 'lucia@example.com'),
    array('James Carter', 'james@example.com'),
    array('Amina Rahimi', 'amina@example.com'),
    array('Pedro Alonso', 'pedro@example.com'),
    array('Nadia Haidari', 'nadia@example.com'),
);
$comment_counts = array(
    'we-went-in-together-we-will-leave-together-anthony-blinken' => 3,
    'youtube-embed' => 5,
    'gallery-block' => 2,
    'sticky-post' => 4,
    'بلينكن-دخلنا-معا-وسنغادر-معا' => 1,
    'table-block' => 1,
);
foreach ($comment_counts as $slug => $count) {
    $post = get_post($posts[$slug]);
    for ($i = 0; $i < $count; $i++) {
        $who = $commenters[$i % count($commenters)];
        $date = date('Y-m-d H:i:s', strtotime($post->post_date) + 3600 * ($i + 1));
        wp_insert_comment(wp_slash(array(
            'comment_post_ID' => $post->ID,
            'comment_author' => $who[0],
            'comment_author_email' => $who[1],
            'comment_content' => 'Comment ' . ($i + 1) . ' on “' . $post->post_title . '”.',
            'comment_date' => $date,
            'comment_date_gmt' => get_gmt_from_date($date),
            'comment_approved' => 1,
        )));
    }
}
// A comment awaiting moderation: not counted.
wp_insert_comment(wp_slash(array(
    'comment_post_ID' => $posts['we-went-in-together-we-will-leave-together-anthony-blinken'],
    'comment_author' => 'Anonymous',
    'comment_author_email' => 'anon@example.com',
    'comment_content' => 'Waiting for moderation.',
    'comment_date' => '2021-03-25 08:00:00',
    'comment_date_gmt' => get_gmt_from_date('2021-03-25 08:00:00'),
    'comment_approved' => 0,
)));

$published = 0;
foreach ($posts as $id) {
    $published += get_post_status($id) === 'publish' ? 1 : 0;
}
echo 'seeded ', count($posts), ' posts (', $published, ' published), ', count($img) + 2, " attachments\n";
