//! Errors as values with a message a publisher can act on: which feed, in
//! which format, from which URL, and exactly what was wrong.

use std::fmt;

use super::json::SyntaxError;

/// The feeds a page is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feed {
    Article,
    Trending,
    Archives,
    Listing,
    Weather,
    /// The REST index of a `data-wordpress` site.
    Site,
}

impl Feed {
    pub fn label(self) -> &'static str {
        match self {
            Feed::Article => "article",
            Feed::Trending => "trending feed",
            Feed::Archives => "archives feed",
            Feed::Listing => "month listing",
            Feed::Weather => "weather feed",
            Feed::Site => "WordPress site",
        }
    }
}

/// The data formats Herald reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Herald,
    WordPress,
    JsonFeed,
    OpenMeteo,
    /// RSS 2.0 (and RSS 0.9x / 1.0), read with the browser's XML parser.
    Rss,
    /// Atom 1.0.
    Atom,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Herald => "Herald JSON",
            Format::WordPress => "WordPress REST API",
            Format::JsonFeed => "JSON Feed",
            Format::OpenMeteo => "Open-Meteo",
            Format::Rss => "RSS",
            Format::Atom => "Atom",
        }
    }

    /// The name used in configuration attributes.
    pub fn config_name(self) -> &'static str {
        match self {
            Format::Herald => "herald",
            Format::WordPress => "wordpress",
            Format::JsonFeed => "jsonfeed",
            Format::OpenMeteo => "open-meteo",
            Format::Rss => "rss",
            Format::Atom => "atom",
        }
    }

    pub fn from_config_name(name: &str) -> Option<Format> {
        [
            Format::Herald,
            Format::WordPress,
            Format::JsonFeed,
            Format::OpenMeteo,
            Format::Rss,
            Format::Atom,
        ]
        .into_iter()
        .find(|f| f.config_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A document that parsed as JSON but does not have the expected shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// Where in the document, as a JSONPath (`$.body[3].text`).
    pub path: String,
    /// The line of the value at fault (or of the object missing a member).
    pub line: u32,
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{} at {} (line {})", self.message, self.path, self.line)
        } else {
            write!(f, "{} at {}", self.message, self.path)
        }
    }
}

/// What went wrong while loading a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// HTTP 404 or 410, or a CMS answering with no matching item.
    NotFound,
    /// Any other unsuccessful HTTP status.
    Http(u16),
    /// The request failed before a response: offline, DNS, refused, or CORS.
    Network,
    /// No complete response within this many milliseconds.
    Timeout(u32),
    /// The response is larger than this many bytes.
    TooLarge(u64),
    Empty,
    /// The body is not UTF-8; the first invalid byte is at this offset.
    NotUtf8(usize),
    /// A web page came back where JSON was expected.
    Html,
    Syntax(SyntaxError),
    /// The browser's XML parser refused the document; its message.
    XmlSyntax(String),
    Schema(SchemaError),
    /// The document is in a format or version this widget does not read.
    Unsupported(String),
    /// The document passes one of Herald's caps on work and memory
    /// (`core::limits`); the message says which.
    OverLimit(String),
}

impl From<Box<SchemaError>> for Problem {
    fn from(e: Box<SchemaError>) -> Self {
        Problem::Schema(*e)
    }
}

/// A failure to load one feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub feed: Feed,
    pub format: Option<Format>,
    pub url: String,
    pub problem: Problem,
}

