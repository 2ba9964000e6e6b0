//! A WordPress site given by its address (`data-wordpress`): finds its REST
//! root once per page (shared by every widget of the site), and counts
//! posts from `X-WP-Total`, a few requests at a time, cached for the
//! session. What to ask for is decided in `core::wpsite`.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use super::load::{absolute_url, start, Decoder, Input, Load, Loaded, Pending, Request};
use crate::core::config::Config;
use crate::core::error::{Feed, Format, LoadError, Parsed, Problem};
use crate::core::feed::Doc;
use crate::core::json::Json;
use crate::core::wpsite::{self, Site};

/// What is known of the site's REST API: loading (being discovered),
/// ready (`Loaded::Site`) or failed. (A part's state type: no new kind of
/// signal to compile.)
pub type SiteState = ArcRwSignal<Load>;

thread_local! {
    /// The sites of the page's widgets (one or two: a list, not a map),
    /// with the configuration that found them.
    static SITES: RefCell<Vec<(String, SiteState, Arc<Config>)>> = const { RefCell::new(Vec::new()) };
}

/// The site, once found.
pub fn found(load: &Load) -> Option<&Site> {
    match load {
        Load::Ready(loaded) => match &**loaded {
            Loaded::Site(site) => Some(site),
            _ => None,
        },
        _ => None,
    }
}

/// The site of `config`'s `data-wordpress`, its discovery started on first
/// use; `None` without one.
pub fn site(config: &Arc<Config>) -> Option<SiteState> {
    let address = config.wordpress.clone()?;
    Some(SITES.with(|sites| {
        let mut sites = sites.borrow_mut();
        if let Some((_, known, _)) = sites.iter().find(|(k, ..)| *k == address) {
            return known.clone();
        }
        // Owned by no widget (not in a reactive owner's arena): it lives as
        // long as the page, whichever widget goes away.
        let state = ArcRwSignal::new(Load::Loading);
        discover_into(&state, config.clone(), address.clone());
        sites.push((address, state.clone(), config.clone()));
        state
    }))
}

/// Retry on a part in state `load`: if it shows a failed discovery, runs
/// the discovery again for every site whose discovery failed; their parts
/// wait, then load or show the new error.
pub fn retried(load: &Load) {
    if !matches!(load, Load::Failed(e) if e.feed == Feed::Site) {
        return;
    }
    SITES.with(|sites| {
        for (address, state, config) in sites.borrow().iter() {
            if matches!(state.get_untracked(), Load::Failed(_)) {
                state.set(Load::Loading);
                discover_into(state, config.clone(), address.clone());
            }
        }
    })
}

fn discover_into(state: &SiteState, config: Arc<Config>, address: String) {
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        state.set(match discover(&config, &address).await {
            Ok(site) => Load::Ready(Arc::new(Loaded::Site(site))),
            Err(e) => {
                super::load::log_error(&e);
                Load::Failed(Arc::new(e))
            }
        });
    });
}

/// The request for the index under `root`.
pub fn index_url(root: &str) -> Option<String> {
    absolute_url(&wpsite::endpoint(root, "", wpsite::INDEX_QUERY))
}

fn parsed(value: Loaded) -> Result<Parsed<Loaded>, Problem> {
    Ok(Parsed {
        value,
        warnings: Vec::new(),
    })
}

fn json<'a>(input: &'a Input) -> Result<&'a Json, Problem> {
    match input.doc {
        Doc::Json(json) => Ok(json),
        Doc::Xml(_) => Err(Problem::Unsupported(
            "an XML document came back, not the REST API's JSON (check data-wordpress)".into(),
        )),
    }
}

/// The index (its root is set by [`discover`], which knows it).
fn read_index(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    parsed(Loaded::Site(wpsite::index(json(input)?, "")?))
}

