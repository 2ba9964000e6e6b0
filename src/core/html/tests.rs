use super::*;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// html5ever, a browser-grade parser, in place of the browser's DOMParser.
pub(crate) struct Html5ever;

/// Converts the tree, no deeper than the sanitizer looks (as the browser side does).
fn convert(handle: &Handle, out: &mut Vec<Node>, depth: usize) {
    if depth > MAX_DEPTH + 1 {
        return;
    }
    for child in handle.children.borrow().iter() {
        match &child.data {
            NodeData::Text { contents } => out.push(Node::Text(contents.borrow().to_string())),
            NodeData::Element { name, attrs, .. } => {
                let html = name.ns == html5ever::ns!(html);
                let tag = if html {
                    name.local.to_string()
                } else if name.ns == html5ever::ns!(svg) {
                    "svg".to_string()
                } else {
                    "math".to_string()
                };
                let mut children = Vec::new();
                if html {
                    convert(child, &mut children, depth + 1);
                }
                out.push(Node::Element {
                    tag,
                    attrs: attrs
                        .borrow()
                        .iter()
                        // What the browser's side hands over, and no more.
                        .filter(|a| ATTRIBUTES.contains(&&*a.name.local))
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect(),
                    children,
                });
            }
            _ => {}
        }
    }
}

fn find_body(handle: &Handle) -> Option<Handle> {
    // The body is a child of <html>, itself a child of the document.
    let html = handle
        .children
        .borrow()
        .iter()
        .find(|c| matches!(&c.data, NodeData::Element { name, .. } if &*name.local == "html"))?
        .clone();
    let body = html
        .children
        .borrow()
        .iter()
        .find(|c| matches!(&c.data, NodeData::Element { name, .. } if &*name.local == "body"))?
        .clone();
    Some(body)
}

impl HtmlParser for Html5ever {
    fn parse(&self, html: &str) -> Vec<Node> {
        let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
        let mut out = Vec::new();
        if let Some(body) = find_body(&dom.document) {
            convert(&body, &mut out, 0);
        }
        out
    }
}

const BASE: &str = "https://cms.example/wp-json/wp/v2/posts?slug=x";

fn blocks(html: &str) -> Vec<Block> {
    Sanitizer::new(BASE, Some("https://cms.example"))
        .blocks(&Html5ever.parse(html))
        .unwrap()
        .0
}

fn p(text: &str) -> Block {
    Block::Paragraph(vec![Run::plain(text)])
}

#[test]
fn keeps_the_text_structure() {
    let out = blocks(
        "<p>One <em>two</em> <strong>three</strong> <b><i>four</i></b></p>\
         <h1>Big</h1><h2>Sub</h2><h3>Smaller</h3><h5>Tiny</h5>\
         <blockquote><p>Quoted.</p><p>Twice.</p><cite>— A. Person</cite></blockquote>\
         <ul><li>a</li><li>b <em>c</em></li></ul><ol><li>first</li></ol>\
         <figure><img src=\"/img/a.jpg\" alt=\"An A\" width=\"800\" height=\"600\"><figcaption>The <b>caption</b></figcaption></figure>",
    );
    assert_eq!(out.len(), 9, "{out:#?}");
    assert_eq!(
        out[0],
        Block::Paragraph(vec![
            Run::plain("One "),
            Run {
                text: "two".into(),
                emphasis: true,
                ..Run::default()
            },
            Run::plain(" "),
            Run {
                text: "three".into(),
                strong: true,
                ..Run::default()
            },
            Run::plain(" "),
            Run {
                text: "four".into(),
                emphasis: true,
                strong: true,
                ..Run::default()
            },
        ])
    );
    assert_eq!(
        out[1],
        Block::Heading {
            level: 2,
            text: "Big".into()
        }
    );
    assert_eq!(
        out[2],
        Block::Heading {
            level: 2,
            text: "Sub".into()
        }
    );
    assert_eq!(
        out[3],
        Block::Heading {
            level: 3,
            text: "Smaller".into()
        }
    );
    assert_eq!(
        out[4],
        Block::Heading {
            level: 4,
            text: "Tiny".into()
        }
    );
    assert_eq!(
        out[5],
        Block::Quote {
            paragraphs: vec![vec![Run::plain("Quoted.")], vec![Run::plain("Twice.")]],
            attribution: Some("A. Person".into())
        }
    );
    assert!(
        matches!(&out[6], Block::List(List { ordered: false, items, .. }) if items.len() == 2 && items[1].runs.len() == 2)
    );
    assert!(matches!(&out[7], Block::List(List { ordered: true, .. })));
    assert_eq!(
        out[8],
        Block::Image(Image {
            src: "https://cms.example/img/a.jpg".into(),
            alt: "An A".into(),
            width: Some(800),
            height: Some(600),
            caption: Some("The caption".into()),
            credit: None,
            sources: vec![],
        })
    );
}

