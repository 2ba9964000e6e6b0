//! Herald's own JSON format, version 1 (see docs/format.md): articles,
//! trending lists, archive indexes and month listings.
//!
//! Unknown members are ignored and unknown block types skipped with a
//! warning, so that documents from newer publishers still render.

use super::archive::{Listing, MonthCount};
use super::article::{
    tidy_sources, Align, Article, ArticleLink, Author, Block, Cell, Embed, EmbedKind, Image, List, ListItem,
    Marks, Preformatted, Run, Source, Summary, Table, MAX_IMAGE_SIDE, MAX_SOURCES, MAX_SPAN,
};
use super::decode::{At, Ctx, Result as DResult};
use super::error::{Parsed, Problem};
use super::html::{HtmlParser, Node};
use super::json::{Json, Value};
use super::limits::{list_cut, Budget, MAX_BLOCKS, MAX_ITEMS};
use super::time::Timestamp;
use super::url::UrlUse;

/// The format version this widget reads.
pub const VERSION: i64 = 1;

/// Herald JSON carries no HTML: its context's parser is never called.
struct NoHtml;

impl HtmlParser for NoHtml {
    fn parse(&self, _: &str) -> Vec<Node> {
        Vec::new()
    }
}

fn timestamp(at: At) -> DResult<Timestamp> {
    let text = at.string()?;
    Timestamp::parse_rfc3339(text.trim()).map_err(|e| at.error(e))
}

/// An optional RFC 3339 field (also used by the JSON Feed reader).
pub(crate) fn opt_timestamp(at: &At, key: &str) -> DResult<Option<Timestamp>> {
    at.field(key)?.map(timestamp).transpose()
}

fn dimension(at: &At, key: &str) -> DResult<Option<u32>> {
    Ok(at
        .opt_integer(key, 1, i64::from(MAX_IMAGE_SIDE))?
        .map(|n| n as u32))
}

/// Checks `"herald": 1` and `"type"`.
fn header(root: &At, kind: &str) -> std::result::Result<(), Problem> {
    let version = root
        .field("herald")
        .and_then(|v| v.map(|v| v.integer(1, i64::from(u32::MAX))).transpose())
        .map_err(|e| Problem::Schema(*e))?;
    match version {
        None => {
            return Err(Problem::Schema(*root.error(format!(
                "missing field `herald` (the format version; this widget reads {VERSION})"
            ))))
        }
        Some(VERSION) => {}
        Some(v) => {
            return Err(Problem::Unsupported(format!(
                "Herald format version {v} is not supported (this widget reads version {VERSION})"
            )))
        }
    }
    let found = root.req_text("type").map_err(|e| Problem::Schema(*e))?;
    if found != kind {
        return Err(Problem::Unsupported(format!(
            "this is a Herald `{found}` document, where `{kind}` was expected"
        )));
    }
    Ok(())
}

fn finish<T>(ctx: Ctx, result: DResult<T>) -> std::result::Result<Parsed<T>, Problem> {
    result
        .map(|value| Parsed {
            value,
            warnings: ctx.warnings.into_vec(),
        })
        .map_err(|e| Problem::Schema(*e))
}

pub fn article(doc: &Json, base: &str) -> std::result::Result<Parsed<Article>, Problem> {
    let root = At::root(doc);
    header(&root, "article")?;
    let mut ctx = Ctx::new(base, &NoHtml);
    let result = read_article(&root, &mut ctx);
    finish(ctx, result)
}

