//! The date-and-weather bar: the weather for the site's city from its own
//! feed, and today's date in the site's locale and time zone. The weather
//! has a box of its own size, so nothing moves when it arrives, and a
//! missing or failing weather feed leaves that box empty, never the date.

use super::dom::{group, text_el, Markup};
use super::env::Env;
use super::intl::{self, DateStyle};
use super::load::{use_source_loader, Input, Loaded};
use super::part::{part, Spec};
use crate::core::config::Units;
use crate::core::error::{Feed, Parsed, Problem};
use crate::core::feed;
use crate::core::i18n::fill;
use crate::core::time::Timestamp;
use crate::core::weather::{one_decimal, Icon, Weather};

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    feed::weather(input.format, input.doc, input.config.units).map(|p| p.map(Loaded::Weather))
}

/// A 24×24 pictogram, drawn with a few shapes.
fn icon(kind: Icon) -> Markup {
    let sun = |cx: &str, cy: &str, r: &str| {
        Markup::svg("circle")
            .attr("cx", cx)
            .attr("cy", cy)
            .attr("r", r)
            .attr("class", "hd-i-sun")
    };
    let cloud = || {
        Markup::svg("path").attr("class", "hd-i-cloud").attr(
            "d",
            "M7 19h10a4 4 0 0 0 .6-8A6 6 0 0 0 6.3 12 3.5 3.5 0 0 0 7 19z",
        )
    };
    let moon = || {
        Markup::svg("path")
            .attr("class", "hd-i-sun")
            .attr("d", "M15 3a8 8 0 1 0 6 12.5A7 7 0 0 1 15 3z")
    };
    let drops = |class: &str| {
        Markup::svg("path")
            .attr("class", class)
            .attr("d", "M8 21l-1 2M12 21l-1 2M16 21l-1 2")
    };
    let svg = Markup::svg("svg")
        .attr("class", "hd-weather__icon")
        .attr("viewBox", "0 0 24 24")
        .attr("width", "24")
        .attr("height", "24")
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    match kind {
        Icon::Sun => svg.child(sun("12", "12", "5")),
        Icon::Moon => svg.child(moon()),
        Icon::SunCloud => svg.child(sun("15", "8", "4")).child(cloud()),
        Icon::MoonCloud => svg.child(moon()).child(cloud()),
        Icon::Cloud => svg.child(cloud()),
        Icon::Fog => svg.child(cloud()).child(
            Markup::svg("path")
                .attr("class", "hd-i-line")
                .attr("d", "M4 21h16M6 23h12"),
        ),
        Icon::Rain => svg.child(cloud()).child(drops("hd-i-line")),
        Icon::Snow => svg.child(cloud()).child(drops("hd-i-snow")),
        Icon::Thunder => svg.child(cloud()).child(
            Markup::svg("path")
                .attr("class", "hd-i-bolt")
                .attr("d", "M12 18l-2 4h3l-1 2"),
        ),
    }
}

fn weather_view(env: &Env, w: &Weather) -> Markup {
    let t = env.t();
    let city = env.config.city.as_deref().unwrap_or("");
    let temperature = intl::format_temperature(
        one_decimal(w.temperature),
        w.units == Units::Fahrenheit,
        &env.locale,
    );
    // Screen readers hear "Weather in Madrid: 13.5°C, Partly cloudy".
    let label = (!city.is_empty()).then(|| {
        text_el(
            "span",
            "hd-sr",
            &format!("{}: ", fill(t.weather_in, &[("city", city)])),
        )
    });
    Markup::new("p")
        .cls("hd-weather")
        .child_opt(label)
        .child_opt(w.condition.map(|c| icon(c.icon(w.is_day))))
        .child(text_el("span", "hd-weather__temp", &temperature))
        .child_opt(
            (!city.is_empty()).then(|| text_el("span", "hd-weather__city", city).attr("aria-hidden", "true")),
        )
        .child_opt(
            w.condition
                .map(|c| text_el("span", "hd-weather__cond", c.text(t))),
        )
}

/// Today's date, in the site's locale and time zone.
fn today(env: &Env) -> Markup {
    let now = js_sys::Date::now() as i64;
    let zone = env.time_zone.as_deref();
    Markup::new("p").cls("hd-topbar__date").child(
        Markup::new("time")
            .attr(
                "datetime",
                &intl::format_date(now, "sv-SE", zone, DateStyle::Numeric),
            )
            .text(&env.date(&Timestamp::from_unix_ms(now), DateStyle::Full)),
    )
}

/// The bar's contents: the weather (from its feed) and today's date.
pub fn top_bar_contents(env: &Env) -> Markup {
    let loader = use_source_loader(env, Feed::Weather, |c| c.weather.as_ref(), decode);
    // Loading or failed, the box stays empty; a failure is in the console.
    let spec = Spec::quiet("hd-topbar__weather", |env, loaded| {
        loaded.weather().map(|w| weather_view(env, w))
    });
    let weather = part(env, loader, spec);
    group().child(weather).child(today(env))
}

/// The bar on its own (embeds of the top bar alone).
pub fn top_bar(env: &Env) -> Markup {
    Markup::new("div").cls("hd-topbar").child(top_bar_contents(env))
}
