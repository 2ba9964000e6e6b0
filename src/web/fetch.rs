//! Fetching a feed's bytes: with a timeout (`AbortController`), a size cap
//! enforced while the body streams in, and cancellation when the part that
//! asked is unmounted. Everything about the bytes is decided in `core::feed`.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

use crate::core::error::Problem;

/// A response read to the end.
pub struct Fetched {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub headers: web_sys::Headers,
}

/// Aborts the request when dropped, unless it finished.
pub struct Abort(pub AbortController);

impl Drop for Abort {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A pending timeout that aborts the request; cleared when dropped.
struct Timer {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.handle);
        }
    }
}

fn start_timer(ms: u32, controller: &AbortController, fired: &Rc<Cell<bool>>) -> Option<Timer> {
    let controller = controller.clone();
    let fired = fired.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        fired.set(true);
        controller.abort();
    });
    let handle = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms.min(i32::MAX as u32) as i32,
        )
        .ok()?;
    Some(Timer {
        handle,
        _callback: callback,
    })
}

/// A request on its way: its answer, the controller that cancels it, and
/// the timeout, which runs from the moment it was sent.
struct Sent {
    promise: js_sys::Promise,
    controller: AbortController,
    timer: Option<Timer>,
    timed_out: Rc<Cell<bool>>,
}

fn send(url: &str, timeout_ms: u32) -> Option<Sent> {
    let controller = AbortController::new().ok()?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let promise = web_sys::window()?.fetch_with_str_and_init(url, &init);
    let timed_out = Rc::new(Cell::new(false));
    let timer = start_timer(timeout_ms, &controller, &timed_out);
    Some(Sent {
        promise,
        controller,
        timer,
        timed_out,
    })
}

thread_local! {
    /// Requests started before the part that needs them exists.
    static EARLY: std::cell::RefCell<Vec<(String, Sent)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Starts fetching `url` now, for a part that will ask for it shortly: on a
/// cold page load the feeds are requested before any view is built, so
/// that building views overlaps with the network. The part's [`fetch`]
/// adopts the request. The timeout runs from now, so a request no part
/// adopts is still aborted; the size cap applies when the part reads it.
pub fn prefetch(url: &str, timeout_ms: u32) {
    if EARLY.with(|e| e.borrow().iter().any(|(u, _)| u == url)) {
        return;
    }
    if let Some(sent) = send(url, timeout_ms) {
        EARLY.with(|e| e.borrow_mut().push((url.to_string(), sent)));
    }
}

fn take_early(url: &str) -> Option<Sent> {
    EARLY.with(|e| {
        let mut early = e.borrow_mut();
        let at = early.iter().position(|(u, _)| u == url)?;
        Some(early.remove(at).1)
    })
}

/// GETs `url`: the request is sent now (or adopted from [`prefetch`], with
/// the timeout it started with), not when the future is first polled.
/// Dropping the returned [`Abort`] cancels it; so does the timeout.
pub fn fetch(
    url: &str,
    timeout_ms: u32,
    max_bytes: u64,
) -> Result<(Abort, impl std::future::Future<Output = Result<Fetched, Problem>>), Problem> {
    let sent = match take_early(url) {
        Some(early) => early,
        None => send(url, timeout_ms).ok_or(Problem::Network)?,
    };
    let guard = Abort(sent.controller.clone());
    // Handled from now on: a request aborted before its answer is read
    // (a part's other requests, when one fails) is no unhandled rejection.
    let answer = JsFuture::from(sent.promise);
    Ok((guard, async move {
        let _timer = sent.timer;
        read(answer, timeout_ms, max_bytes, &sent.controller, &sent.timed_out).await
    }))
}

async fn read(
    sent: JsFuture,
    timeout_ms: u32,
    max_bytes: u64,
    controller: &AbortController,
    timed_out: &Rc<Cell<bool>>,
) -> Result<Fetched, Problem> {
    let failed = |timed_out: &Rc<Cell<bool>>| {
        if timed_out.get() {
            Problem::Timeout(timeout_ms)
        } else {
            Problem::Network
        }
    };
    let response: web_sys::Response = sent.await.map_err(|_| failed(timed_out))?.unchecked_into();

    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let declared = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        controller.abort();
        return Err(Problem::TooLarge(max_bytes));
    }

    // Streamed, so that an endless or huge (or compressed-huge) body is cut
    // off at the limit instead of filling the memory.
    let body = read_stream(&response, max_bytes, controller).await.map_err(|p| {
        if p == Problem::Network {
            failed(timed_out)
        } else {
            p
        }
    })?;

    Ok(Fetched {
        status: response.status(),
        content_type: header("content-type"),
        body,
        headers,
    })
}

async fn read_stream(
    response: &web_sys::Response,
    max_bytes: u64,
    controller: &AbortController,
) -> Result<Vec<u8>, Problem> {
    let mut body = Vec::new();
    let Some(stream) = response.body() else {
        return Ok(body);
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Problem::Network)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(body);
        }
        if let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) {
            if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
                if body.len() as u64 + u64::from(bytes.length()) > max_bytes {
                    let _ = reader.cancel();
                    controller.abort();
                    return Err(Problem::TooLarge(max_bytes));
                }
                let start = body.len();
                body.resize(start + bytes.length() as usize, 0);
                bytes.copy_to(&mut body[start..]);
            }
        }
    }
}
