use super::*;
use crate::core::error::SchemaError;
use crate::core::json::parse;

const BASE: &str = "https://news.example/data/articles/x.json";

const VALID: &str = r#"{
  "herald": 1,
  "type": "article",
  "id": "a1",
  "slug": "a-story",
  "url": "/article/a-story",
  "kicker": "Must read",
  "headline": "A story",
  "standfirst": "What happened",
  "section": "World",
  "tags": ["NATO", "Afghanistan"],
  "published": "2024-04-27T09:30:00+02:00",
  "updated": "2024-04-27T11:00:00+02:00",
  "dateline": "BELGIUM. Brussels",
  "authors": [{"name": "Omid Sobhani", "slug": "omid", "avatar": "../img/omid.svg", "bio": "A journalist.", "url": "/author/omid"}],
  "image": {"src": "../img/lead.jpg", "alt": "A press conference", "width": 1200, "height": 675, "caption": "Brussels", "credit": "Photo: X"},
  "body": [
    {"type": "paragraph", "text": "Plain."},
    {"type": "paragraph", "text": ["Run one, ", {"text": "emphasised", "emphasis": true}, " and ", {"text": "a link", "href": "https://example.org/", "strong": true}]},
    {"type": "heading", "text": "Leaving together"},
    {"type": "heading", "level": 3, "text": "Smaller"},
    {"type": "quote", "text": "We went in together.", "attribution": "Antony Blinken"},
    {"type": "quote", "paragraphs": ["One.", ["Two."]]},
    {"type": "image", "src": "https://cdn.example/b.jpg", "alt": "", "width": 800, "height": 600, "caption": "Caption"},
    {"type": "list", "ordered": true, "items": ["first", ["second"]]},
    {"type": "read_also", "headline": "NATO will not leave", "url": "/article/nato", "slug": "nato"}
  ]
}"#;

fn parse_article(text: &str) -> std::result::Result<Parsed<Article>, Problem> {
    article(&parse(text).unwrap(), BASE)
}

fn schema(text: &str) -> SchemaError {
    match parse_article(text) {
        Err(Problem::Schema(e)) => e,
        other => panic!("expected a schema error, got {other:?}"),
    }
}

/// VALID with `from` replaced by `to` (which must occur).
fn edit(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from}");
    VALID.replacen(from, to, 1)
}

#[test]
fn a_complete_article_maps_every_field() {
    let parsed = parse_article(VALID).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let a = parsed.value;
    assert_eq!(a.id, "a1");
    assert_eq!(a.url, "https://news.example/article/a-story");
    assert_eq!(a.kicker.as_deref(), Some("Must read"));
    assert_eq!(a.tags, vec!["NATO", "Afghanistan"]);
    assert_eq!(a.published.unwrap().to_rfc3339(), "2024-04-27T09:30:00+02:00");
    assert_eq!(a.updated.unwrap().to_rfc3339(), "2024-04-27T11:00:00+02:00");
    assert_eq!(a.dateline.as_deref(), Some("BELGIUM. Brussels"));
    let author = &a.authors[0];
    assert_eq!(
        author.avatar.as_deref(),
        Some("https://news.example/data/img/omid.svg")
    );
    assert_eq!(author.url.as_deref(), Some("https://news.example/author/omid"));
    let image = a.image.unwrap();
    assert_eq!(image.src, "https://news.example/data/img/lead.jpg");
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    assert_eq!(image.credit.as_deref(), Some("Photo: X"));
    assert_eq!(a.body.len(), 9);
    assert_eq!(a.body[0], Block::Paragraph(vec![Run::plain("Plain.")]));
    match &a.body[1] {
        Block::Paragraph(runs) => {
            assert_eq!(runs.len(), 4);
            assert!(runs[1].emphasis && !runs[1].strong);
            assert_eq!(runs[3].href.as_deref(), Some("https://example.org/"));
            assert!(runs[3].strong);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        a.body[2],
        Block::Heading {
            level: 2,
            text: "Leaving together".into()
        }
    );
    assert_eq!(
        a.body[3],
        Block::Heading {
            level: 3,
            text: "Smaller".into()
        }
    );
    assert_eq!(
        a.body[4],
        Block::Quote {
            paragraphs: vec![vec![Run::plain("We went in together.")]],
            attribution: Some("Antony Blinken".into())
        }
    );
    assert!(matches!(&a.body[5], Block::Quote { paragraphs, attribution: None } if paragraphs.len() == 2));
    assert!(
        matches!(&a.body[6], Block::Image(img) if img.alt.is_empty() && img.caption.as_deref() == Some("Caption"))
    );
    assert!(matches!(&a.body[7], Block::List(List { ordered: true, items, .. }) if items.len() == 2));
    assert_eq!(
        a.body[8],
        Block::ReadAlso(ArticleLink {
            headline: "NATO will not leave".into(),
            url: "https://news.example/article/nato".into(),
            slug: Some("nato".into())
        })
    );
}

#[test]
fn a_minimal_article_needs_only_the_required_fields() {
    let a = parse_article(
        r#"{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x",
            "headline":"H","published":"2024-01-01T00:00:00Z","body":[]}"#,
    )
    .unwrap()
    .value;
    assert!(a.authors.is_empty() && a.image.is_none() && a.kicker.is_none() && a.tags.is_empty());
}

