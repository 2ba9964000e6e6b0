//! Ad slots: a labelled box that reserves its space, and lazy activation.
//!
//! Each slot's container is an ordinary element of the host page's DOM (in
//! an embed it is a light-DOM child of the widget's host element, shown
//! through a `<slot>`), so that ad libraries such as Google Publisher Tag,
//! which look slots up by id in the document, can fill it. When the slot
//! comes within the configured margin of the viewport the widget dispatches
//! one `herald:adslot` event on the container (bubbling, composed) with the
//! slot's id, name, sizes and element. See docs/ads.md.

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

use super::dom::{text_el, Markup};
use super::env::Env;
use crate::core::ads::{sizes_attr, slot_id, SlotKind};

/// The event a publisher's ad code listens for.
pub const EVENT: &str = "herald:adslot";

/// A labelled slot of `kind`; `None` when ads are switched off.
pub fn ad_slot(env: &Env, kind: SlotKind, index: usize) -> Option<Markup> {
    if !env.config.ads.enabled {
        return None;
    }
    let id = slot_id(env.instance, kind, index);
    Some(
        Markup::new("div")
            .cls(&format!("hd-ad hd-ad--{}", kind.name()))
            .attr("data-herald-ad", &id)
            .attr("data-kind", kind.name())
            .child(text_el("p", "hd-ad__label", env.t().advertisement))
            .child(
                Markup::new("div")
                    .cls("hd-ad__box")
                    .child(Markup::new("slot").attr("name", &id)),
            ),
    )
}

fn kind_of(name: &str) -> SlotKind {
    match name {
        "leaderboard" => SlotKind::Leaderboard,
        "sidebar" => SlotKind::Sidebar,
        _ => SlotKind::InArticle,
    }
}

/// The width the widget lays out in (its container, not the window).
fn layout_width(wrapper: &web_sys::Element) -> u32 {
    wrapper
        .closest(".herald")
        .ok()
        .flatten()
        .map(|e| e.client_width().max(0) as u32)
        .unwrap_or(1024)
}

fn dispatch(container: &web_sys::Element, id: &str, kind: SlotKind, sizes: &[(u32, u32)]) {
    let detail = Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&detail, &JsValue::from_str(k), v);
    };
    set("id", &id.into());
    set("name", &kind.name().into());
    let list: Array = sizes
        .iter()
        .map(|(w, h)| Array::of2(&JsValue::from(*w), &JsValue::from(*h)))
        .collect();
    set("sizes", &list);
    set("element", container);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = container.dispatch_event(&event);
    }
}

/// A live slot: its container in the page and its observer, released on drop.
pub struct Mounted {
    container: web_sys::Element,
    observer: Option<IntersectionObserver>,
    _callback: Closure<dyn FnMut(Array, IntersectionObserver)>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
        self.container.remove();
    }
}

fn mount(wrapper: &web_sys::Element, margin: u32) -> Option<Mounted> {
    let id = wrapper.get_attribute("data-herald-ad")?;
    let kind = kind_of(&wrapper.get_attribute("data-kind").unwrap_or_default());
    let slot = wrapper.query_selector("slot").ok().flatten()?;
    let document = wrapper.owner_document()?;
    let container = document.create_element("div").ok()?;
    container.set_id(&id);
    container.set_class_name("herald-ad-slot");
    let _ = container.set_attribute("data-herald-slot", kind.name());
    // Every size the slot may take; the event says which one applies.
    let _ = container.set_attribute("data-sizes", &sizes_attr(kind.all_sizes()));
    // In an embed the container lives in the host page's DOM, slotted in.
    match wrapper.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(root) => {
            let _ = container.set_attribute("slot", &id);
            let _ = root.host().append_child(&container);
        }
        Err(_) => {
            let _ = slot.append_child(&container);
        }
    }

    let fired = std::cell::Cell::new(false);
    let target = container.clone();
    let watched = wrapper.clone();
    let callback = Closure::<dyn FnMut(Array, IntersectionObserver)>::new(
        move |entries: Array, observer: IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .map(|e| e.is_intersecting())
                    .unwrap_or(false)
            });
            if near && !fired.replace(true) {
                observer.disconnect();
                // Measured here, where layout is already done, never at mount:
                // reading a size then would force a layout of the whole page.
                dispatch(&target, &id, kind, kind.sizes(layout_width(&watched)));
            }
        },
    );
    let init = IntersectionObserverInit::new();
    init.set_root_margin(&format!("{margin}px 0px {margin}px 0px"));
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
    if let Some(o) = &observer {
        o.observe(wrapper);
    }
    Some(Mounted {
        container,
        observer,
        _callback: callback,
    })
}

/// Activates the slots inside `markup` (or `markup` itself) once it is mounted, and releases them
/// when the current reactive owner is cleaned up (the part re-renders or
/// the widget is unmounted). The standalone app may be built off the
/// document (see `app`): a slot's observer then fires once it is attached.
pub fn activate(markup: &Markup, margin: u32) {
    let mounted = StoredValue::new_local(Vec::<Mounted>::new());
    on_cleanup(move || {
        mounted.try_update_value(|m| m.clear());
    });
    let root = markup.as_element().clone();
    // The element is mounted by the end of the current render.
    spawn_local(async move {
        // Replaced (and cleaned up) in the meantime: nothing to activate.
        if mounted.is_disposed() {
            return;
        }
        let mut wrappers = Vec::new();
        if root.has_attribute("data-herald-ad") {
            wrappers.push(root.clone());
        }
        if let Ok(list) = root.query_selector_all("[data-herald-ad]") {
            wrappers.extend(
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|n| n.dyn_into::<web_sys::Element>().ok()),
            );
        }
        let slots: Vec<Mounted> = wrappers.iter().filter_map(|w| mount(w, margin)).collect();
        // If the part was cleaned up meanwhile, dropping them releases them.
        mounted.try_update_value(|m| m.extend(slots));
    });
}
