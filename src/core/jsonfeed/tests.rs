use super::*;
use crate::core::fixtures::embeds;
use crate::core::html::tests::Html5ever;
use crate::core::json::parse;

const BASE: &str = "https://cronica.example/feed.json";

fn feed() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jsonfeed.json");
    parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_item_with_html_becomes_an_article() {
    let a = article(&feed(), BASE, &Html5ever, Some("street-musicians-return-to-sol"))
        .unwrap()
        .value;
    assert_eq!(
        a.headline,
        "“We’ll be back”: street musicians return to Sol & Callao"
    );
    assert_eq!(
        a.url,
        "https://cronica.example/2024/04/street-musicians-return-to-sol/"
    );
    assert_eq!(a.id, "https://cronica.example/?p=48213");
    assert_eq!(a.published.unwrap().to_rfc3339(), "2024-04-16T19:42:10+02:00");
    assert_eq!(a.updated.unwrap().to_rfc3339(), "2024-04-17T08:05:33+02:00");
    assert_eq!(a.standfirst.as_deref(), Some("The city has issued 120 permits for street musicians this spring, and the waiting list is longer than ever."));
    assert_eq!(a.authors[0].name, "Inés Robledo");
    assert_eq!(a.language.as_deref(), Some("en"), "from the feed");
    assert!(matches!(&a.body[0], Block::Paragraph(r) if r[0].text == "MADRID." && r[0].strong));
}

#[test]
fn text_items_images_authors_tags_and_language() {
    let text = article(&feed(), BASE, &Html5ever, Some("night-bus-n26-changes-route"))
        .unwrap()
        .value;
    assert_eq!(text.body.len(), 2);
    assert!(
        matches!(&text.body[1], Block::Paragraph(r) if r[0].text.contains("<b>")),
        "text stays text"
    );
    let fa = article(&feed(), BASE, &Html5ever, Some("nowruz-dar-madrid"))
        .unwrap()
        .value;
    assert_eq!(fa.language.as_deref(), Some("fa"));
    assert_eq!(
        fa.image.as_ref().unwrap().src,
        "https://cronica.example/wp-content/uploads/2024/03/nowruz-1200x675.jpg"
    );
    assert_eq!(fa.authors.len(), 2);
    assert!(fa.authors[0]
        .avatar
        .as_deref()
        .unwrap()
        .starts_with("https://secure.gravatar.com/"));
    assert_eq!(fa.tags, vec!["نوروز", "Culture", "Books & reading"]);
}

#[test]
fn a_minimal_item_and_a_missing_one() {
    // An item without a date (JSON Feed's date is optional) is an article
    // without one, and the console says so.
    let minimal = article(&feed(), BASE, &Html5ever, Some("47902")).unwrap();
    assert_eq!(minimal.value.published, None);
    assert_eq!(
        minimal.warnings,
        vec![format!(
            "the item has no readable `date_published`: it is shown without a date at $.items[3] (line {})",
            minimal_line()
        )]
    );
    assert_eq!(
        article(&feed(), BASE, &Html5ever, Some("nope")).unwrap_err(),
        Problem::NotFound
    );
    // Without a slug, the first item.
    assert!(article(&feed(), BASE, &Html5ever, None)
        .unwrap()
        .value
        .headline
        .starts_with("“We’ll be back”"));
}

fn minimal_line() -> u32 {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/jsonfeed.json"
    ))
    .unwrap();
    let at = text.find("\"47902\"").unwrap();
    // The item's object starts on the line before its id.
    text[..at].matches('\n').count() as u32
}