/// A one-post query's `X-WP-Total`.
fn read_total(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    let n = input.header_number("x-wp-total").ok_or_else(|| {
        Problem::Unsupported(
            "the answer has no X-WP-Total header (a proxy or the server's CORS settings may hide it)".into(),
        )
    })?;
    parsed(Loaded::Count(n))
}

/// The id of a category or tag looked up by slug.
pub fn read_term(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    parsed(Loaded::Count(
        wpsite::term_id(json(input)?).ok_or(Problem::NotFound)?,
    ))
}

/// The oldest or newest post's year and month.
pub fn read_edge(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    parsed(Loaded::Edge(wpsite::edge(json(input)?)))
}

/// Sends a request to the site now, read by `decode`.
pub fn ask(config: &Arc<Config>, feed: Feed, url: &str, decode: Decoder) -> Pending {
    start(
        config,
        Request::new(feed, url.to_string(), Some(Format::WordPress), decode),
    )
}

/// Tries `/wp-json/`, then `?rest_route=/` (sites without pretty
/// permalinks); the first error is the one reported. (A `Link` header
/// naming the root is not readable across origins: WordPress sends no CORS
/// headers with its pages.)
async fn discover(config: &Arc<Config>, address: &str) -> Result<Site, LoadError> {
    let mut first = None;
    for root in wpsite::roots(address) {
        let Some(url) = index_url(&root) else {
            continue;
        };
        match ask(config, Feed::Site, &url, read_index).await {
            Ok(Loaded::Site(mut site)) => {
                site.root = root;
                return Ok(site);
            }
            Ok(_) => {}
            Err(e) => {
                first.get_or_insert(e);
            }
        }
    }
    Err(first.unwrap_or_else(|| LoadError::new(Feed::Site, None, address, Problem::Network)))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The number of posts each of `urls` (one-post queries, newest period
/// first) matches, from `X-WP-Total`: sent [`wpsite::PARALLEL`] at a time
/// and kept for the session (sessionStorage, under `herald:` and the
/// query's URL), except the newest period's, which may still grow.
pub async fn totals(config: &Arc<Config>, feed: Feed, urls: &[String]) -> Result<Vec<u32>, LoadError> {
    let store = storage();
    let mut out = Vec::with_capacity(urls.len());
    for chunk in urls.chunks(wpsite::PARALLEL) {
        // Sent together (`ask` sends at once), then read in turn.
        let sent: Vec<_> = chunk
            .iter()
            .map(|url| {
                let key = format!("herald:{url}");
                let cached = store
                    .as_ref()
                    .filter(|_| *url != urls[0])
                    .and_then(|s| s.get_item(&key).ok().flatten()?.parse::<u32>().ok());
                (key, cached.ok_or_else(|| ask(config, feed, url, read_total)))
            })
            .collect();
        for (key, request) in sent {
            let n = match request {
                Ok(n) => n,
                Err(pending) => {
                    // (Always a count, as `read_total` reads; 0 would keep
                    // the counts in line with `urls` all the same.)
                    let n = match pending.await? {
                        Loaded::Count(n) => n,
                        _ => 0,
                    };
                    if let Some(s) = &store {
                        let _ = s.set_item(&key, &n.to_string());
                    }
                    n
                }
            };
            out.push(n);
        }
    }
    Ok(out)
}

/// The request of a part fed by the site (it has no source of its own):
/// `None` without a site; while the site is being discovered, a request
/// that waits; once found, what `make` builds from it; if discovery
/// failed, a request that fails with its error.
pub fn request(
    site: Option<&SiteState>,
    feed: Feed,
    make: &dyn Fn(&Site) -> Option<Request>,
) -> Option<Request> {
    match site?.get() {
        Load::Ready(loaded) => match &*loaded {
            Loaded::Site(site) => make(site),
            _ => None,
        },
        Load::Failed(error) => {
            let mut req = Request::new(feed, error.url.clone(), None, |_| Err(Problem::NotFound));
            req.failed = Some(error);
            Some(req)
        }
        _ => Some(Request::waiting(feed)),
    }
}
