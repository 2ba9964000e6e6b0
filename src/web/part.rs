//! A part of the page: a region whose content follows one loader's state
//! (skeleton, content, error with Retry, not found). Every part of the page
//! is this one view with different functions plugged in, so its reactive
//! and view code is compiled once.

use leptos::prelude::*;

use super::ads;
use super::dom::{view_of, E};
use super::load::{Load, Loaded, Loader};
use super::states::{error_view, not_found};
use super::Env;

/// How a part shows each state.
pub struct Spec {
    /// Classes of the part's outer element.
    pub class: &'static str,
    /// A heading (text and id) that labels the part, and its landmark role.
    pub heading: Option<(&'static str, String)>,
    pub role: Option<&'static str>,
    /// A minimum height reserved for the content (a CSS length).
    pub room: Option<String>,
    /// The live region's text while loading and after a failure; `None`
    /// for parts too small to announce.
    pub announce: Option<(&'static str, &'static str)>,
    /// The title of the error message; `None` hides failures (the weather).
    pub failed: Option<&'static str>,
    pub compact: bool,
    /// A 404 shows the not-found view (main column parts).
    pub not_found: bool,
    /// The part is the main content: a pending scroll position is restored
    /// when it renders.
    pub main: bool,
    pub skeleton: fn(&Env) -> Option<E>,
    pub ready: Ready,
}

/// Builds a part's content from its data (`None` if the data is not its kind).
pub type Ready = std::sync::Arc<dyn Fn(&Env, &std::sync::Arc<Loaded>) -> Option<E> + Send + Sync>;

/// Set once the page's main content has rendered (or failed): `on_shown`
/// is called at once (while that content is being mounted), `settled`
/// turns true then. The page builds its secondary parts when settled, so
/// that they never delay the article.
#[derive(Clone, Copy)]
pub struct MainSettled {
    pub settled: RwSignal<bool>,
    on_shown: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

impl MainSettled {
    pub fn new(on_shown: Box<dyn FnOnce()>) -> MainSettled {
        MainSettled {
            settled: RwSignal::new(false),
            on_shown: StoredValue::new_local(Some(on_shown)),
        }
    }

    /// Marks the main content as shown, now, and as settled, once.
    /// `later`: settled in a task of its own, so that the secondary parts
    /// are built after the main content has been painted rather than in
    /// the same long task.
    pub fn settle(self, later: bool) {
        if let Some(f) = self.on_shown.try_update_value(Option::take).flatten() {
            f();
        }
        let s = self.settled;
        let set = move || {
            if s.try_get_untracked() == Some(false) {
                s.set(true);
            }
        };
        if later {
            set_timeout(set, std::time::Duration::ZERO);
        } else {
            set();
        }
    }
}

pub fn part(env: &Env, loader: Loader, spec: Spec) -> AnyView {
    let Spec {
        class,
        heading,
        role,
        room,
        announce,
        failed,
        compact,
        not_found: shows_not_found,
        main,
        skeleton,
        ready,
    } = spec;
    let env = env.clone();
    let settled = if main { use_context::<MainSettled>() } else { None };
    let labelled_by = heading.as_ref().map(|(_, id)| id.clone());
    let heading = heading.map(|(text, id)| view! { <h2 class="hd-sidebar__heading" id=id>{text}</h2> });
    let status = announce.map(|(loading, failed)| {
        view! {
            <p class="hd-sr" aria-live="polite" aria-atomic="true">
                {move || match loader.state.get() {
                    Load::Loading => loading,
                    Load::Failed(_) => failed,
                    Load::Ready(_) | Load::Idle => "",
                }}
            </p>
        }
    });
    let content = move || {
        let state = loader.state.get();
        let shown = match &state {
            Load::Ready(loaded) => ready(&env, loaded)
                .inspect(|el| ads::activate(&el.0, env.config.ads.margin_px))
                .map(view_of),
            Load::Loading => skeleton(&env).map(view_of),
            Load::Idle => None,
            Load::Failed(e) if shows_not_found && e.is_not_found() => {
                super::head::not_found(&env);
                Some(view_of(not_found(&env)))
            }
            Load::Failed(e) => {
                failed.map(|title| error_view(&env, title, e, move || loader.retry(), compact))
            }
        };
        // The main content (or its error) is there: the page goes on.
        if main && !matches!(state, Load::Loading) {
            super::app::restore_scroll_soon();
            if let Some(settled) = settled {
                settled.settle(true);
            }
        }
        shown.unwrap_or_else(|| ().into_any())
    };
    view! {
        <section
            class=class
            role=role
            aria-labelledby=labelled_by
            aria-busy=move || matches!(loader.state.get(), Load::Loading).to_string()
            hidden=move || matches!(loader.state.get(), Load::Idle)
        >
            {heading}
            {status}
            <div class="hd-part__content" style:min-height=room>
                {content}
            </div>
        </section>
    }
    .into_any()
}
