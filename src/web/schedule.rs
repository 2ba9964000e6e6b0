//! Yielding the main thread. Starting the app and rendering an article are
//! each several steps (read the configuration, mount; parse, decode,
//! build); run back to back they make one long task, during which a tap or
//! a key press waits (Total Blocking Time). Awaiting [`yield_now`] between
//! steps ends the task and continues in a new one.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a new task. `scheduler.yield()` where the browser has it
/// (the continuation runs before other queued tasks, so the work is not
/// delayed behind them), else a zero-delay timeout.
pub async fn yield_now() {
    let promise = scheduler_yield().unwrap_or_else(|| {
        Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            } else {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            }
        })
    });
    let _ = JsFuture::from(promise).await;
}

fn scheduler_yield() -> Option<Promise> {
    let scheduler = Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    if !scheduler.is_object() {
        return None;
    }
    let yield_fn: Function = Reflect::get(&scheduler, &"yield".into()).ok()?.dyn_into().ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}
