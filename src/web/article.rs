//! The article part: its request, and the article view, semantic HTML
//! built from typed blocks. No HTML string from a feed ever reaches the
//! DOM: text goes in as text nodes, URLs were checked when the feed was
//! read.

use leptos::prelude::*;

use super::ads::ad_slot;
use super::dom::{text_el, Markup};
use super::env::Env;
use super::intl::{self, DateStyle};
use super::load::Load;
use super::load::{absolute_url, use_loader, Input, Loaded, Request};
use super::markup::{image_tag, COLUMN};
use super::part::{part, Spec};
use super::sanitize::BrowserHtml;
use super::site;
use super::states::article_skeleton;
use crate::core::ads::{placements, SlotKind};
use crate::core::article::{
    later_update, Align, Article, Author, Block, Cell, Embed, EmbedKind, Image, List, Marks, Preformatted,
    Run, Table,
};
use crate::core::config::Config;
use crate::core::error::{Feed, Format, Parsed, Problem};
use crate::core::feed;
use crate::core::i18n::{direction, fill, text_direction};
use crate::core::player::{player, Player};
use crate::core::url::fill_encoded;
use crate::core::wpsite;

/// Appends text to `el`, with its line breaks as `<br>`.
fn add_text(mut el: Markup, text: &str) -> Markup {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            el = el.child(Markup::new("br"));
        }
        if !line.is_empty() {
            el = el.text(line);
        }
    }
    el
}