#[test]
fn a_feed_is_a_trending_list_skipping_what_cannot_be_linked() {
    let parsed = summaries(&feed(), BASE, &Html5ever).unwrap();
    assert_eq!(parsed.value.len(), 3);
    assert_eq!(parsed.value[2].language.as_deref(), Some("fa"));
    assert_eq!(parsed.warnings.len(), 1);
    assert!(
        parsed.warnings[0].starts_with("skipped an item: missing field `url` at $.items[3]"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn versions_are_checked() {
    let other = parse(r#"{"version":"https://jsonfeed.org/version/2","items":[]}"#).unwrap();
    assert_eq!(
        summaries(&other, BASE, &Html5ever).unwrap_err(),
        Problem::Unsupported("JSON Feed version `https://jsonfeed.org/version/2` is not supported (this widget reads 1.0 and 1.1)".into())
    );
    let none = parse(r#"{"items":[]}"#).unwrap();
    assert!(
        matches!(summaries(&none, BASE, &Html5ever).unwrap_err(), Problem::Schema(e) if e.message == "missing field `version`")
    );
}

#[test]
fn the_sample_sites_json_feed_matches_the_native_articles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");
    let text = std::fs::read_to_string(format!("{dir}/jsonfeed/feed.json")).unwrap();
    let json = parse(&text).unwrap();
    let base = "https://news.example/data/jsonfeed/feed.json";
    let list = summaries(&json, base, &Html5ever).unwrap().value;
    assert_eq!(list.len(), 25);
    for s in &list {
        let slug = s.slug.as_deref().unwrap();
        let a = article(&json, base, &Html5ever, Some(slug)).unwrap().value;
        let native_text = std::fs::read_to_string(format!("{dir}/articles/{slug}.json")).unwrap();
        let native = crate::core::herald::article(
            &parse(&native_text).unwrap(),
            "https://news.example/data/articles/x.json",
        )
        .unwrap()
        .value;
        assert_eq!(a.headline, native.headline);
        assert_eq!(a.kicker, native.kicker);
        assert_eq!(a.dateline, native.dateline, "{slug}");
        assert_eq!(a.language, native.language);
        assert_eq!(a.body.len(), native.body.len(), "{slug}");
        assert_eq!(
            a.image.as_ref().map(|i| (&i.src, i.width)),
            native.image.as_ref().map(|i| (&i.src, i.width)),
            "{slug}"
        );
        assert_eq!(
            a.authors.iter().map(|x| &x.bio).collect::<Vec<_>>(),
            native.authors.iter().map(|x| &x.bio).collect::<Vec<_>>()
        );
    }
}

/// A recorded feed of `tests/fixtures/real/jsonfeed/` (see its README).
fn real(name: &str) -> Json {
    crate::core::fixtures::real("jsonfeed", name)
}

/// Recorded real feeds (tests/fixtures/real/README.md): each reads whole,
/// with what a reader must see. Before leniency, adactio's, curtclifton's
/// and InfluxData's feeds lost every item to their dates, pxlnv's was
/// refused for its `http://` version, Rosemary Orchard's showed `&amp;`
/// and lost its tags.
#[test]
fn real_feeds_read_whole() {
    let base = "https://feeds.example/feed.json";
    let cases: &[(&str, usize, &str, usize)] = &[
        (
            "adactio-journal-1.0.json",
            10,
            "The line-up for dConstruct 2022 …revealed!",
            9,
        ),
        ("curtclifton-1.0.json", 26, "Twitter Quitter", 0),
        (
            "daringfireball-2017-1.0.json",
            48,
            "The Talk Show: ‘I Do Like Throwing a Baby’",
            0,
        ),
        (
            "daringfireball-2021-1.1.json",
            48,
            "MailTrackerBlocker for Apple Mail on MacOS",
            0,
        ),
        (
            "hologramradio-podcast-1.0.json",
            40,
            "Learn Me Something eSports",
            0,
        ),
        ("hypercritical-1.0.json", 35, "The Last Guardian", 0),
        (
            "inessential-1.0.json",
            20,
            "James Dempsey and the Breakpoints Benefit App Camp for Girls",
            0,
        ),
        (
            "influxdata-wordpress-plugin-1.1.json",
            3,
            "InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark",
            4,
        ),
        ("journal-3960-fboes-1.1.json", 20, "Lecker, lecker", 1),
        ("jsonfeed-org-1.0.json", 2, "JSON Feed version 1.1", 0),
        (
            "leancrew-allthis-1.0.json",
            12,
            "Last thoughts on modifier keys",
            0,
        ),
        (
            "maybepizza-1.0.json",
            10,
            "GE's Monogram Pizza Oven Is Probably a Bad Idea",
            0,
        ),
        (
            "pxlnv-pixelenvy-1.0-http.json",
            20,
            "Uber Lost $4.5 Billion in 2017",
            0,
        ),
        (
            "rosemaryorchard-1.0.json",
            84,
            "Workflow: Add Task & Sub Tasks To OmniFocus",
            2,
        ),
        ("therecord-podcast-1.0.json", 11, "Special #2 - Brent Simmons", 0),
        ("timetable-podcast-1.0.json", 45, "Episode 45: Launch week", 0),
    ];
    for &(name, count, headline, tag_count) in cases {
        let json = real(name);
        assert_eq!(
            crate::core::feed::detect(&json),
            Some(crate::core::error::Format::JsonFeed),
            "{name}"
        );
        let list = summaries(&json, base, &Html5ever).unwrap().value;
        assert_eq!(list.len(), count, "{name}");
        assert_eq!(list[0].headline, headline, "{name}");
        for s in &list {
            assert!(
                !s.headline.contains("&#") && !s.headline.contains("&amp;"),
                "{name}: {}",
                s.headline
            );
        }
        // Every date the feed gives is read (InfluxData's has an undated item).
        let dated = json.get("items").and_then(Json::as_array).unwrap().iter();
        let dated = dated.filter(|i| i.get("date_published").is_some()).count();
        assert_eq!(
            list.iter().filter(|s| s.published.is_some()).count(),
            dated,
            "{name}"
        );
        let first = article(&json, base, &Html5ever, None).unwrap().value;
        assert_eq!(first.headline, headline, "{name}");
        assert_eq!(first.tags.len(), tag_count, "{name}: {:?}", first.tags);
        assert!(!first.body.is_empty(), "{name}");
    }
}

#[test]
fn tags_given_as_one_string_are_split() {
    let json = real("rosemaryorchard-1.0.json");
    let first = article(&json, "https://feeds.example/feed.json", &Html5ever, None)
        .unwrap()
        .value;
    assert!(
        first
            .tags
            .iter()
            .all(|t| !t.contains(',') && !t.trim().is_empty()),
        "{:?}",
        first.tags
    );
}

#[test]
fn a_date_that_cannot_be_read_drops_the_date_not_the_item() {
    let json = parse(
        r#"{"version":"http://jsonfeed.org/version/1","title":"t","items":[
        {"id":"1","url":"https://x.example/a","title":"A","date_published":"yesterday"},
        {"id":"2","url":"https://x.example/b","title":"B","date_published":"2018-01-06T08:00"}]}"#,
    )
    .unwrap();
    let parsed = summaries(&json, BASE, &Html5ever).unwrap();
    assert_eq!(parsed.value.len(), 2);
    assert_eq!(parsed.value[0].published, None);
    assert!(parsed.value[1].published.is_some());
    assert!(
        parsed.warnings.iter().any(|w| w.contains("left out a date")),
        "{:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings.iter().any(|w| w.contains("read as UTC")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_list_with_nothing_left_says_why_first() {
    // NetNewsWire's test feed: no item has a `url`, so none can be linked.
    let parsed = summaries(&real("netnewswire-authors-test-1.1.json"), BASE, &Html5ever).unwrap();
    assert!(parsed.value.is_empty());
    assert_eq!(
        parsed.warnings[0],
        "nothing to show: all 4 items were left out; the first because missing field `url` at $.items[0] (line 7)"
    );
}

#[test]
fn slugs_from_real_urls_select_their_items() {
    let base = "https://feeds.example/feed.json";
    // maybepizza: `.html` URLs; Rosemary Orchard: a percent-encoded apostrophe.
    for (name, slug, headline) in [
        (
            "maybepizza-1.0.json",
            "monogram_pizza_oven",
            "GE's Monogram Pizza Oven Is Probably a Bad Idea",
        ),
        (
            "jsonfeed-org-1.0.json",
            "json-feed-version",
            "JSON Feed version 1.1",
        ),
        (
            "rosemaryorchard-1.0.json",
            "satechi's_multiport_travel_charging_station_is_going_to_make_your_life_so_much_easier",
            "Satechi's Multiport Travel Charging station is going to make your life so much easier | iMore",
        ),
    ] {
        let json = real(name);
        let list = summaries(&json, base, &Html5ever).unwrap().value;
        assert!(
            list.iter().any(|s| s.slug.as_deref() == Some(slug)),
            "{name}: {:?}",
            list.iter().map(|s| &s.slug).collect::<Vec<_>>()
        );
        let a = article(&json, base, &Html5ever, Some(slug)).unwrap().value;
        assert_eq!(a.slug, slug);
        assert_eq!(a.headline, headline, "{name}");
    }
}

#[test]
fn items_sharing_a_slug_stay_reachable() {
    let json = parse(r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"https://x.example/2023/notes/","url":"https://x.example/2023/notes/","title":"First","content_text":"1","date_published":"2023-01-01T00:00:00Z"},
        {"id":"https://x.example/2024/notes/","url":"https://x.example/2024/notes/","title":"Second","content_text":"2","date_published":"2024-01-01T00:00:00Z"},
        {"id":"https://x.example/2025/notes.html","url":"https://x.example/2025/notes.html","title":"Third","content_text":"3","date_published":"2025-01-01T00:00:00Z"}]}"#)
    .unwrap();
    let parsed = summaries(&json, BASE, &Html5ever).unwrap();
    let slugs: Vec<_> = parsed.value.iter().map(|s| s.slug.clone().unwrap()).collect();
    assert_eq!(slugs, ["notes", "notes-2", "notes-3"]);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("two items have the slug `notes`")),
        "{:?}",
        parsed.warnings
    );
    let pick = |slug: &str| {
        article(&json, BASE, &Html5ever, Some(slug))
            .unwrap()
            .value
            .headline
    };
    assert_eq!(pick("notes"), "First");
    assert_eq!(pick("notes-2"), "Second");
    assert_eq!(pick("notes-3"), "Third");
    // Or by id.
    assert_eq!(pick("https://x.example/2024/notes/"), "Second");
}