#[test]
fn missing_and_mistyped_fields_are_named_with_path_and_line() {
    let cases = [
        (edit("\"headline\": \"A story\",", ""), "missing field `headline` at $ (line 1)"),
        (edit("\"headline\": \"A story\"", "\"headline\": \"  \""), "`headline` must not be empty at $.headline (line 8)"),
        (edit("\"headline\": \"A story\"", "\"headline\": 7"), "`headline` must be a string, found a number at $.headline (line 8)"),
        (edit("\"width\": 1200", "\"width\": \"1200\""), "`width` must be a number, found a string at $.image.width (line 16)"),
        (edit("\"width\": 1200", "\"width\": -3"), "`width` must be a whole number from 1 to 20000 at $.image.width (line 16)"),
        (edit("\"alt\": \"A press conference\", ", ""), "missing field `alt` (use \"\" for a decorative image) at $.image (line 16)"),
        (edit("{\"name\": \"Omid Sobhani\", ", "{"), "missing field `name` at $.authors[0] (line 15)"),
        (edit("\"tags\": [\"NATO\", \"Afghanistan\"]", "\"tags\": [\"NATO\", 3]"), "the item must be a string, found a number at $.tags[1] (line 11)"),
        (edit("\"2024-04-27T09:30:00+02:00\"", "\"27 April 2024\""), "`27 April 2024` is not an RFC 3339 date-time such as 2024-04-27T09:30:00+02:00 at $.published (line 12)"),
        (edit("{\"type\": \"heading\", \"text\": \"Leaving together\"}", "{\"text\": \"x\"}"), "missing field `type` at $.body[2] (line 20)"),
        (edit("\"level\": 3", "\"level\": 1"), "`level` must be a whole number from 2 to 4 at $.body[3].level (line 21)"),
        (edit("{\"type\": \"paragraph\", \"text\": \"Plain.\"}", "{\"type\": \"paragraph\", \"text\": {\"a\": 1}}"), "text must be a string or an array of runs, found an object at $.body[0].text (line 18)"),
        (edit("{\"text\": \"emphasised\", \"emphasis\": true}", "{\"text\": \"emphasised\", \"emphasis\": \"yes\"}"), "`emphasis` must be true or false, found a string at $.body[1].text[1].emphasis (line 19)"),
        (edit("\"body\": [", "\"body\": 5, \"x\": ["), "`body` must be an array, found a number at $.body (line 17)"),
        (edit("\"url\": \"/article/a-story\"", "\"url\": \"javascript:alert(1)\""), "`url` must be an http(s) or relative URL, found `javascript:alert(1)` at $ (line 1)"),
    ];
    for (doc, expected) in cases {
        assert_eq!(schema(&doc).to_string(), expected);
    }
}

