//! JSON Feed 1.1 (and 1.0): a feed is a trending list or a month listing;
//! one of its items is an article. `content_html` goes through the
//! sanitizer; `content_text` becomes paragraphs.
//!
//! Herald reads one optional extension, `_herald` on items (`kicker`,
//! `section`, `dateline`, `slug`, and `image` with `alt`, `width`,
//! `height`, `caption`, `credit`) and on authors (`bio`, `slug`), for what
//! JSON Feed has no member for.

use super::archive::Listing;
use super::article::{
    image_side, later_update, repeats_body, Article, Author, Block, Embed, EmbedKind, Image, Run, Summary,
};
use super::decode::{At, Ctx, Result as DResult};
use super::error::{Parsed, Problem};
use super::html::{body_blocks, take_dateline, HtmlParser};
use super::json::Json;
use super::limits::{list_cut, nothing_left, Budget, Warnings, MAX_ATTACHMENTS, MAX_AUTHORS, MAX_ITEMS};
use super::route::valid_slug;
use super::time::{in_zone, parse_lenient, Timestamp, ZONELESS};
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

/// A text of Herald's extension (`_herald`) of an item or author.
fn ext_text(at: &At, key: &str) -> Option<String> {
    at.get("_herald").and_then(|h| h.text_of(key))
}

/// The slug of an item: `_herald.slug`, else a slug-like `id`, else the
/// last segment of its URL, percent-decoded and without a file extension.
fn slug_of(item: &At) -> Option<String> {
    let own = ext_text(item, "slug").or_else(|| {
        let id = item.str_of("id").filter(|s| is_slug(s))?;
        Some(id.to_string())
    });
    match own {
        // At most 200 characters, as a route's slug.
        Some(s) => valid_slug(&s).then_some(s),
        None => slug_segment(item.str_of("url")?),
    }
}

/// The slugs of a feed's items, in order, each unique: when two items
/// would share one, the first keeps it and the later ones get `-2`, `-3`…
/// (docs/sources.md), with a warning.
fn slugs(items: &[At], warnings: &mut Warnings) -> Vec<Option<String>> {
    let mut slugs: Vec<Option<String>> = items.iter().map(slug_of).collect();
    unique_slugs(&mut slugs, warnings, &|i| items[i].path());
    slugs
}

/// Makes a feed's slugs unique: when two items would share one, the first
/// keeps it and the later ones get `-2`, `-3`… (docs/sources.md), with a
/// warning naming the item (`name`). `xmlfeed` shares it.
pub(super) fn unique_slugs(
    slugs: &mut [Option<String>],
    warnings: &mut Warnings,
    name: &dyn Fn(usize) -> String,
) {
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
                name(i)
            ));
            slugs[i] = Some(unique);
        }
    }
}

