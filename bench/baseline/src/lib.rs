//! A bare Leptos page: fetch one article document (preloaded by the page)
//! and render its headline, standfirst and paragraphs. No stylesheet, no
//! locale formatting, no validation, no sanitizing, no other parts: what
//! any Leptos widget pays before its first headline, for the benchmark to
//! set Herald against.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const ARTICLE: &str = "data/articles/we-went-in-together-we-will-leave-together-anthony-blinken.json";

#[derive(Clone)]
struct Article {
    headline: String,
    standfirst: String,
    paragraphs: Vec<String>,
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn load() -> Option<Article> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(ARTICLE))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let doc = JsFuture::from(response.json().ok()?).await.ok()?;
    let body: js_sys::Array = field(&doc, "body").dyn_into().ok()?;
    Some(Article {
        headline: field(&doc, "headline").as_string()?,
        standfirst: field(&doc, "standfirst").as_string().unwrap_or_default(),
        // Plain-text paragraphs only; runs with marks are left out.
        paragraphs: body
            .iter()
            .filter_map(|b| field(&b, "text").as_string())
            .collect(),
    })
}

#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn main() {
    mount_to_body(|| {
        let article = LocalResource::new(load);
        view! {
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                {move || article.get().flatten().map(|a| view! {
                    <article>
                        <h1>{a.headline}</h1>
                        <p>{a.standfirst}</p>
                        {a.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </article>
                })}
            </Suspense>
        }
    });
}
