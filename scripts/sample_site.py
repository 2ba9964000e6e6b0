#!/usr/bin/env python3
"""Regenerate the sample site's derived data from its articles.

Herald's built-in sample site (served by `trunk serve` from `public/`) keeps
one Herald JSON `article` document per file in `public/data/articles/`.
Everything else in `public/data/` is derived from those files, and this
script rebuilds it:

  public/data/archives.json         months with their article counts
  public/data/archive/YYYY-MM.json  one `listing` per month, newest first
  public/data/trending.json         the `TRENDING` articles below, in order

and, so that the widget can be tested end to end on the other formats it
reads, copies of the same articles in those formats (see "WordPress REST API
and JSON Feed copies" below for every field):

  public/data/wordpress/posts/SLUG.json
        GET /wp-json/wp/v2/posts?slug=SLUG&_embed (an array of one post)
  public/data/wordpress/popular-posts.json
        GET /wp-json/wordpress-popular-posts/v1/popular-posts?range=all&limit=8&_embed
        (the WordPress Popular Posts plugin), the `TRENDING` articles in order
  public/data/wordpress/archive/YYYY-MM-pN.json
        GET /wp-json/wp/v2/posts?after=…&before=…&per_page=10&page=N&_embed
  public/data/wordpress/archive/YYYY-MM-pN.json.headers
        that response's X-WP-Total and X-WP-TotalPages headers, as JSON, for
        the test server to send
  public/data/jsonfeed/feed.json    a JSON Feed 1.1 of every article
  public/data/jsonfeed/YYYY-MM.json a JSON Feed 1.1 of one month's articles

The month of an article is the local date of its `published` time at the
article's own offset (2024-04-01T00:30:00+02:00 counts for April, although it
is still 31 March in UTC). Relative URLs are rewritten so that they resolve
to the same file from the generated document's own directory (see
docs/format.md, "Conventions").

Before writing anything, every article is checked: required members present,
times in RFC 3339 with an offset, slug equal to the file name, no two
articles sharing a slug or an id, every `read_also` slug and every local
image or avatar existing. Any problem is reported (all of them, with the
file) and the script exits with status 1 without writing.

Output is deterministic: stable order, 2-space indentation, UTF-8 without
escapes, a trailing newline. Files are only rewritten when their content
changes, and generated files that are no longer generated (month files for
months without articles, posts of deleted articles, …) are removed.

Usage:
  scripts/sample_site.py            rebuild public/data
  scripts/sample_site.py --check    exit 1 if anything is out of date
  scripts/sample_site.py --public DIR

Python 3.11 or later, standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import re
import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

# Trending Today, most read first. Deliberately fixed so that the sample
# sidebar is stable: the seed article, the article it links to, then a mix of
# sections (including the Persian article, to exercise right-to-left text).
TRENDING = [
    "we-went-in-together-we-will-leave-together-anthony-blinken",
    "nato-will-not-leave-afghanistan-before-the-time-is-right",
    "the-swifts-are-back-in-madrid-and-researchers-are-counting",
    "nowruz-book-fair-madrid",
    "night-trains-are-back-on-europes-timetables",
    "spring-rains-ease-pressure-on-madrids-reservoirs",
    "bookshops-prepare-street-stalls-for-world-book-day",
    "researchers-map-the-hidden-streams-beneath-madrid",
]

# Directories, relative to the site root (public/), as URL paths.
ARTICLES_DIR = "data/articles"
ARCHIVE_DIR = "data/archive"
DATA_DIR = "data"

REQUIRED_STRINGS = ("id", "slug", "url", "headline", "published")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RFC3339_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$"
)
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
MONTH_FILE_RE = re.compile(r"^\d{4}-\d{2}\.json$")


class Problems:
    """Collects validation errors so that all of them are reported at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def fail_if_any(self) -> None:
        if self.items:
            print(f"sample_site.py: {len(self.items)} problem(s), nothing written:", file=sys.stderr)
            for item in self.items:
                print(f"  {item}", file=sys.stderr)
            sys.exit(1)


def fail(message: str) -> None:
    print(f"sample_site.py: {message}", file=sys.stderr)
    sys.exit(1)


def is_absolute(url: str) -> bool:
    """True for URLs that do not depend on the document's directory."""
    return bool(SCHEME_RE.match(url)) or url.startswith("/")


