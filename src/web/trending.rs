//! Trending Today: a ranked list of the most read articles with
//! thumbnails. Rows have a fixed height and the list reserves room for the
//! configured count, so its arrival moves nothing.

use std::sync::Arc;

use leptos::prelude::*;

use super::article::image_tag;
use super::dom::{text_el, E};
use super::fetch::Fetched;
use super::intl::DateStyle;
use super::load::{use_source_loader, Loaded, Request};
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::Env;
use crate::core::article::Summary;
use crate::core::config::Config;
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::i18n::direction;
use crate::core::json::Json;

/// The height of a row in em, as in the stylesheet (`.hd-trending__item`).
pub const ROW_EM: usize = 6;

fn decode(
    _: &Config,
    format: Format,
    json: &Json,
    req: &Request,
    _: &Fetched,
) -> Result<Parsed<Loaded>, Problem> {
    feed::trending(format, json, &req.url, &BrowserHtml).map(|p| p.map(Loaded::Trending))
}

/// Headline text with its own language and direction when it has one.
pub fn headline_el(env: &Env, tag: &str, class: &str, s: &Summary) -> E {
    let el = text_el(tag, class, &s.headline);
    match s
        .language
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case(&env.locale))
    {
        Some(lang) => el.attr("lang", lang).attr("dir", direction(lang)),
        None => el.attr("dir", "auto"),
    }
}

fn item(env: &Env, rank: usize, s: &Summary) -> E {
    let meta = [
        s.section.clone(),
        s.published.map(|p| env.date(&p, DateStyle::Long)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let thumb = match &s.image {
        Some(img) => image_tag(img, false, "hd-trending__thumb"),
        None => E::new("span").cls("hd-trending__thumb hd-trending__thumb--none"),
    };
    E::new("li").cls("hd-trending__item").child(
        E::new("a")
            .cls("hd-trending__link")
            .attr("href", &env.article_href(s.slug.as_deref(), &s.url))
            .child(text_el("span", "hd-trending__rank", &env.number(rank as u64)).attr("aria-hidden", "true"))
            .child(thumb)
            .child(
                E::new("span")
                    .cls("hd-trending__text")
                    .child(headline_el(env, "span", "hd-trending__headline", s))
                    .child(text_el("span", "hd-trending__meta", &meta)),
            ),
    )
}

fn list(env: &Env, items: &[Summary]) -> E {
    if items.is_empty() {
        // Every item was left out (the console says why): say so, not an empty box.
        return text_el("p", "hd-trending__empty", env.t().no_trending);
    }
    let n = env.config.trending_count;
    E::new("ol").cls("hd-trending__list").children(
        items
            .iter()
            .take(n)
            .enumerate()
            .map(|(i, s)| item(env, i + 1, s))
            .collect(),
    )
}

fn skeleton(env: &Env) -> E {
    E::new("ol")
        .cls("hd-trending__list")
        .attr("aria-hidden", "true")
        .children(
            (0..env.config.trending_count)
                .map(|_| {
                    E::new("li")
                        .cls("hd-trending__item hd-trending__item--skeleton")
                        .child(E::new("span").cls("hd-sk hd-trending__thumb"))
                        .child(E::new("span").cls("hd-sk hd-sk--line"))
                })
                .collect(),
        )
}

pub fn trending_part(env: &Env) -> AnyView {
    let loader = use_source_loader(env, Feed::Trending, |c| c.trending.as_ref(), decode);
    let t = env.t();
    part(
        env,
        loader,
        Spec {
            class: "hd-trending",
            heading: Some((t.trending_today, env.id("trending"))),
            role: None,
            // The list's room: the configured number of rows, whatever arrives.
            room: Some(format!("{}em", env.config.trending_count * ROW_EM)),
            announce: None,
            failed: Some(t.error_trending),
            compact: true,
            not_found: false,
            main: false,
            skeleton: |env| Some(skeleton(env)),
            ready: Arc::new(|env, loaded| match &**loaded {
                Loaded::Trending(items) => Some(list(env, items)),
                _ => None,
            }),
        },
    )
}
