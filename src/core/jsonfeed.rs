//! JSON Feed 1.1 (and 1.0): a feed is a trending list or a month listing;
//! one of its items is an article. `content_html` goes through the
//! sanitizer; `content_text` becomes paragraphs.
//!
//! Herald reads one optional extension, `_herald` on items (`kicker`,
//! `section`, `dateline`, `slug`, and `image` with `alt`, `width`,
//! `height`, `caption`, `credit`) and on authors (`bio`, `slug`), for what
//! JSON Feed has no member for.

use super::archive::Listing;
use super::article::{image_side, Article, Author, Block, Image, Run, Summary};
use super::decode::{At, Result as DResult};
use super::error::{Parsed, Problem};
use super::html::{body_blocks, fragment_text, take_dateline, HtmlParser};
use super::json::{Json, Value};
use super::limits::{list_cut, nothing_left, Budget, Warnings, MAX_AUTHORS, MAX_ITEMS};
use super::route::valid_slug;
use super::time::{parse_lenient, Timestamp};
use super::url::{is_slug, origin, resolve, slug_segment, UrlUse};

/// The version a JSON Feed's `version` names (`1.1`, `1`), in the
/// specification's `https://` spelling or the `http://` one early feeds
/// (and many still) publish; `None` if it is not a JSON Feed version.
pub fn version(version: &str) -> Option<&str> {
    let v = version.trim();
    let v = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .unwrap_or(v);
    v.strip_prefix("jsonfeed.org/version/")
}

fn is_version_1(v: &str) -> bool {
    version(v).is_some_and(|n| n.starts_with('1'))
}

fn check_version(root: &At) -> Result<(), Problem> {
    let version = root.req_text("version").map_err(|e| Problem::Schema(*e))?;
    if is_version_1(&version) {
        Ok(())
    } else {
        Err(Problem::Unsupported(format!(
            "JSON Feed version `{version}` is not supported (this widget reads 1.0 and 1.1)"
        )))
    }
}

fn ext<'a>(item: &'a Json, key: &str) -> Option<&'a Json> {
    item.get("_herald")?.get(key)
}

