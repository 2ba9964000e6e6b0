//! The WordPress REST API: a post from `/wp-json/wp/v2/posts?slug=…&_embed`,
//! a trending list from the WordPress Popular Posts plugin
//! (`/wp-json/wordpress-popular-posts/v1/popular-posts`), and a month of
//! posts (`?after=…&before=…&page=…`, with `X-WP-Total` and
//! `X-WP-TotalPages`). Missing `_embedded` data, or an error object in its
//! place, degrades to an article without that part.

use super::archive::{Listing, ServerPage};
use super::article::{image_side, Article, Author, Image, Summary};
use super::decode::{At, Result as DResult};
use super::error::{Parsed, Problem};
use super::html::{body_blocks, fragment_text, take_dateline, HtmlParser};
use super::json::{Json, Value};
use super::limits::{list_cut, nothing_left, Budget, Warnings, MAX_ITEMS};
use super::time::Timestamp;
use super::url::{origin, resolve, UrlUse};

struct Ctx<'a> {
    base: &'a str,
    html: &'a dyn HtmlParser,
    warnings: Warnings,
}

impl Ctx<'_> {
    /// The text of an HTML fragment (titles, excerpts, captions).
    fn text(&self, html: &str) -> String {
        fragment_text(self.html, html)
    }

    fn rendered(&self, at: &At, key: &str) -> DResult<Option<String>> {
        let Some(v) = at.field(key)? else { return Ok(None) };
        // `{"rendered": "…"}` as in posts, or a plain string as in some plugins.
        let html = match v.json.as_str() {
            Some(s) => s.to_string(),
            None => v.required("rendered")?.string()?,
        };
        let text = self.text(&html);
        Ok((!text.is_empty()).then_some(text))
    }
}

/// A WordPress error object (`{"code": …, "message": …, "data": {"status": …}}`).
fn wp_error(json: &Json) -> Option<Problem> {
    let code = json.get("code")?.as_str()?;
    let message = json.get("message").and_then(Json::as_str).unwrap_or("");
    let status = json
        .get("data")
        .and_then(|d| d.get("status"))
        .and_then(Json::as_f64);
    if status == Some(404.0) || code == "rest_post_invalid_id" {
        return Some(Problem::NotFound);
    }
    Some(Problem::Unsupported(format!(
        "WordPress answered with error `{code}`: {message}"
    )))
}

fn date(at: &At, gmt: &str, local: &str) -> DResult<Option<Timestamp>> {
    let field = match at.field(gmt)? {
        Some(f) => f,
        None => match at.field(local)? {
            Some(f) => f,
            None => return Ok(None),
        },
    };
    let text = field.string()?;
    Timestamp::parse_utc_naive(text.trim())
        .map(Some)
        .map_err(|e| field.error(e))
}

/// The first element of `_embedded[key]`, unless missing or an error object.
fn embedded<'a>(post: &'a Json, key: &str) -> Option<&'a Json> {
    post.get("_embedded")?.get(key)?.as_array()?.first()
}

fn featured_image(post: &Json, ctx: &mut Ctx) -> Option<Image> {
    let media = embedded(post, "wp:featuredmedia")?;
    if media.get("code").is_some() {
        ctx.warnings
            .push("the featured image is not available (WordPress answered with an error)".to_string());
        return None;
    }
    let src = resolve(ctx.base, media.get("source_url")?.as_str()?, UrlUse::Resource)?;
    let details = media.get("media_details");
    let dim = |k: &str| {
        details
            .and_then(|d| d.get(k))
            .and_then(Json::as_f64)
            .and_then(image_side)
    };
    let caption = media
        .get("caption")
        .and_then(|c| c.get("rendered").or(Some(c)))
        .and_then(Json::as_str)
        .map(|h| ctx.text(h))
        .filter(|c| !c.is_empty());
    let credit = details
        .and_then(|d| d.get("image_meta"))
        .and_then(|m| m.get("credit"))
        .and_then(Json::as_str)
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    Some(Image {
        src,
        alt: media
            .get("alt_text")
            .and_then(Json::as_str)
            .unwrap_or("")
            .trim()
            .to_string(),
        width: dim("width"),
        height: dim("height"),
        caption,
        credit,
    })
}

