// The comparison page for the time-to-headline benchmark: the same article
// as plain server-rendered HTML, with the widget's own stylesheet, so that
// the only difference is how the article gets onto the page.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const runs = (text) =>
  (typeof text === "string" ? [text] : text)
    .map((r) => (typeof r === "string" ? esc(r) : esc(r.text)))
    .join("");

function block(b, dateline) {
  switch (b.type) {
    case "paragraph":
      return `<p>${dateline ? `<span class="hd-dateline">${esc(dateline)}:</span> ` : ""}${runs(b.text)}</p>`;
    case "heading":
      return `<h2 class="hd-subhead">${esc(b.text)}</h2>`;
    case "quote":
      return `<figure class="hd-quote"><blockquote><p>${runs(b.text)}</p></blockquote><figcaption class="hd-quote__by">— <cite>${esc(b.attribution ?? "")}</cite></figcaption></figure>`;
    case "read_also":
      return `<aside class="hd-read-also"><span class="hd-read-also__label">Read also</span><a class="hd-read-also__link" href="#">${esc(b.headline)}</a></aside>`;
    default:
      return "";
  }
}

export function staticArticlePage(dist, slug) {
  const a = JSON.parse(readFileSync(join(dist, `data/articles/${slug}.json`), "utf8"));
  const css = readdirSync(dist).find((f) => /^herald-[0-9a-f]+\.css$/.test(f));
  let first = true;
  const body = a.body
    .map((b) => {
      const html = block(b, b.type === "paragraph" && first ? a.dateline : null);
      if (b.type === "paragraph") first = false;
      return html;
    })
    .join("\n");
  const img = a.image;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.headline)}</title><link rel="stylesheet" href="${css}"></head>
<body><div class="herald"><main class="hd-main"><article class="hd-article">
<header class="hd-article__header"><p class="hd-kicker">${esc(a.kicker)}</p><h1 class="hd-headline">${esc(a.headline)}</h1>
<p class="hd-standfirst">${esc(a.standfirst)}</p>
<div class="hd-byline"><div class="hd-byline__text"><p class="hd-byline__authors">By <bdi>${esc(a.authors[0].name)}</bdi></p>
<p class="hd-byline__meta"><time datetime="${a.published}">March 24, 2021</time></p></div></div></header>
<figure class="hd-figure"><img class="hd-figure__img" src="${img.src.replace("../../", "")}" alt="${esc(img.alt)}" width="${img.width}" height="${img.height}"><figcaption class="hd-figure__caption">${esc(img.caption)}</figcaption></figure>
<div class="hd-body">${body}</div></article></main></div></body></html>
`;
}
