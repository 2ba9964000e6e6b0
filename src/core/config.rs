//! Configuration from a placeholder's `data-` attributes (or the options of
//! `Herald.mount`), validated into one value. See docs/configuration.md.

use super::ads::AdRules;
use super::error::Format;
use super::url::{check_template, UrlUse};
use super::wpsite::Fallback;

/// Where a feed is and what format it is in (`None`: detect it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// A URL, possibly a template with `{slug}`, `{year}`, `{month}`, `{page}`.
    pub url: String,
    pub format: Option<Format>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Celsius,
    Fahrenheit,
}

/// Which part of the page a placeholder shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Top bar, article and sidebar.
    Page,
    Article,
    Trending,
    Archives,
    TopBar,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub view: View,
    /// BCP 47; `None`: the page's `lang`, else the browser's language.
    pub locale: Option<String>,
    /// IANA zone; `None`: the reader's.
    pub time_zone: Option<String>,
    /// A WordPress site's address (`data-wordpress`): its REST API feeds
    /// every part that has no source of its own (core::wpsite).
    pub wordpress: Option<String>,
    /// What the sidebar lists when that site has no Popular Posts plugin.
    pub trending_fallback: Fallback,
    pub article: Option<Source>,
    /// The article to show (embeds) or the lead article (the standalone front page).
    pub slug: Option<String>,
    pub trending: Option<Source>,
    pub trending_count: usize,
    pub archives: Option<Source>,
    pub listing: Option<Source>,
    pub per_page: usize,
    pub weather: Option<Source>,
    pub city: Option<String>,
    pub units: Units,
    pub ads: AdRules,
    /// Template for links to articles in embeds, with `{slug}`; without it,
    /// links go to each article's own URL.
    pub link: Option<String>,
    /// The standalone app's base path (`data-base`), when given.
    pub base: Option<String>,
    pub theme: Theme,
    /// Videos and audio play in place when clicked (`data-play-embeds`)
    /// instead of opening the original (core::player).
    pub play_embeds: bool,
    pub timeout_ms: u32,
    pub max_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            view: View::Page,
            locale: None,
            time_zone: None,
            wordpress: None,
            trending_fallback: Fallback::Latest,
            article: None,
            slug: None,
            trending: None,
            trending_count: 5,
            archives: None,
            listing: None,
            per_page: 10,
            weather: None,
            city: None,
            units: Units::Celsius,
            ads: AdRules::default(),
            link: None,
            base: None,
            theme: Theme::Auto,
            play_embeds: false,
            timeout_ms: 10_000,
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// Every attribute Herald reads, without the `data-` prefix.
pub const ATTRIBUTES: &[&str] = &[
    "view",
    "locale",
    "time-zone",
    "wordpress",
    "trending-fallback",
    "article",
    "article-format",
    "slug",
    "trending",
    "trending-format",
    "trending-count",
    "archives",
    "archives-format",
    "listing",
    "listing-format",
    "per-page",
    "weather",
    "weather-format",
    "city",
    "units",
    "ads",
    "ad-every",
    "ad-max",
    "ad-min-paragraphs",
    "ad-margin",
    "leaderboard",
    "link",
    "base",
    "theme",
    "play-embeds",
    "timeout",
    "max-bytes",
];

/// The attribute name (without `data-`) for an option of `Herald.mount`:
/// `articleFormat` → `article-format`; names already in that form stay.
pub fn attribute_name(option: &str) -> String {
    let option = option.trim().strip_prefix("data-").unwrap_or(option.trim());
    let mut out = String::with_capacity(option.len() + 4);
    for c in option.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn number(name: &str, value: &str, min: u64, max: u64, errors: &mut Vec<String>) -> Option<u64> {
    match value.trim().parse::<u64>() {
        Ok(n) if n >= min && n <= max => Some(n),
        _ => {
            errors.push(format!(
                "data-{name}: expected a whole number from {min} to {max}, found `{value}`"
            ));
            None
        }
    }
}

fn switch(name: &str, value: &str, errors: &mut Vec<String>) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "on" | "true" | "yes" => Some(true),
        "off" | "false" | "no" | "none" => Some(false),
        _ => {
            errors.push(format!("data-{name}: expected `on` or `off`, found `{value}`"));
            None
        }
    }
}

