//! What one document may make Herald do: caps that keep the work and the
//! memory of every reader linear in its input and bounded, whatever the
//! input (docs/security.md). The fetch caps a document at 5 MB by default
//! (`data-max-bytes`); these cap what is made of it.

use std::cell::Cell;

/// The most tags (`<`) one HTML fragment may have: checked before the
/// fragment is parsed, so that the browser never builds a DOM of millions
/// of nodes. A long article has a few thousand.
pub const MAX_HTML_TAGS: usize = 50_000;

/// The most `<` in a feed's XML (elements, and the HTML its CDATA holds):
/// a 30,000-item feed fits; a 5 MB flood of empty elements (1.3 million)
/// is refused before the browser builds it.
pub const MAX_XML_TAGS: usize = 250_000;

/// The most blocks one article may have.
pub const MAX_BLOCKS: usize = 20_000;

/// The most text one document may produce, in bytes: the article's text
/// (each link's address counted with every run it covers), or all the
/// items of a list together.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// The most values (strings, numbers, arrays, objects…) one JSON document
/// may hold. A page of ten WordPress posts with everything embedded holds
/// about 3,000; a 5 MB document of real feeds, about 150,000.
pub const MAX_JSON_VALUES: usize = 200_000;

/// The most items one list document (a trending list, a month listing)
/// yields; the rest are left out with a warning. Trending shows at most
/// 20, a page of a listing at most 100.
pub const MAX_ITEMS: usize = 1_000;

/// The longest address (link, image) Herald uses, in bytes; real ones are
/// under 8 KB. A longer one is left out like an unsafe one.
pub const MAX_URL_BYTES: usize = 64 * 1024;

/// The most authors read for one item.
pub const MAX_AUTHORS: usize = 20;

/// The most attachments shown for one JSON Feed item (an episode has one).
pub const MAX_ATTACHMENTS: usize = 20;

/// The most warnings one document keeps for the console; the rest are
/// counted in a last line.
pub const MAX_WARNINGS: usize = 20;

/// What a document has produced so far, against [`MAX_BLOCKS`] and
/// [`MAX_TEXT_BYTES`]. Spending past a cap fails and the reader stops.
#[derive(Debug, Default)]
pub struct Budget {
    blocks: Cell<usize>,
    bytes: Cell<usize>,
}

impl Budget {
    /// Counts `bytes` of text; `false` once the total passes the cap.
    pub fn text(&self, bytes: usize) -> bool {
        self.bytes.set(self.bytes.get().saturating_add(bytes));
        self.bytes.get() <= MAX_TEXT_BYTES
    }

    /// Counts one block; `false` once the total passes the cap.
    pub fn block(&self) -> bool {
        self.blocks.set(self.blocks.get() + 1);
        self.blocks.get() <= MAX_BLOCKS
    }

    pub fn exceeded(&self) -> bool {
        self.blocks.get() > MAX_BLOCKS || self.bytes.get() > MAX_TEXT_BYTES
    }

    /// The cap that was passed, for a message.
    pub fn message(&self) -> &'static str {
        if self.blocks.get() > MAX_BLOCKS {
            "more than 20000 blocks, Herald's limit for one article"
        } else {
            "more than 2 MB of text, Herald's limit for one document"
        }
    }
}

/// A document's warnings: each message once, at most [`MAX_WARNINGS`], and
/// a count of the others.
#[derive(Debug, Default)]
pub struct Warnings {
    list: Vec<String>,
    more: usize,
}

impl Warnings {
    pub fn push(&mut self, message: String) {
        if self.list.contains(&message) {
            return;
        }
        if self.list.len() < MAX_WARNINGS {
            self.list.push(message);
        } else {
            self.more += 1;
        }
    }

    /// Puts `message` first, where a reader looks (a summary of the rest).
    pub fn lead(&mut self, message: String) {
        self.list.insert(0, message);
    }

    pub fn extend(&mut self, messages: impl IntoIterator<Item = String>) {
        for m in messages {
            self.push(m);
        }
    }

    pub fn into_vec(mut self) -> Vec<String> {
        if self.more > 0 {
            self.list.push(format!("… and {} more warnings", self.more));
        }
        self.list
    }
}

/// The warning for a list cut at [`MAX_ITEMS`] items or at the text cap.
pub fn list_cut(kept: usize, why: &str) -> String {
    format!("kept the first {kept} items and left out the rest: {why}")
}

/// The warning that leads a list with nothing left to show.
pub fn nothing_left(skipped: usize, first: &str) -> String {
    format!("nothing to show: all {skipped} items were left out; the first because {first}")
}

/// Whether an HTML fragment is within [`MAX_HTML_TAGS`]; counted without
/// parsing, in one pass.
pub fn html_within_limit(html: &str) -> Result<(), String> {
    markup_within_limit(html, "HTML", MAX_HTML_TAGS)
}

/// The same for a feed's XML, before the browser parses it: its items'
/// HTML is text there (escaped or CDATA), so the cap is for the elements
/// the reader walks.
pub fn xml_within_limit(xml: &str) -> Result<(), String> {
    markup_within_limit(xml, "XML", MAX_XML_TAGS)
}

fn markup_within_limit(text: &str, kind: &str, max: usize) -> Result<(), String> {
    let tags = text.bytes().filter(|&b| b == b'<').count();
    if tags > max {
        Err(format!(
            "the {kind} has {tags} tags, more than {max}, Herald's limit for one document"
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_deduplicated_capped_and_counted() {
        let mut w = Warnings::default();
        for i in 0..100 {
            w.push(format!("w{}", i % 50));
        }
        let list = w.into_vec();
        assert_eq!(list.len(), MAX_WARNINGS + 1);
        assert_eq!(list.last().map(String::as_str), Some("… and 60 more warnings"));
    }

    #[test]
    fn the_messages_name_the_caps() {
        assert_eq!(MAX_BLOCKS, 20_000);
        assert_eq!(MAX_TEXT_BYTES, 2 * 1024 * 1024);
    }

    #[test]
    fn the_budget_fails_past_its_caps() {
        let b = Budget::default();
        assert!(b.text(MAX_TEXT_BYTES));
        assert!(!b.exceeded());
        assert!(!b.text(1));
        assert!(b.exceeded());
        assert!(b.message().contains("2 MB of text"));
        let b = Budget::default();
        for _ in 0..MAX_BLOCKS {
            assert!(b.block());
        }
        assert!(!b.block());
        assert!(b.message().contains("20000 blocks"));
    }

    #[test]
    fn tags_are_counted_before_parsing() {
        assert!(html_within_limit(&"<b>".repeat(MAX_HTML_TAGS)).is_ok());
        let err = html_within_limit(&"<b>".repeat(MAX_HTML_TAGS + 1)).unwrap_err();
        assert!(err.contains("50001 tags"), "{err}");
        assert!(xml_within_limit(&"<a/>".repeat(MAX_XML_TAGS)).is_ok());
        let err = xml_within_limit(&"<a/>".repeat(1_300_000)).unwrap_err();
        assert_eq!(
            err,
            "the XML has 1300000 tags, more than 250000, Herald's limit for one document"
        );
    }
}
