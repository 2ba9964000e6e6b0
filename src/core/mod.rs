//! The pure core: data model, formats, validation, placement and formatting
//! rules. Nothing here knows about the browser, so all of it is tested by a
//! native `cargo test`.

pub mod ads;
pub mod archive;
pub mod article;
pub mod config;
pub mod decode;
pub mod error;
pub mod feed;
pub mod herald;
pub mod html;
pub mod i18n;
pub mod json;
pub mod jsonfeed;
pub mod limits;
pub mod open_meteo;
pub mod player;
pub mod route;
pub mod seo;
pub mod time;
pub mod url;
pub mod weather;
pub mod wordpress;
pub mod wpsite;
pub mod xmlfeed;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod differential;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod hostile;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
