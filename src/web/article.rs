//! The article view: semantic HTML built from typed blocks. No HTML string
//! from a feed ever reaches the DOM: text goes in as text nodes, URLs were
//! checked when the feed was read.

use super::ads::ad_slot;
use super::dom::{text_el, E};
use super::intl::{self, DateStyle};
use super::Env;
use crate::core::ads::{placements, SlotKind};
use crate::core::article::{Article, Author, Block, Image, Run};
use crate::core::i18n::{direction, fill};

/// Appends text to `el`, with its line breaks as `<br>`.
fn add_text(mut el: E, text: &str) -> E {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            el = el.child(E::new("br"));
        }
        if !line.is_empty() {
            el = el.text(line);
        }
    }
    el
}

/// Appends runs with their marks: `<a>` outside `<strong>` outside `<em>`.
pub fn add_runs(mut el: E, runs: &[Run]) -> E {
    for run in runs {
        let mut marked: Option<E> = None;
        for (tag, wanted) in [
            ("em", run.emphasis),
            ("strong", run.strong),
            ("a", run.href.is_some()),
        ] {
            if !wanted {
                continue;
            }
            let mut wrapper = E::new(tag);
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

/// An `<img>` that reserves its space: intrinsic width and height when
/// known, else a 16:9 box that the image covers.
pub fn image_tag(image: &Image, eager: bool, class: &str) -> E {
    let mut img = E::new("img")
        .attr("src", &image.src)
        .attr("alt", &image.alt)
        .attr("decoding", "async")
        .attr("loading", if eager { "eager" } else { "lazy" });
    match (image.width, image.height) {
        (Some(w), Some(h)) => {
            img = img
                .cls(class)
                .attr("width", &w.to_string())
                .attr("height", &h.to_string());
        }
        _ => img = img.cls(&format!("{class} hd-img--unsized")),
    }
    if eager {
        img = img.attr("fetchpriority", "high");
    }
    img
}

pub fn figure(image: &Image, eager: bool) -> E {
    let caption = (image.caption.is_some() || image.credit.is_some()).then(|| {
        let mut c = E::new("figcaption").cls("hd-figure__caption");
        if let Some(text) = &image.caption {
            c = c.text(text);
        }
        if let Some(credit) = &image.credit {
            c = c.text(" ").child(text_el("span", "hd-figure__credit", credit));
        }
        c
    });
    E::new("figure")
        .cls("hd-figure")
        .child(image_tag(image, eager, "hd-figure__img"))
        .child_opt(caption)
}

fn block(env: &Env, block: &Block, dateline: Option<&str>) -> E {
    match block {
        Block::Paragraph(runs) => {
            let mut p = E::new("p");
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
            let quote =
                E::new("blockquote").children(paragraphs.iter().map(|p| add_runs(E::new("p"), p)).collect());
            let by = attribution.as_deref().map(|a| {
                E::new("figcaption")
                    .cls("hd-quote__by")
                    .text("— ")
                    .child(E::new("cite").text(a))
            });
            E::new("figure").cls("hd-quote").child(quote).child_opt(by)
        }
        Block::Image(image) => figure(image, false),
        Block::List { ordered, items } => E::new(if *ordered { "ol" } else { "ul" })
            .cls("hd-list")
            .children(items.iter().map(|i| add_runs(E::new("li"), i)).collect()),
        Block::ReadAlso(link) => {
            let label = env.t().read_also;
            E::new("aside")
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
fn avatar(author: &Author, size: &str, class: &str) -> Option<E> {
    author.avatar.as_deref().map(|src| {
        E::new("img")
            .cls(class)
            .attr("src", src)
            .attr("alt", "")
            .attr("width", size)
            .attr("height", size)
            .attr("loading", "lazy")
            .attr("decoding", "async")
    })
}

fn time(ts: &crate::core::time::Timestamp, text: &str) -> E {
    E::new("time").attr("datetime", &ts.to_rfc3339()).text(text)
}

fn byline(env: &Env, article: &Article) -> E {
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
    let published = article.published;
    let minutes = fill(
        t.min_read,
        &[("n", &env.number(article.reading_minutes() as u64))],
    );
    let mut meta = E::new("p")
        .cls("hd-byline__meta")
        .child(
            time(&published, &env.date(&published, DateStyle::Long))
                .attr("title", &env.date(&published, DateStyle::WithTime)),
        )
        .child(E::new("span").attr("aria-hidden", "true").text(" · "))
        .child(text_el("span", "hd-byline__reading", &minutes));
    if let Some(updated) = article.updated.filter(|u| u.unix_ms > published.unix_ms) {
        let text = fill(t.updated, &[("date", &env.date(&updated, DateStyle::WithTime))]);
        meta = meta.child(
            E::new("span")
                .cls("hd-byline__updated")
                .child(time(&updated, &text)),
        );
    }
    let avatars = (n > 0).then(|| {
        E::new("span").cls("hd-byline__avatars").children(
            article
                .authors
                .iter()
                .filter_map(|a| avatar(a, "40", "hd-byline__avatar"))
                .collect(),
        )
    });
    E::new("div").cls("hd-byline").child_opt(avatars).child(
        E::new("div")
            .cls("hd-byline__text")
            .child_opt((n > 0).then_some(names))
            .child(meta),
    )
}

fn author_box(env: &Env, author: &Author, index: usize) -> E {
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
    let details = E::new("div")
        .child(
            E::new("p")
                .cls("hd-author__name")
                .child(E::new("bdi").text(&author.name)),
        )
        .child_opt(
            author
                .bio
                .as_deref()
                .map(|bio| text_el("p", "hd-author__bio", bio)),
        )
        .child_opt(link);
    E::new("section")
        .cls("hd-author")
        .attr("aria-labelledby", &heading_id)
        .child(text_el("h2", "hd-author__heading", t.author).attr("id", &heading_id))
        .child(
            E::new("div")
                .cls("hd-author__card")
                .child_opt(avatar(author, "64", "hd-author__avatar"))
                .child(details),
        )
}

/// The body's blocks with the in-article ad slots placed by the rule.
fn body(env: &Env, article: &Article) -> E {
    let slots = placements(&article.body, &env.config.ads);
    let first_para = article.body.iter().position(|b| matches!(b, Block::Paragraph(_)));
    let mut out = E::new("div").cls("hd-body");
    let mut slot_index = 0;
    for (i, b) in article.body.iter().enumerate() {
        let dateline = if Some(i) == first_para {
            article.dateline.as_deref()
        } else {
            None
        };
        out = out.child(block(env, b, dateline));
        if slots.contains(&i) {
            out = out.child_opt(ad_slot(env, SlotKind::InArticle, slot_index));
            slot_index += 1;
        }
    }
    out
}

pub fn article(env: &Env, article: &Article) -> E {
    let mut root = E::new("article")
        .cls("hd-article")
        .attr("aria-labelledby", &env.id("headline"));
    // An article in another language than the widget's gets its own lang and direction.
    if let Some(lang) = article
        .language
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case(&env.locale))
    {
        root = root.attr("lang", lang).attr("dir", direction(lang));
    }
    let header = E::new("header")
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
        E::new("ul")
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
    let footer = E::new("footer")
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
    root.child(header)
        .child_opt(article.image.as_ref().map(|img| figure(img, true)))
        .child(body(env, article))
        .child(footer)
}
