//! Embeds on publisher pages: every `[data-herald]` placeholder, and every
//! element given to `Herald.mount`, becomes an independent widget in its
//! own Shadow DOM with the widget's stylesheet adopted inside it.
//!
//! Placeholders added later mount by themselves; removed ones unmount and
//! release everything (reactive owner, requests, observers, ad containers).
//! An element is never mounted twice. Nothing here listens outside the
//! widget's own shadow root or touches the host page's history, title or
//! globals (the loader defines the one global, `window.Herald`).

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::archives::archives_part;
use super::article::article_part;
use super::dom::{data_attributes, follow, group, mount, Markup};
use super::env::{next_instance, Env};
use super::fetch;
use super::listing::{listing_part, Place};
use super::markup::theme_class;
use super::page::page_view;
use super::schedule::yield_now;
use super::states;
use super::topbar::top_bar;
use super::trending::trending_part;
use crate::core::config::{attribute_name, Config, View};
use crate::core::route::Route;

/// A mounted widget.
struct Instance {
    id: u32,
    host: web_sys::Element,
    /// Dropping it unmounts the view and disposes its reactive owner.
    view: Option<Box<dyn std::any::Any>>,
    /// In-widget navigation; created outside the view's owner, so disposed
    /// by hand once the view is gone.
    route: RwSignal<Route>,
    container: web_sys::Element,
    /// The stylesheet's `<link>` in the shadow root, when it had to be linked.
    link: Option<web_sys::Element>,
    _on_click: Closure<dyn FnMut(web_sys::MouseEvent)>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self
            .container
            .remove_event_listener_with_callback("click", self._on_click.as_ref().unchecked_ref());
        self.container.remove();
        if let Some(link) = &self.link {
            link.remove();
        }
        let _ = self.host.remove_attribute("data-herald-mounted");
        drop(self.view.take());
        self.route.dispose();
    }
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
    /// The widget's stylesheet, shared by every shadow root.
    static SHEET: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static SHEET_URL: RefCell<String> = const { RefCell::new(String::new()) };
    static OBSERVER: RefCell<Option<Watch>> = const { RefCell::new(None) };
}

/// The observer of the page and its callback, kept for the page's life.
type Watch = (web_sys::MutationObserver, Closure<dyn FnMut(Array)>);

const PLACEHOLDERS: &str = "[data-herald]";

fn is_mounted(host: &web_sys::Element) -> bool {
    INSTANCES.with(|list| list.borrow().iter().any(|i| &i.host == host))
}

/// Attaches (or reuses) the open shadow root and gives it the stylesheet;
/// also returns the `<link>` added when the stylesheet could not be adopted.
fn shadow_root(host: &web_sys::Element) -> Option<(web_sys::ShadowRoot, Option<web_sys::Element>)> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()?,
    };
    let sheet = SHEET.with(|s| s.borrow().clone());
    let link = match sheet {
        Some(sheet) => {
            let _ = Reflect::set(&root, &"adoptedStyleSheets".into(), &Array::of1(&sheet));
            None
        }
        None => {
            // The stylesheet could not be read (e.g. no CORS on a CDN): link it.
            let url = SHEET_URL.with(|u| u.borrow().clone());
            let link = host.owner_document()?.create_element("link").ok()?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &url);
            root.append_child(&link).ok()?;
            Some(link)
        }
    };
    Some((root, link))
}

/// The view an instance shows.
fn view_for(env: Env, route: RwSignal<Route>) -> Markup {
    let body = match env.config.view {
        // The page view has its own root element.
        View::Page => return page_view(&env, route.into()),
        View::Article => article_part(&env, env.config.slug.clone()),
        View::Trending => trending_part(&env),
        View::Archives => archives_with_listing(&env, route),
        View::TopBar => top_bar(&env),
    };
    Markup::new("div")
        .cls(theme_class(env.config.theme))
        .attr("dir", env.dir())
        .attr("lang", &env.locale)
        .child(body)
}

/// The archives, and below them the listing of the month chosen there.
fn archives_with_listing(env: &Env, route: RwSignal<Route>) -> Markup {
    let month = Memo::new(move |_| route.get().archive_month());
    let page = Signal::derive(move || route.get().page());
    let listing = group();
    let listing_env = env.clone();
    follow(listing.as_element(), move || {
        month
            .get()
            .map(|(year, month)| listing_part(&listing_env, year, month, page, Place::UnderArchives))
    });
    group().child(archives_part(env)).child(listing)
}