/// The post's authors; their bios (HTML to read) only when `with_bio`.
fn authors(post: &Json, ctx: &Ctx, with_bio: bool) -> Vec<Author> {
    let Some(list) = post
        .get("_embedded")
        .and_then(|e| e.get("author"))
        .and_then(Json::as_array)
    else {
        return Vec::new();
    };
    list.iter()
        .filter(|a| a.get("code").is_none())
        .filter_map(|a| {
            let name = ctx.text(a.get("name")?.as_str()?);
            if name.is_empty() {
                return None;
            }
            // The largest avatar WordPress offers.
            let avatar = a.get("avatar_urls").and_then(|u| match &u.value {
                Value::Object(sizes) => sizes
                    .iter()
                    .filter_map(|(k, v)| Some((k.parse::<u32>().ok()?, v.as_str()?)))
                    .max_by_key(|(k, _)| *k)
                    .and_then(|(_, v)| resolve(ctx.base, v, UrlUse::Resource)),
                _ => None,
            });
            let link = a
                .get("link")
                .or_else(|| a.get("url"))
                .and_then(Json::as_str)
                .and_then(|l| resolve(ctx.base, l, UrlUse::Link));
            Some(Author {
                name,
                slug: a.get("slug").and_then(Json::as_str).map(str::to_string),
                avatar,
                bio: with_bio
                    .then(|| a.get("description"))
                    .flatten()
                    .and_then(Json::as_str)
                    .map(|d| ctx.text(d))
                    .filter(|d| !d.is_empty()),
                url: link,
            })
        })
        .collect()
}

/// Category names (in the post's order, "Uncategorized" left out) and tag names.
fn terms(post: &Json, ctx: &Ctx) -> (Vec<String>, Vec<String>) {
    let mut categories = Vec::new();
    let mut tags = Vec::new();
    let groups = post
        .get("_embedded")
        .and_then(|e| e.get("wp:term"))
        .and_then(Json::as_array)
        .unwrap_or(&[]);
    for term in groups.iter().filter_map(Json::as_array).flatten() {
        let (Some(name), Some(taxonomy)) = (
            term.get("name").and_then(Json::as_str),
            term.get("taxonomy").and_then(Json::as_str),
        ) else {
            continue;
        };
        let name = ctx.text(name);
        match taxonomy {
            "category" if term.get("slug").and_then(Json::as_str) != Some("uncategorized") => {
                categories.push(name)
            }
            "post_tag" => tags.push(name),
            _ => {}
        }
    }
    (categories, tags)
}

/// The post to read: the first of an array (`?slug=` answers with one), or
/// the object itself.
fn the_post(json: &Json) -> Result<&Json, Problem> {
    if let Some(problem) = wp_error(json) {
        return Err(problem);
    }
    match &json.value {
        Value::Array(posts) => posts.first().ok_or(Problem::NotFound),
        _ => Ok(json),
    }
}

fn summary(post: &Json, ctx: &mut Ctx) -> DResult<Summary> {
    let at = At::root(post);
    at.is_object()?;
    let (categories, _) = terms(post, ctx);
    let link = at.req_text("link")?;
    let url = resolve(ctx.base, &link, UrlUse::Link)
        .ok_or_else(|| at.error(format!("`link` must be an http(s) URL, found `{link}`")))?;
    let headline = match ctx.rendered(&at, "title")? {
        Some(h) => h,
        // An untitled post (WordPress allows them): the start of its
        // excerpt or text, as JSON Feed's title-less items.
        None => match ctx.rendered(&at, "excerpt")?.or(ctx.rendered(&at, "content")?) {
            Some(text) => {
                ctx.warnings.push(format!(
                    "an untitled post takes its headline from its text at {}",
                    at.path()
                ));
                super::article::truncate_words(&trim_more(&text), 80)
            }
            None => return Err(at.error("missing field `title` (and no text to take one from)")),
        },
    };
    let names: Vec<String> = authors(post, ctx, false).into_iter().map(|a| a.name).collect();
    Ok(Summary {
        slug: at.opt_text("slug")?,
        url,
        headline,
        kicker: categories.first().cloned(),
        standfirst: ctx.rendered(&at, "excerpt")?.map(|e| trim_more(&e)),
        section: categories.last().cloned(),
        author: (!names.is_empty()).then(|| names.join(" & ")),
        published: date(&at, "date_gmt", "date")?,
        language: at.opt_text("lang")?,
        image: featured_image(post, ctx),
    })
}

