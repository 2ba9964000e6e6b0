//! The browser half of the one sanitizing path: `DOMParser` reads untrusted
//! HTML into an inert document (no script runs, nothing loads), and this
//! turns it into `core::html::Node`s for the allow-list walk in
//! `core::html`.
//!
//! Content can clobber DOM properties (`<form><input name="nodeType">`
//! makes `form.nodeType` an element, `<img name="body">` shadows
//! `document.body`), so nothing here reads a property of a parsed node:
//! every read goes through the getters and methods of the DOM prototypes
//! themselves, taken once. Attributes are read with `getAttribute`, so a
//! `<base>` in the content changes nothing either.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomParser;

use crate::core::error::Problem;
use crate::core::html::{HtmlParser, Node, MAX_DEPTH};
use crate::core::xmlfeed;

const XHTML: &str = "http://www.w3.org/1999/xhtml";
const SVG: &str = "http://www.w3.org/2000/svg";
const TEXT_NODE: f64 = 3.0;
const CDATA_NODE: f64 = 4.0;
const ELEMENT_NODE: f64 = 1.0;

/// The attributes the sanitizer reads; others are never looked at.
const READ: &[&str] = crate::core::html::ATTRIBUTES;

/// The DOM's own accessors, immune to clobbering by the content.
struct Dom {
    node_type: Function,
    node_value: Function,
    child_nodes: Function,
    local_name: Function,
    namespace_uri: Function,
    get_attribute: Function,
    body: Function,
}

fn prototype(global: &str) -> Option<Object> {
    let window = web_sys::window()?;
    let class = Reflect::get(&window, &global.into()).ok()?;
    Reflect::get(&class, &"prototype".into()).ok()?.dyn_into().ok()
}

fn getter(proto: &Object, name: &str) -> Option<Function> {
    let descriptor = Object::get_own_property_descriptor(proto, &name.into());
    Reflect::get(&descriptor, &"get".into()).ok()?.dyn_into().ok()
}

impl Dom {
    fn new() -> Option<Dom> {
        let node = prototype("Node")?;
        let element = prototype("Element")?;
        let document = prototype("Document")?;
        Some(Dom {
            node_type: getter(&node, "nodeType")?,
            node_value: getter(&node, "nodeValue")?,
            child_nodes: getter(&node, "childNodes")?,
            local_name: getter(&element, "localName")?,
            namespace_uri: getter(&element, "namespaceURI")?,
            get_attribute: Reflect::get(&element, &"getAttribute".into())
                .ok()?
                .dyn_into()
                .ok()?,
            body: getter(&document, "body")?,
        })
    }

    fn string(&self, f: &Function, this: &JsValue) -> Option<String> {
        f.call0(this).ok()?.as_string()
    }

    fn children(&self, node: &JsValue) -> Vec<JsValue> {
        let Ok(list) = self.child_nodes.call0(node) else {
            return Vec::new();
        };
        let Ok(list) = list.dyn_into::<web_sys::NodeList>() else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(JsValue::from)
            .collect()
    }

    /// A parsed node and what it holds, as `core::html` reads it. For an
    /// HTML fragment (`xml` false): elements outside XHTML become an empty
    /// `svg` or `math` (dropped whole by the sanitizer), names lower-case,
    /// the attributes of `html::ATTRIBUTES`. For a feed (`xml`): elements
    /// named with their namespace's canonical prefix (`content:encoded`),
    /// the attributes of `xmlfeed::XML_ATTRIBUTES`, CDATA as text.
    fn convert(&self, node: &JsValue, depth: usize, out: &mut Vec<Node>, xml: bool) {
        let kind = self.node_type.call0(node).ok().and_then(|k| k.as_f64());
        if kind == Some(TEXT_NODE) || (xml && kind == Some(CDATA_NODE)) {
            if let Some(text) = self.string(&self.node_value, node) {
                out.push(Node::Text(text));
            }
            return;
        }
        if kind != Some(ELEMENT_NODE) {
            // Comments, processing instructions, doctypes: nothing to show.
            return;
        }
        let ns = self.string(&self.namespace_uri, node).unwrap_or_default();
        if !xml && ns != XHTML {
            out.push(Node::Element {
                tag: if ns == SVG { "svg" } else { "math" }.to_string(),
                attrs: Vec::new(),
                children: Vec::new(),
            });
            return;
        }
        let names = if xml { xmlfeed::XML_ATTRIBUTES } else { READ };
        let attrs = names
            .iter()
            .filter_map(|name| {
                let v = self
                    .get_attribute
                    .call1(node, &JsValue::from_str(name))
                    .ok()?
                    .as_string()?;
                Some((name.to_string(), v))
            })
            .collect();
        let mut children = Vec::new();
        if depth <= MAX_DEPTH {
            for child in self.children(node) {
                self.convert(&child, depth + 1, &mut children, xml);
            }
        }
        let local = self.string(&self.local_name, node).unwrap_or_default();
        out.push(Node::Element {
            tag: if xml {
                format!("{}{local}", xmlfeed::prefix(&ns))
            } else {
                local.to_ascii_lowercase()
            },
            attrs,
            children,
        });
    }
}