#[test]
fn drops_active_content_with_what_is_inside() {
    let html = "<p>Before</p><script>alert(1)</script><style>p{color:red}</style>\
        <iframe src=\"https://evil.test/\"></iframe><object data=\"x\">fallback</object>\
        <form action=\"https://evil.test\"><input value=\"v\"><button>Go</button></form>\
        <template><p>hidden</p></template><svg><text>svg text</text></svg>\
        <math><mtext>math text</mtext></math><noscript><p>no script</p></noscript><p>After</p>";
    let (out, warnings) = Sanitizer::new(BASE, None).blocks(&Html5ever.parse(html)).unwrap();
    // The frame is not loaded: it becomes a link to what it would show.
    let frame = Embed {
        kind: EmbedKind::Other,
        url: "https://evil.test/".into(),
        provider: Some("evil.test".into()),
        title: None,
        poster: None,
        caption: None,
        details: None,
    };
    assert_eq!(out, vec![p("Before"), Block::Embed(frame), p("After")]);
    assert!(warnings
        .iter()
        .any(|w| w == "showed a <iframe> as a link to https://evil.test/"));
    for tag in [
        "script", "style", "object", "form", "template", "svg", "math", "noscript",
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w == &format!("dropped a <{tag}> element")),
            "{tag}: {warnings:?}"
        );
    }
}

#[test]
fn links_keep_only_safe_addresses_resolved_against_the_feed() {
    let out = blocks(
        "<p><a href=\"/about\">rel</a> <a href=\"JavaScript:alert(1)\">js</a> <a href=\"data:text/html,x\">data</a> \
         <a href=\"mailto:desk@cms.example\">mail</a> <a href=\"#note\">anchor</a> <a href=\"https://other.example/a\" target=\"_blank\" onclick=\"x()\">ext</a></p>",
    );
    let Block::Paragraph(runs) = &out[0] else {
        panic!("{out:?}")
    };
    let links: Vec<(&str, Option<&str>)> = runs
        .iter()
        .map(|r| (r.text.as_str(), r.href.as_deref()))
        .collect();
    assert_eq!(
        links,
        vec![
            ("rel", Some("https://cms.example/about")),
            (" js data ", None),
            ("mail", Some("mailto:desk@cms.example")),
            (" anchor ", None),
            ("ext", Some("https://other.example/a")),
        ]
    );
}

#[test]
fn images_are_checked_and_stand_on_their_own() {
    let out = blocks(
        "<p>Text <img src=\"javascript:alert(1)\" onerror=\"alert(1)\"> more <img src=\"pic.png\" srcset=\"https://evil.test/a 2x\" alt=\"Pic\" width=\"300px\"> end</p>",
    );
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[0], p("Text more end"));
    assert!(
        matches!(&out[1], Block::Image(i) if i.src == "https://cms.example/wp-json/wp/v2/pic.png" && i.width == Some(300) && i.height.is_none())
    );
}

#[test]
fn white_space_shortcodes_and_line_breaks() {
    let out = blocks(
        "\n\n<p>  Lots   of\n space  </p>\n\n<p>[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\"]A caption[/caption] [sic] and [1]</p>\
         <p>[gallery ids=\"1,2\"]</p><p>line<br>break<br></p>",
    );
    assert_eq!(
        out,
        vec![
            p("Lots of space"),
            p("A caption [sic] and [1]"),
            Block::Paragraph(vec![Run::plain("line\nbreak")]),
        ]
    );
}

#[test]
fn read_also_links_become_related_articles() {
    let out = blocks(
        "<p class=\"read-also\"><strong>Read Also:</strong> <a href=\"https://cms.example/2021/02/nato-will-not-leave/\">NATO Will Not Leave</a></p>\
         <p>Read also: <a href=\"https://other.example/story\">Elsewhere</a></p><p>Read this <a href=\"/x\">link</a></p>",
    );
    assert_eq!(
        out[0],
        Block::ReadAlso(ArticleLink {
            headline: "NATO Will Not Leave".into(),
            url: "https://cms.example/2021/02/nato-will-not-leave/".into(),
            slug: Some("nato-will-not-leave".into()),
        })
    );
    assert!(matches!(&out[1], Block::ReadAlso(l) if l.slug.is_none() && l.headline == "Elsewhere"));
    assert!(matches!(&out[2], Block::Paragraph(_)));
}

#[test]
fn takes_the_dateline_from_the_first_paragraph() {
    let mut out = blocks("<p><strong>BELGIUM. Brussels:</strong> At a press conference.</p><p>Next.</p>");
    assert_eq!(take_dateline(&mut out).as_deref(), Some("BELGIUM. Brussels"));
    assert_eq!(out[0], p("At a press conference."));
    let mut plain = blocks("<p><strong>Important:</strong></p><p>Text</p>");
    assert_eq!(
        take_dateline(&mut plain),
        None,
        "a bold line alone is not a dateline"
    );
    let mut long = blocks(&format!("<p><strong>{}:</strong> x</p>", "A".repeat(80)));
    assert_eq!(take_dateline(&mut long), None);
}

