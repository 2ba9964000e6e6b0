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

/// An element under construction.
pub struct E(pub web_sys::Element);

const SVG: &str = "http://www.w3.org/2000/svg";

impl E {
    pub fn new(tag: &str) -> E {
        E(DOCUMENT.with(|d| d.create(tag)))
    }

    /// An SVG element (for icons).
    pub fn svg(tag: &str) -> E {
        E(DOCUMENT.with(|d| d.create_ns(SVG, tag)))
    }

    pub fn cls(self, class: &str) -> E {
        raw(&self.0).set("class", class);
        self
    }

    pub fn attr(self, name: &str, value: &str) -> E {
        raw(&self.0).set(name, value);
        self
    }

    pub fn text(self, text: &str) -> E {
        raw(&self.0).append_text(text);
        self
    }

    pub fn child(self, child: E) -> E {
        raw(&self.0).append_node(&child.0);
        self
    }

    pub fn child_opt(self, child: Option<E>) -> E {
        if let Some(c) = child {
            raw(&self.0).append_node(&c.0);
        }
        self
    }

    pub fn children(self, children: Vec<E>) -> E {
        for c in children {
            raw(&self.0).append_node(&c.0);
        }
        self
    }

    pub fn element(self) -> web_sys::Element {
        self.0
    }
}

/// A `<tag class="…">text</tag>`.
pub fn text_el(tag: &str, class: &str, text: &str) -> E {
    E::new(tag).cls(class).text(text)
}

/// Puts a built element into a Leptos view: `<div use:attach=element>`.
/// When Leptos reuses the wrapper for the next state, the new content
/// replaces the old.
pub fn attach(host: web_sys::Element, child: web_sys::Element) {
    raw(&host).replace_children(&child);
}

/// A built element as a Leptos view (inside a `display: contents` wrapper).
pub fn view_of(el: E) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let el = el.element();
    view! { <div class="hd-dom" use:attach=el></div> }.into_any()
}
