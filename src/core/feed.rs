//! From an HTTP response to a typed value: status, body checks, JSON, and
//! the format adapter. The browser side only fetches bytes; every decision
//! about them is made here, where it is tested natively.

use super::archive::{Listing, MonthCount};
use super::article::{Article, Summary};
use super::config::Units;
use super::error::{Feed, Format, LoadError, Parsed, Problem};
use super::herald;
use super::html::{HtmlParser, Node};
use super::json::{self, Json};
use super::weather::Weather;
use super::{jsonfeed, open_meteo, wordpress, xmlfeed};

/// What the browser got back.
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    pub status: u16,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
}

/// A fetched document: JSON, or an RSS or Atom feed (the XML is parsed by
/// the browser's XML parser and handed over as a tree, `core::xmlfeed`).
pub enum Doc {
    Json(Json),
    Xml(Node),
}

/// What [`read`] found in a response.
pub enum Body<'a> {
    Json(Json),
    /// An XML document's text, for the browser's XML parser.
    Xml(&'a str),
}

/// Checks the status and the body and parses the JSON.
pub fn read_json(
    feed: Feed,
    format: Option<Format>,
    url: &str,
    response: Response,
) -> Result<Json, LoadError> {
    match read(feed, format, url, response)? {
        Body::Json(json) => Ok(json),
        Body::Xml(_) => Err(LoadError::new(feed, format, url, Problem::Html)),
    }
}

/// Checks the status and the body: JSON is parsed; an XML document (a
/// feed) is handed back as text; a web page is an error.
pub fn read<'a>(
    feed: Feed,
    format: Option<Format>,
    url: &str,
    response: Response<'a>,
) -> Result<Body<'a>, LoadError> {
    let err = |problem| LoadError::new(feed, format, url, problem);
    match response.status {
        200..=299 => {}
        404 | 410 => return Err(err(Problem::NotFound)),
        // WordPress' answer to a page past the last of a list.
        400 if std::str::from_utf8(response.body)
            .is_ok_and(|t| t.contains("\"rest_post_invalid_page_number\"")) =>
        {
            return Err(err(Problem::NotFound))
        }
        status => return Err(err(Problem::Http(status))),
    }
    let text = std::str::from_utf8(response.body).map_err(|e| err(Problem::NotUtf8(e.valid_up_to())))?;
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return Err(err(Problem::Empty));
    }
    let content_type = response.content_type.unwrap_or("");
    let is = |text: &str, prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if is(content_type.trim(), "text/html") {
        return Err(err(Problem::Html));
    }
    if trimmed.starts_with('<') {
        // A feed: sent as XML, or opening as one; never a web page.
        let xml = content_type.contains("xml")
            || ["<?xml", "<rss", "<feed", "<rdf:rdf"]
                .iter()
                .any(|p| is(trimmed, p));
        return if xml && !is(trimmed, "<!doctype h") && !is(trimmed, "<html") {
            Ok(Body::Xml(text))
        } else {
            Err(err(Problem::Html))
        };
    }
    let json = json::parse(text).map_err(|e| err(Problem::Syntax(e)))?;
    if json.is_null() {
        return Err(err(Problem::Unsupported(
            "the document is `null`, where an object was expected".to_string(),
        )));
    }
    Ok(Body::Json(json))
}

/// The format of a document, when it is unambiguous.
pub fn detect(json: &Json) -> Option<Format> {
    if json.get("herald").is_some() {
        return Some(Format::Herald);
    }
    if json
        .get("version")
        .and_then(Json::as_str)
        .and_then(jsonfeed::version)
        .is_some()
    {
        return Some(Format::JsonFeed);
    }
    let current = json
        .get("current")
        .is_some_and(|c| c.get("temperature_2m").is_some());
    if (json.get("current").is_some() && json.get("current_units").is_some())
        || current
        || json.get("current_weather").is_some()
    {
        return Some(Format::OpenMeteo);
    }
    let post = json.as_array().and_then(|a| a.first()).unwrap_or(json);
    let wordpress_post = post.get("title").and_then(|t| t.get("rendered")).is_some()
        || post.get("content").and_then(|c| c.get("rendered")).is_some();
    // The WordPress Popular Posts plugin lists posts with a plain `title`.
    let popular_posts = post.get("id").is_some()
        && post.get("title").and_then(Json::as_str).is_some()
        && post.get("link").is_some();
    if wordpress_post || popular_posts {
        return Some(Format::WordPress);
    }
    None
}