#[test]
fn figures_without_images_and_embeds() {
    let (out, warnings) = Sanitizer::new(BASE, None).blocks(&Html5ever.parse(
        "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\"><iframe src=\"https://www.youtube.com/embed/x\"></iframe></div><figcaption>A video</figcaption></figure>\
         <figure class=\"wp-block-pullquote\"><blockquote><p>Pulled.</p><cite>Someone</cite></blockquote></figure>",
    ))
    .unwrap();
    assert!(
        matches!(&out[0], Block::Embed(e) if e.url == "https://www.youtube.com/watch?v=x" && e.caption.as_deref() == Some("A video"))
    );
    assert_eq!(
        out[1],
        Block::Quote {
            paragraphs: vec![vec![Run::plain("Pulled.")]],
            attribution: Some("Someone".into())
        }
    );
    assert!(warnings.iter().any(|w| w.contains("as a link")), "{warnings:?}");
}

#[test]
fn a_title_cited_inside_a_quote_is_not_its_attribution() {
    let (out, _) = Sanitizer::new(BASE, None)
        .blocks(&Html5ever.parse(
            "<blockquote><p>As <cite>Dune</cite> says, fear is the mind-killer.</p></blockquote>\
         <blockquote><p>Said.</p><footer>— <cite>Someone</cite>, 2024</footer></blockquote>",
        ))
        .unwrap();
    assert_eq!(
        out,
        vec![
            Block::Quote {
                // A cited title stays in the text, in italics.
                paragraphs: vec![vec![
                    Run::plain("As "),
                    Run {
                        emphasis: true,
                        ..Run::plain("Dune")
                    },
                    Run::plain(" says, fear is the mind-killer."),
                ]],
                attribution: None
            },
            Block::Quote {
                paragraphs: vec![vec![Run::plain("Said.")]],
                attribution: Some("Someone, 2024".into())
            }
        ]
    );
}

#[test]
fn titles_are_text_with_entities_decoded() {
    let nodes = Html5ever
        .parse("&#8220;We&#8217;ll be back&#8221;: Sol &#038; <em>Callao</em> &hellip;<script>x</script>");
    assert_eq!(text_of(&nodes), "“We’ll be back”: Sol & Callao …");
}

#[test]
fn deep_nesting_is_cut_off_not_overflowing() {
    let html = "<div>".repeat(5000) + "deep" + &"</div>".repeat(5000);
    let (out, warnings) = Sanitizer::new(BASE, None)
        .blocks(&Html5ever.parse(&html))
        .unwrap();
    assert!(out.is_empty() || out.len() == 1);
    let _ = warnings;
    let html = "<span>".repeat(100) + "kept" + &"</span>".repeat(100);
    let (out, warnings) = Sanitizer::new(BASE, None)
        .blocks(&Html5ever.parse(&html))
        .unwrap();
    assert!(out.is_empty(), "deeper than the limit is dropped: {out:?}");
    assert!(
        warnings.iter().any(|w| w.contains("nested deeper")),
        "{warnings:?}"
    );
}

#[test]
fn no_url_in_the_output_leaves_the_allow_list() {
    let corpus: serde_free::Corpus = serde_free::load();
    for (id, html) in corpus.vectors {
        let (out, _) = Sanitizer::new(BASE, Some("https://cms.example"))
            .blocks(&Html5ever.parse(&html))
            .unwrap();
        for block in &out {
            let urls = block.urls();
            for url in urls {
                let lower = url.to_ascii_lowercase();
                assert!(
                    lower.starts_with("https://")
                        || lower.starts_with("http://")
                        || lower.starts_with("mailto:"),
                    "{id}: {url}"
                );
                // A frame becomes a link that names where it goes; no other
                // address of the attacker's survives.
                match block {
                    Block::Embed(e) if e.url == url => assert!(
                        !lower.contains("evil.test") || e.provider.as_deref() == Some("evil.test"),
                        "{id}: {e:?}"
                    ),
                    _ => assert!(!lower.contains("evil.test"), "{id}: {url}"),
                }
            }
        }
    }
}

/// The XSS corpus (e2e/fixtures/xss-vectors.json), read with the crate's own JSON reader.
mod serde_free {
    pub struct Corpus {
        pub vectors: Vec<(String, String)>,
    }

    pub fn load() -> Corpus {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/e2e/fixtures/xss-vectors.json"
        ))
        .unwrap();
        let json = crate::core::json::parse(&text).unwrap();
        let vectors = json
            .get("vectors")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v.get("id").unwrap().as_str().unwrap().to_string(),
                    v.get("html").unwrap().as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>();
        assert!(vectors.len() >= 150, "{}", vectors.len());
        Corpus { vectors }
    }
}

