//! The mapping of real WordPress answers: the documents of
//! `tests/fixtures/wordpress-live/`, recorded from the live test site
//! (`scripts/wordpress/record`; the README there). Each post is checked by
//! structure, as `e2e/tests/wordpress-live.spec.mjs` checks the page: cells
//! in rows, images in the gallery, items in nested lists, marks on their
//! runs, media as links out.
//!
//! The site's address (`http://127.0.0.1:PORT`) changes from one recording
//! to the next: every expected URL is made from the recorded post's own
//! `link`, never from a port written here.

use super::*;
use crate::core::article::{Align, Block, Embed, EmbedKind, Image, List, Marks, Preformatted, Run};
use crate::core::fixtures::{embeds, kinds};
use crate::core::html::tests::Html5ever;
use crate::core::i18n::text_direction;
use crate::core::json::parse;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wordpress-live");

/// Every recorded post's file (without `.json`) and the warnings reading
/// it may give; `listing-page-1.json` is the one other file.
const POSTS: &[(&str, &[&str])] = &[
    ("gallery-block", &[]),
    ("gallery-block-legacy", &[]),
    ("gallery-shortcode", &[]),
    ("youtube-embed", &["showed a <iframe> as a link to "]),
    ("youtube-embed-offline", &[]),
    ("twitter-embed", &[]),
    ("video-block", &["showed a <video> as a link to "]),
    ("audio-block", &["showed a <audio> as a link to "]),
    ("table-block", &[]),
    ("nested-list", &[]),
    ("code-block", &[]),
    ("preformatted-block", &[]),
    ("verse-block", &[]),
    ("inline-formats", &[]),
    // The notes' links back to the text (`href="#fnref-1"`): see
    // `footnote_back_links_are_not_reported_as_unsafe` below.
    (
        "footnotes-manual",
        &["dropped a link whose address is not allowed"],
    ),
    (
        "footnotes-easy-footnotes",
        &["dropped a link whose address is not allowed"],
    ),
    (
        "footnotes-block",
        &["dropped a link whose address is not allowed"],
    ),
    (
        "cover-block",
        &["showed a cover block's text without its background image"],
    ),
    ("inline-image", &[]),
    ("no-manual-excerpt", &[]),
    ("password-protected", &["the post is protected by a password"]),
    ("featured-image", &[]),
    ("pullquote-block", &[]),
    ("separator-block", &[]),
    ("caption-shortcode", &[]),
    ("image-block", &[]),
    ("arabic-post", &[]),
    ("persian-we-will-leave-together", &[]),
];

