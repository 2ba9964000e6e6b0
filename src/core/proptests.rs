//! Property tests: whatever a feed sends, the readers and the sanitizer
//! return a value or an error, never panic, and never let an unsafe URL
//! through.

use proptest::prelude::*;

use super::article::Block;
use super::config::Units;
use super::html::tests::Html5ever;
use super::html::{HtmlParser, Sanitizer};
use super::json::{self, Json, Value};
use super::{feed, herald, jsonfeed, open_meteo, wordpress};

const BASE: &str = "https://feeds.example/data/x.json";

/// Arbitrary JSON values, biased towards the member names the readers look for.
fn json_value() -> impl Strategy<Value = Json> {
    let key = prop_oneof![
        Just("herald".to_string()),
        Just("type".to_string()),
        Just("body".to_string()),
        Just("text".to_string()),
        Just("headline".to_string()),
        Just("published".to_string()),
        Just("items".to_string()),
        Just("url".to_string()),
        Just("title".to_string()),
        Just("rendered".to_string()),
        Just("content".to_string()),
        Just("_embedded".to_string()),
        Just("wp:featuredmedia".to_string()),
        Just("version".to_string()),
        Just("current".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1e6f64..1e6).prop_map(Value::Number),
        prop_oneof![
            Just("article".to_string()),
            Just("2024-04-27T09:30:00+02:00".to_string()),
            Just("https://jsonfeed.org/version/1.1".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("<p>x<script>alert(1)</script></p>".to_string()),
            ".{0,20}",
        ]
        .prop_map(Value::String),
        Just(Value::Number(1.0)),
    ]
    .prop_map(Json::new);
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| Json::new(Value::Array(v))),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|m| Json::new(Value::Object(m))),
        ]
    })
}

fn urls_of(blocks: &[Block]) -> Vec<String> {
    blocks.iter().flat_map(|b| b.urls()).map(str::to_string).collect()
}

fn safe(url: &str) -> bool {
    let l = url.to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_reader_survives_any_json(doc in json_value()) {
        let text = json::to_string(&doc);
        let parsed = json::parse(&text).expect("what the writer writes, the reader reads");
        let _ = feed::detect(&parsed);
        let _ = herald::article(&parsed, BASE);
        let _ = herald::trending(&parsed, BASE);
        let _ = herald::archives(&parsed, BASE);
        let _ = herald::listing(&parsed, BASE);
        let _ = wordpress::article(&parsed, BASE, &Html5ever, None);
        // Terms of any shape against a hidden tag given by slug and by id.
        let _ = wordpress::article(&parsed, BASE, &Html5ever, Some("x"));
        let _ = wordpress::article(&parsed, BASE, &Html5ever, Some("7"));
        let _ = wordpress::summaries(&parsed, BASE, &Html5ever);
        let _ = wordpress::listing(&parsed, BASE, &Html5ever, 2, Some(3), None);
        let _ = jsonfeed::article(&parsed, BASE, &Html5ever, Some("x"));
        let _ = jsonfeed::summaries(&parsed, BASE, &Html5ever);
        let _ = open_meteo::weather(&parsed, Units::Fahrenheit);
        if let Ok(a) = herald::article(&parsed, BASE) {
            prop_assert!(urls_of(&a.value.body).iter().all(|u| safe(u)));
        }
    }

    #[test]
    fn the_json_reader_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let response = feed::Response { status: 200, content_type: None, body: &bytes };
        let _ = feed::read_json(super::error::Feed::Article, None, BASE, response);
    }

    #[test]
    fn the_json_reader_survives_json_like_text(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\n\\\\u]{0,120}") {
        let _ = json::parse(&text);
    }

    #[test]
    fn dates_survive_any_text_after_a_valid_start(
        tail in "[0-9:.+\\-Zzé€😀 ]{0,8}",
        sep in "[Tt ]",
    ) {
        let text = format!("2024-04-27{sep}09:30:00{tail}");
        if let Ok(ts) = crate::core::time::Timestamp::parse_rfc3339(&text) {
            // Whatever was accepted names an instant within a day of the civil time.
            prop_assert!((ts.unix_ms - 1_714_210_200_000).abs() <= 24 * 3_600_000, "{text}");
        }
        let _ = crate::core::time::Timestamp::parse_utc_naive(&text);
        let _ = crate::core::time::parse_lenient(&text);
    }

    #[test]
    fn lenient_dates_survive_any_text(text in "[0-9:.+\\-TZa-zé€😀 ,]{0,32}") {
        let _ = crate::core::time::parse_lenient(&text);
    }

    #[test]
    fn the_sanitizer_survives_any_markup_and_keeps_only_safe_urls(
        html in "(<(p|a|img|div|blockquote|ul|li|figure|figcaption|script|svg|h2|em|b|br|cite)( (href|src|alt|width|onload|class)=(\"[^\"<]{0,20}\"|javascript:x|//e.test|1))*>|</(p|a|div|ul|li|blockquote|figure|svg|em|b)>|[^<]{0,12}|&[a-z#0-9]{1,6};|\\[caption[^\\]]{0,8}\\]){0,40}"
    ) {
        let nodes = Html5ever.parse(&html);
        let (blocks, _) = Sanitizer::new(BASE, Some("https://feeds.example")).blocks(&nodes).unwrap();
        for url in urls_of(&blocks) {
            prop_assert!(safe(&url), "{url}");
        }
        let _ = super::html::text_of(&nodes);
    }
}