/// Mounts a widget on `host` with configuration attributes `attrs`.
/// Returns the instance id, or `None` if `host` already has a widget.
fn mount_on(host: &web_sys::Element, attrs: Vec<(String, String)>) -> Option<u32> {
    if is_mounted(host) {
        return None;
    }
    let (root, link) = shadow_root(host)?;
    let document = host.owner_document()?;
    let container: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("herald-host");
    root.append_child(&container).ok()?;
    let _ = host.set_attribute("data-herald-mounted", "");

    let id = next_instance();
    let config = Config::from_attributes(attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let route = RwSignal::new(Route::Front);
    let view: Box<dyn std::any::Any> = match config {
        Ok(config) => {
            let env = Env::new(config, id, None, host);
            Box::new(mount(&container, Box::new(move || view_for(env, route))))
        }
        Err(errors) => {
            for e in &errors {
                web_sys::console::error_1(&format!("[herald] {e}").into());
            }
            let env = Env::new(Config::default(), id, None, host);
            Box::new(mount(
                &container,
                Box::new(move || {
                    Markup::new("div")
                        .cls("herald")
                        .child(states::config_error_view(&env, &errors))
                }),
            ))
        }
    };

    // In-widget navigation (archive months, pages): buttons, handled here,
    // inside the shadow root; the host page's clicks are never seen.
    let target = container.clone();
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if super::play::clicked(&ev) {
            return;
        }
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-herald-route]").ok().flatten());
        if let Some(button) = button {
            let path = button.get_attribute("data-herald-route").unwrap_or_default();
            let (path, query) = path.split_once('?').unwrap_or((&path, ""));
            route.set(Route::parse(path, query, "/"));
            target.scroll_into_view();
            return;
        }
        // Footnotes and their back-links: the page's URL cannot reach into
        // the shadow root, so the widget takes the reader there itself.
        let to_note = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^=\"#hd-fn\"]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(id) = to_note.as_deref().and_then(|h| h.strip_prefix('#')) {
            if let Ok(Some(el)) = target.query_selector(&format!("[id=\"{id}\"]")) {
                ev.prevent_default();
                el.scroll_into_view();
            }
        }
    });
    let _ = container.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());

    INSTANCES.with(|list| {
        list.borrow_mut().push(Instance {
            id,
            host: host.clone(),
            view: Some(view),
            route,
            container: container.into(),
            link,
            _on_click: on_click,
        })
    });
    Some(id)
}

/// Unmounts the instance `id` (dropping it releases everything).
fn unmount(id: u32) {
    let gone = INSTANCES.with(|list| {
        let mut list = list.borrow_mut();
        list.iter().position(|i| i.id == id).map(|at| list.remove(at))
    });
    drop(gone);
}

/// Mounts new placeholders and unmounts widgets whose element left the page.
fn sync(document: &web_sys::Document) {
    let gone: Vec<u32> = INSTANCES.with(|list| {
        list.borrow()
            .iter()
            .filter(|i| !i.host.is_connected())
            .map(|i| i.id)
            .collect()
    });
    for id in gone {
        unmount(id);
    }
    let Ok(found) = document.query_selector_all(PLACEHOLDERS) else {
        return;
    };
    for i in 0..found.length() {
        let Some(host) = found.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        if !is_mounted(&host) {
            let mut attrs = data_attributes(&host);
            // `data-herald="article"` names the view.
            if let Some(pos) = attrs.iter().position(|(k, _)| k == "herald") {
                let (_, view) = attrs.remove(pos);
                if !view.trim().is_empty() && !attrs.iter().any(|(k, _)| k == "view") {
                    attrs.push(("view".to_string(), view));
                }
            }
            attrs.retain(|(k, _)| k != "herald-mounted");
            mount_on(&host, attrs);
        }
    }
}

/// Whether a batch of changes to the page can concern embeds: a
/// placeholder added, or nodes removed while widgets are mounted. The
/// standalone app's own renders (and `<head>` updates) never do.
fn concerns_embeds(record: &web_sys::MutationRecord) -> bool {
    let in_app = record.target().is_some_and(|t| {
        super::app::in_app(&t)
            || t.dyn_into::<web_sys::Element>()
                .is_ok_and(|e| e.closest("head").ok().flatten().is_some())
    });
    if in_app {
        return false;
    }
    if record.removed_nodes().length() > 0 && INSTANCES.with(|list| !list.borrow().is_empty()) {
        return true;
    }
    let added = record.added_nodes();
    (0..added.length()).any(|i| {
        added
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                e.matches(PLACEHOLDERS).unwrap_or(false)
                    || e.query_selector(PLACEHOLDERS).ok().flatten().is_some()
            })
    })
}