/// The recorded document `name`.json.
fn doc(name: &str) -> Json {
    let path = format!("{DIR}/{name}.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The site's origin as the recorded answer gives it (`http://127.0.0.1:PORT`).
fn site_of(json: &Json) -> String {
    let first = json
        .as_array()
        .and_then(<[Json]>::first)
        .expect("an array of posts");
    let link = first.get("link").and_then(Json::as_str).expect("a link");
    origin(link).expect("an http(s) link").to_string()
}

/// A recorded post, read as the widget reads it (the request's address as
/// the base), and its site's origin.
fn read(name: &str) -> (Parsed<Article>, String) {
    let json = doc(name);
    let site = site_of(&json);
    let slug = json.as_array().unwrap()[0]
        .get("slug")
        .and_then(Json::as_str)
        .unwrap()
        .to_string();
    let base = format!("{site}/wp-json/wp/v2/posts?slug={slug}&_embed");
    let parsed = article(&json, &base, &Html5ever, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    (parsed, site)
}

fn post(name: &str) -> (Article, String) {
    let (parsed, site) = read(name);
    (parsed.value, site)
}

fn text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

fn paragraphs(body: &[Block]) -> Vec<&Vec<Run>> {
    body.iter()
        .filter_map(|b| match b {
            Block::Paragraph(runs) => Some(runs),
            _ => None,
        })
        .collect()
}

fn the_embed(a: &Article) -> &Embed {
    let embeds = embeds(&a.body);
    assert_eq!(embeds.len(), 1, "{}: {:#?}", a.slug, a.body);
    embeds[0]
}

fn widths(image: &Image) -> Vec<u32> {
    image.sources.iter().map(|s| s.width).collect()
}

#[test]
fn every_recorded_post_reads_as_an_article_of_its_site() {
    // Every file is one this module knows: a new recording comes with its checks.
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    files.sort();
    let mut known: Vec<String> = POSTS.iter().map(|(n, _)| n.to_string()).collect();
    known.push("listing-page-1".into());
    known.sort();
    assert_eq!(files, known);
    for (name, allowed) in POSTS {
        let (parsed, site) = read(name);
        let a = &parsed.value;
        assert!(site.starts_with("http://127.0.0.1:"), "{name}: {site}");
        assert_eq!(
            crate::core::url::decode_percent(&a.url),
            Some(format!("{site}/{}/", a.slug)),
            "{name}"
        );
        assert!(!a.headline.is_empty() && a.published.is_some(), "{name}");
        assert_eq!(a.authors.len(), 1, "{name}");
        assert!(a.authors[0].bio.is_some() && a.authors[0].url.is_some(), "{name}");
        assert_eq!(a.locked, *name == "password-protected", "{name}");
        assert!(a.locked || !a.body.is_empty(), "{name}");
        for w in &parsed.warnings {
            assert!(
                allowed.iter().any(|p| w.starts_with(p)),
                "{name}: unexpected warning {w:?}"
            );
        }
        // Every image and link of the body resolved to an absolute address.
        for url in a.body.iter().flat_map(Block::urls) {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "{name}: {url}"
            );
        }
    }
}

#[test]
fn galleries_hold_their_images_with_captions_in_all_three_markups() {
    let captions = [
        Some("The Gran Vía at dusk."),
        Some("Rowing boats on the Retiro lake."),
        None,
    ];
    let cases = [
        (
            "gallery-block",
            &["p", "gallery", "p"][..],
            Some("Madrid in January: the Gran Vía, the Retiro and Cibeles."),
            captions,
            "gran-via-at-dusk-1024x683.jpg",
        ),
        (
            "gallery-block-legacy",
            &["p", "gallery"][..],
            Some("Madrid in January, in the older gallery markup."),
            captions,
            "gran-via-at-dusk-1024x683.jpg",
        ),
        (
            "gallery-shortcode",
            &["p", "gallery", "p"][..],
            None,
            [
                Some("The Gran Vía at dusk."),
                Some("Rowing boats on the Retiro lake."),
                Some("Cibeles, in portrait."),
            ],
            "gran-via-at-dusk-300x200.jpg",
        ),
    ];
    for (name, shape, caption, image_captions, first_file) in cases {
        let (a, site) = post(name);
        assert_eq!(kinds(&a.body), shape, "{name}: {:#?}", a.body);
        let Block::Gallery { images, caption: c } = &a.body[1] else {
            unreachable!()
        };
        assert_eq!(c.as_deref(), caption, "{name}");
        assert_eq!(
            images.iter().map(|i| i.caption.as_deref()).collect::<Vec<_>>(),
            image_captions,
            "{name}"
        );
        assert_eq!(
            images[0].src,
            format!("{site}/wp-content/uploads/2024/01/{first_file}")
        );
        assert_eq!(
            images[0].alt, "The Gran Vía at dusk, its shop fronts lit",
            "{name}"
        );
        assert!(
            images.iter().all(|i| i.width.is_some() && i.height.is_some()),
            "{name}"
        );
        // WordPress' own sizes, from the srcset: the view offers them to the browser.
        assert_eq!(widths(&images[0]), [300, 768, 1024, 1536, 1600], "{name}");
        assert_eq!(widths(&images[2]), [200, 683, 768, 1000], "{name}");
        assert!(images[0].sources[0]
            .src
            .ends_with("/gran-via-at-dusk-300x200.jpg"));
    }
}

#[test]
fn embeds_are_links_to_the_originals() {
    let (youtube, _) = read("youtube-embed");
    let e = the_embed(&youtube.value);
    assert_eq!(
        (e.kind, e.provider.as_deref(), e.url.as_str()),
        (
            EmbedKind::Video,
            Some("YouTube"),
            "https://www.youtube.com/watch?v=M7lc1UVf-VE"
        )
    );
    assert_eq!(
        e.title.as_deref(),
        Some("YouTube Developers Live: Embedded Web Player Customization")
    );
    assert_eq!(
        e.caption.as_deref(),
        Some("The YouTube IFrame player, explained by its developers.")
    );
    assert_eq!(kinds(&youtube.value.body), ["p", "embed", "p"]);
    assert!(youtube
        .warnings
        .contains(&"showed a <iframe> as a link to https://www.youtube.com/watch?v=M7lc1UVf-VE".to_string()));

    // The bare URL WordPress leaves when oEmbed failed: an embed, not a paragraph.
    let (offline, _) = post("youtube-embed-offline");
    assert_eq!(kinds(&offline.body), ["p", "embed"]);
    let e = the_embed(&offline);
    assert_eq!(
        (
            e.kind,
            e.provider.as_deref(),
            e.url.as_str(),
            e.caption.as_deref()
        ),
        (
            EmbedKind::Video,
            Some("YouTube"),
            "https://youtu.be/aqz-KE-bpKQ",
            None
        )
    );

    // The tweet's blockquote: a post on Twitter, its words as the title; the script is gone.
    let (tweet, _) = post("twitter-embed");
    assert_eq!(kinds(&tweet.body), ["p", "embed", "p"]);
    let e = the_embed(&tweet);
    assert_eq!(
        (e.kind, e.provider.as_deref()),
        (EmbedKind::Post, Some("Twitter"))
    );
    assert!(
        e.url
            .starts_with("https://twitter.com/heraldsample/status/1374702357178052610"),
        "{e:?}"
    );
    assert!(
        e.title
            .as_deref()
            .is_some_and(|t| t.starts_with("NATO foreign ministers meet in Brussels")),
        "{e:?}"
    );

    // Self-hosted media: links to the files on the site, with the poster and caption.
    let (video, site) = post("video-block");
    let e = the_embed(&video);
    assert_eq!(e.kind, EmbedKind::Video);
    assert_eq!(
        e.url,
        format!("{site}/wp-content/uploads/2024/01/test-pattern.mp4")
    );
    assert_eq!(e.details.as_deref(), Some("MP4"));
    assert_eq!(
        crate::core::player::player(e),
        Some(crate::core::player::Player::Video),
        "{e:?}"
    );
    assert_eq!(e.caption.as_deref(), Some("Two seconds of a test pattern."));
    assert_eq!(
        e.poster.as_ref().map(|p| p.src.as_str()),
        Some(format!("{site}/wp-content/uploads/2024/01/plaza-mayor-1024x576.jpg").as_str())
    );
    let (audio, site) = post("audio-block");
    let e = the_embed(&audio);
    assert_eq!(e.kind, EmbedKind::Audio);
    assert_eq!(
        e.url,
        format!("{site}/wp-content/uploads/2024/01/tuning-tone.mp3")
    );
    assert_eq!(e.details.as_deref(), Some("MP3"));
    assert_eq!(
        crate::core::player::player(e),
        Some(crate::core::player::Player::Audio),
        "{e:?}"
    );
    assert_eq!(
        e.caption.as_deref(),
        Some("Two seconds of A440, the tuning note.")
    );
    assert!(e.poster.is_none());
}

#[test]
fn a_table_keeps_its_caption_header_row_body_rows_and_alignment() {
    let (a, _) = post("table-block");
    assert_eq!(kinds(&a.body), ["p", "table"]);
    let Block::Table(t) = &a.body[1] else {
        unreachable!()
    };
    assert_eq!(
        t.caption.as_deref(),
        Some("Population of Spain’s three largest cities on 1 January 2023 (sample figures).")
    );
    assert_eq!(t.head_rows, 1);
    let rows: Vec<Vec<(String, bool)>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| (text(&c.runs), c.header)).collect())
        .collect();
    let row = |cells: [&str; 3], header: bool| -> Vec<(String, bool)> {
        cells.iter().map(|c| (c.to_string(), header)).collect()
    };
    assert_eq!(
        rows,
        [
            row(["City", "Population", "Area (km²)"], true),
            row(["Madrid", "3,332,035", "604.3"], false),
            row(["Barcelona", "1,660,122", "101.4"], false),
            row(["Valencia", "807,693", "134.6"], false),
            // The footer row (`tfoot`) is the last body row.
            row(["Total", "5,799,850", "840.3"], false),
        ]
    );
    assert!(t.rows.iter().flatten().all(|c| c.colspan == 1 && c.rowspan == 1));
    assert_eq!(t.align, [None, Some(Align::End), Some(Align::End)]);
}

