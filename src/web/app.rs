//! The standalone single-page app: the element named by the page's
//! `<meta name="herald-app" content="ID">` becomes the whole site (front
//! page, articles, archive months, 404), with real URLs under a base path,
//! history and scroll restoration.
//!
//! Only the page's author opts in: the meta must be in the document's
//! `<head>`, where content of the page (a contributor's post) cannot put
//! it. An element of the body cannot start the app, so page content can
//! never take over the head (title, description, canonical link, JSON-LD)
//! or the history.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{data_attributes, mount, Markup};
use super::env::{next_instance, Env};
use super::head;
use super::page::{self, page_view, page_view_then};
use super::schedule::yield_now;
use super::scroll;
use super::states;
use crate::core::config::Config;
use crate::core::route::{normalize_base, Route};

/// The app's base path: `data-base` (checked by the configuration), else
/// the document's `<base href>`.
fn base_path(config: Option<&Config>) -> String {
    if let Some(base) = config.and_then(|c| c.base.as_deref()) {
        return normalize_base(base);
    }
    let from_document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|_| web_sys::window()?.document()?.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname());
    normalize_base(&from_document.unwrap_or_else(|| "/".to_string()))
}

fn current_route(base: &str) -> Route {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let query = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    Route::parse(&path, &query, base)
}

thread_local! {
    /// The app's element, once the app is started.
    static ROOT: std::cell::OnceCell<web_sys::Element> = const { std::cell::OnceCell::new() };
}

/// Whether the standalone app was started on this page.
pub fn started() -> bool {
    ROOT.with(|r| r.get().is_some())
}

/// Whether `node` is inside the standalone app's element.
pub fn in_app(node: &web_sys::Node) -> bool {
    ROOT.with(|r| r.get().is_some_and(|root| root.contains(Some(node))))
}

/// The element the page's author made the app: `<meta name="herald-app"
/// content="ID">`, a child of the document's `<head>`, names it by id.
/// The selector matches a real `<head>` element only, so neither a body
/// element nor a form named `head` can stand in for it.
fn app_root(document: &web_sys::Document) -> Option<web_sys::HtmlElement> {
    let meta = document
        .query_selector("html > head > meta[name=\"herald-app\"]")
        .ok()??;
    let id = meta.get_attribute("content")?;
    let root = document.get_element_by_id(id.trim());
    if root.is_none() {
        web_sys::console::error_1(
            &format!(
                "[herald] <meta name=\"herald-app\">: no element has the id `{}`",
                id.trim()
            )
            .into(),
        );
    }
    root?.dyn_into().ok()
}

/// Mounts the app if the page's author asked for it (see [`app_root`]).
/// It takes an instance number only then, so that a publisher page's
/// embeds are numbered from 1.
pub fn start() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(root) = app_root(&document) else {
        if document
            .query_selector("[data-herald-app]")
            .ok()
            .flatten()
            .is_some()
        {
            web_sys::console::warn_1(
                &"[herald] an element with data-herald-app was ignored: the standalone app starts only from <meta name=\"herald-app\" content=\"ID\"> in the page's head (docs/hosting.md)".into(),
            );
        }
        return false;
    };
    ROOT.with(|r| r.set(root.clone().into()).is_ok());
    let instance = next_instance();
    let attrs = data_attributes(&root);
    let config = Config::from_attributes(attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let base = base_path(config.as_ref().ok());
    // The page's own title is the site's name in every page title.
    head::site_name();
    let route = RwSignal::new(current_route(&base));
    match config {
        Ok(config) => {
            page::prefetch(&config, &route.get_untracked());
            // The requests are on their way. The rest follows in tasks of
            // its own: the environment and navigation, then the views.
            wasm_bindgen_futures::spawn_local(async move {
                yield_now().await;
                let env = Env::new(config, instance, Some(base.clone()), &root);
                listen_for_navigation(&root, &base, route);
                let lang = (env.locale.clone(), env.dir());
                mount_app(root, lang, env, route).await;
            });
        }
        Err(errors) => {
            for e in &errors {
                web_sys::console::error_1(&format!("[herald] {e}").into());
            }
            let env = Env::new(Config::default(), instance, Some(base), &root);
            wasm_bindgen_futures::spawn_local(mount_later(
                root,
                None,
                Box::new(move || states::config_error_view(&env, &errors)),
            ));
        }
    }
    true
}

