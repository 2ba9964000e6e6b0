//! A part of the page: a region whose content follows one loader's state
//! (skeleton, content, error with Retry, not found). Every part of the page
//! is this one view with different functions plugged in, so its reactive
//! and view code is compiled once.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::ads;
use super::dom::{follow, text_el, watch, Markup};
use super::env::Env;
use super::load::{Load, Loaded, Loader};
use super::states::{error_view, not_found};

/// How a part shows each state. Made with one of the constructors
/// ([`Spec::main`], [`Spec::sidebar`], [`Spec::quiet`]), adjusted with
/// [`Spec::role`] and [`Spec::room`].
pub struct Spec {
    /// Classes of the part's outer element.
    class: &'static str,
    /// A heading (text and id) that labels the part, and its landmark role.
    heading: Option<(&'static str, String)>,
    role: Option<&'static str>,
    /// A minimum height reserved for the content (a CSS length).
    room: Option<String>,
    /// The live region's text while loading and after a failure; `None`
    /// for parts too small to announce.
    announce: Option<(&'static str, &'static str)>,
    /// The title of the error message; `None` hides failures (the weather).
    failed: Option<&'static str>,
    compact: bool,
    /// The part is the page's main content: a 404 shows the not-found
    /// view, and the page's [`MainHook`] hears when it has rendered.
    main: bool,
    skeleton: Option<fn(&Env) -> Markup>,
    ready: Ready,
    /// The heading's text, when it follows a signal (a WordPress site's
    /// list is "Latest" without Popular Posts).
    retitle: Option<Box<dyn Fn() -> &'static str>>,
}

/// Builds a part's content from its data (`None` if the data is not its kind).
pub type Ready = std::sync::Arc<dyn Fn(&Env, &Loaded) -> Option<Markup> + Send + Sync>;

impl Spec {
    /// A part with nothing but its class and content; the constructors
    /// below add the rest.
    fn bare(class: &'static str, ready: Ready) -> Spec {
        Spec {
            class,
            heading: None,
            role: None,
            room: None,
            announce: None,
            failed: None,
            compact: true,
            main: false,
            skeleton: None,
            ready,
            retitle: None,
        }
    }

    /// The page's main content (an article, a month listing): announced
    /// while loading and on failure, a full error view, not found on 404.
    pub fn main(
        class: &'static str,
        (loading, failed): (&'static str, &'static str),
        skeleton: fn(&Env) -> Markup,
        ready: impl Fn(&Env, &Loaded) -> Option<Markup> + Send + Sync + 'static,
    ) -> Spec {
        Spec {
            announce: Some((loading, failed)),
            failed: Some(failed),
            compact: false,
            main: true,
            skeleton: Some(skeleton),
            ..Spec::bare(class, std::sync::Arc::new(ready))
        }
    }

    /// A part of the sidebar under its own heading, with a compact error.
    pub fn sidebar(
        class: &'static str,
        heading: (&'static str, String),
        failed: &'static str,
        skeleton: fn(&Env) -> Markup,
        ready: impl Fn(&Env, &Loaded) -> Option<Markup> + Send + Sync + 'static,
    ) -> Spec {
        Spec {
            heading: Some(heading),
            failed: Some(failed),
            skeleton: Some(skeleton),
            ..Spec::bare(class, std::sync::Arc::new(ready))
        }
    }

    /// A part inside another part (a year's months in the archives): a
    /// skeleton, a compact error, no heading of its own.
    pub fn inner(
        class: &'static str,
        failed: &'static str,
        skeleton: fn(&Env) -> Markup,
        ready: impl Fn(&Env, &Loaded) -> Option<Markup> + Send + Sync + 'static,
    ) -> Spec {
        Spec {
            failed: Some(failed),
            skeleton: Some(skeleton),
            ..Spec::bare(class, std::sync::Arc::new(ready))
        }
    }

    /// A small part that shows nothing while loading or after a failure
    /// (the weather: a failure is in the console only).
    pub fn quiet(
        class: &'static str,
        ready: impl Fn(&Env, &Loaded) -> Option<Markup> + Send + Sync + 'static,
    ) -> Spec {
        Spec::bare(class, std::sync::Arc::new(ready))
    }

    /// The part's landmark role.
    pub fn role(mut self, role: &'static str) -> Spec {
        self.role = Some(role);
        self
    }

    /// The heading's text, followed as it changes.
    pub fn retitle(mut self, title: Box<dyn Fn() -> &'static str>) -> Spec {
        self.retitle = Some(title);
        self
    }

    /// Room reserved for the content whatever arrives (a CSS length).
    pub fn room(mut self, room: String) -> Spec {
        self.room = Some(room);
        self
    }
}

/// What the main content became once it rendered.
pub enum Shown<'a> {
    Content(&'a std::sync::Arc<Loaded>),
    NotFound,
    Failed,
}

/// The page's hook on its main part (`page` provides it as context): told
/// once the main content has rendered, or failed, while it is mounted.
/// What follows (the document's head, scroll restoration, the secondary
/// parts) is the page's, in that one place; views only build markup.
#[derive(Clone, Copy)]
pub struct MainHook(StoredValue<OnShown, LocalStorage>);

/// The page's function behind a [`MainHook`] (a box: `part` is compiled once).
pub type OnShown = Box<dyn Fn(Shown)>;

impl MainHook {
    pub fn new(hook: OnShown) -> MainHook {
        MainHook(StoredValue::new_local(hook))
    }