def split_suffix(url: str) -> tuple[str, str]:
    """Split 'a/b.svg?x#y' into ('a/b.svg', '?x#y')."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:]


def resolve(url: str, from_dir: str) -> str:
    """Site-root-relative path of a relative URL found in a document in from_dir."""
    path, _ = split_suffix(url)
    target = posixpath.normpath(posixpath.join(from_dir, path))
    if target == ".." or target.startswith("../"):
        raise ValueError(f"`{url}` points outside the site root")
    return target


def rebase(url: str, from_dir: str, to_dir: str) -> str:
    """Rewrite a URL written in a document in from_dir for a document in to_dir."""
    if is_absolute(url):
        return url
    path, suffix = split_suffix(url)
    target = resolve(url, from_dir)
    new = posixpath.relpath(target, to_dir)
    if path.endswith("/") and not new.endswith("/"):
        new += "/"
    return new + suffix


def parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not RFC3339_RE.match(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def nonblank(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_local_file(url: object, where: str, public: Path, problems: Problems) -> None:
    """A relative image URL must name a file that exists in the sample site."""
    if not nonblank(url):
        problems.add(where, "missing or empty URL")
        return
    assert isinstance(url, str)
    if is_absolute(url):
        return
    try:
        target = resolve(url, ARTICLES_DIR)
    except ValueError as e:
        problems.add(where, str(e))
        return
    if not (public / target).is_file():
        problems.add(where, f"`{url}` refers to public/{target}, which does not exist")


def check_image(image: object, where: str, public: Path, problems: Problems) -> None:
    if not isinstance(image, dict):
        problems.add(where, "an image must be an object")
        return
    check_local_file(image.get("src"), f"{where}.src", public, problems)
    if not isinstance(image.get("alt"), str):
        problems.add(where, "missing field `alt` (use \"\" for a decorative image)")
    has_w, has_h = "width" in image, "height" in image
    if has_w != has_h:
        problems.add(where, "give both `width` and `height`, or neither")
    for key in ("width", "height"):
        if key in image:
            v = image[key]
            if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 20000:
                problems.add(f"{where}.{key}", "must be an integer from 1 to 20000")


def load_articles(public: Path, problems: Problems) -> list[dict]:
    directory = public / ARTICLES_DIR
    files = sorted(directory.glob("*.json"))
    if not files:
        fail(f"no articles found in {directory}")
    articles = []
    for path in files:
        name = f"{ARTICLES_DIR}/{path.name}"
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as e:
            problems.add(name, f"not UTF-8 ({e})")
            continue
        except json.JSONDecodeError as e:
            problems.add(name, f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})")
            continue
        if not isinstance(doc, dict):
            problems.add(name, "the document must be a JSON object")
            continue
        doc["_file"] = name
        doc["_stem"] = path.stem
        articles.append(doc)
    return articles


def validate(articles: list[dict], public: Path, problems: Problems) -> None:
    slugs: dict[str, str] = {}
    ids: dict[str, str] = {}
    for doc in articles:
        f = doc["_file"]
        if doc.get("herald") != 1:
            problems.add(f, "`herald` must be 1")
        if doc.get("type") != "article":
            problems.add(f, "`type` must be \"article\"")
        for key in REQUIRED_STRINGS:
            if not nonblank(doc.get(key)):
                problems.add(f, f"missing field `{key}`")
        slug, ident = doc.get("slug"), doc.get("id")
        if nonblank(slug):
            if not SLUG_RE.match(slug):
                problems.add(f, f"slug `{slug}` must be lower-case ASCII words joined by hyphens")
            if slug != doc["_stem"]:
                problems.add(f, f"slug `{slug}` does not match the file name")
            if slug in slugs:
                problems.add(f, f"slug `{slug}` is also used by {slugs[slug]}")
            slugs[slug] = f
        if nonblank(ident):
            if ident in ids:
                problems.add(f, f"id `{ident}` is also used by {ids[ident]}")
            ids[ident] = f
        if nonblank(doc.get("url")) and nonblank(slug) and not is_absolute(doc["url"]):
            try:
                if resolve(doc["url"], ARTICLES_DIR) != f"article/{slug}":
                    problems.add(f"{f} $.url", f"`{doc['url']}` does not resolve to article/{slug}")
            except ValueError as e:
                problems.add(f"{f} $.url", str(e))
        published = parse_time(doc.get("published"))
        if nonblank(doc.get("published")) and published is None:
            problems.add(f"{f} $.published", f"`{doc['published']}` is not an RFC 3339 time with an offset")
        doc["_published"] = published
        if doc.get("updated") is not None:
            updated = parse_time(doc["updated"])
            if updated is None:
                problems.add(f"{f} $.updated", f"`{doc['updated']}` is not an RFC 3339 time with an offset")
            elif published is not None and updated < published:
                problems.add(f"{f} $.updated", "is earlier than `published`")
        authors = doc.get("authors", [])
        if not isinstance(authors, list):
            problems.add(f"{f} $.authors", "must be an array")
            authors = []
        for i, author in enumerate(authors):
            if not isinstance(author, dict) or not nonblank(author.get("name")):
                problems.add(f"{f} $.authors[{i}]", "missing field `name`")
            elif author.get("avatar") is not None:
                check_local_file(author["avatar"], f"{f} $.authors[{i}].avatar", public, problems)
        if doc.get("image") is not None:
            check_image(doc["image"], f"{f} $.image", public, problems)
        body = doc.get("body")
        if not isinstance(body, list) or not body:
            problems.add(f, "missing field `body` (a non-empty array of blocks)")
            body = []
        for i, block in enumerate(body):
            where = f"{f} $.body[{i}]"
            if not isinstance(block, dict) or not nonblank(block.get("type")):
                problems.add(where, "a block must be an object with a `type`")
                continue
            if block["type"] == "image":
                check_image(block, where, public, problems)
            elif block["type"] == "read_also":
                if not nonblank(block.get("headline")) or not nonblank(block.get("url")):
                    problems.add(where, "read_also needs `headline` and `url`")
                doc.setdefault("_links", []).append((where, block.get("slug"), block.get("url")))
    for doc in articles:
        for where, slug, url in doc.get("_links", []):
            if slug is None:
                continue
            if slug not in slugs:
                problems.add(where, f"read_also slug `{slug}` is not an article of the sample site")
            elif nonblank(url) and not is_absolute(url):
                try:
                    if resolve(url, ARTICLES_DIR) != f"article/{slug}":
                        problems.add(where, f"url `{url}` does not match slug `{slug}`")
                except ValueError as e:
                    problems.add(where, str(e))


def byline(authors: list[dict]) -> str:
    names = [a["name"] for a in authors]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summary(doc: dict, to_dir: str) -> dict:
    """A Herald summary of an article, with URLs valid from a document in to_dir."""
    out: dict = {"slug": doc["slug"], "url": rebase(doc["url"], ARTICLES_DIR, to_dir), "headline": doc["headline"]}
    for key in ("kicker", "standfirst", "section"):
        if nonblank(doc.get(key)):
            out[key] = doc[key]
    if doc.get("authors"):
        out["author"] = byline(doc["authors"])
    out["published"] = doc["published"]
    if nonblank(doc.get("language")):
        out["language"] = doc["language"]
    image = doc.get("image")
    if isinstance(image, dict):
        thumb = {"src": rebase(image["src"], ARTICLES_DIR, to_dir), "alt": image["alt"]}
        for key in ("width", "height"):
            if key in image:
                thumb[key] = image[key]
        out["image"] = thumb
    return out


def newest_first(articles: list[dict]) -> list[dict]:
    # Stable: by instant, newest first; ties broken by slug.
    by_slug = sorted(articles, key=lambda d: d["slug"])
    return sorted(by_slug, key=lambda d: d["_published"], reverse=True)


def render(obj: dict | list) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def build(articles: list[dict]) -> dict[str, str]:
    """Every generated file: path relative to public/ -> content."""
    ordered = newest_first(articles)
    months: dict[tuple[int, int], list[dict]] = {}
    for doc in ordered:
        local = doc["_published"]  # keeps the article's own offset
        months.setdefault((local.year, local.month), []).append(doc)

    files: dict[str, str] = {}
    keys = sorted(months, reverse=True)
    files[f"{DATA_DIR}/archives.json"] = render({
        "herald": 1,
        "type": "archives",
        "months": [{"year": y, "month": m, "count": len(months[(y, m)])} for y, m in keys],
    })
    for y, m in keys:
        items = [summary(doc, ARCHIVE_DIR) for doc in months[(y, m)]]
        for item, doc in zip(items, months[(y, m)]):
            # data/articles/ and data/archive/ are at the same depth, so URLs
            # that climb to the site root must come out unchanged.
            for before, after in ((doc["url"], item["url"]), (doc.get("image", {}).get("src"), item.get("image", {}).get("src"))):
                if before and before.startswith("../../") and after != before:
                    fail(f"internal error: `{before}` became `{after}` in {ARCHIVE_DIR}/{y:04d}-{m:02d}.json")
        files[f"{ARCHIVE_DIR}/{y:04d}-{m:02d}.json"] = render({
            "herald": 1, "type": "listing", "year": y, "month": m, "items": items,
        })

    by_slug = {doc["slug"]: doc for doc in articles}
    missing = [s for s in TRENDING if s not in by_slug]
    if missing:
        fail("TRENDING names articles that do not exist: " + ", ".join(missing))
    if len(set(TRENDING)) != len(TRENDING):
        fail("TRENDING lists an article twice")
    files[f"{DATA_DIR}/trending.json"] = render({
        "herald": 1, "type": "trending", "items": [summary(by_slug[s], DATA_DIR) for s in TRENDING],
    })
    files.update(build_other_formats(articles, months))
    return files


# ---------------------------------------------------------------------------
# WordPress REST API and JSON Feed copies
# ---------------------------------------------------------------------------
#
# The sample site also serves every article the way a WordPress 6.x site and
# a JSON Feed 1.1 publisher would, so that the end-to-end tests can check that
# the widget renders each copy exactly as it renders the Herald JSON original.
# These copies are derived from data/articles/ like everything else here.
#
# The imaginary WordPress site is https://news.example/ with "Day and name"-
# style pretty permalinks (/%year%/%monthnum%/%postname%/). All image and
# avatar URLs are RELATIVE to the generated file (unlike a real WordPress
# site, which writes absolute URLs), so that they resolve to public/images/
# wherever the sample site is served. Links to articles (`link`, read-also
# links, JSON Feed `url`) are the absolute https://news.example/… permalinks.
#
# Post object: GET /wp-json/wp/v2/posts?slug=SLUG&_embed, "view" context,
# members in the order WordPress emits them:
#   id              stable_ids("post:" + slug), 10000–99999 (see stable_ids)
#   date            `published` at the article's own offset, no offset suffix
#                   (a WordPress site's local time; every sample article is in
#                   Madrid or Brussels time, i.e. the site's time zone)
#   date_gmt        `published` in UTC, no suffix
#   guid            {"rendered": "https://news.example/?p=ID"}
#   modified, modified_gmt
#                   `updated` the same way, or `published` when there is none
#                   (WordPress always has a modification time)
#   slug, status "publish", type "post"
#   link            https://news.example/YYYY/MM/SLUG/ (local year and month)
#   title           {"rendered": headline as HTML, see wp_html(title=True)}
#   content         {"rendered": body as block HTML (body_html), "protected": false}
#   excerpt         {"rendered": "<p>STANDFIRST</p>\n", "protected": false};
#                   "" without a standfirst (a real site would make one up)
#   author          user id of the first author (0 without authors)
#   featured_media  attachment id of `image` (0 without one)
#   comment_status "closed", ping_status "closed", sticky false, template "",
#   format "standard", meta {"footnotes": ""}
#   categories      term ids of [kicker, section] (a duplicate dropped), so that
#                   the kicker is the first category and the section the last.
#                   Real WordPress returns a post's terms ordered by NAME; the
#                   kicker-first order only holds on this sample site.
#   tags            term ids of `tags`, in Herald order
#   class_list      as get_post_class() (WordPress 6.5 and later)
#   lang            `language`, as Polylang's REST field (core WordPress has
#                   no per-post language; without it an RTL article cannot be
#                   recognised)
#   _links          as core: self, collection, about, one embeddable `author`
#                   link PER AUTHOR (core has one; co-author plugins add more),
#                   replies, wp:featuredmedia, wp:attachment, wp:term, curies
#   _embedded       author: one user object per author link, in byline order:
#                     {id, name, url (Herald author url, or ""), description
#                     (bio, or ""), link (Herald author url, else the author
#                     archive https://news.example/author/SLUG/), slug,
#                     avatar_urls {"24","48","96"} (all three the Herald avatar;
#                     absent without one, as when a site turns avatars off),
#                     _links}
#                   wp:featuredmedia: [attachment] when there is a lead image:
#                     {id, date, slug, type "attachment", link, title
#                     {"rendered": file name}, author, caption {"rendered":
#                     "<p>CAPTION</p>\n" or ""}, alt_text, media_type "image",
#                     mime_type (from the file extension), media_details
#                     {width, height, file, sizes {}, image_meta {…, credit}},
#                     source_url (relative), _links}
#                     The credit, which WordPress has no field for, is in
#                     media_details.image_meta.credit (where WordPress puts
#                     the IPTC credit of an uploaded image).
#                   wp:term: [[categories…], [tags…]], each term {id, link
#                     (https://news.example/category|tag/SLUG/), name (HTML-
#                     escaped, as WordPress stores term names), slug (as
#                     sanitize_title(): accents removed, non-ASCII
#                     percent-encoded), taxonomy "category"|"post_tag", _links}
#
# Popular posts: GET /wp-json/wordpress-popular-posts/v1/popular-posts?_embed
# (WordPress Popular Posts 5.3 and later, including 6.x and 7.x). The plugin's
# PostsEndpoint runs each popular post through core's
# WP_REST_Posts_Controller::prepare_item_for_response() and adds a single
# member, `pageviews`, the view count as the database returns it (a string).
# So every item is the core post object above — `title` is {"rendered": …},
# there is no `thumbnail` member (the image is `featured_media`, embedded as
# `wp:featuredmedia` because core honours `_embed` on plugin routes too) — with
# `pageviews` after the core members and before `_links`. Items are the
# TRENDING articles in order; the view counts are made up and decreasing.
#
# Month listings: GET /wp-json/wp/v2/posts?after=…&before=…&per_page=10&page=N&_embed
# is an array of post objects, newest first, 10 a page; the
# `….json.headers` sidecar holds the X-WP-Total and X-WP-TotalPages response
# headers (strings, as HTTP headers are).
#
# JSON Feed 1.1 (feed.json, every article newest first; YYYY-MM.json, one
# month's): version, title, home_page_url, feed_url, description, language
# "en", items. An item:
#   id              the slug
#   url             the permalink, as WordPress `link`
#   title           the headline (plain text)
#   content_html    the same HTML as WordPress `content`, image URLs relative
#                   to data/jsonfeed/ (the dateline is in it, as in WordPress)
#   summary         `standfirst`
#   image           `image.src`, relative
#   date_published  `published`, verbatim (RFC 3339 with the Herald offset)
#   date_modified   `updated`, verbatim; absent when there is none
#   authors         [{name, url, avatar (relative), _herald {slug, bio}}]
#   tags            `tags`
#   language        `language`
#   _herald         {kicker, section, dateline, slug, image {alt, width,
#                   height, caption, credit}}: Herald members JSON Feed has no
#                   field for. Only members the article has are written, here
#                   and everywhere in the feed.
#
# IDs: WordPress ids are integers. Each is derived from a key ("post:SLUG",
# "attachment:images/x.svg", "user:SLUG", "category:NAME", "post_tag:NAME")
# by hashing it into a range; collisions move to the next free number, keys
# taken in sorted order. So an id stays the same when articles are added,
# unless a new key collides with it and sorts first.

SITE = "https://news.example"
WP_API = SITE + "/wp-json"
WP_DIR = "data/wordpress"
WP_POSTS_DIR = "data/wordpress/posts"
WP_ARCHIVE_DIR = "data/wordpress/archive"
JSONFEED_DIR = "data/jsonfeed"
WP_PER_PAGE = 10
FEED_TITLE = "Herald sample site"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
MIME_TYPES = {"svg": "image/svg+xml", "jpg": "image/jpeg", "jpeg": "image/jpeg",
              "png": "image/png", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif"}

# Characters that wptexturize() writes as numeric entities.
TEXTURIZE = {"\u201c": "&#8220;", "\u201d": "&#8221;", "\u2018": "&#8216;", "\u2019": "&#8217;",
             "\u2013": "&#8211;", "\u2014": "&#8212;", "\u2026": "&#8230;", "\u00a0": "&nbsp;",
             "\u2032": "&#8242;", "\u2033": "&#8243;", "\u00d7": "&#215;"}


def wp_html(text: str, title: bool = False) -> str:
    """Plain text as WordPress renders it: HTML-escaped, typographic
    characters as wptexturize() entities. A bare `&` is `&amp;` in content
    (as the block editor saves it) and `&#038;` in titles (wptexturize)."""
    out = text.replace("&", "&#038;" if title else "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(TEXTURIZE.get(c, c) for c in out)


def html_attr(text: str) -> str:
    """esc_attr()."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#039;"))