#[test]
fn nested_lists_keep_their_levels_and_numbering() {
    let (a, _) = post("nested-list");
    assert_eq!(kinds(&a.body), ["p", "list", "p", "list"]);
    let (Block::List(first), Block::List(second)) = (&a.body[1], &a.body[3]) else {
        unreachable!()
    };
    let items = |l: &List| l.items.iter().map(|i| text(&i.runs)).collect::<Vec<_>>();
    assert!(!first.ordered && first.start.is_none());
    // Each item's own text, apart from its sub-list's.
    assert_eq!(items(first), ["Museums", "Parks", "Markets, on Sunday mornings"]);
    let museums = &first.items[0].lists;
    assert_eq!(museums.len(), 1);
    assert_eq!(
        items(&museums[0]),
        ["The Prado", "The Reina Sofía", "The Thyssen-Bornemisza"]
    );
    // Three levels deep, its marks kept.
    let reina = &museums[0].items[1].lists;
    assert_eq!(reina.len(), 1);
    let guernica = &reina[0].items[0];
    assert_eq!(text(&guernica.runs), "Guernica, room 205.10");
    assert!(guernica.runs[0].emphasis && guernica.runs[0].text == "Guernica");
    assert!(guernica.lists.is_empty());
    assert_eq!(items(&first.items[1].lists[0]), ["The Retiro", "Casa de Campo"]);
    let markets = &first.items[2];
    assert!(markets.lists.is_empty());
    assert!(markets.runs.iter().any(|r| r.strong && r.text == "Sunday"));

    assert!(second.ordered);
    assert_eq!(second.start, Some(3));
    assert_eq!(
        items(second),
        ["Early morning", "Late afternoon", "Never on a holiday"]
    );
    let sub = &second.items[1].lists;
    assert_eq!(sub.len(), 1);
    assert!(sub[0].ordered && sub[0].start.is_none());
    assert_eq!(
        items(&sub[0]),
        ["On weekdays", "After 18:00, when some museums are free"]
    );
}

