//! A small builder for DOM, and the two ties between built markup and
//! Leptos' reactive system: [`follow`] (an element whose content is
//! rebuilt when the signals it reads change) and [`watch`] (an update that
//! re-runs likewise). Every view of the widget is built with them: no typed
//! `view!` trees, which keeps the WebAssembly much smaller
//! (docs/decisions.md). Leptos' signals, effects, owners and contexts run
//! the reactive side (which part shows what, retry, routes).
//!
//! Text is always inserted as text nodes: nothing here parses HTML.

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::reactive::owner::Owner;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Bindings without error handling: these calls cannot fail for the
// constant tag and attribute names used here.
#[wasm_bindgen]
extern "C" {
    type RawDocument;

    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: RawDocument;

    #[wasm_bindgen(method, js_name = createElement)]
    fn create(this: &RawDocument, tag: &str) -> web_sys::Element;

    #[wasm_bindgen(method, js_name = createElementNS)]
    fn create_ns(this: &RawDocument, ns: &str, tag: &str) -> web_sys::Element;

    type RawElement;

    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set(this: &RawElement, name: &str, value: &str);

    #[wasm_bindgen(method, js_name = append)]
    fn append_text(this: &RawElement, text: &str);

    #[wasm_bindgen(method, js_name = append)]
    fn append_node(this: &RawElement, node: &web_sys::Element);

    #[wasm_bindgen(method, js_name = replaceChildren)]
    fn replace_children(this: &RawElement, node: &web_sys::Element);

    #[wasm_bindgen(method, js_name = replaceChildren)]
    fn clear(this: &RawElement);

    type RawStyle;

    #[wasm_bindgen(method, getter)]
    fn style(this: &RawElement) -> RawStyle;

    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &RawStyle, name: &str, value: &str);
}

fn raw(e: &web_sys::Element) -> &RawElement {
    e.unchecked_ref()
}

/// Static markup under construction: an element and what has been
/// appended to it. Built once, then handed over whole (`element`,
/// `follow`); nothing outside this module reaches into it.
pub struct Markup(web_sys::Element);

const SVG: &str = "http://www.w3.org/2000/svg";

impl Markup {
    pub fn new(tag: &str) -> Markup {
        Markup(DOCUMENT.with(|d| d.create(tag)))
    }

    /// An SVG element (for icons).
    pub fn svg(tag: &str) -> Markup {
        Markup(DOCUMENT.with(|d| d.create_ns(SVG, tag)))
    }

    pub fn cls(self, class: &str) -> Markup {
        raw(&self.0).set("class", class);
        self
    }

    pub fn attr(self, name: &str, value: &str) -> Markup {
        raw(&self.0).set(name, value);
        self
    }

    pub fn text(self, text: &str) -> Markup {
        raw(&self.0).append_text(text);
        self
    }

    pub fn child(self, child: Markup) -> Markup {
        raw(&self.0).append_node(&child.0);
        self
    }

    pub fn child_opt(self, child: Option<Markup>) -> Markup {
        if let Some(c) = child {
            raw(&self.0).append_node(&c.0);
        }
        self
    }

    pub fn children(self, children: Vec<Markup>) -> Markup {
        for c in children {
            raw(&self.0).append_node(&c.0);
        }
        self
    }

    /// The built element, handed over.
    pub fn element(self) -> web_sys::Element {
        self.0
    }

    /// The built element, for effects that need it before it is handed
    /// over (activating the ad slots inside it).
    pub fn as_element(&self) -> &web_sys::Element {
        &self.0
    }
}

/// `data-*` attributes of an element, without the prefix.
pub fn data_attributes(element: &web_sys::Element) -> Vec<(String, String)> {
    let names = element.get_attribute_names();
    names
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|name| {
            let key = name.strip_prefix("data-")?.to_string();
            let value = element.get_attribute(&name).unwrap_or_default();
            Some((key, value))
        })
        .collect()
}

/// A `<tag class="…">text</tag>`.
pub fn text_el(tag: &str, class: &str, text: &str) -> Markup {
    Markup::new(tag).cls(class).text(text)
}

/// Runs `update` now, and again whenever a signal it read changes, for as
/// long as the current reactive owner lives.
pub fn watch(update: impl FnMut() + 'static) {
    // Boxed: one effect type compiled for every call, not one per closure
    // (each is about 0.5 KB of WebAssembly).
    watch_boxed(Box::new(update));
}

fn watch_boxed(mut update: Box<dyn FnMut()>) {
    let effect = RenderEffect::new(move |_: Option<()>| update());
    // The effect stops when it is dropped: it lives as long as the owner.
    StoredValue::new_local(effect);
}

/// `host`'s content: what `render` builds, rebuilt whenever a signal it
/// read changes. Each build runs in a reactive owner of its own, cleaned
/// up (its loaders, effects, ad slots) when the next build replaces it.
pub fn follow(host: &web_sys::Element, render: impl Fn() -> Option<Markup> + 'static) {
    follow_boxed(host.clone(), Box::new(render));
}

fn follow_boxed(host: web_sys::Element, render: Box<dyn Fn() -> Option<Markup>>) {
    watch_boxed(Box::new(move || match render() {
        Some(content) => raw(&host).replace_children(&content.0),
        None => raw(&host).clear(),
    }));
}

/// A wrapper that adds no box of its own (`display: contents`), for a
/// part whose content follows its state, or for several elements at once.
pub fn group() -> Markup {
    Markup::new("div").cls("hd-dom")
}

impl Markup {
    /// An inline style property, set through the CSSOM (allowed under a
    /// Content-Security-Policy that forbids style attributes).
    pub fn style(self, name: &str, value: &str) -> Markup {
        raw(&self.0).style().set_property(name, value);
        self
    }
}

/// Built markup mounted in `parent` with its reactive owner. Dropping it
/// removes the markup and releases everything (owner, effects, requests,
/// listeners, ad slots).
pub struct Mounted {
    owner: Owner,
    element: web_sys::Element,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.element.remove();
        self.owner.cleanup();
    }
}

/// Builds markup in a new reactive owner and appends it to `parent`.
pub fn mount(parent: &web_sys::Element, build: Box<dyn FnOnce() -> Markup>) -> Mounted {
    // Leptos' tasks (`spawn_local`) run on wasm-bindgen's executor.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let element = owner.with(build).element();
    raw(parent).append_node(&element);
    Mounted { owner, element }
}