#[test]
fn version_and_type_are_checked_first() {
    assert_eq!(
        schema(&edit("\"herald\": 1,", "")).to_string(),
        "missing field `herald` (the format version; this widget reads 1) at $ (line 1)"
    );
    assert_eq!(
        parse_article(&edit("\"herald\": 1", "\"herald\": 2")).unwrap_err(),
        Problem::Unsupported("Herald format version 2 is not supported (this widget reads version 1)".into())
    );
    assert_eq!(
        parse_article(&edit("\"type\": \"article\"", "\"type\": \"trending\"")).unwrap_err(),
        Problem::Unsupported("this is a Herald `trending` document, where `article` was expected".into())
    );
    assert_eq!(
        article(&parse("[]").unwrap(), BASE).unwrap_err(),
        Problem::Schema(SchemaError {
            path: "$".into(),
            line: 1,
            message: "the document must be an object, found an array".into()
        })
    );
}

#[test]
fn unknown_blocks_and_unsafe_urls_are_skipped_with_warnings() {
    let doc = edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        "{\"type\": \"poll\", \"question\": \"?\"}, {\"type\": \"paragraph\", \"text\": [\"Click \", {\"text\": \"here\", \"href\": \"JaVaScRiPt:alert(1)\"}]}, {\"type\": \"image\", \"src\": \"data:image/svg+xml,<svg/onload=alert(1)>\", \"alt\": \"\"}, {\"type\": \"paragraph\", \"text\": \"  \"},",
    );
    let parsed = parse_article(&doc).unwrap();
    assert_eq!(
        parsed.warnings,
        vec![
            "skipped a block of unknown type `poll` at $.body[0] (line 18)",
            "dropped a URL with a scheme that is not allowed at $.body[1].text[1].href (line 18)",
            "dropped a URL with a scheme that is not allowed at $.body[2].src (line 18)",
            "skipped an empty paragraph at $.body[3] (line 18)",
        ]
    );
    // The poll, the image and the empty paragraph are gone; the link's text stays, unlinked.
    assert_eq!(parsed.value.body.len(), 9);
    assert_eq!(
        parsed.value.body[0],
        Block::Paragraph(vec![Run::plain("Click "), Run::plain("here")])
    );
}

#[test]
fn trending_archives_and_listings() {
    let t = trending(
        &parse(r#"{"herald":1,"type":"trending","items":[
            {"slug":"a","url":"/article/a","headline":"A","section":"World","published":"2024-04-27T10:00:00Z",
             "image":{"src":"t/a.jpg","alt":"","width":160,"height":90}},
            {"url":"https://other.example/b","headline":"B"}]}"#).unwrap(),
        BASE,
    )
    .unwrap()
    .value;
    assert_eq!(t.len(), 2);
    assert_eq!(
        t[0].image.as_ref().unwrap().src,
        "https://news.example/data/articles/t/a.jpg"
    );
    assert_eq!(t[1].slug, None);
    let err = trending(
        &parse(r#"{"herald":1,"type":"trending","items":[{"url":"/x"}]}"#).unwrap(),
        BASE,
    )
    .unwrap_err();
    assert_eq!(
        err,
        Problem::Schema(SchemaError {
            path: "$.items[0]".into(),
            line: 1,
            message: "missing field `headline`".into()
        })
    );

    let months = archives(
        &parse(r#"{"herald":1,"type":"archives","months":[{"year":2024,"month":4,"count":12},{"year":2023,"month":12,"count":3}]}"#).unwrap(),
        BASE,
    )
    .unwrap()
    .value;
    assert_eq!(
        months[0],
        MonthCount {
            year: 2024,
            month: 4,
            count: 12
        }
    );
    let err = archives(
        &parse(r#"{"herald":1,"type":"archives","months":[{"year":2024,"month":13,"count":1}]}"#).unwrap(),
        BASE,
    )
    .unwrap_err();
    assert_eq!(
        err,
        Problem::Schema(SchemaError {
            path: "$.months[0].month".into(),
            line: 1,
            message: "`month` must be a whole number from 1 to 12".into()
        })
    );

    let l = listing(
        &parse(
            r#"{"herald":1,"type":"listing","year":2024,"month":4,"items":[
            {"url":"/a","headline":"Old","published":"2024-04-01T10:00:00Z"},
            {"url":"/b","headline":"New","published":"2024-04-20T10:00:00Z"}]}"#,
        )
        .unwrap(),
        BASE,
    )
    .unwrap()
    .value;
    assert_eq!((l.year, l.month), (2024, 4));
    assert_eq!(l.items[0].headline, "New");
}

