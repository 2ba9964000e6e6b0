#!/usr/bin/env python3
"""Regenerate the sample site's derived data from its articles.

Herald's built-in sample site (served by `trunk serve` from `public/`) keeps
one Herald JSON `article` document per file in `public/data/articles/`.
Everything else in `public/data/` is derived from those files, and this
script rebuilds it:

  public/data/archives.json         months with their article counts
  public/data/archive/YYYY-MM.json  one `listing` per month, newest first
  public/data/trending.json         the `TRENDING` articles below, in order

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
changes, and month files for months that no longer have articles are removed.

Usage:
  scripts/sample_site.py            rebuild public/data
  scripts/sample_site.py --check    exit 1 if anything is out of date
  scripts/sample_site.py --public DIR

Python 3.11 or later, standard library only.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
from datetime import datetime
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


def render(obj: dict) -> str:
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
    return files


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
    stale = [p for p in sorted((public / ARCHIVE_DIR).glob("*.json"))
             if MONTH_FILE_RE.match(p.name) and f"{ARCHIVE_DIR}/{p.name}" not in files]

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
        changed.append(f"{ARCHIVE_DIR}/{path.name} (stale)")
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
