//! The standalone app's document head: title, meta description, canonical
//! link and JSON-LD, set when the main content changes. Embeds never touch
//! the host page's head.

use std::cell::RefCell;

use super::dom::Markup;
use super::env::Env;
use crate::core::article::Article;
use crate::core::seo::{article_head, title, Head};

thread_local! {
    /// The page's own title when the app started: the site's name.
    static SITE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

pub fn site_name() -> String {
    SITE.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| document().map(|d| d.title()).unwrap_or_default())
            .clone()
    })
}

/// The element `selector` in the head, created by `make` if missing.
fn head_element(selector: &str, make: impl FnOnce() -> Markup) -> Option<web_sys::Element> {
    let document = document()?;
    let head = document.head()?;
    match head.query_selector(selector).ok().flatten() {
        Some(el) => Some(el),
        None => {
            let el = make().element();
            head.append_child(&el).ok()?;
            Some(el)
        }
    }
}

fn set(head: &Head) {
    let Some(document) = document() else { return };
    document.set_title(&head.title);
    let meta = |name: &str, content: Option<&str>| {
        let selector = format!("meta[name=\"{name}\"]");
        match content {
            Some(c) => {
                if let Some(el) = head_element(&selector, || Markup::new("meta").attr("name", name)) {
                    let _ = el.set_attribute("content", c);
                }
            }
            None => {
                if let Some(el) = document.query_selector(&selector).ok().flatten() {
                    el.remove();
                }
            }
        }
    };
    meta("description", head.description.as_deref());
    meta("robots", head.noindex.then_some("noindex"));
    match &head.canonical {
        Some(url) => {
            if let Some(el) = head_element("link[rel=canonical]", || {
                Markup::new("link").attr("rel", "canonical")
            }) {
                let _ = el.set_attribute("href", url);
            }
        }
        None => {
            if let Some(el) = document.query_selector("link[rel=canonical]").ok().flatten() {
                el.remove();
            }
        }
    }
    let ld = "script[type=\"application/ld+json\"][data-herald-ld]";
    if let Some(el) = document.query_selector(ld).ok().flatten() {
        el.remove();
    }
    if let (Some(text), Some(head_el)) = (&head.json_ld, document.head()) {
        // Text, never markup: the JSON is escaped so it cannot end the
        // element. Set through the Trusted Types policy where there is one.
        let el = Markup::new("script")
            .attr("type", "application/ld+json")
            .attr("data-herald-ld", "")
            .element();
        super::trusted::set_json_ld(&el, text);
        let _ = head_el.append_child(&el);
    }
}

fn here() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// The head for an article (standalone app only).
pub fn article(env: &Env, a: &Article) {
    if env.base.is_some() {
        set(&article_head(a, &site_name()));
    }
}

/// The head for a page that is not an article: a month listing.
pub fn page(env: &Env, page_title: &str) {
    if env.base.is_some() {
        set(&Head {
            title: title(page_title, &site_name()),
            description: Some(page_title.to_string()),
            canonical: here(),
            json_ld: None,
            noindex: false,
        });
    }
}

/// The head of the not-found page.
pub fn not_found(env: &Env) {
    if env.base.is_some() {
        set(&Head {
            title: title(env.t().not_found_title, &site_name()),
            description: None,
            canonical: None,
            json_ld: None,
            noindex: true,
        });
    }
}