/// Podcast feeds: each episode's audio is a link that says what it is,
/// after the episode's notes (issue: attachments used to vanish).
#[test]
fn attachments_become_links_to_their_files() {
    let base = "https://feeds.example/feed.json";
    let a = article(&real("timetable-podcast-1.0.json"), base, &Html5ever, None)
        .unwrap()
        .value;
    let Some(Block::Embed(e)) = a.body.last() else {
        panic!("{:#?}", a.body.last())
    };
    assert_eq!(e.kind, EmbedKind::Audio);
    assert_eq!(
        e.url,
        "http://timetable.manton.org/podcast-download/139/episode-45-launch-week.mp3"
    );
    assert_eq!(e.details.as_deref(), Some("MP3, 5 MB"));
    let a = article(&real("therecord-podcast-1.0.json"), base, &Html5ever, None)
        .unwrap()
        .value;
    assert!(
        matches!(a.body.last(), Some(Block::Embed(e)) if e.details.as_deref() == Some("M4A, 75 MB")),
        "{:#?}",
        a.body.last()
    );
    // Durations, titles, other types, and what is left out.
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://p.example/1","date_published":"2024-01-01T00:00:00Z",
        "content_text":"Notes","attachments":[
          {"url":"/ep1.mp3","mime_type":"audio/mpeg","duration_in_seconds":2520,"title":"Episode 1"},
          {"url":"javascript:alert(1)","mime_type":"audio/mpeg"},
          {"url":"https://p.example/v.webm","mime_type":"video/webm","size_in_bytes":100},
          {"url":"https://p.example/notes.pdf","mime_type":"application/pdf"}]}]}"#;
    let parsed = article(&parse(feed).unwrap(), base, &Html5ever, None).unwrap();
    let embeds = embeds(&parsed.value.body);
    assert_eq!(embeds.len(), 3);
    assert_eq!(
        (
            embeds[0].url.as_str(),
            embeds[0].title.as_deref(),
            embeds[0].details.as_deref()
        ),
        (
            "https://feeds.example/ep1.mp3",
            Some("Episode 1"),
            Some("MP3, 42 min")
        )
    );
    assert_eq!(
        (embeds[1].kind, embeds[1].details.as_deref()),
        (EmbedKind::Video, Some("WEBM, < 1 MB"))
    );
    assert_eq!(
        (embeds[2].kind, embeds[2].details.as_deref()),
        (EmbedKind::Other, Some("PDF"))
    );
    assert!(parsed
        .value
        .body
        .iter()
        .flat_map(|b| b.urls())
        .all(|u| u.starts_with("http")));
    assert!(parsed.warnings.iter().any(
        |w| w.starts_with("left out an attachment without an http(s) `url` at $.items[0].attachments[1]")
    ));
}

