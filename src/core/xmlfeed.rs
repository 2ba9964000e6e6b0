//! RSS (2.0, 0.9x and 1.0) and Atom 1.0: a feed is a trending list or a
//! month listing; one of its items is an article.
//!
//! The browser's XML parser reads the document (`DOMParser`,
//! `application/xml`) into a [`Node`] tree whose tags carry a canonical
//! prefix for their namespace ([`prefix`]): `content:encoded` is
//! `content:encoded` whatever prefix the feed declared, and Atom's elements
//! are `atom:entry`, `atom:title`… Only the attributes the reader
//! [`reads`] are handed over.
//!
//! HTML in a feed (`content:encoded`, `description`, Atom's `html` and
//! `xhtml` text) goes through the one sanitizer (`core::html`); every URL
//! through the URL gate, resolved against `xml:base`, else the feed's own
//! link, else the feed's address. What JSON Feed reads the same way (dates,
//! slugs, attachments, bylines) is `jsonfeed`'s, shared.

use super::archive::Listing;
use super::article::{
    image_side, later_update, repeats_body, truncate_words, Article, Author, Block, Embed, EmbedKind, Image,
    Summary,
};
use super::decode::Ctx;
use super::error::{Format, Parsed, Problem, SchemaError};
use super::html::{body_blocks, take_dateline, text_of, HtmlParser, Node, Sanitizer, MAX_DEPTH};
use super::jsonfeed::{byline, details, month, text_blocks, unique_slugs, zoned_date, List};
use super::limits::{MAX_ATTACHMENTS, MAX_AUTHORS, MAX_ITEMS};
use super::time::Timestamp;
use super::url::{is_slug, origin, resolve, slug_segment, UrlUse};

/// The attributes only feeds have.
const FEED_ATTRIBUTES: [&str; 10] = [
    "rel",
    "type",
    "url",
    "medium",
    "length",
    "term",
    "label",
    "isPermaLink",
    "xml:base",
    "xml:lang",
];

/// All the reader reads: the feeds' own attributes and the sanitizer's
/// (for the markup of `xhtml` content). A converter hands over these and no
/// other (the browser's side and the native tests' alike).
pub const XML_ATTRIBUTES: &[&str] = &{
    const HTML: &[&str] = super::html::ATTRIBUTES;
    let mut all = [""; FEED_ATTRIBUTES.len() + HTML.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < FEED_ATTRIBUTES.len() {
            FEED_ATTRIBUTES[i]
        } else {
            HTML[i - FEED_ATTRIBUTES.len()]
        };
        i += 1;
    }
    all
};

/// Whether the reader reads the attribute `name`.
pub fn reads(name: &str) -> bool {
    XML_ATTRIBUTES.contains(&name)
}

/// The namespaces the reader knows, with their canonical prefix.
const NAMESPACES: &[(&str, &str)] = &[
    ("http://purl.org/rss/1.0/", ""),
    ("http://www.w3.org/2005/Atom", "atom:"),
    ("http://purl.org/rss/1.0/modules/content/", "content:"),
    ("http://purl.org/dc/elements/1.1/", "dc:"),
    ("http://search.yahoo.com/mrss/", "media:"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
    ("http://www.w3.org/1999/xhtml", "xhtml:"),
    ("http://www.w3.org/XML/1998/namespace", "xml:"),
];

/// The canonical prefix of a namespace, which an element's tag (and a
/// namespaced attribute's name) carries before its local name: `atom:`,
/// `content:`… RSS's own elements (RSS 0.9x and 2.0 have no namespace, 1.0
/// has one) have none; other vocabularies (iTunes' too) are `x:`, which
/// the reader ignores.
pub fn prefix(namespace_uri: &str) -> &'static str {
    if namespace_uri.is_empty() {
        return "";
    }
    for &(uri, prefix) in NAMESPACES {
        if uri == namespace_uri {
            return prefix;
        }
    }
    "x:"
}

/// RSS for `<rss>` and RSS 1.0's `<rdf:RDF>`, Atom for `<feed>`; `None`
/// for anything else (an HTML page read as XML, another vocabulary).
pub fn detect(root: &Node) -> Option<Format> {
    match parts(root).0 {
        "rss" => Some(Format::Rss),
        "rdf:RDF" if child(root, "channel").is_some() => Some(Format::Rss),
        "atom:feed" => Some(Format::Atom),
        _ => None,
    }
}