/// The configured format, else the detected one, else an error naming what
/// was expected.
pub fn choose_format(
    feed: Feed,
    configured: Option<Format>,
    url: &str,
    doc: &Doc,
) -> Result<Format, LoadError> {
    let detected = match doc {
        Doc::Json(json) => configured.or_else(|| detect(json)),
        // An XML document is RSS or Atom whatever was configured.
        Doc::Xml(root) => {
            return xmlfeed::detect(root)
                .ok_or_else(|| LoadError::new(feed, None, url, xmlfeed::not_a_feed(root)));
        }
    };
    detected.ok_or_else(|| {
        LoadError::new(
            feed,
            None,
            url,
            Problem::Unsupported(
                "the format could not be recognised (expected Herald JSON, the WordPress REST API, JSON Feed or Open-Meteo; set it in the configuration)"
                    .to_string(),
            ),
        )
    })
}

fn not_for(format: Format, what: &str) -> Problem {
    Problem::Unsupported(format!("{} does not provide {what}", format.label()))
}

/// An article from a document in `format`, fetched from `url`. `slug`
/// picks the item of a JSON Feed; `hidden_tag` (a slug or an id) is left
/// out of a WordPress post's tags.
pub fn article(
    format: Format,
    doc: &Doc,
    url: &str,
    html: &dyn HtmlParser,
    slug: Option<&str>,
    hidden_tag: Option<&str>,
) -> Result<Parsed<Article>, Problem> {
    match (format, doc) {
        (Format::Herald, Doc::Json(json)) => herald::article(json, url),
        (Format::WordPress, Doc::Json(json)) => wordpress::article(json, url, html, hidden_tag),
        (Format::JsonFeed, Doc::Json(json)) => jsonfeed::article(json, url, html, slug),
        (Format::Rss | Format::Atom, Doc::Xml(root)) => xmlfeed::article(root, url, html, slug),
        (other, _) => Err(not_for(other, "articles")),
    }
}

/// The JSON of a document in a JSON format.
fn json<'a>(format: Format, doc: &'a Doc, what: &str) -> Result<&'a Json, Problem> {
    match doc {
        Doc::Json(json) => Ok(json),
        Doc::Xml(_) => Err(not_for(format, what)),
    }
}

/// A ranked list of articles.
pub fn trending(
    format: Format,
    doc: &Doc,
    url: &str,
    html: &dyn HtmlParser,
) -> Result<Parsed<Vec<Summary>>, Problem> {
    if let (Format::Rss | Format::Atom, Doc::Xml(root)) = (format, doc) {
        return xmlfeed::summaries(root, url, html);
    }
    let json = json(format, doc, "trending lists")?;
    match format {
        Format::Herald => herald::trending(json, url),
        Format::WordPress => wordpress::summaries(json, url, html),
        Format::JsonFeed => jsonfeed::summaries(json, url, html),
        other => Err(not_for(other, "trending lists")),
    }
}

/// Months with their article counts (Herald JSON only: neither WordPress
/// nor JSON Feed has such a list).
pub fn archives(format: Format, doc: &Doc, url: &str) -> Result<Parsed<Vec<MonthCount>>, Problem> {
    match format {
        Format::Herald => herald::archives(json(format, doc, "archive indexes")?, url),
        other => Err(not_for(other, "archive indexes")),
    }
}

/// How a listing's request was paged.
#[derive(Clone, Copy, Debug, Default)]
pub struct Paging {
    pub page: u32,
    /// `X-WP-Total` and `X-WP-TotalPages`, when the server sent them.
    pub total: Option<u32>,
    pub pages: Option<u32>,
}

/// The articles of one month.
pub fn listing(
    format: Format,
    doc: &Doc,
    url: &str,
    html: &dyn HtmlParser,
    paging: Paging,
) -> Result<Parsed<Listing>, Problem> {
    if let (Format::Rss | Format::Atom, Doc::Xml(root)) = (format, doc) {
        return xmlfeed::listing(root, url, html);
    }
    let json = json(format, doc, "month listings")?;
    match format {
        Format::Herald => herald::listing(json, url),
        Format::WordPress => wordpress::listing(json, url, html, paging.page, paging.total, paging.pages),
        Format::JsonFeed => jsonfeed::listing(json, url, html),
        other => Err(not_for(other, "month listings")),
    }
}