/// An excerpt without WordPress' "[…]" or "Continue reading" ending.
fn trim_more(excerpt: &str) -> String {
    let mut e = excerpt.trim();
    for tail in ["[…]", "[...]", "…", "Continue reading", "Read more"] {
        e = e.trim_end_matches(tail).trim_end();
    }
    e.to_string()
}

pub fn article(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Article>, Problem> {
    let post = the_post(json)?;
    let mut ctx = Ctx {
        base,
        html,
        warnings: Warnings::default(),
    };
    let result: Result<Article, Problem> = (|| {
        let at = At::root(post);
        let s = summary(post, &mut ctx)?;
        let published = s.published.ok_or_else(|| at.error("missing field `date_gmt`"))?;
        let content = at.required("content")?;
        let body_html = content.required("rendered")?.string()?;
        let site = origin(&s.url).map(str::to_string);
        let (mut body, warnings) = body_blocks(html, &body_html, base, site.as_deref())?;
        ctx.warnings.extend(warnings);
        let dateline = take_dateline(&mut body);
        let (_, tags) = terms(post, &ctx);
        let updated = date(&at, "modified_gmt", "modified")?.filter(|u| u.unix_ms > published.unix_ms);
        Ok(Article {
            id: match at.field("id")? {
                Some(id) => id.integer(0, i64::MAX)?.to_string(),
                None => s.url.clone(),
            },
            slug: s.slug.clone().unwrap_or_default(),
            url: s.url,
            kicker: s.kicker,
            headline: s.headline,
            standfirst: s.standfirst,
            section: s.section,
            tags,
            published,
            updated,
            dateline,
            language: s.language,
            authors: authors(post, &ctx, true),
            image: s.image,
            body,
        })
    })();
    result.map(|value| Parsed {
        value,
        warnings: ctx.warnings.into_vec(),
    })
}

/// A list of posts (Popular Posts, or a page of `/posts`) as summaries.
pub fn summaries(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Vec<Summary>>, Problem> {
    if let Some(problem) = wp_error(json) {
        return Err(problem);
    }
    let root = At::root(json);
    let mut ctx = Ctx {
        base,
        html,
        warnings: Warnings::default(),
    };
    let posts = root.items()?;
    if posts.len() > MAX_ITEMS {
        ctx.warnings.push(list_cut(
            MAX_ITEMS,
            &format!("the answer has {} posts", posts.len()),
        ));
    }
    let budget = Budget::default();
    let mut value = Vec::new();
    let (mut skipped, mut first_skip) = (0, None);
    for p in posts.iter().take(MAX_ITEMS) {
        // A post that cannot be read is skipped, never the list.
        let s = match summary(p.json, &mut ctx) {
            Ok(s) => s,
            Err(e) => {
                let e = reroot(e, p);
                skipped += 1;
                first_skip.get_or_insert_with(|| e.to_string());
                ctx.warnings.push(format!("skipped a post: {e}"));
                continue;
            }
        };
        if !budget.text(s.text_len()) {
            ctx.warnings.push(list_cut(value.len(), budget.message()));
            break;
        }
        value.push(s);
    }
    if let (true, Some(first)) = (value.is_empty(), first_skip) {
        ctx.warnings.lead(nothing_left(skipped, &first));
    }
    Ok(Parsed {
        value,
        warnings: ctx.warnings.into_vec(),
    })
}

/// An error found inside one post, with the post's place in the list.
fn reroot(mut e: Box<super::error::SchemaError>, item: &At) -> Box<super::error::SchemaError> {
    e.path = format!("{}{}", item.path(), e.path.trim_start_matches('$'));
    e
}

/// One page of a month of posts. `total` and `pages` are the `X-WP-Total`
/// and `X-WP-TotalPages` headers; without them the page is taken as the
/// last one.
pub fn listing(
    json: &Json,
    base: &str,
    html: &dyn HtmlParser,
    page: u32,
    total: Option<u32>,
    pages: Option<u32>,
) -> Result<Parsed<Listing>, Problem> {
    let parsed = summaries(json, base, html)?;
    let items = parsed.value;
    let page = page.max(1);
    let pages = pages.unwrap_or(page).max(page);
    let total = total.unwrap_or(items.len() as u32);
    let first = items.first().and_then(|s| s.published).map(|p| p.local_civil());
    Ok(Parsed {
        value: Listing {
            year: first.map_or(0, |c| c.year),
            month: first.map_or(0, |c| c.month),
            items,
            server_page: Some(ServerPage { page, pages, total }),
        },
        warnings: parsed.warnings,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