#[test]
fn the_sample_site_documents_are_valid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");
    let mut checked = 0;
    for sub in ["articles", "archive"] {
        let Ok(entries) = std::fs::read_dir(format!("{dir}/{sub}")) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let kind = doc.get("type").and_then(|t| t.as_str()).unwrap_or("").to_string();
            let warnings = match kind.as_str() {
                "article" => article(&doc, BASE).map(|p| p.warnings),
                "listing" => listing(&doc, BASE).map(|p| p.warnings),
                other => panic!("{}: unexpected type {other}", path.display()),
            }
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
            checked += 1;
        }
    }
    let text = std::fs::read_to_string(format!("{dir}/trending.json")).unwrap();
    assert!(trending(&parse(&text).unwrap(), BASE)
        .unwrap()
        .warnings
        .is_empty());
    checked += 1;
    let text = std::fs::read_to_string(format!("{dir}/archives.json")).unwrap();
    archives(&parse(&text).unwrap(), BASE).unwrap();
    assert!(checked >= 8, "only {checked} sample documents found");
}

#[test]
fn format_1_1_blocks_and_marks() {
    let doc = edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "paragraph", "text": ["E = mc", {"text": "2", "superscript": true}, " ", {"text": "x()", "code": true, "strong": true}, {"text": "k", "keyboard": true, "highlight": true, "subscript": true, "strikethrough": true}]},
    {"type": "list", "items": ["plain", {"text": ["with ", {"text": "marks", "emphasis": true}], "list": {"ordered": true, "items": [{"text": "deep", "list": {"items": ["deeper"]}}]}}, {"list": {"items": ["only a list"]}}]},
    {"type": "code", "text": "fn main() {\n    x\n}", "language": "rust"},
    {"type": "preformatted", "text": "a  b", "language": "ignored"},
    {"type": "verse", "text": "Line one\n  line two"},
    {"type": "separator"},"#,
    );
    let body = parse_article(&doc).unwrap().value.body;
    let Block::Paragraph(runs) = &body[0] else {
        panic!("{:#?}", body[0])
    };
    assert_eq!(runs[1].marks, Marks::SUPERSCRIPT);
    assert!(runs[3].strong && runs[3].marks == Marks::CODE);
    let all = Marks::KEYBOARD
        .with(Marks::HIGHLIGHT)
        .with(Marks::SUBSCRIPT)
        .with(Marks::STRIKETHROUGH);
    assert_eq!(runs[4].marks, all);
    let Block::List(list) = &body[1] else {
        panic!("{:#?}", body[1])
    };
    assert_eq!(list.items.len(), 3);
    assert_eq!(list.items[0].runs, vec![Run::plain("plain")]);
    let deep = &list.items[1].lists[0];
    assert!(deep.ordered);
    assert_eq!(deep.items[0].lists[0].items[0].runs, vec![Run::plain("deeper")]);
    assert!(list.items[2].runs.is_empty());
    assert_eq!(
        body[2],
        Block::Preformatted {
            kind: Preformatted::Code,
            text: "fn main() {\n    x\n}".into(),
            language: Some("rust".into())
        }
    );
    assert_eq!(
        body[3],
        Block::Preformatted {
            kind: Preformatted::Plain,
            text: "a  b".into(),
            language: None
        }
    );
    assert!(
        matches!(&body[4], Block::Preformatted { kind: Preformatted::Verse, text, .. } if text == "Line one\n  line two")
    );
    assert_eq!(body[5], Block::Separator);
}