fn ext_text(item: &Json, key: &str) -> Option<String> {
    ext(item, key)
        .and_then(Json::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The slug of an item: `_herald.slug`, else a slug-like `id`, else the
/// last segment of its URL, percent-decoded and without a file extension.
fn slug_of(item: &Json) -> Option<String> {
    let own = ext_text(item, "slug").or_else(|| {
        let id = item.get("id").and_then(Json::as_str).filter(|s| is_slug(s))?;
        Some(id.to_string())
    });
    match own {
        // At most 200 characters, as a route's slug.
        Some(s) => valid_slug(&s).then_some(s),
        None => slug_segment(item.get("url").and_then(Json::as_str)?),
    }
}

/// The slugs of a feed's items, in order, each unique: when two items
/// would share one, the first keeps it and the later ones get `-2`, `-3`…
/// (docs/sources.md), with a warning.
fn slugs(items: &[At], warnings: &mut Warnings) -> Vec<Option<String>> {
    let mut slugs: Vec<Option<String>> = items.iter().map(|i| slug_of(i.json)).collect();
    // Compared pairwise among the items a list shows (at most `MAX_ITEMS`,
    // so bounded work); items past them keep their slugs as they are.
    let shown = slugs.len().min(MAX_ITEMS);
    for i in 1..shown {
        let Some(slug) = slugs[i].clone() else { continue };
        let n = 1
            + (0..i)
                .filter(|&j| {
                    slugs[j]
                        .as_deref()
                        .and_then(|s| s.strip_prefix(slug.as_str()))
                        .is_some_and(|rest| rest.is_empty() || is_suffix(rest))
                })
                .count();
        if n > 1 {
            let unique = format!("{slug}-{n}");
            warnings.push(format!(
                "two items have the slug `{slug}`: {} is `{unique}`",
                items[i].path()
            ));
            slugs[i] = Some(unique);
        }
    }
    slugs
}

/// Whether `rest` is a suffix [`slugs`] gives (`-2`, `-3`…).
fn is_suffix(rest: &str) -> bool {
    rest.strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn image(item: &Json, base: &str) -> Option<Image> {
    let src = resolve(base, item.get("image")?.as_str()?, UrlUse::Resource)?;
    let meta = ext(item, "image");
    let text = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(Json::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let dim = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(Json::as_f64)
            .and_then(image_side)
    };
    Some(Image {
        src,
        alt: text("alt").unwrap_or_default(),
        width: dim("width"),
        height: dim("height"),
        caption: text("caption"),
        credit: text("credit"),
    })
}

/// What every item of a feed takes from the feed itself, read once per
/// document (not once per item).
struct FeedDefaults {
    authors: Vec<Author>,
    /// The authors' names, as a summary's byline.
    byline: Option<String>,
    language: Option<String>,
}

impl FeedDefaults {
    fn new(feed: &Json, base: &str) -> Self {
        let authors = feed
            .get("authors")
            .or_else(|| feed.get("author"))
            .map(|a| authors(a, base))
            .unwrap_or_default();
        FeedDefaults {
            byline: byline(&authors),
            authors,
            language: feed.get("language").and_then(Json::as_str).map(str::to_string),
        }
    }
}

fn byline(authors: &[Author]) -> Option<String> {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    (!names.is_empty()).then(|| names.join(" & "))
}

/// An item's own authors (1.1's `authors`, 1.0's `author`); `None` when it
/// names none, so that the feed's are used.
fn item_authors(item: &Json, base: &str) -> Option<Vec<Author>> {
    item.get("authors")
        .filter(|a| a.as_array().is_some())
        .or_else(|| item.get("author"))
        .map(|a| authors(a, base))
}

/// An `authors` array, or 1.0's single `author` object.
fn authors(value: &Json, base: &str) -> Vec<Author> {
    let list: Vec<&Json> = match value.as_array() {
        Some(a) => a.iter().collect(),
        None => vec![value],
    };
    list.into_iter()
        .take(MAX_AUTHORS)
        .filter_map(|a| {
            let name = a.get("name")?.as_str()?.trim().to_string();
            if name.is_empty() {
                return None;
            }
            let extension = |k: &str| {
                a.get("_herald")
                    .and_then(|h| h.get(k))
                    .and_then(Json::as_str)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            Some(Author {
                name,
                slug: extension("slug"),
                avatar: a
                    .get("avatar")
                    .and_then(Json::as_str)
                    .and_then(|u| resolve(base, u, UrlUse::Resource)),
                bio: extension("bio"),
                url: a
                    .get("url")
                    .and_then(Json::as_str)
                    .and_then(|u| resolve(base, u, UrlUse::Link)),
            })
        })
        .collect()
}

/// `content_text`: paragraphs at blank lines, line breaks kept.
fn text_blocks(text: &str) -> Vec<Block> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(vec![Run::plain(p)]))
        .collect()
}

/// The item's `url` (or `external_url`); `None` when it has neither.
fn item_url(at: &At, base: &str) -> DResult<Option<String>> {
    let raw = match at.field("url")? {
        Some(u) => u.text()?,
        None => match at.field("external_url")? {
            Some(u) => u.text()?,
            None => return Ok(None),
        },
    };
    resolve(base, &raw, UrlUse::Link)
        .map(Some)
        .ok_or_else(|| at.error(format!("`url` must be an http(s) URL, found `{raw}`")))
}

/// The plain text of an item, for a title-less item's headline.
fn item_text(item: &Json, html: &dyn HtmlParser) -> String {
    match item.get("content_html").and_then(Json::as_str) {
        Some(h) => fragment_text(html, h),
        None => item
            .get("content_text")
            .and_then(Json::as_str)
            .unwrap_or("")
            .trim()
            .to_string(),
    }
}

/// A text member that feeds fill with HTML entities and, now and then,
/// markup (`Don&#8217;t`, `Q&amp;A`): read as HTML text.
fn entity_text(at: &At, key: &str, html: &dyn HtmlParser) -> DResult<Option<String>> {
    Ok(at
        .opt_text(key)?
        .map(|t| fragment_text(html, &t))
        .filter(|t| !t.is_empty()))
}

/// `tags`: an array of strings, or (as some feeds write it) one string of
/// comma-separated tags. Anything else in the list is left out.
fn tags(item: &Json) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |s: &str| {
        for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            out.push(t.to_string());
        }
    };
    match item.get("tags") {
        Some(Json {
            value: Value::String(s),
            ..
        }) => add(s),
        Some(Json {
            value: Value::Array(list),
            ..
        }) => list.iter().filter_map(Json::as_str).for_each(add),
        _ => {}
    }
    out
}

