use super::*;
use crate::core::error::{Feed, LoadError};
use crate::core::fixtures::{embeds, kinds};
use crate::core::html::tests::Html5ever;
use crate::core::limits::{list_cut, nothing_left};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use xml5ever::driver::parse_document;
use xml5ever::tendril::TendrilSink;

/// xml5ever in place of the browser's `DOMParser` (`application/xml`),
/// converted as the browser's side converts: tags with their namespace's
/// canonical prefix, the attributes the reader `reads` only, text and
/// CDATA as text, comments and processing instructions dropped, no deeper
/// than `html::MAX_DEPTH`. The document element is the root.
pub(crate) fn parse_xml(text: &str) -> Node {
    let dom = parse_document(RcDom::default(), Default::default()).one(text);
    let root = dom
        .document
        .children
        .borrow()
        .iter()
        .find(|c| matches!(c.data, NodeData::Element { .. }))
        .cloned()
        .expect("a document element");
    convert(&root, 0)
}

fn convert(handle: &Handle, depth: usize) -> Node {
    let NodeData::Element { name, attrs, .. } = &handle.data else {
        unreachable!("an element")
    };
    let mut children = Vec::new();
    if depth < MAX_DEPTH {
        for c in handle.children.borrow().iter() {
            match &c.data {
                NodeData::Text { contents } => children.push(Node::Text(contents.borrow().to_string())),
                NodeData::Element { .. } => children.push(convert(c, depth + 1)),
                _ => {}
            }
        }
    }
    Node::Element {
        tag: format!("{}{}", prefix(&name.ns), name.local),
        attrs: attrs
            .borrow()
            .iter()
            .map(|a| {
                (
                    format!("{}{}", prefix(&a.name.ns), a.name.local),
                    a.value.to_string(),
                )
            })
            // What the browser's side hands over, and no more.
            .filter(|(k, _)| reads(k))
            .collect(),
        children,
    }
}

/// A recorded feed of `tests/fixtures/real/{kind}/` (see its README),
/// parsed. The two that are not UTF-8 (UOL's ISO-8859-1, kc0011's GB 2312)
/// are read as Latin-1, which is right for UOL's.
fn real(kind: &str, name: &str) -> Node {
    let path = format!("{}/tests/fixtures/real/{kind}/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text =
        String::from_utf8(bytes.clone()).unwrap_or_else(|_| bytes.iter().map(|&b| b as char).collect());
    parse_xml(&text)
}

const BASE: &str = "https://feeds.example/feed.xml";

/// The summaries of a recorded feed, read at `base`.
fn read_list(kind: &str, name: &str, base: &str) -> Parsed<Vec<Summary>> {
    summaries(&real(kind, name), base, &Html5ever).unwrap()
}

/// The article `slug` (the first when `None`) of a recorded feed.
fn item(kind: &str, name: &str, base: &str, slug: Option<&str>) -> Parsed<Article> {
    article(&real(kind, name), base, &Html5ever, slug).unwrap()
}

fn at(s: &str) -> i64 {
    Timestamp::parse_rfc3339(s).unwrap().unix_ms
}

/// Whether an address is one Herald may use: http(s), or mailto for a link.
fn safe(url: &str) -> bool {
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| url.starts_with(s))
}

/// Every link and image address of an article.
fn urls(a: &Article) -> Vec<&str> {
    let mut out: Vec<&str> = a.body.iter().flat_map(Block::urls).collect();
    out.extend(a.image.as_ref().map(|i| i.src.as_str()));
    out.push(&a.url);
    out
}

