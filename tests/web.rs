//! Browser tests of the components, run by wasm-bindgen-test in headless
//! Chromium: `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use herald::core::config::Config;
use herald::core::herald as format;
use herald::core::json;
use herald::web::dom::mount;
use herald::web::env::{next_instance, Env};
use herald::web::listing::Place;
use herald::web::{article, page, states};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str =
    include_str!("../public/data/articles/we-went-in-together-we-will-leave-together-anthony-blinken.json");
const BASE: &str = "https://news.example/data/articles/x.json";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn env_with(attrs: &[(&str, &str)], base: Option<&str>) -> Env {
    let config = Config::from_attributes(attrs.iter().copied()).unwrap();
    Env::new(config, next_instance(), base.map(str::to_string), &host())
}

fn seed() -> herald::core::article::Article {
    format::article(&json::parse(SEED).unwrap(), BASE).unwrap().value
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn attr(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

#[wasm_bindgen_test]
fn article_view_has_every_part_of_the_seed_page() {
    let env = env_with(&[("locale", "en-US"), ("time-zone", "Europe/Madrid")], Some("/"));
    let el = article::article(&env, &seed()).element();
    let t = |sel: &str| texts(&el, sel);

    assert_eq!(el.tag_name(), "ARTICLE");
    assert_eq!(t("header .hd-kicker"), vec!["Must read"]);
    assert_eq!(
        t("header h1"),
        vec!["We Went In Together, We Will Leave Together: Anthony Blinken"]
    );
    assert_eq!(
        t("header .hd-standfirst"),
        vec!["The US and its allies have discussed the foreign troop's withdrawal from Afghanistan"]
    );
    assert_eq!(t(".hd-byline__name"), vec!["Omid Sobhani"]);
    assert_eq!(
        attr(&el, ".hd-byline time", "datetime").as_deref(),
        Some("2021-03-24T14:20:00+01:00")
    );
    assert_eq!(
        t(".hd-byline time").first().map(String::as_str),
        Some("March 24, 2021")
    );
    assert_eq!(t(".hd-byline__reading"), vec!["3 min read"]);
    assert_eq!(
        attr(&el, ".hd-byline__avatar", "alt").as_deref(),
        Some(""),
        "the avatar is decorative"
    );

    let paragraphs = t(".hd-body > p");
    assert_eq!(paragraphs.len(), 13);
    assert!(
        paragraphs[0].starts_with("BELGIUM. Brussels: At a press conference in Brussels"),
        "{}",
        paragraphs[0]
    );
    assert_eq!(t(".hd-body > p .hd-dateline"), vec!["BELGIUM. Brussels:"]);
    assert_eq!(
        t(".hd-body > h2"),
        vec!["Leaving Afghanistan together", "90 days of reduction in violence"]
    );
    assert!(t(".hd-quote blockquote")[0].starts_with("We went in together, we have adjusted together"));
    assert_eq!(t(".hd-quote figcaption cite"), vec!["Antony Blinken"]);

    assert_eq!(
        t("aside.hd-read-also a"),
        vec!["NATO Will Not Leave Afghanistan Before The “Time Is Right”"]
    );
    assert_eq!(
        attr(&el, "aside.hd-read-also a", "href").as_deref(),
        Some("/article/nato-will-not-leave-afghanistan-before-the-time-is-right"),
        "the standalone app links the related article to its own route"
    );

    assert_eq!(attr(&el, ":scope > figure img", "width").as_deref(), Some("1200"));
    assert_eq!(attr(&el, ":scope > figure img", "height").as_deref(), Some("675"));
    assert_eq!(
        attr(&el, ":scope > figure img", "loading").as_deref(),
        Some("eager")
    );
    assert!(t(":scope > figure figcaption")[0].starts_with("NATO foreign ministers met in Brussels"));
    assert_eq!(t(".hd-tags li"), vec!["NATO", "Afghanistan", "United States"]);

    let author_box = el.query_selector("footer section.hd-author").unwrap().unwrap();
    assert_eq!(texts(&author_box, "h2"), vec!["Author"]);
    assert_eq!(texts(&author_box, ".hd-author__name"), vec!["Omid Sobhani"]);
    assert!(texts(&author_box, ".hd-author__bio")[0].starts_with("Omid Sobhani is a senior journalist"));
    assert_eq!(
        attr(&author_box, "a", "href").as_deref(),
        Some("https://example.com/authors/omid-sobhani")
    );

    // Three in-article ad slots by the default rule, each between two paragraphs.
    let slots = el.query_selector_all(".hd-body > .hd-ad").unwrap();
    assert_eq!(slots.length(), 3);
    for i in 0..slots.length() {
        let slot: web_sys::Element = slots.item(i).unwrap().unchecked_into();
        assert_eq!(slot.previous_element_sibling().unwrap().tag_name(), "P");
        assert_eq!(slot.next_element_sibling().unwrap().tag_name(), "P");
        assert_eq!(texts(&slot, ".hd-ad__label"), vec!["Advertisement"]);
    }
}

#[wasm_bindgen_test]
fn runs_nest_marks_and_links_safely() {
    let env = env_with(&[], None);
    let doc = r#"{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x","headline":"<b>not bold</b>",
        "published":"2024-01-01T00:00:00Z","language":"fa","body":[
        {"type":"paragraph","text":["a ",{"text":"b","emphasis":true,"strong":true,"href":"https://e.example/"}," c\nd"]},
        {"type":"read_also","headline":"R","url":"https://n.example/r","slug":"r"}]}"#;
    let a = format::article(&json::parse(doc).unwrap(), BASE).unwrap().value;
    let el = article::article(&env, &a).element();
    assert_eq!(texts(&el, "h1"), vec!["<b>not bold</b>"], "text stays text");
    assert!(el.query_selector("h1 b").unwrap().is_none());
    let link = el.query_selector(".hd-body p > a").unwrap().unwrap();
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(link.query_selector("strong > em").unwrap().is_some());
    assert_eq!(el.query_selector_all(".hd-body p br").unwrap().length(), 1);
    assert_eq!(el.get_attribute("lang").as_deref(), Some("fa"));
    assert_eq!(el.get_attribute("dir").as_deref(), Some("rtl"));
    // In an embed, related links go to the article's own URL.
    assert_eq!(
        attr(&el, ".hd-read-also a", "href").as_deref(),
        Some("https://n.example/r")
    );
}

#[wasm_bindgen_test]
fn skeleton_and_not_found_views() {
    let env = env_with(&[], Some("/news/"));
    let sk = states::article_skeleton().element();
    assert_eq!(sk.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(sk.query_selector_all(".hd-sk--headline").unwrap().length(), 2);
    let nf = states::not_found(&env).element();
    assert_eq!(texts(&nf, "h1"), vec!["Page not found"]);
    assert_eq!(attr(&nf, "a", "href").as_deref(), Some("/news/"));
}

/// A document served at an address of its own, `https://fixtures.test/N.json`:
/// `window.fetch` answers those addresses from memory (configuration
/// refuses `data:` URLs, as page content could plant them). Relative URLs
/// in it are made absolute first, as the tests expect them on news.example.
fn data_url(json: &str) -> String {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let json = json.replace("\"../../", "\"https://news.example/");
    let window = web_sys::window().unwrap();
    let fixtures = match js_sys::Reflect::get(&window, &"__fixtures".into()).unwrap() {
        v if v.is_object() => v,
        _ => {
            let map = js_sys::Object::new();
            js_sys::Reflect::set(&window, &"__fixtures".into(), &map).unwrap();
            // Only the tests' page has this wrapper; the widget's own code is unchanged.
            let wrap = js_sys::Function::new_with_args(
                "",
                "const real = window.fetch.bind(window);\
                 window.fetch = (input, init) => {\
                   const body = window.__fixtures[String(input)];\
                   if (body === undefined) return real(input, init);\
                   return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));\
                 };",
            );
            wrap.call0(&wasm_bindgen::JsValue::NULL).unwrap();
            map.into()
        }
    };
    let n = NEXT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let url = format!("https://fixtures.test/{n}.json");
    js_sys::Reflect::set(&fixtures, &url.as_str().into(), &json.as_str().into()).unwrap();
    url
}

async fn settle(host: &web_sys::Element, done: impl Fn(&web_sys::Element) -> bool) {
    for _ in 0..200 {
        if done(host) {
            return;
        }
        tick().await;
        gloo_sleep(10).await;
    }
    panic!("timed out; DOM is {}", host.inner_html());
}

async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn article_part_loads_shows_errors_and_retries() {
    // A malformed document: the error names the field and path, and offers Retry.
    let bad = SEED.replacen("\"headline\"", "\"title\"", 1);
    let env = env_with(&[("article", &data_url(&bad))], Some("/"));
    let el = host();
    let handle = mount(&el, Box::new(move || article::article_part(&env, None)));
    settle(&el, |h| h.query_selector(".hd-error").unwrap().is_some()).await;
    let detail = texts(&el, ".hd-error__detail")[0].clone();
    assert!(
        detail.contains("article (Herald JSON) from https://fixtures.test/"),
        "{detail}"
    );
    assert!(
        detail.ends_with("missing field `headline` at $ (line 1)"),
        "{detail}"
    );
    assert_eq!(
        texts(&el, ".hd-error__reason"),
        vec!["The data is not in the expected format."]
    );
    assert_eq!(texts(&el, ".hd-error button"), vec!["Retry"]);
    assert_eq!(
        texts(&el, "[aria-live]"),
        vec!["This article could not be loaded."]
    );
    drop(handle);
    assert_eq!(el.child_element_count(), 0, "unmounting removes the part");

    // A good document renders the article and clears the live region.
    let env = env_with(&[("article", &data_url(SEED))], Some("/"));
    let el = host();
    let _handle = mount(&el, Box::new(move || article::article_part(&env, None)));
    assert!(
        el.query_selector(".hd-skeleton").unwrap().is_some(),
        "the skeleton shows first"
    );
    settle(&el, |h| h.query_selector("article h1").unwrap().is_some()).await;
    assert!(el.query_selector(".hd-skeleton").unwrap().is_none());
    assert_eq!(texts(&el, "[aria-live]"), vec![""]);
    assert_eq!(attr(&el, ".hd-part", "aria-busy").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn yield_now_ends_the_task() {
    // The browser draws frames between tasks, never inside one: a frame
    // callback can only run if the awaits below end the task (a promise
    // that is merely resolved would keep it waiting for ever).
    let drawn = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = drawn.clone();
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || flag.set(true));
    web_sys::window()
        .unwrap()
        .request_animation_frame(on_frame.unchecked_ref())
        .unwrap();
    let started = js_sys::Date::now();
    while !drawn.get() && js_sys::Date::now() - started < 2000.0 {
        herald::web::schedule::yield_now().await;
    }
    assert!(drawn.get(), "no frame was drawn between yields");
}

#[wasm_bindgen_test]
async fn the_page_is_built_in_steps() {
    let env = env_with(
        &[
            ("article", &data_url(SEED)),
            ("trending", &data_url_shallow(TRENDING)),
            ("archives", &data_url_shallow(ARCHIVES)),
        ],
        Some("/"),
    );
    let el = host();
    let route = RwSignal::new(herald::core::route::Route::Front);
    let _handle = mount(&el, Box::new(move || page::page_view(&env, route.into())));
    // The first task: the layout and the article's skeleton, nothing else.
    assert!(el.query_selector("main .hd-skeleton--article").unwrap().is_some());
    assert!(el.query_selector(".hd-part--article").unwrap().is_none());
    // The sidebar's regions are there, empty.
    assert!(el.query_selector("aside *:not(.hd-dom)").unwrap().is_none());
    assert_eq!(
        el.query_selector_all("aside > .hd-dom:empty").unwrap().length(),
        2
    );
    // Then the article, and after it the sidebar.
    settle(&el, |h| h.query_selector("article h1").unwrap().is_some()).await;
    settle(&el, |h| {
        h.query_selector("aside .hd-trending li a").unwrap().is_some()
    })
    .await;
    assert!(el.query_selector("aside .hd-archives").unwrap().is_some());
    assert!(el.query_selector("main .hd-skeleton").unwrap().is_none());
}

const WEATHER: &str = include_str!("../public/data/weather.json");
const TRENDING: &str = include_str!("../public/data/trending.json");
const ARCHIVES: &str = include_str!("../public/data/archives.json");
const APRIL: &str = include_str!("../public/data/archive/2024-04.json");

/// Relative URLs one level below the site root (trending.json) made absolute.
fn data_url_shallow(json: &str) -> String {
    data_url(&json.replace("\"../", "\"https://news.example/"))
}

#[wasm_bindgen_test]
async fn top_bar_shows_weather_in_either_unit_and_the_date() {
    for (units, temp) in [("celsius", "13.5°C"), ("fahrenheit", "56.3°F")] {
        let env = env_with(
            &[
                ("weather", &data_url(WEATHER)),
                ("city", "Madrid"),
                ("units", units),
                ("locale", "en-US"),
            ],
            Some("/"),
        );
        let el = host();
        let _h = mount(&el, Box::new(move || herald::web::topbar::top_bar(&env)));
        assert!(
            el.query_selector(".hd-topbar__date time").unwrap().is_some(),
            "the date is there at once"
        );
        settle(&el, |h| h.query_selector(".hd-weather").unwrap().is_some()).await;
        assert_eq!(texts(&el, ".hd-weather__temp"), vec![temp]);
        assert_eq!(texts(&el, ".hd-weather__city"), vec!["Madrid"]);
        assert_eq!(texts(&el, ".hd-weather__cond"), vec!["Partly cloudy"]);
        assert!(el.query_selector("svg.hd-weather__icon").unwrap().is_some());
    }
    // Without a condition (no `weather_code`): the temperature alone, no icon.
    let no_code = r#"{"current":{"time":"2026-08-26T22:45","temperature_2m":25.1}}"#;
    let env = env_with(&[("weather", &data_url(no_code)), ("city", "Ancona")], Some("/"));
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::topbar::top_bar(&env)));
    settle(&el, |h| h.query_selector(".hd-weather").unwrap().is_some()).await;
    assert_eq!(texts(&el, ".hd-weather__temp"), vec!["25.1°C"]);
    assert!(el.query_selector(".hd-weather__cond").unwrap().is_none());
    assert!(el.query_selector("svg.hd-weather__icon").unwrap().is_none());
    // In Spanish, with a failing feed: no weather, the date stays.
    let env = env_with(
        &[
            ("weather", &data_url("{}")),
            ("locale", "es-ES"),
            ("time-zone", "Europe/Madrid"),
        ],
        Some("/"),
    );
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::topbar::top_bar(&env)));
    gloo_sleep(100).await;
    assert!(el.query_selector(".hd-weather").unwrap().is_none());
    let date = texts(&el, ".hd-topbar__date time")[0].clone();
    let expected = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"es-ES".into()), &{
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"dateStyle".into(), &"full".into()).unwrap();
        js_sys::Reflect::set(&o, &"timeZone".into(), &"Europe/Madrid".into()).unwrap();
        o
    })
    .format()
    .call1(&wasm_bindgen::JsValue::NULL, &js_sys::Date::new_0())
    .unwrap()
    .as_string()
    .unwrap();
    assert_eq!(date, expected);
}