#[test]
fn format_1_1_mistakes_are_named() {
    let item = schema(&edit(
        "\"items\": [\"first\", [\"second\"]]",
        "\"items\": [\"first\", {\"text\": \" \"}]",
    ));
    assert_eq!(
        item.to_string(),
        "a list item needs `text` or a `list` at $.body[7].items[1] (line 25)"
    );
    let mark = schema(&edit("\"emphasis\": true", "\"superscript\": \"yes\""));
    assert_eq!(mark.path, "$.body[1].text[1].superscript");
    let code = schema(&edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        "{\"type\": \"code\", \"language\": \"rust\"},",
    ));
    assert_eq!(code.to_string(), "missing field `text` at $.body[0] (line 18)");
    // Lists nested deeper than 8 are refused, not followed.
    let mut deep = String::from("\"deepest\"");
    for _ in 0..9 {
        deep = format!("{{\"list\": {{\"items\": [{deep}]}}}}");
    }
    let deep = schema(&edit(
        "\"items\": [\"first\", [\"second\"]]",
        &format!("\"items\": [{deep}]"),
    ));
    assert!(deep.message.contains("at most 8 deep"), "{deep}");
}

#[test]
fn format_1_1_tables() {
    let doc = edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "table", "caption": "Trains", "head": [["City", "Trains"]], "rows": [["Paris", ["1", {"text": "2", "superscript": true}]], [{"text": "All", "colspan": 2}]], "header_column": true, "align": [null, "right"]},
    {"type": "table", "rows": [[" "]]},"#,
    );
    let parsed = parse_article(&doc).unwrap();
    let Block::Table(t) = &parsed.value.body[0] else {
        panic!("{:#?}", parsed.value.body[0])
    };
    assert_eq!(t.caption.as_deref(), Some("Trains"));
    assert_eq!((t.head_rows, t.rows.len()), (1, 3));
    assert_eq!(t.align, vec![None, Some(Align::End)]);
    assert!(t.rows[1][0].header && !t.rows[1][1].header);
    assert_eq!(t.rows[1][1].runs[1].marks, Marks::SUPERSCRIPT);
    assert_eq!(t.rows[2][0].colspan, 2);
    assert!(
        parsed.warnings[0].starts_with("skipped a table without text at $.body[1]"),
        "{:?}",
        parsed.warnings
    );
    let bad = schema(&edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "table", "rows": [[{"text": "x", "colspan": 0}]]},"#,
    ));
    assert_eq!(bad.path, "$.body[0].rows[0][0].colspan");
    let bad = schema(&edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "table", "rows": [["x"]], "align": ["middle"]},"#,
    ));
    assert_eq!(
        bad.message,
        "alignment must be start, center or end, found `middle`"
    );
}

/// Every JSON example of docs/format.md is valid: whole documents, blocks
/// (read inside an article) and inline content (read as a paragraph).
#[test]
fn the_examples_of_the_format_documentation_are_valid() {
    let doc = include_str!("../../../docs/format.md");
    let mut checked = 0;
    for (i, block) in doc.split("```json").skip(1).enumerate() {
        let example = block.split("```").next().unwrap_or("").trim();
        // Schematic examples ("[ summary, … ]") are not documents.
        if example.contains(", …") {
            continue;
        }
        let wrapped = if example.contains("\"herald\": 1") {
            example.to_string()
        } else if example.starts_with("{\"type\"") {
            format!(
                r#"{{"herald":1,"type":"article","id":"a","slug":"a","url":"/a","headline":"h","published":"2024-01-01T00:00:00Z","body":[{example}]}}"#
            )
        } else if example.starts_with('[') {
            format!(
                r#"{{"herald":1,"type":"article","id":"a","slug":"a","url":"/a","headline":"h","published":"2024-01-01T00:00:00Z","body":[{{"type":"paragraph","text":{example}}}]}}"#
            )
        } else {
            continue;
        };
        let json = parse(&wrapped).unwrap_or_else(|e| panic!("example {i} is not JSON: {e}\n{example}"));
        let kind = json.get("type").and_then(|t| t.as_str()).unwrap_or("");
        let warnings = match kind {
            "article" => article(&json, BASE).map(|p| p.warnings),
            "trending" => trending(&json, BASE).map(|p| p.warnings),
            "archives" => archives(&json, BASE).map(|p| p.warnings),
            "listing" => listing(&json, BASE).map(|p| p.warnings),
            _ => panic!("example {i} has no known type\n{example}"),
        }
        .unwrap_or_else(|e| panic!("example {i} is refused: {e:?}\n{example}"));
        assert!(warnings.is_empty(), "example {i}: {warnings:?}\n{example}");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} examples found");
}