#[test]
fn tracking_pixels_and_hidden_content_are_not_shown() {
    let out = blocks(
        "<p>Text.<img src=\"https://pixel.wp.com/g.gif?blog=1\" alt=\"\" width=\"1\" height=\"1\"></p>\
         <img src=\"/t.gif\" width=\"0\" height=\"0\"><img src=\"/t2.gif\" width=\"2px\" height=\"2\">\
         <img src=\"/hidden.jpg\" style=\"DISPLAY : none\" width=\"300\" height=\"200\">\
         <div hidden><p>Hidden by the publisher.</p></div><p style=\"visibility:hidden\">Not shown.</p>\
         <p>Kept <span style=\"display:none\">(hidden)</span>text.</p>\
         <img src=\"/small.jpg\" width=\"120\" height=\"80\" alt=\"A small picture\">",
    );
    assert_eq!(
        out,
        vec![
            p("Text."),
            p("Kept text."),
            Block::Image(Image {
                src: "https://cms.example/small.jpg".into(),
                alt: "A small picture".into(),
                width: Some(120),
                height: Some(80),
                caption: None,
                credit: None,
                sources: vec![],
            }),
        ]
    );
}

fn marked(text: &str, marks: Marks) -> Run {
    Run {
        text: text.into(),
        marks,
        ..Run::default()
    }
}

#[test]
fn nested_lists_keep_their_structure_and_their_spaces() {
    let out = blocks(
        "<ul><li>By train<ul><li>from London</li><li>from Churchill</li></ul></li>\
         <li><p>Then</p><p>by boat</p><ol><li>to Gare du Nord</li></ol>and back</li></ul>",
    );
    let [Block::List(list)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    assert!(!list.ordered);
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].runs, vec![Run::plain("By train")]);
    let sub = &list.items[0].lists[0];
    assert_eq!(
        sub.items.iter().map(|i| i.runs.clone()).collect::<Vec<_>>(),
        vec![
            vec![Run::plain("from London")],
            vec![Run::plain("from Churchill")]
        ]
    );
    // Paragraphs of an item join with a space; text after a nested list stays in the item.
    let second = &list.items[1];
    let text: String = second.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "Then by boat and back");
    assert!(second.lists[0].ordered);
    assert_eq!(second.lists[0].items[0].runs, vec![Run::plain("to Gare du Nord")]);
}

#[test]
fn inline_marks_are_kept() {
    let out = blocks(
        "<p>E = mc<sup>2</sup>, H<sub>2</sub>O, <s>old</s> <del>gone</del> <code>x()</code> \
         <mark>hi</mark> <kbd>Ctrl</kbd> <strong><sup>bold</sup></strong></p>",
    );
    let [Block::Paragraph(runs)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    let find = |t: &str| {
        runs.iter()
            .find(|r| r.text == t)
            .unwrap_or_else(|| panic!("{t}: {runs:#?}"))
    };
    assert_eq!(find("2").marks, Marks::SUPERSCRIPT);
    assert_eq!(runs[0], Run::plain("E = mc"));
    assert!(runs
        .iter()
        .filter(|r| r.text == "2")
        .any(|r| r.marks == Marks::SUBSCRIPT));
    assert_eq!(find("old").marks, Marks::STRIKETHROUGH);
    assert_eq!(find("gone").marks, Marks::STRIKETHROUGH);
    assert_eq!(find("x()"), &marked("x()", Marks::CODE));
    assert_eq!(find("hi").marks, Marks::HIGHLIGHT);
    assert_eq!(find("Ctrl").marks, Marks::KEYBOARD);
    let bold = find("bold");
    assert!(bold.strong && bold.marks == Marks::SUPERSCRIPT);
    // A mark inside a mark: both.
    let out = blocks("<p><mark>a <code>b</code></mark></p>");
    let [Block::Paragraph(runs)] = out.as_slice() else {
        panic!()
    };
    assert_eq!(runs[1], marked("b", Marks::HIGHLIGHT.with(Marks::CODE)));
}

#[test]
fn code_preformatted_and_verse_keep_their_lines() {
    let out = blocks(
        "<pre class=\"wp-block-code\"><code class=\"language-rust\">fn main() {\n    println!(\"&lt;b&gt;\");\n}</code></pre>\
         <pre class=\"wp-block-preformatted\">a   b\n  c</pre>\
         <pre class=\"wp-block-verse\">Roses are red,\n  violets blue.</pre>\
         <pre><code>plain <script>alert(1)</script>code</code></pre>\
         <pre class=\"wp-block-code\"><code class=\"language-&quot;onload\">x</code></pre>",
    );
    assert_eq!(
        out,
        vec![
            Block::Preformatted {
                kind: Preformatted::Code,
                text: "fn main() {\n    println!(\"<b>\");\n}".into(),
                language: Some("rust".into()),
            },
            Block::Preformatted {
                kind: Preformatted::Plain,
                text: "a   b\n  c".into(),
                language: None,
            },
            Block::Preformatted {
                kind: Preformatted::Verse,
                text: "Roses are red,\n  violets blue.".into(),
                language: None,
            },
            Block::Preformatted {
                kind: Preformatted::Code,
                text: "plain code".into(),
                language: None,
            },
            Block::Preformatted {
                kind: Preformatted::Code,
                text: "x".into(),
                language: None,
            },
        ]
    );
}

#[test]
fn separators_stand_between_content_only() {
    let out = blocks("<hr><p>a</p><hr class=\"wp-block-separator\"><hr><p>b</p>");
    assert_eq!(out, vec![p("a"), Block::Separator, p("b")]);
}

#[test]
fn tables_keep_rows_header_cells_caption_and_alignment() {
    let out = blocks(
        "<p>Before</p><figure class=\"wp-block-table\"><table><thead><tr><th>City</th><th class=\"has-text-align-right\" data-align=\"right\">Trains</th></tr></thead>\
         <tbody><tr><th>Paris</th><td class=\"has-text-align-right\">12<sup>*</sup></td></tr>\
         <tr><td colspan=\"2\">Total <em>soon</em></td></tr><tr><td>Lyon</td><td rowspan=\"99999\"><p>3</p><p>a day</p></td></tr></tbody></table>\
         <figcaption>Trains a day</figcaption></figure><p>After</p>",
    );
    assert_eq!(out.len(), 3, "{out:#?}");
    let Block::Table(t) = &out[1] else {
        panic!("{out:#?}")
    };
    assert_eq!(t.caption.as_deref(), Some("Trains a day"));
    assert_eq!(t.head_rows, 1);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.align, vec![None, Some(Align::End)]);
    assert!(t.rows[0].iter().all(|c| c.header));
    assert!(t.rows[1][0].header && !t.rows[1][1].header);
    assert_eq!(
        t.rows[1][1].runs,
        vec![Run::plain("12"), marked("*", Marks::SUPERSCRIPT)]
    );
    assert_eq!(t.rows[2][0].colspan, 2);
    assert_eq!(t.rows[2][0].runs[1].text, "soon");
    assert_eq!(t.rows[3][1].rowspan, MAX_SPAN);
    let text: String = t.rows[3][1].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "3 a day");
    // A plain table, its own caption, a nested table read as text, an empty one dropped.
    let out = blocks(
        "<table><caption>Own</caption><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr></table>\
         <table><tr><td> </td></tr></table>",
    );
    let [Block::Table(t)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    assert_eq!(t.caption.as_deref(), Some("Own"));
    assert_eq!(t.head_rows, 0);
    let text: String = t.rows[0][1].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "b c");
}