/// Every address in the configuration passes the one URL gate
/// (`core::url`): a feed URL or template is relative or http(s), the link
/// template relative or http(s) or mailto, the base a path. A refused
/// address is an error and is not used.
fn check_addresses(c: &mut Config, errors: &mut Vec<String>) {
    let sources = [
        ("article", &mut c.article),
        ("trending", &mut c.trending),
        ("archives", &mut c.archives),
        ("listing", &mut c.listing),
        ("weather", &mut c.weather),
    ];
    for (name, source) in sources {
        if let Some(s) = source {
            if let Err(e) = check_template(name, &s.url, UrlUse::Resource) {
                errors.push(e);
                *source = None;
            }
        }
    }
    if let Some(site) = &c.wordpress {
        let http = site.starts_with("https://") || site.starts_with("http://");
        // A query or fragment would end up before the REST routes.
        if !http
            || site.bytes().any(|b| b == b'?' || b == b'#')
            || check_template("wordpress", site, UrlUse::Resource).is_err()
        {
            errors.push(format!(
                "data-wordpress: expected the site's address such as `https://news.example`, found `{site}`"
            ));
            c.wordpress = None;
        }
    }
    if let Some(link) = &c.link {
        if let Err(e) = check_template("link", link, UrlUse::Link) {
            errors.push(e);
            c.link = None;
        }
    }
    if let Some(base) = &c.base {
        let path = base.starts_with('/')
            && !base.starts_with("//")
            && !base.contains(|c: char| c == '\\' || c == '?' || c == '#' || c.is_control());
        if !path {
            errors.push(format!(
                "data-base: expected a path on this site such as `/news/`, found `{base}`"
            ));
            c.base = None;
        }
    }
}