/// Every recorded feed (tests/fixtures/real/README.md) reads whole, as a
/// list and as the article of its first item: the number of items, the
/// first item's headline, byline, date (the instant) and picture.
#[test]
fn real_feeds_read_whole() {
    type Case = (
        &'static str,
        &'static str,
        usize,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        ("rss", "bbc-news.rss", 1, "Marcus Aurelius", None, Some("2021-02-25T10:15:00Z"), None),
        (
            "rss",
            "cloudflare-blog-ghost.rss",
            1,
            "Privacy-Preserving Compromised Credential Checking",
            Some("Luke Valenta"),
            Some("2021-10-14T12:59:53Z"),
            Some("https://blog.cloudflare.com/content/images/2021/10/image6-15.png"),
        ),
        (
            "rss",
            "google-news.rss",
            38,
            "In a major boost to Democrats, Manchin and Schumer announce deal for energy and health care bill - CNN",
            None,
            Some("2022-07-28T02:43:00Z"),
            None,
        ),
        (
            "rss",
            "guardian.rss",
            55,
            "Trump State of the Union address promised unity but emphasized discord",
            Some("David Smith in Washington"),
            Some("2018-01-31T07:26:05Z"),
            Some("https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/0_108_3000_1799/master/3000.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a606a273a90104e57b1e09bc4c0a1e11"),
        ),
        // RSS 0.92: the two-digit year is the channel's; its items have no date.
        ("rss", "heraldsun-two-digit-year.rss", 2, "The First Item", None, None, None),
        // GB 2312, read here as Latin-1; dates as `2020/1/10 14:33:00`.
        ("rss", "kc0011-dvbbs-nonstandard-dates.rss", 20, "½¨¹ú35ÖÜÄê¼ÍÄî£¬»ª±í£¬ºÍÆ½¸ë", Some("´óÓã¶ù"), None, None),
        (
            "rss",
            "leancrew-allthis-wordpress-rss-named-atom.rss",
            12,
            "Last thoughts on modifier keys",
            Some("Dr. Drang"),
            Some("2017-11-23T21:08:29Z"),
            None,
        ),
        (
            "rss",
            "livemint.rss",
            25,
            "PM Modi-Xi Jinping informal summit in Varanasi this October: Report",
            Some("Elizabeth Roche"),
            Some("2019-05-29T10:16:00Z"),
            None,
        ),
        (
            "rss",
            "macworld-enclosures.rss",
            30,
            "Best smart lock",
            Some("Christopher Null"),
            Some("2017-11-28T23:40:00Z"),
            Some("https://images.idgesg.net/images/article/2017/08/best-smart-locks-100730768-medium.jpg"),
        ),
        (
            "rss",
            "manton-wordpress.rss",
            10,
            "This week’s Core Intuition is out with a discussion about new and old iPhones…",
            Some("manton"),
            Some("2015-09-25T14:26:40Z"),
            None,
        ),
        ("rss", "medium-489.rss", 10, "Hodl Hodl closes funding round", Some("Hodl Hodl"), Some("2018-11-19T08:10:26Z"), None),
        (
            "rss",
            "medium-ameliakusiak.rss",
            3,
            "Koszty tranzycji medycznej",
            Some("Amelia Kusiak"),
            Some("2023-03-19T14:06:34Z"),
            None,
        ),
        (
            "rss",
            "medscape-est-dates.rss",
            20,
            "Caution Urged for Virtual Care Partnerships in Canada",
            None,
            Some("2025-11-05T18:52:10Z"),
            None,
        ),
        (
            "rss",
            "nightvale-prx-podcast.rss",
            1,
            "221 - The Glow Cloud, Explained",
            None,
            Some("2023-02-01T05:00:00Z"),
            None,
        ),
        (
            "rss",
            "scriptingnews-oldschool.rss",
            50,
            "Good morning students and teachers! 🍏",
            None,
            Some("2017-06-26T12:20:05Z"),
            None,
        ),
        (
            "rss",
            "theomnishow-podcast.rss",
            4,
            "Andrea McVittie, User Experience Designer",
            None,
            Some("2017-12-06T14:00:00Z"),
            None,
        ),
        // Portuguese day and month names (`Seg, 24 Set 2018`): not read.
        (
            "rss",
            "uol-noticias-portuguese-dates.rss",
            15,
            "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
            None,
            None,
            Some("https://conteudo.imguol.com.br/c/noticias/5f/2018/09/17/presidenciaveis-1537211917356_142x100.jpg"),
        ),
        (
            "rss",
            "vimeo-mediarss.rss",
            1,
            "Oregon Harvest Update and Fall Release Date Set",
            None,
            Some("2024-09-27T16:29:11Z"),
            Some("https://i.vimeocdn.com/video/1931613648-ea51f2799c4a4a4e058ed673e5587a0449778336fb866fad28a1ef7703a848dc-d_960"),
        ),
        (
            "atom",
            "4fsodonline-blogger.atom",
            25,
            "4FSOD Documentary: Bloopers and Stuff",
            Some("Anthony"),
            Some("2007-12-15T07:15:00Z"),
            None,
        ),
        (
            "atom",
            "daringfireball.atom",
            48,
            "The Talk Show: ‘I Do Like Throwing a Baby’",
            Some("John Gruber"),
            Some("2017-06-27T00:54:17Z"),
            None,
        ),
        (
            "atom",
            "expertopinionent-typepad.atom",
            43,
            "Advances and Testing in Vestibular Pathology",
            Some("ENTexpertopinion"),
            Some("2017-04-07T01:50:50Z"),
            None,
        ),
        (
            "atom",
            "github-gulp-releases.atom",
            10,
            "v3.9.0",
            Some("contra"),
            Some("2015-06-01T21:49:41Z"),
            Some("https://avatars3.githubusercontent.com/u/425716?v=3&s=60"),
        ),
        (
            "atom",
            "google-news.atom",
            38,
            "In a major boost to Democrats, Manchin and Schumer announce deal for energy and health care bill - CNN",
            Some("Google Inc."),
            Some("2022-07-28T02:43:00Z"),
            None,
        ),
        (
            "atom",
            "heise-developer.atom",
            15,
            "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei",
            Some("heise online"),
            Some("2016-02-01T16:22:00Z"),
            Some("http://www.heise.de/scale/geometry/264/q80/imgs/18/1/7/3/9/9/2/1/wildfly-2bf4ffd2935e38b6-90200def80b152e9-5ba35d3770232d92.jpeg"),
        ),
        ("atom", "neverworkintheory.atom", 20, "Retrospective", Some("Greg Wilson"), Some("2024-03-21T00:00:00Z"), None),
        (
            "atom",
            "onefoottsunami-wordpress.atom",
            25,
            "Link: Pillow Fight Leaves 24 Concussed",
            Some("Paul Kafasis"),
            Some("2015-09-08T14:21:41Z"),
            None,
        ),
        ("atom", "qemu-jekyll.atom", 10, "QEMU version 10.1.0 released", None, Some("2025-08-26T23:25:00Z"), None),
        (
            "atom",
            "reddit-mediarss.atom",
            25,
            "Any reason to keep 1G connections to my servers?",
            Some("/u/Remarkable_Housing61"),
            Some("2023-07-23T17:38:30Z"),
            None,
        ),
        (
            "atom",
            "youtube-channel-mediarss.atom",
            1,
            "Navigating with Quantum Entanglement",
            Some("PBS Space Time"),
            Some("2020-12-22T19:15:01Z"),
            Some("https://i1.ytimg.com/vi/0A1ouV7iD8o/hqdefault.jpg"),
        ),
    ];
    for dir in ["rss", "atom"] {
        let path = format!("{}/tests/fixtures/real/{dir}", env!("CARGO_MANIFEST_DIR"));
        let files = std::fs::read_dir(path).unwrap().count();
        assert_eq!(
            files,
            cases.iter().filter(|c| c.0 == dir).count(),
            "every {dir} fixture has a case"
        );
    }
    for &(kind, name, count, headline, author, date, image) in cases {
        let root = real(kind, name);
        let format = if kind == "rss" { Format::Rss } else { Format::Atom };
        assert_eq!(detect(&root), Some(format), "{name}");
        let list = summaries(&root, BASE, &Html5ever).unwrap();
        assert_eq!(list.value.len(), count, "{name}: {:?}", list.warnings);
        let first = &list.value[0];
        assert_eq!(first.headline, headline, "{name}");
        assert_eq!(first.author.as_deref(), author, "{name}");
        assert_eq!(first.published.map(|p| p.unix_ms), date.map(at), "{name}");
        assert_eq!(first.image.as_ref().map(|i| i.src.as_str()), image, "{name}");
        let a = article(&root, BASE, &Html5ever, None).unwrap().value;
        assert_eq!(
            (a.headline.as_str(), a.published),
            (headline, first.published),
            "{name}"
        );
        assert_eq!(a.image.as_ref().map(|i| i.src.as_str()), image, "{name}");
        assert_eq!(a.slug, first.slug.clone().unwrap_or_default(), "{name}");
        // YouTube's entries have no text (only `media:description`, not read).
        assert!(
            !a.body.is_empty() || name == "youtube-channel-mediarss.atom",
            "{name}"
        );
        // Every item is an article, found by its slug.
        for s in &list.value {
            let Some(slug) = s.slug.as_deref() else { continue };
            let other = article(&root, BASE, &Html5ever, Some(slug)).unwrap().value;
            assert_eq!(
                (other.url.as_str(), other.headline.as_str()),
                (s.url.as_str(), s.headline.as_str()),
                "{name}"
            );
            assert!(urls(&other).iter().all(|u| safe(u)), "{name}: {:?}", urls(&other));
        }
    }
}

