//! What every view of one widget instance knows: its configuration,
//! language, locale, time zone, instance number and base path.

use std::sync::Arc;

use super::dom;
use super::intl::{self, DateStyle};
use crate::core::config::Config;
use crate::core::i18n::{direction, Lang, Strings};
use crate::core::route::Route;
use crate::core::time::Timestamp;
use crate::core::url::{fill_checked, UrlUse};

/// What every view of one widget instance needs to know.
#[derive(Clone, Debug)]
pub struct Env {
    pub config: Arc<Config>,
    pub lang: Lang,
    /// Canonical BCP 47 tag for `Intl`.
    pub locale: String,
    /// A zone the browser knows, or `None` for the reader's own.
    pub time_zone: Option<String>,
    /// Numbers the instance on the page, for unique ids.
    pub instance: u32,
    /// The standalone app's base path; `None` in an embed.
    pub base: Option<String>,
}

impl Env {
    /// Resolves the locale (configuration, else the nearest `lang` around
    /// `element`, else the browser's language) and checks the time zone.
    pub fn new(config: Config, instance: u32, base: Option<String>, element: &web_sys::Element) -> Env {
        let page_lang = element
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .filter(|l| !l.trim().is_empty());
        let browser_lang = || web_sys::window().and_then(|w| w.navigator().language());
        let locale = config
            .locale
            .clone()
            .or(page_lang)
            .or_else(browser_lang)
            .and_then(|tag| intl::canonical_locale(&tag))
            .unwrap_or_else(|| "en".to_string());
        // Checked when first used (see `intl`): creating the first time-zone
        // formatter loads the browser's time-zone data, which takes tens of
        // milliseconds, better spent while the feeds are on their way.
        let time_zone = config.time_zone.clone();
        Env {
            lang: Lang::for_tag(&locale),
            locale,
            time_zone,
            config: Arc::new(config),
            instance,
            base,
        }
    }

    pub fn t(&self) -> &'static Strings {
        self.lang.strings()
    }

    pub fn dir(&self) -> &'static str {
        direction(&self.locale)
    }

    /// Creates the formatters an article needs while its request is on the
    /// way (the loader has already paid for the locale data).
    pub fn warm_up(&self) {
        for style in [DateStyle::Long, DateStyle::WithTime] {
            intl::format_date(0, &self.locale, self.time_zone.as_deref(), style);
        }
        self.number(1);
    }

    pub fn date(&self, ts: &Timestamp, style: DateStyle) -> String {
        intl::format_date(ts.unix_ms, &self.locale, self.time_zone.as_deref(), style)
    }

    pub fn number(&self, n: u64) -> String {
        intl::format_integer(n, &self.locale)
    }

    /// Where a link to an article goes: in the standalone app, its route
    /// (when the slug is known); in an embed, the `data-link` template or
    /// the article's own URL.
    pub fn article_href(&self, slug: Option<&str>, url: &str) -> String {
        match (&self.base, slug) {
            (Some(base), Some(slug)) => Route::Article(slug.to_string()).href(base),
            (None, Some(slug)) => self
                .config
                .link
                .as_deref()
                .and_then(|template| fill_checked(template, &[("slug", slug)], UrlUse::Link))
                .unwrap_or_else(|| url.to_string()),
            _ => url.to_string(),
        }
    }

    /// A link to a route of the standalone app, or `None` in an embed.
    pub fn route_href(&self, route: &Route) -> Option<String> {
        self.base.as_ref().map(|base| route.href(base))
    }

    /// A link to a route: an `<a>` in the standalone app; in an embed, a
    /// button that navigates inside the widget, so that the host page's
    /// URL and history are never touched.
    pub fn route_link(&self, route: &Route, class: &str) -> dom::Markup {
        match &self.base {
            Some(base) => dom::Markup::new("a").cls(class).attr("href", &route.href(base)),
            None => dom::Markup::new("button")
                .cls(class)
                .attr("type", "button")
                .attr("data-herald-route", &route.href("/")),
        }
    }

    /// An id unique on the page.
    pub fn id(&self, name: &str) -> String {
        format!("herald-{}-{name}", self.instance)
    }
}

static INSTANCES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A number for a new widget instance, unique on the page.
pub fn next_instance() -> u32 {
    INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}
