//! The WordPress REST API: a post from `/wp-json/wp/v2/posts?slug=…&_embed`,
//! a trending list from the WordPress Popular Posts plugin
//! (`/wp-json/wordpress-popular-posts/v1/popular-posts`), and a month of
//! posts (`?after=…&before=…&page=…`, with `X-WP-Total` and
//! `X-WP-TotalPages`). Missing `_embedded` data, or an error object in its
//! place, degrades to an article without that part.

use super::archive::{Listing, ServerPage};
use super::article::{
    image_side, later_update, repeats_body, tidy_sources, Article, Author, Image, Source, Summary,
    MAX_SOURCES,
};
use super::decode::{At, Ctx, Result as DResult};
use super::error::{Parsed, Problem};
use super::html::{body_blocks, take_dateline, HtmlParser};
use super::json::{Json, Value};
use super::limits::{list_cut, nothing_left, Budget, MAX_ITEMS};
use super::time::Timestamp;
use super::url::{decode_percent, origin, resolve, UrlUse};

/// The text of a rendered member: `{"rendered": "…"}` as in posts, or a
/// plain string as in some plugins; `None` when absent or empty.
fn rendered(at: &At, key: &str, ctx: &Ctx) -> DResult<Option<String>> {
    let Some(v) = at.field(key)? else { return Ok(None) };
    let html = match v.as_str() {
        Some(s) => s.to_string(),
        None => v.required("rendered")?.string()?,
    };
    // Without the theme's "Continue reading" link and what it holds
    // (`<a class="more-link">Continue reading<span> “About us”</span></a>`).
    let html = match html.find("more-link").and_then(|i| html[..i].rfind("<a")) {
        Some(link) => &html[..link],
        None => &html,
    };
    let text = ctx.text(html);
    Ok((!text.is_empty()).then_some(text))
}