/// The text of a body's paragraphs, joined.
fn text(body: &[Block]) -> String {
    crate::core::article::blocks_text(body, false)
}

/// The links of a body, in order.
fn links(body: &[Block]) -> Vec<&str> {
    body.iter().flat_map(Block::urls).collect()
}

#[test]
fn media_rss_pictures_the_widest() {
    // The Guardian: several `media:content` sizes per item, no `medium` or `type`.
    let list = read_list("rss", "guardian.rss", BASE).value;
    let image = list[0].image.as_ref().unwrap();
    assert_eq!((image.width, image.height), (Some(460), None));
    assert!(image.sources.is_empty());
    let a = item(
        "rss",
        "guardian.rss",
        BASE,
        Some("donald-trump-state-of-the-union-address-unity-discord"),
    )
    .value;
    assert_eq!(kinds(&a.body), vec!["p", "p", "read-also", "p"]);
    assert_eq!(a.tags.len(), 7);
    assert_eq!(a.tags[0], "Donald Trump");
    assert_eq!(a.language.as_deref(), Some("en-gb"));
    assert_eq!(a.standfirst, None, "the description is the body");
    // Vimeo: the thumbnail of a video's `media:content`; the language of `<rss xml:lang>`.
    let vimeo = item("rss", "vimeo-mediarss.rss", BASE, None).value;
    let image = vimeo.image.unwrap();
    assert_eq!((image.width, image.height), (Some(960), Some(540)));
    assert_eq!(vimeo.language.as_deref(), Some("en-US"));
    // YouTube: `media:group/media:thumbnail`.
    let yt = item("atom", "youtube-channel-mediarss.atom", BASE, None).value;
    let image = yt.image.unwrap();
    assert_eq!((image.width, image.height), (Some(480), Some(360)));
    assert_eq!(yt.url, "https://www.youtube.com/watch?v=0A1ouV7iD8o");
    assert_eq!(yt.updated.map(|t| t.unix_ms), Some(at("2020-12-25T23:12:12Z")));
    assert_eq!(
        yt.authors[0].url.as_deref(),
        Some("https://www.youtube.com/channel/UC7_gcs09iThXybpVgjHZ_7g")
    );
    // Macworld: an image enclosure on every item; BBC: `media:content` of audio is no picture.
    let macworld = read_list("rss", "macworld-enclosures.rss", BASE).value;
    assert!(macworld.iter().all(|s| s.image.is_some()));
    assert_eq!(item("rss", "bbc-news.rss", BASE, None).value.image, None);
}

#[test]
fn content_encoded_is_the_body_and_the_description_its_standfirst() {
    // Manton Reece's WordPress: title-less items are headed by their text;
    // the description only repeats the content, so it is no standfirst.
    let list = read_list("rss", "manton-wordpress.rss", BASE);
    assert_eq!(list.value[0].standfirst.as_deref(), Some("This week’s Core Intuition is out with a discussion about new and old iPhones, the latest rumors about an Apple Car, and a follow-up on WebKit for Apple TV."));
    let a = item("rss", "manton-wordpress.rss", BASE, Some("3071")).value;
    assert_eq!(a.standfirst, None);
    assert_eq!(kinds(&a.body), vec!["p"]);
    assert_eq!(links(&a.body), vec!["http://coreint.org/199"]);
    assert_eq!(
        (a.id.as_str(), a.tags.as_slice()),
        ("http://www.manton.org/?p=3071", &["Snippets".to_string()][..])
    );
    // Dr. Drang's WordPress: CDATA everywhere, a footnote list, a separator.
    let a = item("rss", "leancrew-allthis-wordpress-rss-named-atom.rss", BASE, None).value;
    assert_eq!(
        kinds(&a.body),
        vec!["p", "p", "quote", "p", "p", "p", "img", "p", "img", "p", "p", "p", "p", "hr", "list", "p"]
    );
    assert_eq!(
        (a.standfirst.as_deref(), a.authors[0].name.as_str()),
        (None, "Dr. Drang")
    );
    // Cloudflare's Ghost: the picture named by `media:content` is not shown
    // again as the text opens (the other one, a figure, is).
    let a = item("rss", "cloudflare-blog-ghost.rss", BASE, None).value;
    assert_eq!(&kinds(&a.body)[..4], &["img", "p", "p", "p"]);
    assert!(matches!(&a.body[0], Block::Image(i) if i.src.ends_with("image6-16.png")));
    assert!(kinds(&a.body).contains(&"pre") && kinds(&a.body).contains(&"list"));
    assert_eq!(a.tags, vec!["Research", "Security", "Product News"]);
    assert_eq!(a.standfirst.as_deref(), Some("Announcing a public demo and open-sourced implementation of a privacy-preserving compromised credential checking service"));
    // Medium: a tracking pixel left out; `atom:updated` in RSS is the update.
    let medium = item("rss", "medium-489.rss", BASE, None);
    assert_eq!(
        kinds(&medium.value.body),
        vec!["p", "p", "p", "p", "p", "list", "p", "p", "p"]
    );
    assert_eq!(medium.warnings, vec!["dropped a tracking pixel"]);
    assert_eq!(
        medium.value.updated.map(|t| t.unix_ms),
        Some(at("2018-11-19T08:42:59.267Z"))
    );
    assert_eq!(medium.value.id, "https://medium.com/p/417d97952d42");
    let polish = item("rss", "medium-ameliakusiak.rss", BASE, None).value;
    assert_eq!(&kinds(&polish.body)[..3], &["h", "p", "p"]);
    assert_eq!(polish.tags, vec!["tranzycja-medyczna", "transpłciowość"]);
}

