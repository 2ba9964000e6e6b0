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
    List {
        ordered: bool,
        items: Vec<Vec<Run>>,
    },
    ReadAlso(ArticleLink),
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
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    /// Opens the first paragraph ("BELGIUM. Brussels").
    pub dateline: Option<String>,
    /// BCP 47 language of the text, when it differs from the widget's.
    pub language: Option<String>,
    pub authors: Vec<Author>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
}

/// Average silent reading speed used for the reading time.
pub const WORDS_PER_MINUTE: usize = 230;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn run_words(runs: &[Run]) -> usize {
    runs.iter().map(|r| words(&r.text)).sum()
}

impl Article {
    /// Words of running text: headline, standfirst and body.
    pub fn word_count(&self) -> usize {
        let body: usize = self
            .body
            .iter()
            .map(|block| match block {
                Block::Paragraph(runs) => run_words(runs),
                Block::Heading { text, .. } => words(text),
                Block::Quote { paragraphs, .. } => paragraphs.iter().map(|p| run_words(p)).sum(),
                Block::List { items, .. } => items.iter().map(|i| run_words(i)).sum(),
                Block::Image(img) => img.caption.as_deref().map_or(0, words),
                Block::ReadAlso(_) => 0,
            })
            .sum();
        body + words(&self.headline) + self.standfirst.as_deref().map_or(0, words)
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
            published: Timestamp::from_unix_ms(0),
            updated: None,
            dateline: None,
            language: None,
            authors: vec![],
            image: None,
            body,
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
            Block::List {
                ordered: false,
                items: vec![vec![Run::plain("a b")], vec![Run::plain("c")]],
            },
        ]);
        assert_eq!(mixed.word_count(), 4 + 100 + 2 + 3 + 3);
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