std::thread_local! {
    /// The footnotes already referred to in the body being built: a note
    /// referred to twice links back to its first reference, the only one
    /// with the id (ids stay unique). Cleared by `body`.
    static REFERRED: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Appends runs with their marks: `<a>` outside `<strong>` outside `<em>`
/// outside the other marks (`Marks::ALL`, `<code>` innermost).
pub fn add_runs(mut el: Markup, runs: &[Run]) -> Markup {
    for run in runs {
        let mut marked: Option<Markup> = None;
        if let Some(n) = run.note {
            // A footnote reference: to its note, which links back to the
            // note's first reference.
            let first = REFERRED.with_borrow_mut(|seen| {
                let first = !seen.contains(&n);
                if first {
                    seen.push(n);
                }
                first
            });
            let mut link = Markup::new("a").attr("href", &format!("#hd-fn-{n}"));
            if first {
                link = link.attr("id", &format!("hd-fnref-{n}"));
            }
            el = el.child(Markup::new("sup").cls("hd-fnref").child(link.text(&run.text)));
            continue;
        }
        let others = Marks::ALL
            .iter()
            .rev()
            .map(|(mark, _, tag)| (*tag, run.marks.contains(*mark)));
        let main = [
            ("em", run.emphasis),
            ("strong", run.strong),
            ("a", run.href.is_some()),
        ];
        for (tag, wanted) in others.chain(main) {
            if !wanted {
                continue;
            }
            let mut wrapper = Markup::new(tag);
            if let Some(href) = run.href.as_deref().filter(|_| tag == "a") {
                wrapper = wrapper.attr("href", href).attr("rel", "noopener noreferrer");
            }
            marked = Some(match marked.take() {
                Some(inner) => wrapper.child(inner),
                None => add_text(wrapper, &run.text),
            });
        }
        el = match marked {
            Some(m) => el.child(m),
            None => add_text(el, &run.text),
        };
    }
    el
}

/// An image with its caption and credit; `sizes` says how wide it is laid out.
pub fn figure(image: &Image, eager: bool, sizes: &str) -> Markup {
    let caption = (image.caption.is_some() || image.credit.is_some()).then(|| {
        let mut c = Markup::new("figcaption").cls("hd-figure__caption");
        if let Some(text) = &image.caption {
            c = c.text(text);
        }
        if let Some(credit) = &image.credit {
            c = c.text(" ").child(text_el("span", "hd-figure__credit", credit));
        }
        c
    });
    Markup::new("figure")
        .cls("hd-figure")
        .child(image_tag(image, eager, "hd-figure__img", sizes))
        .child_opt(caption)
}

/// A list, and the lists nested in its items.
fn list(l: &List) -> Markup {
    let el = Markup::new(if l.ordered { "ol" } else { "ul" }).cls("hd-list");
    match l.start {
        Some(n) => el.attr("start", &n.to_string()),
        None => el,
    }
    .children(
        l.items
            .iter()
            .map(|item| {
                add_runs(Markup::new("li"), &item.runs).children(item.lists.iter().map(list).collect())
            })
            .collect(),
    )
}

/// Media from elsewhere as a link to the original: its poster (the
/// publisher's own, if any), a play mark, its title and where it plays.
/// Nothing from the other site loads until the reader follows the link.
fn embed(env: &Env, e: &Embed) -> Markup {
    let t = env.t();
    let provider = e.provider.as_deref();
    let with = |template: &str, p: &str| fill(template, &[("provider", p)]);
    let action = match (e.kind, provider) {
        (EmbedKind::Video, Some(p)) => with(t.watch_on, p),
        (EmbedKind::Video, None) => t.watch.to_string(),
        (EmbedKind::Audio, Some(p)) => with(t.listen_on, p),
        (EmbedKind::Audio, None) => t.listen.to_string(),
        (_, Some(p)) => with(t.view_on, p),
        (_, None) => t.open_original.to_string(),
    };
    let kind = match e.kind {
        EmbedKind::Video => "video",
        EmbedKind::Audio => "audio",
        EmbedKind::Post => "post",
        EmbedKind::Other => "other",
    };
    let mut link = Markup::new("a")
        .cls("hd-embed__link")
        .attr("href", &e.url)
        .attr("rel", "noopener noreferrer");
    // Played in place on a click when the publisher allows it (`play`).
    if let Some(p) = env.config.play_embeds.then(|| player(e)).flatten() {
        link = match p {
            Player::Frame(src) => link
                .attr("data-herald-play", "frame")
                .attr("data-herald-player", &src),
            Player::Video => link.attr("data-herald-play", "video"),
            Player::Audio => link.attr("data-herald-play", "audio"),
        };
    }
    let link = link
        .child_opt(
            e.poster
                .as_ref()
                .map(|p| image_tag(p, false, "hd-embed__poster", COLUMN)),
        )
        .child(
            Markup::new("span")
                .cls("hd-embed__text")
                .child_opt(
                    e.title
                        .as_deref()
                        .map(|title| text_el("span", "hd-embed__title", title).attr("dir", "auto")),
                )
                .child(text_el("span", "hd-embed__action", &action))
                .child_opt(
                    e.details
                        .as_deref()
                        .map(|d| text_el("span", "hd-embed__details", d)),
                ),
        );
    Markup::new("figure")
        .cls(&format!("hd-embed hd-embed--{kind}"))
        .child(link)
        .child_opt(
            e.caption
                .as_deref()
                .map(|c| text_el("figcaption", "hd-figure__caption", c)),
        )
}

/// The notes, numbered from 1, each with a link back to its reference.
fn footnotes(env: &Env, notes: &[Vec<Run>]) -> Markup {
    let t = env.t();
    let items = notes.iter().enumerate().map(|(i, runs)| {
        let n = i + 1;
        add_runs(Markup::new("li").attr("id", &format!("hd-fn-{n}")), runs)
            .text(" ")
            .child(
                Markup::new("a")
                    .cls("hd-fnback")
                    .attr("href", &format!("#hd-fnref-{n}"))
                    .attr("aria-label", t.back_to_text)
                    .text("↩\u{fe0e}"),
            )
    });
    Markup::new("section")
        .cls("hd-footnotes")
        .attr("aria-label", t.notes)
        .child(Markup::new("ol").children(items.collect()))
}

/// A table in a box of its own that scrolls sideways when the table is
/// wider than the column (never the page), focusable so that keyboard
/// users can scroll it, and named by the caption. Header cells keep their
/// scope: a header row's cells head their columns, a body row's header
/// cell its row.
fn table(env: &Env, t: &Table, index: usize) -> Markup {
    let row = |cells: &[Cell], head: bool| {
        let cells = cells.iter().enumerate().map(|(col, cell)| {
            let mut el = Markup::new(if cell.header { "th" } else { "td" });
            if cell.header {
                let scope = match (head, cell.colspan > 1) {
                    (true, false) => "col",
                    (true, true) => "colgroup",
                    (false, _) => "row",
                };
                el = el.attr("scope", scope);
            }
            if cell.colspan > 1 {
                el = el.attr("colspan", &cell.colspan.to_string());
            }
            if cell.rowspan > 1 {
                el = el.attr("rowspan", &cell.rowspan.to_string());
            }
            match t.align.get(col).copied().flatten() {
                Some(Align::Center) => el = el.cls("hd-align-center"),
                Some(Align::End) => el = el.cls("hd-align-end"),
                Some(Align::Start) | None => {}
            }
            add_runs(el, &cell.runs)
        });
        Markup::new("tr").children(cells.collect())
    };
    let (head, body) = t.rows.split_at(t.head_rows.min(t.rows.len()));
    let caption_id = env.id(&format!("table-{index}"));
    let table = Markup::new("table")
        .child_opt(
            t.caption
                .as_deref()
                .map(|c| text_el("caption", "hd-table__caption", c).attr("id", &caption_id)),
        )
        .child_opt(
            (!head.is_empty())
                .then(|| Markup::new("thead").children(head.iter().map(|r| row(r, true)).collect())),
        )
        .child(Markup::new("tbody").children(body.iter().map(|r| row(r, false)).collect()));
    let scroller = Markup::new("div").cls("hd-table").attr("tabindex", "0");
    let scroller = match t.caption {
        Some(_) => scroller
            .attr("role", "region")
            .attr("aria-labelledby", &caption_id),
        None => scroller,
    };
    scroller.child(table)
}

/// Code keeps its lines and reads left to right whatever the page's
/// direction; verse keeps its lines in the body's font.
fn preformatted(kind: Preformatted, text: &str, language: Option<&str>) -> Markup {
    match kind {
        Preformatted::Code => {
            let code = Markup::new("code").text(text);
            let code = match language {
                Some(l) => code.attr("class", &format!("language-{l}")),
                None => code,
            };
            Markup::new("pre")
                .cls("hd-pre hd-pre--code")
                .attr("dir", "ltr")
                .attr("translate", "no")
                .attr("tabindex", "0")
                .child(code)
        }
        Preformatted::Plain => text_el("pre", "hd-pre", text).attr("tabindex", "0"),
        Preformatted::Verse => text_el("p", "hd-verse", text),
    }
}

/// The markup of a body block; `index` is its place in the body (for ids).
fn block(env: &Env, block: &Block, dateline: Option<&str>, index: usize) -> Markup {
    match block {
        Block::Paragraph(runs) => {
            let mut p = Markup::new("p");
            if let Some(d) = dateline {
                p = p
                    .child(text_el("span", "hd-dateline", &format!("{d}:")))
                    .text(" ");
            }
            add_runs(p, runs)
        }
        Block::Heading { level, text } => {
            let tag = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            text_el(tag, "hd-subhead", text)
        }
        Block::Quote {
            paragraphs,
            attribution,
        } => {
            let quote = Markup::new("blockquote")
                .children(paragraphs.iter().map(|p| add_runs(Markup::new("p"), p)).collect());
            let by = attribution.as_deref().map(|a| {
                Markup::new("figcaption")
                    .cls("hd-quote__by")
                    .text("— ")
                    .child(Markup::new("cite").text(a))
            });
            Markup::new("figure").cls("hd-quote").child(quote).child_opt(by)
        }
        Block::Image(image) => figure(image, false, COLUMN),
        Block::List(l) => list(l),
        Block::Preformatted { kind, text, language } => preformatted(*kind, text, language.as_deref()),
        Block::Separator => Markup::new("hr").cls("hd-separator"),
        Block::Table(t) => table(env, t, index),
        Block::Gallery { images, caption } => Markup::new("figure")
            .cls("hd-gallery")
            .child(
                Markup::new("ul").cls("hd-gallery__list").children(
                    images
                        .iter()
                        .map(|i| Markup::new("li").child(figure(i, false, "(min-width: 1024px) 270px, 50vw")))
                        .collect(),
                ),
            )
            .child_opt(
                caption
                    .as_deref()
                    .map(|c| text_el("figcaption", "hd-figure__caption", c)),
            ),
        Block::Embed(e) => embed(env, e),
        Block::Footnotes(notes) => footnotes(env, notes),
        Block::ReadAlso(link) => {
            let label = env.t().read_also;
            Markup::new("aside")
                .cls("hd-read-also")
                .attr("aria-label", label)
                .child(text_el("span", "hd-read-also__label", label))
                .child(
                    text_el("a", "hd-read-also__link", &link.headline)
                        .attr("href", &env.article_href(link.slug.as_deref(), &link.url))
                        .attr("dir", "auto"),
                )
        }
    }
}

/// The author's picture; decorative, as the name is written beside it.
fn avatar(author: &Author, size: &str, class: &str) -> Option<Markup> {
    author.avatar.as_deref().map(|src| {
        Markup::new("img")
            .cls(class)
            .attr("src", src)
            .attr("alt", "")
            .attr("width", size)
            .attr("height", size)
            .attr("loading", "lazy")
            .attr("decoding", "async")
    })
}

fn time(ts: &crate::core::time::Timestamp, text: &str) -> Markup {
    Markup::new("time").attr("datetime", &ts.to_rfc3339()).text(text)
}

fn byline(env: &Env, article: &Article) -> Markup {
    let t = env.t();
    let n = article.authors.len();
    let mut names = text_el("p", "hd-byline__authors", t.by).text(" ");
    let separators = intl::list_separators(n, &env.locale);
    for (i, a) in article.authors.iter().enumerate() {
        if i > 0 {
            names = names.text(separators.get(i - 1).map_or(", ", String::as_str));
        }
        names = names.child(text_el("bdi", "hd-byline__name", &a.name));
    }
    let minutes = fill(
        t.min_read,
        &[("n", &env.number(article.reading_minutes() as u64))],
    );
    let mut meta = Markup::new("p").cls("hd-byline__meta");
    // Without a date (a feed that gives none), the byline has none.
    if let Some(published) = &article.published {
        meta = meta
            .child(
                time(published, &env.date(published, DateStyle::Long))
                    .attr("title", &env.date(published, DateStyle::WithTime)),
            )
            .child(Markup::new("span").attr("aria-hidden", "true").text(" · "));
    }
    meta = meta.child(text_el("span", "hd-byline__reading", &minutes));
    if let Some(updated) = later_update(article.updated, article.published) {
        let text = fill(t.updated, &[("date", &env.date(&updated, DateStyle::WithTime))]);
        meta = meta.child(
            Markup::new("span")
                .cls("hd-byline__updated")
                .child(time(&updated, &text)),
        );
    }
    let avatars = (n > 0).then(|| {
        Markup::new("span").cls("hd-byline__avatars").children(
            article
                .authors
                .iter()
                .filter_map(|a| avatar(a, "40", "hd-byline__avatar"))
                .collect(),
        )
    });
    Markup::new("div").cls("hd-byline").child_opt(avatars).child(
        Markup::new("div")
            .cls("hd-byline__text")
            .child_opt((n > 0).then_some(names))
            .child(meta),
    )
}

fn author_box(env: &Env, author: &Author, index: usize) -> Markup {
    let t = env.t();
    let heading_id = env.id(&format!("author-{index}"));
    let link = author.url.as_deref().map(|url| {
        text_el(
            "a",
            "hd-author__link",
            &fill(t.more_from, &[("name", &author.name)]),
        )
        .attr("href", url)
        .attr("rel", "author noopener noreferrer")
    });
    let details = Markup::new("div")
        .child(
            Markup::new("p")
                .cls("hd-author__name")
                .child(Markup::new("bdi").text(&author.name)),
        )
        .child_opt(
            author
                .bio
                .as_deref()
                .map(|bio| text_el("p", "hd-author__bio", bio)),
        )
        .child_opt(link);
    Markup::new("section")
        .cls("hd-author")
        .attr("aria-labelledby", &heading_id)
        .child(text_el("h2", "hd-author__heading", t.author).attr("id", &heading_id))
        .child(
            Markup::new("div")
                .cls("hd-author__card")
                .child_opt(avatar(author, "64", "hd-author__avatar"))
                .child(details),
        )
}

/// The body's blocks with the in-article ad slots placed by the rule.
fn body(env: &Env, article: &Article) -> Markup {
    let slots = placements(&article.body, &env.config.ads);
    let first_para = article.body.iter().position(|b| matches!(b, Block::Paragraph(_)));
    let mut out = Markup::new("div").cls("hd-body");
    let mut slot_index = 0;
    REFERRED.with_borrow_mut(Vec::clear);
    for (i, b) in article.body.iter().enumerate() {
        let dateline = if Some(i) == first_para {
            article.dateline.as_deref()
        } else {
            None
        };
        out = out.child(block(env, b, dateline, i));
        if slots.contains(&i) {
            out = out.child_opt(ad_slot(env, SlotKind::InArticle, slot_index));
            slot_index += 1;
        }
    }
    out
}

pub fn article(env: &Env, article: &Article) -> Markup {
    let mut root = Markup::new("article")
        .cls("hd-article")
        .attr("aria-labelledby", &env.id("headline"));
    // An article in another language than the widget's gets its own lang
    // and direction; of an unknown language, the direction of its headline
    // (an Arabic post on an English page reads right to left).
    match article.language.as_deref() {
        Some(lang) if lang.eq_ignore_ascii_case(&env.locale) => {}
        Some(lang) => root = root.attr("lang", lang).attr("dir", direction(lang)),
        None => root = root.attr("dir", text_direction(&article.headline)),
    }
    let header = Markup::new("header")
        .cls("hd-article__header")
        .child_opt(article.kicker.as_deref().map(|k| text_el("p", "hd-kicker", k)))
        .child(text_el("h1", "hd-headline", &article.headline).attr("id", &env.id("headline")))
        .child_opt(
            article
                .standfirst
                .as_deref()
                .map(|s| text_el("p", "hd-standfirst", s)),
        )
        .child(byline(env, article));
    let tags = (!article.tags.is_empty()).then(|| {
        Markup::new("ul")
            .cls("hd-tags")
            .attr("aria-label", env.t().tags)
            .children(
                article
                    .tags
                    .iter()
                    .map(|tag| text_el("li", "hd-tag", tag))
                    .collect(),
            )
    });
    let footer = Markup::new("footer")
        .cls("hd-article__footer")
        .child_opt(tags)
        .children(
            article
                .authors
                .iter()
                .enumerate()
                .map(|(i, a)| author_box(env, a, i))
                .collect(),
        );
    // A protected post: what it is, and where to read it.
    let body = match article.locked {
        true => Markup::new("p")
            .cls("hd-locked")
            .text(env.t().protected_notice)
            .text(" ")
            .child(
                Markup::new("a")
                    .text(env.t().read_on_site)
                    .attr("href", &article.url)
                    .attr("rel", "noopener noreferrer"),
            ),
        false => body(env, article),
    };
    root.child(header)
        .child_opt(article.image.as_ref().map(|img| figure(img, true, COLUMN)))
        .child(body)
        .child(footer)
}

fn decode(input: &Input) -> Result<Parsed<Loaded>, Problem> {
    let req = input.request;
    feed::article(
        input.format,
        input.doc,
        &req.url,
        &BrowserHtml {
            zone: input.config.time_zone.as_deref(),
        },
        req.slug.as_deref(),
        // The tag that feeds the sidebar is the newsroom's, not the reader's.
        input.config.trending_fallback.tag(),
    )
    .map(|p| p.map(Loaded::Article))
}

/// The article's URL for `slug`; `None` when there is nothing to load yet.
/// Without a slug, the article URL is used as it is (an embed of one article).
/// With `data-wordpress` and no article source, the post is asked for
/// under `root`, else under the site's likely REST root (`/wp-json/`).
pub fn article_url(config: &Config, slug: &str, root: Option<&str>) -> Option<String> {
    let Some(source) = config.article.as_ref() else {
        let guess = config
            .wordpress
            .as_deref()
            .map(|site| wpsite::roots(site)[0].clone());
        let root = root.map(str::to_string).or(guess)?;
        return absolute_url(&wpsite::article_url(&root, Some(slug)));
    };
    if slug.is_empty() && source.url.contains("{slug}") {
        return None;
    }
    absolute_url(&fill_encoded(&source.url, &[("slug", slug)]))
}

/// The article part: skeleton, then the article, its error or not-found.
pub fn article_part(env: &Env, slug: Option<String>) -> Markup {
    let config = env.config.clone();
    if slug.as_deref().unwrap_or("").is_empty()
        && config.article.as_ref().is_some_and(|s| s.url.contains("{slug}"))
    {
        web_sys::console::warn_1(
            &"[herald] article: data-article is a template with {slug} but no slug is given (set data-slug)"
                .into(),
        );
    }
    let site = site::site(&config);
    let loader = use_loader(env, move || {
        let slug = slug.clone().unwrap_or_default();
        // A site's post is asked for at once under the likely REST root,
        // in parallel with the discovery, which confirms or corrects it.
        let state = site.as_ref().map(|s| s.get());
        let (root, provisional) = match (&config.article, &state) {
            (None, Some(Load::Loading)) => (None, true),
            (None, Some(load)) => (site::found(load).map(|f| f.root.clone()), false),
            _ => (None, false),
        };
        let format = match &config.article {
            Some(source) => source.format,
            None => Some(Format::WordPress),
        };
        let mut req = Request::new(
            Feed::Article,
            article_url(&config, &slug, root.as_deref())?,
            format,
            decode,
        );
        req.provisional = provisional;
        req.slug = (!slug.is_empty()).then_some(slug);
        Some(req)
    });
    // In a task of its own, while the request is on the way.
    let warm = env.clone();
    set_timeout(move || warm.warm_up(), std::time::Duration::ZERO);
    let t = env.t();
    let spec = Spec::main(
        "hd-part hd-part--article",
        (t.loading_article, t.error_article),
        |_| article_skeleton(),
        |env, loaded| loaded.article().map(|a| article(env, a)),
    );
    part(env, loader, spec)
}
