//! The parts of the page, each loading on its own, and their layout.

use leptos::prelude::*;

use super::ads;
use super::article;
use super::dom::view_of;
use super::fetch::Fetched;
use super::load::{absolute_url, use_loader, Load, Loaded, Loader, Request};
use super::states::{article_skeleton, error_view, not_found, status_region};
use super::Env;
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::json::Json;
use crate::core::url::fill;

fn decode_article(format: Format, json: &Json, url: &str, _: &Fetched) -> Result<Parsed<Loaded>, Problem> {
    feed::article(format, json, url).map(|p| p.map(Loaded::Article))
}

/// The article part: skeleton, then the article, its error or not-found.
/// `slug` is `None` while it is not yet known (a front page waiting for its
/// lead), and the article's URL template may have no `{slug}` at all.
pub fn article_part(env: &Env, slug: Signal<Option<String>>) -> (AnyView, Loader) {
    let config = env.config.clone();
    let loader = use_loader(env, move || {
        let source = config.article.as_ref()?;
        let slug = slug.get().unwrap_or_default();
        if slug.is_empty() && source.url.contains("{slug}") {
            return None;
        }
        Some(Request {
            feed: Feed::Article,
            url: absolute_url(&fill(&source.url, &[("slug", &slug)])),
            format: source.format,
            decode: decode_article,
        })
    });
    let t = env.t();
    let env = env.clone();
    let view = view! {
        <div class="hd-part hd-part--article" aria-busy=move || matches!(loader.state.get(), Load::Loading).to_string()>
            {status_region(loader, t.loading_article, t.error_article)}
            {move || match loader.state.get() {
                Load::Ready(loaded) => match &*loaded {
                    Loaded::Article(a) => {
                        let el = article::article(&env, a);
                        ads::activate(&el.0, env.config.ads.margin_px);
                        view_of(el)
                    }
                    _ => ().into_any(),
                },
                Load::Loading => view_of(article_skeleton()),
                Load::Failed(e) if e.is_not_found() => view_of(not_found(&env)),
                Load::Failed(e) => error_view(&env, t.error_article, &e, move || loader.retry(), false),
            }}
        </div>
    }
    .into_any();
    (view, loader)
}
