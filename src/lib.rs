//! Herald: a news article widget. See ARCHITECTURE.md for the map.
//!
//! `core` is pure Rust (tested natively); `web` is the browser side, built
//! only for WebAssembly.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// Called by the loader (`herald.js`) once the module is ready, with the
/// URL of the widget's stylesheet and the page's Trusted Types policy
/// `herald` (`null` without Trusted Types): starts the standalone app if the page
/// has one, then the embeds. The promise resolves once the embeds' shared
/// stylesheet is loaded and the page's placeholders are mounted.
///
/// Called again (a second copy of the loader on the page), it starts
/// nothing twice and returns the same promise.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn boot(stylesheet_url: String, policy: wasm_bindgen::JsValue) -> js_sys::Promise {
    thread_local! {
        static STARTED: std::cell::OnceCell<js_sys::Promise> = const { std::cell::OnceCell::new() };
    }
    STARTED.with(|started| {
        started
            .get_or_init(|| {
                web::trusted::set_policy(policy);
                web::start(stylesheet_url)
            })
            .clone()
    })
}