fn read_article(root: &At, ctx: &mut Ctx) -> DResult<Article> {
    Ok(Article {
        id: root.req_text("id")?,
        slug: root.req_text("slug")?,
        url: ctx.req_url(root, "url", UrlUse::Link)?,
        kicker: root.opt_text("kicker")?,
        headline: root.req_text("headline")?,
        standfirst: root.opt_text("standfirst")?,
        section: root.opt_text("section")?,
        tags: root.string_list("tags")?,
        published: Some(timestamp(root.required("published")?)?),
        updated: opt_timestamp(root, "updated")?,
        dateline: root.opt_text("dateline")?,
        language: root.opt_text("language")?,
        authors: match root.field("authors")? {
            Some(list) => list
                .items()?
                .into_iter()
                .map(|a| read_author(a, ctx))
                .collect::<DResult<_>>()?,
            None => Vec::new(),
        },
        image: opt_image(root, ctx)?,
        body: {
            let items = root.required("body")?;
            let items = items.items()?;
            if items.len() > MAX_BLOCKS {
                return Err(root.error(format!(
                    "`body` has {} blocks, more than {MAX_BLOCKS}, Herald's limit for one article",
                    items.len()
                )));
            }
            let mut body = Vec::new();
            for item in items {
                body.extend(read_block(item, ctx)?);
            }
            body
        },
        locked: false,
    })
}

fn read_author(at: At, ctx: &mut Ctx) -> DResult<Author> {
    at.is_object()?;
    Ok(Author {
        name: at.req_text("name")?,
        slug: at.opt_text("slug")?,
        avatar: ctx.url(&at, "avatar", UrlUse::Resource)?,
        bio: at.opt_text("bio")?,
        url: ctx.url(&at, "url", UrlUse::Link)?,
    })
}

/// An image; `None` (with a warning) when its `src` is not an allowed URL.
fn read_image(at: At, ctx: &mut Ctx) -> DResult<Option<Image>> {
    at.is_object()?;
    at.req_text("src")?;
    let Some(src) = ctx.url(&at, "src", UrlUse::Resource)? else {
        return Ok(None);
    };
    let alt = match at.field("alt")? {
        Some(v) => v.string()?,
        None => return Err(at.error("missing field `alt` (use \"\" for a decorative image)")),
    };
    let sources = read_sources(&at, &src, ctx)?;
    Ok(Some(Image {
        src,
        alt: alt.trim().to_string(),
        width: dimension(&at, "width")?,
        height: dimension(&at, "height")?,
        caption: at.opt_text("caption")?,
        credit: at.opt_text("credit")?,
        sources,
    }))
}

/// `sources` (format 1.1): the image at other widths, `[{"src", "width"}]`.
/// A source whose URL is not allowed is left out with a warning.
fn read_sources(at: &At, src: &str, ctx: &mut Ctx) -> DResult<Vec<Source>> {
    let Some(list) = at.field("sources")? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for s in list.items()?.into_iter().take(MAX_SOURCES) {
        s.is_object()?;
        let width = s.required("width")?.integer(1, i64::from(MAX_IMAGE_SIDE))? as u32;
        if let Some(src) = ctx.url(&s, "src", UrlUse::Resource)? {
            out.push(Source { src, width });
        }
    }
    Ok(tidy_sources(src, out))
}

/// Inline content: a string, or an array of runs (strings or objects with
/// `text` and optional `emphasis`, `strong`, `href`).
fn read_inline(at: At, ctx: &mut Ctx) -> DResult<Vec<Run>> {
    if let Some(s) = at.json.as_str() {
        return Ok(vec![Run::plain(s)]);
    }
    if at.json.as_array().is_none() {
        return Err(at.error(format!(
            "text must be a string or an array of runs, found {}",
            at.json.kind()
        )));
    }
    let mut runs = Vec::new();
    for run in at.items()? {
        if let Some(s) = run.json.as_str() {
            runs.push(Run::plain(s));
            continue;
        }
        run.is_object()?;
        let mut marks = Marks::default();
        for (mark, member, _) in Marks::ALL {
            if run.opt_bool(member)?.unwrap_or(false) {
                marks = marks.with(mark);
            }
        }
        runs.push(Run {
            text: run.required("text")?.string()?,
            emphasis: run.opt_bool("emphasis")?.unwrap_or(false),
            strong: run.opt_bool("strong")?.unwrap_or(false),
            href: ctx.url(&run, "href", UrlUse::Link)?,
            marks,
            note: run.opt_integer("note", 1, 999)?.map(|n| n as u32),
        });
    }
    Ok(runs)
}