impl Config {
    /// Reads attributes given as (name without `data-`, value) pairs. Every
    /// problem is reported, not just the first.
    pub fn from_attributes<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, Vec<String>> {
        let mut c = Config::default();
        let mut errors = Vec::new();
        let mut formats: Vec<(&str, &str)> = Vec::new();
        let text = |v: &str| {
            let t = v.trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        let source = |v: &str| text(v).map(|url| Source { url, format: None });
        for (name, value) in attrs {
            match name {
                "view" => {
                    c.view = match value.trim() {
                        "" | "page" => View::Page,
                        "article" => View::Article,
                        "trending" => View::Trending,
                        "archives" => View::Archives,
                        "topbar" => View::TopBar,
                        other => {
                            errors.push(format!("data-view: expected page, article, trending, archives or topbar, found `{other}`"));
                            c.view
                        }
                    }
                }
                "locale" => c.locale = text(value),
                "time-zone" => c.time_zone = text(value),
                "article" => c.article = source(value),
                "wordpress" => c.wordpress = text(value),
                "trending-fallback" => match Fallback::parse(value) {
                    Ok(f) => c.trending_fallback = f,
                    Err(e) => errors.push(e),
                },
                "slug" => c.slug = text(value),
                "trending" => c.trending = source(value),
                "archives" => c.archives = source(value),
                "listing" => c.listing = source(value),
                "weather" => c.weather = source(value),
                "city" => c.city = text(value),
                "link" => c.link = text(value),
                "base" => c.base = text(value),
                "trending-count" => {
                    if let Some(n) = number(name, value, 1, 20, &mut errors) {
                        c.trending_count = n as usize;
                    }
                }
                "per-page" => {
                    if let Some(n) = number(name, value, 1, 100, &mut errors) {
                        c.per_page = n as usize;
                    }
                }
                "timeout" => {
                    if let Some(n) = number(name, value, 100, 120_000, &mut errors) {
                        c.timeout_ms = n as u32;
                    }
                }
                "max-bytes" => {
                    if let Some(n) = number(name, value, 1024, 100 * 1024 * 1024, &mut errors) {
                        c.max_bytes = n;
                    }
                }
                "units" => {
                    c.units = match value.trim().to_ascii_lowercase().as_str() {
                        "celsius" | "c" | "metric" => Units::Celsius,
                        "fahrenheit" | "f" | "imperial" => Units::Fahrenheit,
                        _ => {
                            errors.push(format!(
                                "data-units: expected celsius or fahrenheit, found `{value}`"
                            ));
                            c.units
                        }
                    }
                }
                "theme" => {
                    c.theme = match value.trim() {
                        "" | "auto" => Theme::Auto,
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => {
                            errors.push(format!(
                                "data-theme: expected auto, light or dark, found `{value}`"
                            ));
                            c.theme
                        }
                    }
                }
                "play-embeds" => c.play_embeds = switch(name, value, &mut errors).unwrap_or(c.play_embeds),
                "ads" => c.ads.enabled = switch(name, value, &mut errors).unwrap_or(c.ads.enabled),
                "leaderboard" => {
                    c.ads.leaderboard = switch(name, value, &mut errors).unwrap_or(c.ads.leaderboard)
                }
                "ad-every" => {
                    if let Some(n) = number(name, value, 1, 50, &mut errors) {
                        c.ads.every = n as usize;
                    }
                }
                "ad-max" => {
                    if let Some(n) = number(name, value, 0, 20, &mut errors) {
                        c.ads.max = n as usize;
                    }
                }
                "ad-min-paragraphs" => {
                    if let Some(n) = number(name, value, 0, 100, &mut errors) {
                        c.ads.min_paragraphs = n as usize;
                    }
                }
                "ad-margin" => {
                    if let Some(n) = number(name, value, 0, 5000, &mut errors) {
                        c.ads.margin_px = n as u32;
                    }
                }
                "article-format" | "trending-format" | "archives-format" | "listing-format"
                | "weather-format" => formats.push((name, value)),
                // Attributes of other libraries on the same element are not ours to judge.
                _ => {}
            }
        }
        check_addresses(&mut c, &mut errors);
        for (name, value) in formats {
            let format = if value.trim().is_empty() || value.trim() == "auto" {
                None
            } else {
                match Format::from_config_name(value) {
                    Some(f) => Some(f),
                    None => {
                        errors.push(format!(
                            "data-{name}: expected herald, wordpress, jsonfeed, rss, atom, open-meteo or auto, found `{value}`"
                        ));
                        None
                    }
                }
            };
            let target = match name {
                "article-format" => &mut c.article,
                "trending-format" => &mut c.trending,
                "archives-format" => &mut c.archives,
                "listing-format" => &mut c.listing,
                _ => &mut c.weather,
            };
            if let Some(source) = target {
                source.format = format;
            }
        }
        if errors.is_empty() {
            Ok(c)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_nothing() {
        let c = Config::from_attributes([]).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.trending_count, 5);
        assert!(c.ads.enabled);
    }

    #[test]
    fn reads_every_kind_of_attribute() {
        let c = Config::from_attributes([
            ("view", "article"),
            ("article", " https://x/wp-json/wp/v2/posts?slug={slug}&_embed "),
            ("article-format", "WordPress"),
            ("slug", "hello"),
            ("trending", "t.json"),
            ("trending-count", "8"),
            ("weather", "w.json"),
            ("weather-format", "open-meteo"),
            ("units", "fahrenheit"),
            ("locale", "fa-IR"),
            ("time-zone", "Asia/Kabul"),
            ("ads", "off"),
            ("ad-every", "4"),
            ("theme", "dark"),
            ("timeout", "2500"),
            ("class", "ignored"),
        ])
        .unwrap();
        assert_eq!(c.view, View::Article);
        let article = c.article.unwrap();
        assert_eq!(article.url, "https://x/wp-json/wp/v2/posts?slug={slug}&_embed");
        assert_eq!(article.format, Some(Format::WordPress));
        assert_eq!(c.trending.unwrap().format, None);
        assert_eq!(c.weather.unwrap().format, Some(Format::OpenMeteo));
        assert_eq!(c.trending_count, 8);
        assert_eq!(c.units, Units::Fahrenheit);
        assert_eq!(c.locale.as_deref(), Some("fa-IR"));
        assert!(!c.ads.enabled);
        assert_eq!(c.ads.every, 4);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.timeout_ms, 2500);
    }

    #[test]
    fn a_wordpress_site_from_one_attribute() {
        let c = Config::from_attributes([
            ("wordpress", " https://news.example/ "),
            ("trending-fallback", "tag:editors-pick"),
        ])
        .unwrap();
        assert_eq!(c.wordpress.as_deref(), Some("https://news.example/"));
        assert_eq!(c.trending_fallback, Fallback::Tag("editors-pick".into()));
        for bad in [
            "javascript:alert(1)",
            "news.example",
            "/wp",
            "ftp://x",
            "https://x/?p=1",
            "https://x/#a",
        ] {
            let errors = Config::from_attributes([("wordpress", bad)]).unwrap_err();
            assert_eq!(
                errors,
                vec![format!(
                    "data-wordpress: expected the site's address such as `https://news.example`, found `{bad}`"
                )]
            );
        }
        let errors = Config::from_attributes([("trending-fallback", "most-read")]).unwrap_err();
        assert!(errors[0].starts_with("data-trending-fallback: expected latest, sticky"));
    }

    #[test]
    fn reports_every_bad_value() {
        let errors = Config::from_attributes([
            ("units", "kelvin"),
            ("trending-count", "many"),
            ("ads", "maybe"),
            ("article", "a.json"),
            ("article-format", "rss3"),
            ("view", "sidebar"),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                "data-units: expected celsius or fahrenheit, found `kelvin`",
                "data-trending-count: expected a whole number from 1 to 20, found `many`",
                "data-ads: expected `on` or `off`, found `maybe`",
                "data-view: expected page, article, trending, archives or topbar, found `sidebar`",
                "data-article-format: expected herald, wordpress, jsonfeed, rss, atom, open-meteo or auto, found `rss3`",
            ]
        );
    }

    /// Every spelling of a script or data URL a browser accepts, as an
    /// attribute's value reaches Herald (entities are decoded by the HTML
    /// parser before; percent-encoding in a scheme is not decoded by
    /// browsers, so `javascript%3A…` is a harmless relative address).
    const HOSTILE: &[&str] = &[
        "javascript:alert(document.domain)//{slug}",
        "JaVaScRiPt:alert(1)//{slug}",
        " \u{1}\u{8}\u{1f}javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "\tjavascript:alert(1)",
        "javascript\t:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:application/json,{}",
        "vbscript:msgbox(1)",
        "blob:https://x.example/0b7e",
        "file:///etc/passwd",
        "{slug}:alert(1)",
        "java{slug}script:alert(1)",
        "{slug}script:alert(1)",
    ];

    #[test]
    fn every_address_option_refuses_script_and_data_urls() {
        for name in ["article", "trending", "archives", "listing", "weather", "link"] {
            for bad in HOSTILE {
                let errors = Config::from_attributes([(name, *bad)]).unwrap_err();
                assert_eq!(errors.len(), 1, "data-{name}={bad:?}");
                assert!(errors[0].starts_with(&format!("data-{name}: `")), "{}", errors[0]);
                assert!(
                    errors[0].contains("is not an address Herald may use"),
                    "{}",
                    errors[0]
                );
            }
        }
    }

    #[test]
    fn relative_and_http_addresses_and_templates_are_kept() {
        let c = Config::from_attributes([
            ("article", "data/articles/{slug}.json"),
            (
                "listing",
                "https://cms.example/wp-json/wp/v2/posts?after={year}-{month}-01",
            ),
            ("trending", "//cdn.example/t.json"),
            ("weather", "/w.json"),
            ("link", "/news/{slug}/"),
            ("base", "/news/"),
        ])
        .unwrap();
        assert_eq!(c.link.as_deref(), Some("/news/{slug}/"));
        assert_eq!(c.base.as_deref(), Some("/news/"));
        assert!(c.article.is_some() && c.listing.is_some() && c.trending.is_some() && c.weather.is_some());
        // A percent-encoded scheme is a path, as browsers read it.
        assert!(Config::from_attributes([("link", "javascript%3Aalert(1)//{slug}")]).is_ok());
        assert!(Config::from_attributes([("link", "mailto:desk@example.com?subject={slug}")]).is_ok());
    }

    #[test]
    fn the_base_is_a_path_on_the_site() {
        for bad in [
            "javascript:alert(1)",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "news/",
            "/a?b",
            "/a#b",
        ] {
            let errors = Config::from_attributes([("base", bad)]).unwrap_err();
            assert!(
                errors[0].starts_with("data-base: expected a path"),
                "{bad:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn filled_links_pass_the_gate_whatever_the_slug() {
        use crate::core::url::{fill_checked, UrlUse};
        for slug in ["javascript:alert(1)", "a b", "../../x", "\u{0}x", "data:x"] {
            let url = fill_checked("{slug}", &[("slug", slug)], UrlUse::Link).unwrap();
            assert!(!url.contains(':'), "{url}");
        }
        assert_eq!(
            fill_checked("javascript:{slug}", &[("slug", "x")], UrlUse::Link),
            None
        );
    }

    #[test]
    fn mount_options_map_to_attribute_names() {
        assert_eq!(attribute_name("articleFormat"), "article-format");
        assert_eq!(attribute_name("timeZone"), "time-zone");
        assert_eq!(attribute_name("adMinParagraphs"), "ad-min-paragraphs");
        assert_eq!(attribute_name("article-format"), "article-format");
        assert_eq!(attribute_name("data-slug"), "slug");
        for name in ATTRIBUTES {
            assert_eq!(attribute_name(name), *name);
        }
    }

    #[test]
    fn every_attribute_handled_is_listed() {
        // A name in ATTRIBUTES with a nonsense value either errors or is free text;
        // a name not handled would be silently ignored, so check they all do something.
        for name in ATTRIBUTES {
            let default = Config::from_attributes([]).unwrap();
            let result = Config::from_attributes([(*name, "%%")]);
            let changed = match &result {
                Err(_) => true,
                Ok(c) => *c != default,
            };
            let format_only = name.ends_with("-format");
            assert!(changed || format_only, "data-{name} has no effect");
        }
    }
}