#[wasm_bindgen_test]
async fn trending_lists_the_configured_count_in_rank_order() {
    let env = env_with(
        &[("trending", &data_url_shallow(TRENDING)), ("trending-count", "3")],
        Some("/"),
    );
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::trending::trending_part(&env)));
    assert_eq!(
        el.query_selector_all(".hd-trending__item--skeleton")
            .unwrap()
            .length(),
        3
    );
    settle(&el, |h| h.query_selector(".hd-trending__link").unwrap().is_some()).await;
    assert_eq!(texts(&el, "h2"), vec!["Trending Today"]);
    assert_eq!(texts(&el, ".hd-trending__rank"), vec!["1", "2", "3"]);
    let headlines = texts(&el, ".hd-trending__headline");
    assert_eq!(
        headlines[0],
        "We Went In Together, We Will Leave Together: Anthony Blinken"
    );
    assert_eq!(
        attr(&el, ".hd-trending__link", "href").as_deref(),
        Some("/article/we-went-in-together-we-will-leave-together-anthony-blinken")
    );
    assert_eq!(
        attr(&el, ".hd-trending__thumb", "loading").as_deref(),
        Some("lazy")
    );
    assert_eq!(
        attr(&el, ".hd-trending .hd-part__content", "style").as_deref(),
        Some("min-height: 18em;"),
        "room is reserved for three rows of 6em, as the stylesheet's rows"
    );
}

