//! Trusted Types: the policy `herald`, for pages that enforce them
//! (`require-trusted-types-for 'script'; trusted-types herald`, see
//! docs/security.md). Herald has two sinks, and the policy object never
//! leaves this module:
//! - `DOMParser.parseFromString`, the inert parse of feed HTML
//!   (`sanitize`): the HTML passes unchanged, since the parsed document is
//!   read by the sanitizer and never inserted;
//! - the text of the standalone app's JSON-LD data block (`head`): only
//!   JSON that cannot end the element (no `<`) passes.
//!
//! Where the browser has no Trusted Types, plain strings are used.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

struct Policy {
    policy: JsValue,
    create_html: Function,
    create_script: Function,
}

thread_local! {
    static POLICY: OnceCell<Option<Policy>> = const { OnceCell::new() };
}

fn create() -> Option<Policy> {
    let window = web_sys::window()?;
    let factory = Reflect::get(&window, &"trustedTypes".into()).ok()?;
    if factory.is_undefined() || factory.is_null() {
        return None;
    }
    let make: Function = Reflect::get(&factory, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    let html = Closure::<dyn Fn(String) -> String>::new(|html| html);
    let script = Closure::<dyn Fn(String) -> String>::new(|json: String| {
        if json.starts_with('{') && !json.contains('<') {
            json
        } else {
            String::new()
        }
    });
    Reflect::set(&options, &"createHTML".into(), &html.into_js_value()).ok()?;
    Reflect::set(&options, &"createScript".into(), &script.into_js_value()).ok()?;
    let policy = match make.call2(&factory, &"herald".into(), &options) {
        Ok(p) => p,
        Err(_) => {
            web_sys::console::error_1(
                &"[herald] Trusted Types: the page's Content-Security-Policy does not allow the policy `herald`; add `trusted-types herald` (docs/embedding.md)".into(),
            );
            return None;
        }
    };
    let method =
        |name: &str| -> Option<Function> { Reflect::get(&policy, &name.into()).ok()?.dyn_into().ok() };
    Some(Policy {
        create_html: method("createHTML")?,
        create_script: method("createScript")?,
        policy,
    })
}

fn with_policy<T>(f: impl FnOnce(Option<&Policy>) -> T) -> T {
    POLICY.with(|cell| f(cell.get_or_init(create).as_ref()))
}

/// Feed HTML for `DOMParser.parseFromString`.
pub fn html(html: &str) -> Option<JsValue> {
    with_policy(|p| match p {
        Some(p) => p.create_html.call1(&p.policy, &html.into()).ok(),
        None => Some(JsValue::from_str(html)),
    })
}

/// Sets the text of a JSON-LD data block.
pub fn set_json_ld(script: &web_sys::Element, json: &str) {
    let text = with_policy(|p| match p {
        Some(p) => p.create_script.call1(&p.policy, &json.into()).ok(),
        None => Some(JsValue::from_str(json)),
    });
    if let Some(text) = text {
        let _ = Reflect::set(script, &"textContent".into(), &text);
    }
}
