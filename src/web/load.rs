//! Loading feeds into signals: one independent state per part of the page,
//! a Retry that reloads just that part, stale answers ignored, and the
//! request cancelled when the part goes away.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::env::Env;
use super::fetch::{fetch, Abort, Fetched};
use super::sanitize::parse_xml;
use crate::core::archive::{Listing, MonthCount, SiteYears};
use crate::core::article::{Article, Summary};
use crate::core::config::{Config, Source};
use crate::core::error::{Feed, Format, LoadError, Parsed, Problem};
use crate::core::feed::{choose_format, read, Body, Doc, Response};
use crate::core::weather::Weather;

/// What a part loads. One type for all parts keeps the reactive machinery
/// from being compiled once per kind of data. (It lives behind an `Arc`, so
/// the size of its largest variant costs nothing.)
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Loaded {
    Article(Article),
    Trending(Vec<Summary>),
    Archives(Vec<MonthCount>),
    Listing(Listing),
    Weather(Weather),
    /// A WordPress site's years with their counts (its months load per year).
    Years(SiteYears),
    /// A `data-wordpress` site, discovered (`site`).
    Site(crate::core::wpsite::Site),
    /// A number read from an answer (`X-WP-Total`, a term's id: `site`).
    Count(u32),
    /// The year and month of a site's oldest or newest post (`site`).
    Edge(Option<(i32, u32)>),
}

impl Loaded {
    pub fn article(&self) -> Option<&Article> {
        match self {
            Loaded::Article(a) => Some(a),
            _ => None,
        }
    }

    pub fn trending(&self) -> Option<&[Summary]> {
        match self {
            Loaded::Trending(items) => Some(items),
            _ => None,
        }
    }

    pub fn archives(&self) -> Option<&[MonthCount]> {
        match self {
            Loaded::Archives(months) => Some(months),
            _ => None,
        }
    }

    pub fn listing(&self) -> Option<&Listing> {
        match self {
            Loaded::Listing(l) => Some(l),
            _ => None,
        }
    }

    pub fn weather(&self) -> Option<&Weather> {
        match self {
            Loaded::Weather(w) => Some(w),
            _ => None,
        }
    }
}

/// The state of one part of the page.
#[derive(Clone)]
pub enum Load {
    /// Nothing to load: the part's source is not configured.
    Idle,
    Loading,
    Ready(Arc<Loaded>),
    Failed(Arc<LoadError>),
}

/// What a decoder reads: the fetched document, its format, and what was
/// asked for.
pub struct Input<'a> {
    pub config: &'a Config,
    pub format: Format,
    pub doc: &'a Doc,
    pub request: &'a Request,
    pub fetched: &'a Fetched,
}

impl Input<'_> {
    /// A response header that holds a whole number (`X-WP-Total`).
    pub fn header_number(&self, name: &str) -> Option<u32> {
        let value = self.fetched.headers.get(name).ok().flatten()?;
        value.trim().parse::<u32>().ok()
    }
}

/// Reads a fetched document of a known format into a part's data.
pub type Decoder = fn(&Input) -> Result<Parsed<Loaded>, Problem>;

/// A part's own way to load its data, for data made of several requests
/// (the archives of a WordPress site); given the widget's environment.
pub type Run = Box<dyn FnOnce(Env) -> Pending>;

/// Loading in progress: the data, or why there is none.
pub type Pending = Pin<Box<dyn Future<Output = Result<Loaded, LoadError>>>>;

/// What to fetch and how to read it.
pub struct Request {
    pub feed: Feed,
    pub url: String,
    pub format: Option<Format>,
    pub decode: Decoder,
    /// The article asked for (JSON Feed items are picked by slug).
    pub slug: Option<String>,
    /// The page asked for (feeds paged by the server).
    pub page: u32,
    /// A guess sent before the site's REST root is known: a failure waits
    /// for the discovery, which confirms the guess (the failure is shown,
    /// nothing is sent again) or asks under the root found.
    pub provisional: bool,
    /// Loads the data instead of fetching `url` (which stays the key).
    pub run: Option<Run>,
    /// Nothing can be sent: this is why (the site was not found).
    pub failed: Option<Arc<LoadError>>,
}

