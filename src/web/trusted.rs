//! Trusted Types: the policy `herald`, for pages that enforce them
//! (`require-trusted-types-for 'script'; trusted-types herald`, see
//! docs/security.md). The loader creates it (plain JavaScript is smaller
//! than closures handed to the browser from WebAssembly) and gives it to
//! `boot`; it never leaves the loader's module and this one. Herald has
//! two sinks:
//! - `DOMParser.parseFromString`, the inert parse of feed HTML
//!   (`sanitize`): the HTML passes unchanged, since the parsed document is
//!   read by the sanitizer and never inserted;
//! - the text of the standalone app's JSON-LD data block (`head`): only
//!   JSON that cannot end the element (no `<`) passes.
//!
//! Without a policy (no Trusted Types), plain strings are used.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static POLICY: RefCell<JsValue> = const { RefCell::new(JsValue::NULL) };
}

/// Keeps the policy the loader made (`null` without Trusted Types).
pub fn set_policy(policy: JsValue) {
    POLICY.with(|p| *p.borrow_mut() = policy);
}

/// `value` through the policy's `method`, or as a plain string without one.
fn through(method: &str, value: &str) -> Option<JsValue> {
    POLICY.with(|p| {
        let policy = p.borrow();
        if !policy.is_object() {
            return Some(JsValue::from_str(value));
        }
        let create: Function = Reflect::get(&policy, &method.into()).ok()?.dyn_into().ok()?;
        create.call1(&policy, &value.into()).ok()
    })
}

/// Feed HTML for `DOMParser.parseFromString`.
pub fn html(html: &str) -> Option<JsValue> {
    through("createHTML", html)
}

/// Sets the text of a JSON-LD data block.
pub fn set_json_ld(script: &web_sys::Element, json: &str) {
    if let Some(text) = through("createScript", json) {
        let _ = Reflect::set(script, &"textContent".into(), &text);
    }
}