def plain(content: object) -> str:
    """The text of inline content (a string or an array of runs)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(r if isinstance(r, str) else str(r.get("text", "")) if isinstance(r, dict) else ""
                       for r in content)
    return ""


# sanitize_title(), for term and author slugs.
_SLUG_HYPHEN = set("\u00a0\u2013\u2014/")
_SLUG_STRIP = set("\u00ad\u00a1\u00bf\u00ab\u00bb\u2039\u203a\u2018\u2019\u201c\u201d\u201a\u201b\u201e\u201f"
                  "\u2022\u00a9\u00ae\u00b0\u2026\u2122\u00b4\u02ca\u0301\u0341\u0300\u0304\u030c"
                  "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff\ufffc")
_LATIN = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
          "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH"}


def sanitize_title(text: str) -> str:
    out = []
    for c in text:
        if c in _LATIN:
            out.append(_LATIN[c])
            continue
        d = unicodedata.normalize("NFD", c)
        if ord(c) >= 128 and len(d) > 1 and ord(d[0]) < 128 and all(unicodedata.combining(x) for x in d[1:]):
            c = d[0]  # remove_accents()
        if c in _SLUG_HYPHEN:
            out.append("-")
        elif c == "\u00d7":
            out.append("x")
        elif c not in _SLUG_STRIP:
            out.append(c.lower())
    s = "".join(c if ord(c) < 128 else "".join(f"%{b:02x}" for b in c.encode("utf-8")) for c in out)
    s = re.sub(r"&.+?;", "", s).replace(".", "-")
    s = re.sub(r"[^%a-z0-9 _-]", "", s)
    s = re.sub(r"\s+", "-", s)
    return re.sub(r"-+", "-", s).strip("-")


def html_class(slug: str, fallback: int) -> str:
    """sanitize_html_class() as get_post_class() uses it for term classes."""
    cls = re.sub(r"[^A-Za-z0-9_-]", "", re.sub(r"%[a-fA-F0-9]{2}", "", slug))
    return str(fallback) if not cls.strip("-") or cls.isdigit() else cls


def stable_ids(keys: set[str], lo: int, hi: int) -> dict[str, int]:
    ids: dict[str, int] = {}
    used: set[int] = set()
    if len(keys) > hi - lo:
        fail(f"internal error: {len(keys)} ids do not fit in {lo}–{hi}")
    for key in sorted(keys):
        n = lo + int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % (hi - lo)
        while n in used:
            n = lo + (n - lo + 1) % (hi - lo)
        used.add(n)
        ids[key] = n
    return ids


def wp_time(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def wp_gmt(dt: datetime) -> str:
    return wp_time(dt.astimezone(timezone.utc))


def permalink(doc: dict) -> str:
    local = doc["_published"]
    return f"{SITE}/{local.year:04d}/{local.month:02d}/{doc['slug']}/"


def image_key(src: str) -> str:
    return "attachment:" + (src if is_absolute(src) else resolve(src, ARTICLES_DIR))


def author_slug(author: dict) -> str:
    return author["slug"] if nonblank(author.get("slug")) else sanitize_title(author["name"])


def categories_of(doc: dict) -> list[str]:
    names: list[str] = []
    for key in ("kicker", "section"):
        if nonblank(doc.get(key)) and doc[key] not in names:
            names.append(doc[key])
    return names


def tags_of(doc: dict) -> list[str]:
    names: list[str] = []
    tags = doc.get("tags")
    for tag in tags if isinstance(tags, list) else []:
        if nonblank(tag) and tag not in names:
            names.append(tag)
    return names


class Site:
    """Ids, slugs and lookups shared by every WordPress and JSON Feed document."""

    def __init__(self, articles: list[dict]) -> None:
        self.by_slug = {doc["slug"]: doc for doc in articles}
        posts, users, terms = set(), set(), set()
        self.authors: dict[str, dict] = {}
        for doc in sorted(articles, key=lambda d: d["slug"]):
            posts.add("post:" + doc["slug"])
            images = [doc["image"]] if isinstance(doc.get("image"), dict) else []
            images += [b for b in doc["body"] if isinstance(b, dict) and b.get("type") == "image"]
            for image in images:
                posts.add(image_key(image["src"]))
            for author in doc.get("authors") or []:
                users.add("user:" + author_slug(author))
                self.authors.setdefault(author_slug(author), author)
            terms.update("category:" + n for n in categories_of(doc))
            terms.update("post_tag:" + n for n in tags_of(doc))
        # Posts and attachments share wp_posts; terms of every taxonomy share
        # wp_terms; term 1 is "Uncategorized" and user 1 the administrator.
        self.post_ids = stable_ids(posts, 10000, 100000)
        self.user_ids = stable_ids(users, 2, 1000)
        self.term_ids = stable_ids(terms, 2, 10000)
        self.term_slugs: dict[str, str] = {}
        taken: set[tuple[str, str]] = set()
        for key in sorted(terms, key=lambda k: self.term_ids[k]):  # older terms keep the plain slug
            taxonomy, name = key.split(":", 1)
            base = sanitize_title(name) or str(self.term_ids[key])
            slug, n = base, 2
            while (taxonomy, slug) in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add((taxonomy, slug))
            self.term_slugs[key] = slug

    def post_id(self, doc: dict) -> int:
        return self.post_ids["post:" + doc["slug"]]

    def media_id(self, image: dict) -> int:
        return self.post_ids[image_key(image["src"])]


def inline_html(content: object, to_dir: str) -> str:
    if isinstance(content, str):
        return wp_html(content)
    parts = []
    for run in content if isinstance(content, list) else []:
        if isinstance(run, str):
            parts.append(wp_html(run))
            continue
        if not isinstance(run, dict) or not isinstance(run.get("text"), str):
            continue
        html = wp_html(run["text"])
        if run.get("emphasis") is True:
            html = f"<em>{html}</em>"
        if run.get("strong") is True:
            html = f"<strong>{html}</strong>"
        if nonblank(run.get("href")):
            html = f'<a href="{html_attr(rebase(run["href"], ARTICLES_DIR, to_dir))}">{html}</a>'
        parts.append(html)
    return "".join(parts)


def caption_line(image: dict) -> str:
    return " — ".join(image[k] for k in ("caption", "credit") if nonblank(image.get(k)))


def body_html(doc: dict, site: Site, to_dir: str) -> str:
    """The article body as the HTML of WordPress blocks (Gutenberg output)."""
    dateline = doc["dateline"] if nonblank(doc.get("dateline")) else None
    out = []
    for block in doc["body"]:
        kind = block.get("type")
        if kind == "paragraph":
            if not plain(block.get("text")).strip():
                continue  # Herald skips empty paragraphs
            html = inline_html(block["text"], to_dir)
            if dateline is not None:
                html = f"<strong>{wp_html(dateline)}:</strong> {html}"
                dateline = None
            out.append(f"<p>{html}</p>")
        elif kind == "heading":
            level = block.get("level", 2)
            level = level if level in (2, 3, 4) else 2
            out.append(f'<h{level} class="wp-block-heading">{wp_html(plain(block.get("text")))}</h{level}>')
        elif kind == "quote":
            paragraphs = block["paragraphs"] if isinstance(block.get("paragraphs"), list) else [block.get("text")]
            html = "".join(f"<p>{inline_html(p, to_dir)}</p>" for p in paragraphs if plain(p).strip())
            if nonblank(block.get("attribution")):
                html += f"<cite>{wp_html(block['attribution'])}</cite>"
            out.append(f'<blockquote class="wp-block-quote">{html}</blockquote>')
        elif kind == "image":
            attrs = f'src="{html_attr(rebase(block["src"], ARTICLES_DIR, to_dir))}" alt="{html_attr(block["alt"])}"'
            if "width" in block and "height" in block:
                attrs += f' width="{block["width"]}" height="{block["height"]}"'
            attrs += f' class="wp-image-{site.media_id(block)}"'
            caption = caption_line(block)
            figcaption = f'<figcaption class="wp-element-caption">{wp_html(caption)}</figcaption>' if caption else ""
            out.append(f'<figure class="wp-block-image size-large"><img {attrs}/>{figcaption}</figure>')
        elif kind == "list":
            tag = "ol" if block.get("ordered") is True else "ul"
            items = "".join(f"<li>{inline_html(i, to_dir)}</li>" for i in block.get("items") or [] if plain(i).strip())
            out.append(f'<{tag} class="wp-block-list">{items}</{tag}>')
        elif kind == "read_also":
            target = site.by_slug.get(block.get("slug"))
            url = permalink(target) if target else rebase(block["url"], ARTICLES_DIR, to_dir)
            out.append(f'<p class="read-also"><strong>Read Also:</strong> '
                       f'<a href="{html_attr(url)}">{wp_html(block["headline"])}</a></p>')
        # A block type this script does not know is left out, as the widget skips it.
    return "\n\n".join(out) + "\n"


def wp_links(kind: str, ident: int) -> dict:
    return {
        "self": [{"href": f"{WP_API}/wp/v2/{kind}/{ident}"}],
        "collection": [{"href": f"{WP_API}/wp/v2/{kind}"}],
    }


def wp_user(author: dict, site: Site, to_dir: str) -> dict:
    slug = author_slug(author)
    uid = site.user_ids["user:" + slug]
    url = rebase(author["url"], ARTICLES_DIR, to_dir) if nonblank(author.get("url")) else ""
    user: dict = {
        "id": uid,
        "name": author["name"],
        "url": url,
        "description": author["bio"] if nonblank(author.get("bio")) else "",
        "link": url or f"{SITE}/author/{slug}/",
        "slug": slug,
    }
    if nonblank(author.get("avatar")):
        avatar = rebase(author["avatar"], ARTICLES_DIR, to_dir)
        user["avatar_urls"] = {"24": avatar, "48": avatar, "96": avatar}
    user["_links"] = wp_links("users", uid)
    return user


def wp_term(taxonomy: str, name: str, site: Site) -> dict:
    key = f"{taxonomy}:{name}"
    tid, slug = site.term_ids[key], site.term_slugs[key]
    route = "categories" if taxonomy == "category" else "tags"
    base = "category" if taxonomy == "category" else "tag"
    links = wp_links(route, tid)
    links["about"] = [{"href": f"{WP_API}/wp/v2/taxonomies/{taxonomy}"}]
    links["wp:post_type"] = [{"href": f"{WP_API}/wp/v2/posts?{route}={tid}"}]
    links["curies"] = CURIES
    return {
        "id": tid,
        "link": f"{SITE}/{base}/{slug}/",
        "name": name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        "slug": slug,
        "taxonomy": taxonomy,
        "_links": links,
    }


def wp_media(doc: dict, site: Site, to_dir: str) -> dict:
    image = doc["image"]
    mid = site.media_id(image)
    local = doc["_published"]
    path, _ = split_suffix(image["src"])
    filename = posixpath.basename(path)
    stem, _, ext = filename.rpartition(".")
    stem = stem or ext
    details: dict = {}
    if "width" in image and "height" in image:
        details["width"] = image["width"]
        details["height"] = image["height"]
    details["file"] = f"{local.year:04d}/{local.month:02d}/{filename}"
    details["sizes"] = {}
    details["image_meta"] = {
        "aperture": "0", "credit": image["credit"] if nonblank(image.get("credit")) else "",
        "camera": "", "caption": "", "created_timestamp": "0", "copyright": "", "focal_length": "0",
        "iso": "0", "shutter_speed": "0", "title": "", "orientation": "0", "keywords": [],
    }
    authors = doc.get("authors") or []
    links = wp_links("media", mid)
    links["about"] = [{"href": f"{WP_API}/wp/v2/types/attachment"}]
    return {
        "id": mid,
        "date": wp_time(local),
        "slug": sanitize_title(stem),
        "type": "attachment",
        "link": f"{permalink(doc)}{sanitize_title(stem)}/",
        "title": {"rendered": wp_html(stem, title=True)},
        "author": site.user_ids["user:" + author_slug(authors[0])] if authors else 0,
        "caption": {"rendered": f"<p>{wp_html(image['caption'])}</p>\n" if nonblank(image.get("caption")) else ""},
        "alt_text": image["alt"],
        "media_type": "image",
        "mime_type": MIME_TYPES.get(ext.lower(), "image/" + ext.lower()),
        "media_details": details,
        "source_url": rebase(image["src"], ARTICLES_DIR, to_dir),
        "_links": links,
    }


def wp_post(doc: dict, site: Site, to_dir: str, extra: dict | None = None) -> dict:
    """A post as /wp-json/wp/v2/posts?_embed returns it, URLs relative to to_dir."""
    pid = site.post_id(doc)
    published = doc["_published"]
    modified = parse_time(doc["updated"]) if doc.get("updated") is not None else published
    authors = doc.get("authors") or []
    user_ids = [site.user_ids["user:" + author_slug(a)] for a in authors]
    has_image = isinstance(doc.get("image"), dict)
    media_id = site.media_id(doc["image"]) if has_image else 0
    categories = categories_of(doc)
    tags = tags_of(doc)
    category_ids = [site.term_ids["category:" + n] for n in categories]
    tag_ids = [site.term_ids["post_tag:" + n] for n in tags]

    classes = [f"post-{pid}", "post", "type-post", "status-publish", "format-standard"]
    if has_image:
        classes.append("has-post-thumbnail")
    classes.append("hentry")
    classes += ["category-" + html_class(site.term_slugs["category:" + n], site.term_ids["category:" + n])
                for n in categories]
    classes += ["tag-" + html_class(site.term_slugs["post_tag:" + n], site.term_ids["post_tag:" + n])
                for n in tags]

    post: dict = {
        "id": pid,
        "date": wp_time(published),
        "date_gmt": wp_gmt(published),
        "guid": {"rendered": f"{SITE}/?p={pid}"},
        "modified": wp_time(modified),
        "modified_gmt": wp_gmt(modified),
        "slug": doc["slug"],
        "status": "publish",
        "type": "post",
        "link": permalink(doc),
        "title": {"rendered": wp_html(doc["headline"], title=True)},
        "content": {"rendered": body_html(doc, site, to_dir), "protected": False},
        "excerpt": {
            "rendered": f"<p>{wp_html(doc['standfirst'])}</p>\n" if nonblank(doc.get("standfirst")) else "",
            "protected": False,
        },
        "author": user_ids[0] if user_ids else 0,
        "featured_media": media_id,
        "comment_status": "closed",
        "ping_status": "closed",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": {"footnotes": ""},
        "categories": category_ids,
        "tags": tag_ids,
        "class_list": classes,
    }
    if nonblank(doc.get("language")):
        post["lang"] = doc["language"]
    post.update(extra or {})

    links: dict = {
        "self": [{"href": f"{WP_API}/wp/v2/posts/{pid}"}],
        "collection": [{"href": f"{WP_API}/wp/v2/posts"}],
        "about": [{"href": f"{WP_API}/wp/v2/types/post"}],
    }
    if user_ids:
        links["author"] = [{"embeddable": True, "href": f"{WP_API}/wp/v2/users/{u}"} for u in user_ids]
    links["replies"] = [{"embeddable": True, "href": f"{WP_API}/wp/v2/comments?post={pid}"}]
    if has_image:
        links["wp:featuredmedia"] = [{"embeddable": True, "href": f"{WP_API}/wp/v2/media/{media_id}"}]
    links["wp:attachment"] = [{"href": f"{WP_API}/wp/v2/media?parent={pid}"}]
    links["wp:term"] = [
        {"taxonomy": "category", "embeddable": True, "href": f"{WP_API}/wp/v2/categories?post={pid}"},
        {"taxonomy": "post_tag", "embeddable": True, "href": f"{WP_API}/wp/v2/tags?post={pid}"},
    ]
    links["curies"] = CURIES
    post["_links"] = links

    embedded: dict = {}
    if authors:
        embedded["author"] = [wp_user(a, site, to_dir) for a in authors]
    if has_image:
        embedded["wp:featuredmedia"] = [wp_media(doc, site, to_dir)]
    embedded["wp:term"] = [[wp_term("category", n, site) for n in categories],
                           [wp_term("post_tag", n, site) for n in tags]]
    post["_embedded"] = embedded
    return post


def feed_item(doc: dict, site: Site, to_dir: str) -> dict:
    item: dict = {
        "id": doc["slug"],
        "url": permalink(doc),
        "title": doc["headline"],
        "content_html": body_html(doc, site, to_dir),
    }
    if nonblank(doc.get("standfirst")):
        item["summary"] = doc["standfirst"]
    image = doc.get("image")
    if isinstance(image, dict):
        item["image"] = rebase(image["src"], ARTICLES_DIR, to_dir)
    item["date_published"] = doc["published"]
    if nonblank(doc.get("updated")):
        item["date_modified"] = doc["updated"]
    authors = []
    for a in doc.get("authors") or []:
        author: dict = {"name": a["name"]}
        if nonblank(a.get("url")):
            author["url"] = rebase(a["url"], ARTICLES_DIR, to_dir)
        if nonblank(a.get("avatar")):
            author["avatar"] = rebase(a["avatar"], ARTICLES_DIR, to_dir)
        ext = {k: a[k] for k in ("slug", "bio") if nonblank(a.get(k))}
        if ext:
            author["_herald"] = ext
        authors.append(author)
    if authors:
        item["authors"] = authors
    if tags_of(doc):
        item["tags"] = tags_of(doc)
    if nonblank(doc.get("language")):
        item["language"] = doc["language"]
    herald = {k: doc[k] for k in ("kicker", "section", "dateline", "slug") if nonblank(doc.get(k))}
    if isinstance(image, dict):
        herald["image"] = {k: image[k] for k in ("alt", "width", "height", "caption", "credit")
                           if k in image and (not isinstance(image[k], str) or k == "alt" or nonblank(image[k]))}
    item["_herald"] = herald
    return item


def feed(title: str, home: str, name: str, items: list[dict], description: str) -> dict:
    return {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": f"{SITE}/{JSONFEED_DIR}/{name}",
        "description": description,
        "language": "en",
        "items": items,
    }


def build_other_formats(articles: list[dict], months: dict[tuple[int, int], list[dict]]) -> dict[str, str]:
    """The WordPress and JSON Feed copies: path relative to public/ -> content."""
    site = Site(articles)
    ordered = newest_first(articles)
    files: dict[str, str] = {}

    for doc in ordered:
        files[f"{WP_POSTS_DIR}/{doc['slug']}.json"] = render([wp_post(doc, site, WP_POSTS_DIR)])

    popular = []
    for rank, slug in enumerate(TRENDING):
        views = str(round(9000 / (rank + 1.25)))
        popular.append(wp_post(site.by_slug[slug], site, WP_DIR, {"pageviews": views}))
    files[f"{WP_DIR}/popular-posts.json"] = render(popular)

    for (y, m), docs in sorted(months.items(), reverse=True):
        pages = (len(docs) + WP_PER_PAGE - 1) // WP_PER_PAGE
        for page in range(1, pages + 1):
            chunk = docs[(page - 1) * WP_PER_PAGE: page * WP_PER_PAGE]
            name = f"{WP_ARCHIVE_DIR}/{y:04d}-{m:02d}-p{page}.json"
            files[name] = render([wp_post(doc, site, WP_ARCHIVE_DIR) for doc in chunk])
            files[name + ".headers"] = render({"X-WP-Total": str(len(docs)), "X-WP-TotalPages": str(pages)})

    files[f"{JSONFEED_DIR}/feed.json"] = render(feed(
        FEED_TITLE, SITE + "/", "feed.json", [feed_item(doc, site, JSONFEED_DIR) for doc in ordered],
        "Every article of the Herald sample site, newest first."))
    for (y, m), docs in sorted(months.items(), reverse=True):
        files[f"{JSONFEED_DIR}/{y:04d}-{m:02d}.json"] = render(feed(
            f"{FEED_TITLE}: {MONTH_NAMES[m - 1]} {y}", f"{SITE}/{y:04d}/{m:02d}/", f"{y:04d}-{m:02d}.json",
            [feed_item(doc, site, JSONFEED_DIR) for doc in docs],
            f"The articles of {MONTH_NAMES[m - 1]} {y}, newest first."))
    return files



# Files in these directories that match the pattern are generated: those no
# longer generated are stale and removed.
GENERATED_FILES = [
    (ARCHIVE_DIR, MONTH_FILE_RE),
    (WP_POSTS_DIR, re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.json$")),
    (WP_ARCHIVE_DIR, re.compile(r"^\d{4}-\d{2}-p\d+\.json(?:\.headers)?$")),
    (JSONFEED_DIR, MONTH_FILE_RE),
]


def main() -> int:
    default_public = Path(__file__).resolve().parent.parent / "public"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--public", type=Path, default=default_public, help="the sample site's root (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a generated file is out of date")
    args = parser.parse_args()
    public: Path = args.public

    problems = Problems()
    articles = load_articles(public, problems)
    validate(articles, public, problems)
    problems.fail_if_any()

    files = build(articles)
    stale = [p for directory, pattern in GENERATED_FILES
             for p in sorted((public / directory).glob("*"))
             if p.is_file() and pattern.match(p.name) and f"{directory}/{p.name}" not in files]

    changed = []
    for rel, content in files.items():
        path = public / rel
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != content:
            changed.append(rel)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
    for path in stale:
        changed.append(f"{path.relative_to(public).as_posix()} (stale)")
        if not args.check:
            path.unlink()

    months = len([f for f in files if f.startswith(ARCHIVE_DIR + "/")])
    if args.check:
        if changed:
            print("sample_site.py: out of date: " + ", ".join(changed), file=sys.stderr)
            return 1
        print(f"sample_site.py: up to date ({len(articles)} articles, {months} months)")
        return 0
    print(f"sample_site.py: {len(articles)} articles, {months} months, "
          f"{len(changed)} file(s) changed" + (": " + ", ".join(changed) if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