impl Request {
    pub fn new(feed: Feed, url: String, format: Option<Format>, decode: Decoder) -> Request {
        Request {
            feed,
            url,
            format,
            decode,
            slug: None,
            page: 1,
            provisional: false,
            run: None,
            failed: None,
        }
    }

    /// A request that has to wait (for the site's discovery).
    pub fn waiting(feed: Feed) -> Request {
        Request::new(feed, String::new(), None, |_| Err(Problem::NotFound))
    }

    /// Nothing can be sent yet (the site is being discovered), and nothing
    /// is ever sent to an empty address: the part shows its skeleton.
    pub fn waits(&self) -> bool {
        self.url.is_empty()
    }
}

/// No request: a key no request has.
const NONE: (String, u32) = (String::new(), u32::MAX);

/// What a part's loader keeps between requests: the current request's key
/// (its URL and the attempt), whether it is a provisional one
/// (`Request::provisional`), and its error while that is not final.
struct Flight {
    key: (String, u32),
    provisional: bool,
    held: Option<LoadError>,
}

/// A part's state and the means to retry it.
#[derive(Clone, Copy)]
pub struct Loader {
    pub state: RwSignal<Load>,
    attempt: RwSignal<u32>,
}

impl Loader {
    pub fn retry(&self) {
        self.attempt.update(|n| *n += 1);
    }
}

/// Loads `request()` now and whenever it changes or Retry is pressed.
/// `None` means there is nothing to load (not configured, or not known yet).
pub fn use_loader(env: &Env, request: impl Fn() -> Option<Request> + 'static) -> Loader {
    load_with(env, Box::new(request))
}

/// A loader for a part fed by one fixed source of the configuration
/// (`pick` chooses it: trending, archives, weather); idle without one.
pub fn use_source_loader(
    env: &Env,
    feed: Feed,
    pick: fn(&Config) -> Option<&Source>,
    decode: Decoder,
) -> Loader {
    let config = env.config.clone();
    use_loader(env, move || {
        let source = pick(&config)?;
        Some(Request::new(
            feed,
            absolute_url(&source.url)?,
            source.format,
            decode,
        ))
    })
}

/// The body of `use_loader`, compiled once for all callers.
fn load_with(env: &Env, request: Box<dyn Fn() -> Option<Request>>) -> Loader {
    // The first request starts now, not after the first render: on a cold
    // page load every millisecond before the fetch is on the critical path.
    let first = untrack(&request);
    let state = RwSignal::new(if first.is_some() {
        Load::Loading
    } else {
        Load::Idle
    });
    let attempt = RwSignal::new(0u32);
    let flight = Rc::new(RefCell::new(Flight {
        key: NONE,
        provisional: false,
        held: None,
    }));
    // The guard that aborts the request in flight when it is replaced or
    // the part is unmounted.
    let in_flight = StoredValue::new_local(None::<Abort>);
    on_cleanup(move || {
        in_flight.try_update_value(|guard| guard.take());
    });
    let env = env.clone();
    let request = Rc::new(request);
    let f = flight.clone();
    let begin = move |req: Request, n: u32| {
        let key = (req.url.clone(), n);
        let mut now = f.borrow_mut();
        // (A request that failed, asked for again, is sent again: a site
        // found anew after Retry on another part.)
        if now.key == key && !matches!(state.get_untracked(), Load::Failed(_)) {
            // Confirmed while in flight, or after it failed: its failure
            // is final.
            now.provisional &= req.provisional;
            if let Some(error) = now.held.take().filter(|_| !now.provisional) {
                drop(now);
                log_error(&error);
                state.set(Load::Failed(Arc::new(error)));
            }
            return;
        }
        now.key = key.clone();
        now.provisional = req.provisional;
        now.held = None;
        drop(now);
        if !matches!(state.get_untracked(), Load::Loading) {
            state.set(Load::Loading);
        }
        let (guard, pending) = run(&env, req);
        // Replacing the guard aborts the previous request, if any.
        in_flight.set_value(guard);
        let f = f.clone();
        spawn_local(async move {
            let result = pending.await;
            // Reading and decoding the data was one task; building its
            // view is the next.
            super::schedule::yield_now().await;
            let mut now = f.borrow_mut();
            // Replaced, or the part is gone (its request aborted).
            if now.key != key || state.is_disposed() {
                return;
            }
            let next = match result {
                Ok(value) => Load::Ready(Arc::new(value)),
                Err(error) if now.provisional => {
                    // Still loading: the discovery's answer confirms it
                    // (its failure is then final) or asks for another.
                    now.held = Some(error);
                    return;
                }
                Err(error) => {
                    log_error(&error);
                    Load::Failed(Arc::new(error))
                }
            };
            drop(now);
            let _ = state.try_set(next);
        });
    };
    // A first request that waits or failed sends nothing: the effect
    // below sets its state.
    if let Some(req) = first.filter(|r| !r.waits() && r.failed.is_none()) {
        begin(req, 0);
    }
    Effect::new(move |_| {
        let n = attempt.get();
        let next = match request() {
            Some(req) if !req.waits() && req.failed.is_none() => return begin(req, n),
            Some(Request {
                failed: Some(error), ..
            }) => Load::Failed(error),
            Some(_) => Load::Loading,
            None => Load::Idle,
        };
        flight.borrow_mut().key = NONE;
        in_flight.set_value(None);
        if std::mem::discriminant(&next) != std::mem::discriminant(&state.get_untracked())
            || matches!(next, Load::Failed(_))
        {
            state.set(next);
        }
    });
    Loader { state, attempt }
}