/// The current weather, in `units`.
pub fn weather(format: Format, doc: &Doc, units: Units) -> Result<Parsed<Weather>, Problem> {
    match format {
        Format::OpenMeteo => open_meteo::weather(json(format, doc, "weather")?, units),
        other => Err(not_for(other, "weather")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(body: &str) -> Response<'_> {
        Response {
            status: 200,
            content_type: Some("application/json"),
            body: body.as_bytes(),
        }
    }

    fn problem(r: Response) -> Problem {
        read_json(Feed::Article, Some(Format::Herald), "https://x/a.json", r)
            .unwrap_err()
            .problem
    }

    #[test]
    fn statuses_become_specific_problems() {
        let with = |status| Response { status, ..ok("{}") };
        assert_eq!(problem(with(404)), Problem::NotFound);
        assert_eq!(problem(with(410)), Problem::NotFound);
        assert_eq!(problem(with(503)), Problem::Http(503));
        assert_eq!(problem(with(301)), Problem::Http(301));
        assert_eq!(problem(with(400)), Problem::Http(400));
        // WordPress 6.1's answer to `/wp-json/wp/v2/posts?page=999`.
        let past_the_end = r#"{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}"#;
        assert_eq!(
            problem(Response {
                status: 400,
                ..ok(past_the_end)
            }),
            Problem::NotFound
        );
    }

    #[test]
    fn bodies_that_are_not_json_are_named() {
        assert_eq!(problem(ok("")), Problem::Empty);
        assert_eq!(problem(ok(" \n\t")), Problem::Empty);
        assert_eq!(
            problem(ok("null")),
            Problem::Unsupported("the document is `null`, where an object was expected".into())
        );
        assert_eq!(
            problem(ok("<!DOCTYPE html><title>Not found</title>")),
            Problem::Html
        );
        assert_eq!(
            problem(Response {
                content_type: Some("text/html; charset=utf-8"),
                ..ok("{}")
            }),
            Problem::Html
        );
        assert_eq!(
            problem(Response {
                body: b"{\"a\": \"\xff\xfe\"}",
                ..ok("")
            }),
            Problem::NotUtf8(7)
        );
        match problem(ok("{\"a\": }")) {
            Problem::Syntax(e) => assert_eq!((e.line, e.column), (1, 7)),
            other => panic!("{other:?}"),
        }
        let deep = "[".repeat(10_000);
        match problem(ok(&deep)) {
            Problem::Syntax(e) => assert_eq!(e.message, "nested more than 64 levels deep"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn feeds_in_xml_are_handed_over_and_web_pages_refused() {
        let xml = |body: &'static str, content_type| {
            matches!(
                read(
                    Feed::Trending,
                    None,
                    "https://x/feed/",
                    Response {
                        status: 200,
                        content_type,
                        body: body.as_bytes(),
                    }
                ),
                Ok(Body::Xml(_))
            )
        };
        // WordPress' /feed/ and /feed/atom/, and feeds sent as text/plain or without a type.
        assert!(xml(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">",
            Some("application/rss+xml; charset=UTF-8")
        ));
        assert!(xml(
            "\u{feff}<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            Some("application/atom+xml")
        ));
        assert!(xml("<rss version=\"2.0\"><channel/></rss>", Some("text/plain")));
        assert!(xml(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            None
        ));
        assert!(xml("<anything/>", Some("text/xml")));
        for page in [
            "<!DOCTYPE html><html><title>x</title>",
            "<html><body>",
            "<p>hello</p>",
        ] {
            assert_eq!(problem(ok(page)), Problem::Html);
            assert!(!xml(page, None));
        }
        assert!(!xml("<rss>", Some("text/html; charset=utf-8")));
        // The JSON readers still refuse XML as a web page.
        assert_eq!(problem(ok("<?xml version=\"1.0\"?><rss/>")), Problem::Html);
    }

    #[test]
    fn detects_formats_only_when_unambiguous() {
        let d = |s: &str| detect(&json::parse(s).unwrap());
        assert_eq!(d(r#"{"herald":1,"type":"article"}"#), Some(Format::Herald));
        assert_eq!(
            d(r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#),
            Some(Format::JsonFeed)
        );
        assert_eq!(d(r#"{"current":{},"current_units":{}}"#), Some(Format::OpenMeteo));
        assert_eq!(
            d(r#"[{"id":1,"title":{"rendered":"x"}}]"#),
            Some(Format::WordPress)
        );
        assert_eq!(
            d(r#"[{"id":1,"title":"x","link":"https://x"}]"#),
            Some(Format::WordPress)
        );
        assert_eq!(d(r#"{"headline":"x"}"#), None);
        assert_eq!(d("[]"), None);
        let err = choose_format(
            Feed::Trending,
            None,
            "https://x/t",
            &Doc::Json(json::parse("{}").unwrap()),
        )
        .unwrap_err();
        assert!(err
            .to_string()
            .starts_with("trending feed from https://x/t: the format could not be recognised"));
    }
}