#[test]
fn code_preformatted_text_and_verse_keep_their_lines_and_spaces() {
    let (a, _) = post("code-block");
    assert_eq!(kinds(&a.body), ["p", "pre", "p", "pre", "pre"]);
    let code: Vec<(&Preformatted, &str)> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Preformatted {
                kind,
                text: t,
                language,
            } => {
                assert_eq!(*language, None);
                Some((kind, t.as_str()))
            }
            _ => None,
        })
        .collect();
    assert!(code.iter().all(|(k, _)| **k == Preformatted::Code));
    // Entities decoded, indentation and line breaks kept, markup as text.
    assert_eq!(
        code[0].1,
        "fetch('/wp-json/wp/v2/posts?slug=hello-world&_embed')\n  .then((response) => response.json())\n  .then(([post]) => {\n    if (post && post.id < 10) console.log(\"<b>\" + post.title.rendered + \"</b>\");\n    else console.log('[no post]');\n  });"
    );
    assert_eq!(
        code[1].1,
        "curl -sI 'http://127.0.0.1:8080/wp-json/wp/v2/posts?per_page=10' | grep -i '^x-wp-total'"
    );
    assert_eq!(code[2].1, "https://developer.wordpress.org/rest-api/");
    // Inline code in the paragraph: the escaped characters, each a code run.
    let Block::Paragraph(runs) = &a.body[0] else {
        unreachable!()
    };
    let inline: Vec<&str> = runs
        .iter()
        .filter(|r| r.marks.contains(Marks::CODE))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(inline, ["<", "&", "["]);

    let (a, _) = post("preformatted-block");
    assert_eq!(kinds(&a.body), ["p", "pre"]);
    assert_eq!(
        a.body[1],
        Block::Preformatted {
            kind: Preformatted::Plain,
            text: "Museum          Mon    Tue–Sat   Sun\nPrado           10–20  10–20     10–19\nReina Sofía     10–21  closed    10–14.30\nThyssen         12–16  10–19     10–19".into(),
            language: None,
        }
    );

    let (a, _) = post("verse-block");
    assert_eq!(kinds(&a.body), ["p", "pre", "p"]);
    assert_eq!(
        a.body[1],
        Block::Preformatted {
            kind: Preformatted::Verse,
            text: "The river sleeps beneath the bridge,\n    the city hums its winter hymn;\nthe lamps come on along the ridge,\n    and every window, gold and dim.".into(),
            language: None,
        }
    );
}

