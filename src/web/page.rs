//! The page: top bar, optional leaderboard, the main column (article,
//! month listing or not found) and the sidebar (archives, the medium
//! rectangle ad, trending). Every part loads on its own; a failure shows in
//! its part only.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ads::{self, ad_slot};
use super::archives::archives_part;
use super::article::{article_part, article_url};
use super::dom::{follow, group, text_el, Markup};
use super::env::Env;
use super::fetch;
use super::head;
use super::listing::{self, listing_part, Place};
use super::load::absolute_url;
use super::markup::theme_class;
use super::part::{MainHook, Shown};
use super::schedule::yield_now;
use super::scroll;
use super::site;
use super::states::{article_skeleton, not_found};
use super::topbar::top_bar_contents;
use super::trending::trending_part;
use crate::core::ads::SlotKind;
use crate::core::config::Config;
use crate::core::route::Route;

/// What the main column shows; changes of page within a month are not a change.
#[derive(Clone, PartialEq)]
enum Main {
    Article(Option<String>),
    Listing(i32, u32),
    NotFound,
}

fn main_of(route: &Route, lead: &Option<String>) -> Main {
    match route {
        Route::Front => Main::Article(lead.clone()),
        Route::Article(slug) => Main::Article(Some(slug.clone())),
        Route::Archive { year, month, .. } => Main::Listing(*year, *month),
        Route::NotFound => Main::NotFound,
    }
}

/// Starts every request a page for `route` will make, the main content's
/// first (see `fetch::prefetch`).
pub fn prefetch(config: &Config, route: &Route) {
    let main = match main_of(route, &config.slug) {
        Main::Article(slug) => article_url(config, slug.as_deref().unwrap_or(""), None),
        Main::Listing(year, month) => listing::listing_url(config, year, month, route.page()),
        Main::NotFound => None,
    };
    let others = [&config.trending, &config.archives, &config.weather];
    // A WordPress site's index, for the discovery (`site`).
    let index = config
        .wordpress
        .as_deref()
        .and_then(|address| site::index_url(&crate::core::wpsite::roots(address)[0]));
    let urls = main
        .into_iter()
        .chain(index)
        .chain(others.into_iter().flatten().filter_map(|s| absolute_url(&s.url)));
    for url in urls {
        fetch::prefetch(&url, config.timeout_ms);
    }
}

/// An ad slot, activated while the current owner lives.
fn slot_view(env: &Env, kind: SlotKind) -> Option<Markup> {
    ad_slot(env, kind, 0).inspect(|slot| ads::activate(slot, env.config.ads.margin_px))
}

/// Set once the page's main content has rendered (or failed): `on_shown`
/// is called at once (while that content is being mounted), `settled`
/// turns true then. The page builds its secondary parts when settled, so
/// that they never delay the article.
#[derive(Clone, Copy)]
struct MainSettled {
    settled: RwSignal<bool>,
    on_shown: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

impl MainSettled {
    fn new(on_shown: Box<dyn FnOnce()>) -> MainSettled {
        MainSettled {
            settled: RwSignal::new(false),
            on_shown: StoredValue::new_local(Some(on_shown)),
        }
    }