#[test]
fn cdata_entities_and_text_without_markup() {
    // Livemint: link and date in CDATA, the date followed by a space.
    let a = item("rss", "livemint.rss", BASE, None).value;
    assert_eq!(a.url, "https://www.livemint.com/news/india/pm-modi-xi-jinping-informal-summit-in-varanasi-this-october-report-1559104147038.html");
    assert_eq!(a.id, "1559104147038");
    // One Foot Tsunami: `type="html"` titles, partly CDATA, with HTML entities.
    let list = read_list("atom", "onefoottsunami-wordpress.atom", BASE).value;
    assert!(list
        .iter()
        .any(|s| s.headline == "Please Report to the Principal’s Office"));
    assert!(list
        .iter()
        .any(|s| s.headline == "Link: That’s Not What Dolphins Do"));
    // Macworld's titles: XML's own character references.
    let mac = read_list("rss", "macworld-enclosures.rss", BASE).value;
    assert!(mac
        .iter()
        .any(|s| s.headline
            == "Animal Crossing Pocket Camp review: Nintendo's latest is a charming distraction"));
    // Medscape: markup escaped around a CDATA section.
    let a = item("rss", "medscape-est-dates.rss", BASE, None).value;
    assert_eq!(text(&a.body).trim(), "Provincial governments that partner with for-profit virtual healthcare companies in Canada must be cautious to protect public trust in the healthcare system, experts warn.\nMedscape News Canada");
    // Google News: the description is an escaped list of related stories.
    let a = item("rss", "google-news.rss", BASE, None).value;
    assert_eq!(kinds(&a.body), vec!["list"]);
    assert_eq!(
        a.slug, "1516137394",
        "the link's segment is too long for a slug: the guid"
    );
}

#[test]
fn dates_in_every_zone_and_the_ones_that_cannot_be_read() {
    let first = |kind, name| read_list(kind, name, BASE).value[0].published.unwrap();
    // Named zone and two spaces before it (Medscape), `-0000` (PRX),
    // `+10:30` (TypePad), milliseconds (Blogger), nanoseconds (Google News).
    assert_eq!(
        first("rss", "medscape-est-dates.rss").to_rfc3339(),
        "2025-11-05T13:52:10-05:00"
    );
    assert_eq!(
        first("rss", "nightvale-prx-podcast.rss").to_rfc3339(),
        "2023-02-01T05:00:00Z"
    );
    assert_eq!(
        first("atom", "expertopinionent-typepad.atom").to_rfc3339(),
        "2017-04-07T12:20:50+10:30"
    );
    assert_eq!(
        first("atom", "4fsodonline-blogger.atom").unix_ms,
        at("2007-12-14T23:15:00.000-08:00")
    );
    assert_eq!(
        first("atom", "google-news.atom").unix_ms,
        at("2022-07-28T02:43:00Z")
    );
    // Atom without `published`: `updated` (GitHub, Jekyll's are both).
    assert_eq!(
        first("atom", "github-gulp-releases.atom").to_rfc3339(),
        "2015-06-01T23:49:41+02:00"
    );
    // Portuguese names: the items keep no date, and the console says why.
    let uol = read_list("rss", "uol-noticias-portuguese-dates.rss", BASE);
    assert!(uol.value.iter().all(|s| s.published.is_none()));
    assert_eq!(
        uol.warnings
            .iter()
            .filter(|w| w.starts_with("left out a date"))
            .count(),
        15
    );
    assert_eq!(uol.warnings[1], "left out a date: `Seg, 24 Set 2018 19:42:40 -0300` is not a date Herald can read (RFC 3339 or RFC 822) at /rss/channel/item[1]/pubDate");
    let a = item("rss", "uol-noticias-portuguese-dates.rss", BASE, None);
    assert_eq!(a.value.published, None);
    assert!(a.warnings.contains(
        &"the item has no readable date: it is shown without one at /rss/channel/item[1]".to_string()
    ));
    // Dvbbs' `2020/1/10 14:33:00`.
    let kc = item("rss", "kc0011-dvbbs-nonstandard-dates.rss", BASE, None);
    assert!(kc
        .warnings
        .iter()
        .any(|w| w.starts_with("left out a date: `2020/1/10 14:33:00` is not a date")));
    // The Herald Sun's RSS 0.92: only the channel has a date (`03 Apr 02 1500 GMT`).
    let hs = item("rss", "heraldsun-two-digit-year.rss", BASE, None);
    assert_eq!(hs.value.published, None);
    assert_eq!(
        hs.warnings,
        vec!["the item has no readable date: it is shown without one at /rss/channel/item[1]"]
    );
}

#[test]
fn podcasts_enclosures_are_embeds() {
    let embed = |kind, name, slug| item(kind, name, BASE, slug).value.body.last().cloned();
    let audio = |url: &str, details: &str| {
        Some(Block::Embed(Embed {
            kind: EmbedKind::Audio,
            url: url.to_string(),
            provider: None,
            title: None,
            poster: None,
            caption: None,
            details: Some(details.to_string()),
        }))
    };
    // The type and `length` in bytes (`itunes:duration` is not read).
    assert_eq!(
        embed("rss", "bbc-news.rss", None),
        audio("http://open.live.bbc.co.uk/mediaselector/6/redir/version/2.0/mediaset/audio-nondrm-download/proto/http/vpid/p097wt5b.mp3", "MP3, 50 MB")
    );
    assert_eq!(
        embed("rss", "nightvale-prx-podcast.rss", None),
        audio("https://www.podtrac.com/pts/redirect.mp3/dovetail.prxu.org/_/126/c6d43512-3eb0-41bc-9092-393412cae641/nv221_intro.mp3", "MP3, 39 MB")
    );
    assert_eq!(
        embed(
            "rss",
            "theomnishow-podcast.rss",
            Some("brian-covey-support-manager")
        ),
        audio(
            "https://d2vstsfo8knv0p.cloudfront.net/audio/the-omni-show-003.mp3",
            "MP3, 25 MB"
        )
    );
    assert_eq!(
        embed("rss", "heraldsun-two-digit-year.rss", None),
        audio("http://www.oreilly.com/001.mp3", "MP3, < 1 MB")
    );
    // Atom: `link rel="enclosure"`, three times the same file (TypePad), a video (Blogger).
    let a = item("atom", "expertopinionent-typepad.atom", BASE, None).value;
    assert_eq!(embeds(&a.body).len(), 1);
    let blogger = item("atom", "4fsodonline-blogger.atom", BASE, None).value;
    let found = embeds(&blogger.body);
    assert_eq!(
        (found.len(), found[1].kind, found[1].details.as_deref()),
        (2, EmbedKind::Video, Some("MP4"))
    );
    assert_eq!(found[0].url, "https://www.blogger.com/video.g?token=AD6v5dyq9-5I_xeQrLuRdB8sMNk5uydYCcrUYCEeQM4rHZ8ittUFTmgvQzVVvwDQgWSD8DGPicg9Zx4Awulnbnqqnw", "the content's frame");
}

