//! The article: Herald's data model, whatever format it came from.

use super::time::Timestamp;

/// A run of text with its marks. A paragraph is a list of runs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Run {
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
    /// A link target, already resolved and checked (see `core::url`).
    pub href: Option<String>,
    /// The other marks (format 1.1): superscript, code, highlight…
    pub marks: Marks,
    /// A reference to the footnote of this number (format 1.1); the text
    /// is the number as the reader sees it.
    pub note: Option<u32>,
}

/// A set of inline marks besides emphasis and strong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Marks(u8);

impl Marks {
    pub const SUPERSCRIPT: Marks = Marks(1);
    pub const SUBSCRIPT: Marks = Marks(2);
    pub const STRIKETHROUGH: Marks = Marks(4);
    pub const CODE: Marks = Marks(8);
    pub const HIGHLIGHT: Marks = Marks(16);
    pub const KEYBOARD: Marks = Marks(32);

    /// Each mark with its Herald JSON member and the element it renders
    /// as, outermost first.
    pub const ALL: [(Marks, &'static str, &'static str); 6] = [
        (Marks::HIGHLIGHT, "highlight", "mark"),
        (Marks::STRIKETHROUGH, "strikethrough", "s"),
        (Marks::SUPERSCRIPT, "superscript", "sup"),
        (Marks::SUBSCRIPT, "subscript", "sub"),
        (Marks::KEYBOARD, "keyboard", "kbd"),
        (Marks::CODE, "code", "code"),
    ];

    pub fn contains(self, other: Marks) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn with(self, other: Marks) -> Marks {
        Marks(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
}

/// The largest image side, in CSS pixels, that a feed may declare.
pub const MAX_IMAGE_SIDE: u32 = 20_000;

/// A declared image side, if it is a sensible number of pixels.
pub fn image_side(n: f64) -> Option<u32> {
    (n >= 1.0 && n <= f64::from(MAX_IMAGE_SIDE)).then_some(n as u32)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    /// Empty for a decorative image.
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// The same image at other widths (format 1.1), so that a view can
    /// let the browser pick the size it needs (`srcset`).
    pub sources: Vec<Source>,
}

/// One width of an image: its URL (checked) and width in pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub src: String,
    pub width: u32,
}

/// The most alternative sources kept for one image.
pub const MAX_SOURCES: usize = 12;

impl Image {
    /// An image with no alternative sources.
    pub fn new(src: String, alt: String) -> Image {
        Image {
            src,
            alt,
            width: None,
            height: None,
            caption: None,
            credit: None,
            sources: Vec::new(),
        }
    }
}

/// The sources of the image at `src` worth keeping: on the image's own
/// origin only (a width from another host would load what the image's
/// address does not say), sorted by width, one per width, at most
/// [`MAX_SOURCES`].
pub fn tidy_sources(src: &str, mut sources: Vec<Source>) -> Vec<Source> {
    let own = super::url::origin(src);
    sources.retain(|s| own.is_some() && super::url::origin(&s.src) == own);
    sources.sort_by_key(|s| s.width);
    sources.dedup_by_key(|s| s.width);
    sources.truncate(MAX_SOURCES);
    sources
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub slug: Option<String>,
    pub avatar: Option<String>,
    pub bio: Option<String>,
    pub url: Option<String>,
}

/// A link to another article, shown as a distinct aside in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleLink {
    pub headline: String,
    pub url: String,
    /// When the linked article is in the same feed, its slug, so that the
    /// standalone app can open it without leaving.
    pub slug: Option<String>,
}

/// A list; its items may hold lists of their own.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<ListItem>,
    /// The number of an ordered list's first item, when not 1.
    pub start: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ListItem {
    pub runs: Vec<Run>,
    /// Lists nested in the item, after its text.
    pub lists: Vec<List>,
}

impl ListItem {
    pub fn text(runs: Vec<Run>) -> ListItem {
        ListItem {
            runs,
            lists: Vec::new(),
        }
    }
}

impl List {
    /// Every run of the list, nested lists included, in order.
    pub fn runs(&self) -> Vec<&Run> {
        let mut out = Vec::new();
        for item in &self.items {
            out.extend(item.runs.iter());
            for sub in &item.lists {
                out.extend(sub.runs());
            }
        }
        out
    }