/// How deep lists may nest in lists.
const MAX_LIST_DEPTH: usize = 8;

/// A list: `items` of inline content, or (format 1.1) of objects with
/// `text` and a nested `list`.
fn read_list(at: &At, ctx: &mut Ctx, depth: usize) -> DResult<List> {
    let mut items = Vec::new();
    for item in at.required("items")?.items()? {
        if !matches!(item.json.value, Value::Object(_)) {
            items.push(ListItem::text(read_inline(item, ctx)?));
            continue;
        }
        let runs = match item.field("text")? {
            Some(text) => read_inline(text, ctx)?,
            None => Vec::new(),
        };
        let mut lists = Vec::new();
        if let Some(sub) = item.field("list")? {
            if depth + 1 >= MAX_LIST_DEPTH {
                return Err(sub.error(format!("lists may nest at most {MAX_LIST_DEPTH} deep")));
            }
            sub.is_object()?;
            lists.push(read_list(&sub, ctx, depth + 1)?);
        }
        if !has_text(&runs) && lists.is_empty() {
            return Err(item.error("a list item needs `text` or a `list`"));
        }
        items.push(ListItem { runs, lists });
    }
    let ordered = at.opt_bool("ordered")?.unwrap_or(false);
    Ok(List {
        ordered,
        items,
        start: match at.opt_integer("start", 0, 1_000_000)? {
            Some(n) if ordered && n != 1 => Some(n as u32),
            _ => None,
        },
    })
}

/// A table: `head` and `rows` are arrays of rows, a row an array of
/// cells, a cell inline content or an object with `text`, `header`,
/// `colspan` and `rowspan`; `header_column` makes each row's first cell
/// its header; `align` gives the columns' alignment.
fn read_table(at: &At, ctx: &mut Ctx) -> DResult<Option<Table>> {
    let header_column = at.opt_bool("header_column")?.unwrap_or(false);
    let mut rows = Vec::new();
    let mut head_rows = 0;
    for (key, in_head) in [("head", true), ("rows", false)] {
        let Some(list) = at.field(key)? else { continue };
        for row in list.items()? {
            let mut cells = Vec::new();
            for (i, cell) in row.items()?.into_iter().enumerate() {
                let header = in_head || (header_column && i == 0);
                cells.push(read_cell(cell, header, ctx)?);
            }
            if in_head {
                head_rows += 1;
            }
            rows.push(cells);
        }
    }
    let align = match at.field("align")? {
        Some(list) => list
            .items()?
            .iter()
            .map(|a| match &a.json.value {
                Value::Null => Ok(None),
                _ => {
                    let name = a.string()?;
                    Align::parse(&name).map(Some).ok_or_else(|| {
                        a.error(format!("alignment must be start, center or end, found `{name}`"))
                    })
                }
            })
            .collect::<DResult<_>>()?,
        None => Vec::new(),
    };
    if !rows.iter().flatten().any(|c: &Cell| has_text(&c.runs)) {
        return Ok(None);
    }
    Ok(Some(Table {
        caption: at.opt_text("caption")?,
        rows,
        head_rows,
        align,
    }))
}

fn read_cell(at: At, header: bool, ctx: &mut Ctx) -> DResult<Cell> {
    if !matches!(at.json.value, Value::Object(_)) {
        return Ok(Cell::new(read_inline(at, ctx)?, header));
    }
    let span = |key| -> DResult<u16> { Ok(at.opt_integer(key, 1, i64::from(MAX_SPAN))?.unwrap_or(1) as u16) };
    Ok(Cell {
        runs: match at.field("text")? {
            Some(text) => read_inline(text, ctx)?,
            None => Vec::new(),
        },
        header: at.opt_bool("header")?.unwrap_or(header),
        colspan: span("colspan")?,
        rowspan: span("rowspan")?,
    })
}