/// A parser whose configured zone is Madrid's rule: UTC+1, UTC+2 from the
/// last Sunday of March (here 2018-03-25 01:00 UTC) to the last of October.
struct MadridHtml;

impl HtmlParser for MadridHtml {
    fn parse(&self, html: &str) -> Vec<crate::core::html::Node> {
        Html5ever.parse(html)
    }
    fn zone_offset(&self, unix_ms: i64) -> Option<i32> {
        let summer = Timestamp::parse_rfc3339("2018-03-25T01:00:00Z").unwrap().unix_ms
            ..Timestamp::parse_rfc3339("2018-10-28T01:00:00Z").unwrap().unix_ms;
        Some(if summer.contains(&unix_ms) { 120 } else { 60 })
    }
}

/// A time written without a zone is the configured zone's wall clock, in
/// winter and in summer, and the console says so; without a configured
/// zone it stays UTC.
#[test]
fn a_zone_less_date_is_read_in_the_configured_time_zone() {
    let json = parse(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"1","url":"https://x.example/a","title":"A","date_published":"2018-01-06T08:00"},
        {"id":"2","url":"https://x.example/b","title":"B","date_published":"2018-07-06 08:00:00"},
        {"id":"3","url":"https://x.example/c","title":"C","date_published":"2018-07-06T08:00:00+05:00"}]}"#,
    )
    .unwrap();
    let at = |s: &str| Some(Timestamp::parse_rfc3339(s).unwrap());
    let madrid = summaries(&json, BASE, &MadridHtml).unwrap();
    let dates: Vec<_> = madrid.value.iter().map(|s| s.published).collect();
    assert_eq!(
        dates,
        vec![
            at("2018-01-06T08:00:00+01:00"),
            at("2018-07-06T08:00:00+02:00"),
            at("2018-07-06T08:00:00+05:00")
        ]
    );
    assert_eq!(madrid.value[1].published.map(|t| t.offset_minutes), Some(120));
    let said = madrid
        .warnings
        .iter()
        .filter(|w| w.contains("read in the configured time zone"))
        .count();
    assert_eq!(said, 2, "{:?}", madrid.warnings);
    let utc = summaries(&json, BASE, &Html5ever).unwrap();
    assert_eq!(utc.value[0].published, at("2018-01-06T08:00:00Z"));
}