    pub fn shown(self, shown: Shown) {
        self.0.with_value(|hook| hook(shown));
    }
}

/// Whether a click in a part was on its error's Retry button.
fn retry_clicked(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-herald-retry]").ok().flatten())
        .is_some()
}

/// Calls `f` on each `event` at `el`, until the current owner is cleaned
/// up (compiled once for every listener of the parts).
pub fn listen(el: &web_sys::Element, event: &'static str, f: Box<dyn FnMut(web_sys::Event)>) {
    let listener = Closure::wrap(f);
    let _ = el.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    let el = el.clone();
    let listener = StoredValue::new_local(Some(listener));
    on_cleanup(move || {
        if let Some(l) = listener.try_update_value(Option::take).flatten() {
            let _ = el.remove_event_listener_with_callback(event, l.as_ref().unchecked_ref());
        }
    });
}

pub fn part(env: &Env, loader: Loader, spec: Spec) -> Markup {
    let Spec {
        class,
        heading,
        role,
        room,
        announce,
        failed,
        compact,
        main,
        skeleton,
        ready,
        retitle,
    } = spec;
    let env = env.clone();
    let hook = if main { use_context::<MainHook>() } else { None };
    let mut section = Markup::new("section").cls(class);
    if let Some(role) = role {
        section = section.attr("role", role);
    }
    if let Some((text, id)) = &heading {
        let h2 = text_el("h2", "hd-sidebar__heading", text).attr("id", id);
        if let Some(title) = retitle {
            let el = h2.as_element().clone();
            watch(move || el.set_text_content(Some(title())));
        }
        section = section.attr("aria-labelledby", id).child(h2);
    }
    if let Some((loading, failed)) = announce {
        let status = text_el("p", "hd-sr", "")
            .attr("aria-live", "polite")
            .attr("aria-atomic", "true");
        let live = status.as_element().clone();
        watch(move || {
            live.set_text_content(Some(match loader.state.get() {
                Load::Loading => loading,
                Load::Failed(_) => failed,
                Load::Ready(_) | Load::Idle => "",
            }))
        });
        section = section.child(status);
    }
    let mut content = Markup::new("div").cls("hd-part__content");
    if let Some(room) = &room {
        content = content.style("min-height", room);
    }
    follow(content.as_element(), move || {
        let state = loader.state.get();
        let (view, shown) = match &state {
            Load::Ready(loaded) => {
                let view = ready(&env, loaded);
                if let Some(el) = &view {
                    ads::activate(el, env.config.ads.margin_px);
                }
                (view, Some(Shown::Content(loaded)))
            }
            Load::Loading => (skeleton.map(|s| s(&env)), None),
            Load::Idle => (None, None),
            Load::Failed(e) if main && e.is_not_found() => (Some(not_found(&env)), Some(Shown::NotFound)),
            Load::Failed(e) => (
                failed.map(|title| error_view(&env, title, e, compact)),
                Some(Shown::Failed),
            ),
        };
        // The main content (or its error) is there: the page goes on.
        if let (Some(hook), Some(shown)) = (hook, shown) {
            hook.shown(shown);
        }
        view
    });
    let element = section.as_element().clone();
    // Retry, when the part's error's button is clicked.
    listen(
        &element,
        "click",
        Box::new(move |ev| {
            if retry_clicked(&ev) {
                // A part inside another (a year's months in the archives)
                // retries alone.
                ev.stop_propagation();
                // A site that could not be found is looked for again.
                super::site::retried(&loader.state.get_untracked());
                loader.retry();
            }
        }),
    );
    watch(move || {
        let state = loader.state.get();
        let busy = matches!(state, Load::Loading);
        let _ = element.set_attribute("aria-busy", if busy { "true" } else { "false" });
        let _ = element.toggle_attribute_with_force("hidden", matches!(state, Load::Idle));
    });
    section.child(content)
}