/// A WordPress error object (`{"code": …, "message": …, "data": {"status": …}}`).
fn wp_error(at: &At) -> Option<Problem> {
    let code = at.str_of("code")?;
    let message = at.str_of("message").unwrap_or("");
    let status = at.get("data").and_then(|d| d.num_of("status"));
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

/// The first featured image of `_embedded`, unless missing or an error object.
fn featured_image(post: &At, ctx: &mut Ctx) -> Option<Image> {
    let embedded = post.get("_embedded")?;
    let list = embedded.get("wp:featuredmedia")?;
    let media = list.first()?;
    if media.has("code") {
        ctx.warnings
            .push("the featured image is not available (WordPress answered with an error)".to_string());
        return None;
    }
    let src = resolve(ctx.base, media.str_of("source_url")?, UrlUse::Resource)?;
    let details = media.get("media_details");
    let details = details.as_ref();
    let meta = details.and_then(|d| d.get("image_meta"));
    let dim = |k: &str| details.and_then(|d| d.num_of(k)).and_then(image_side);
    let caption = media
        .get("caption")
        .and_then(|c| c.str_of("rendered").or(c.as_str()))
        .map(|h| ctx.text(h))
        .filter(|c| !c.is_empty());
    // `media_details.sizes`: the sizes WordPress made (thumbnail, medium, large…).
    let mut sources = Vec::new();
    if let Some(sizes) = details.and_then(|d| d.get("sizes")) {
        if let Value::Object(members) = &sizes.json.value {
            for (_, size) in members.iter().take(4 * MAX_SOURCES) {
                let url = size.get("source_url").and_then(Json::as_str);
                let side = |k| size.get(k).and_then(Json::as_f64).and_then(image_side);
                let (Some(url), Some(width), Some(height)) = (url, side("width"), side("height")) else {
                    continue;
                };
                // Only the same picture: not a crop (the square thumbnail).
                let same_shape = match (dim("width"), dim("height")) {
                    (Some(w), Some(h)) => {
                        (u64::from(width) * u64::from(h)).abs_diff(u64::from(height) * u64::from(w)) * 50
                            <= u64::from(width) * u64::from(h)
                    }
                    _ => false,
                };
                if same_shape {
                    sources.extend(resolve(ctx.base, url, UrlUse::Resource).map(|src| Source { src, width }));
                }
            }
        }
    }
    let sources = tidy_sources(&src, sources);
    Some(Image {
        src,
        alt: media.str_of("alt_text").unwrap_or("").trim().to_string(),
        width: dim("width"),
        height: dim("height"),
        caption,
        credit: meta.and_then(|m| m.text_of("credit")),
        sources,
    })
}

/// The post's authors; their bios (HTML to read) only when `with_bio`.
fn authors(post: &At, ctx: &Ctx, with_bio: bool) -> Vec<Author> {
    let Some(embedded) = post.get("_embedded") else {
        return Vec::new();
    };
    let Some(list) = embedded.get("author") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in list.list() {
        if a.has("code") {
            continue;
        }
        let Some(name) = a.str_of("name").map(|n| ctx.text(n)) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        // The link, or where a plugin puts it when there is no `link`.
        let link = a.str_of(if a.has("link") { "link" } else { "url" });
        out.push(Author {
            name,
            slug: a.str_of("slug").map(str::to_string),
            avatar: a.get("avatar_urls").and_then(|u| largest_avatar(&u, ctx)),
            bio: with_bio
                .then(|| a.str_of("description"))
                .flatten()
                .map(|d| ctx.text(d))
                .filter(|d| !d.is_empty()),
            url: link.and_then(|l| resolve(ctx.base, l, UrlUse::Link)),
        });
    }
    out
}

/// The largest of the avatars WordPress offers (`{"24": …, "96": …}`).
fn largest_avatar(sizes: &At, ctx: &Ctx) -> Option<String> {
    let Value::Object(members) = &sizes.json.value else {
        return None;
    };
    let (_, url) = members
        .iter()
        .filter_map(|(k, v)| Some((k.parse::<u32>().ok()?, v.as_str()?)))
        .max_by_key(|(k, _)| *k)?;
    resolve(ctx.base, url, UrlUse::Resource)
}

/// Category names (in the post's order, "Uncategorized" left out) and tag
/// names, without the tag `hidden` names by its slug or id.
fn terms(post: &At, ctx: &Ctx, hidden: Option<&str>) -> (Vec<String>, Vec<String>) {
    let is_hidden = |term: &At| {
        hidden.is_some_and(|h| {
            term.str_of("slug").is_some_and(|s| s.eq_ignore_ascii_case(h))
                || h.parse::<u32>().ok().map(f64::from) == term.get("id").and_then(|i| i.json.as_f64())
        })
    };
    let mut categories = Vec::new();
    let mut tags = Vec::new();
    let embedded = post.get("_embedded");
    let groups = embedded.as_ref().and_then(|e| e.get("wp:term"));
    for group in groups.as_ref().map(At::list).unwrap_or_default() {
        for term in group.list() {
            let (Some(name), Some(taxonomy)) = (term.str_of("name"), term.str_of("taxonomy")) else {
                continue;
            };
            let name = ctx.text(name);
            match taxonomy {
                "category" if term.str_of("slug") != Some("uncategorized") => categories.push(name),
                "post_tag" if !is_hidden(&term) => tags.push(name),
                _ => {}
            }
        }
    }
    (categories, tags)
}

/// The post to read: the first of an array (`?slug=` answers with one), or
/// the object itself.
fn the_post<'b>(root: &'b At<'b>) -> Result<At<'b>, Problem> {
    if let Some(problem) = wp_error(root) {
        return Err(problem);
    }
    if root.is_array() {
        root.first().ok_or(Problem::NotFound)
    } else {
        Ok(*root)
    }
}

/// A post as a summary; `post` is read where it is, so that an error says
/// which post of a list it is about.
fn summary(post: &At, ctx: &mut Ctx) -> DResult<Summary> {
    post.is_object()?;
    let (categories, _) = terms(post, ctx, None);
    let link = post.req_text("link")?;
    let url = resolve(ctx.base, &link, UrlUse::Link)
        .ok_or_else(|| post.error(format!("`link` must be an http(s) URL, found `{link}`")))?;
    let headline = match rendered(post, "title", ctx)? {
        Some(h) => h,
        // An untitled post (WordPress allows them): the start of its
        // excerpt or text, as JSON Feed's title-less items.
        None => match rendered(post, "excerpt", ctx)?.or(rendered(post, "content", ctx)?) {
            Some(text) => {
                ctx.warnings.push(format!(
                    "an untitled post takes its headline from its text at {}",
                    post.path()
                ));
                super::article::truncate_words(&trim_more(&text), 80)
            }
            None => return Err(post.error("missing field `title` (and no text to take one from)")),
        },
    };
    let names: Vec<String> = authors(post, ctx, false).into_iter().map(|a| a.name).collect();
    Ok(Summary {
        // WordPress gives a non-ASCII slug percent-encoded (`%d8%a8…`): the
        // slug is the text, encoded again only where it goes into a URL.
        slug: post.opt_text("slug")?.map(|s| decode_percent(&s).unwrap_or(s)),
        url,
        headline,
        kicker: categories.first().cloned(),
        standfirst: rendered(post, "excerpt", ctx)?.map(|e| trim_more(&e)),
        section: categories.last().cloned(),
        author: (!names.is_empty()).then(|| names.join(" & ")),
        published: date(post, "date_gmt", "date")?,
        language: post.opt_text("lang")?,
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

/// The post of `json` as an article; `hidden_tag` (a slug or an id) is a
/// tag left out of its public tags (the trending fallback's).
pub fn article(
    json: &Json,
    base: &str,
    html: &dyn HtmlParser,
    hidden_tag: Option<&str>,
) -> Result<Parsed<Article>, Problem> {
    let root = At::root(json);
    let post = the_post(&root)?;
    let mut ctx = Ctx::new(base, html);
    let value = read_article(&post, &mut ctx, hidden_tag)?;
    Ok(Parsed {
        value,
        warnings: ctx.warnings.into_vec(),
    })
}

fn read_article(post: &At, ctx: &mut Ctx, hidden_tag: Option<&str>) -> Result<Article, Problem> {
    let s = summary(post, ctx)?;
    let published = s.published;
    if published.is_none() {
        ctx.warn(
            post,
            "the post has no readable `date_gmt` or `date`: it is shown without a date",
        );
    }
    let content = post.required("content")?;
    let body_html = content.required("rendered")?.string()?;
    // Without its password, WordPress sends a protected post's text empty.
    let locked = content
        .get("protected")
        .is_some_and(|p| p.json.value == Value::Bool(true));
    if locked {
        ctx.warn(post, "the post is protected by a password: its text is not shown");
    }
    let site = origin(&s.url).map(str::to_string);
    let (mut body, warnings) = body_blocks(ctx.html, &body_html, ctx.base, site.as_deref())?;
    ctx.warnings.extend(warnings);
    // No excerpt written: WordPress made one from the text, which the
    // reader would read twice.
    let standfirst = s.standfirst.filter(|e| !locked && !repeats_body(e, &body));
    if post.get("_embedded").is_none() {
        ctx.warnings.push(
            "the post has no `_embedded` data (add `_embed` to the address): no author names, featured image or section"
                .to_string(),
        );
    }
    let dateline = take_dateline(&mut body);
    let (_, tags) = terms(post, ctx, hidden_tag);
    let updated = later_update(date(post, "modified_gmt", "modified")?, published);
    Ok(Article {
        id: match post.field("id")? {
            Some(id) => id.integer(0, i64::MAX)?.to_string(),
            None => s.url.clone(),
        },
        slug: s.slug.clone().unwrap_or_default(),
        url: s.url,
        kicker: s.kicker,
        headline: s.headline,
        standfirst,
        section: s.section,
        tags,
        published,
        updated,
        dateline,
        language: s.language,
        authors: authors(post, ctx, true),
        image: s.image,
        body,
        locked,
    })
}

/// A list of posts (Popular Posts, or a page of `/posts`) as summaries.
pub fn summaries(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Vec<Summary>>, Problem> {
    let root = At::root(json);
    if let Some(problem) = wp_error(&root) {
        return Err(problem);
    }
    let mut ctx = Ctx::new(base, html);
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
        let s = match summary(p, &mut ctx) {
            Ok(s) => s,
            Err(e) => {
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
mod live_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
