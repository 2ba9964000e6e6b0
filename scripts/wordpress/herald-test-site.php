<?php
/**
 * Plugin Name: Herald test site
 * Description: Must-use plugin of Herald's WordPress test harness (scripts/wordpress): plain permalinks on the
 *              second server, no mail, canned oEmbed answers for two seeded URLs, a stand-in for the WordPress
 *              Popular Posts REST route, an optional Polylang-like `lang` field, and a settings route for tests.
 * Version: 1
 *
 * Test-only: the settings route below changes the site without authentication. Never install this on a real site.
 */

if (!defined('ABSPATH')) {
    exit;
}

/* ------------------------------------------------------------------------------------------------------------
 * Plain permalinks on the server started with HERALD_WP_PLAIN=1 (its router rewrites nothing either), so the
 * same site and database answer with `?p=123` links and `?rest_route=/…` there.
 */
if (getenv('HERALD_WP_PLAIN') === '1') {
    add_filter('pre_option_permalink_structure', '__return_empty_string');
}

/* No mail from a test site (there is no MTA). */
add_filter('pre_wp_mail', '__return_true');

/* ------------------------------------------------------------------------------------------------------------
 * oEmbed: the machine is offline (wp-config.php blocks external HTTP). Two seeded URLs get the answer their
 * provider gives, as a site online would cache it; any other URL fails as offline and renders as a link.
 */
function herald_canned_oembed($url)
{
    $canned = array(
        'https://www.youtube.com/watch?v=M7lc1UVf-VE' =>
            '<iframe width="500" height="281" src="https://www.youtube.com/embed/M7lc1UVf-VE?feature=oembed" '
            . 'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
            . 'picture-in-picture; web-share" allowfullscreen title="YouTube Developers Live: Embedded Web Player '
            . 'Customization"></iframe>',
        'https://twitter.com/heraldsample/status/1374702357178052610' =>
            '<blockquote class="twitter-tweet" data-width="500" data-dnt="true"><p lang="en" dir="ltr">NATO foreign '
            . 'ministers meet in Brussels to discuss the mission in Afghanistan. A sample post for Herald&#39;s test '
            . 'site. <a href="https://t.co/hEr4Ld5aMp">https://t.co/hEr4Ld5aMp</a></p>&mdash; Herald Sample '
            . '(@heraldsample) <a href="https://twitter.com/heraldsample/status/1374702357178052610?ref_src=twsrc%5Etfw">'
            . 'March 24, 2021</a></blockquote><script async src="https://platform.twitter.com/widgets.js" '
            . 'charset="utf-8"></script>',
    );
    return isset($canned[$url]) ? $canned[$url] : null;
}

add_filter('pre_oembed_result', function ($result, $url) {
    $html = herald_canned_oembed($url);
    return $html === null ? $result : $html;
}, 10, 2);

/* ------------------------------------------------------------------------------------------------------------
 * The footnotes block of WordPress 6.3+ on this 6.1 site, so that a post written on a newer site (anchors
 * `<sup data-fn>` in the text, the notes in the `footnotes` post meta, `<!-- wp:footnotes /-->`) renders as
 * 6.3 renders it: `<ol class="wp-block-footnotes"><li id="…">note <a href="#…-link">↩︎</a></li></ol>`.
 */
add_action('init', function () {
    if (WP_Block_Type_Registry::get_instance()->is_registered('core/footnotes')) {
        return; // WordPress 6.3+ has its own
    }
    register_post_meta('post', 'footnotes', array('show_in_rest' => true, 'single' => true, 'type' => 'string'));
    register_block_type('core/footnotes', array(
        'uses_context' => array('postId', 'postType'),
        'render_callback' => function ($attributes, $content, $block) {
            if (empty($block->context['postId']) || post_password_required($block->context['postId'])) {
                return '';
            }
            $footnotes = json_decode((string) get_post_meta($block->context['postId'], 'footnotes', true), true);
            if (!is_array($footnotes) || count($footnotes) === 0) {
                return '';
            }
            $items = '';
            foreach ($footnotes as $footnote) {
                $items .= sprintf('<li id="%1$s">%2$s <a href="#%1$s-link">↩︎</a></li>', $footnote['id'], $footnote['content']);
            }
            return sprintf('<ol %1$s>%2$s</ol>', get_block_wrapper_attributes(), $items);
        },
    ));
});

/* ------------------------------------------------------------------------------------------------------------
 * Stand-in for the WordPress Popular Posts plugin's REST route, registered while the option `herald_wpp` is
 * '1': GET /wp-json/wordpress-popular-posts/v1/popular-posts (or ?rest_route=/wordpress-popular-posts/v1/…).
 * Like the plugin (src/Rest/PostsEndpoint.php) it answers a JSON array of posts in the shape of /wp/v2/posts
 * (WP_REST_Posts_Controller::prepare_item_for_response, so `_embed` works) plus `pageviews`. Views are the
 * seeded post meta `_herald_views`; `order_by=comments` sorts by comment count. `range` and `freshness` are
 * accepted and ignored (the seeded dates are old: the real plugin's default last24hours would answer []).
 */
