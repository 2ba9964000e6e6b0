//! A small builder for static DOM: the article, lists and cards are built
//! with it once their data has arrived. Leptos runs the reactive shell
//! (which part shows what, retry, routes); the bulk of the markup is built
//! here without generics, which keeps the WebAssembly several times smaller
//! than the same markup as typed views (see ARCHITECTURE.md).
//!
//! Text is always inserted as text nodes: nothing here parses HTML.

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
}

fn raw(e: &web_sys::Element) -> &RawElement {
    e.unchecked_ref()
}

/// Static markup under construction: an element and what has been
/// appended to it. Built once, then handed over whole (`element`,
/// `view_of`); nothing outside this module reaches into it.
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

/// Puts a built element into a Leptos view: `<div use:attach=element>`.
/// When Leptos reuses the wrapper for the next state, the new content
/// replaces the old.
pub fn attach(host: web_sys::Element, child: web_sys::Element) {
    raw(&host).replace_children(&child);
}

/// A built element as a Leptos view (inside a `display: contents` wrapper).
pub fn view_of(el: Markup) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let el = el.element();
    view! { <div class="hd-dom" use:attach=el></div> }.into_any()
}
