//! The page: top bar, optional leaderboard, the main column (article,
//! month listing or not found) and the sidebar (archives, the medium
//! rectangle ad, trending). Every part loads on its own; a failure shows in
//! its part only.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ads::{self, ad_slot};
use super::archives::archives_part;
use super::article;
use super::dom::view_of;
use super::fetch::Fetched;
use super::head;
use super::listing::{listing_part, Place};
use super::load::{absolute_url, use_loader, Loaded, Request};
use super::part::MainSettled;
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::schedule::yield_now;
use super::states::{article_skeleton, not_found};
use super::topbar::top_bar_contents;
use super::trending::trending_part;
use super::Env;
use crate::core::ads::SlotKind;
use crate::core::config::{Config, Theme};
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::json::Json;
use crate::core::route::Route;
use crate::core::url::fill;

fn decode_article(
    _: &Config,
    format: Format,
    json: &Json,
    req: &Request,
    _: &Fetched,
) -> Result<Parsed<Loaded>, Problem> {
    feed::article(format, json, &req.url, &BrowserHtml, req.slug.as_deref()).map(|p| p.map(Loaded::Article))
}

/// The article's URL for `slug`; `None` when there is nothing to load yet.
/// Without a slug, the article URL is used as it is (an embed of one article).
pub fn article_url(config: &Config, slug: &str) -> Option<String> {
    let source = config.article.as_ref()?;
    if slug.is_empty() && source.url.contains("{slug}") {
        return None;
    }
    absolute_url(&fill(&source.url, &[("slug", slug)]))
}

/// The article part: skeleton, then the article, its error or not-found.
pub fn article_part(env: &Env, slug: Option<String>) -> AnyView {
    let config = env.config.clone();
    if slug.as_deref().unwrap_or("").is_empty()
        && config.article.as_ref().is_some_and(|s| s.url.contains("{slug}"))
    {
        web_sys::console::warn_1(
            &"[herald] article: data-article is a template with {slug} but no slug is given (set data-slug)"
                .into(),
        );
    }
    let loader = use_loader(env, move || {
        let slug = slug.clone().unwrap_or_default();
        let mut req = Request::new(
            Feed::Article,
            article_url(&config, &slug)?,
            config.article.as_ref()?.format,
            decode_article,
        );
        req.slug = (!slug.is_empty()).then_some(slug);
        Some(req)
    });
    // In a task of its own, while the request is on the way.
    let warm = env.clone();
    set_timeout(move || warm.warm_up(), std::time::Duration::ZERO);
    let t = env.t();
    part(
        env,
        loader,
        Spec {
            class: "hd-part hd-part--article",
            heading: None,
            role: None,
            room: None,
            announce: Some((t.loading_article, t.error_article)),
            failed: Some(t.error_article),
            compact: false,
            not_found: true,
            main: true,
            skeleton: |_| Some(article_skeleton()),
            ready: Arc::new(|env, loaded| match &**loaded {
                Loaded::Article(a) => {
                    // The head is not drawn: it is set in the next task,
                    // which keeps the article's own task shorter.
                    let (head_env, later) = (env.clone(), loaded.clone());
                    set_timeout(
                        move || {
                            if let Loaded::Article(a) = &*later {
                                head::article(&head_env, a);
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                    Some(article::article(env, a))
                }
                _ => None,
            }),
        },
    )
}

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
        Main::Article(slug) => article_url(config, slug.as_deref().unwrap_or("")),
        Main::Listing(year, month) => super::listing::listing_url(config, year, month, route.page()),
        Main::NotFound => None,
    };
    let others = [&config.trending, &config.archives, &config.weather];
    let urls = main
        .into_iter()
        .chain(others.into_iter().flatten().filter_map(|s| absolute_url(&s.url)));
    for url in urls {
        super::fetch::prefetch(&url, config.timeout_ms);
    }
}

/// An ad slot as a view, activated while it is mounted.
fn slot_view(env: &Env, kind: SlotKind) -> Option<AnyView> {
    ad_slot(env, kind, 0).map(|slot| {
        ads::activate(&slot.0, env.config.ads.margin_px);
        view_of(slot)
    })
}

pub fn theme_class(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "herald",
        Theme::Light => "herald hd-theme-light",
        Theme::Dark => "herald hd-theme-dark",
    }
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
pub fn page_view(env: &Env, route: Signal<Route>) -> AnyView {
    page_view_then(env, route, Box::new(|| {}))
}

/// [`page_view`], calling `on_shown` once the main content has rendered
/// (or failed, or after [`SECONDARY_AFTER_MS`]), in the same task. (A box,
/// not a type parameter: this function is compiled once.)
pub fn page_view_then(env: &Env, route: Signal<Route>, on_shown: Box<dyn FnOnce()>) -> AnyView {
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
    provide_context(main_settled);
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
    let main_view = {
        let env = env.clone();
        move || {
            let main = main.get();
            if !main_started.get() {
                return match main {
                    Main::Article(_) => view_of(article_skeleton()),
                    Main::Listing(..) => view_of(super::listing::skeleton()),
                    Main::NotFound => ().into_any(),
                };
            }
            match main {
                Main::Article(slug) => article_part(&env, slug),
                Main::Listing(year, month) => listing_part(&env, year, month, page, Place::Main),
                Main::NotFound => {
                    head::not_found(&env);
                    super::app::restore_scroll_soon();
                    main_settled.settle(true);
                    view_of(not_found(&env))
                }
            }
        }
    };
    let top = {
        let env = env.clone();
        move || top_started.get().then(|| top_bar_contents(&env))
    };
    let archives = {
        let env = env.clone();
        move || {
            archives_started.get().then(|| {
                view! {
                    {archives_part(&env)}
                    {slot_view(&env, SlotKind::Sidebar)}
                }
            })
        }
    };
    let trending = {
        let env = env.clone();
        move || trending_started.get().then(|| trending_part(&env))
    };
    let main_id = env.id("main");
    let skip = env.base.is_some().then(|| {
        view! { <a class="hd-skip" href=format!("#{main_id}")>{t.skip_to_content}</a> }
    });
    let leaderboard = env
        .config
        .ads
        .leaderboard
        .then(|| slot_view(env, SlotKind::Leaderboard))
        .flatten();
    // The standalone page's main landmark; an embed leaves landmarks to its
    // host page, which has its own <main>.
    let main_region = if env.base.is_some() {
        view! { <main class="hd-main" id=env.id("main") tabindex="-1">{main_view}</main> }.into_any()
    } else {
        view! { <div class="hd-main">{main_view}</div> }.into_any()
    };
    view! {
        <div class=theme_class(env.config.theme) dir=env.dir() lang=env.locale.clone()>
            {skip}
            <div class="hd-page">
                <div class="hd-topbar">{top}</div>
                {leaderboard}
                <div class="hd-columns">
                    {main_region}
                    <aside class="hd-sidebar" aria-label=t.sidebar>{archives}{trending}</aside>
                </div>
            </div>
        </div>
    }
    .into_any()
}