/// The problem with an XML document that is not a feed, naming its root
/// element without the canonical prefix of its namespace.
pub fn not_a_feed(root: &Node) -> Problem {
    let name = parts(root).0.rsplit(':').next().unwrap_or("");
    Problem::Unsupported(format!(
        "the XML document is neither RSS nor Atom (its root element is <{name}>)"
    ))
}

type Attrs = [(String, String)];

/// An element's tag, attributes and children (a text's are empty).
fn parts(n: &Node) -> (&str, &Attrs, &[Node]) {
    match n {
        Node::Element { tag, attrs, children } => (tag, attrs, children),
        Node::Text(_) => ("", &[], &[]),
    }
}

fn attr<'a>(n: &'a Node, name: &str) -> Option<&'a str> {
    // A converter hands over what the reader `reads` only: reading another
    // is a bug that the native tests catch here.
    debug_assert!(reads(name), "the XML reader does not read `{name}`");
    for (k, v) in parts(n).1 {
        if k == name {
            return Some(v.trim());
        }
    }
    None
}

/// The child elements named `tag`.
fn kids<'a>(n: &'a Node, tag: &str) -> Vec<&'a Node> {
    let mut out = Vec::new();
    for c in parts(n).2 {
        if parts(c).0 == tag {
            out.push(c);
        }
    }
    out
}

fn child<'a>(n: &'a Node, tag: &str) -> Option<&'a Node> {
    kids(n, tag).first().copied()
}

/// The first child named `tag` that holds something besides white space.
fn filled<'a>(n: &'a Node, tag: &str) -> Option<&'a Node> {
    kids(n, tag).into_iter().find(|k| has_content(k))
}

/// Whether an element holds something besides white space.
fn has_content(n: &Node) -> bool {
    parts(n).2.iter().any(|c| match c {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element { .. } => true,
    })
}

/// Whether an element holds an element (markup a feed left unescaped).
fn has_element(n: &Node) -> bool {
    parts(n).2.iter().any(|c| matches!(c, Node::Element { .. }))
}

/// The text of a node, all of it (the DOM's `textContent`).
fn raw(n: &Node) -> String {
    fn walk(n: &Node, out: &mut String, depth: usize) {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element { children, .. } if depth <= MAX_DEPTH => {
                for c in children {
                    walk(c, out, depth + 1);
                }
            }
            Node::Element { .. } => {}
        }
    }
    let mut out = String::new();
    walk(n, &mut out, 0);
    out
}

/// A text trimmed, `None` when it is empty.
fn nonempty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The text of the child `tag`, white space collapsed; `None` when it is
/// absent or blank.
fn text(n: &Node, tag: &str) -> Option<String> {
    nonempty(&squash(&raw(child(n, tag)?)))
}

/// White space collapsed, as text is shown.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The base of what is inside `n`: its `xml:base`, resolved against the
/// base around it, else that base. An `xml:base` that is not http(s) is
/// ignored.
fn based(n: &Node, outer: &str) -> String {
    attr(n, "xml:base")
        .and_then(|b| resolve(outer, b, UrlUse::Resource))
        .unwrap_or_else(|| outer.to_string())
}

/// Atom's link to the page itself: `rel="alternate"`, or no `rel`.
fn alternate(n: &Node) -> Option<String> {
    for l in kids(n, "atom:link") {
        if attr(l, "rel").is_none_or(|r| r == "alternate") {
            if let Some(href) = attr(l, "href").and_then(nonempty) {
                return Some(href);
            }
        }
    }
    None
}

/// XHTML (Atom's `type="xhtml"`, or markup an RSS feed left unescaped) as
/// the tree the sanitizer reads: XHTML elements and elements in no
/// namespace by their local name, other vocabularies (SVG, MathML) as
/// `svg`, which it drops with their content.
fn as_html(nodes: &[Node], depth: usize) -> Vec<Node> {
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        out.push(match n {
            Node::Text(_) => n.clone(),
            Node::Element { tag, attrs, children } => {
                let local = match tag.strip_prefix("xhtml:") {
                    Some(l) => Some(l),
                    None => (!tag.contains(':')).then_some(tag.as_str()),
                };
                let go = local.is_some() && depth < MAX_DEPTH;
                Node::Element {
                    tag: local.unwrap_or("svg").to_ascii_lowercase(),
                    attrs: attrs.clone(),
                    children: if go {
                        as_html(children, depth + 1)
                    } else {
                        Vec::new()
                    },
                }
            }
        });
    }
    out
}