#[test]
fn xhtml_content_is_read_as_html() {
    // TypePad: `type="xhtml"` content in its `<div xmlns="…xhtml">`, with an
    // `xml:base` and the summary beside it.
    let a = item("atom", "expertopinionent-typepad.atom", BASE, None).value;
    assert_eq!(kinds(&a.body), vec!["p", "p", "embed"]);
    let Block::Paragraph(runs) = &a.body[0] else {
        panic!()
    };
    assert!(runs[0]
        .text
        .starts_with("Dr Nicholas Jufas interviews Dr Dave Pothier, a Staff Otologist & Neurotologist"));
    assert_eq!(
        runs[0].href.as_deref(),
        Some("https://ia601702.us.archive.org/23/items/ENTExpertOpinion/DavePothier-EeoPodcast.mp3")
    );
    assert_eq!(a.language, None);
    let list = read_list("atom", "expertopinionent-typepad.atom", BASE).value;
    assert!(list[0]
        .standfirst
        .as_deref()
        .unwrap()
        .ends_with("presentented extensively. In..."));
}

#[test]
fn relative_links_resolve_against_xml_base_else_the_feeds_link() {
    // Daring Fireball: an entry's `xml:base="https://daringfireball.net/"`
    // and `/misc/…` images in its content.
    let a = item("atom", "daringfireball.atom", BASE, Some("medium_dickbars")).value;
    assert!(
        links(&a.body).contains(&"https://daringfireball.net/misc/2017/06/dickbar-techcrunch.png"),
        "{:?}",
        links(&a.body)
    );
    // Jekyll: relative entry links (`/2025/08/26/qemu-10-1-0/`) and content
    // bases, against the feed's relative link (`/`), against the feed's address.
    let qemu = read_list("atom", "qemu-jekyll.atom", "https://www.qemu.org/feed.xml").value;
    assert_eq!(qemu[0].url, "https://www.qemu.org/2025/08/26/qemu-10-1-0/");
    assert_eq!(qemu[0].slug.as_deref(), Some("qemu-10-1-0"));
    let a = item("atom", "qemu-jekyll.atom", "https://www.qemu.org/feed.xml", None).value;
    assert_eq!(
        (a.tags.as_slice(), a.standfirst.as_deref()),
        (&["releases".to_string(), "qemu 10.1".to_string()][..], None)
    );
    // GitHub: `/gulpjs/gulp/releases/tag/v3.9.0` against the feed's own
    // link, wherever the feed is fetched from.
    let gulp = read_list("atom", "github-gulp-releases.atom", BASE).value;
    assert_eq!(gulp[0].url, "https://github.com/gulpjs/gulp/releases/tag/v3.9.0");
    assert_eq!(gulp[0].language.as_deref(), Some("en-US"));
    // Never Work in Theory: `<img src="/static/…">` against the feed's link.
    let nwit = read_list("atom", "neverworkintheory.atom", BASE).value;
    assert_eq!(
        nwit[1].image.as_ref().unwrap().src,
        "https://neverworkintheory.org/static/2023-04/zhou-shurui.png"
    );
    // Macworld: `/article/…#jump` in a description against the channel's link.
    let a = item(
        "rss",
        "macworld-enclosures.rss",
        BASE,
        Some("macos-high-sierra-root-security-issue-allows-admin-access-to-your-macbut-theres-a-fix"),
    )
    .value;
    assert!(links(&a.body).contains(&"https://www.macworld.com/article/3238868/macs/macos-high-sierra-root-security-issue-allows-admin-access-to-your-macbut-theres-a-fix.html#jump"));
}

#[test]
fn atom_entries_links_authors_and_the_pictures_their_text_opens_with() {
    // One Foot Tsunami: three entries with `href=""`; their `id` is their address.
    let tsunami = read_list("atom", "onefoottsunami-wordpress.atom", BASE);
    assert_eq!(tsunami.warnings, Vec::<String>::new());
    assert_eq!(tsunami.value[6].url, "http://onefoottsunami.com/?p=14848");
    assert_eq!(tsunami.value[6].slug, None);
    assert_eq!(tsunami.value[0].language, None, "`xml:lang=\"\"`");
    // Google News: the first link's segment is too long for a slug, its
    // id is a URL: no slug.
    let gn = read_list("atom", "google-news.atom", BASE).value;
    assert_eq!(gn[0].slug, None);
    // Reddit: the author's page, the category's label.
    let a = item("atom", "reddit-mediarss.atom", BASE, None).value;
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://ud.reddit.com/user/Remarkable_Housing61")
    );
    assert_eq!(a.tags, vec!["r/homelab"]);
    // Heise: the picture the content opens with is the list's picture and
    // the article's lead image, not repeated in the body; `summary` is the
    // standfirst.
    let heise = read_list("atom", "heise-developer.atom", BASE).value;
    assert!(heise.iter().all(|s| s.standfirst.is_some()));
    assert_eq!(
        heise.iter().filter(|s| s.image.is_some()).count(),
        12,
        "as many as have an <img>"
    );
    let a = item("atom", "heise-developer.atom", BASE, None).value;
    assert_eq!(kinds(&a.body), vec!["p"]);
    assert_eq!(a.image.unwrap().alt, "WildFly 10");
    // UOL: the same with an `<img align="left">` in the description.
    assert_eq!(
        kinds(
            &item("rss", "uol-noticias-portuguese-dates.rss", BASE, None)
                .value
                .body
        ),
        vec!["p"]
    );
}

