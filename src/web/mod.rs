//! The browser side: fetching, `Intl`, and the views, thin over `core`.
//!
//! Modules are in layers and import only from their own layer or the
//! layers below (ARCHITECTURE.md, "Layers of the browser side"; held by
//! `tests/layers.rs`):
//!
//! 1. infrastructure: `dom`, `schedule`, `fetch`, `intl`, `scroll`,
//!    `sanitize`, `trusted`;
//! 2. shared pieces: `env`, `load`, `states`, `ads`, `head`, `markup`;
//! 3. `part`;
//! 4. the parts: `article`, `topbar`, `trending`, `archives`, `listing`;
//! 5. `page`;
//! 6. the entry points: `app`, `embed`.

pub mod ads;
pub mod app;
pub mod archives;
pub mod article;
pub mod dom;
pub mod embed;
pub mod env;
pub mod fetch;
pub mod head;
pub mod intl;
pub mod listing;
pub mod load;
pub mod markup;
pub mod page;
pub mod part;
pub mod play;
pub mod sanitize;
pub mod schedule;
pub mod scroll;
pub mod site;
pub mod states;
pub mod topbar;
pub mod trending;
pub mod trusted;

/// Starts whatever the page asks for: the standalone app if the page has
/// one, and the embeds on its placeholders.
pub fn start(stylesheet_url: String) -> js_sys::Promise {
    app::start();
    embed::start(stylesheet_url)
}
