//! Archives: months with their article counts, newest first, grouped by
//! year; the newest year open, older years collapsed. The box has a fixed
//! height (its list scrolls if long), so its arrival moves nothing below.

use super::dom::{text_el, Markup};
use super::env::Env;
use super::intl;
use super::load::{use_source_loader, Input, Loaded};
use super::part::{part, Spec};
use crate::core::archive::{group_by_year, MonthCount};
use crate::core::error::{Feed, Parsed, Problem};
use crate::core::feed;
use crate::core::route::Route;

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    feed::archives(input.format, input.json, &input.request.url).map(|p| p.map(Loaded::Archives))
}

fn count(env: &Env, n: u32) -> Markup {
    text_el(
        "span",
        "hd-archives__count",
        &format!("({})", env.number(u64::from(n))),
    )
}

fn years(env: &Env, months: &[MonthCount]) -> Markup {
    let groups = group_by_year(months);
    if groups.is_empty() {
        return text_el("p", "hd-archives__empty", env.t().no_articles);
    }
    Markup::new("div").cls("hd-archives__years").children(
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
                        Markup::new("li")
                            .cls("hd-archives__month")
                            .child(
                                env.route_link(&route, "hd-archives__link")
                                    .text(&intl::format_month(m.year, m.month, &env.locale)),
                            )
                            .text(" ")
                            .child(count(env, m.count))
                    })
                    .collect();
                let summary = Markup::new("summary")
                    .cls("hd-archives__year")
                    .text(&intl::format_year(g.year, &env.locale))
                    .text(" ")
                    .child(count(env, g.total));
                let details = Markup::new("details")
                    .cls("hd-archives__group")
                    .child(summary)
                    .child(Markup::new("ul").children(months));
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
    let loader = use_source_loader(env, Feed::Archives, |c| c.archives.as_ref(), decode);
    let t = env.t();
    let spec = Spec::sidebar(
        "hd-archives",
        (t.archives, env.id("archives")),
        t.error_archives,
        skeleton,
        |env, loaded| loaded.archives().map(|months| years(env, months)),
    )
    .role("navigation");
    part(env, loader, spec)
}