add_action('rest_api_init', function () {
    if (get_option('herald_wpp') !== '1') {
        return;
    }
    register_rest_route('wordpress-popular-posts/v1', '/popular-posts', array(
        array(
            'methods' => WP_REST_Server::READABLE,
            'callback' => 'herald_wpp_popular_posts',
            'permission_callback' => '__return_true',
            'args' => array(
                'post_type' => array('type' => 'string', 'default' => 'post'),
                'limit' => array('type' => 'integer', 'default' => 10, 'minimum' => 1, 'sanitize_callback' => 'absint'),
                'offset' => array('type' => 'integer', 'default' => 0, 'minimum' => 0, 'sanitize_callback' => 'absint'),
                'order_by' => array('type' => 'string', 'enum' => array('views', 'comments'), 'default' => 'views'),
                'range' => array(
                    'type' => 'string',
                    'enum' => array('last24hours', 'last7days', 'last30days', 'all', 'custom'),
                    'default' => 'last24hours',
                ),
                'freshness' => array('type' => 'string', 'enum' => array('0', '1'), 'default' => '0'),
            ),
        ),
    ));
});

function herald_wpp_popular_posts(WP_REST_Request $request)
{
    if ($request->offsetExists('context')) {
        $request->offsetUnset('context');
    }
    $args = array(
        'post_type' => 'post',
        'post_status' => 'publish',
        'has_password' => false,
        'ignore_sticky_posts' => true,
        'no_found_rows' => true,
        'posts_per_page' => max(1, (int) $request['limit']),
        'offset' => (int) $request['offset'],
    );
    if ($request['order_by'] === 'comments') {
        $args['orderby'] = array('comment_count' => 'DESC', 'date' => 'DESC');
    } else {
        $args['meta_key'] = '_herald_views';
        $args['orderby'] = array('meta_value_num' => 'DESC', 'date' => 'DESC');
    }
    $controller = new WP_REST_Posts_Controller('post');
    $items = array();
    foreach ((new WP_Query($args))->posts as $post) {
        $data = $controller->prepare_item_for_response($post, $request);
        $data->data['pageviews'] = (int) get_post_meta($post->ID, '_herald_views', true);
        $items[] = $controller->prepare_response_for_collection($data);
    }
    return new WP_REST_Response($items, 200);
}

/* ------------------------------------------------------------------------------------------------------------
 * Polylang-like `lang` field on posts (Polylang adds `lang` to every post), while the option `herald_polylang`
 * is '1'. The language is the seeded post meta `_herald_lang`, else the site's.
 */
add_action('rest_api_init', function () {
    if (get_option('herald_polylang') !== '1') {
        return;
    }
    register_rest_field('post', 'lang', array(
        'get_callback' => function ($post) {
            $lang = get_post_meta($post['id'], '_herald_lang', true);
            return $lang ? $lang : 'en';
        },
        'schema' => array('type' => 'string', 'context' => array('view', 'edit', 'embed')),
    ));
});

/* ------------------------------------------------------------------------------------------------------------
 * Settings for tests, without authentication (test-only):
 *   GET  /?rest_route=/herald-test/v1/settings                      -> {"wpp":true,"permalinks":"pretty","polylang":false}
 *   POST /?rest_route=/herald-test/v1/settings&wpp=0                 the Popular Posts route off (1: on)
 *   POST /?rest_route=/herald-test/v1/settings&permalinks=plain      plain permalinks on this site (pretty: /%postname%/)
 *   POST /?rest_route=/herald-test/v1/settings&polylang=1            the `lang` field on
 * `scripts/wordpress/ctl` does the same from a shell.
 */
function herald_test_settings()
{
    return array(
        'wpp' => get_option('herald_wpp') === '1',
        'permalinks' => get_option('permalink_structure') ? 'pretty' : 'plain',
        'polylang' => get_option('herald_polylang') === '1',
    );
}

function herald_test_apply_settings($params)
{
    foreach (array('wpp', 'polylang') as $flag) {
        if (isset($params[$flag])) {
            update_option('herald_' . $flag, rest_sanitize_boolean($params[$flag]) ? '1' : '0');
        }
    }
    if (isset($params['permalinks'])) {
        global $wp_rewrite;
        $structure = $params['permalinks'] === 'plain' ? '' : '/%postname%/';
        remove_filter('pre_option_permalink_structure', '__return_empty_string');
        $wp_rewrite->set_permalink_structure($structure);
        $wp_rewrite->flush_rules(false);
        if (getenv('HERALD_WP_PLAIN') === '1') {
            add_filter('pre_option_permalink_structure', '__return_empty_string');
        }
    }
    return herald_test_settings();
}

add_action('rest_api_init', function () {
    register_rest_route('herald-test/v1', '/settings', array(
        array(
            'methods' => WP_REST_Server::READABLE,
            'callback' => 'herald_test_settings',
            'permission_callback' => '__return_true',
        ),
        array(
            'methods' => WP_REST_Server::EDITABLE,
            'callback' => function (WP_REST_Request $request) {
                return herald_test_apply_settings($request->get_params());
            },
            'permission_callback' => '__return_true',
            'args' => array(
                'wpp' => array('type' => 'boolean'),
                'polylang' => array('type' => 'boolean'),
                'permalinks' => array('type' => 'string', 'enum' => array('pretty', 'plain')),
            ),
        ),
    ));
});