#[wasm_bindgen_test]
async fn a_trending_list_with_nothing_to_show_says_so() {
    // Every item lacks a URL: all are left out.
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"A"},{"id":"2","title":"B"}]}"#;
    let env = env_with(&[("trending", &data_url(feed))], Some("/"));
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::trending::trending_part(&env)));
    settle(&el, |h| {
        h.query_selector(".hd-trending__empty").unwrap().is_some()
    })
    .await;
    assert_eq!(texts(&el, ".hd-trending__empty"), vec!["No articles to show."]);
    assert!(el.query_selector(".hd-trending__item").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn archives_group_by_year_with_only_the_newest_open() {
    let env = env_with(
        &[("archives", &data_url_shallow(ARCHIVES)), ("locale", "fr-FR")],
        Some("/"),
    );
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::archives::archives_part(&env)));
    settle(&el, |h| h.query_selector("details").unwrap().is_some()).await;
    assert_eq!(texts(&el, "h2"), vec!["Archives"]);
    let years = texts(&el, "summary");
    assert_eq!(years, vec!["2024 (15)", "2023 (5)", "2022 (3)", "2021 (2)"]);
    let details = el.query_selector_all("details").unwrap();
    for i in 0..details.length() {
        let d: web_sys::Element = details.item(i).unwrap().unchecked_into();
        assert_eq!(d.has_attribute("open"), i == 0);
    }
    assert_eq!(texts(&el, "details li")[0], "avril 2024 (12)");
    assert_eq!(
        attr(&el, "details li a", "href").as_deref(),
        Some("/archive/2024/04")
    );
}