#[test]
fn inline_formats_mark_exactly_their_runs() {
    let (a, site) = post("inline-formats");
    let paras = paragraphs(&a.body);
    assert_eq!(paras.len(), 5);
    assert_eq!(
        text(paras[0]),
        "Water is H2O and Einstein wrote E = mc2. The price was €12 €9. Press Ctrl + C to copy, then call navigator.clipboard.readText()."
    );
    let marked: Vec<(&str, &str)> = paras
        .iter()
        .flat_map(|p| p.iter())
        .flat_map(|r| {
            Marks::ALL
                .iter()
                .filter(|(m, _, _)| r.marks.contains(*m))
                .map(|(_, name, _)| (*name, r.text.as_str()))
        })
        .collect();
    assert_eq!(
        marked,
        [
            ("subscript", "2"),
            ("superscript", "2"),
            ("strikethrough", "€12"),
            ("keyboard", "Ctrl"),
            ("keyboard", "C"),
            ("code", "navigator.clipboard.readText()"),
            // A text colour is a transparent <mark>: not a highlight.
            ("highlight", "this is highlighted"),
        ]
    );
    let runs: Vec<&Run> = paras.iter().flat_map(|p| p.iter()).collect();
    let emphasis: Vec<&str> = runs
        .iter()
        .filter(|r| r.emphasis)
        .map(|r| r.text.as_str())
        .collect();
    let strong: Vec<&str> = runs
        .iter()
        .filter(|r| r.strong)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!((emphasis, strong), (vec!["emphasised"], vec!["strong"]));
    let links: Vec<(&str, &str)> = runs
        .iter()
        .filter_map(|r| Some((r.text.as_str(), r.href.as_deref()?)))
        .collect();
    assert_eq!(
        links,
        [
            ("to WordPress", "https://wordpress.org/"),
            (
                "that opens in a new tab",
                "https://developer.wordpress.org/block-editor/"
            ),
        ]
    );
    assert_eq!(
        text(paras[2]),
        "A link to WordPress, one that opens in a new tab, and a line\nbreak inside one paragraph."
    );
    assert!(text(paras[1]).contains("some underlined; this text is red and this is highlighted."));
    assert!(runs.iter().all(|r| r.note.is_none()));
    assert!(a.url.starts_with(&site));
}

#[test]
fn footnote_references_link_to_their_notes_in_the_three_markups() {
    let cases = [
        (
            "footnotes-manual",
            [
                "Thirty in March 2021; Finland joined in 2023 and Sweden in 2024.",
                "And more often when a crisis calls for it.",
            ],
            [
                "NATO has thirty members",
                ", and its foreign ministers meet twice a year",
            ],
        ),
        (
            "footnotes-easy-footnotes",
            ["23 and 24 March 2021.", "Published on the alliance’s website."],
            ["The summit lasted two days", " and ended with a joint statement"],
        ),
        (
            "footnotes-block",
            [
                "The withdrawal would start on 1 May.",
                "Some allies want a residual force for training.",
            ],
            [
                "Ministers agreed on a timetable",
                " but not on the size of the force that stays",
            ],
        ),
    ];
    for (name, notes, before) in cases {
        let (a, _) = post(name);
        // The references: runs of their own, after the words they mark.
        let Block::Paragraph(first) = &a.body[0] else {
            panic!("{name}: {:#?}", a.body)
        };
        let refs: Vec<(usize, &str, u32)> = first
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.text.as_str(), r.note?)))
            .collect();
        assert_eq!(
            refs.iter().map(|(_, t, n)| (*t, *n)).collect::<Vec<_>>(),
            [("1", 1), ("2", 2)],
            "{name}"
        );
        for ((i, _, _), words) in refs.iter().zip(before) {
            assert_eq!(first[*i - 1].text, words, "{name}");
        }
        // No reference is left elsewhere as text or as a link.
        assert!(a.body.iter().flat_map(Block::urls).next().is_none(), "{name}");
        // One list of notes, the last block: a note for each reference.
        let found: Vec<&Vec<Vec<Run>>> = a
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Footnotes(n) => Some(n),
                _ => None,
            })
            .collect();
        assert_eq!(found.len(), 1, "{name}");
        assert!(matches!(a.body.last(), Some(Block::Footnotes(_))), "{name}");
        let texts: Vec<String> = found[0].iter().map(|n| text(n)).collect();
        // Without the "↩" links back: the view draws its own.
        assert_eq!(texts, notes, "{name}");
    }
    let (a, _) = post("footnotes-block");
    let Some(Block::Footnotes(notes)) = a.body.last() else {
        unreachable!()
    };
    assert!(notes[1]
        .iter()
        .any(|r| r.emphasis && r.text == "a residual force"));
}

#[test]
fn a_cover_shows_its_text_without_its_image() {
    let (parsed, _) = read("cover-block");
    let a = parsed.value;
    assert_eq!(kinds(&a.body), ["p", "p", "p"]);
    assert_eq!(text(paragraphs(&a.body)[0]), "Morning in the Plaza Mayor");
    assert!(a.image.is_none());
    assert!(
        a.body.iter().flat_map(Block::urls).next().is_none(),
        "{:#?}",
        a.body
    );
    assert_eq!(
        parsed.warnings,
        ["showed a cover block's text without its background image"]
    );
}