#[test]
fn galleries_keep_every_image_and_caption_in_each_markup() {
    // The block editor's current markup: figures in the figure.
    let new = blocks(
        "<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">\
         <figure class=\"wp-block-image size-large\"><img src=\"/a.jpg\" alt=\"A\" width=\"1024\" height=\"683\"><figcaption>First</figcaption></figure>\
         <figure class=\"wp-block-image size-large\"><img src=\"/b.jpg\" alt=\"B\"></figure>\
         <figure class=\"wp-block-image size-large\"><img src=\"/c.jpg\" alt=\"C\"><figcaption>Third</figcaption></figure>\
         <figcaption class=\"blocks-gallery-caption\">Three cities</figcaption></figure>",
    );
    let [Block::Gallery { images, caption }] = new.as_slice() else {
        panic!("{new:#?}")
    };
    assert_eq!(caption.as_deref(), Some("Three cities"));
    assert_eq!(
        images.iter().map(|i| i.alt.as_str()).collect::<Vec<_>>(),
        ["A", "B", "C"]
    );
    assert_eq!(images[0].caption.as_deref(), Some("First"));
    assert_eq!(images[1].caption, None);
    assert_eq!(images[0].width, Some(1024));
    // The older markup: a list of items.
    let old = blocks(
        "<figure class=\"wp-block-gallery columns-2 is-cropped\"><ul class=\"blocks-gallery-grid\">\
         <li class=\"blocks-gallery-item\"><figure><img src=\"/a.jpg\" alt=\"A\"><figcaption class=\"blocks-gallery-item__caption\">One</figcaption></figure></li>\
         <li class=\"blocks-gallery-item\"><figure><img src=\"/b.jpg\" alt=\"B\"></figure></li></ul></figure>",
    );
    let [Block::Gallery {
        images,
        caption: None,
    }] = old.as_slice()
    else {
        panic!("{old:#?}")
    };
    assert_eq!(images.len(), 2);
    assert_eq!(images[0].caption.as_deref(), Some("One"));
    // The classic [gallery] shortcode's output, HTML5 and definition-list themes.
    let classic = blocks(
        "<div id=\"gallery-1\" class=\"gallery galleryid-5 gallery-columns-3 gallery-size-thumbnail\">\
         <figure class=\"gallery-item\"><div class=\"gallery-icon landscape\"><a href=\"/a\"><img width=\"150\" height=\"150\" src=\"/a-150x150.jpg\" alt=\"\"></a></div>\
         <figcaption class=\"wp-caption-text gallery-caption\">Sea</figcaption></figure>\
         <dl class=\"gallery-item\"><dt class=\"gallery-icon\"><a href=\"/b\"><img src=\"/b.jpg\" alt=\"b\"></a></dt><dd class=\"wp-caption-text gallery-caption\">Sky</dd></dl></div>",
    );
    let [Block::Gallery { images, .. }] = classic.as_slice() else {
        panic!("{classic:#?}")
    };
    assert_eq!(
        images.iter().map(|i| i.caption.as_deref()).collect::<Vec<_>>(),
        [Some("Sea"), Some("Sky")]
    );
    // Tracking pixels and unsafe images in a gallery are dropped, not the gallery.
    let mixed = blocks(
        "<figure class=\"wp-block-gallery\"><figure><img src=\"javascript:alert(1)\" alt=\"x\"></figure>\
         <figure><img src=\"/p.gif\" width=\"1\" height=\"1\" alt=\"\"></figure><figure><img src=\"/ok.jpg\" alt=\"ok\"></figure></figure>",
    );
    let [Block::Gallery { images, .. }] = mixed.as_slice() else {
        panic!("{mixed:#?}")
    };
    assert_eq!(images.len(), 1);
}

