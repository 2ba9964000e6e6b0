//! Loading, error and not-found states, shared by every part of the page.

use leptos::prelude::*;

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
        Problem::Syntax(_) => t.reason_syntax.to_string(),
        Problem::Schema(_) => t.reason_schema.to_string(),
        Problem::Unsupported(_) => t.reason_unsupported.to_string(),
    }
}

/// A failure: what failed, why, the exact technical message (feed, URL,
/// field) for the publisher, and a Retry button.
pub fn error_view(
    env: &Env,
    title: &'static str,
    error: &LoadError,
    retry: impl Fn() + 'static,
    compact: bool,
) -> AnyView {
    let t = env.t();
    let class = if compact {
        "hd-error hd-error--compact"
    } else {
        "hd-error"
    };
    view! {
        <div class=class>
            <p class="hd-error__title">{title}</p>
            <p class="hd-error__reason">{reason(t, &error.problem)}</p>
            <p class="hd-error__detail" dir="ltr"><code>{error.to_string()}</code></p>
            <button type="button" class="hd-button" on:click=move |_| retry()>{t.retry}</button>
        </div>
    }
    .into_any()
}

/// A configuration error: nothing can load until the page is fixed.
pub fn config_error_view(env: &Env, errors: &[String]) -> AnyView {
    view! {
        <div class="hd-error">
            <p class="hd-error__title">{env.t().error_config}</p>
            <ul class="hd-error__detail" dir="ltr">
                {errors.iter().map(|e| view! { <li><code>{e.clone()}</code></li> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
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