#[test]
fn images_in_a_line_of_text_keep_their_paragraph_whole() {
    let (a, site) = post("inline-image");
    assert_eq!(kinds(&a.body), ["p", "p", "p", "img"], "{:#?}", a.body);
    let paras = paragraphs(&a.body);
    // An icon is read as its alt text, in its place.
    assert_eq!(
        text(paras[0]),
        "Look for the orange icon RSS on any page: it is an inline image inside this paragraph."
    );
    // A picture follows its paragraph, whose words stay together.
    assert_eq!(
        text(paras[2]),
        "The kiosk at the corner still sells the morning papers."
    );
    let Block::Image(kiosk) = &a.body[3] else {
        unreachable!()
    };
    assert_eq!(
        kiosk.src,
        format!("{site}/wp-content/uploads/2024/01/newspaper-kiosk-300x200.jpg")
    );
    assert_eq!(
        (kiosk.alt.as_str(), kiosk.width, kiosk.height),
        ("A newspaper kiosk", Some(300), Some(200))
    );
    assert_eq!(widths(kiosk), [300, 768, 1024, 1200]);
}

#[test]
fn a_password_protected_post_is_locked() {
    let json = doc("password-protected");
    let post_json = &json.as_array().unwrap()[0];
    assert_eq!(
        post_json
            .get("content")
            .and_then(|c| c.get("protected"))
            .map(|p| &p.value),
        Some(&crate::core::json::Value::Bool(true))
    );
    let (parsed, site) = read("password-protected");
    let a = parsed.value;
    assert!(a.locked);
    assert!(a.body.is_empty() && a.standfirst.is_none());
    assert_eq!(a.headline, "A post for subscribers only");
    assert_eq!(a.url, format!("{site}/password-protected/"));
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.starts_with("the post is protected by a password")));
}

#[test]
fn arabic_and_persian_posts_read_right_to_left_with_their_read_also() {
    // The Arabic slug, sent percent-encoded, is read as its text.
    let (arabic, _) = post("arabic-post");
    assert_eq!(arabic.slug, "بلينكن-دخلنا-معا-وسنغادر-معا");
    let cases = [
        (
            "arabic-post",
            "بلجيكا. بروكسل",
            "الناتو لن يغادر أفغانستان قبل أن يحين الوقت المناسب",
            "أنتوني بلينكن",
        ),
        (
            "persian-we-will-leave-together",
            "بلژیک. بروکسل",
            "ناتو پیش از «زمان مناسب» افغانستان را ترک نمی\u{200c}کند",
            "آنتونی بلینکن",
        ),
    ];
    for (name, dateline, read_also, attribution) in cases {
        let (a, site) = post(name);
        // No `lang` field (Polylang is off): the direction is the text's own.
        assert_eq!(a.language, None, "{name}");
        assert_eq!(text_direction(&a.headline), "rtl", "{name}: {}", a.headline);
        assert_eq!(
            text_direction(a.standfirst.as_deref().unwrap_or("")),
            "rtl",
            "{name}"
        );
        assert_eq!(a.dateline.as_deref(), Some(dateline), "{name}");
        assert_eq!(
            kinds(&a.body),
            ["p", "p", "h", "quote", "read-also", "p"],
            "{name}"
        );
        // The dateline left the first paragraph: it starts with the text.
        let first = text(paragraphs(&a.body)[0]);
        assert_eq!(text_direction(&first), "rtl", "{name}");
        assert!(!first.contains(dateline), "{name}");
        let Block::Quote { attribution: by, .. } = &a.body[3] else {
            unreachable!()
        };
        assert_eq!(by.as_deref(), Some(attribution), "{name}");
        let Block::ReadAlso(link) = &a.body[4] else {
            unreachable!()
        };
        assert_eq!(link.headline, read_also, "{name}");
        assert_eq!(
            link.url,
            format!("{site}/nato-will-not-leave-afghanistan-before-the-time-is-right/")
        );
        assert_eq!(
            link.slug.as_deref(),
            Some("nato-will-not-leave-afghanistan-before-the-time-is-right")
        );
    }
    // The Persian text keeps its zero-width non-joiners.
    let (fa, _) = post("persian-we-will-leave-together");
    assert!(fa.headline.contains('\u{200c}'));
}