#[test]
fn format_1_1_galleries_and_embeds() {
    let doc = edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "gallery", "caption": "Two", "images": [{"src": "a.jpg", "alt": "A", "caption": "First"}, {"src": "javascript:x", "alt": ""}, {"src": "b.jpg", "alt": "B"}]},
    {"type": "embed", "kind": "audio", "url": "https://cdn.example/ep1.mp3", "provider": "Herald FM", "title": "Episode 1", "details": "MP3, 42 min", "poster": {"src": "p.jpg", "alt": ""}},
    {"type": "embed", "url": "https://maps.example/x"},
    {"type": "gallery", "images": []},"#,
    );
    let parsed = parse_article(&doc).unwrap();
    let body = &parsed.value.body;
    let Block::Gallery { images, caption } = &body[0] else {
        panic!("{:#?}", body[0])
    };
    assert_eq!((images.len(), caption.as_deref()), (2, Some("Two")));
    assert_eq!(images[0].src, "https://news.example/data/articles/a.jpg");
    let Block::Embed(e) = &body[1] else {
        panic!("{:#?}", body[1])
    };
    assert_eq!(
        (e.kind, e.details.as_deref()),
        (EmbedKind::Audio, Some("MP3, 42 min"))
    );
    assert_eq!(
        e.poster.as_ref().map(|p| p.src.as_str()),
        Some("https://news.example/data/articles/p.jpg")
    );
    assert!(matches!(&body[2], Block::Embed(e) if e.kind == EmbedKind::Other && e.provider.is_none()));
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.starts_with("skipped a gallery without images at $.body[3]")),
        "{:?}",
        parsed.warnings
    );
    let bad = schema(&edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "embed", "kind": "film", "url": "https://x.example/"},"#,
    ));
    assert_eq!(
        bad.message,
        "`kind` must be video, audio, post or other, found `film`"
    );
    let unsafe_url = schema(&edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "embed", "url": "javascript:alert(1)"},"#,
    ));
    assert_eq!(unsafe_url.path, "$.body[0]");
    assert!(unsafe_url.message.contains("`url`"), "{unsafe_url}");
}

#[test]
fn format_1_1_image_sources() {
    let doc = edit(
        "\"caption\": \"Brussels\"",
        r#""caption": "Brussels", "sources": [{"src": "../img/lead-600.jpg", "width": 600}, {"src": "javascript:x", "width": 900}, {"src": "../img/lead-300.jpg", "width": 300}]"#,
    );
    let parsed = parse_article(&doc).unwrap();
    let widths: Vec<u32> = parsed
        .value
        .image
        .unwrap()
        .sources
        .iter()
        .map(|s| s.width)
        .collect();
    assert_eq!(widths, vec![300, 600]);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("$.image.sources[1].src")),
        "{:?}",
        parsed.warnings
    );
    let bad = schema(&edit(
        "\"caption\": \"Brussels\"",
        r#""caption": "Brussels", "sources": [{"src": "a.jpg"}]"#,
    ));
    assert_eq!(
        bad.to_string(),
        "missing field `width` at $.image.sources[0] (line 16)"
    );
}

#[test]
fn format_1_1_footnotes() {
    let doc = edit(
        "{\"type\": \"paragraph\", \"text\": \"Plain.\"},",
        r#"{"type": "paragraph", "text": ["Thirty members", {"text": "1", "note": 1}, "."]},
    {"type": "footnotes", "notes": ["Thirty in March 2021.", ["And ", {"text": "more", "emphasis": true}]]},"#,
    );
    let body = parse_article(&doc).unwrap().value.body;
    let Block::Paragraph(runs) = &body[0] else {
        panic!()
    };
    assert_eq!(runs[1].note, Some(1));
    let Block::Footnotes(notes) = &body[1] else {
        panic!("{:#?}", body[1])
    };
    assert_eq!(notes.len(), 2);
    assert!(notes[1][1].emphasis);
    let bad = schema(&edit("\"emphasis\": true", "\"note\": 0"));
    assert_eq!(bad.path, "$.body[1].text[1].note");
}
