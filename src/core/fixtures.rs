//! Test support: the recorded real documents of `tests/fixtures/real/`
//! (their sources are named in the README there).

use super::json::{parse, Json};

/// The document `name` of the folder `kind` (`jsonfeed`, `wordpress`, `open-meteo`…), parsed.
pub(crate) fn real(kind: &str, name: &str) -> Json {
    let path = format!("{}/tests/fixtures/real/{kind}/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