    fn text_into(&self, out: &mut String) {
        for item in &self.items {
            runs_into(&item.runs, out, false);
            for sub in &item.lists {
                sub.text_into(out);
            }
        }
    }
}

/// What an embedded piece of media is, which decides how its link reads
/// ("Watch on YouTube", "Listen", "View the post on X").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    Video,
    Audio,
    /// A post on a social network (a tweet, an Instagram post).
    Post,
    Other,
}

impl EmbedKind {
    pub fn parse(name: &str) -> Option<EmbedKind> {
        Some(match name.trim() {
            "video" => EmbedKind::Video,
            "audio" => EmbedKind::Audio,
            "post" => EmbedKind::Post,
            "other" => EmbedKind::Other,
            _ => return None,
        })
    }
}

/// Media from elsewhere (a video, a podcast episode, a social post),
/// shown as a link to the original: nothing from the other site loads
/// until the reader follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub kind: EmbedKind,
    /// The original, checked by the URL gate.
    pub url: String,
    /// Who hosts it: "YouTube", "SoundCloud".
    pub provider: Option<String>,
    pub title: Option<String>,
    /// A still image shown in the link.
    pub poster: Option<Image>,
    pub caption: Option<String>,
    /// What the file is, for downloads: "MP3, 42 min".
    pub details: Option<String>,
}

/// The largest `colspan` or `rowspan` a cell may declare (HTML's own cap
/// for columns).
pub const MAX_SPAN: u16 = 1000;

/// A table: rows of cells of inline text, with header cells marked.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    pub caption: Option<String>,
    /// The header rows (`<thead>`), then the body rows.
    pub rows: Vec<Vec<Cell>>,
    /// How many of the first rows are header rows.
    pub head_rows: usize,
    /// The alignment of each column, where the feed gives one.
    pub align: Vec<Option<Align>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub runs: Vec<Run>,
    /// A header cell: of its column in a header row, else of its row.
    pub header: bool,
    /// Columns and rows the cell spans, 1 to [`MAX_SPAN`].
    pub colspan: u16,
    pub rowspan: u16,
}