#[wasm_bindgen_test]
async fn in_an_embed_archive_months_are_buttons_not_links() {
    let env = env_with(&[("archives", &data_url_shallow(ARCHIVES))], None);
    let el = host();
    let _h = mount(&el, Box::new(move || herald::web::archives::archives_part(&env)));
    settle(&el, |h| h.query_selector("details").unwrap().is_some()).await;
    assert!(el.query_selector("details a").unwrap().is_none());
    assert_eq!(
        attr(&el, "details li button", "data-herald-route").as_deref(),
        Some("/archive/2024/04")
    );
    assert_eq!(attr(&el, "details li button", "type").as_deref(), Some("button"));
}

#[wasm_bindgen_test]
async fn a_month_listing_pages_through_its_articles() {
    let env = env_with(&[("listing", &data_url(APRIL))], Some("/"));
    let el = host();
    let page = RwSignal::new(1u32);
    let _h = mount(
        &el,
        Box::new(move || herald::web::listing::listing_part(&env, 2024, 4, page.into(), Place::Main)),
    );
    settle(&el, |h| h.query_selector(".hd-card__link").unwrap().is_some()).await;
    assert_eq!(texts(&el, "h1"), vec!["Articles from April 2024"]);
    assert_eq!(el.query_selector_all(".hd-card__link").unwrap().length(), 10);
    assert_eq!(texts(&el, ".hd-pager__status"), vec!["Page 1 of 2"]);
    assert_eq!(
        attr(&el, "a[rel=next]", "href").as_deref(),
        Some("/archive/2024/04?page=2")
    );
    page.set(2);
    settle(&el, |h| {
        h.query_selector_all(".hd-card__link").unwrap().length() == 2
    })
    .await;
    assert_eq!(texts(&el, ".hd-pager__status"), vec!["Page 2 of 2"]);
    assert_eq!(
        attr(&el, "a[rel=prev]", "href").as_deref(),
        Some("/archive/2024/04")
    );
}