/// How a text element holds its text.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Html,
    Xhtml,
}

/// A person as RSS's `author` writes them, `email (Name)`: the name; an
/// address alone is no name.
fn person(text: &str) -> Option<String> {
    let name = match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => &text[open + 1..close],
        _ => text.split('<').next().unwrap_or(""),
    };
    let name = squash(name);
    (!name.is_empty() && (name.contains(' ') || !name.contains('@'))).then_some(name)
}

/// The people an entry, item or feed names: Atom's `author`s (name and
/// page), Dublin Core's `creator`s.
fn people(n: &Node, base: &str) -> Vec<Author> {
    let mut out = Vec::new();
    for c in parts(n).2 {
        let (name, url) = match parts(c).0 {
            "atom:author" => (
                text(c, "atom:name"),
                text(c, "atom:uri").and_then(|u| resolve(base, &u, UrlUse::Link)),
            ),
            "dc:creator" => (nonempty(&squash(&raw(c))), None),
            _ => continue,
        };
        if let (Some(name), true) = (name, out.len() < MAX_AUTHORS) {
            out.push(author(name, url));
        }
    }
    out
}

fn author(name: String, url: Option<String>) -> Author {
    Author {
        name,
        slug: None,
        avatar: None,
        bio: None,
        url,
    }
}

fn side(n: &Node, name: &str) -> Option<u32> {
    image_side(attr(n, name)?.parse::<u32>().ok()?.into())
}

/// The best picture Media RSS and enclosures give an item, by rank (0:
/// `media:content` images, 1: `media:thumbnail`, 2: an image enclosure),
/// then width; also inside `media:group` and (thumbnails of a video)
/// `media:content`. A `media:content` naming neither `medium` nor `type`
/// is a picture when it has a width (the Guardian's).
fn pictures<'a>(n: &'a Node, nested: bool, base: &str, best: &mut Option<(u8, u32, String, &'a Node)>) {
    for c in parts(n).2 {
        let ty = attr(c, "type").unwrap_or("");
        let image = ty.starts_with("image/");
        let picture = match attr(c, "medium") {
            Some(medium) => medium == "image",
            None => image || (ty.is_empty() && attr(c, "width").is_some()),
        };
        let (rank, href) = match parts(c).0 {
            "media:content" if picture => (0, "url"),
            "media:thumbnail" => (1, "url"),
            "enclosure" if image => (2, "url"),
            "atom:link" if image && attr(c, "rel") == Some("enclosure") => (2, "href"),
            "media:group" | "media:content" if !nested => {
                pictures(c, true, base, best);
                continue;
            }
            _ => continue,
        };
        let w = side(c, "width").unwrap_or(0);
        let better = match best {
            Some((r, bw, ..)) => rank < *r || (rank == *r && w > *bw),
            None => true,
        };
        if let (true, Some(src)) = (
            better,
            attr(c, href).and_then(|u| resolve(base, u, UrlUse::Resource)),
        ) {
            *best = Some((rank, w, src, c));
        }
    }
}

/// The item's picture from Media RSS or an enclosure.
fn media_image(item: &Node, base: &str) -> Option<Image> {
    let mut best = None;
    pictures(item, false, base, &mut best);
    let (_, _, src, n) = best?;
    Some(Image {
        src,
        alt: String::new(),
        width: side(n, "width"),
        height: side(n, "height"),
        caption: None,
        credit: None,
        sources: Vec::new(),
    })
}

/// One item (entry) of the feed and where its parts are.
struct Item<'a> {
    node: &'a Node,
    /// Its position in the feed, from 0.
    at: usize,
    /// The base of its URLs.
    base: String,
    /// The element the body is read from.
    body: Option<&'a Node>,
    /// The element the standfirst is read from.
    standfirst: Option<&'a Node>,
}

/// One document being read.
struct Reader<'a> {
    atom: bool,
    items: Vec<&'a Node>,
    /// The items' base: `xml:base`, else the feed's link, else the feed's address.
    base: String,
    /// Atom's feed-level authors, for the entries that name none.
    authors: Vec<Author>,
    language: Option<String>,
    /// The path of the items, for messages: `/rss/channel/item`.
    path: &'static str,
    ctx: Ctx<'a>,
}