#[test]
fn slugs_are_unique_and_every_item_can_be_found() {
    // Scripting News: title-less items whose links differ by their fragment.
    let root = real("rss", "scriptingnews-oldschool.rss");
    let parsed = summaries(&root, BASE, &Html5ever).unwrap();
    assert_eq!(parsed.value[1].slug.as_deref(), Some("26-2"));
    assert_eq!(
        parsed.warnings[0],
        "two items have the slug `26`: /rss/channel/item[2] is `26-2`"
    );
    assert_eq!(
        parsed.value[1].headline,
        "This is the human side of Health care is socialist."
    );
    let second = article(&root, BASE, &Html5ever, Some("26-2")).unwrap().value;
    assert_eq!(second.url, "http://scripting.com/2017/06/26.html#a030658");
    assert_eq!(
        article(&root, BASE, &Html5ever, Some("nope")).unwrap_err(),
        Problem::NotFound
    );
    // A listing of one month, newest first.
    let listing = listing(&real("rss", "guardian.rss"), BASE, &Html5ever)
        .unwrap()
        .value;
    assert_eq!((listing.year, listing.month, listing.items.len()), (2018, 1, 55));
    assert!(listing.items.windows(2).all(|w| w[0].published >= w[1].published));
}

/// An RSS 2.0 feed of `items`, its namespaces declared, at `https://site.example/`.
fn rss(items: &str) -> Node {
    parse_xml(&format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title><link>https://site.example/</link><language>es</language>{items}</channel></rss>"#
    ))
}

/// An Atom feed of `inner` (its entries and feed-level elements).
fn atom(inner: &str) -> Node {
    parse_xml(&format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">{inner}</feed>"#
    ))
}

fn el(tag: &str, children: Vec<Node>) -> Node {
    Node::Element {
        tag: tag.to_string(),
        attrs: Vec::new(),
        children,
    }
}

fn txt(text: impl Into<String>) -> Node {
    Node::Text(text.into())
}

/// An RSS feed of `items`, built without a parser (for sizes a test
/// parser would take long over).
fn rss_of(items: Vec<Node>) -> Node {
    let mut channel = vec![el("link", vec![txt("https://site.example/")])];
    channel.extend(items);
    el("rss", vec![el("channel", channel)])
}