#[wasm_bindgen_test]
async fn a_listing_under_an_archives_widget_is_titled_below_its_heading() {
    let env = env_with(&[("listing", &data_url(APRIL))], None);
    let el = host();
    let _h = mount(
        &el,
        Box::new(move || {
            herald::web::listing::listing_part(&env, 2024, 4, Signal::stored(1), Place::UnderArchives)
        }),
    );
    settle(&el, |h| h.query_selector(".hd-card__link").unwrap().is_some()).await;
    assert_eq!(
        texts(&el, "h3.hd-listing__title"),
        vec!["Articles from April 2024"]
    );
    assert!(el.query_selector("h1").unwrap().is_none());
}

const XSS: &str = include_str!("../e2e/fixtures/xss-vectors.json");

fn xss_vectors() -> Vec<(String, String)> {
    let doc = json::parse(XSS).unwrap();
    doc.get("vectors")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v.get("id").unwrap().as_str().unwrap().to_string(),
                v.get("html").unwrap().as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Replaces alert, confirm, prompt and print with recorders.
fn hook_dialogs() -> js_sys::Array {
    let calls = js_sys::Array::new();
    let window = web_sys::window().unwrap();
    for name in ["alert", "confirm", "prompt", "print"] {
        let calls = calls.clone();
        let name_owned = name.to_string();
        let f = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            calls.push(&name_owned.as_str().into());
        });
        js_sys::Reflect::set(&window, &name.into(), f.as_ref()).unwrap();
        f.forget();
    }
    calls
}

#[wasm_bindgen_test]
async fn the_sanitizer_defeats_the_xss_corpus() {
    use herald::core::article::Article;
    use herald::core::html::{HtmlParser, Sanitizer};
    use herald::web::sanitize::BrowserHtml;

    let calls = hook_dialogs();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let base = format!("{origin}/feed/post.json");
    let env = env_with(&[], None);
    let vectors = xss_vectors();
    assert!(vectors.len() >= 150);
    let stage = host();
    let mut rendered_blocks = 0;
    for (id, html) in &vectors {
        let (blocks, _) = Sanitizer::new(&base, Some(&origin))
            .blocks(&BrowserHtml { zone: None }.parse(html))
            .expect("within the limits");
        rendered_blocks += blocks.len();
        let mut a: Article = seed();
        a.body = blocks;
        let el = article::article(&env, &a).element();
        stage.append_child(&el).unwrap();
        // Nothing active in what was rendered.
        let all = el.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let e: web_sys::Element = all.item(i).unwrap().unchecked_into();
            let tag = e.tag_name().to_ascii_lowercase();
            assert!(
                ![
                    "script", "iframe", "object", "embed", "form", "svg", "math", "style", "link", "meta",
                    "base", "frame", "template", "input", "button"
                ]
                .contains(&tag.as_str()),
                "{id}: <{tag}> rendered"
            );
            let names = e.get_attribute_names();
            for n in names.iter() {
                let n = n.as_string().unwrap();
                assert!(!n.starts_with("on"), "{id}: attribute {n}");
                assert!(
                    ![
                        "style",
                        "srcdoc",
                        "formaction",
                        "action",
                        "ping",
                        "background",
                        "poster"
                    ]
                    .contains(&n.as_str()),
                    "{id}: attribute {n}"
                );
                // A srcset is built from checked addresses: each candidate is one.
                if n == "srcset" {
                    for candidate in e.get_attribute(&n).unwrap().split(", ") {
                        let url = candidate
                            .rsplit_once(' ')
                            .map_or(candidate, |(u, _)| u)
                            .to_ascii_lowercase();
                        assert!(
                            url.starts_with("http://") || url.starts_with("https://"),
                            "{id}: srcset {url}"
                        );
                        assert!(!url.contains("evil.test"), "{id}: srcset {url}");
                    }
                }
                if n == "href" || n == "src" {
                    let v = e.get_attribute(&n).unwrap().to_ascii_lowercase();
                    assert!(
                        v.starts_with("http://")
                            || v.starts_with("https://")
                            || v.starts_with("mailto:")
                            || v.starts_with('/'),
                        "{id}: {n}={v}"
                    );
                    // A frame of the attacker's becomes a link out that names
                    // its host; no other address of theirs is kept.
                    let embed_link = n == "href"
                        && e.class_name() == "hd-embed__link"
                        && e.text_content().unwrap_or_default().contains("evil.test");
                    assert!(!v.contains("evil.test") || embed_link, "{id}: {n}={v}");
                }
            }
        }
    }
    assert!(
        rendered_blocks > vectors.len() / 2,
        "the corpus's harmless text is kept: {rendered_blocks} blocks"
    );
    // Let anything that could run or load, run or load.
    gloo_sleep(500).await;
    assert_eq!(calls.length(), 0, "dialogs called: {:?}", calls.to_vec());
    let performance: web_sys::Performance =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"performance".into())
            .unwrap()
            .unchecked_into();
    let entries = performance.get_entries_by_type("resource");
    for e in entries.iter() {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .unwrap()
            .as_string()
            .unwrap();
        assert!(!name.contains("evil.test"), "a request left for {name}");
    }
    stage.remove();
}

