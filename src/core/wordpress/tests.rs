use super::*;
use crate::core::article::{Block, EmbedKind, List, Run};
use crate::core::fixtures::kinds;
use crate::core::html::tests::Html5ever;
use crate::core::json::parse;

const BASE: &str = "https://cronica.example/wp-json/wp/v2/posts?slug=street-musicians-return-to-sol&_embed";

fn fixture(name: &str) -> Json {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The reader with no tag hidden.
fn article(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Article>, Problem> {
    super::article(json, base, html, None)
}

fn post() -> Parsed<Article> {
    article(&fixture("wordpress-post.json"), BASE, &Html5ever).unwrap()
}

#[test]
fn the_trending_fallback_tag_is_left_out_by_slug_or_id() {
    let tags = |hidden| {
        super::article(&fixture("wordpress-post.json"), BASE, &Html5ever, Some(hidden))
            .unwrap()
            .value
            .tags
    };
    // By slug, whatever the name ("Puerta del Sol"), in any case.
    assert_eq!(tags("puerta-del-sol"), vec!["permits", "street music"]);
    assert_eq!(tags("Puerta-Del-Sol"), vec!["permits", "street music"]);
    // By id (112 is "street music").
    assert_eq!(tags("112"), vec!["permits", "Puerta del Sol"]);
    // A name is not a slug; a category's slug or id is not a tag's.
    for other in ["Puerta del Sol", "city", "3", "puerta", "1120"] {
        assert_eq!(
            tags(other),
            vec!["permits", "Puerta del Sol", "street music"],
            "{other}"
        );
    }
}

#[test]
fn maps_every_field_of_an_embedded_post() {
    let a = post().value;
    assert_eq!(a.id, "48213");
    assert_eq!(a.slug, "street-musicians-return-to-sol");
    assert_eq!(
        a.url,
        "https://cronica.example/2024/04/street-musicians-return-to-sol/"
    );
    assert_eq!(
        a.headline,
        "“We’ll be back”: street musicians return to Sol & Callao"
    );
    assert_eq!(
        a.standfirst.as_deref(),
        Some("The city has issued 120 permits for street musicians this spring\u{a0}… and the waiting list is longer than ever.")
    );
    assert_eq!(a.published.unwrap().to_rfc3339(), "2024-04-16T17:42:10Z");
    assert_eq!(a.updated.unwrap().to_rfc3339(), "2024-04-17T06:05:33Z");
    assert_eq!(a.kicker.as_deref(), Some("Arts & Music"));
    assert_eq!(a.section.as_deref(), Some("City"));
    assert_eq!(a.tags, vec!["permits", "Puerta del Sol", "street music"]);
    let author = &a.authors[0];
    assert_eq!(author.name, "Inés Robledo");
    assert!(author
        .bio
        .as_deref()
        .unwrap()
        .starts_with("Inés Robledo covers culture"));
    assert_eq!(
        author.url.as_deref(),
        Some("https://cronica.example/author/ines-robledo/")
    );
    assert!(
        author.avatar.as_deref().unwrap().contains("s=96"),
        "the largest avatar"
    );
    let image = a.image.unwrap();
    assert_eq!(
        image.src,
        "https://cronica.example/wp-content/uploads/2024/04/musicos-sol-scaled.jpg"
    );
    assert_eq!((image.width, image.height), (Some(2560), Some(1707)));
    assert_eq!(
        image.caption.as_deref(),
        Some("The duo Viento Sur playing in the Puerta del Sol on Tuesday evening.")
    );
    assert!(image.alt.starts_with("A guitarist and an accordionist"));
}

#[test]
fn the_body_keeps_structure_and_drops_what_is_unsafe() {
    let parsed = post();
    let body = &parsed.value.body;
    let kinds = kinds(body);
    assert_eq!(
        kinds,
        vec![
            "p", "p", "p", "img", "p", "h", "p", "quote", "h", "list", "embed", "embed", "img", "p", "p", "p"
        ],
        "{body:#?}"
    );
    // Entities decoded, non-breaking spaces kept, marks and safe links kept.
    let Block::Paragraph(runs) = &body[0] else {
        panic!()
    };
    assert!(runs[1]
        .text
        .starts_with(" On a warm Tuesday evening the steps of the Puerta del Sol filled up again…"));
    let Block::Paragraph(runs) = &body[4] else {
        panic!()
    };
    assert!(runs.iter().any(|r| r.strong && r.text == "Área de Cultura"));
    assert!(runs.iter().any(|r| r.emphasis && r.text == "authorised pitches"));
    assert!(runs
        .iter()
        .any(|r| r.href.as_deref() == Some("https://www.madrid.es/") && r.text == "city council’s portal"));
    // The figure with its caption; srcset and the rest are gone.
    let Block::Image(img) = &body[3] else { panic!() };
    assert_eq!(
        img.src,
        "https://cronica.example/wp-content/uploads/2024/04/musicos-sol-1024x683.jpg"
    );
    assert_eq!(
        img.caption.as_deref(),
        Some("The duo Viento Sur on the first evening of the season. Photo: Pablo Serrano")
    );
    assert_eq!(
        body[7],
        Block::Quote {
            paragraphs: vec![vec![Run::plain(
                "People stop, they listen, some of them even cry. You don’t get that in a concert hall — there, they have paid to be moved."
            )]],
            attribution: Some("Lucas Ferreira, accordionist".into())
        }
    );
    let Block::List(List {
        ordered: false,
        items,
        ..
    }) = &body[9]
    else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    // The YouTube embed and the tweet are links to the originals, with the tweet's words.
    let Block::Embed(video) = &body[10] else {
        panic!("{:#?}", body[10])
    };
    assert_eq!(
        (video.kind, video.provider.as_deref()),
        (EmbedKind::Video, Some("YouTube"))
    );
    assert!(
        video.url.starts_with("https://www.youtube.com/watch?v="),
        "{video:?}"
    );
    let Block::Embed(tweet) = &body[11] else {
        panic!("{:#?}", body[11])
    };
    assert_eq!(tweet.kind, EmbedKind::Post);
    assert!(
        tweet
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Vuelve la música a Sol")),
        "{tweet:?}"
    );
    assert!(
        matches!(&body[12], Block::Image(i) if i.src.ends_with("sol-1989-300x200.jpg") && i.width == Some(300))
    );
    let Block::Paragraph(caption) = &body[13] else {
        panic!()
    };
    assert_eq!(
        caption[0].text,
        "Musicians in the same spot in 1989, from our archive."
    );
    // Right-to-left text with a Latin name, as it is.
    assert!(body
        .iter()
        .any(|b| matches!(b, Block::Paragraph(r) if r[0].text.starts_with("قال Lucas Ferreira"))));
    // The javascript: image is dropped; the inline style is ignored, its text kept.
    assert!(!body
        .iter()
        .any(|b| matches!(b, Block::Image(i) if i.src.contains("javascript"))));
    assert!(
        matches!(body.last(), Some(Block::Paragraph(r)) if r[0].text == "Correction, 17 April:" && r[0].strong)
    );
    for w in [
        "showed a <iframe> as a link to https://www.youtube.com/watch?v=M7lc1UVf-VE",
        "dropped an image whose address is missing or not allowed",
    ] {
        assert!(
            parsed.warnings.iter().any(|x| x == w),
            "{w}: {:?}",
            parsed.warnings
        );
    }
}

#[test]
fn a_missing_embed_or_a_media_error_degrades_gracefully() {
    let plain = article(&fixture("wordpress-post-degraded.json"), BASE, &Html5ever)
        .unwrap()
        .value;
    assert!(
        plain.authors.is_empty() && plain.image.is_none() && plain.tags.is_empty() && plain.kicker.is_none()
    );
    assert_eq!(
        plain.headline,
        "“We’ll be back”: street musicians return to Sol & Callao"
    );
    let media = article(&fixture("wordpress-post-media-error.json"), BASE, &Html5ever).unwrap();
    assert!(media.value.image.is_none());
    assert_eq!(media.value.authors.len(), 1);
    assert!(
        media
            .warnings
            .iter()
            .any(|w| w.contains("featured image is not available")),
        "{:?}",
        media.warnings
    );
}

#[test]
fn no_post_is_not_found_and_errors_are_named() {
    assert_eq!(
        article(&parse("[]").unwrap(), BASE, &Html5ever).unwrap_err(),
        Problem::NotFound
    );
    assert_eq!(
        article(
            &parse(r#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#)
                .unwrap(),
            BASE,
            &Html5ever
        )
        .unwrap_err(),
        Problem::NotFound
    );
    assert_eq!(
        article(
            &parse(r#"{"code":"rest_forbidden","message":"Sorry.","data":{"status":401}}"#).unwrap(),
            BASE,
            &Html5ever
        )
        .unwrap_err(),
        Problem::Unsupported("WordPress answered with error `rest_forbidden`: Sorry.".into())
    );
    let no_title = r#"[{"id":1,"link":"https://c.example/x/","date_gmt":"2024-01-01T00:00:00","content":{"rendered":"<p>x</p>"}}]"#;
    // Untitled: the headline is the start of the text, as for JSON Feed.
    let untitled = article(&parse(no_title).unwrap(), BASE, &Html5ever).unwrap();
    assert_eq!(untitled.value.headline, "x");
    assert!(untitled.warnings.iter().any(|w| w.contains("untitled post")));
    let nothing = no_title.replace("<p>x</p>", "");
    match article(&parse(&nothing).unwrap(), BASE, &Html5ever).unwrap_err() {
        Problem::Schema(e) => assert_eq!(
            e.to_string(),
            "missing field `title` (and no text to take one from) at $[0] (line 1)"
        ),
        other => panic!("{other:?}"),
    }
    let bad_date = no_title
        .replace(
            "\"date_gmt\":\"2024-01-01T00:00:00\"",
            "\"date_gmt\":\"yesterday\"",
        )
        .replace("\"link\"", "\"title\":{\"rendered\":\"T\"},\"link\"");
    match article(&parse(&bad_date).unwrap(), BASE, &Html5ever).unwrap_err() {
        Problem::Schema(e) => assert!(
            e.to_string().contains("`yesterday` is not an RFC 3339 date-time"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_error_inside_a_post_of_a_list_names_the_post_and_the_member() {
    let good =
        r#"{"id":1,"link":"https://c.example/a/","title":{"rendered":"A"},"date_gmt":"2024-01-01T00:00:00"}"#;
    let bad_title = r#"{"id":3,"link":"https://c.example/c/","title":{"rendered":7}}"#;
    let doc = format!("[{good},\n{good},\n{bad_title},\n4]");
    let parsed = summaries(&parse(&doc).unwrap(), BASE, &Html5ever).unwrap();
    assert_eq!(parsed.value.len(), 2);
    assert_eq!(
        parsed.warnings,
        [
            "skipped a post: `rendered` must be a string, found a number at $[2].title.rendered (line 3)",
            "skipped a post: the item must be an object, found a number at $[3] (line 4)",
        ]
    );
    // A post read as an article is where it is in the answer too.
    let article_err = article(&parse(&format!("[{bad_title}]")).unwrap(), BASE, &Html5ever).unwrap_err();
    assert_eq!(
        article_err,
        Problem::Schema(crate::core::error::SchemaError {
            path: "$[0].title.rendered".into(),
            line: 1,
            message: "`rendered` must be a string, found a number".into(),
        })
    );
}

#[test]
fn popular_posts_become_a_trending_list() {
    let list = summaries(&fixture("wordpress-popular-posts.json"), BASE, &Html5ever)
        .unwrap()
        .value;
    assert_eq!(list.len(), 5);
    for s in &list {
        assert!(s.url.starts_with("https://"));
        assert!(
            !s.headline.contains('&') || s.headline.contains("& "),
            "{}",
            s.headline
        );
        assert!(s.published.is_some());
    }
    assert!(
        list.iter().any(|s| s.image.is_none()),
        "one post has no featured image"
    );
}

#[test]
fn a_month_page_takes_its_pagination_from_the_headers() {
    let l = listing(
        &fixture("wordpress-listing-page.json"),
        BASE,
        &Html5ever,
        2,
        Some(7),
        Some(3),
    )
    .unwrap()
    .value;
    assert_eq!(l.items.len(), 3);
    assert_eq!(
        l.server_page,
        Some(ServerPage {
            page: 2,
            pages: 3,
            total: 7
        })
    );
    assert_eq!((l.year, l.month), (2024, 4));
    let shown = l.page(99, 10);
    assert_eq!(
        (shown.page, shown.pages, shown.total, shown.items.len()),
        (2, 3, 7, 3)
    );
    // Without the headers, the page is the last one.
    let l = listing(
        &fixture("wordpress-listing-page.json"),
        BASE,
        &Html5ever,
        2,
        None,
        None,
    )
    .unwrap()
    .value;
    assert_eq!(
        l.server_page,
        Some(ServerPage {
            page: 2,
            pages: 2,
            total: 3
        })
    );
}

#[test]
fn the_sample_sites_wordpress_copy_matches_the_native_articles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");
    let base = "https://news.example/data/wordpress/posts/x.json";
    let mut count = 0;
    for entry in std::fs::read_dir(format!("{dir}/wordpress/posts"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let wp = article(&parse(&text).unwrap(), base, &Html5ever).unwrap().value;
        let native_text = std::fs::read_to_string(format!("{dir}/articles/{}.json", wp.slug)).unwrap();
        let native = crate::core::herald::article(
            &parse(&native_text).unwrap(),
            "https://news.example/data/articles/x.json",
        )
        .unwrap()
        .value;
        assert_eq!(wp.headline, native.headline, "{}", wp.slug);
        assert_eq!(wp.standfirst, native.standfirst, "{}", wp.slug);
        assert_eq!(wp.kicker, native.kicker, "{}", wp.slug);
        assert_eq!(wp.dateline, native.dateline, "{}", wp.slug);
        assert_eq!(
            wp.published.map(|p| p.unix_ms),
            native.published.map(|p| p.unix_ms),
            "{}",
            wp.slug
        );
        assert_eq!(
            wp.authors.iter().map(|a| &a.name).collect::<Vec<_>>(),
            native.authors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
        assert_eq!(wp.body.len(), native.body.len(), "{}: {:#?}", wp.slug, wp.body);
        for (w, n) in wp.body.iter().zip(&native.body) {
            match (w, n) {
                (Block::Paragraph(a), Block::Paragraph(b)) => {
                    let text = |r: &[Run]| r.iter().map(|x| x.text.as_str()).collect::<String>();
                    assert_eq!(text(a), text(b), "{}", wp.slug);
                }
                (Block::Heading { text: a, .. }, Block::Heading { text: b, .. }) => assert_eq!(a, b),
                (Block::Quote { attribution: a, .. }, Block::Quote { attribution: b, .. }) => {
                    assert_eq!(a, b)
                }
                (Block::Image(a), Block::Image(b)) => assert_eq!(a.alt, b.alt),
                (Block::List(a), Block::List(b)) => assert_eq!(a.items.len(), b.items.len()),
                (Block::ReadAlso(a), Block::ReadAlso(b)) => {
                    assert_eq!(a.headline, b.headline);
                    assert_eq!(a.slug, b.slug, "{}", wp.slug);
                }
                (w, n) => panic!("{}: {w:?} where the native article has {n:?}", wp.slug),
            }
        }
        count += 1;
    }
    assert_eq!(count, 25);
}

#[test]
fn a_title_of_nothing_but_markup_falls_back_to_the_text() {
    let doc = r#"[{"id":1,"link":"https://c.example/x/","title":{"rendered":"<script>alert(1)</script>"},"date_gmt":"2024-01-01T00:00:00","content":{"rendered":"<p>x</p>"}}]"#;
    assert_eq!(
        article(&parse(doc).unwrap(), BASE, &Html5ever)
            .unwrap()
            .value
            .headline,
        "x"
    );
}

/// Recorded answers of real sites (tests/fixtures/real/README.md).
fn real(name: &str) -> Json {
    crate::core::fixtures::real("wordpress", name)
}

#[test]
fn real_lists_keep_untitled_posts_and_skip_only_what_cannot_be_read() {
    // demo.wp-api.org: eight of ten posts have an empty title. The whole
    // list used to fail on the first.
    let list = summaries(&real("demo-wp-api-org-posts-empty-titles.json"), BASE, &Html5ever).unwrap();
    assert_eq!(list.value.len(), 10, "{:?}", list.warnings);
    assert!(list.value.iter().all(|s| !s.headline.is_empty()));
    let single = article(
        &real("demo-wp-api-org-post-448-empty-title.json"),
        BASE,
        &Html5ever,
    )
    .unwrap();
    assert!(!single.value.headline.is_empty());
    // One broken post among good ones: skipped with a warning naming it.
    let mut posts = real("worona-demo-category-7-page-1-embedded.json");
    let good = posts.as_array().unwrap().len();
    if let crate::core::json::Value::Array(items) = &mut posts.value {
        items.insert(1, parse(r#"{"id":9,"title":{"rendered":"No link"}}"#).unwrap());
    }
    let parsed = summaries(&posts, BASE, &Html5ever).unwrap();
    assert_eq!(parsed.value.len(), good);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.starts_with("skipped a post: missing field `link` at $[1]")),
        "{:?}",
        parsed.warnings
    );
    // Entities in titles are decoded.
    assert!(parsed.value.iter().all(|s| !s.headline.contains("&#")));
}

/// Without a written excerpt, WordPress makes one from the text: it is not
/// shown as a standfirst above that same text. Without `_embed`, the
/// console says what is missing.
#[test]
fn an_excerpt_made_from_the_text_is_not_repeated() {
    let gullfoss = article(&real("worona-demo-post-60-embedded.json"), BASE, &Html5ever).unwrap();
    assert!(gullfoss
        .value
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph(r) if r[0].text.starts_with("Gullfoss is a waterfall"))));
    assert_eq!(gullfoss.value.standfirst, None);
    // A page that opens with a heading and a quote: its excerpt, made from
    // them and ending in the theme's "Continue reading “About us”", is not
    // shown either.
    let about = article(&real("worona-demo-page-with-subpage.json"), BASE, &Html5ever).unwrap();
    assert_eq!(about.value.standfirst, None);
    // In a list, that excerpt is a summary without the link's words.
    let pages = summaries(&real("js1-10up-pages-embedded.json"), BASE, &Html5ever).unwrap();
    let standfirsts: Vec<&str> = pages
        .value
        .iter()
        .filter_map(|s| s.standfirst.as_deref())
        .collect();
    assert!(!standfirsts.is_empty());
    assert!(
        standfirsts
            .iter()
            .all(|s| !s.contains("Continue reading") && !s.contains("About Us")),
        "{standfirsts:?}"
    );
    assert!(standfirsts.iter().any(|s| s.ends_with("nec,")), "{standfirsts:?}");
    // A written excerpt stays.
    assert!(post().value.standfirst.is_some());
    let bare = article(&real("wpapi-local-single.json"), BASE, &Html5ever).unwrap();
    assert!(
        bare.warnings
            .iter()
            .any(|w| w.starts_with("the post has no `_embedded` data")),
        "{:?}",
        bare.warnings
    );
}

/// The featured image carries the sizes WordPress made of it, not its crops.
#[test]
fn the_featured_image_offers_its_sizes_for_srcset() {
    let post = article(&real("worona-demo-post-60-embedded.json"), BASE, &Html5ever).unwrap();
    let image = post.value.image.unwrap();
    let widths: Vec<u32> = image.sources.iter().map(|s| s.width).collect();
    // 150x150 is a square crop of a 5000-wide picture: left out.
    assert_eq!(widths, vec![300, 768, 1024, 1200, 5000]);
    assert!(image.sources[0].src.ends_with("Iceland-test-300x182.jpg"));
}

/// A protected post, as WordPress sends it without the password: its text
/// empty and marked protected. The article says so; its excerpt is not used.
#[test]
fn a_password_protected_post_is_marked_locked() {
    let mut doc = fixture("wordpress-post.json");
    let post_json = match &mut doc.value {
        crate::core::json::Value::Array(items) => &mut items[0],
        _ => &mut doc,
    };
    if let crate::core::json::Value::Object(members) = &mut post_json.value {
        for (key, value) in members.iter_mut() {
            if key == "content" {
                *value = parse(r#"{"rendered": "", "protected": true}"#).unwrap();
            }
        }
    }
    let parsed = article(&doc, BASE, &Html5ever).unwrap();
    assert!(parsed.value.locked);
    assert!(parsed.value.body.is_empty());
    assert_eq!(parsed.value.standfirst, None);
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.starts_with("the post is protected by a password")));
    assert!(!post().value.locked);
}