impl<'a> Reader<'a> {
    fn new(root: &'a Node, base: &'a str, html: &'a dyn HtmlParser) -> Result<Self, Problem> {
        let Some(format) = detect(root) else {
            return Err(not_a_feed(root));
        };
        let atom = format == Format::Atom;
        let channel = child(root, "channel").filter(|_| !atom);
        let feed = channel.unwrap_or(root);
        let (path, tag) = match (atom, channel.is_some(), parts(root).0 == "rss") {
            (true, ..) => ("/feed/entry", "atom:entry"),
            (_, false, _) => ("/rss/item", "item"),
            (_, _, true) => ("/rss/channel/item", "item"),
            _ => ("/rdf:RDF/item", "item"),
        };
        let mut items = kids(feed, tag);
        let mut doc = based(root, base);
        if let Some(channel) = channel {
            // RSS 1.0's items are the channel's siblings.
            items.extend(kids(root, tag));
            doc = based(channel, &doc);
        }
        let own_base = attr(root, "xml:base").is_some() || attr(feed, "xml:base").is_some();
        let link = if atom { alternate(feed) } else { text(feed, "link") };
        let base_of_items = match (own_base, link) {
            (false, Some(link)) => resolve(&doc, &link, UrlUse::Resource).unwrap_or(doc),
            _ => doc,
        };
        let language = attr(feed, "xml:lang")
            .or(attr(root, "xml:lang"))
            .and_then(nonempty)
            .or_else(|| text(feed, "language"))
            .or_else(|| text(feed, "dc:language"));
        Ok(Reader {
            atom,
            items,
            authors: if atom {
                people(feed, &base_of_items)
            } else {
                Vec::new()
            },
            base: base_of_items,
            language,
            path,
            ctx: Ctx::new(base, html),
        })
    }

    /// The path of the item at `at`: `/rss/channel/item[3]`.
    fn path(&self, at: usize) -> String {
        format!("{}[{}]", self.path, at + 1)
    }

    fn warn(&mut self, at: usize, message: &str) {
        self.warn_in(at, message, "");
    }

    /// A warning about the item at `at` (its element `tag`, if not empty).
    fn warn_in(&mut self, at: usize, message: &str, tag: &str) {
        let slash = if tag.is_empty() { "" } else { "/" };
        let message = format!("{message} at {}[{}]{slash}{tag}", self.path, at + 1);
        self.ctx.warnings.push(message);
    }

    fn error(&self, at: usize, message: &str) -> Box<SchemaError> {
        Box::new(SchemaError {
            path: self.path(at),
            line: 0,
            message: message.to_string(),
        })
    }

    /// What a feed without items is: a warning for a list, the error of an article.
    fn empty(&self) -> SchemaError {
        let (path, message) = match self.atom {
            true => ("/feed", "the feed has no entries"),
            false => (self.path.trim_end_matches("/item"), "the channel has no items"),
        };
        SchemaError {
            path: path.to_string(),
            line: 0,
            message: message.to_string(),
        }
    }

    /// The item's link as the feed writes it: RSS's `link`, Atom's
    /// alternate link; else a `guid` (not marked `isPermaLink="false"`) or
    /// `id` that is an absolute http(s) URL.
    fn raw_link(&self, item: &Node) -> Option<String> {
        let (link, id) = match self.atom {
            true => (alternate(item), child(item, "atom:id")),
            false => (
                text(item, "link"),
                child(item, "guid").filter(|g| attr(g, "isPermaLink") != Some("false")),
            ),
        };
        link.or_else(|| {
            let id = squash(&raw(id?));
            resolve("", &id, UrlUse::Resource).map(|_| id)
        })
    }

    /// The item's `guid` (RSS) or `id` (Atom).
    fn id(&self, item: &Node) -> Option<String> {
        text(item, if self.atom { "atom:id" } else { "guid" })
    }

    /// The slugs of the items, in order, each unique: the last segment of
    /// the item's link (a readable one, where `guid`s are often opaque),
    /// else a slug-like `guid` or `id`.
    fn slugs(&mut self) -> Vec<Option<String>> {
        let mut slugs = Vec::with_capacity(self.items.len());
        for &item in &self.items {
            slugs.push(
                self.raw_link(item)
                    .and_then(|l| slug_segment(&l))
                    .or_else(|| self.id(item).filter(|id| is_slug(id) && id.len() <= 200)),
            );
        }
        let path = self.path;
        unique_slugs(&mut slugs, &mut self.ctx.warnings, &|i| {
            format!("{path}[{}]", i + 1)
        });
        slugs
    }

