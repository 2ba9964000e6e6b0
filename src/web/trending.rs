//! Trending Today: a ranked list of the most read articles with
//! thumbnails. Rows have a fixed height and the list reserves room for the
//! configured count, so its arrival moves nothing.

use super::dom::{text_el, Markup};
use super::env::Env;
use super::intl::DateStyle;
use leptos::prelude::*;

use super::load::{absolute_url, use_loader, use_source_loader, Input, Loaded, Loader, Request};
use super::markup::{headline_el, image_tag};
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::site;
use crate::core::article::Summary;
use crate::core::error::{Feed, Format, LoadError, Parsed, Problem};
use crate::core::feed;
use crate::core::wpsite::{self, Heading};

/// The height of a row in em, as in the stylesheet (`.hd-trending__item`).
pub const ROW_EM: usize = 6;

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    feed::trending(
        input.format,
        input.doc,
        &input.request.url,
        &BrowserHtml {
            zone: input.config.time_zone.as_deref(),
        },
    )
    .map(|p| p.map(Loaded::Trending))
}

fn item(env: &Env, rank: usize, s: &Summary) -> Markup {
    let meta = [
        s.section.clone(),
        s.published.map(|p| env.date(&p, DateStyle::Long)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let thumb = match &s.image {
        Some(img) => image_tag(img, false, "hd-trending__thumb", "6em"),
        None => Markup::new("span").cls("hd-trending__thumb hd-trending__thumb--none"),
    };
    Markup::new("li").cls("hd-trending__item").child(
        Markup::new("a")
            .cls("hd-trending__link")
            .attr("href", &env.article_href(s.slug.as_deref(), &s.url))
            .child(text_el("span", "hd-trending__rank", &env.number(rank as u64)).attr("aria-hidden", "true"))
            .child(thumb)
            .child(
                Markup::new("span")
                    .cls("hd-trending__text")
                    .child(headline_el(env, "span", "hd-trending__headline", s))
                    .child(text_el("span", "hd-trending__meta", &meta)),
            ),
    )
}

fn list(env: &Env, items: &[Summary]) -> Markup {
    if items.is_empty() {
        // Every item was left out (the console says why): say so, not an empty box.
        return text_el("p", "hd-trending__empty", env.t().no_trending);
    }
    let n = env.config.trending_count;
    Markup::new("ol").cls("hd-trending__list").children(
        items
            .iter()
            .take(n)
            .enumerate()
            .map(|(i, s)| item(env, i + 1, s))
            .collect(),
    )
}

fn skeleton(env: &Env) -> Markup {
    Markup::new("ol")
        .cls("hd-trending__list")
        .attr("aria-hidden", "true")
        .children(
            (0..env.config.trending_count)
                .map(|_| {
                    Markup::new("li")
                        .cls("hd-trending__item hd-trending__item--skeleton")
                        .child(Markup::new("span").cls("hd-sk hd-trending__thumb"))
                        .child(Markup::new("span").cls("hd-sk hd-sk--line"))
                })
                .collect(),
        )
}

/// For a `data-wordpress` site without a trending source: Popular Posts
/// when the site has it, else the publisher's fallback; a category or tag
/// given by slug is looked up first, in the same request of the part (its
/// failure is the part's, with Retry).
fn site_loader(env: &Env, site: Option<site::SiteState>) -> Loader {
    let config = env.config.clone();
    use_loader(env, move || {
        site::request(site.as_ref(), Feed::Trending, &|found| {
            let (fallback, count) = (&config.trending_fallback, config.trending_count);
            let Some((route, slug)) = fallback.lookup().filter(|_| !found.popular) else {
                let url = wpsite::trending_url(found, fallback, count, None)?;
                return Some(Request::new(
                    Feed::Trending,
                    absolute_url(&url)?,
                    Some(Format::WordPress),
                    decode,
                ));
            };
            let term_url = absolute_url(&wpsite::term_url(&found.root, route, slug))?;
            let mut req = Request::new(Feed::Trending, term_url.clone(), Some(Format::WordPress), decode);
            let (found, fallback) = (found.clone(), fallback.clone());
            req.run = Some(Box::new(move |env| {
                Box::pin(async move {
                    let c = &env.config;
                    let term = site::ask(c, Feed::Trending, &term_url, site::read_term).await?;
                    let id = if let Loaded::Count(id) = term {
                        Some(id)
                    } else {
                        None
                    };
                    let url =
                        wpsite::trending_url(&found, &fallback, count, id).and_then(|u| absolute_url(&u));
                    let Some(url) = url else {
                        return Err(LoadError::new(Feed::Trending, None, &term_url, Problem::NotFound));
                    };
                    site::ask(c, Feed::Trending, &url, decode).await
                })
            }));
            Some(req)
        })
    })
}

pub fn trending_part(env: &Env) -> Markup {
    let t = env.t();
    let from_site = env.config.trending.is_none() && env.config.wordpress.is_some();
    let site = if from_site { site::site(&env.config) } else { None };
    let loader = match &site {
        Some(_) => site_loader(env, site.clone()),
        None => use_source_loader(env, Feed::Trending, |c| c.trending.as_ref(), decode),
    };
    let spec = Spec::sidebar(
        "hd-trending",
        (t.trending_today, env.id("trending")),
        t.error_trending,
        skeleton,
        |env, loaded| loaded.trending().map(|items| list(env, items)),
    )
    // The list's room: the configured number of rows, whatever arrives.
    .room(format!("{}em", env.config.trending_count * ROW_EM));
    let Some(site) = site else {
        return part(env, loader, spec);
    };
    // The heading says what the site's list is, once the site is known.
    let fallback = env.config.trending_fallback.clone();
    let spec = spec.retitle(Box::new(move || {
        let load = site.get();
        match site::found(&load).map(|found| wpsite::heading(found, &fallback)) {
            Some(Heading::Latest) => t.latest,
            Some(Heading::Featured) => t.featured,
            _ => t.trending_today,
        }
    }));
    part(env, loader, spec)
}