/// Sends the request now and returns the rest of the work as a future.
fn run(env: &Env, mut req: Request) -> (Option<Abort>, Pending) {
    match req.run.take() {
        Some(own) => (None, own(env.clone())),
        None => send(&env.config, req),
    }
}

/// Sends `req` now and reads its answer; the request is cancelled if the
/// returned future is dropped.
pub fn start(config: &Arc<Config>, req: Request) -> Pending {
    let (guard, pending) = send(config, req);
    Box::pin(async move {
        let _guard = guard;
        pending.await
    })
}

fn send(config: &Arc<Config>, req: Request) -> (Option<Abort>, Pending) {
    let config = config.clone();
    let (guard, pending) = match fetch(&req.url, config.timeout_ms, config.max_bytes) {
        Ok((guard, pending)) => (Some(guard), Ok(pending)),
        Err(problem) => (None, Err(problem)),
    };
    (
        guard,
        Box::pin(async move {
            let url = req.url.as_str();
            let fetched = match pending {
                Ok(pending) => pending.await,
                Err(problem) => Err(problem),
            }
            .map_err(|problem| LoadError::new(req.feed, req.format, url, problem))?;
            let body = read(
                req.feed,
                req.format,
                url,
                Response {
                    status: fetched.status,
                    content_type: fetched.content_type.as_deref(),
                    body: &fetched.body,
                },
            )?;
            let doc = match body {
                Body::Json(json) => Doc::Json(json),
                Body::Xml(text) => Doc::Xml(
                    parse_xml(text).map_err(|problem| LoadError::new(req.feed, req.format, url, problem))?,
                ),
            };
            let format = choose_format(req.feed, req.format, url, &doc)?;
            let input = Input {
                config: &config,
                format,
                doc: &doc,
                request: &req,
                fetched: &fetched,
            };
            match (req.decode)(&input) {
                Ok(parsed) => {
                    // One console line per document sums up what was repaired or left out.
                    if !parsed.warnings.is_empty() {
                        web_sys::console::warn_1(
                            &format!(
                                "[herald] {} ({}) from {url}: repaired or left out:\n- {}",
                                req.feed.label(),
                                format.label(),
                                parsed.warnings.join("\n- ")
                            )
                            .into(),
                        );
                    }
                    Ok(parsed.value)
                }
                Err(problem) => Err(LoadError::new(req.feed, Some(format), url, problem)),
            }
        }),
    )
}

pub fn log_error(error: &LoadError) {
    web_sys::console::error_1(&format!("[herald] {error}").into());
}

/// A feed URL made absolute against the page (so relative feed URLs work
/// under any base path, and so documents can resolve their own relative
/// URLs), through the URL gate: `None` for anything but http(s).
pub fn absolute_url(url: &str) -> Option<String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())?;
    let href = web_sys::Url::new_with_base(url, &base).ok()?.href();
    crate::core::url::allowed(&href, crate::core::url::UrlUse::Resource).then_some(href)
}