impl Cell {
    pub fn new(runs: Vec<Run>, header: bool) -> Cell {
        Cell {
            runs,
            header,
            colspan: 1,
            rowspan: 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

impl Align {
    /// `start`/`left`, `center`, `end`/`right` (feeds say left and right
    /// for the start and end of left-to-right text).
    pub fn parse(name: &str) -> Option<Align> {
        let name = name.trim();
        let is = |words: &[&str]| words.iter().any(|w| name.eq_ignore_ascii_case(w));
        if is(&["start", "left"]) {
            Some(Align::Start)
        } else if is(&["center", "centre"]) {
            Some(Align::Center)
        } else if is(&["end", "right"]) {
            Some(Align::End)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Align::Start => "start",
            Align::Center => "center",
            Align::End => "end",
        }
    }
}

/// What pre-formatted text is: its line breaks and spaces are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preformatted {
    /// Source code, in a monospace font and always left to right.
    Code,
    /// Other pre-formatted text (ASCII art, tabular text), monospace.
    Plain,
    /// Poetry and lyrics, in the body's font.
    Verse,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Run>),
    /// Level 2 to 4 (the headline is the page's only level 1).
    Heading {
        level: u8,
        text: String,
    },
    Quote {
        paragraphs: Vec<Vec<Run>>,
        attribution: Option<String>,
    },
    Image(Image),
    List(List),
    ReadAlso(ArticleLink),
    /// Text whose lines and spaces are kept (format 1.1).
    Preformatted {
        kind: Preformatted,
        text: String,
        /// The programming language of code (`rust`, `html`), when known.
        language: Option<String>,
    },
    /// A thematic break between sections (format 1.1).
    Separator,
    /// A table (format 1.1).
    Table(Table),
    /// Images shown together, each with its caption (format 1.1).
    Gallery {
        images: Vec<Image>,
        caption: Option<String>,
    },
    /// A video, audio or post from elsewhere, as a link (format 1.1).
    Embed(Embed),
    /// The article's footnotes, numbered from 1 (format 1.1); references
    /// in the text are runs with `note`.
    Footnotes(Vec<Vec<Run>>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub slug: String,
    /// The canonical URL.
    pub url: String,
    pub kicker: Option<String>,
    pub headline: String,
    pub standfirst: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// `None` when the feed gives no date (JSON Feed's is optional): the
    /// byline then shows none.
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    /// Opens the first paragraph ("BELGIUM. Brussels").
    pub dateline: Option<String>,
    /// BCP 47 language of the text, when it differs from the widget's.
    pub language: Option<String>,
    pub authors: Vec<Author>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// The text is behind a password (a protected WordPress post): the
    /// reader is told so and sent to the original.
    pub locked: bool,
}

impl Block {
    /// Every address the block holds (links, images), for the checks
    /// that no unsafe URL gets through.
    pub fn urls(&self) -> Vec<&str> {
        fn links<'a>(runs: &mut dyn Iterator<Item = &'a Run>) -> Vec<&'a str> {
            runs.filter_map(|r| r.href.as_deref()).collect()
        }
        match self {
            Block::Paragraph(runs) => links(&mut runs.iter()),
            Block::Quote { paragraphs, .. } => links(&mut paragraphs.iter().flatten()),
            Block::List(list) => links(&mut list.runs().into_iter()),
            Block::Table(t) => links(&mut t.rows.iter().flatten().flat_map(|c| c.runs.iter())),
            Block::Footnotes(notes) => links(&mut notes.iter().flatten()),
            Block::Image(i) => vec![i.src.as_str()],
            Block::Gallery { images, .. } => images.iter().map(|i| i.src.as_str()).collect(),
            Block::Embed(e) => {
                let mut urls = vec![e.url.as_str()];
                urls.extend(e.poster.as_ref().map(|p| p.src.as_str()));
                urls
            }
            Block::ReadAlso(l) => vec![l.url.as_str()],
            Block::Heading { .. } | Block::Preformatted { .. } | Block::Separator => vec![],
        }
    }
}

/// An update worth showing: more than a minute after the publication (a
/// save right after publishing is not an update), or any, when the article
/// has no date.
pub fn later_update(updated: Option<Timestamp>, published: Option<Timestamp>) -> Option<Timestamp> {
    updated.filter(|u| published.is_none_or(|p| u.unix_ms > p.unix_ms + 60_000))
}

/// Average silent reading speed used for the reading time.
pub const WORDS_PER_MINUTE: usize = 230;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Appends a paragraph's text as it reads: its runs joined (`H`, `2`, `O`
/// make `H2O`), after a space; its lines joined too if `join_lines`.
fn runs_into(runs: &[Run], out: &mut String, join_lines: bool) {
    out.push(' ');
    for r in runs {
        match join_lines {
            true => out.extend(r.text.split('\n')),
            false => out.push_str(&r.text),
        }
    }
}

impl Block {
    /// Appends the text a reader reads in this block (cells and notes
    /// included), apart from what comes before. `as_excerpt`: as WordPress
    /// makes an excerpt, without the captions of pictures and media and
    /// with a paragraph's lines joined ("line<br>break": "linebreak").
    pub fn text_into(&self, out: &mut String, as_excerpt: bool) {
        let captions = !as_excerpt;
        let runs_into = |runs: &[Run], out: &mut String| runs_into(runs, out, as_excerpt);
        let add = |text: &Option<String>, out: &mut String| {
            if let Some(t) = text {
                out.push(' ');
                out.push_str(t);
            }
        };
        match self {
            Block::Paragraph(runs) => runs_into(runs, out),
            Block::Heading { text, .. } | Block::Preformatted { text, .. } => add(&Some(text.clone()), out),
            Block::Quote {
                paragraphs,
                attribution,
            } => {
                paragraphs.iter().for_each(|p| runs_into(p, out));
                add(attribution, out);
            }
            Block::List(list) => list.text_into(out),
            Block::Image(img) if captions => add(&img.caption, out),
            Block::Table(t) => {
                t.rows.iter().flatten().for_each(|c| runs_into(&c.runs, out));
                add(&t.caption, out);
            }
            Block::Gallery { caption, .. } if captions => add(caption, out),
            Block::Embed(e) if captions => add(&e.caption, out),
            Block::Footnotes(notes) => notes.iter().for_each(|n| runs_into(n, out)),
            _ => {}
        }
    }
}

