//! The one sanitizing path for untrusted HTML (WordPress `content.rendered`,
//! JSON Feed `content_html`, captions, titles).
//!
//! The browser's own parser reads the HTML inertly (`DOMParser`: nothing
//! runs, nothing loads) into a [`Node`] tree; this module walks that tree
//! with an allow-list and produces Herald's typed blocks. Views are built
//! from blocks, so no HTML from a feed is ever written into the page:
//! mutation-XSS has nothing to mutate.
//!
//! Kept: paragraphs, headings, quotes with attribution, lists (nested ones
//! too), images with captions, pre-formatted text (code, verse),
//! separators, emphasis, strong, links, line breaks and the inline marks
//! of `article::Marks` (superscript, subscript, strikethrough, code,
//! highlight, keyboard). Dropped with their
//! content: script, style, iframe, object, embed, form, template, SVG,
//! MathML and the like. Every other element is unwrapped to its text.
//! URLs: only http, https, mailto (links) and relative ones, resolved
//! against the feed's address.

use std::rc::Rc;

use super::article::{
    image_side, tidy_sources, Align, ArticleLink, Block, Cell, Embed, EmbedKind, Image, List, ListItem,
    Marks, Preformatted, Run, Source, Table, MAX_SOURCES, MAX_SPAN,
};
use super::error::Problem;
use super::i18n::LANGS;
use super::limits::{html_within_limit, Budget, Warnings};
use super::url::{host, origin, path, resolve, slug_segment, UrlUse};

/// A node of inertly parsed HTML. Only elements in the HTML namespace are
/// elements here: the parser side gives SVG and MathML a tag of `svg` or
/// `math`, which are dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element {
        /// Lower-case.
        tag: String,
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

/// An inert HTML parser: the browser's `DOMParser` (and html5ever in the
/// native tests). Returns the children of the document's body.
pub trait HtmlParser {
    fn parse(&self, html: &str) -> Vec<Node>;

    /// The offset from UTC, in minutes, of the configured time zone at the
    /// instant `unix_ms` (the browser's `Intl` knows the zones' rules), for
    /// dates written without a zone; `None` when no zone is configured.
    fn zone_offset(&self, _unix_ms: i64) -> Option<i32> {
        None
    }
}

/// The attributes the walk reads; a parser hands over these and no other
/// (the browser's side, `web::sanitize`, and the native tests' alike).
pub const ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "alt",
    "width",
    "height",
    "hidden",
    "style",
    "class",
    "srcset",
    "poster",
    "title",
    "start",
    "colspan",
    "rowspan",
    "align",
    "data-align",
];

/// Elements dropped together with everything inside them.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "template",
    "svg",
    "math",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "canvas",
    "audio",
    "video",
    "source",
    "track",
    "map",
    "area",
    "dialog",
    "portal",
    "isindex",
    "keygen",
    "slot",
];

/// Elements that end a paragraph and hold blocks.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "address", "center", "details",
    "summary", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "hgroup",
    "body", "html", "fieldset", "legend", "picture",
];

/// How deep the walker goes; deeper content is dropped.
pub const MAX_DEPTH: usize = 64;

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    // A parser hands over `ATTRIBUTES` only: reading another is a bug that
    // the native tests catch here.
    debug_assert!(ATTRIBUTES.contains(&name), "`{name}` is not in html::ATTRIBUTES");
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether the markup hides an element (`hidden`, `display: none`,
/// `visibility: hidden`): what the publisher hid is not shown.
fn hidden(attrs: &[(String, String)]) -> bool {
    attr(attrs, "hidden").is_some()
        || style_value(attrs, "display").is_some_and(|v| v.eq_ignore_ascii_case("none"))
        || style_value(attrs, "visibility").is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
}

/// The value of one property of an element's `style` (`width: 48px` →
/// `48px`), trimmed; the last declaration wins, as in CSS.
fn style_value<'a>(attrs: &'a [(String, String)], property: &str) -> Option<&'a str> {
    attr(attrs, "style")?.split(';').rev().find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case(property)
            .then(|| value.trim().trim_end_matches("!important").trim())
    })
}

/// Whether an image is a tracking pixel: a side declared 0 or 1, or both 2 or less.
fn tracking_pixel(attrs: &[(String, String)]) -> bool {
    // Whole pixels: `1`, `1px`, `0.5` (as 0). No float parsing, which would
    // cost the WebAssembly a decimal-to-float conversion.
    let side = |name| {
        let v = attr(attrs, name)?.trim();
        let whole = v.split(['.', 'p']).next()?;
        if whole.is_empty() {
            return v.starts_with('.').then_some(0);
        }
        whole.parse::<u32>().ok()
    };
    let (w, h) = (side("width"), side("height"));
    w.is_some_and(|w| w <= 1)
        || h.is_some_and(|h| h <= 1)
        || (w.is_some_and(|w| w <= 2) && h.is_some_and(|h| h <= 2))
}

fn dimension(value: Option<&str>) -> Option<u32> {
    let n: u32 = value?.trim().trim_end_matches("px").parse().ok()?;
    image_side(f64::from(n))
}