/// Replaces the static skeleton of index.html with the live view (and sets
/// the root's language and direction), in a task of its own. Every change
/// to the page is made in that one task, so that no frame shows neither
/// skeleton and the browser lays the page out once, not once per step.
async fn mount_later(root: web_sys::HtmlElement, lang: Option<(String, &'static str)>, view: Build) {
    yield_now().await;
    take_over(&root, lang.as_ref());
    std::mem::forget(mount(&root, view));
}

/// Makes the app's element the app's: its language and direction set, the
/// page's own content (the skeleton) gone.
fn take_over(root: &web_sys::HtmlElement, lang: Option<&(String, &'static str)>) {
    if let Some((lang, dir)) = lang {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
    root.set_text_content(None);
}

/// The markup to mount (boxed: `dom::mount` is compiled once).
type Build = Box<dyn FnOnce() -> Markup>;

/// Mounts the app in a task of its own. When the page has a skeleton of
/// its own in the app's element (index.html has one), the app is built off
/// the document and takes the skeleton's place only once its main content
/// has rendered (or failed, or after `page::SECONDARY_AFTER_MS`): the
/// browser then never lays out the app's own skeleton, identical to the
/// page's, on the way to the article. Without one, it is mounted at once.
async fn mount_app(
    root: web_sys::HtmlElement,
    lang: (String, &'static str),
    env: Env,
    route: RwSignal<Route>,
) {
    let host = (root.child_element_count() > 0)
        .then(|| web_sys::window()?.document()?.create_element("div").ok())
        .flatten();
    let Some(host) = host else {
        return mount_later(root, Some(lang), Box::new(move || page_view(&env, route.into()))).await;
    };
    yield_now().await;
    let built = host.clone();
    let show = move || {
        take_over(&root, Some(&lang));
        while let Some(child) = built.first_child() {
            let _ = root.append_child(&child);
        }
    };
    let build: Build = Box::new(move || page_view_then(&env, route.into(), Box::new(show)));
    // The app lives as long as the page.
    std::mem::forget(mount(&host, build));
}

/// Takes over clicks on the app's own links (same origin, under the base
/// path, a plain left click) and the back and forward buttons.
fn listen_for_navigation(root: &web_sys::HtmlElement, base: &str, route: RwSignal<Route>) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let base_click = base.to_string();
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if super::play::clicked(&ev)
            || ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let target = anchor.target();
        if (!target.is_empty() && target != "_self") || anchor.has_attribute("download") {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let same_origin = window.location().origin().ok() == Some(anchor.origin());
        let path = anchor.pathname();
        if !same_origin || !(path.starts_with(&base_click) || path == base_click.trim_end_matches('/')) {
            return;
        }
        // A link to a place on this page (the skip link) is the browser's.
        let here = window.location();
        if !anchor.hash().is_empty()
            && here.pathname().ok() == Some(path.clone())
            && here.search().ok() == Some(anchor.search())
        {
            return;
        }
        let next = Route::parse(&path, &anchor.search(), &base_click);
        // A path the app has no page for (an author page, a feed, a file)
        // is the server's: the browser follows it.
        if next == Route::NotFound {
            return;
        }
        ev.prevent_default();
        navigate(&window, &anchor.href(), next, route);
    });
    let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();

    let base_pop = base.to_string();
    let on_pop = Closure::<dyn FnMut(web_sys::PopStateEvent)>::new(move |ev: web_sys::PopStateEvent| {
        let scroll = js_sys::Reflect::get(&ev.state(), &"scroll".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        scroll::restore_later(scroll);
        route.set(current_route(&base_pop));
    });
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
}

fn scroll_state(y: f64) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"scroll".into(), &JsValue::from_f64(y));
    state.into()
}

fn navigate(window: &web_sys::Window, href: &str, next: Route, route: RwSignal<Route>) {
    let Ok(history) = window.history() else { return };
    // Remember where the reader was, for the back button.
    let y = window.scroll_y().unwrap_or(0.0);
    let _ = history.replace_state(&scroll_state(y), "");
    let _ = history.push_state_with_url(&scroll_state(0.0), "", Some(href));
    window.scroll_to_with_x_and_y(0.0, 0.0);
    route.set(next);
}