    /// How a text element holds its text: Atom's `type`; RSS's is HTML,
    /// or markup the feed left unescaped. `None` for another media type.
    fn kind(&self, n: &Node) -> Option<Kind> {
        if !self.atom {
            return Some(if has_element(n) { Kind::Xhtml } else { Kind::Html });
        }
        match attr(n, "type").unwrap_or("text") {
            "text" | "text/plain" => Some(Kind::Text),
            "html" | "text/html" => Some(Kind::Html),
            "xhtml" | "application/xhtml+xml" => Some(Kind::Xhtml),
            _ => None,
        }
    }

    /// The plain text of a text element (a title, a summary).
    fn plain(&self, n: &Node) -> String {
        match self.kind(n) {
            Some(Kind::Html) => self.ctx.text(&raw(n)),
            Some(Kind::Xhtml) => text_of(&as_html(parts(n).2, 0)),
            Some(Kind::Text) => squash(&raw(n)),
            None => String::new(),
        }
    }

    /// The blocks of a text element, through the one sanitizer, and its warnings.
    fn blocks_of(
        &self,
        n: &Node,
        base: &str,
        site: Option<&str>,
    ) -> Result<(Vec<Block>, Vec<String>), Problem> {
        let base = based(n, base);
        match self.kind(n) {
            Some(Kind::Html) => body_blocks(self.ctx.html, &raw(n), &base, site),
            Some(Kind::Xhtml) => Sanitizer::new(&base, site).blocks(&as_html(parts(n).2, 0)),
            Some(Kind::Text) => Ok((text_blocks(&raw(n)), Vec::new())),
            None => Ok((Vec::new(), Vec::new())),
        }
    }