/// Whether `rest` is a suffix [`slugs`] gives (`-2`, `-3`…).
fn is_suffix(rest: &str) -> bool {
    rest.strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn image(item: &At, base: &str) -> Option<Image> {
    let src = resolve(base, item.str_of("image")?, UrlUse::Resource)?;
    let ext = item.get("_herald");
    let meta = ext.as_ref().and_then(|e| e.get("image"));
    let meta = meta.as_ref();
    let text = |k: &str| meta.and_then(|m| m.text_of(k));
    let dim = |k: &str| meta.and_then(|m| m.num_of(k)).and_then(image_side);
    Some(Image {
        src,
        alt: text("alt").unwrap_or_default(),
        width: dim("width"),
        height: dim("height"),
        caption: text("caption"),
        credit: text("credit"),
        sources: Vec::new(),
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
    fn new(feed: &At, base: &str) -> Self {
        let authors = feed
            .member("authors")
            .or_else(|| feed.member("author"))
            .map(|a| authors(&a, base))
            .unwrap_or_default();
        FeedDefaults {
            byline: byline(&authors),
            authors,
            language: feed.str_of("language").map(str::to_string),
        }
    }
}

pub(super) fn byline(authors: &[Author]) -> Option<String> {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    (!names.is_empty()).then(|| names.join(" & "))
}

/// An item's own authors (1.1's `authors`, 1.0's `author`); `None` when it
/// names none, so that the feed's are used.
fn item_authors(item: &At, base: &str) -> Option<Vec<Author>> {
    item.get("authors")
        .filter(At::is_array)
        .or_else(|| item.member("author"))
        .map(|a| authors(&a, base))
}

/// An `authors` array, or 1.0's single `author` object.
fn authors(value: &At, base: &str) -> Vec<Author> {
    let list = if value.is_array() {
        value.list()
    } else {
        vec![*value]
    };
    let mut out = Vec::new();
    for a in list.iter().take(MAX_AUTHORS) {
        let Some(name) = a.str_of("name").map(str::trim) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        out.push(Author {
            name: name.to_string(),
            slug: ext_text(a, "slug"),
            avatar: a
                .str_of("avatar")
                .and_then(|u| resolve(base, u, UrlUse::Resource)),
            bio: ext_text(a, "bio"),
            url: a.str_of("url").and_then(|u| resolve(base, u, UrlUse::Link)),
        });
    }
    out
}

/// `content_text` (and Atom's `type="text"`): paragraphs at blank lines,
/// line breaks kept.
pub(super) fn text_blocks(text: &str) -> Vec<Block> {
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
fn item_text(item: &At, ctx: &Ctx) -> String {
    match item.str_of("content_html") {
        Some(h) => ctx.text(h),
        None => item.str_of("content_text").unwrap_or("").trim().to_string(),
    }
}

/// A text member that feeds fill with HTML entities and, now and then,
/// markup (`Don&#8217;t`, `Q&amp;A`): read as HTML text.
fn entity_text(at: &At, key: &str, ctx: &Ctx) -> DResult<Option<String>> {
    Ok(at.opt_text(key)?.map(|t| ctx.text(&t)).filter(|t| !t.is_empty()))
}

/// `tags`: an array of strings, or (as some feeds write it) one string of
/// comma-separated tags. Anything else in the list is left out.
fn tags(item: &At) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |s: &str| {
        for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            out.push(t.to_string());
        }
    };
    match (item.str_of("tags"), item.get("tags")) {
        (Some(s), _) => add(s),
        (None, Some(list)) => list.list().iter().filter_map(At::as_str).for_each(add),
        (None, None) => {}
    }
    out
}

/// A date member read leniently (`time::parse_lenient`): a date that
/// cannot be read is left out with a warning, never the item. A time
/// written without a zone is read in the configured time zone, if any.
fn date(at: &At, key: &str, html: &dyn HtmlParser, warnings: &mut Warnings) -> DResult<Option<Timestamp>> {
    let Some(text) = at.opt_text(key)? else {
        return Ok(None);
    };
    match zoned_date(&text, html) {
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

/// A date read leniently (`time::parse_lenient`), with what to note about
/// it; a time written without a zone is read in the configured time zone,
/// if any. `xmlfeed` shares it.
pub(super) fn zoned_date(
    text: &str,
    html: &dyn HtmlParser,
) -> Result<(Timestamp, Option<&'static str>), String> {
    let (ts, note) = parse_lenient(text)?;
    let zoned = (note == Some(ZONELESS))
        .then(|| in_zone(ts, |ms| html.zone_offset(ms)))
        .flatten();
    Ok(match zoned {
        Some(z) => (
            z,
            Some("a date without a zone was read in the configured time zone"),
        ),
        None => (ts, note),
    })
}

fn headline(at: &At, ctx: &Ctx) -> DResult<String> {
    match entity_text(at, "title", ctx)? {
        Some(t) => Ok(t),
        None => {
            // Title-less items (micro posts): the start of their text.
            let text = item_text(at, ctx);
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
    item: &At,
    slug: Option<String>,
    feed: &FeedDefaults,
    fallback: Option<&str>,
    ctx: &mut Ctx,
) -> DResult<Summary> {
    item.is_object()?;
    let author = match item_authors(item, ctx.base) {
        Some(own) => byline(&own),
        None => feed.byline.clone(),
    };
    let url = match (item_url(item, ctx.base)?, fallback) {
        (Some(url), _) => url,
        (None, Some(f)) => f.to_string(),
        (None, None) => return Err(item.error("missing field `url`")),
    };
    Ok(Summary {
        slug,
        url,
        headline: headline(item, ctx)?,
        kicker: ext_text(item, "kicker"),
        standfirst: entity_text(item, "summary", ctx)?,
        section: ext_text(item, "section"),
        author,
        published: date(item, "date_published", ctx.html, &mut ctx.warnings)?,
        language: item.opt_text("language")?.or_else(|| feed.language.clone()),
        image: image(item, ctx.base),
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
    let mut ctx = Ctx::new(base, html);
    let slugs = slugs(&all, &mut ctx.warnings);
    // By its slug, else by its `id` (how a later item of a shared slug is reached too).
    let at = match slug.filter(|s| !s.is_empty()) {
        Some(slug) => slugs
            .iter()
            .position(|s| s.as_deref() == Some(slug))
            .or_else(|| all.iter().position(|i| i.str_of("id") == Some(slug))),
        None => (!all.is_empty()).then_some(0),
    }
    .ok_or(Problem::NotFound)?;
    let own_slug = slugs[at].clone();
    let value = read_article(&root, &all[at], own_slug, &mut ctx)?;
    Ok(Parsed {
        value,
        warnings: ctx.warnings.into_vec(),
    })
}

/// The item's `attachments` (an episode's audio, a video file) as embeds:
/// a link to the file saying what it is ("MP3, 42 min, 38 MB"). An
/// attachment without a usable `url` is left out with a warning.
fn attachments(item: &At, ctx: &mut Ctx) -> Vec<Embed> {
    let Some(list) = item.get("attachments") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in list.list().into_iter().take(MAX_ATTACHMENTS) {
        let Some(url) = a.str_of("url").and_then(|u| resolve(ctx.base, u, UrlUse::Link)) else {
            ctx.warn(&a, "left out an attachment without an http(s) `url`");
            continue;
        };
        let mime = a.str_of("mime_type").unwrap_or("");
        let kind = match mime.split('/').next() {
            Some("audio") => EmbedKind::Audio,
            Some("video") => EmbedKind::Video,
            _ => EmbedKind::Other,
        };
        out.push(Embed {
            kind,
            url,
            provider: None,
            title: a.text_of("title"),
            poster: None,
            caption: None,
            details: details(mime, a.num_of("duration_in_seconds"), a.num_of("size_in_bytes")),
        });
    }
    out
}

/// What a file is, for its link: "MP3, 42 min, 38 MB" (an attachment's,
/// an RSS enclosure's).
pub(super) fn details(mime: &str, seconds: Option<f64>, bytes: Option<f64>) -> Option<String> {
    let mut details = Vec::new();
    details.extend(file_type(mime));
    if let Some(seconds) = seconds.filter(|s| *s >= 1.0 && *s < 1e7) {
        details.push(format!("{} min", ((seconds as u64) + 30) / 60));
    }
    if let Some(bytes) = bytes.filter(|b| *b >= 1.0 && *b < 1e13) {
        let mb = (bytes as u64 + 500_000) / 1_000_000;
        details.push(if mb == 0 {
            "< 1 MB".to_string()
        } else {
            format!("{mb} MB")
        });
    }
    (!details.is_empty()).then(|| details.join(", "))
}

/// A file type's short name from its MIME type: `audio/mpeg` → MP3.
fn file_type(mime: &str) -> Option<String> {
    let sub = mime.split(';').next()?.split('/').nth(1)?.trim();
    let name = match sub {
        "mpeg" | "mp3" => "MP3",
        "x-m4a" | "m4a" | "mp4a-latm" => "M4A",
        "" => return None,
        other => other.trim_start_matches("x-"),
    };
    (name.len() <= 8 && name.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| name.to_ascii_uppercase())
}

/// The item at `item` of the feed at `root` as an article.
fn read_article(root: &At, item: &At, slug: Option<String>, ctx: &mut Ctx) -> Result<Article, Problem> {
    let feed = FeedDefaults::new(root, ctx.base);
    let s = summary(item, slug, &feed, Some(ctx.base), ctx)?;
    // `date_published` is optional: else the modification date, else none.
    let published = match s.published {
        Some(p) => Some(p),
        None => date(item, "date_modified", ctx.html, &mut ctx.warnings)?,
    };
    if published.is_none() {
        ctx.warn(
            item,
            "the item has no readable `date_published`: it is shown without a date",
        );
    }
    let site = origin(&s.url).map(str::to_string);
    let mut body = match item.field("content_html")? {
        Some(h) => {
            let (blocks, w) = body_blocks(ctx.html, &h.string()?, ctx.base, site.as_deref())?;
            ctx.warnings.extend(w);
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
    // A summary cut from the content would be read twice.
    let standfirst = s.standfirst.filter(|e| !repeats_body(e, &body));
    // Podcasts and video feeds: each attachment is a link to its file.
    body.extend(attachments(item, ctx).into_iter().map(Block::Embed));
    // The dateline, from the extension or the text; never both.
    let in_text = take_dateline(&mut body);
    let dateline = ext_text(item, "dateline").or(in_text);
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
        standfirst,
        section: s.section,
        tags: tags(item),
        published,
        updated: later_update(
            date(item, "date_modified", ctx.html, &mut Warnings::default())?,
            published,
        ),
        dateline,
        language: s.language,
        authors: item_authors(item, ctx.base).unwrap_or(feed.authors),
        image: s.image,
        body,
        locked: false,
    })
}

/// Every item that can be linked to, as a summary, in feed order (a
/// trending list). Items that cannot are skipped with a warning.
pub fn summaries(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Vec<Summary>>, Problem> {
    let root = At::root(json);
    check_version(&root)?;
    let items_at = root.required("items").map_err(|e| Problem::Schema(*e))?;
    let list = items_at.items().map_err(|e| Problem::Schema(*e))?;
    let feed = FeedDefaults::new(&root, base);
    let mut ctx = Ctx::new(base, html);
    let mut out = List::new(list.len(), &mut ctx.warnings);
    let slugs = slugs(&list, &mut ctx.warnings);
    for (item, slug) in list.iter().zip(slugs).take(MAX_ITEMS) {
        let s = summary(item, slug, &feed, None, &mut ctx);
        if !out.add(s, &mut ctx.warnings) {
            break;
        }
    }
    Ok(out.finish(ctx.warnings))
}

/// A trending list being read: the summaries kept, against the item cap
/// and the text budget, and the items skipped, each with a warning.
/// `xmlfeed` shares it.
#[derive(Default)]
pub(super) struct List {
    value: Vec<Summary>,
    budget: Budget,
    skipped: usize,
    first_skip: Option<String>,
}

impl List {
    /// A list of a feed of `count` items, with a warning when they are more than `MAX_ITEMS`.
    pub(super) fn new(count: usize, warnings: &mut Warnings) -> Self {
        if count > MAX_ITEMS {
            warnings.push(list_cut(MAX_ITEMS, &format!("the feed has {count} items")));
        }
        List::default()
    }

    /// Adds an item's summary, or skips the item with a warning; `false`
    /// once the text budget is spent (the list is cut there).
    pub(super) fn add(&mut self, summary: DResult<Summary>, warnings: &mut Warnings) -> bool {
        match summary {
            Ok(s) if !self.budget.text(s.text_len()) => {
                warnings.push(list_cut(self.value.len(), self.budget.message()));
                return false;
            }
            Ok(s) => self.value.push(s),
            Err(e) => {
                self.skipped += 1;
                self.first_skip.get_or_insert_with(|| e.to_string());
                warnings.push(format!("skipped an item: {e}"));
            }
        }
        true
    }

    /// The list, its warnings led by what to say when nothing is left.
    pub(super) fn finish(self, mut warnings: Warnings) -> Parsed<Vec<Summary>> {
        if let (true, Some(first)) = (self.value.is_empty(), self.first_skip) {
            warnings.lead(nothing_left(self.skipped, &first));
        }
        Parsed {
            value: self.value,
            warnings: warnings.into_vec(),
        }
    }
}

/// A feed of one month's items, as a month listing.
pub fn listing(json: &Json, base: &str, html: &dyn HtmlParser) -> Result<Parsed<Listing>, Problem> {
    Ok(month(summaries(json, base, html)?))
}

/// A month listing of a feed's summaries (`xmlfeed` shares it).
pub(super) fn month(parsed: Parsed<Vec<Summary>>) -> Parsed<Listing> {
    let first = parsed
        .value
        .iter()
        .find_map(|s| s.published)
        .map(|p| p.local_civil());
    parsed.map(|items| Listing::whole_month(first.map_or(0, |c| c.year), first.map_or(0, |c| c.month), items))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
