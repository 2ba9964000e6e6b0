//! Archives: months with their article counts, newest first, grouped by
//! year; the newest year open, older years collapsed. The box has a fixed
//! height (its list scrolls if long), so its arrival moves nothing below.

use super::dom::{text_el, Markup};
use super::env::Env;
use super::intl;
use leptos::prelude::*;

use super::load::{absolute_url, use_loader, use_source_loader, Input, Loaded, Loader, Request};
use super::part::{listen, part, Spec};
use super::site;
use crate::core::archive::{group_by_year, MonthCount, SiteYears};
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::route::Route;
use crate::core::wpsite;

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    feed::archives(input.format, input.doc, &input.request.url).map(|p| p.map(Loaded::Archives))
}

fn count(env: &Env, n: u32) -> Markup {
    text_el(
        "span",
        "hd-archives__count",
        &format!("({})", env.number(u64::from(n))),
    )
}

/// The months of a year, newest first, each a link to its listing.
fn month_list(env: &Env, months: &[MonthCount]) -> Markup {
    Markup::new("ul").children(
        months
            .iter()
            .map(|m| {
                let route = Route::Archive {
                    year: m.year,
                    month: m.month,
                    page: 1,
                };
                Markup::new("li")
                    .cls("hd-archives__month")
                    .child(
                        env.route_link(&route, "hd-archives__link")
                            .text(&intl::format_month(m.year, m.month, &env.locale)),
                    )
                    .text(" ")
                    .child(count(env, m.count))
            })
            .collect(),
    )
}

/// A year: its count, and its months (`content`) when opened. The newest
/// year is open; older years start collapsed.
fn year(env: &Env, first: bool, year: i32, total: u32, content: Markup) -> Markup {
    let summary = Markup::new("summary")
        .cls("hd-archives__year")
        .text(&intl::format_year(year, &env.locale))
        .text(" ")
        .child(count(env, total));
    let details = Markup::new("details")
        .cls("hd-archives__group")
        .child(summary)
        .child(content);
    if first {
        details.attr("open", "")
    } else {
        details
    }
}

fn empty(env: &Env) -> Markup {
    text_el("p", "hd-archives__empty", env.t().no_articles)
}

fn years(env: &Env, months: &[MonthCount]) -> Markup {
    let groups = group_by_year(months);
    if groups.is_empty() {
        return empty(env);
    }
    Markup::new("div").cls("hd-archives__years").children(
        groups
            .iter()
            .enumerate()
            .map(|(i, g)| year(env, i == 0, g.year, g.total, month_list(env, &g.months)))
            .collect(),
    )
}

/// A WordPress site's years; each year's months are a part of their own,
/// loaded when the year is first opened (the newest at once).
fn site_years(env: &Env, data: &SiteYears, root: &str) -> Markup {
    let shown: Vec<_> = data.years.iter().filter(|(_, n)| *n > 0).collect();
    if shown.is_empty() {
        return empty(env);
    }
    Markup::new("div").cls("hd-archives__years").children(
        shown
            .iter()
            .enumerate()
            .map(|(i, &&(y, total))| {
                let open = RwSignal::new(i == 0);
                let details = year(env, i == 0, y, total, site_months(env, root, data, y, open));
                on_open(details.as_element(), open);
                details
            })
            .collect(),
    )
}

/// The month counts of `year` on a WordPress site: one request per month
/// that can have posts, sent once the year is open.
fn site_months(env: &Env, root: &str, data: &SiteYears, year: i32, open: RwSignal<bool>) -> Markup {
    let months = wpsite::months(year, data.oldest, data.newest);
    let urls: Vec<String> = months
        .iter()
        .filter_map(|&m| absolute_url(&wpsite::count_url(root, year, m)))
        .collect();
    let loader = use_loader(env, move || {
        if !open.get() {
            return None;
        }
        let key = format!("{}#months", urls.first()?);
        let mut req = Request::new(Feed::Archives, key, Some(Format::WordPress), decode);
        let (urls, months) = (urls.clone(), months.clone());
        req.run = Some(Box::new(move |env| {
            Box::pin(async move {
                let totals = site::totals(&env.config, Feed::Archives, &urls).await?;
                let counts = months
                    .iter()
                    .zip(totals)
                    .filter(|(_, n)| *n > 0)
                    .map(|(&month, count)| MonthCount { year, month, count })
                    .collect();
                Ok(Loaded::Archives(counts))
            })
        }));
        Some(req)
    });
    let spec = Spec::inner(
        "hd-archives__months",
        env.t().error_archives,
        skeleton,
        |env, loaded| loaded.archives().map(|months| month_list(env, months)),
    );
    part(env, loader, spec)
}

/// The years of a WordPress site: the oldest and newest posts' dates,
/// then one count per year, from `X-WP-Total`.
fn site_loader(env: &Env) -> Loader {
    let site = site::site(&env.config);
    use_loader(env, move || {
        site::request(site.as_ref(), Feed::Archives, &|found| {
            let oldest = absolute_url(&wpsite::edge_url(&found.root, true))?;
            let newest = absolute_url(&wpsite::edge_url(&found.root, false))?;
            let mut req = Request::new(Feed::Archives, oldest.clone(), Some(Format::WordPress), decode);
            let root = found.root.clone();
            req.run = Some(Box::new(move |env| {
                Box::pin(async move {
                    let c = &env.config;
                    let first = site::ask(c, Feed::Archives, &oldest, site::read_edge);
                    let last = site::ask(c, Feed::Archives, &newest, site::read_edge);
                    let (Loaded::Edge(Some(oldest)), Loaded::Edge(Some(newest))) =
                        (first.await?, last.await?)
                    else {
                        return Ok(Loaded::Archives(Vec::new()));
                    };
                    let years = wpsite::years(oldest, newest);
                    let urls: Vec<String> = years
                        .iter()
                        .filter_map(|&y| absolute_url(&wpsite::count_url(&root, y, 0)))
                        .collect();
                    let totals = site::totals(c, Feed::Archives, &urls).await?;
                    Ok(Loaded::Years(SiteYears {
                        years: years.into_iter().zip(totals).collect(),
                        oldest,
                        newest,
                    }))
                })
            }));
            Some(req)
        })
    })
}

/// Opening the year (`details`) sets `open`.
fn on_open(details: &web_sys::Element, open: RwSignal<bool>) {
    let el = details.clone();
    listen(
        details,
        "toggle",
        Box::new(move |_| {
            if el.has_attribute("open") {
                let _ = open.try_set(true);
            }
        }),
    );
}

fn skeleton(_: &Env) -> Markup {
    Markup::new("div")
        .cls("hd-archives__skeleton")
        .attr("aria-hidden", "true")
        .children(
            (0..6)
                .map(|_| Markup::new("div").cls("hd-sk hd-sk--line"))
                .collect(),
        )
}

pub fn archives_part(env: &Env) -> Markup {
    let from_site = env.config.archives.is_none() && env.config.wordpress.is_some();
    let loader = if from_site {
        site_loader(env)
    } else {
        use_source_loader(env, Feed::Archives, |c| c.archives.as_ref(), decode)
    };
    let site = site::site(&env.config);
    let t = env.t();
    let spec = Spec::sidebar(
        "hd-archives",
        (t.archives, env.id("archives")),
        t.error_archives,
        skeleton,
        move |env, loaded| match loaded {
            Loaded::Years(data) => {
                let load = site.as_ref()?.get_untracked();
                Some(site_years(env, data, &site::found(&load)?.root))
            }
            _ => loaded.archives().map(|months| years(env, months)),
        },
    )
    .role("navigation");
    part(env, loader, spec)
}
