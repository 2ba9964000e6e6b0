//! A month listing: the month's articles as cards, newest first, paginated.

use leptos::prelude::*;

use super::dom::{text_el, Markup};
use super::env::Env;
use super::intl::{self, DateStyle};
use super::load::{absolute_url, use_loader, Input, Loaded, Request};
use super::markup::{headline_el, image_tag};
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::site;
use crate::core::archive::{Listing, ListingPage};
use crate::core::article::Summary;
use crate::core::config::Config;
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed::{self, Paging};
use crate::core::i18n::fill;
use crate::core::route::Route;
use crate::core::url;
use crate::core::wpsite;

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    let req = input.request;
    let paging = Paging {
        page: req.page,
        total: input.header_number("x-wp-total"),
        pages: input.header_number("x-wp-totalpages"),
    };
    feed::listing(
        input.format,
        input.doc,
        &req.url,
        &BrowserHtml {
            zone: input.config.time_zone.as_deref(),
        },
        paging,
    )
    .map(|p| p.map(Loaded::Listing))
}

fn card(env: &Env, s: &Summary) -> Markup {
    let href = env.article_href(s.slug.as_deref(), &s.url);
    let meta = Markup::new("p")
        .cls("hd-card__meta")
        .child_opt(s.author.as_deref().map(|a| Markup::new("bdi").text(a)))
        .text(if s.author.is_some() && s.published.is_some() {
            " · "
        } else {
            ""
        })
        .child_opt(s.published.map(|p| {
            Markup::new("time")
                .attr("datetime", &p.to_rfc3339())
                .text(&env.date(&p, DateStyle::Long))
        }));
    Markup::new("li")
        .cls("hd-card")
        .child_opt(
            s.image
                .as_ref()
                .map(|img| image_tag(img, false, "hd-card__thumb", "13em")),
        )
        .child(
            Markup::new("div")
                .cls("hd-card__body")
                .child_opt(s.kicker.as_deref().map(|k| text_el("p", "hd-kicker", k)))
                .child(
                    Markup::new("h2")
                        .cls("hd-card__headline")
                        .child(headline_el(env, "a", "hd-card__link", s).attr("href", &href)),
                )
                .child_opt(
                    s.standfirst
                        .as_deref()
                        .map(|t| text_el("p", "hd-card__standfirst", t)),
                )
                .child(meta),
        )
}

fn pager(env: &Env, year: i32, month: u32, page: &ListingPage) -> Option<Markup> {
    if page.pages <= 1 {
        return None;
    }
    let t = env.t();
    let label = fill(
        t.page_of,
        &[
            ("page", &env.number(page.page.into())),
            ("pages", &env.number(page.pages.into())),
        ],
    );
    let link = |to: u32, text: &str, rel: &str| {
        let route = Route::Archive {
            year,
            month,
            page: to,
        };
        env.route_link(&route, &format!("hd-pager__link hd-pager__link--{rel}"))
            .attr("rel", rel)
            .text(text)
    };
    Some(
        Markup::new("nav")
            .cls("hd-pager")
            .attr("aria-label", &label)
            .child_opt((page.page > 1).then(|| link(page.page - 1, t.previous, "prev")))
            .child(text_el("span", "hd-pager__status", &label))
            .child_opt((page.page < page.pages).then(|| link(page.page + 1, t.next, "next"))),
    )
}

/// Where a listing is shown, which decides its title's heading level.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// The page's main content, in place of the article: `<h1>`.
    Main,
    /// Below the months of an archives widget, under its `<h2>`: `<h3>`.
    UnderArchives,
}

impl Place {
    fn heading(self) -> &'static str {
        match self {
            Place::Main => "h1",
            Place::UnderArchives => "h3",
        }
    }
}

/// The title of the `year`-`month` listing: "Articles from March 2021".
pub fn title(env: &Env, year: i32, month: u32) -> String {
    fill(
        env.t().archive_title,
        &[("month", &intl::format_month(year, month, &env.locale))],
    )
}

/// The listing of `year`-`month` (as the route says; a feed's own idea of
/// the month is not needed).
fn listing_view(env: &Env, listing: &Listing, year: i32, month: u32, page: u32, place: Place) -> Markup {
    let t = env.t();
    let shown = listing.page(page, env.config.per_page);
    let title = title(env, year, month);
    let cards = if shown.items.is_empty() {
        text_el("p", "hd-listing__empty", t.no_articles)
    } else {
        Markup::new("ol")
            .cls("hd-cards")
            .children(shown.items.iter().map(|s| card(env, s)).collect())
    };
    Markup::new("section")
        .cls("hd-listing")
        .child(text_el(place.heading(), "hd-listing__title", &title).attr("id", &env.id("headline")))
        .child(cards)
        .child_opt(pager(env, year, month, &shown))
}

pub fn skeleton() -> Markup {
    Markup::new("div")
        .cls("hd-listing hd-skeleton")
        .attr("aria-hidden", "true")
        .child(Markup::new("div").cls("hd-sk hd-sk--headline"))
        .children(
            (0..6)
                .map(|_| {
                    Markup::new("div")
                        .cls("hd-card hd-card--skeleton")
                        .child(Markup::new("div").cls("hd-sk hd-card__thumb"))
                        .child(
                            Markup::new("div")
                                .cls("hd-card__body")
                                .child(Markup::new("div").cls("hd-sk hd-sk--line"))
                                .child(Markup::new("div").cls("hd-sk hd-sk--line hd-sk--short")),
                        )
                })
                .collect(),
        )
}

/// The URL of a page of the `year`-`month` listing (`{page}` is for feeds
/// that page on the server).
pub fn listing_url(config: &Config, year: i32, month: u32, page: u32) -> Option<String> {
    let source = config.listing.as_ref()?;
    absolute_url(&url::fill_encoded(
        &source.url,
        &[
            ("year", &year.to_string()),
            ("month", &format!("{month:02}")),
            ("page", &page.to_string()),
        ],
    ))
}

/// The listing of `year`-`month`, showing `page` of it, in `place`.
pub fn listing_part(env: &Env, year: i32, month: u32, page: Signal<u32>, place: Place) -> Markup {
    let config = env.config.clone();
    let site = site::site(&config);
    let loader = use_loader(env, move || {
        let page = page.get();
        if config.listing.is_none() {
            // Computed for a `data-wordpress` site: the month's exact bounds.
            return site::request(site.as_ref(), Feed::Listing, &|found| {
                let url = wpsite::listing_url(&found.root, year, month, page, config.per_page);
                let mut req = Request::new(
                    Feed::Listing,
                    absolute_url(&url)?,
                    Some(Format::WordPress),
                    decode,
                );
                req.page = page;
                Some(req)
            });
        }
        let mut req = Request::new(
            Feed::Listing,
            listing_url(&config, year, month, page)?,
            config.listing.as_ref()?.format,
            decode,
        );
        req.page = page;
        Some(req)
    });
    let t = env.t();
    let spec = Spec::main(
        "hd-part hd-part--listing",
        (t.loading, t.error_listing),
        |_| skeleton(),
        move |env, loaded| {
            let listing = loaded.listing()?;
            Some(listing_view(env, listing, year, month, page.get(), place))
        },
    );
    part(env, loader, spec)
}