    /// Marks the main content as shown, now, and as settled, once.
    /// `later`: settled in a task of its own, so that the secondary parts
    /// are built after the main content has been painted rather than in
    /// the same long task.
    fn settle(self, later: bool) {
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

/// What follows once the main content has rendered, in one place: the
/// document's head (standalone app only), a pending scroll position, and
/// the secondary parts.
fn main_shown(env: &Env, main: &Main, shown: Shown, settled: MainSettled) {
    match shown {
        // The head is not drawn: it is set in the next task, which keeps
        // the article's own task shorter.
        Shown::Content(loaded) if loaded.article().is_some() => {
            let (env, loaded) = (env.clone(), loaded.clone());
            set_timeout(
                move || {
                    if let Some(a) = loaded.article() {
                        head::article(&env, a);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        Shown::Content(_) => {
            if let Main::Listing(year, month) = main {
                head::page(env, &listing::title(env, *year, *month));
            }
        }
        Shown::NotFound => head::not_found(env),
        Shown::Failed => {}
    }
    scroll::restore_soon();
    settled.settle(true);
}

/// At the latest, how long after the page starts its secondary parts are built.
pub const SECONDARY_AFTER_MS: u64 = 600;

/// The whole page for `route`.
///
/// It is built in steps, each in a task of its own, so that none of them
/// is long enough to keep a tap or a key press waiting: the layout with the
/// main column's skeleton; then the main content's part; once that has
/// rendered, the top bar's contents, the archives with the sidebar ad, and
/// trending. Every box is there from the first step (or is added at the end
/// of the sidebar), so nothing moves when a later step fills it.
pub fn page_view(env: &Env, route: Signal<Route>) -> Markup {
    page_view_then(env, route, Box::new(|| {}))
}

/// [`page_view`], calling `on_shown` once the main content has rendered
/// (or failed, or after [`SECONDARY_AFTER_MS`]), in the same task. (A box,
/// not a type parameter: this function is compiled once.)
pub fn page_view_then(env: &Env, route: Signal<Route>, on_shown: Box<dyn FnOnce()>) -> Markup {
    let t = env.t();
    let lead = env.config.slug.clone();
    let main = Memo::new(move |_| main_of(&route.get(), &lead));
    let page = Signal::derive(move || route.get().page());
    let main_started = RwSignal::new(false);
    let top_started = RwSignal::new(false);
    let archives_started = RwSignal::new(false);
    let trending_started = RwSignal::new(false);
    spawn_local(async move {
        yield_now().await;
        let _ = main_started.try_set(true);
    });
    // The secondary parts wait for the main content: on a cold load they
    // would otherwise sit between the article's arrival and its rendering.
    let main_settled = MainSettled::new(on_shown);
    let settled = main_settled.settled;
    let hook_env = env.clone();
    provide_context(MainHook::new(Box::new(move |shown| {
        main_shown(&hook_env, &main.get_untracked(), shown, main_settled)
    })));
    // A slow (or absent) main content does not hold the rest back for long.
    set_timeout(
        move || main_settled.settle(false),
        std::time::Duration::from_millis(SECONDARY_AFTER_MS),
    );
    // `settled` turns true once (`MainSettled::settle`), so this runs once.
    Effect::new(move |_| {
        if settled.get() {
            spawn_local(async move {
                for step in [top_started, archives_started, trending_started] {
                    if step.try_set(true).is_some() {
                        return;
                    }
                    yield_now().await;
                }
            });
        }
    });
    // The standalone page's main landmark; an embed leaves landmarks to its
    // host page, which has its own <main>.
    let main_region = match env.base.is_some() {
        true => Markup::new("main")
            .attr("id", &env.id("main"))
            .attr("tabindex", "-1"),
        false => Markup::new("div"),
    }
    .cls("hd-main");
    {
        let env = env.clone();
        follow(main_region.as_element(), move || {
            let main = main.get();
            if !main_started.get() {
                return match main {
                    Main::Article(_) => Some(article_skeleton()),
                    Main::Listing(..) => Some(listing::skeleton()),
                    Main::NotFound => None,
                };
            }
            Some(match main {
                Main::Article(slug) => article_part(&env, slug),
                Main::Listing(year, month) => listing_part(&env, year, month, page, Place::Main),
                Main::NotFound => {
                    main_shown(&env, &Main::NotFound, Shown::NotFound, main_settled);
                    not_found(&env)
                }
            })
        });
    }
    let top = Markup::new("div").cls("hd-topbar");
    {
        let env = env.clone();
        follow(top.as_element(), move || {
            top_started.get().then(|| top_bar_contents(&env))
        });
    }
    let archives = group();
    {
        let env = env.clone();
        follow(archives.as_element(), move || {
            archives_started.get().then(|| {
                group()
                    .child(archives_part(&env))
                    .child_opt(slot_view(&env, SlotKind::Sidebar))
            })
        });
    }
    let trending = group();
    {
        let env = env.clone();
        follow(trending.as_element(), move || {
            trending_started.get().then(|| trending_part(&env))
        });
    }
    let skip = env
        .base
        .is_some()
        .then(|| text_el("a", "hd-skip", t.skip_to_content).attr("href", &format!("#{}", env.id("main"))));
    let leaderboard = env
        .config
        .ads
        .leaderboard
        .then(|| slot_view(env, SlotKind::Leaderboard))
        .flatten();
    Markup::new("div")
        .cls(theme_class(env.config.theme))
        .attr("dir", env.dir())
        .attr("lang", &env.locale)
        .child_opt(skip)
        .child(
            Markup::new("div")
                .cls("hd-page")
                .child(top)
                .child_opt(leaderboard)
                .child(
                    Markup::new("div").cls("hd-columns").child(main_region).child(
                        Markup::new("aside")
                            .cls("hd-sidebar")
                            .attr("aria-label", t.sidebar)
                            .child(archives)
                            .child(trending),
                    ),
                ),
        )
}