#[wasm_bindgen_test]
fn a_base_element_in_content_does_not_move_urls() {
    use herald::core::article::Block;
    use herald::core::html::{HtmlParser, Sanitizer};
    use herald::web::sanitize::BrowserHtml;
    let html = r#"<base href="https://evil.test/"><p><a href="story">s</a> <img src="pic.jpg"></p>"#;
    let (blocks, _) = Sanitizer::new("https://cms.example/feed/post.json", None)
        .blocks(&BrowserHtml { zone: None }.parse(html))
        .expect("within the limits");
    let Block::Paragraph(runs) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(runs[0].href.as_deref(), Some("https://cms.example/feed/story"));
    assert!(matches!(&blocks[1], Block::Image(i) if i.src == "https://cms.example/feed/pic.jpg"));
}

/// Format 1.1's blocks as a reader gets them: marks as elements, nested
/// lists, code left to right in its own scrolling box, tables with their
/// header scopes and caption as the region's name, and no ad slot inside
/// or beside any of them.
#[wasm_bindgen_test]
fn format_1_1_blocks_render_with_their_structure() {
    let env = env_with(&[("locale", "ar")], None);
    let para = r#"{"type":"paragraph","text":"Words words words."}"#;
    let doc = format!(
        r#"{{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x","headline":"H",
        "published":"2024-01-01T00:00:00Z","body":[{para},{para},{para},
        {{"type":"paragraph","text":["E = mc",{{"text":"2","superscript":true}},", H",{{"text":"2","subscript":true}},"O ",
          {{"text":"old","strikethrough":true}}," ",{{"text":"x()","code":true,"strong":true}}," ",{{"text":"Ctrl","keyboard":true}}," ",{{"text":"hi","highlight":true}}]}},
        {{"type":"list","items":["a",{{"text":"b","list":{{"ordered":true,"items":["b1","b2"]}}}}]}},
        {{"type":"code","language":"rust","text":"fn main() {{\n    x\n}}"}},
        {{"type":"verse","text":"one\n  two"}},
        {{"type":"separator"}},
        {{"type":"table","caption":"Trains","head":[["City","N"]],"rows":[["Paris","12"],[{{"text":"All","colspan":2}}]],"header_column":true,"align":[null,"end"]}},
        {para},{para},{para},{para}]}}"#
    );
    let a = format::article(&json::parse(&doc).unwrap(), BASE).unwrap().value;
    let el = article::article(&env, &a).element();
    let one = |sel: &str| {
        el.query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("no {sel}"))
    };
    assert_eq!(one(".hd-body sup").text_content().as_deref(), Some("2"));
    assert_eq!(one(".hd-body sub").text_content().as_deref(), Some("2"));
    assert_eq!(one(".hd-body s").text_content().as_deref(), Some("old"));
    assert_eq!(
        one(".hd-body strong > code").text_content().as_deref(),
        Some("x()")
    );
    assert_eq!(one(".hd-body kbd").text_content().as_deref(), Some("Ctrl"));
    assert_eq!(one(".hd-body mark").text_content().as_deref(), Some("hi"));
    // The nested list is inside its item, after the item's text.
    assert_eq!(texts(&el, "ul.hd-list > li > ol > li"), vec!["b1", "b2"]);
    let code = one("pre.hd-pre--code");
    assert_eq!(code.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(attr(&code, "code", "class").as_deref(), Some("language-rust"));
    assert_eq!(code.text_content().as_deref(), Some("fn main() {\n    x\n}"));
    assert_eq!(one("p.hd-verse").text_content().as_deref(), Some("one\n  two"));
    assert!(el.query_selector("hr.hd-separator").unwrap().is_some());
    let region = one(".hd-table");
    assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(region.get_attribute("tabindex").as_deref(), Some("0"));
    let caption_id = attr(&region, "caption", "id").unwrap();
    assert_eq!(region.get_attribute("aria-labelledby"), Some(caption_id));
    assert_eq!(texts(&region, "thead th[scope=col]"), vec!["City", "N"]);
    assert_eq!(texts(&region, "tbody th[scope=row]"), vec!["Paris", "All"]);
    assert_eq!(
        attr(&region, "tbody tr:last-child th", "colspan").as_deref(),
        Some("2")
    );
    assert_eq!(texts(&region, "td.hd-align-end"), vec!["12"]);
    // Ads only between two paragraphs, never beside the new blocks.
    let slots = el.query_selector_all(".hd-ad").unwrap();
    assert_eq!(slots.length(), 2);
    for i in 0..slots.length() {
        let slot: web_sys::Element = slots.item(i).unwrap().unchecked_into();
        let before = slot.previous_element_sibling().unwrap().tag_name();
        let after = slot.next_element_sibling().unwrap().tag_name();
        assert_eq!((before.as_str(), after.as_str()), ("P", "P"));
        assert!(!slot
            .previous_element_sibling()
            .unwrap()
            .class_list()
            .contains("hd-verse"));
    }
}