/// Loads the stylesheet into a constructable sheet, then mounts every
/// placeholder and watches the page for more. The promise resolves once
/// that is done, so that `Herald.ready` (and `Herald.mount` after it) can
/// count on the shared stylesheet.
pub fn start(stylesheet_url: String) -> js_sys::Promise {
    SHEET_URL.with(|u| *u.borrow_mut() = stylesheet_url.clone());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return js_sys::Promise::resolve(&JsValue::UNDEFINED);
    };
    let placeholders = document.query_selector(PLACEHOLDERS).ok().flatten().is_some();
    let app = super::app::started();
    // Not Leptos' executor: it is set up by the first mount, which comes later.
    wasm_bindgen_futures::future_to_promise(async move {
        // Not in the task that starts the standalone app.
        yield_now().await;
        // A standalone app with no embeds needs no sheet; a widget mounted
        // there later falls back to a <link> in its shadow root.
        if placeholders || !app {
            if let Some(sheet) = load_sheet(&stylesheet_url).await {
                SHEET.with(|s| *s.borrow_mut() = Some(sheet));
            }
        }
        sync(&document);
        let doc = document.clone();
        let callback = Closure::<dyn FnMut(Array)>::new(move |records: Array| {
            if records.iter().any(|r| concerns_embeds(r.unchecked_ref())) {
                sync(&doc);
            }
        });
        if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
            let init = web_sys::MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            if let Some(root) = document.document_element() {
                let _ = observer.observe_with_options(&root, &init);
            }
            OBSERVER.with(|o| *o.borrow_mut() = Some((observer, callback)));
        }
        Ok(JsValue::UNDEFINED)
    })
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CSSStyleSheet)]
    type Sheet;
    #[wasm_bindgen(constructor, js_class = "CSSStyleSheet", catch)]
    fn new() -> Result<Sheet, JsValue>;
    #[wasm_bindgen(method, js_class = "CSSStyleSheet", js_name = replaceSync, catch)]
    fn replace_sync(this: &Sheet, text: &str) -> Result<(), JsValue>;
}

async fn load_sheet(url: &str) -> Option<JsValue> {
    let (_in_flight, pending) = fetch::fetch(url, 10_000, 1024 * 1024).ok()?;
    let fetched = pending.await.ok()?;
    if !(200..300).contains(&fetched.status) {
        return None;
    }
    let text = String::from_utf8(fetched.body).ok()?;
    let sheet = Sheet::new().ok()?;
    sheet.replace_sync(&text).ok()?;
    Some(sheet.into())
}

/// A handle on a widget mounted with `Herald.mount`.
#[wasm_bindgen]
pub struct Handle {
    id: Option<u32>,
}

#[wasm_bindgen]
impl Handle {
    /// Unmounts the widget and releases its resources. Safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(id) = self.id.take() {
            unmount(id);
        }
    }
}

/// `Herald.mount(element, options)`: options are the configuration
/// attributes as an object, in camelCase or as written (`articleFormat` or
/// `"article-format"`).
#[wasm_bindgen(js_name = mount)]
pub fn mount_element(element: web_sys::Element, options: JsValue) -> Handle {
    let mut attrs = Vec::new();
    if let Some(object) = options.dyn_ref::<Object>() {
        for entry in Object::entries(object).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            // `null` and `undefined` mean "not given"; numbers go through as
            // written, so that the configuration reports bad ones.
            if value.is_null() || value.is_undefined() {
                continue;
            }
            let value = value
                .as_string()
                .or_else(|| {
                    let number = value.dyn_ref::<js_sys::Number>()?;
                    number.to_string_with_radix(10).ok().map(String::from)
                })
                .or_else(|| value.as_bool().map(|b| if b { "on" } else { "off" }.to_string()))
                .unwrap_or_default();
            attrs.push((attribute_name(&key), value));
        }
    }
    Handle {
        id: mount_on(&element, attrs),
    }
}