    /// The item at `at` and where its parts are: RSS's body is
    /// `content:encoded`, else `description` (then the standfirst);
    /// Atom's is `content`, else `summary` (then the standfirst).
    fn item(&mut self, at: usize) -> Item<'a> {
        let node = self.items[at];
        let (content, summary) = if self.atom {
            let mut content = child(node, "atom:content");
            if let Some(c) = content {
                let elsewhere = attr(c, "src").is_some();
                if elsewhere || self.kind(c).is_none() {
                    content = None;
                    self.warn(
                        at,
                        match elsewhere {
                            true => "the entry's content is elsewhere (`src`): not shown",
                            false => "the entry's content is of a type Herald does not show",
                        },
                    );
                }
            }
            (content.filter(|c| has_content(c)), filled(node, "atom:summary"))
        } else {
            (filled(node, "content:encoded"), filled(node, "description"))
        };
        Item {
            node,
            at,
            base: based(node, &self.base),
            body: content.or(summary),
            standfirst: content.and(summary),
        }
    }

    /// The item's link, resolved and checked; an unsafe one is dropped with a warning.
    fn link(&mut self, item: &Item) -> Option<String> {
        let raw = self.raw_link(item.node)?;
        let url = resolve(&item.base, &raw, UrlUse::Link);
        if url.is_none() {
            self.warn(item.at, "dropped a link with a scheme that is not allowed");
        }
        url
    }

    /// The first of the date elements `tags` there is, read leniently (as
    /// `jsonfeed` reads dates): a date that cannot be read is left out with
    /// a warning (when `warn`), never the item.
    fn date(&mut self, item: &Item, tags: &[&str], warn: bool) -> Option<Timestamp> {
        for &tag in tags {
            let Some(written) = text(item.node, tag) else {
                continue;
            };
            let (value, note) = match zoned_date(&written, self.ctx.html) {
                Ok((ts, note)) => (Some(ts), note.map(|n| format!("{n}: `{written}`"))),
                Err(e) => (None, Some(format!("left out a date: {e}"))),
            };
            if let (true, Some(note)) = (warn, note) {
                self.warn_in(item.at, &note, tag.trim_start_matches("atom:"));
            }
            return value;
        }
        None
    }

    /// The item's authors: Atom's `author`s and `dc:creator`s, else RSS's
    /// `author` (`email (Name)`), else the (Atom) feed's.
    fn authors(&self, item: &Item) -> Vec<Author> {
        let mut out = people(item.node, &item.base);
        if out.is_empty() {
            out.extend(
                text(item.node, "author")
                    .and_then(|a| person(&a))
                    .map(|n| author(n, None)),
            );
        }
        if out.is_empty() {
            out = self.authors.clone();
        }
        out
    }

    /// The item's categories: RSS's `category`, Atom's `label`, else `term`.
    fn tags(&self, item: &Node) -> Vec<String> {
        let mut out = Vec::new();
        for c in parts(item).2 {
            let tag = match (self.atom, parts(c).0) {
                (true, "atom:category") => attr(c, "label").or(attr(c, "term")).and_then(nonempty),
                (false, "category") => nonempty(&self.ctx.text(&raw(c))),
                _ => None,
            };
            out.extend(tag);
        }
        out
    }

    fn headline(&self, item: &Item) -> Result<String, Box<SchemaError>> {
        let title = child(item.node, if self.atom { "atom:title" } else { "title" }).map(|t| self.plain(t));
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            return Ok(t);
        }
        // Title-less items (micro posts): the start of their text.
        let text = item.body.map(|b| self.plain(b)).unwrap_or_default();
        if text.is_empty() {
            return Err(self.error(item.at, "the item has no title (and no text to take one from)"));
        }
        Ok(truncate_words(&text, 80))
    }

    /// The item as a summary; `url` is its link, or `fallback` when it has none.
    fn summary(
        &mut self,
        item: &Item,
        slug: Option<String>,
        fallback: Option<&str>,
    ) -> Result<Summary, Box<SchemaError>> {
        let url = match (self.link(item), fallback) {
            (Some(url), _) => url,
            (None, Some(f)) => {
                self.warn(
                    item.at,
                    "the item has no usable link: it links to the feed's site",
                );
                f.to_string()
            }
            (None, None) => return Err(self.error(item.at, "the item has no link")),
        };
        let dates: &[&str] = match self.atom {
            true => &["atom:published", "atom:updated"],
            false => &["pubDate", "dc:date"],
        };
        Ok(Summary {
            slug,
            url,
            headline: self.headline(item)?,
            kicker: None,
            standfirst: item.standfirst.map(|s| self.plain(s)).filter(|s| !s.is_empty()),
            section: None,
            author: byline(&self.authors(item)),
            published: self.date(item, dates, true),
            language: attr(item.node, "xml:lang")
                .and_then(nonempty)
                .or_else(|| self.language.clone()),
            image: media_image(item.node, &item.base),
        })
    }

    /// The item's enclosures (RSS's `enclosure`, Atom's `link
    /// rel="enclosure"`) that are not images, as embeds: a link to the file
    /// saying what it is ("MP3, 50 MB"), as `jsonfeed`'s attachments.
    fn enclosures(&mut self, item: &Item, body: &mut Vec<Block>) {
        let (tag, href) = if self.atom {
            ("atom:link", "href")
        } else {
            ("enclosure", "url")
        };
        let start = body.len();
        for e in kids(item.node, tag) {
            let mime = attr(e, "type").unwrap_or("");
            if (self.atom && attr(e, "rel") != Some("enclosure"))
                || mime.starts_with("image/")
                || body.len() - start == MAX_ATTACHMENTS
            {
                continue;
            }
            let Some(url) = attr(e, href).and_then(|u| resolve(&item.base, u, UrlUse::Link)) else {
                self.warn(item.at, "left out an enclosure without an http(s) address");
                continue;
            };
            // TypePad lists one file several times.
            if body[start..]
                .iter()
                .any(|b| matches!(b, Block::Embed(o) if o.url == url))
            {
                continue;
            }
            body.push(Block::Embed(Embed {
                kind: match mime.split('/').next() {
                    Some("audio") => EmbedKind::Audio,
                    Some("video") => EmbedKind::Video,
                    _ => EmbedKind::Other,
                },
                url,
                provider: None,
                title: None,
                poster: None,
                caption: None,
                // Whole bytes (a float parser would cost kilobytes of WebAssembly).
                details: details(
                    mime,
                    None,
                    attr(e, "length")
                        .and_then(|l| l.trim().parse::<u64>().ok())
                        .map(|n| n as f64),
                ),
            }));
        }
    }

    /// The picture the item's text opens with, for a list: what an
    /// article shows as its lead image when the feed names none.
    fn opening_image(&self, item: &Item, site: Option<&str>) -> Option<Image> {
        let body = item.body?;
        let worth = match self.kind(body)? {
            Kind::Html => raw(body).contains("<img"),
            kind => kind == Kind::Xhtml,
        };
        if !worth {
            return None;
        }
        let mut blocks = self.blocks_of(body, &item.base, site).ok()?.0;
        match blocks.first() {
            Some(Block::Image(_)) => match blocks.swap_remove(0) {
                Block::Image(image) => Some(image),
                _ => None,
            },
            _ => None,
        }
    }

    fn article(&mut self, item: &Item, slug: Option<String>) -> Result<Article, Problem> {
        let fallback = self.base.clone();
        let s = self.summary(item, slug, Some(&fallback))?;
        if s.published.is_none() {
            self.warn(item.at, "the item has no readable date: it is shown without one");
        }
        let site = origin(&s.url).map(str::to_string);
        let mut body = match item.body {
            Some(b) => {
                let (blocks, warnings) = self.blocks_of(b, &item.base, site.as_deref())?;
                self.ctx.warnings.extend(warnings);
                blocks
            }
            None => {
                self.warn(item.at, "the item has no text: only its headline is shown");
                Vec::new()
            }
        };
        // The picture the text opens with is the lead image when the feed
        // names none; the lead image is not shown again as the text opens.
        let mut image = s.image;
        for at in 0..body.len() {
            let Block::Image(first) = &body[at] else { break };
            if image.as_ref().is_none_or(|lead| lead.src == first.src) {
                if let Block::Image(first) = body.remove(at) {
                    image = image.or(Some(first));
                }
                break;
            }
        }
        // A description cut from the content would be read twice.
        let standfirst = s.standfirst.filter(|e| !repeats_body(e, &body));
        // Podcasts and video feeds: each enclosure is a link to its file.
        self.enclosures(item, &mut body);
        let dateline = take_dateline(&mut body);
        let updated = self.date(item, &["atom:updated"], false);
        Ok(Article {
            id: self.id(item.node).unwrap_or_else(|| s.url.clone()),
            slug: s.slug.unwrap_or_default(),
            url: s.url,
            kicker: None,
            headline: s.headline,
            standfirst,
            section: None,
            tags: self.tags(item.node),
            published: s.published,
            updated: later_update(updated, s.published),
            dateline,
            language: s.language,
            authors: self.authors(item),
            image,
            body,
            locked: false,
        })
    }
}