/// Media from elsewhere: `url` (required), `kind`, `provider`, `title`,
/// `poster` (an image), `caption`, `details`.
fn read_embed(at: &At, ctx: &mut Ctx) -> DResult<Embed> {
    let kind = match at.field("kind")? {
        Some(k) => {
            let name = k.string()?;
            EmbedKind::parse(&name).ok_or_else(|| {
                k.error(format!(
                    "`kind` must be video, audio, post or other, found `{name}`"
                ))
            })?
        }
        None => EmbedKind::Other,
    };
    Ok(Embed {
        kind,
        url: ctx.req_url(at, "url", UrlUse::Link)?,
        provider: at.opt_text("provider")?,
        title: at.opt_text("title")?,
        poster: match at.field("poster")? {
            Some(p) => read_image(p, ctx)?,
            None => None,
        },
        caption: at.opt_text("caption")?,
        details: at.opt_text("details")?,
    })
}

fn has_text(runs: &[Run]) -> bool {
    runs.iter().any(|r| !r.text.trim().is_empty())
}

fn read_block(at: At, ctx: &mut Ctx) -> DResult<Option<Block>> {
    at.is_object()?;
    let kind = at.req_text("type")?;
    let block = match kind.as_str() {
        "paragraph" => {
            let runs = read_inline(at.required("text")?, ctx)?;
            if !has_text(&runs) {
                ctx.warn(&at, "skipped an empty paragraph");
                return Ok(None);
            }
            Block::Paragraph(runs)
        }
        "heading" => Block::Heading {
            level: at.opt_integer("level", 2, 4)?.unwrap_or(2) as u8,
            text: at.req_text("text")?,
        },
        "quote" => {
            let paragraphs = match at.field("paragraphs")? {
                Some(p) => p
                    .items()?
                    .into_iter()
                    .map(|i| read_inline(i, ctx))
                    .collect::<DResult<_>>()?,
                None => vec![read_inline(at.required("text")?, ctx)?],
            };
            Block::Quote {
                paragraphs,
                attribution: at.opt_text("attribution")?,
            }
        }
        "image" => match read_image(at, ctx)? {
            Some(image) => Block::Image(image),
            None => return Ok(None),
        },
        "list" => Block::List(read_list(&at, ctx, 0)?),
        "code" | "preformatted" | "verse" => {
            let text = at.required("text")?.string()?;
            if text.trim().is_empty() {
                ctx.warn(&at, &format!("skipped an empty {kind} block"));
                return Ok(None);
            }
            let kind = match kind.as_str() {
                "code" => Preformatted::Code,
                "verse" => Preformatted::Verse,
                _ => Preformatted::Plain,
            };
            Block::Preformatted {
                kind,
                text,
                language: match kind {
                    Preformatted::Code => at.opt_text("language")?,
                    _ => None,
                },
            }
        }
        "separator" => Block::Separator,
        "gallery" => {
            let mut images = Vec::new();
            for item in at.required("images")?.items()? {
                images.extend(read_image(item, ctx)?);
            }
            if images.is_empty() {
                ctx.warn(&at, "skipped a gallery without images");
                return Ok(None);
            }
            Block::Gallery {
                images,
                caption: at.opt_text("caption")?,
            }
        }
        "embed" => Block::Embed(read_embed(&at, ctx)?),
        "footnotes" => Block::Footnotes(
            at.required("notes")?
                .items()?
                .into_iter()
                .map(|n| read_inline(n, ctx))
                .collect::<DResult<_>>()?,
        ),
        "table" => match read_table(&at, ctx)? {
            Some(table) => Block::Table(table),
            None => {
                ctx.warn(&at, "skipped a table without text");
                return Ok(None);
            }
        },
        "read_also" => Block::ReadAlso(ArticleLink {
            headline: at.req_text("headline")?,
            url: ctx.req_url(&at, "url", UrlUse::Link)?,
            slug: at.opt_text("slug")?,
        }),
        other => {
            ctx.warn(&at, &format!("skipped a block of unknown type `{other}`"));
            return Ok(None);
        }
    };
    Ok(Some(block))
}