impl LoadError {
    pub fn new(feed: Feed, format: Option<Format>, url: &str, problem: Problem) -> Self {
        LoadError {
            feed,
            format,
            url: url.to_string(),
            problem,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.problem == Problem::NotFound
    }
}

/// A URL shortened for a message: `data:` URLs can be megabytes long.
fn short_url(url: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 160;
    if url.chars().count() <= MAX {
        return url.into();
    }
    let head: String = url.chars().take(MAX - 1).collect();
    format!("{head}…").into()
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let feed = self.feed.label();
        let url = short_url(&self.url);
        let what = match self.format {
            Some(format) => format!("{feed} ({})", format.label()),
            None => feed.to_string(),
        };
        match &self.problem {
            Problem::NotFound => write!(f, "{feed}: not found (HTTP 404) at {url}"),
            Problem::Http(status) => write!(f, "{feed}: HTTP {status} from {url}"),
            Problem::Network => write!(
                f,
                "{feed}: could not reach {url} (offline, refused, or blocked by CORS)"
            ),
            Problem::Timeout(ms) => write!(f, "{feed}: no answer from {url} within {ms} ms"),
            Problem::TooLarge(limit) => write!(
                f,
                "{feed}: the response from {url} is larger than the {} KB limit",
                limit / 1024
            ),
            Problem::Empty => write!(f, "{what}: the response from {url} is empty"),
            Problem::NotUtf8(at) => write!(
                f,
                "{what}: the response from {url} is not valid UTF-8 (byte {at})"
            ),
            Problem::Html => write!(
                f,
                "{what}: {url} returned an HTML page instead of JSON (check the URL)"
            ),
            Problem::Syntax(e) => write!(f, "{what}: invalid JSON from {url}: {e}"),
            Problem::XmlSyntax(e) => write!(f, "{what}: invalid XML from {url}: {e}"),
            Problem::Schema(e) => write!(f, "{what} from {url}: {e}"),
            Problem::Unsupported(msg) | Problem::OverLimit(msg) => write!(f, "{what} from {url}: {msg}"),
        }
    }
}

/// A decoded value plus the problems that were tolerated on the way (an
/// unknown block type, a link with an unsafe URL), for the console.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<String>,
}

impl<T> Parsed<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed {
            value: f(self.value),
            warnings: self.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_feed_format_url_and_problem() {
        let url = "https://news.example/wp-json/x";
        let e = |problem| LoadError::new(Feed::Trending, Some(Format::WordPress), url, problem);
        assert_eq!(
            e(Problem::Http(503)).to_string(),
            "trending feed: HTTP 503 from https://news.example/wp-json/x"
        );
        assert_eq!(
            e(Problem::Html).to_string(),
            "trending feed (WordPress REST API): https://news.example/wp-json/x returned an HTML page instead of JSON (check the URL)"
        );
        assert_eq!(
            e(Problem::Timeout(10_000)).to_string(),
            "trending feed: no answer from https://news.example/wp-json/x within 10000 ms"
        );
        assert_eq!(
            e(Problem::TooLarge(5 * 1024 * 1024)).to_string(),
            "trending feed: the response from https://news.example/wp-json/x is larger than the 5120 KB limit"
        );
        let schema = LoadError::new(
            Feed::Article,
            Some(Format::Herald),
            "/a.json",
            Problem::Schema(SchemaError {
                path: "$".into(),
                line: 1,
                message: "missing field `headline`".into(),
            }),
        );
        assert_eq!(
            schema.to_string(),
            "article (Herald JSON) from /a.json: missing field `headline` at $ (line 1)"
        );
    }

    #[test]
    fn very_long_urls_are_shortened_in_messages() {
        let url = format!("data:application/json,{}", "x".repeat(5000));
        let e = LoadError::new(Feed::Article, None, &url, Problem::Http(500));
        let text = e.to_string();
        assert!(text.starts_with("article: HTTP 500 from data:application/json,xxx"));
        assert!(text.ends_with("x…"));
        assert!(text.chars().count() < 200, "{}", text.len());
    }

    #[test]
    fn format_names_round_trip() {
        for f in [
            Format::Herald,
            Format::WordPress,
            Format::JsonFeed,
            Format::OpenMeteo,
            Format::Rss,
            Format::Atom,
        ] {
            assert_eq!(Format::from_config_name(f.config_name()), Some(f));
        }
        assert_eq!(Format::from_config_name(" WordPress "), Some(Format::WordPress));
        assert_eq!(Format::from_config_name(" RSS "), Some(Format::Rss));
        assert_eq!(Format::from_config_name("rss2"), None);
    }
}