thread_local! {
    static DOM: OnceCell<Option<Dom>> = const { OnceCell::new() };
}

/// Parses `html` inertly into a document, through the Trusted Types policy
/// when there is one.
fn parse_document(html: &str, mime: &str) -> Option<JsValue> {
    let parser = DomParser::new().ok()?;
    let input = super::trusted::html(html)?;
    let parse: Function = Reflect::get(&parser, &"parseFromString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // It fails only where Trusted Types are enforced without the `herald`
    // policy, which the loader reports.
    parse.call2(&parser, &input, &mime.into()).ok()
}

/// Parses a feed with the browser's XML parser, inertly (no entity is
/// fetched, no script runs, expansion is bounded by the parser), into a
/// tree for `core::xmlfeed`; the parser's complaint is the error.
pub fn parse_xml(text: &str) -> Result<Node, Problem> {
    crate::core::limits::xml_within_limit(text).map_err(Problem::OverLimit)?;
    let failed = || Problem::XmlSyntax("the browser's XML parser is not available".into());
    // An XML document has no named properties (unlike an HTML one): its own
    // accessors can be used.
    let doc: web_sys::Document = parse_document(text, "application/xml")
        .and_then(|d| d.dyn_into().ok())
        .ok_or_else(failed)?;
    // A document the parser refused holds a `parsererror` element.
    if let Ok(Some(error)) = doc.query_selector("parsererror") {
        // Chromium's words around the parser's own message are left out.
        let text = error.text_content().unwrap_or_default();
        let text = text.rsplit("errors:").next().unwrap_or("");
        let text = text.split("Below is").next().unwrap_or("").trim();
        return Err(Problem::XmlSyntax(text.chars().take(300).collect()));
    }
    DOM.with(|cell| {
        let dom = cell.get_or_init(Dom::new).as_ref().ok_or_else(failed)?;
        let root = doc.document_element().ok_or(Problem::Empty)?;
        let mut out = Vec::new();
        dom.convert(&root.into(), 1, &mut out, true);
        out.pop().ok_or(Problem::Empty)
    })
}

/// The browser's HTML parser and time-zone rules, for the readers; `zone`
/// is the configured time zone (`data-time-zone`).
pub struct BrowserHtml<'a> {
    pub zone: Option<&'a str>,
}

impl HtmlParser for BrowserHtml<'_> {
    fn zone_offset(&self, unix_ms: i64) -> Option<i32> {
        super::intl::zone_offset(self.zone?, unix_ms)
    }

    fn parse(&self, html: &str) -> Vec<Node> {
        let Some(doc) = parse_document(html, "text/html") else {
            return Vec::new();
        };
        DOM.with(|cell| {
            let Some(dom) = cell.get_or_init(Dom::new) else {
                return Vec::new();
            };
            let Ok(body) = dom.body.call0(&doc) else {
                return Vec::new();
            };
            if body.is_null() || body.is_undefined() {
                return Vec::new();
            }
            let mut out = Vec::new();
            for child in dom.children(&body) {
                dom.convert(&child, 1, &mut out, false);
            }
            out
        })
    }
}