/// A date member read leniently (`time::parse_lenient`): a date that
/// cannot be read is left out with a warning, never the item.
fn date(at: &At, key: &str, warnings: &mut Warnings) -> DResult<Option<Timestamp>> {
    let Some(text) = at.opt_text(key)? else {
        return Ok(None);
    };
    match parse_lenient(&text) {
        Ok((ts, note)) => {
            if let Some(note) = note {
                warnings.push(format!("{note}: `{text}` at {}", at.path()));
            }
            Ok(Some(ts))
        }
        Err(e) => {
            warnings.push(format!("left out a date: {e} at {}.{key}", at.path()));
            Ok(None)
        }
    }
}

fn headline(at: &At, html: &dyn HtmlParser, html_text: impl FnOnce() -> String) -> DResult<String> {
    match entity_text(at, "title", html)? {
        Some(t) => Ok(t),
        None => {
            // Title-less items (micro posts): the start of their text.
            let text = html_text();
            if text.is_empty() {
                Err(at.error("missing field `title` (and no text to take one from)"))
            } else {
                Ok(super::article::truncate_words(&text, 80))
            }
        }
    }
}

/// An item as a summary; `url` is the item's address, or `fallback` when it
/// has none.
fn summary(
    item: At,
    slug: Option<String>,
    feed: &FeedDefaults,
    base: &str,
    html: &dyn HtmlParser,
    fallback: Option<&str>,
    warnings: &mut Warnings,
) -> DResult<Summary> {
    item.is_object()?;
    let json = item.json;
    let author = match item_authors(json, base) {
        Some(own) => byline(&own),
        None => feed.byline.clone(),
    };
    let url = match (item_url(&item, base)?, fallback) {
        (Some(url), _) => url,
        (None, Some(f)) => f.to_string(),
        (None, None) => return Err(item.error("missing field `url`")),
    };
    Ok(Summary {
        slug,
        url,
        headline: headline(&item, html, || item_text(json, html))?,
        kicker: ext_text(json, "kicker"),
        standfirst: entity_text(&item, "summary", html)?,
        section: ext_text(json, "section"),
        author,
        published: date(&item, "date_published", warnings)?,
        language: item.opt_text("language")?.or_else(|| feed.language.clone()),
        image: image(json, base),
    })
}