/// Galleries are lists of figures; embeds are links out that load nothing
/// from the other site (no frame, no script, no image but the publisher's
/// poster), in the reader's language.
#[wasm_bindgen_test]
fn galleries_and_embeds_render_as_figures_and_links() {
    let env = env_with(&[("locale", "es")], None);
    let doc = r#"{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x","headline":"H",
        "published":"2024-01-01T00:00:00Z","body":[
        {"type":"gallery","caption":"Dos","images":[{"src":"https://n.example/a.jpg","alt":"A","caption":"Primera","width":800,"height":600},{"src":"https://n.example/b.jpg","alt":"B"}]},
        {"type":"embed","kind":"video","url":"https://www.youtube.com/watch?v=x","provider":"YouTube","title":"Tren nocturno","caption":"El último tren"},
        {"type":"embed","kind":"audio","url":"https://n.example/ep1.mp3","details":"MP3, 42 min","poster":{"src":"https://n.example/p.jpg","alt":""}},
        {"type":"embed","kind":"post","url":"https://twitter.com/rail/status/1","provider":"Twitter","title":"Trains are back."}]}"#;
    let a = format::article(&json::parse(doc).unwrap(), BASE).unwrap().value;
    let el = article::article(&env, &a).element();
    assert_eq!(texts(&el, "figure.hd-gallery > ul > li > figure img").len(), 2);
    assert_eq!(texts(&el, "figure.hd-gallery > figcaption"), vec!["Dos"]);
    assert_eq!(texts(&el, "figure.hd-gallery li figcaption"), vec!["Primera"]);
    let links: Vec<(Option<String>, String)> = {
        let list = el.query_selector_all("a.hd-embed__link").unwrap();
        (0..list.length())
            .map(|i| {
                let a: web_sys::Element = list.item(i).unwrap().unchecked_into();
                (a.get_attribute("href"), a.text_content().unwrap_or_default())
            })
            .collect()
    };
    assert_eq!(links.len(), 3);
    assert_eq!(links[0].0.as_deref(), Some("https://www.youtube.com/watch?v=x"));
    assert_eq!(links[0].1, "Tren nocturnoVer en YouTube");
    assert_eq!(links[1].1, "EscucharMP3, 42 min");
    assert_eq!(links[2].1, "Trains are back.Ver la publicación en Twitter");
    assert_eq!(texts(&el, ".hd-embed--video figcaption"), vec!["El último tren"]);
    // Nothing from elsewhere is loaded: no frames, no media elements, and
    // the only image in an embed is the publisher's poster.
    assert!(el
        .query_selector("iframe, video, audio, script, object")
        .unwrap()
        .is_none());
    assert_eq!(
        attr(&el, ".hd-embed img", "src").as_deref(),
        Some("https://n.example/p.jpg")
    );
    assert_eq!(el.query_selector_all(".hd-embed img").unwrap().length(), 1);
}

/// An article whose language is unknown takes the direction of its text:
/// an Arabic post on an English page reads right to left.
#[wasm_bindgen_test]
fn an_article_of_unknown_language_follows_its_text() {
    let env = env_with(&[("locale", "en")], None);
    let doc = r#"{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x","headline":"عودة الموسيقى إلى الساحة",
        "published":"2024-01-01T00:00:00Z","body":[{"type":"paragraph","text":"قال الموسيقي إن الجمهور عاد."}]}"#;
    let a = format::article(&json::parse(doc).unwrap(), BASE).unwrap().value;
    let stage = host();
    let el = article::article(&env, &a).element();
    stage.append_child(&el).unwrap();
    assert_eq!(el.get_attribute("dir").as_deref(), Some("rtl"));
    let h1: web_sys::HtmlElement = el.query_selector("h1").unwrap().unwrap().unchecked_into();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&h1)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
}