fn embed_of(html: &str) -> Embed {
    match blocks(html).as_slice() {
        [Block::Embed(e)] => e.clone(),
        other => panic!("{other:#?}"),
    }
}

#[test]
fn embeds_become_links_to_the_original_with_their_caption() {
    let yt = embed_of(
        "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\">\
         <div class=\"wp-block-embed__wrapper\"><iframe title=\"Night train to Paris\" width=\"500\" height=\"281\" \
         src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\" frameborder=\"0\" allowfullscreen></iframe></div>\
         <figcaption>The last night train</figcaption></figure>",
    );
    assert_eq!(yt.kind, EmbedKind::Video);
    assert_eq!(yt.url, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    assert_eq!(yt.provider.as_deref(), Some("YouTube"));
    assert_eq!(yt.title.as_deref(), Some("Night train to Paris"));
    assert_eq!(yt.caption.as_deref(), Some("The last night train"));
    // Without a frame (oEmbed failed), the block editor leaves the URL.
    let bare = embed_of(
        "<figure class=\"wp-block-embed is-type-video is-provider-vimeo wp-block-embed-vimeo\"><div class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/76979871\n</div></figure>",
    );
    assert_eq!(
        (bare.kind, bare.url.as_str(), bare.provider.as_deref()),
        (EmbedKind::Video, "https://vimeo.com/76979871", Some("Vimeo"))
    );
    // A bare frame in a paragraph (JSON Feed content): the paragraph's text stays.
    let out =
        blocks("<p>Watch: <iframe src=\"https://player.vimeo.com/video/76979871?h=8\"></iframe> now</p>");
    assert!(
        matches!(&out[1], Block::Embed(e) if e.url == "https://vimeo.com/76979871" && e.provider.as_deref() == Some("Vimeo")),
        "{out:#?}"
    );
    assert_eq!(out[0], p("Watch: now"));
    assert_eq!(out.len(), 2);
    let video = embed_of(
        "<figure class=\"wp-block-video\"><video controls poster=\"/poster.jpg\" src=\"/media/clip.mp4\"></video><figcaption>Clip</figcaption></figure>",
    );
    assert_eq!(video.kind, EmbedKind::Video);
    assert_eq!(video.url, "https://cms.example/media/clip.mp4");
    assert_eq!(video.details.as_deref(), Some("MP4"));
    assert_eq!(
        video.poster.map(|p| p.src).as_deref(),
        Some("https://cms.example/poster.jpg")
    );
    let audio = embed_of("<figure class=\"wp-block-audio\"><audio controls><source src=\"/ep1.mp3\" type=\"audio/mpeg\"></audio></figure>");
    assert_eq!(
        (audio.kind, audio.details.as_deref()),
        (EmbedKind::Audio, Some("MP3"))
    );
    // A tweet: its words and the link to it, the platform's script gone.
    let tweet = embed_of(
        "<figure class=\"wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter\"><div class=\"wp-block-embed__wrapper\">\
         <blockquote class=\"twitter-tweet\" data-width=\"550\"><p lang=\"en\" dir=\"ltr\">Trains are back.</p>&mdash; Rail (@rail) \
         <a href=\"https://twitter.com/rail/status/1\">May 1, 2021</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\"></script>\
         </div><figcaption>Announced on Twitter</figcaption></figure>",
    );
    assert_eq!(tweet.kind, EmbedKind::Post);
    assert_eq!(tweet.url, "https://twitter.com/rail/status/1");
    assert_eq!(tweet.title.as_deref(), Some("Trains are back."));
    assert_eq!(tweet.caption.as_deref(), Some("Announced on Twitter"));
    // Unsafe addresses make no link: the frame is dropped with a warning.
    let (out, warnings) =
        Sanitizer::new(BASE, None)
            .blocks(&Html5ever.parse(
                "<iframe src=\"javascript:alert(1)\"></iframe><video src=\"data:video/mp4,x\"></video>",
            ))
            .unwrap();
    assert!(out.is_empty(), "{out:#?}");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    // Other sites: the host names the provider.
    let other = embed_of("<iframe src=\"https://maps.example.org/embed?x=1\" title=\"Map\"></iframe>");
    assert_eq!(
        (other.kind, other.provider.as_deref()),
        (EmbedKind::Other, Some("maps.example.org"))
    );
}

#[test]
fn read_also_is_recognised_in_every_interface_language() {
    for label in [
        "Read also:",
        "LEA también:",
        "Lire aussi :",
        "Lesen Sie auch:",
        "اقرأ أيضًا:",
        "اقرأ أيضاً:",
        "بخوانید:",
        "بیشتر بخوانید:",
    ] {
        let out = blocks(&format!(
            "<p>{label} <a href=\"https://cms.example/2024/04/other-story/\">Other story</a></p>"
        ));
        assert!(
            matches!(&out[..], [Block::ReadAlso(l)] if l.slug.as_deref() == Some("other-story")),
            "{label}: {out:#?}"
        );
    }
}

#[test]
fn srcset_candidates_are_kept_by_width_through_the_url_gate_on_the_images_origin() {
    let out = blocks(
        "<img src=\"/a-1024.jpg\" alt=\"A\" width=\"1024\" height=\"683\" \
         srcset=\"/a-1024.jpg 1024w, /a-300.jpg 300w, javascript:alert(1) 500w, /a-2x.jpg 2x, /a-768.jpg 768w, /a-300b.jpg 300w, https://evil.test/a.jpg 600w\">",
    );
    let [Block::Image(img)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    let got: Vec<(&str, u32)> = img.sources.iter().map(|s| (s.src.as_str(), s.width)).collect();
    assert_eq!(
        got,
        vec![
            ("https://cms.example/a-300.jpg", 300),
            ("https://cms.example/a-768.jpg", 768),
            ("https://cms.example/a-1024.jpg", 1024),
        ]
    );
}

#[test]
fn list_numbers_text_colour_and_the_sites_own_media() {
    let out = blocks(
        "<ol start=\"3\"><li>c<ol start=\"1\"><li>c1</li></ol></li></ol><ul start=\"5\"><li>x</li></ul>",
    );
    let [Block::List(ol), Block::List(ul)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    assert_eq!(
        (ol.start, ol.items[0].lists[0].start, ul.start),
        (Some(3), None, None)
    );
    // The block editor's text colour is a transparent <mark>: no highlight.
    let out = blocks(
        "<p><mark style=\"background-color:rgba(0, 0, 0, 0)\" class=\"has-inline-color has-vivid-red-color\">red</mark> \
         <mark style=\"background-color:#fcb900\" class=\"has-inline-color\">lit</mark></p>",
    );
    let [Block::Paragraph(runs)] = out.as_slice() else {
        panic!("{out:#?}")
    };
    assert_eq!(runs[0], Run::plain("red "));
    assert_eq!(runs[1].marks, Marks::HIGHLIGHT);
    // A file of the site's own needs no provider's name; another host's does.
    let own = embed_of("<audio controls src=\"https://cms.example/media/a.mp3\"></audio>");
    assert_eq!(own.provider, None);
    let other = embed_of("<audio controls src=\"https://cdn.example.net/a.mp3\"></audio>");
    assert_eq!(other.provider.as_deref(), Some("cdn.example.net"));
}

fn notes_of(out: &[Block]) -> Vec<String> {
    let Some(Block::Footnotes(notes)) = out.iter().find(|b| matches!(b, Block::Footnotes(_))) else {
        panic!("no footnotes: {out:#?}")
    };
    notes
        .iter()
        .map(|n| n.iter().map(|r| r.text.as_str()).collect())
        .collect()
}

fn refs_of(out: &[Block]) -> Vec<u32> {
    out.iter()
        .filter_map(|b| match b {
            Block::Paragraph(runs) => Some(runs),
            _ => None,
        })
        .flatten()
        .filter_map(|r| r.note)
        .collect()
}

#[test]
fn footnotes_in_the_three_markups_writers_use() {
    // Typed by hand in the code editor.
    let manual = blocks(
        "<p>NATO has thirty members<sup id=\"fnref-1\"><a href=\"#fn-1\">1</a></sup>, and meets<sup id=\"fnref-2\"><a href=\"#fn-2\">2</a></sup>.</p>\
         <ol class=\"footnotes\"><li id=\"fn-1\">Thirty in March 2021. <a href=\"#fnref-1\" aria-label=\"Back\">↩</a></li>\
         <li id=\"fn-2\">And more <em>often</em>. <a href=\"#fnref-2\">↩</a></li></ol>",
    );
    assert_eq!(refs_of(&manual), vec![1, 2]);
    let [Block::Paragraph(runs), ..] = manual.as_slice() else {
        panic!()
    };
    assert_eq!(runs[1].text, "1");
    assert_eq!(
        runs[2],
        Run::plain(", and meets"),
        "text after a reference is its own run"
    );
    assert_eq!(
        notes_of(&manual),
        vec!["Thirty in March 2021.", "And more often."]
    );
    // Easy Footnotes.
    let easy = blocks(
        "<p>Two days<span class=\"easy-footnote\"><a href=\"#easy-footnote-bottom-1-9\" title=\"23 and 24 March.\"><sup>1</sup></a></span>.</p>\
         <ol class=\"easy-footnotes-wrapper\"><li class=\"easy-footnote-single\"><span id=\"easy-footnote-bottom-1-9\"></span>23 and 24 March.<a class=\"easy-footnote-to-top\" href=\"#easy-footnote-1-9\"></a></li></ol>",
    );
    assert_eq!(refs_of(&easy), vec![1]);
    assert_eq!(notes_of(&easy), vec!["23 and 24 March."]);
    // WordPress 6.3's footnotes block.
    let block = blocks(
        "<p>A timetable<sup data-fn=\"a1\" class=\"fn\"><a href=\"#a1\" id=\"a1-link\">1</a></sup>.</p>\
         <ol class=\"wp-block-footnotes\"><li id=\"a1\">The withdrawal would start on 1 May. <a href=\"#a1-link\">↩︎</a></li></ol>",
    );
    assert_eq!(refs_of(&block), vec![1]);
    assert_eq!(notes_of(&block), vec!["The withdrawal would start on 1 May."]);
    // A link within the page that is not a number stays text; no note.
    let other = blocks("<p>See <a href=\"#top\">above</a> and <a href=\"#x\">12345</a>.</p>");
    assert!(refs_of(&other).is_empty());
}

#[test]
fn cover_blocks_and_icons_in_a_line_of_text() {
    let out = blocks(
        "<div class=\"wp-block-cover is-light\"><span aria-hidden=\"true\" class=\"wp-block-cover__background has-background-dim\"></span>\
         <img class=\"wp-block-cover__image-background wp-image-9\" alt=\"\" src=\"/plaza.jpg\"><div class=\"wp-block-cover__inner-container\">\
         <p class=\"has-text-align-center\">Morning in the Plaza Mayor</p></div></div>",
    );
    assert_eq!(out, vec![p("Morning in the Plaza Mayor")]);
    // A 48 px icon keeps its paragraph whole, read as its alternative text.
    let out = blocks(
        "<p>Look for the orange icon <img style=\"width: 48px;\" src=\"/rss.png\" alt=\"RSS\"> on any page.</p>\
         <p>A picture <img src=\"/big.jpg\" alt=\"Big\" width=\"800\" height=\"600\"> in a line, \
         a video <video src=\"/v.mp4\"></video> too.</p><p>Next.</p>",
    );
    assert_eq!(out[0], p("Look for the orange icon RSS on any page."));
    // A larger picture and a video follow their paragraph, which stays whole.
    assert_eq!(out[1], p("A picture in a line, a video too."));
    assert!(matches!(&out[2], Block::Image(i) if i.alt == "Big"), "{out:#?}");
    assert!(
        matches!(&out[3], Block::Embed(e) if e.url.ends_with("/v.mp4")),
        "{out:#?}"
    );
    assert_eq!(out[4], p("Next."));
    assert_eq!(out.len(), 5);
    // At the start of a paragraph, the picture comes first.
    let out =
        blocks("<p><img src=\"/big.jpg\" alt=\"Big\" width=\"800\" height=\"600\">Caption-like text.</p>");
    assert!(matches!(&out[0], Block::Image(_)), "{out:#?}");
    assert_eq!(out[1], p("Caption-like text."));
    // In a list item, after the item's text, inside the list.
    let out = blocks("<ul><li>One <img src=\"/big.jpg\" alt=\"Big\" width=\"800\" height=\"600\"> two</li></ul><p>After.</p>");
    assert_eq!(out.last(), Some(&p("After.")), "{out:#?}");
}

/// Spaces between words survive element boundaries, line breaks and links
/// ("by Hiroshi", "Category: Travel"), as the browser collapses them; no
/// run is trimmed on its own.
#[test]
fn spaces_around_links_and_line_breaks_are_kept() {
    let text = |html: &str| -> Vec<String> {
        blocks(html)
            .iter()
            .map(|b| match b {
                Block::Paragraph(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(
        text("<p>Photos by <a href=\"/u/hiroshi\">Hiroshi</a> <em>Sato</em></p>"),
        vec!["Photos by Hiroshi Sato"]
    );
    assert_eq!(
        text("<p>Category:<br><a href=\"/c/travel\"> Travel </a>, <a href=\"/c/food\">Food</a> .</p>"),
        vec!["Category:\nTravel , Food ."]
    );
    assert_eq!(
        text("<p>by\n  <span>Hiroshi</span>\n</p><p><strong>Tokyo</strong>  —  <em>a city</em></p>"),
        vec!["by Hiroshi", "Tokyo — a city"]
    );
    // No space where the markup has none.
    assert_eq!(
        text("<p>H<sub>2</sub>O, <a href=\"/x\">link</a>ed</p>"),
        vec!["H2O, linked"]
    );
}