#[test]
fn an_excerpt_made_from_the_text_is_not_repeated_above_it() {
    let json = doc("no-manual-excerpt");
    let excerpt = json.as_array().unwrap()[0]
        .get("excerpt")
        .and_then(|e| e.get("rendered"))
        .and_then(Json::as_str)
        .unwrap();
    // WordPress made one: the first 55 words and "[…]".
    assert!(
        excerpt.starts_with("<p>This post has no manual excerpt") && excerpt.contains("[&hellip;]"),
        "{excerpt}"
    );
    let (a, _) = post("no-manual-excerpt");
    assert_eq!(a.standfirst, None);
    assert_eq!(kinds(&a.body), ["p", "p"]);
    assert!(text(paragraphs(&a.body)[0]).starts_with("This post has no manual excerpt"));
    // A written excerpt is kept.
    let (written, _) = post("featured-image");
    assert_eq!(
        written.standfirst.as_deref(),
        Some("A post with a featured image: with _embed, the REST API brings it as wp:featuredmedia, with every size.")
    );
}

#[test]
fn the_featured_image_offers_the_sizes_wordpress_made() {
    let (a, site) = post("featured-image");
    let image = a.image.expect("the featured image");
    let uploads = format!("{site}/wp-content/uploads/2024/01");
    assert_eq!(image.src, format!("{uploads}/puerta-del-sol.jpg"));
    assert_eq!(image.alt, "Crowds under the clock of the Puerta del Sol");
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));
    assert_eq!(
        image.caption.as_deref(),
        Some("The clock of the Puerta del Sol, where Spain counts down to the new year.")
    );
    assert_eq!(image.credit.as_deref(), Some("Herald test site / Sara Martín"));
    // Every size of the same shape; the 150×150 thumbnail is a crop.
    assert_eq!(widths(&image), [300, 768, 1024, 1536, 1600]);
    assert_eq!(
        image.sources[0].src,
        format!("{uploads}/puerta-del-sol-300x169.jpg")
    );
    assert_eq!(
        image.sources[3].src,
        format!("{uploads}/puerta-del-sol-1536x864.jpg")
    );
}

#[test]
fn images_pullquotes_and_separators_keep_their_parts() {
    let (a, site) = post("image-block");
    assert_eq!(kinds(&a.body), ["p", "img", "img"]);
    let (Block::Image(linked), Block::Image(small)) = (&a.body[1], &a.body[2]) else {
        unreachable!()
    };
    let uploads = format!("{site}/wp-content/uploads/2024/01");
    assert_eq!(linked.src, format!("{uploads}/visitors-chart-1024x597.png"));
    assert_eq!(
        linked.caption.as_deref(),
        Some("Museum visitors per month (sample data).")
    );
    assert_eq!((linked.width, linked.height), (Some(1024), Some(597)));
    assert_eq!(widths(linked), [300, 768, 1024, 1200]);
    assert_eq!(small.src, format!("{uploads}/visitors-chart-300x175.png"));
    assert_eq!((small.width, small.caption.as_deref()), (Some(300), None));

    let (a, site) = post("caption-shortcode");
    assert_eq!(kinds(&a.body), ["img", "p", "p"]);
    let Block::Image(kiosk) = &a.body[0] else {
        unreachable!()
    };
    assert_eq!(
        kiosk.src,
        format!("{site}/wp-content/uploads/2024/01/newspaper-kiosk-1024x683.jpg")
    );
    assert_eq!(kiosk.caption.as_deref(), Some("A kiosk on the Gran Vía."));
    assert_eq!(kiosk.alt, "A newspaper kiosk with the morning papers on display");

    let (a, _) = post("pullquote-block");
    assert_eq!(kinds(&a.body), ["p", "quote", "p"]);
    assert_eq!(
        a.body[1],
        Block::Quote {
            paragraphs: vec![vec![Run::plain(
                "The square belongs to the people who walk through it."
            )]],
            attribution: Some("The mayor of Madrid".into()),
        }
    );

    let (a, _) = post("separator-block");
    assert_eq!(kinds(&a.body), ["p", "hr", "p", "hr", "p", "hr", "p"]);
}

