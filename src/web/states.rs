//! Loading, error and not-found states, shared by every part of the page.

use super::dom::{text_el, Markup};
use super::env::Env;
use crate::core::error::{LoadError, Problem};
use crate::core::i18n::{fill, Strings};
use crate::core::route::Route;

/// The reader-facing reason for a failure, in the reader's language.
pub fn reason(t: &Strings, problem: &Problem) -> String {
    match problem {
        Problem::NotFound => t.reason_not_found.to_string(),
        Problem::Http(status) => fill(t.reason_http, &[("status", &status.to_string())]),
        Problem::Network => t.reason_network.to_string(),
        Problem::Timeout(_) => t.reason_timeout.to_string(),
        Problem::TooLarge(_) | Problem::OverLimit(_) => t.reason_too_large.to_string(),
        Problem::Empty => t.reason_empty.to_string(),
        Problem::NotUtf8(_) => t.reason_encoding.to_string(),
        Problem::Html => t.reason_html.to_string(),
        Problem::Syntax(_) | Problem::XmlSyntax(_) => t.reason_syntax.to_string(),
        Problem::Schema(_) => t.reason_schema.to_string(),
        Problem::Unsupported(_) => t.reason_unsupported.to_string(),
    }
}

/// A failure: what failed, why, the exact technical message (feed, URL,
/// field) for the publisher, and a Retry button. The button is marked
/// `data-herald-retry`; the part it is in listens for its click.
pub fn error_view(env: &Env, title: &str, error: &LoadError, compact: bool) -> Markup {
    let t = env.t();
    Markup::new("div")
        .cls(if compact {
            "hd-error hd-error--compact"
        } else {
            "hd-error"
        })
        .child(text_el("p", "hd-error__title", title))
        .child(text_el("p", "hd-error__reason", &reason(t, &error.problem)))
        .child(detail("p").child(Markup::new("code").text(&error.to_string())))
        .child(
            text_el("button", "hd-button", t.retry)
                .attr("type", "button")
                .attr("data-herald-retry", ""),
        )
}

/// The technical detail of an error: a URL or a field name, left to right.
fn detail(tag: &str) -> Markup {
    Markup::new(tag).cls("hd-error__detail").attr("dir", "ltr")
}

/// A configuration error: nothing can load until the page is fixed.
pub fn config_error_view(env: &Env, errors: &[String]) -> Markup {
    Markup::new("div")
        .cls("hd-error")
        .child(text_el("p", "hd-error__title", env.t().error_config))
        .child(
            detail("ul").children(
                errors
                    .iter()
                    .map(|e| Markup::new("li").child(Markup::new("code").text(e)))
                    .collect(),
            ),
        )
}

/// The article's loading skeleton: the geometry of a loaded article (kicker,
/// two-line headline, standfirst, byline, 16:9 lead image, paragraphs).
pub fn article_skeleton() -> Markup {
    let bar = |class: &str| Markup::new("div").cls(class);
    let para = || {
        Markup::new("div")
            .cls("hd-sk-para")
            .child(bar("hd-sk hd-sk--line"))
            .child(bar("hd-sk hd-sk--line"))
            .child(bar("hd-sk hd-sk--line"))
            .child(bar("hd-sk hd-sk--line hd-sk--short"))
    };
    Markup::new("div")
        .cls("hd-skeleton hd-skeleton--article")
        .attr("aria-hidden", "true")
        .child(bar("hd-sk hd-sk--kicker"))
        .child(bar("hd-sk hd-sk--headline"))
        .child(bar("hd-sk hd-sk--headline hd-sk--short"))
        .child(bar("hd-sk hd-sk--standfirst"))
        .child(bar("hd-sk hd-sk--byline"))
        .child(bar("hd-sk hd-sk--image"))
        .children((0..6).map(|_| para()).collect())
}

pub fn not_found(env: &Env) -> Markup {
    let t = env.t();
    let front = env.route_href(&Route::Front).map(|href| {
        Markup::new("p").child(text_el("a", "hd-button hd-button--link", t.front_page).attr("href", &href))
    });
    Markup::new("div")
        .cls("hd-notfound")
        .child(text_el("h1", "hd-notfound__title", t.not_found_title))
        .child(Markup::new("p").text(t.not_found_text))
        .child_opt(front)
}