/// An article whose feed gives no date shows its byline without one.
#[wasm_bindgen_test]
fn an_article_without_a_date_has_a_byline_without_one() {
    let env = env_with(&[("locale", "en")], None);
    let mut a = seed();
    a.published = None;
    a.updated = None;
    let el = article::article(&env, &a).element();
    assert!(el.query_selector(".hd-byline time").unwrap().is_none());
    let meta = texts(&el, ".hd-byline__meta");
    assert_eq!(meta.len(), 1);
    assert!(
        meta[0].ends_with("min read") && !meta[0].contains('·'),
        "{meta:?}"
    );
}

/// Images offer their other widths to the browser, with the size they are
/// laid out at: the column for the article's, a thumbnail's own for lists.
#[wasm_bindgen_test]
fn images_offer_their_widths_with_the_size_they_are_shown_at() {
    use herald::core::article::{Image, Source};
    let env = env_with(&[], None);
    let mut a = seed();
    let mut image = Image::new("https://n.example/a-1200.jpg".into(), "A".into());
    image.width = Some(1200);
    image.height = Some(675);
    image.sources = vec![
        Source {
            src: "https://n.example/a-300.jpg".into(),
            width: 300,
        },
        Source {
            src: "https://n.example/a-768.jpg".into(),
            width: 768,
        },
    ];
    a.image = Some(image.clone());
    let el = article::article(&env, &a).element();
    let lead = el.query_selector(".hd-figure__img").unwrap().unwrap();
    assert_eq!(
        lead.get_attribute("srcset").as_deref(),
        Some("https://n.example/a-300.jpg 300w, https://n.example/a-768.jpg 768w, https://n.example/a-1200.jpg 1200w")
    );
    assert_eq!(
        lead.get_attribute("sizes").as_deref(),
        Some(herald::web::markup::COLUMN)
    );
    let thumb = herald::web::markup::image_tag(&image, false, "t", "6em").element();
    assert_eq!(thumb.get_attribute("sizes").as_deref(), Some("6em"));
    // Without other widths, no srcset at all.
    image.sources.clear();
    let plain = herald::web::markup::image_tag(&image, false, "t", "6em").element();
    assert!(plain.get_attribute("srcset").is_none() && plain.get_attribute("sizes").is_none());
}

/// A note referred to twice: both references link to it, only the first
/// carries the id its back-link targets, so ids stay unique.
#[wasm_bindgen_test]
fn a_note_referred_to_twice_keeps_ids_unique() {
    let env = env_with(&[("locale", "en")], None);
    let doc = r#"{"herald":1,"type":"article","id":"x","slug":"x","url":"https://n.example/x","headline":"H",
        "published":"2024-01-01T00:00:00Z","body":[
        {"type":"paragraph","text":["One",{"text":"1","note":1},"."]},
        {"type":"paragraph","text":["Two",{"text":"2","note":2}," and again",{"text":"1","note":1},"."]},
        {"type":"footnotes","notes":["First.","Second."]}]}"#;
    let a = format::article(&json::parse(doc).unwrap(), BASE).unwrap().value;
    // Built twice: the second build numbers its references afresh.
    for _ in 0..2 {
        let el = article::article(&env, &a).element();
        let refs = el.query_selector_all("sup.hd-fnref a").unwrap();
        let links: Vec<(Option<String>, Option<String>)> = (0..refs.length())
            .map(|i| {
                let a: web_sys::Element = refs.item(i).unwrap().unchecked_into();
                (a.get_attribute("href"), a.get_attribute("id"))
            })
            .collect();
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            links,
            vec![
                (s("#hd-fn-1"), s("hd-fnref-1")),
                (s("#hd-fn-2"), s("hd-fnref-2")),
                (s("#hd-fn-1"), None)
            ]
        );
        assert_eq!(el.query_selector_all("[id=hd-fnref-1]").unwrap().length(), 1);
        assert_eq!(
            attr(&el, "#hd-fn-1 a.hd-fnback", "href").as_deref(),
            Some("#hd-fnref-1")
        );
    }
}

/// The browser's rules give a zone's offset at an instant, summer time
/// included; the readers use it for dates written without a zone.
#[wasm_bindgen_test]
fn zone_offsets_come_from_the_browser() {
    use herald::web::intl::zone_offset;
    let ms = |s: &str| herald::core::time::Timestamp::parse_rfc3339(s).unwrap().unix_ms;
    assert_eq!(zone_offset("Europe/Madrid", ms("2024-01-15T12:00:00Z")), Some(60));
    assert_eq!(
        zone_offset("Europe/Madrid", ms("2024-07-15T12:00:00Z")),
        Some(120)
    );
    assert_eq!(zone_offset("Asia/Kabul", ms("2024-07-15T12:00:00Z")), Some(270));
    assert_eq!(
        zone_offset("America/St_Johns", ms("2024-01-15T12:00:00.500Z")),
        Some(-210)
    );
    assert_eq!(zone_offset("UTC", ms("1969-12-31T23:59:59Z")), Some(0));
}
