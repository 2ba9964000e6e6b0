//! Markup shared by several views: images that reserve their space,
//! headlines in their own language, the widget's root class.

use super::dom::{text_el, Markup};
use super::env::Env;
use crate::core::article::{Image, Summary};
use crate::core::config::Theme;
use crate::core::i18n::direction;

/// An `<img>` that reserves its space: intrinsic width and height when
/// known, else a 16:9 box that the image covers.
pub fn image_tag(image: &Image, eager: bool, class: &str, sizes: &str) -> Markup {
    let mut img = Markup::new("img")
        .attr("src", &image.src)
        .attr("alt", &image.alt)
        .attr("decoding", "async")
        .attr("loading", if eager { "eager" } else { "lazy" });
    // The other widths the feed gives: the browser takes the one the
    // layout (`sizes`) needs, a small one for a thumbnail.
    if !image.sources.is_empty() {
        let mut set: Vec<String> = image
            .sources
            .iter()
            .map(|s| format!("{} {}w", s.src, s.width))
            .collect();
        if let Some(w) = image
            .width
            .filter(|w| !image.sources.iter().any(|s| s.width == *w))
        {
            set.push(format!("{} {w}w", image.src));
        }
        img = img.attr("srcset", &set.join(", ")).attr("sizes", sizes);
    }
    match (image.width, image.height) {
        (Some(w), Some(h)) => {
            img = img
                .cls(class)
                .attr("width", &w.to_string())
                .attr("height", &h.to_string());
        }
        _ => img = img.cls(&format!("{class} hd-img--unsized")),
    }
    if eager {
        img = img.attr("fetchpriority", "high");
    }
    img
}

/// `sizes` of an image as wide as the article's column.
pub const COLUMN: &str = "(min-width: 1024px) 820px, 100vw";

/// Headline text with its own language and direction when it has one.
pub fn headline_el(env: &Env, tag: &str, class: &str, s: &Summary) -> Markup {
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

/// The classes of a widget's root element for `theme`.
pub fn theme_class(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "herald",
        Theme::Light => "herald hd-theme-light",
        Theme::Dark => "herald hd-theme-dark",
    }
}