/// An article summary, as listed in trending and archives.
pub fn read_summary(at: At, ctx: &mut Ctx) -> DResult<Summary> {
    at.is_object()?;
    Ok(Summary {
        slug: at.opt_text("slug")?,
        url: ctx.req_url(&at, "url", UrlUse::Link)?,
        headline: at.req_text("headline")?,
        kicker: at.opt_text("kicker")?,
        standfirst: at.opt_text("standfirst")?,
        section: at.opt_text("section")?,
        author: at.opt_text("author")?,
        published: opt_timestamp(&at, "published")?,
        language: at.opt_text("language")?,
        image: opt_image(&at, ctx)?,
    })
}

fn opt_image(at: &At, ctx: &mut Ctx) -> DResult<Option<Image>> {
    match at.field("image")? {
        Some(v) => read_image(v, ctx),
        None => Ok(None),
    }
}

fn summaries(root: &At, ctx: &mut Ctx) -> DResult<Vec<Summary>> {
    let items = root.required("items")?;
    let items = items.items()?;
    if items.len() > MAX_ITEMS {
        ctx.warnings
            .push(list_cut(MAX_ITEMS, &format!("the list has {}", items.len())));
    }
    let budget = Budget::default();
    let mut out = Vec::new();
    for item in items.into_iter().take(MAX_ITEMS) {
        let summary = read_summary(item, ctx)?;
        if !budget.text(summary.text_len()) {
            ctx.warnings.push(list_cut(out.len(), budget.message()));
            break;
        }
        out.push(summary);
    }
    Ok(out)
}

pub fn trending(doc: &Json, base: &str) -> std::result::Result<Parsed<Vec<Summary>>, Problem> {
    let root = At::root(doc);
    header(&root, "trending")?;
    let mut ctx = Ctx::new(base, &NoHtml);
    let result = summaries(&root, &mut ctx);
    finish(ctx, result)
}

pub fn archives(doc: &Json, base: &str) -> std::result::Result<Parsed<Vec<MonthCount>>, Problem> {
    let root = At::root(doc);
    header(&root, "archives")?;
    let ctx = Ctx::new(base, &NoHtml);
    let result = read_archives(&root);
    finish(ctx, result)
}

fn read_archives(root: &At) -> DResult<Vec<MonthCount>> {
    let months = root.required("months")?;
    months
        .items()?
        .into_iter()
        .map(|m| {
            m.is_object()?;
            Ok(MonthCount {
                year: m.required("year")?.integer(1000, 9999)? as i32,
                month: m.required("month")?.integer(1, 12)? as u32,
                count: m.required("count")?.integer(0, i64::from(u32::MAX))? as u32,
            })
        })
        .collect()
}

/// A month listing: every article of the month, newest first after sorting.
pub fn listing(doc: &Json, base: &str) -> std::result::Result<Parsed<Listing>, Problem> {
    let root = At::root(doc);
    header(&root, "listing")?;
    let mut ctx = Ctx::new(base, &NoHtml);
    let result = read_listing(&root, &mut ctx);
    finish(ctx, result)
}

fn read_listing(root: &At, ctx: &mut Ctx) -> DResult<Listing> {
    let year = root.required("year")?.integer(1000, 9999)? as i32;
    let month = root.required("month")?.integer(1, 12)? as u32;
    let items = summaries(root, ctx)?;
    Ok(Listing::whole_month(year, month, items))
}

#[cfg(test)]
mod tests;