/// The item `slug` (the first when `None`) as an article. A feed without
/// items is an error that says so.
pub fn article(
    root: &Node,
    base: &str,
    html: &dyn HtmlParser,
    slug: Option<&str>,
) -> Result<Parsed<Article>, Problem> {
    let mut r = Reader::new(root, base, html)?;
    if r.items.is_empty() {
        return Err(Problem::Schema(r.empty()));
    }
    let slugs = r.slugs();
    let at = match slug.filter(|s| !s.is_empty()) {
        Some(slug) => slugs.iter().position(|s| s.as_deref() == Some(slug)),
        None => Some(0),
    }
    .ok_or(Problem::NotFound)?;
    let item = r.item(at);
    let value = r.article(&item, slugs[at].clone())?;
    Ok(Parsed {
        value,
        warnings: r.ctx.warnings.into_vec(),
    })
}

/// Every item that can be linked to, as a summary, in feed order (a
/// trending list). Items that cannot are skipped with a warning.
pub fn summaries(root: &Node, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Vec<Summary>>, Problem> {
    let mut r = Reader::new(root, base, html)?;
    let count = r.items.len();
    if count == 0 {
        let message = r.empty().to_string();
        r.ctx.warnings.push(message);
    }
    let mut list = List::new(count, &mut r.ctx.warnings);
    let slugs = r.slugs();
    for (at, slug) in slugs.into_iter().enumerate().take(MAX_ITEMS) {
        let item = r.item(at);
        let mut s = r.summary(&item, slug, None);
        if let Ok(s) = &mut s {
            if s.image.is_none() {
                s.image = r.opening_image(&item, origin(&s.url));
            }
        }
        if !list.add(s, &mut r.ctx.warnings) {
            break;
        }
    }
    Ok(list.finish(r.ctx.warnings))
}

/// A feed of one month's items, as a month listing.
pub fn listing(root: &Node, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Listing>, Problem> {
    Ok(month(summaries(root, base, html)?))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
