//! The page: top bar, optional leaderboard, the main column (article,
//! month listing or not found) and the sidebar (archives, the medium
//! rectangle ad, trending). Every part loads on its own; a failure shows in
//! its part only.

use std::sync::Arc;

use leptos::prelude::*;

use super::ads::{self, ad_slot};
use super::archives::archives_part;
use super::article;
use super::dom::view_of;
use super::fetch::Fetched;
use super::head;
use super::listing::listing_part;
use super::load::{absolute_url, use_loader, Loaded, Request};
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::states::{article_skeleton, not_found};
use super::topbar::top_bar;
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

/// The article part: skeleton, then the article, its error or not-found.
/// Without a slug, the article URL is used as it is (an embed of one article).
pub fn article_part(env: &Env, slug: Option<String>) -> AnyView {
    let config = env.config.clone();
    let loader = use_loader(env, move || {
        let source = config.article.as_ref()?;
        let slug = slug.clone().unwrap_or_default();
        if slug.is_empty() && source.url.contains("{slug}") {
            return None;
        }
        let mut req = Request::new(
            Feed::Article,
            absolute_url(&fill(&source.url, &[("slug", &slug)])),
            source.format,
            decode_article,
        );
        req.slug = (!slug.is_empty()).then_some(slug);
        Some(req)
    });
    env.warm_up();
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
            ready: Arc::new(|env, loaded| match loaded {
                Loaded::Article(a) => {
                    head::article(env, a);
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

/// The whole page for `route`.
pub fn page_view(env: &Env, route: Signal<Route>) -> AnyView {
    let t = env.t();
    let lead = env.config.slug.clone();
    let main = Memo::new(move |_| main_of(&route.get(), &lead));
    let page = Signal::derive(move || match route.get() {
        Route::Archive { page, .. } => page,
        _ => 1,
    });
    let main_view = {
        let env = env.clone();
        move || match main.get() {
            Main::Article(slug) => article_part(&env, slug),
            Main::Listing(year, month) => listing_part(&env, year, month, page),
            Main::NotFound => {
                head::not_found(&env);
                super::app::restore_scroll_soon();
                view_of(not_found(&env))
            }
        }
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
    view! {
        <div class=theme_class(env.config.theme) dir=env.dir() lang=env.locale.clone()>
            {skip}
            <div class="hd-page">
                {top_bar(env)}
                {leaderboard}
                <div class="hd-columns">
                    <main class="hd-main" id=env.id("main") tabindex="-1">{main_view}</main>
                    <aside class="hd-sidebar" aria-label=t.sidebar>
                        {archives_part(env)}
                        {slot_view(env, SlotKind::Sidebar)}
                        {trending_part(env)}
                    </aside>
                </div>
            </div>
        </div>
    }
    .into_any()
}
