//! Archives: months with their article counts, newest first, grouped by
//! year; the newest year open, older years collapsed. The box has a fixed
//! height (its list scrolls if long), so its arrival moves nothing below.

use std::sync::Arc;

use leptos::prelude::*;

use super::dom::{text_el, E};
use super::fetch::Fetched;
use super::intl;
use super::load::{use_source_loader, Loaded, Request};
use super::part::{part, Spec};
use super::Env;
use crate::core::archive::{group_by_year, MonthCount};
use crate::core::config::Config;
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::json::Json;
use crate::core::route::Route;

fn decode(
    _: &Config,
    format: Format,
    json: &Json,
    req: &Request,
    _: &Fetched,
) -> Result<Parsed<Loaded>, Problem> {
    feed::archives(format, json, &req.url).map(|p| p.map(Loaded::Archives))
}

fn count(env: &Env, n: u32) -> E {
    text_el(
        "span",
        "hd-archives__count",
        &format!("({})", env.number(u64::from(n))),
    )
}

fn years(env: &Env, months: &[MonthCount]) -> E {
    let groups = group_by_year(months);
    if groups.is_empty() {
        return text_el("p", "hd-archives__empty", env.t().no_articles);
    }
    E::new("div").cls("hd-archives__years").children(
        groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let months = g
                    .months
                    .iter()
                    .map(|m| {
                        let route = Route::Archive {
                            year: m.year,
                            month: m.month,
                            page: 1,
                        };
                        E::new("li")
                            .cls("hd-archives__month")
                            .child(
                                env.route_link(&route, "hd-archives__link")
                                    .text(&intl::format_month(m.year, m.month, &env.locale)),
                            )
                            .text(" ")
                            .child(count(env, m.count))
                    })
                    .collect();
                let summary = E::new("summary")
                    .cls("hd-archives__year")
                    .text(&intl::format_year(g.year, &env.locale))
                    .text(" ")
                    .child(count(env, g.total));
                let details = E::new("details")
                    .cls("hd-archives__group")
                    .child(summary)
                    .child(E::new("ul").children(months));
                // The newest year is open; older years start collapsed.
                if i == 0 {
                    details.attr("open", "")
                } else {
                    details
                }
            })
            .collect(),
    )
}

pub fn archives_part(env: &Env) -> AnyView {
    let loader = use_source_loader(env, Feed::Archives, |c| c.archives.as_ref(), decode);
    let t = env.t();
    part(
        env,
        loader,
        Spec {
            class: "hd-archives",
            heading: Some((t.archives, env.id("archives"))),
            role: Some("navigation"),
            room: None,
            announce: None,
            failed: Some(t.error_archives),
            compact: true,
            not_found: false,
            main: false,
            skeleton: |_| {
                Some(
                    E::new("div")
                        .cls("hd-archives__skeleton")
                        .attr("aria-hidden", "true")
                        .children((0..6).map(|_| E::new("div").cls("hd-sk hd-sk--line")).collect()),
                )
            },
            ready: Arc::new(|env, loaded| match &**loaded {
                Loaded::Archives(months) => Some(years(env, months)),
                _ => None,
            }),
        },
    )
}