/// The item `slug` (the first item when `None`) as an article.
pub fn article(
    json: &Json,
    base: &str,
    html: &dyn HtmlParser,
    slug: Option<&str>,
) -> Result<Parsed<Article>, Problem> {
    let root = At::root(json);
    check_version(&root)?;
    let items_at = root.required("items").map_err(|e| Problem::Schema(*e))?;
    let all = items_at.items().map_err(|e| Problem::Schema(*e))?;
    let mut warnings = Warnings::default();
    let slugs = slugs(&all, &mut warnings);
    // By its slug, else by its `id` (how a later item of a shared slug is reached too).
    let at = match slug.filter(|s| !s.is_empty()) {
        Some(slug) => slugs.iter().position(|s| s.as_deref() == Some(slug)).or_else(|| {
            all.iter()
                .position(|i| i.json.get("id").and_then(Json::as_str) == Some(slug))
        }),
        None => (!all.is_empty()).then_some(0),
    }
    .ok_or(Problem::NotFound)?;
    let item = &all[at];
    let own_slug = slugs[at].clone();
    let result: Result<Article, Problem> = (|| {
        let feed = FeedDefaults::new(json, base);
        let s = summary(*item, own_slug, &feed, base, html, Some(base), &mut warnings)?;
        let published = match s.published {
            Some(p) => p,
            None => date(item, "date_modified", &mut warnings)?
                .ok_or_else(|| item.error("missing field `date_published`"))?,
        };
        let site = origin(&s.url).map(str::to_string);
        let mut body = match item.field("content_html")? {
            Some(h) => {
                let (blocks, w) = body_blocks(html, &h.string()?, base, site.as_deref())?;
                warnings.extend(w);
                blocks
            }
            None => match item.field("content_text")? {
                Some(t) => text_blocks(&t.string()?),
                None => {
                    return Err(item
                        .error("missing field `content_html` or `content_text`")
                        .into())
                }
            },
        };
        // The dateline, from the extension or the text; never both.
        let in_text = take_dateline(&mut body);
        let dateline = ext_text(item.json, "dateline").or(in_text);
        Ok(Article {
            id: match item.field("id")? {
                Some(id) => match id.json.as_f64() {
                    Some(n) => (n as i64).to_string(),
                    None => id.text()?,
                },
                None => s.url.clone(),
            },
            slug: s.slug.clone().unwrap_or_default(),
            url: s.url,
            kicker: s.kicker,
            headline: s.headline,
            standfirst: s.standfirst,
            section: s.section,
            tags: tags(item.json),
            published,
            updated: date(item, "date_modified", &mut Warnings::default())?
                .filter(|u| u.unix_ms > published.unix_ms),
            dateline,
            language: s.language,
            authors: item_authors(item.json, base).unwrap_or(feed.authors),
            image: s.image,
            body,
        })
    })();
    result.map(|value| Parsed {
        value,
        warnings: warnings.into_vec(),
    })
}

/// Every item that can be linked to, as a summary, in feed order (a
/// trending list). Items that cannot are skipped with a warning.
pub fn summaries(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Vec<Summary>>, Problem> {
    let root = At::root(json);
    check_version(&root)?;
    let items_at = root.required("items").map_err(|e| Problem::Schema(*e))?;
    let list = items_at.items().map_err(|e| Problem::Schema(*e))?;
    let feed = FeedDefaults::new(json, base);
    let budget = Budget::default();
    let mut value = Vec::new();
    let mut warnings = Warnings::default();
    let (mut skipped, mut first_skip) = (0, None);
    if list.len() > MAX_ITEMS {
        warnings.push(list_cut(MAX_ITEMS, &format!("the feed has {} items", list.len())));
    }
    let slugs = slugs(&list, &mut warnings);
    for (item, slug) in list.into_iter().zip(slugs).take(MAX_ITEMS) {
        match summary(item, slug, &feed, base, html, None, &mut warnings) {
            Ok(s) if !budget.text(s.text_len()) => {
                warnings.push(list_cut(value.len(), budget.message()));
                break;
            }
            Ok(s) => value.push(s),
            Err(e) => {
                skipped += 1;
                first_skip.get_or_insert_with(|| e.to_string());
                warnings.push(format!("skipped an item: {e}"));
            }
        }
    }
    if let (true, Some(first)) = (value.is_empty(), first_skip) {
        warnings.lead(nothing_left(skipped, &first));
    }
    Ok(Parsed {
        value,
        warnings: warnings.into_vec(),
    })
}

/// A feed of one month's items, as a month listing.
pub fn listing(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Listing>, Problem> {
    let parsed = summaries(json, base, html)?;
    let first = parsed
        .value
        .iter()
        .find_map(|s| s.published)
        .map(|p| p.local_civil());
    Ok(parsed
        .map(|items| Listing::whole_month(first.map_or(0, |c| c.year), first.map_or(0, |c| c.month), items)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