/// The text of `blocks`, in order (see `Block::text_into`).
pub fn blocks_text(blocks: &[Block], as_excerpt: bool) -> String {
    let mut out = String::new();
    blocks.iter().for_each(|b| b.text_into(&mut out, as_excerpt));
    out
}

impl Article {
    /// Words of running text: headline, standfirst and body.
    pub fn word_count(&self) -> usize {
        words(&blocks_text(&self.body, false))
            + words(&self.headline)
            + self.standfirst.as_deref().map_or(0, words)
    }

    /// Whole minutes to read, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The text for a meta description: the standfirst, else the start of
    /// the first paragraph, cut at a word boundary.
    pub fn summary(&self, max_chars: usize) -> String {
        let text = match &self.standfirst {
            Some(s) => s.clone(),
            None => self
                .body
                .iter()
                .find_map(|b| match b {
                    Block::Paragraph(runs) => Some(runs.iter().map(|r| r.text.as_str()).collect()),
                    _ => None,
                })
                .unwrap_or_default(),
        };
        truncate_words(&text, max_chars)
    }
}

/// Whether a standfirst only repeats the start of the body: what a CMS
/// generates when the author wrote no excerpt (WordPress' automatic
/// excerpt, a JSON Feed `summary` cut from the content). Compared word by
/// word, ignoring the excerpt's "…" or "[…]" ending.
pub fn repeats_body(standfirst: &str, body: &[Block]) -> bool {
    // Words compared without punctuation, quotes or ellipses.
    fn key(word: &str) -> String {
        word.chars()
            .filter(|c| {
                !c.is_ascii_punctuation()
                    && !matches!(c, '“' | '”' | '‘' | '’' | '…' | '«' | '»' | '–' | '—' | '↩')
            })
            .collect()
    }
    let excerpt: Vec<String> = standfirst
        .split_whitespace()
        .map(key)
        .filter(|w| !w.is_empty())
        .collect();
    if excerpt.len() < 4 {
        return false;
    }
    let text = blocks_text(body, true);
    let mut body_words = text.split_whitespace().map(key).filter(|w| !w.is_empty());
    // The excerpt's words, in order, as the body's: its first five are the
    // body's first (but for a few, an icon's alternative text); after
    // them it may leave out whole blocks, as WordPress' excerpts leave out
    // lists, code and media captions; its last word may be cut ("accord…").
    let (last, whole) = excerpt.split_last().unwrap_or((&excerpt[0], &[]));
    let mut skips = 0;
    for (i, w) in whole.iter().enumerate() {
        loop {
            match body_words.next() {
                Some(b) if b == *w => break,
                Some(_) if skips < 3 || i >= 5 => skips += 1,
                _ => return false,
            }
        }
    }
    body_words.next().is_some_and(|b| b.starts_with(last.as_str()))
}

/// Cuts `text` to at most `max_chars` characters at a word boundary, adding "…".
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// An article as listed elsewhere: trending, archives, related.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub slug: Option<String>,
    pub url: String,
    pub headline: String,
    pub kicker: Option<String>,
    pub standfirst: Option<String>,
    pub section: Option<String>,
    pub author: Option<String>,
    pub published: Option<Timestamp>,
    /// BCP 47 language of the headline, when it may differ from the page's.
    pub language: Option<String>,
    pub image: Option<Image>,
}

impl Summary {
    /// The bytes of text it holds, for the caps of `core::limits`.
    pub fn text_len(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let image = self.image.as_ref().map_or(0, |i| {
            i.src.len() + i.alt.len() + opt(&i.caption) + opt(&i.credit)
        });
        opt(&self.slug)
            + self.url.len()
            + self.headline.len()
            + opt(&self.kicker)
            + opt(&self.standfirst)
            + opt(&self.section)
            + opt(&self.author)
            + opt(&self.language)
            + image
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: Vec<Block>) -> Article {
        Article {
            id: "1".into(),
            slug: "s".into(),
            url: "https://x/s".into(),
            kicker: None,
            headline: "Four words in headline".into(),
            standfirst: None,
            section: None,
            tags: vec![],
            published: Some(Timestamp::from_unix_ms(0)),
            updated: None,
            dateline: None,
            language: None,
            authors: vec![],
            image: None,
            body,
            locked: false,
        }
    }