#[test]
fn a_page_of_the_post_list_reads_as_summaries() {
    let json = doc("listing-page-1");
    let site = site_of(&json);
    let base = format!("{site}/wp-json/wp/v2/posts?per_page=5&_embed");
    let parsed = summaries(&json, &base, &Html5ever).unwrap();
    assert_eq!(parsed.warnings, Vec::<String>::new());
    let list = parsed.value;
    let slugs: Vec<&str> = list.iter().filter_map(|s| s.slug.as_deref()).collect();
    assert_eq!(
        slugs,
        [
            "last-second-of-march",
            "mid-march-report",
            "march-opens-at-midnight",
            "last-second-of-january",
            "sticky-post",
        ]
    );
    for s in &list {
        assert_eq!(s.url, format!("{site}/{}/", s.slug.as_deref().unwrap()));
        assert!(s.author.is_some() && s.image.is_none(), "{s:?}");
        // WordPress' "[…]" is not part of the summary.
        let standfirst = s.standfirst.as_deref().unwrap();
        assert!(
            !standfirst.contains('[') && !standfirst.ends_with('…'),
            "{standfirst}"
        );
    }
    let dates: Vec<String> = list.iter().map(|s| s.published.unwrap().to_rfc3339()).collect();
    assert_eq!(
        dates,
        [
            // 23:59:59 in Madrid on the day summer time starts.
            "2024-03-31T21:59:59Z",
            "2024-03-15T11:00:00Z",
            // 00:00:00 in Madrid on 1 March: still February (a leap day) in UTC.
            "2024-02-29T23:00:00Z",
            "2024-01-31T22:59:59Z",
            "2024-01-30T09:00:00Z",
        ]
    );
    let first = &list[0];
    assert_eq!(first.headline, "The last second of March, in summer time");
    // Only "Uncategorized": no kicker, no section.
    assert_eq!((first.kicker.as_deref(), first.section.as_deref()), (None, None));
    let sticky = &list[4];
    assert_eq!(sticky.headline, "Editor’s pick: a month of stories from Madrid");
    assert_eq!(
        (sticky.kicker.as_deref(), sticky.section.as_deref()),
        (Some("Madrid"), Some("Must read"))
    );
    // As a page of a listing, with the headers WordPress sent (X-WP-Total: 40, X-WP-TotalPages: 8).
    let page = listing(&json, &base, &Html5ever, 1, Some(40), Some(8))
        .unwrap()
        .value;
    assert_eq!((page.year, page.month, page.items.len()), (2024, 3, 5));
    assert_eq!(
        page.server_page.map(|p| (p.page, p.pages, p.total)),
        Some((1, 8, 40))
    );
}

// --- What the recorded documents show the mapping gets wrong --------------
// Each test below states the right behaviour and fails today; run them with
// `cargo test --lib live_tests -- --ignored`.

/// WordPress' automatic excerpt (no excerpt written) is shown as the
/// standfirst, above the very text it repeats, in 10 of the 21 recorded
/// posts without a written excerpt. `repeats_body` splits words at run
/// boundaries (so "H<sub>2</sub>O", "members<sup>1</sup>" and
/// "<code>&lt;</code>," never match); it compares paragraphs, headings and
/// quotes, but WordPress' excerpt also holds a quote's `cite`, a table's
/// cells and caption, preformatted and verse text, and the notes of an
/// HTML block; and an inline icon's alt text is in the body, not in the
/// excerpt.
#[test]
fn no_automatic_excerpt_is_shown_as_a_standfirst() {
    let written = [
        "gallery-block",
        "youtube-embed",
        "cover-block",
        "featured-image",
        "arabic-post",
        "persian-we-will-leave-together",
        "password-protected",
    ];
    let mut repeated = Vec::new();
    for (name, _) in POSTS.iter().filter(|(n, _)| !written.contains(n)) {
        let (a, _) = post(name);
        if a.standfirst.is_some() {
            repeated.push(*name);
        }
    }
    // Today: code-block, preformatted-block, verse-block, inline-formats,
    // footnotes-manual, footnotes-easy-footnotes, footnotes-block,
    // inline-image, pullquote-block, table-block.
    assert_eq!(repeated, Vec::<&str>::new());
}

/// `<code>&#091;caption]</code>`: WordPress escapes the bracket so that the
/// text is shown, not run as a shortcode, and the page shows "[caption]".
/// The sanitizer's shortcode stripping removes it from the decoded text:
/// "wraps a captioned image in a shortcode."
#[test]
fn a_shortcode_written_as_text_stays() {
    let (a, _) = post("caption-shortcode");
    let Block::Paragraph(runs) = &a.body[1] else {
        panic!("{:#?}", a.body)
    };
    assert_eq!(
        text(runs),
        "The classic editor wraps a captioned image in a [caption] shortcode."
    );
    assert!(runs
        .iter()
        .any(|r| r.marks.contains(Marks::CODE) && r.text == "[caption]"));
}

/// A note's link back to its reference (`href="#fnref-1"`, `#…-link`) is
/// dropped, as it should be (the view draws its own), but reported as "a
/// link whose address is not allowed": every footnoted post warns.
#[test]
fn footnote_back_links_are_not_reported_as_unsafe() {
    for name in ["footnotes-manual", "footnotes-easy-footnotes", "footnotes-block"] {
        let (parsed, _) = read(name);
        assert_eq!(parsed.warnings, Vec::<String>::new(), "{name}");
    }
}