/// WordPress shortcodes left in the text (`[caption id="…"]`, `[/gallery]`).
fn strip_shortcodes(text: &str) -> String {
    const NAMES: &[&str] = &[
        "caption",
        "wp_caption",
        "gallery",
        "embed",
        "video",
        "audio",
        "playlist",
        "contact-form-7",
        "vc_",
        "et_pb_",
        "su_",
        "fusion_",
        "av_",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // One pass: a `[` is looked past only once, and once no `]` is left,
    // no later shortcode can be closed either.
    let mut closable = true;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let tail = &rest[open + 1..];
        let name = tail.strip_prefix('/').unwrap_or(tail);
        let is_shortcode = closable
            && NAMES.iter().any(|n| {
                name.starts_with(n) && (n.ends_with('_') || name[n.len()..].starts_with([' ', ']', '/']))
            });
        match is_shortcode.then(|| tail.find(']')).flatten() {
            Some(close) => rest = &tail[close + 1..],
            None => {
                closable &= !is_shortcode;
                out.push('[');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collapses white space as HTML rendering does.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The text of nodes (dropped elements excluded), white space collapsed.
pub fn text_of(nodes: &[Node]) -> String {
    fn walk(nodes: &[Node], out: &mut String, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element { tag, children, .. } => {
                    if DROPPED.contains(&tag.as_str()) {
                        continue;
                    }
                    if tag == "br" {
                        out.push(' ');
                    }
                    walk(children, out, depth + 1);
                    if matches!(
                        tag.as_str(),
                        "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                    ) {
                        out.push(' ');
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(nodes, &mut out, 0);
    collapse(&strip_shortcodes(&out)).trim().to_string()
}

/// The marks an element passes on to the text inside it.
#[derive(Clone, Default, PartialEq)]
struct Inherited {
    emphasis: bool,
    strong: bool,
    /// Shared, not copied, by the elements and runs inside a link.
    href: Option<Rc<str>>,
    marks: Marks,
}

/// The inline mark an element stands for, if any.
fn inline_mark(tag: &str) -> Option<Marks> {
    Some(match tag {
        "sup" => Marks::SUPERSCRIPT,
        "sub" => Marks::SUBSCRIPT,
        "s" | "del" | "strike" => Marks::STRIKETHROUGH,
        "code" | "tt" | "samp" => Marks::CODE,
        "mark" => Marks::HIGHLIGHT,
        "kbd" => Marks::KEYBOARD,
        _ => return None,
    })
}

/// Whether the element's `class` holds `name` as one of its words.
fn has_class(attrs: &[(String, String)], name: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w == name))
}

/// A cell's alignment: the block editor's `has-text-align-…` class or
/// `data-align`, a `text-align` style, or the old `align` attribute.
fn cell_align(attrs: &[(String, String)]) -> Option<Align> {
    let class = attr(attrs, "class").and_then(|c| {
        c.split_ascii_whitespace()
            .find_map(|w| w.strip_prefix("has-text-align-"))
            .and_then(Align::parse)
    });
    let style = style_value(attrs, "text-align").and_then(Align::parse);
    class
        .or(style)
        .or_else(|| attr(attrs, "data-align").and_then(Align::parse))
        .or_else(|| attr(attrs, "align").and_then(Align::parse))
}

/// The language a `language-…` or `lang-…` class names (Prism, highlight.js).
fn code_language(attrs: &[(String, String)]) -> Option<String> {
    attr(attrs, "class")?.split_ascii_whitespace().find_map(|w| {
        let lang = w.strip_prefix("language-").or_else(|| w.strip_prefix("lang-"))?;
        let ok = !lang.is_empty()
            && lang.len() <= 32
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_'));
        ok.then(|| lang.to_ascii_lowercase())
    })
}

/// Parses an untrusted HTML fragment (an article's body) and turns it into
/// blocks: the one sanitizing path. The fragment's size in tags is checked
/// before the browser parses it, and the output is capped (`core::limits`).
pub fn body_blocks(
    parser: &dyn HtmlParser,
    html: &str,
    base: &str,
    site: Option<&str>,
) -> Result<(Vec<Block>, Vec<String>), Problem> {
    html_within_limit(html).map_err(Problem::OverLimit)?;
    Sanitizer::new(base, site).blocks(&parser.parse(html))
}

/// The text of an untrusted HTML fragment (a title, an excerpt, a caption);
/// empty when the fragment passes the tag limit.
pub fn fragment_text(parser: &dyn HtmlParser, html: &str) -> String {
    if !html.contains(['<', '&']) {
        // Most names and titles hold no markup: no need for a parser.
        return collapse(&strip_shortcodes(html)).trim().to_string();
    }
    if html_within_limit(html).is_err() {
        return String::new();
    }
    text_of(&parser.parse(html))
}

/// Turns parsed HTML into blocks.
pub struct Sanitizer<'a> {
    base: &'a str,
    /// The site's origin, for recognising links to its own articles.
    site: Option<&'a str>,
    blocks: Vec<Block>,
    para: Vec<Run>,
    /// Images and media met inside the paragraph being read: they follow
    /// it, so that the paragraph stays whole.
    after_para: Vec<Block>,
    warnings: Warnings,
    budget: Budget,
}

impl<'a> Sanitizer<'a> {
    pub fn new(base: &'a str, site: Option<&'a str>) -> Self {
        Sanitizer {
            base,
            site,
            blocks: Vec::new(),
            para: Vec::new(),
            after_para: Vec::new(),
            warnings: Warnings::default(),
            budget: Budget::default(),
        }
    }

    /// The blocks of `nodes`, or the limit they passed.
    pub fn blocks(mut self, nodes: &[Node]) -> Result<(Vec<Block>, Vec<String>), Problem> {
        self.walk_block(nodes, 0);
        self.flush();
        if self.budget.exceeded() {
            return Err(Problem::OverLimit(format!(
                "the article has {}",
                self.budget.message()
            )));
        }
        Ok((self.blocks, self.warnings.into_vec()))
    }

    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    fn too_deep(&mut self) {
        self.warn(format!("dropped content nested deeper than {MAX_DEPTH} elements"));
    }

    fn push_block(&mut self, block: Block) {
        if self.budget.block() {
            self.blocks.push(block);
        }
    }

    fn push_text(&mut self, text: &str, marks: &Inherited) {
        // Code shows a shortcode's name as text (`<code>&#091;caption]</code>`).
        let mut text = if marks.marks.contains(Marks::CODE) {
            collapse(text)
        } else {
            collapse(&strip_shortcodes(text))
        };
        // One space between words, across elements as within them.
        let after_space = self.para.last().is_none_or(|r| r.text.ends_with([' ', '\n']));
        if after_space && text.starts_with(' ') {
            text.remove(0);
        }
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.para.last_mut() {
            if last.note.is_none()
                && last.emphasis == marks.emphasis
                && last.strong == marks.strong
                && last.marks == marks.marks
                && last.href.as_deref() == marks.href.as_deref()
            {
                if self.budget.text(text.len()) {
                    last.text.push_str(&text);
                }
                return;
            }
        }
        // A new run holds its own copy of the link's address: counted.
        if !self
            .budget
            .text(text.len() + marks.href.as_ref().map_or(0, |h| h.len()))
        {
            return;
        }
        self.para.push(Run {
            text,
            emphasis: marks.emphasis,
            strong: marks.strong,
            href: marks.href.as_deref().map(str::to_string),
            marks: marks.marks,
            note: None,
        });
    }

    fn push_note(&mut self, n: u32) {
        if self.budget.text(4) {
            self.para.push(Run {
                text: n.to_string(),
                note: Some(n),
                ..Run::default()
            });
        }
    }

    /// A list of footnotes (`ol.footnotes`, the block editor's
    /// `wp-block-footnotes`, Easy Footnotes' list): each item's text,
    /// without its link back to the text.
    fn footnotes(&mut self, children: &[Node], depth: usize) {
        let mut notes = Vec::new();
        for child in children {
            let Node::Element { tag, children, .. } = child else {
                continue;
            };
            if tag != "li" {
                continue;
            }
            let nodes: Vec<&Node> = children.iter().collect();
            let mut item = ListItem::default();
            self.join_item_text(&mut item, &nodes, depth + 1);
            let mut runs = item.runs;
            // The link back to the text ("↩") is the view's to draw.
            if let Some(last) = runs.last_mut() {
                last.text = last
                    .text
                    .trim_end_matches(['↩', '\u{fe0e}', '\u{fe0f}', '↑', '^', ' '])
                    .to_string();
            }
            runs.retain(|r| !r.text.trim().is_empty());
            notes.push(runs);
        }
        if notes.iter().any(|n| !n.is_empty()) {
            self.push_block(Block::Footnotes(notes));
        }
    }

    fn line_break(&mut self) {
        if let Some(last) = self.para.last_mut() {
            last.text.push('\n');
        }
    }

    /// Ends the paragraph being gathered, if it has text.
    /// Ends the paragraph being read, then places what its text held.
    fn flush(&mut self) {
        self.end_para();
        let after = std::mem::take(&mut self.after_para);
        self.blocks.extend(after);
    }

    fn end_para(&mut self) {
        let mut runs = std::mem::take(&mut self.para);
        // Trim the paragraph's ends, line breaks included.
        let end = runs
            .iter()
            .rposition(|r| !r.text.trim().is_empty())
            .map_or(0, |i| i + 1);
        runs.truncate(end);
        let start = runs.iter().position(|r| !r.text.trim().is_empty()).unwrap_or(0);
        runs.drain(..start);
        let Some(first) = runs.first_mut() else { return };
        first.text = first.text.trim_start().to_string();
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        for r in &mut runs {
            // Spaces around a line break are not shown.
            if r.text.contains('\n') {
                r.text = r.text.split('\n').map(str::trim).collect::<Vec<_>>().join("\n");
            }
        }
        runs.retain(|r| !r.text.is_empty());
        if runs.is_empty() {
            return;
        }
        match self.read_also(&runs) {
            Some(link) => self.push_block(Block::ReadAlso(link)),
            None => self.push_block(Block::Paragraph(runs)),
        }
    }

    /// Blocks that `make` makes inside a paragraph: before the paragraph
    /// when no text came yet, else after it (the paragraph stays whole).
    fn beside_para(&mut self, make: impl FnOnce(&mut Self)) {
        if self.para.iter().all(|r| r.text.trim().is_empty()) {
            self.flush();
            make(self);
            return;
        }
        let para = std::mem::take(&mut self.para);
        let start = self.blocks.len();
        make(self);
        let made: Vec<Block> = self.blocks.drain(start..).collect();
        self.after_para.extend(made);
        self.para = para;
    }

    /// The blocks `walk` makes of some nodes, gathered apart from the
    /// blocks made so far (for the inside of a quote, a list item, a
    /// figure); the warnings and the budget stay shared.
    fn nested(&mut self, walk: impl FnOnce(&mut Self)) -> Vec<Block> {
        let outer_blocks = std::mem::take(&mut self.blocks);
        let outer_para = std::mem::take(&mut self.para);
        let outer_after = std::mem::take(&mut self.after_para);
        walk(self);
        self.flush();
        self.para = outer_para;
        self.after_para = outer_after;
        std::mem::replace(&mut self.blocks, outer_blocks)
    }

    /// "Read also: <a>headline</a>" as a related-article link.
    fn read_also(&self, runs: &[Run]) -> Option<ArticleLink> {
        // Besides each interface language's own label (`i18n`), the usual
        // variants, in every interface language.
        const LABELS: &[&str] = &[
            "read more",
            "related",
            "see also",
            "lee también",
            "à lire aussi",
            "mehr zum thema",
            "اقرأ أيضاً",
            "اقرأ أيضا",
            "اقرأ ايضا",
            "اقرأ المزيد",
            "بیشتر بخوانید",
            "همچنین بخوانید",
        ];
        let links: Vec<&Run> = runs.iter().filter(|r| r.href.is_some()).collect();
        let [link] = links.as_slice() else { return None };
        let label: String = runs
            .iter()
            .filter(|r| r.href.is_none())
            .map(|r| r.text.as_str())
            .collect();
        // ASCII case only: Unicode's case tables would cost the WebAssembly
        // about 7 KB (brotli) for "LEA TAMBIÉN".
        let label = label
            .trim()
            .trim_end_matches([':', '：'])
            .trim()
            .to_ascii_lowercase();
        let own = LANGS
            .iter()
            .any(|l| l.strings().read_also.eq_ignore_ascii_case(&label));
        if !own && !LABELS.contains(&label.as_str()) {
            return None;
        }
        let url = link.href.clone()?;
        Some(ArticleLink {
            headline: link.text.trim().to_string(),
            slug: self.slug_of(&url),
            url,
        })
    }

    /// The slug of a link to one of the site's own articles (its last path segment).
    pub fn slug_of(&self, url: &str) -> Option<String> {
        let site = self.site?;
        let rest = url.strip_prefix(site)?;
        if !rest.starts_with('/') {
            return None;
        }
        // A number is a post id (`/?p=123`, `/123`), not a slug.
        let last = slug_segment(rest)?;
        (!last.chars().all(|c| c.is_ascii_digit())).then_some(last)
    }

    fn image(&mut self, attrs: &[(String, String)], caption: Option<String>) -> Option<Block> {
        if tracking_pixel(attrs) {
            self.warn("dropped a tracking pixel".to_string());
            return None;
        }
        if hidden(attrs) {
            self.warn("dropped an image its markup hides".to_string());
            return None;
        }
        let raw = attr(attrs, "src").unwrap_or("");
        let Some(src) = resolve(self.base, raw, UrlUse::Resource) else {
            self.warn("dropped an image whose address is missing or not allowed".to_string());
            return None;
        };
        let alt = collapse(attr(attrs, "alt").unwrap_or("")).trim().to_string();
        let size = src.len() + alt.len() + caption.as_ref().map_or(0, String::len);
        if !self.budget.text(size) {
            return None;
        }
        let sources = attr(attrs, "srcset").map_or_else(Vec::new, |set| self.srcset(&src, set));
        Some(Block::Image(Image {
            src,
            alt,
            width: dimension(attr(attrs, "width")),
            height: dimension(attr(attrs, "height")),
            caption: caption.filter(|c| !c.is_empty()),
            credit: None,
            sources,
        }))
    }

    /// The width-described candidates of a `srcset` (`a.jpg 300w, b.jpg
    /// 1024w`), each through the URL gate; density descriptors (`2x`) are
    /// not widths and are left out.
    fn srcset(&mut self, image: &str, set: &str) -> Vec<Source> {
        let mut out = Vec::new();
        for candidate in set.split(',').take(4 * MAX_SOURCES) {
            let mut parts = candidate.split_ascii_whitespace();
            let (Some(url), Some(descriptor)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Some(width) = descriptor.strip_suffix('w').and_then(|w| w.parse::<u32>().ok()) else {
                continue;
            };
            let Some(width) = image_side(f64::from(width)) else {
                continue;
            };
            if let Some(src) = resolve(self.base, url, UrlUse::Resource) {
                if self.budget.text(src.len()) {
                    out.push(Source { src, width });
                }
            }
        }
        tidy_sources(image, out)
    }

    fn walk_block(&mut self, nodes: &[Node], depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep();
            return;
        }
        for node in nodes {
            if self.budget.exceeded() {
                return;
            }
            let Node::Element { tag, attrs, children } = node else {
                self.walk_inline(std::slice::from_ref(node), &Inherited::default(), depth);
                continue;
            };
            let tag = tag.as_str();
            if hidden(attrs) {
                self.warn("dropped content its markup hides".to_string());
                continue;
            }
            if is_media(tag) {
                self.flush();
                self.media(tag, attrs, children, &[], None);
                continue;
            }
            if DROPPED.contains(&tag) {
                self.warn(format!("dropped a <{tag}> element"));
                continue;
            }
            match tag {
                // The cover block: its background image is decoration under
                // its text; the text is the content.
                "div" if has_class(attrs, "wp-block-cover") => {
                    self.flush();
                    self.warn("showed a cover block's text without its background image".to_string());
                    for child in children {
                        let decoration = matches!(child, Node::Element { attrs, .. }
                            if has_class(attrs, "wp-block-cover__image-background") || has_class(attrs, "wp-block-cover__background"));
                        if !decoration {
                            self.walk_block(std::slice::from_ref(child), depth + 1);
                        }
                    }
                    self.flush();
                }
                "ol" if is_footnotes(attrs) => {
                    self.flush();
                    self.footnotes(children, depth + 1);
                }
                "div" if has_class(attrs, "gallery") => {
                    self.flush();
                    self.gallery(children, None, depth + 1);
                }
                "blockquote" if post_provider(attrs).is_some() => {
                    self.flush();
                    self.post(attrs, children, None);
                }
                "p" | "li" => {
                    self.flush();
                    self.walk_inline(children, &Inherited::default(), depth + 1);
                    self.flush();
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    let text = text_of(children);
                    if !text.is_empty() && self.budget.text(text.len()) {
                        let level = match tag {
                            "h1" | "h2" => 2,
                            "h3" => 3,
                            _ => 4,
                        };
                        self.push_block(Block::Heading { level, text });
                    }
                }
                "blockquote" => {
                    self.flush();
                    self.quote(children, depth + 1);
                }
                "ul" | "ol" => {
                    self.flush();
                    self.list(tag == "ol", attrs, children, depth + 1);
                }
                "figure" => {
                    self.flush();
                    self.figure(attrs, children, depth + 1);
                }
                "img" => {
                    self.flush();
                    if let Some(image) = self.image(attrs, None) {
                        self.push_block(image);
                    }
                }
                "hr" => {
                    self.flush();
                    // Never first, never two in a row.
                    if !matches!(self.blocks.last(), None | Some(Block::Separator)) {
                        self.push_block(Block::Separator);
                    }
                }
                "pre" => {
                    self.flush();
                    self.preformatted(attrs, children, depth + 1);
                }
                "table" => {
                    self.flush();
                    self.table(children, None, depth + 1);
                }
                t if CONTAINERS.contains(&t) => {
                    self.flush();
                    self.walk_block(children, depth + 1);
                    self.flush();
                }
                _ => self.walk_inline(std::slice::from_ref(node), &Inherited::default(), depth),
            }
        }
    }

    fn walk_inline(&mut self, nodes: &[Node], marks: &Inherited, depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep();
            return;
        }
        for node in nodes {
            if self.budget.exceeded() {
                return;
            }
            match node {
                Node::Text(t) => self.push_text(t, marks),
                Node::Element { tag, attrs, children } => {
                    let tag = tag.as_str();
                    if is_media(tag) && !hidden(attrs) {
                        // Media inside a paragraph stands on its own after it.
                        self.beside_para(|s| s.media(tag, attrs, children, &[], None));
                        continue;
                    }
                    if DROPPED.contains(&tag) {
                        self.warn(format!("dropped a <{tag}> element"));
                        continue;
                    }
                    if hidden(attrs) {
                        self.warn("dropped content its markup hides".to_string());
                        continue;
                    }
                    match tag {
                        "br" => self.line_break(),
                        // An icon in a line of text (at most 64 px wide) is read
                        // as its alternative text: the paragraph stays whole.
                        "img" if icon_width(attrs).is_some_and(|w| w <= 64) => {
                            let alt = attr(attrs, "alt").unwrap_or("").trim();
                            if !alt.is_empty() {
                                self.push_text(alt, marks);
                            }
                        }
                        "img" => {
                            // An image inside a paragraph stands on its own after it.
                            if let Some(image) = self.image(attrs, None) {
                                self.beside_para(|s| s.push_block(image));
                            }
                        }
                        // A footnote reference: a link within the page whose
                        // text is a number (`<sup><a href="#fn-1">1</a></sup>`,
                        // Easy Footnotes' `<a href="#…"><sup>1</sup></a>`).
                        "a" if attr(attrs, "href").is_some_and(|h| h.trim_start().starts_with('#'))
                            && note_number(&text_of(children)).is_some() =>
                        {
                            if let Some(n) = note_number(&text_of(children)) {
                                self.push_note(n);
                            }
                        }
                        "a" => {
                            // A link within the page (a note's way back) is not kept.
                            let written = attr(attrs, "href").filter(|h| !h.trim_start().starts_with('#'));
                            let href = written.and_then(|h| resolve(self.base, h, UrlUse::Link));
                            if written.is_some() && href.is_none() {
                                self.warn("dropped a link whose address is not allowed".to_string());
                            }
                            let inner = Inherited {
                                href: href.map(Rc::from).or_else(|| marks.href.clone()),
                                ..marks.clone()
                            };
                            self.walk_inline(children, &inner, depth + 1);
                        }
                        "em" | "i" | "cite" | "dfn" | "var" => {
                            let inner = Inherited {
                                emphasis: true,
                                ..marks.clone()
                            };
                            self.walk_inline(children, &inner, depth + 1);
                        }
                        "strong" | "b" => {
                            let inner = Inherited {
                                strong: true,
                                ..marks.clone()
                            };
                            self.walk_inline(children, &inner, depth + 1);
                        }
                        "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul" | "ol"
                        | "figure" | "hr" | "pre" => self.walk_block(std::slice::from_ref(node), depth),
                        t if CONTAINERS.contains(&t) => self.walk_block(std::slice::from_ref(node), depth),
                        // sup, sub, s, code, mark, kbd… add their mark; span, small,
                        // abbr, time, q, bdi, u…: their text.
                        // The block editor's text colour is a `<mark>` with a
                        // transparent background: a colour, not a highlight.
                        "mark"
                            if has_class(attrs, "has-inline-color")
                                && style_value(attrs, "background-color")
                                    .is_some_and(|v| v.replace(' ', "") == "rgba(0,0,0,0)") =>
                        {
                            self.walk_inline(children, marks, depth + 1)
                        }
                        t => match inline_mark(t) {
                            Some(mark) => {
                                let inner = Inherited {
                                    marks: marks.marks.with(mark),
                                    ..marks.clone()
                                };
                                self.walk_inline(children, &inner, depth + 1);
                            }
                            None => self.walk_inline(children, marks, depth + 1),
                        },
                    }
                }
            }
        }
    }

    fn quote(&mut self, children: &[Node], depth: usize) {
        // The attribution is the quote's own `<cite>` or `<footer>`, not a
        // title cited inside its text.
        let is_attribution =
            |n: &Node| matches!(n, Node::Element { tag, .. } if tag == "cite" || tag == "footer");
        let attribution = children
            .iter()
            .find_map(|n| match n {
                Node::Element { children, .. } if is_attribution(n) => Some(text_of(children)),
                _ => None,
            })
            .map(|a| a.trim_start_matches(['—', '–', '-', '―', ' ']).trim().to_string());
        let blocks = self.nested(|s| {
            for child in children.iter().filter(|n| !is_attribution(n)) {
                s.walk_block(std::slice::from_ref(child), depth);
            }
        });
        let paragraphs: Vec<Vec<Run>> = blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(runs) => Some(runs),
                Block::Quote { paragraphs, .. } => paragraphs.into_iter().next(),
                Block::List(list) => list.items.into_iter().next().map(|i| i.runs),
                Block::Heading { text, .. } | Block::Preformatted { text, .. } => {
                    Some(vec![Run::plain(text)])
                }
                _ => None,
            })
            .collect();
        if !paragraphs.is_empty() {
            self.push_block(Block::Quote {
                paragraphs,
                attribution: attribution.filter(|a| !a.is_empty()),
            });
        }
    }

    fn list(&mut self, ordered: bool, attrs: &Attrs, children: &[Node], depth: usize) {
        let mut list = self.list_of(ordered, children, depth);
        list.start = list_start(ordered, attrs);
        if !list.items.is_empty() {
            self.push_block(Block::List(list));
        }
    }

    /// A list: each `<li>`'s text (its paragraphs joined into one line)
    /// and the lists nested in it.
    fn list_of(&mut self, ordered: bool, children: &[Node], depth: usize) -> List {
        let mut list = List {
            ordered,
            ..List::default()
        };
        if depth > MAX_DEPTH {
            self.too_deep();
            return list;
        }
        for child in children {
            let nodes = match child {
                Node::Element { tag, children, .. } if tag == "li" => children.as_slice(),
                other => std::slice::from_ref(other),
            };
            let mut item = ListItem::default();
            let mut rest: Vec<&Node> = Vec::new();
            for node in nodes {
                match node {
                    Node::Element { tag, children, attrs }
                        if (tag == "ul" || tag == "ol") && !hidden(attrs) =>
                    {
                        self.join_item_text(&mut item, &rest, depth + 1);
                        rest.clear();
                        let mut sub = self.list_of(tag == "ol", children, depth + 1);
                        sub.start = list_start(tag == "ol", attrs);
                        if !sub.items.is_empty() {
                            item.lists.push(sub);
                        }
                    }
                    other => rest.push(other),
                }
            }
            self.join_item_text(&mut item, &rest, depth + 1);
            if item.runs.iter().any(|r| !r.text.trim().is_empty()) || !item.lists.is_empty() {
                list.items.push(item);
            }
        }
        list
    }

    /// Appends the text of `nodes` (inline content, paragraphs, headings)
    /// to a list item's one line, a space between the parts.
    fn join_item_text(&mut self, item: &mut ListItem, nodes: &[&Node], depth: usize) {
        if nodes.is_empty() {
            return;
        }
        let blocks = self.nested(|s| {
            for node in nodes {
                s.walk_block(std::slice::from_ref(*node), depth);
            }
        });
        for b in blocks {
            let more = match b {
                Block::Paragraph(r) => r,
                Block::Heading { text, .. } => vec![Run::plain(text)],
                Block::Preformatted { text, .. } => vec![Run::plain(text)],
                Block::ReadAlso(link) => vec![Run {
                    text: link.headline,
                    href: Some(link.url),
                    ..Run::default()
                }],
                Block::List(sub) => {
                    item.lists.push(sub);
                    Vec::new()
                }
                // A table inside an item or a cell: its cells' text, in order.
                Block::Table(t) => {
                    let mut runs = Vec::new();
                    for cell in t.rows.into_iter().flatten().filter(|c| !c.runs.is_empty()) {
                        if !runs.is_empty() {
                            runs.push(Run::plain(" "));
                        }
                        runs.extend(cell.runs);
                    }
                    runs
                }
                _ => Vec::new(),
            };
            if !item.runs.is_empty() && !more.is_empty() {
                item.runs.push(Run::plain(" "));
            }
            item.runs.extend(more);
        }
    }

    /// A table's rows, header rows first: header cells (`<th>`, and
    /// every cell of `<thead>`), spans, the caption (`<caption>`, else
    /// the figure's) and the columns' alignment. A cell's content is one
    /// line of inline text.
    fn table(&mut self, children: &[Node], caption: Option<String>, depth: usize) {
        let mut head = Vec::new();
        let mut body = Vec::new();
        let mut own_caption = None;
        let mut align = Vec::new();
        self.table_section(
            children,
            false,
            depth,
            &mut head,
            &mut body,
            &mut own_caption,
            &mut align,
        );
        let head_rows = head.len();
        head.extend(body);
        if head.iter().flatten().all(|c| c.runs.is_empty()) {
            self.warn("dropped a table without text".to_string());
            return;
        }
        self.push_block(Block::Table(Table {
            caption: own_caption.or(caption).filter(|c| !c.is_empty()),
            rows: head,
            head_rows,
            align,
        }));
    }

    #[allow(clippy::too_many_arguments)]
    fn table_section(
        &mut self,
        nodes: &[Node],
        in_head: bool,
        depth: usize,
        head: &mut Vec<Vec<Cell>>,
        body: &mut Vec<Vec<Cell>>,
        caption: &mut Option<String>,
        align: &mut Vec<Option<Align>>,
    ) {
        if depth > MAX_DEPTH {
            self.too_deep();
            return;
        }
        for node in nodes {
            let Node::Element { tag, attrs, children } = node else {
                continue;
            };
            if hidden(attrs) {
                continue;
            }
            match tag.as_str() {
                "caption" => *caption = Some(text_of(children)),
                "thead" => self.table_section(children, true, depth + 1, head, body, caption, align),
                "tbody" | "tfoot" => {
                    self.table_section(children, false, depth + 1, head, body, caption, align)
                }
                "tr" => {
                    let row = self.table_row(children, in_head, depth + 1, align);
                    if !row.is_empty() {
                        if in_head {
                            head.push(row)
                        } else {
                            body.push(row)
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn table_row(
        &mut self,
        cells: &[Node],
        in_head: bool,
        depth: usize,
        align: &mut Vec<Option<Align>>,
    ) -> Vec<Cell> {
        let mut row = Vec::new();
        for node in cells {
            let Node::Element { tag, attrs, children } = node else {
                continue;
            };
            if !(tag == "td" || tag == "th") || !self.budget.block() {
                continue;
            }
            let span = |name| {
                let digits = attr(attrs, name)?.trim();
                let n = match digits.parse::<u16>() {
                    Ok(n) => n,
                    // More digits than a u16: as many as HTML allows.
                    Err(_) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => MAX_SPAN,
                    Err(_) => return None,
                };
                Some(n.clamp(1, MAX_SPAN))
            };
            let column = row.len();
            if align.len() <= column {
                align.resize(column + 1, None);
            }
            if align[column].is_none() {
                align[column] = cell_align(attrs);
            }
            let nodes: Vec<&Node> = children.iter().collect();
            let mut item = ListItem::default();
            self.join_item_text(&mut item, &nodes, depth);
            // A list in a cell is read as part of its line.
            for list in item.lists.drain(..) {
                for run in list.runs() {
                    if !item.runs.is_empty() {
                        item.runs.push(Run::plain(" "));
                    }
                    item.runs.push(run.clone());
                }
            }
            row.push(Cell {
                runs: item.runs,
                header: in_head || tag == "th",
                colspan: span("colspan").unwrap_or(1),
                rowspan: span("rowspan").unwrap_or(1),
            });
        }
        row
    }

    fn push_embed(&mut self, embed: Embed) {
        let size = embed.url.len()
            + embed.title.as_ref().map_or(0, String::len)
            + embed.caption.as_ref().map_or(0, String::len);
        if self.budget.text(size) {
            self.push_block(Block::Embed(embed));
        }
    }

    /// An `<iframe>`, `<video>` or `<audio>` as a link to what it plays:
    /// the page the frame shows (a YouTube frame's watch page), or the
    /// media file. `figure_attrs` are those of the block editor's figure
    /// around it (its provider and type classes), if any.
    fn media(
        &mut self,
        tag: &str,
        attrs: &[(String, String)],
        children: &[Node],
        figure_attrs: &[(String, String)],
        caption: Option<String>,
    ) {
        let source = children.iter().find_map(|n| match n {
            Node::Element { tag, attrs, .. } if tag == "source" => attr(attrs, "src"),
            _ => None,
        });
        let src = attr(attrs, "src").or(source).unwrap_or("");
        let Some(url) = resolve(self.base, src, UrlUse::Link).map(original_of) else {
            self.warn(format!(
                "dropped a <{tag}> whose address is missing or not allowed"
            ));
            return;
        };
        // Where it plays, so that the reader knows where the link goes.
        // Files of the site's own need no name; another host is named.
        let own = self.site.is_some_and(|site| origin(&url) == Some(site));
        let provider = provider_class(figure_attrs).or_else(|| provider_of(&url).filter(|_| !own));
        let kind = match tag {
            "video" => EmbedKind::Video,
            "audio" => EmbedKind::Audio,
            _ => kind_of(provider.as_deref(), figure_attrs),
        };
        let poster = attr(attrs, "poster")
            .and_then(|p| resolve(self.base, p, UrlUse::Resource))
            .map(|src| Image::new(src, String::new()));
        let title = attr(attrs, "title")
            .map(|t| collapse(t).trim().to_string())
            .filter(|t| !t.is_empty());
        let details = (tag != "iframe").then(|| file_type(&url)).flatten();
        self.warn(format!("showed a <{tag}> as a link to {url}"));
        self.push_embed(Embed {
            kind,
            url,
            provider,
            title,
            poster,
            caption: caption.filter(|c| !c.is_empty()),
            details,
        });
    }

    /// A social post the way its network's embed code quotes it
    /// (`<blockquote class="twitter-tweet">`): its text, and a link to it
    /// (the quote's last link, which is the post's own).
    fn post(&mut self, attrs: &[(String, String)], children: &[Node], caption: Option<String>) {
        let text = children
            .iter()
            .find_map(|n| match n {
                Node::Element { tag, children, .. } if tag == "p" => Some(text_of(children)),
                _ => None,
            })
            .unwrap_or_else(|| text_of(children));
        let mut link = None;
        last_link(children, 0, &mut link);
        let Some(url) = link.and_then(|href| resolve(self.base, href, UrlUse::Link)) else {
            // No link to the post: its words, as a quote.
            let runs = vec![Run::plain(text)];
            self.push_block(Block::Quote {
                paragraphs: vec![runs],
                attribution: None,
            });
            return;
        };
        self.push_embed(Embed {
            kind: EmbedKind::Post,
            url,
            provider: post_provider(attrs).map(str::to_string),
            title: (!text.is_empty()).then_some(text),
            poster: None,
            caption,
            details: None,
        });
    }

    /// The images of a gallery, each with its caption: the block editor's
    /// (figures in the figure, or `blocks-gallery-item`s in a list) and the
    /// classic `[gallery]` (`gallery-item`s as figures or `<dl>`s).
    fn gallery(&mut self, children: &[Node], caption: Option<String>, depth: usize) {
        let mut found = Vec::new();
        gallery_items(children, depth, &mut found);
        let images: Vec<Image> = found
            .into_iter()
            .filter_map(|(attrs, caption)| match self.image(attrs, caption) {
                Some(Block::Image(i)) => Some(i),
                _ => None,
            })
            .collect();
        match images.len() {
            0 => self.warn("dropped a gallery without images".to_string()),
            _ => self.push_block(Block::Gallery {
                images,
                caption: caption.filter(|c| !c.is_empty()),
            }),
        }
    }

    /// `<pre>`: code (the block editor's `wp-block-code`, or a `<code>`
    /// inside), verse (`wp-block-verse`) or other pre-formatted text,
    /// its lines and spaces kept.
    fn preformatted(&mut self, attrs: &[(String, String)], children: &[Node], depth: usize) {
        let code = children.iter().find_map(|n| match n {
            Node::Element { tag, attrs, .. } if tag == "code" => Some(attrs.as_slice()),
            _ => None,
        });
        let kind = if has_class(attrs, "wp-block-verse") {
            Preformatted::Verse
        } else if code.is_some() || has_class(attrs, "wp-block-code") {
            Preformatted::Code
        } else {
            Preformatted::Plain
        };
        let language = code_language(attrs).or_else(|| code.and_then(code_language));
        let text = raw_text(children, depth);
        let text = text.trim_matches('\n').trim_end();
        if text.trim().is_empty() || !self.budget.text(text.len()) {
            return;
        }
        self.push_block(Block::Preformatted {
            kind,
            text: text.to_string(),
            language: language.filter(|_| kind == Preformatted::Code),
        });
    }

    fn figure(&mut self, attrs: &[(String, String)], children: &[Node], depth: usize) {
        let is_caption = |n: &Node| matches!(n, Node::Element { tag, .. } if tag == "figcaption");
        // The figure's own caption: a child, as HTML has it.
        let caption = children.iter().find_map(|n| match n {
            Node::Element { children, .. } if is_caption(n) => Some(text_of(children)),
            _ => None,
        });
        if has_class(attrs, "wp-block-gallery") {
            // Its own caption holds no image, so it is no item.
            self.gallery(children, caption, depth);
            return;
        }
        // The block editor's table: `<figure class="wp-block-table"><table>…</table><figcaption>`.
        if let Some(table) = children.iter().find_map(|n| match n {
            Node::Element { tag, children, .. } if tag == "table" => Some(children),
            _ => None,
        }) {
            self.table(table, caption, depth + 1);
            return;
        }
        // Embeds: the frame, player or post inside (`wp-block-embed`,
        // `wp-block-video`, `wp-block-audio`), else the URL the block
        // editor leaves when it has no frame for it.
        if has_class(attrs, "wp-block-embed")
            || has_class(attrs, "wp-block-video")
            || has_class(attrs, "wp-block-audio")
        {
            if let Some((tag, inner, kids)) = find_media(children, depth) {
                match post_provider(inner) {
                    Some(_) if tag == "blockquote" => self.post(inner, kids, caption),
                    _ => self.media(tag, inner, kids, attrs, caption),
                }
                return;
            }
            let url = text_of(children);
            let url = url
                .split_whitespace()
                .find(|w| w.starts_with("http"))
                .unwrap_or("");
            if let Some(url) = resolve(self.base, url, UrlUse::Link) {
                let provider = provider_class(attrs);
                self.push_embed(Embed {
                    kind: kind_of(provider.as_deref(), attrs),
                    url,
                    provider,
                    title: None,
                    poster: None,
                    caption,
                    details: None,
                });
                return;
            }
        }
        if let Some(attrs) = find_img(children, depth) {
            if let Some(image) = self.image(attrs, caption) {
                self.push_block(image);
            }
            return;
        }
        let blocks = self.nested(|s| {
            for child in children.iter().filter(|n| !is_caption(n)) {
                s.walk_block(std::slice::from_ref(child), depth);
            }
        });
        if blocks.is_empty() {
            // An embed (video, tweet) whose frame was dropped: its caption alone means little.
            self.warn("dropped an embedded figure with nothing Herald can show".to_string());
        }
        for block in blocks {
            self.push_block(block);
        }
    }
}

/// An element's attributes.
type Attrs = [(String, String)];

/// The number an ordered list starts at (`<ol start="3">`), if not 1.
fn list_start(ordered: bool, attrs: &Attrs) -> Option<u32> {
    let n = attr(attrs, "start")?.trim().parse::<u32>().ok()?;
    (ordered && n != 1 && n <= 1_000_000).then_some(n)
}

/// An image's width in pixels from its `width` attribute or its style's
/// `width: 48px`.
fn icon_width(attrs: &Attrs) -> Option<u32> {
    let from_style =
        style_value(attrs, "width").and_then(|v| v.strip_suffix("px")?.trim().parse::<u32>().ok());
    from_style.or_else(|| {
        attr(attrs, "width")?
            .trim()
            .trim_end_matches("px")
            .parse::<u32>()
            .ok()
    })
}

/// A list of footnotes, by the class its writer gives it.
fn is_footnotes(attrs: &Attrs) -> bool {
    ["footnotes", "wp-block-footnotes", "easy-footnotes-wrapper"]
        .iter()
        .any(|c| has_class(attrs, c))
}

/// The number a footnote reference shows (`1`, `[2]`), if it is one.
fn note_number(text: &str) -> Option<u32> {
    let digits = text.trim().trim_start_matches('[').trim_end_matches(']');
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|n| *n > 0)
}

/// Elements that play or show something from elsewhere.
fn is_media(tag: &str) -> bool {
    matches!(tag, "iframe" | "video" | "audio")
}

/// The first media element (or quoted social post) inside an embed
/// figure, with its attributes and children.
fn find_media(nodes: &[Node], depth: usize) -> Option<(&str, &Attrs, &[Node])> {
    if depth > MAX_DEPTH {
        return None;
    }
    nodes.iter().find_map(|n| match n {
        Node::Element { tag, attrs, children } => {
            if is_media(tag) || (tag == "blockquote" && post_provider(attrs).is_some()) {
                Some((tag.as_str(), attrs.as_slice(), children.as_slice()))
            } else if tag == "figcaption" {
                None
            } else {
                find_media(children, depth + 1)
            }
        }
        Node::Text(_) => None,
    })
}

/// The href of the last link inside `nodes`.
fn last_link<'a>(nodes: &'a [Node], depth: usize, out: &mut Option<&'a str>) {
    if depth > MAX_DEPTH {
        return;
    }
    for n in nodes {
        if let Node::Element { tag, attrs, children } = n {
            if tag == "a" {
                if let Some(href) = attr(attrs, "href") {
                    *out = Some(href);
                }
            }
            last_link(children, depth + 1, out);
        }
    }
}

/// The gallery's images and their captions: an item is a `<figure>`,
/// `<li>` or `<dl>` holding an image; its caption is its `<figcaption>` or
/// `<dd>`.
fn gallery_items<'a>(nodes: &'a [Node], depth: usize, out: &mut Vec<(&'a Attrs, Option<String>)>) {
    if depth > MAX_DEPTH {
        return;
    }
    for n in nodes {
        let Node::Element { tag, attrs, children } = n else {
            continue;
        };
        if DROPPED.contains(&tag.as_str()) {
            continue;
        }
        if tag == "img" {
            out.push((attrs, None));
        } else if let Some(img) = matches!(tag.as_str(), "figure" | "li" | "dl")
            .then(|| find_img(children, depth + 1))
            .flatten()
        {
            let caption = children.iter().find_map(|c| match c {
                Node::Element { tag, children, .. } if tag == "figcaption" || tag == "dd" => {
                    Some(text_of(children))
                }
                _ => None,
            });
            out.push((img, caption));
        } else {
            gallery_items(children, depth + 1, out);
        }
    }
}

/// Providers by the block editor's `is-provider-…` class or by host: the
/// name shown, and what they host.
const PROVIDERS: &[(&str, &str, EmbedKind)] = &[
    ("youtube", "YouTube", EmbedKind::Video),
    ("vimeo", "Vimeo", EmbedKind::Video),
    ("dailymotion", "Dailymotion", EmbedKind::Video),
    ("tiktok", "TikTok", EmbedKind::Video),
    ("ted", "TED", EmbedKind::Video),
    ("spotify", "Spotify", EmbedKind::Audio),
    ("soundcloud", "SoundCloud", EmbedKind::Audio),
    ("mixcloud", "Mixcloud", EmbedKind::Audio),
    ("twitter", "Twitter", EmbedKind::Post),
    ("instagram", "Instagram", EmbedKind::Post),
    ("facebook", "Facebook", EmbedKind::Post),
    ("reddit", "Reddit", EmbedKind::Post),
    ("tumblr", "Tumblr", EmbedKind::Post),
    ("flickr", "Flickr", EmbedKind::Other),
];

fn provider_named(slug: &str) -> Option<&'static (&'static str, &'static str, EmbedKind)> {
    PROVIDERS.iter().find(|(s, _, _)| *s == slug)
}

/// The provider the block editor names in the figure's class.
fn provider_class(attrs: &[(String, String)]) -> Option<String> {
    let class = attr(attrs, "class")?;
    let slug = class
        .split_ascii_whitespace()
        .find_map(|w| w.strip_prefix("is-provider-"))?;
    Some(match provider_named(slug) {
        Some((_, name, _)) => name.to_string(),
        None => slug.replace('-', " "),
    })
}

/// The provider of a frame's address, by its host (`www.youtube-nocookie.com` → YouTube).
fn provider_of(url: &str) -> Option<String> {
    let host = host(url)?;
    let known = PROVIDERS.iter().find(|(slug, _, _)| {
        host.split('.').any(|label| {
            label
                .strip_prefix(slug)
                .is_some_and(|rest| rest.is_empty() || rest == "-nocookie")
        })
    });
    Some(match known {
        Some((_, name, _)) => name.to_string(),
        None => host.trim_start_matches("www.").to_string(),
    })
}

/// What a provider hosts; else what the block editor's `is-type-…` says.
fn kind_of(provider: Option<&str>, figure: &[(String, String)]) -> EmbedKind {
    if let Some((_, _, kind)) = provider.and_then(|p| PROVIDERS.iter().find(|(_, name, _)| *name == p)) {
        return *kind;
    }
    if has_class(figure, "is-type-video") {
        EmbedKind::Video
    } else if has_class(figure, "is-type-audio") {
        EmbedKind::Audio
    } else {
        EmbedKind::Other
    }
}

/// The network of a quoted social post (`twitter-tweet`, `instagram-media`…).
fn post_provider(attrs: &[(String, String)]) -> Option<&'static str> {
    let class = attr(attrs, "class")?;
    [
        ("twitter-tweet", "Twitter"),
        ("instagram-media", "Instagram"),
        ("tiktok-embed", "TikTok"),
    ]
    .iter()
    .find(|(c, _)| class.split_ascii_whitespace().any(|w| w == *c))
    .map(|(_, name)| *name)
}

/// The page a player frame shows, where the reader can watch it: a
/// YouTube or Vimeo player (`…/embed/ID`, `player.vimeo.com/video/ID`)
/// becomes the video's own page. `url` is absolute.
fn original_of(url: String) -> String {
    let mut segments = path(&url).split('/').filter(|s| !s.is_empty());
    let (first, id) = (segments.next().unwrap_or(""), segments.next().unwrap_or(""));
    let is_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    match provider_of(&url).as_deref() {
        Some("YouTube") if first == "embed" && is_id => format!("https://www.youtube.com/watch?v={id}"),
        Some("Vimeo") if first == "video" && is_id => format!("https://vimeo.com/{id}"),
        _ => url,
    }
}

/// A media file's type from its name: `MP3`, `MP4`.
fn file_type(url: &str) -> Option<String> {
    let name = url.split(['?', '#']).next()?.rsplit('/').next()?;
    let (_, ext) = name.rsplit_once('.')?;
    (1..=4)
        .contains(&ext.len())
        .then(|| ext.to_ascii_uppercase())
        .filter(|e| e.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The text of pre-formatted content, white space kept.
fn raw_text(nodes: &[Node], depth: usize) -> String {
    fn walk(nodes: &[Node], depth: usize, out: &mut String) {
        if depth > MAX_DEPTH {
            return;
        }
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element { tag, children, .. } if !DROPPED.contains(&tag.as_str()) => {
                    if tag == "br" {
                        out.push('\n');
                    }
                    walk(children, depth + 1, out);
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    walk(nodes, depth, &mut out);
    out
}

/// The attributes of a figure's image: the first `<img>` inside it, but
/// not inside a nested figure, which has its own (so no element is
/// searched twice, however deep figures nest).
fn find_img(nodes: &[Node], depth: usize) -> Option<&[(String, String)]> {
    if depth > MAX_DEPTH {
        return None;
    }
    for n in nodes {
        if let Node::Element { tag, attrs, children } = n {
            if tag == "img" {
                return Some(attrs);
            }
            if !DROPPED.contains(&tag.as_str()) && tag != "figcaption" && tag != "figure" {
                if let Some(a) = find_img(children, depth + 1) {
                    return Some(a);
                }
            }
        }
    }
    None
}

/// Takes a dateline from the start of the first paragraph: a leading bold
/// run ending in a colon ("<strong>BELGIUM. Brussels:</strong> At a…").
pub fn take_dateline(body: &mut [Block]) -> Option<String> {
    let Some(Block::Paragraph(runs)) = body.iter_mut().find(|b| matches!(b, Block::Paragraph(_))) else {
        return None;
    };
    let first = runs.first()?;
    let text = first.text.trim();
    if !first.strong
        || first.href.is_some()
        || runs.len() < 2
        || !text.ends_with(':')
        || text.chars().count() > 60
    {
        return None;
    }
    let dateline = text.trim_end_matches(':').trim().to_string();
    runs.remove(0);
    if let Some(next) = runs.first_mut() {
        next.text = next.text.trim_start().to_string();
    }
    (!dateline.is_empty()).then_some(dateline)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