#[test]
fn unsafe_addresses_never_get_through() {
    let root = rss(r#"
        <item><title>Bad link</title><link>javascript:alert(1)</link></item>
        <item xml:base="javascript:alert(7)//"><title>Good</title><link>good</link>
          <content:encoded><![CDATA[<p>Hi <a href="javascript:alert(2)">there</a><script>alert(3)</script> <img src="javascript:alert(4)"></p><p><a href="https://ok.example/">ok</a> <a href="rel">rel</a></p>]]></content:encoded>
          <enclosure url="javascript:alert(5)" type="audio/mpeg"/>
          <media:content url="javascript:alert(6)" medium="image"/>
        </item>"#);
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    assert_eq!(list.value.len(), 1);
    assert_eq!(
        list.value[0].url, "https://site.example/good",
        "the unsafe `xml:base` is ignored"
    );
    assert_eq!(list.value[0].image, None);
    assert_eq!(
        list.warnings,
        vec![
            "dropped a link with a scheme that is not allowed at /rss/channel/item[1]",
            "skipped an item: the item has no link at /rss/channel/item[1]",
        ]
    );
    let good = article(&root, BASE, &Html5ever, Some("good")).unwrap();
    assert!(
        urls(&good.value).iter().all(|u| safe(u)),
        "{:?}",
        urls(&good.value)
    );
    assert_eq!(
        links(&good.value.body),
        vec!["https://ok.example/", "https://site.example/rel"]
    );
    assert!(!text(&good.value.body).contains("alert"));
    assert!(
        good.warnings.contains(&"dropped a <script> element".to_string()),
        "{:?}",
        good.warnings
    );
    assert!(good
        .warnings
        .contains(&"left out an enclosure without an http(s) address at /rss/channel/item[2]".to_string()));
    // The item without a usable link is an article linking to the feed's site.
    let bad = article(&root, BASE, &Html5ever, None).unwrap();
    assert_eq!(bad.value.url, "https://site.example/");
    assert!(bad.warnings.contains(
        &"the item has no usable link: it links to the feed's site at /rss/channel/item[1]".to_string()
    ));
    // XHTML content: the sanitizer drops script, SVG and unsafe links there too.
    let root = atom(
        r#"<entry><title>X</title><link href="https://a.example/x"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <a href="javascript:alert(1)">two</a> <a href="/three">three</a></p><script>alert(2)</script><svg xmlns="http://www.w3.org/2000/svg"><text>alert(3)</text></svg><p onclick="alert(4)">Four</p></div></content></entry>"#,
    );
    let a = article(&root, BASE, &Html5ever, None).unwrap().value;
    assert_eq!(text(&a.body).trim(), "One two three Four");
    assert_eq!(links(&a.body), vec!["https://feeds.example/three"]);
}

#[test]
fn a_feed_of_50000_items_is_cut_at_the_item_cap() {
    let items = (0..50_000)
        .map(|i| {
            el(
                "item",
                vec![
                    el("title", vec![txt(format!("Item {i}"))]),
                    el("link", vec![txt(format!("https://site.example/item-{i}"))]),
                    el("description", vec![txt("<p>Some <b>text</b>.</p>")]),
                ],
            )
        })
        .collect();
    let root = rss_of(items);
    let start = std::time::Instant::now();
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(list.value.len(), MAX_ITEMS);
    assert_eq!(
        list.warnings,
        vec![list_cut(MAX_ITEMS, "the feed has 50000 items")]
    );
    // An item past the cap is still an article, by its slug.
    let last = article(&root, BASE, &Html5ever, Some("item-49999"))
        .unwrap()
        .value;
    assert_eq!(last.headline, "Item 49999");
}

/// The depth of a tree.
fn depth(n: &Node) -> usize {
    1 + parts(n).2.iter().map(depth).max().unwrap_or(0)
}

#[test]
fn deep_trees_are_bounded() {
    // The converter stops at `MAX_DEPTH`, as the browser's side does.
    let deep = format!(
        "<rss><channel><item><title>{}deep{}</title><link>https://site.example/a</link><description>Text.</description></item></channel></rss>",
        "<b>".repeat(5_000),
        "</b>".repeat(5_000)
    );
    let root = parse_xml(&deep);
    assert_eq!(depth(&root), MAX_DEPTH + 1);
    assert_eq!(
        summaries(&root, BASE, &Html5ever).unwrap().value[0].headline,
        "Text."
    );
    // A tree built deeper still (no converter): the reader goes no deeper either.
    let mut nested = txt("deep");
    for _ in 0..500 {
        nested = el("div", vec![nested]);
    }
    let item = |title: Node| {
        el(
            "item",
            vec![
                el("title", vec![title]),
                el("link", vec![txt("https://site.example/a")]),
                el("content:encoded", vec![nested.clone()]),
            ],
        )
    };
    // Its text is out of reach: no headline to take from it.
    let err = article(&rss_of(vec![item(nested.clone())]), BASE, &Html5ever, None).unwrap_err();
    assert!(
        matches!(&err, Problem::Schema(e) if e.to_string() == "the item has no title (and no text to take one from) at /rss/channel/item[1]"),
        "{err:?}"
    );
    let a = article(&rss_of(vec![item(txt("Shallow"))]), BASE, &Html5ever, None).unwrap();
    assert_eq!((a.value.headline.as_str(), a.value.body.len()), ("Shallow", 0));
}

#[test]
fn an_empty_feed_says_so() {
    let root = rss("");
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    assert_eq!(
        (list.value.len(), list.warnings),
        (0, vec!["the channel has no items at /rss/channel".to_string()])
    );
    let err = article(&root, BASE, &Html5ever, None).unwrap_err();
    let message = LoadError::new(Feed::Article, Some(Format::Rss), BASE, err).to_string();
    assert_eq!(
        message,
        "article (RSS) from https://feeds.example/feed.xml: the channel has no items at /rss/channel"
    );
    let err = article(&atom("<title>Nothing</title>"), BASE, &Html5ever, Some("x")).unwrap_err();
    assert!(matches!(err, Problem::Schema(e) if e.to_string() == "the feed has no entries at /feed"));
}

#[test]
fn other_documents_are_not_feeds() {
    let html = parse_xml("<html><head><title>Home</title></head><body><p>Hi</p></body></html>");
    assert_eq!(detect(&html), None);
    assert_eq!(
        summaries(&html, BASE, &Html5ever).unwrap_err(),
        Problem::Unsupported("the XML document is neither RSS nor Atom (its root element is <html>)".into())
    );
    let xhtml = parse_xml(r#"<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>"#);
    assert_eq!(detect(&xhtml), None);
    // Atom 0.3's namespace, RDF that is not RSS, an unknown vocabulary.
    for other in [
        r#"<feed xmlns="http://purl.org/atom/ns#"><entry/></feed>"#,
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>"#,
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>"#,
    ] {
        assert_eq!(detect(&parse_xml(other)), None, "{other}");
    }
    // RSS 1.0: the items beside the channel, Dublin Core dates and creators.
    let rdf = parse_xml(
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://r1.example/"><title>R1</title><link>https://r1.example/</link><dc:language>fr</dc:language></channel>
        <item rdf:about="https://r1.example/a"><title>A</title><link>https://r1.example/a</link><dc:date>2024-01-02T03:04:05+01:00</dc:date><dc:creator>Ann</dc:creator><description>Text</description></item>
        </rdf:RDF>"#,
    );
    assert_eq!(detect(&rdf), Some(Format::Rss));
    let list = summaries(&rdf, BASE, &Html5ever).unwrap().value;
    assert_eq!(list.len(), 1);
    assert_eq!(
        (
            list[0].headline.as_str(),
            list[0].author.as_deref(),
            list[0].language.as_deref()
        ),
        ("A", Some("Ann"), Some("fr"))
    );
    assert_eq!(
        list[0].published.unwrap().to_rfc3339(),
        "2024-01-02T03:04:05+01:00"
    );
}

#[test]
fn atom_entries_without_links_are_left_out_of_lists() {
    let root = atom("<entry><title>One</title><id>tag:x,2024:1</id></entry><entry><title>Two</title><link rel=\"related\" href=\"https://a.example/\"/></entry>");
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    assert!(list.value.is_empty());
    assert_eq!(
        list.warnings,
        vec![
            nothing_left(2, "the item has no link at /feed/entry[1]"),
            "skipped an item: the item has no link at /feed/entry[1]".to_string(),
            "skipped an item: the item has no link at /feed/entry[2]".to_string(),
        ]
    );
    // As an article, the entry links to the feed's address.
    let a = article(&root, BASE, &Html5ever, None).unwrap();
    assert_eq!(a.value.url, BASE);
    assert_eq!(a.value.id, "tag:x,2024:1");
    assert_eq!(a.value.body, vec![]);
    assert!(a
        .warnings
        .contains(&"the item has no text: only its headline is shown at /feed/entry[1]".to_string()));
}

#[test]
fn huge_text_is_cut_at_the_text_budget() {
    let title = "word ".repeat(600);
    let items = (0..900)
        .map(|i| {
            el(
                "item",
                vec![
                    el("title", vec![txt(title.clone())]),
                    el("link", vec![txt(format!("https://site.example/{i}"))]),
                ],
            )
        })
        .collect();
    let list = summaries(&rss_of(items), BASE, &Html5ever).unwrap();
    let kept = list.value.len();
    assert!((600..900).contains(&kept), "{kept}");
    assert_eq!(
        list.warnings,
        vec![list_cut(
            kept,
            "more than 2 MB of text, Herald's limit for one document"
        )]
    );
    // An article of more than 2 MB of text.
    let item = el(
        "item",
        vec![
            el("title", vec![txt("Long")]),
            el("link", vec![txt("https://site.example/long")]),
            el(
                "content:encoded",
                vec![txt(format!("<p>{}</p>", "word ".repeat(600_000)))],
            ),
        ],
    );
    assert_eq!(
        article(&rss_of(vec![item]), BASE, &Html5ever, None).unwrap_err(),
        Problem::OverLimit("the article has more than 2 MB of text, Herald's limit for one document".into())
    );
}

#[test]
fn the_converter_hands_over_what_the_reader_reads() {
    // XHTML content keeps what the sanitizer reads.
    for name in crate::core::html::ATTRIBUTES {
        assert!(reads(name), "{name}");
    }
    assert!(reads("isPermaLink") && !reads("version") && !reads("onclick"));
    // The converter hands over the listed attributes only …
    let root = parse_xml(
        r#"<rss version="2.0" xmlns:x="https://x.example/" x:y="z" xml:lang="en" xml:base="https://b.example/"><channel/></rss>"#,
    );
    assert_eq!(
        parts(&root).1,
        &[
            ("xml:lang".to_string(), "en".to_string()),
            ("xml:base".to_string(), "https://b.example/".to_string())
        ]
    );
    // … and reading another fails the native tests (every fixture reads
    // through this check).
    let read = std::panic::catch_unwind(|| attr(&root, "version"));
    assert!(read.is_err());
}

#[test]
fn namespaces_are_known_by_their_uri_not_their_prefix() {
    assert_eq!(prefix(""), "");
    assert_eq!(prefix("http://purl.org/rss/1.0/"), "");
    assert_eq!(prefix("http://www.w3.org/2005/Atom"), "atom:");
    assert_eq!(prefix("http://search.yahoo.com/mrss/"), "media:");
    assert_eq!(prefix("http://www.w3.org/XML/1998/namespace"), "xml:");
    assert_eq!(prefix("http://purl.org/atom/ns#"), "x:");
    let root = parse_xml(
        r#"<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:a="http://www.w3.org/2005/Atom"><channel><a:link rel="self" href="https://x.example/feed"/><item><title>x</title><link>https://x.example/x</link><c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded><a:updated>2024-05-01T00:00:00Z</a:updated></item></channel></rss>"#,
    );
    let a = article(&root, BASE, &Html5ever, None).unwrap().value;
    assert_eq!(text(&a.body).trim(), "Body");
    assert_eq!(
        a.updated.map(|u| u.unix_ms),
        Some(at("2024-05-01T00:00:00Z")),
        "an update of an undated item"
    );
}

#[test]
fn rss_items_authors_dates_and_categories() {
    let root = rss(r#"
        <item><title>A &amp;amp; B</title><link>https://site.example/a</link><author>jo@site.example (Jo Smith)</author><dc:date>2024-04-27T09:30:00+02:00</dc:date><category>One</category><category>Two &amp;amp; three</category><media:thumbnail url="/t.jpg"/></item>
        <item><title>B</title><link>https://site.example/b</link><author>jo@site.example</author><pubDate>2024-04-27T09:30</pubDate><itunes:duration>1:02:03</itunes:duration><enclosure url="/ep.m4a" type="audio/x-m4a" length="1000"/><media:content url="https://site.example/v.mp4"/></item>"#);
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    let [a, b] = &list.value[..] else { panic!() };
    assert_eq!(
        (a.headline.as_str(), a.author.as_deref()),
        ("A & B", Some("Jo Smith"))
    );
    assert_eq!(a.published.unwrap().to_rfc3339(), "2024-04-27T09:30:00+02:00");
    assert_eq!(a.language.as_deref(), Some("es"));
    assert_eq!(a.image.as_ref().unwrap().src, "https://site.example/t.jpg");
    assert_eq!(b.author, None, "an address is no name");
    assert_eq!(b.image, None, "`media:content` without medium, type or width");
    assert_eq!(b.published.unwrap().to_rfc3339(), "2024-04-27T09:30:00Z");
    assert_eq!(
        list.warnings,
        vec!["a date without a zone was read as UTC: `2024-04-27T09:30` at /rss/channel/item[2]/pubDate"]
    );
    let a = article(&root, BASE, &Html5ever, Some("a")).unwrap().value;
    assert_eq!(a.tags, vec!["One", "Two & three"]);
    let b = article(&root, BASE, &Html5ever, Some("b")).unwrap().value;
    let found = embeds(&b.body);
    assert_eq!(
        (found[0].url.as_str(), found[0].details.as_deref()),
        ("https://site.example/ep.m4a", Some("M4A, < 1 MB"))
    );
}

#[test]
fn atom_text_constructs_bases_and_feed_authors() {
    let root = parse_xml(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/x/" xml:lang="de">
        <author><name>Feed Author</name></author>
        <entry xml:base="y/"><title type="text">Use &lt;b&gt; for bold</title><link href="e"/>
          <category term="t1"/><category term="t2" label="Label two"/>
          <updated>2024-01-01T00:00:00Z</updated><published>2023-12-31T00:00:00Z</published>
          <content type="html" xml:base="z/">&lt;p&gt;&lt;a href="p"&gt;link&lt;/a&gt;&lt;/p&gt;</content></entry>
        <entry xml:lang="fr"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>XHTML</em> title</div></title><link href="/f"/>
          <summary>The summary, as the body.</summary><content src="https://a.example/elsewhere.pdf" type="application/pdf"/>
          <author><name>Own</name><uri>javascript:alert(1)</uri></author></entry>
        </feed>"#,
    );
    let list = summaries(&root, BASE, &Html5ever).unwrap();
    let [e, f] = &list.value[..] else { panic!() };
    assert_eq!(
        (e.headline.as_str(), e.url.as_str()),
        ("Use <b> for bold", "https://a.example/x/y/e")
    );
    assert_eq!(
        (e.author.as_deref(), e.language.as_deref()),
        (Some("Feed Author"), Some("de"))
    );
    assert_eq!(
        (f.headline.as_str(), f.url.as_str()),
        ("An XHTML title", "https://a.example/f")
    );
    assert_eq!(
        (f.author.as_deref(), f.language.as_deref()),
        (Some("Own"), Some("fr"))
    );
    let e = article(&root, BASE, &Html5ever, Some("e")).unwrap().value;
    assert_eq!(links(&e.body), vec!["https://a.example/x/y/z/p"]);
    assert_eq!(e.tags, vec!["t1", "Label two"]);
    assert_eq!(e.updated.unwrap().to_rfc3339(), "2024-01-01T00:00:00Z");
    let f = article(&root, BASE, &Html5ever, Some("f")).unwrap();
    assert_eq!(text(&f.value.body).trim(), "The summary, as the body.");
    assert_eq!(
        (f.value.standfirst.as_deref(), f.value.authors[0].url.as_deref()),
        (None, None)
    );
    assert!(f
        .warnings
        .contains(&"the entry's content is elsewhere (`src`): not shown at /feed/entry[2]".to_string()));
}