    #[test]
    fn reading_time_counts_every_text_block_and_rounds_up() {
        let para = |n: usize| Block::Paragraph(vec![Run::plain("word ".repeat(n))]);
        assert_eq!(article(vec![]).reading_minutes(), 1);
        assert_eq!(article(vec![para(226)]).word_count(), 230);
        assert_eq!(article(vec![para(226)]).reading_minutes(), 1);
        assert_eq!(article(vec![para(227)]).reading_minutes(), 2);
        let mixed = article(vec![
            para(100),
            Block::Heading {
                level: 2,
                text: "two words".into(),
            },
            Block::Quote {
                paragraphs: vec![vec![Run::plain("three more words")]],
                attribution: None,
            },
            Block::List(List {
                ordered: false,
                start: None,
                items: vec![
                    ListItem::text(vec![Run::plain("a b")]),
                    ListItem {
                        runs: vec![Run::plain("c")],
                        lists: vec![List {
                            ordered: true,
                            items: vec![ListItem::text(vec![Run::plain("d e")])],
                            start: None,
                        }],
                    },
                ],
            }),
            Block::Preformatted {
                kind: Preformatted::Code,
                text: "let x = 1;".into(),
                language: None,
            },
            Block::Separator,
        ]);
        assert_eq!(mixed.word_count(), 4 + 100 + 2 + 3 + 5 + 4);
    }

    #[test]
    fn an_update_is_shown_when_it_comes_more_than_a_minute_later() {
        let at = |s: &str| Some(Timestamp::parse_rfc3339(s).unwrap());
        let published = at("2022-10-24T17:07:00Z");
        // js1.10up.com's "Debug Blocks": modified one second after publishing.
        assert_eq!(later_update(at("2022-10-24T17:07:01Z"), published), None);
        assert_eq!(later_update(at("2022-10-24T17:08:00Z"), published), None);
        assert_eq!(
            later_update(at("2022-10-24T17:08:01Z"), published),
            at("2022-10-24T17:08:01Z")
        );
        assert_eq!(later_update(at("2022-10-24T17:00:00Z"), published), None);
        assert_eq!(
            later_update(at("2022-10-24T17:00:00Z"), None),
            at("2022-10-24T17:00:00Z")
        );
        assert_eq!(later_update(None, published), None);
    }

    #[test]
    fn a_standfirst_that_only_repeats_the_body_is_recognised() {
        let body = vec![
            Block::Paragraph(vec![
                Run {
                    text: "MADRID.".into(),
                    strong: true,
                    ..Run::default()
                },
                Run::plain(" On a warm Tuesday evening the steps of the Puerta del Sol filled up again"),
            ]),
            Block::Paragraph(vec![Run::plain("Second paragraph.")]),
        ];
        assert!(repeats_body(
            "MADRID. On a warm Tuesday evening the steps […]",
            &body
        ));
        assert!(repeats_body("MADRID. On a warm Tuesday evening the st…", &body));
        assert!(!repeats_body("The city issued 120 permits this spring.", &body));
        assert!(!repeats_body("MADRID. On a cold", &body), "too short to tell");
        assert!(!repeats_body("MADRID. On a warm Tuesday evening the steps of the Puerta del Sol filled up again Second paragraph. And more", &body));
    }

    #[test]
    fn summary_prefers_standfirst_and_cuts_at_words() {
        let mut a = article(vec![Block::Paragraph(vec![
            Run::plain("First paragraph, "),
            Run {
                text: "with marks".into(),
                strong: true,
                ..Run::default()
            },
        ])]);
        assert_eq!(a.summary(160), "First paragraph, with marks");
        assert_eq!(a.summary(20), "First paragraph…");
        a.standfirst = Some("The standfirst.".into());
        assert_eq!(a.summary(160), "The standfirst.");
        assert_eq!(truncate_words("  a   b  ", 10), "a b");
    }
}
