//! Test support: the recorded real documents of `tests/fixtures/real/`
//! (their sources are named in the README there), and views of a body's
//! blocks for readable assertions.

#[cfg(not(target_arch = "wasm32"))]
use super::article::{Block, Embed};
use super::json::{parse, Json};

/// The block kinds of a body, for a readable comparison of its shape.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn kinds(body: &[Block]) -> Vec<&'static str> {
    body.iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p",
            Block::Heading { .. } => "h",
            Block::Quote { .. } => "quote",
            Block::Image(_) => "img",
            Block::List(_) => "list",
            Block::ReadAlso(_) => "read-also",
            Block::Preformatted { .. } => "pre",
            Block::Separator => "hr",
            Block::Table(_) => "table",
            Block::Gallery { .. } => "gallery",
            Block::Embed(_) => "embed",
            Block::Footnotes(_) => "notes",
        })
        .collect()
}

/// The embeds of a body, in order.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn embeds(body: &[Block]) -> Vec<&Embed> {
    body.iter()
        .filter_map(|b| match b {
            Block::Embed(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// The document `name` of the folder `kind` (`jsonfeed`, `wordpress`, `open-meteo`…), parsed.
pub(crate) fn real(kind: &str, name: &str) -> Json {
    let path = format!("{}/tests/fixtures/real/{kind}/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
