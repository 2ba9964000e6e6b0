//! A WordPress site from its address alone (`data-wordpress`): where its
//! REST API is, what the index says about it (Popular Posts), and the
//! query behind each part of the page: the article by slug, the
//! archives' counts from `X-WP-Total`, a month's listing with exact
//! boundaries, and trending or its fallback. The browser side only sends
//! these requests; docs/sources.md lists them.

use super::error::Problem;
use super::json::Json;
use super::url::encode_component;

/// The REST namespace of the WordPress Popular Posts plugin.
pub const POPULAR_POSTS: &str = "wordpress-popular-posts/v1";

/// What the index is asked for (`_fields` keeps it small: a stock index
/// with every route is over 100 KB). The site's time zone is not needed:
/// dates without an offset are read in it (see [`period`]).
pub const INDEX_QUERY: &str = "_fields=namespaces";

/// The archives show at most this many years (the newest); each costs one
/// request.
pub const MAX_YEARS: i32 = 30;

/// Requests sent at once by a part that needs several (the archives).
pub const PARALLEL: usize = 6;

/// The REST roots to try for a site address, in order: the pretty
/// `/wp-json/`, then `?rest_route=`, which works without pretty permalinks.
pub fn roots(site: &str) -> [String; 2] {
    let site = site.trim().trim_end_matches('/');
    [format!("{site}/wp-json/"), format!("{site}/?rest_route=/")]
}

/// The address of `route` (`wp/v2/posts`) with `query` under a REST root
/// of either form.
pub fn endpoint(root: &str, route: &str, query: &str) -> String {
    let sep = if root.contains("rest_route=") { '&' } else { '?' };
    let mut url = format!("{root}{route}");
    if !query.is_empty() {
        url.push(sep);
        url.push_str(query);
    }
    url
}

/// What Herald uses of a site's REST index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The REST root, ending in `/` (`https://x/wp-json/` or `https://x/?rest_route=/`).
    pub root: String,
    /// The Popular Posts plugin's route is there.
    pub popular: bool,
}

/// Reads the REST index fetched from `root`: a WordPress index lists the
/// `wp/v2` namespace.
pub fn index(json: &Json, root: &str) -> Result<Site, Problem> {
    let namespaces: Vec<&str> = json
        .get("namespaces")
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    if !namespaces.contains(&"wp/v2") {
        return Err(Problem::Unsupported(
            "this is not a WordPress REST API index (no `wp/v2` namespace); check data-wordpress".into(),
        ));
    }
    Ok(Site {
        root: root.to_string(),
        popular: namespaces.contains(&POPULAR_POSTS),
    })
}

/// Posts published strictly between the last second of the month before
/// `from` and the first second of `to` (exclusive both: WordPress compares
/// `after`/`before` with the post's date in the site's time zone, and a
/// date without an offset is read in that zone). So a post at 00:00:00 on
/// the 1st and one at 23:59:59 on the last day both count.
fn range(from: (i32, u32), to: (i32, u32)) -> String {
    let (y, m) = if from.1 == 1 {
        (from.0 - 1, 12)
    } else {
        (from.0, from.1 - 1)
    };
    let last = super::time::days_in_month(y, m);
    format!(
        "after={y:04}-{m:02}-{last:02}T23:59:59&before={:04}-{:02}-01T00:00:00",
        to.0, to.1
    )
}

fn next(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// The posts of a month (`month` 1–12) or of a whole year (`month` 0).
pub fn period(year: i32, month: u32) -> String {
    if month == 0 {
        range((year, 1), (year + 1, 1))
    } else {
        range((year, month), next(year, month))
    }
}

/// The request whose `X-WP-Total` is the number of posts in a period.
pub fn count_url(root: &str, year: i32, month: u32) -> String {
    endpoint(
        root,
        "wp/v2/posts",
        &format!("per_page=1&_fields=id&{}", period(year, month)),
    )
}

/// The oldest (or newest) post's date, for the archives' first and last year.
pub fn edge_url(root: &str, oldest: bool) -> String {
    let order = if oldest { "asc" } else { "desc" };
    endpoint(
        root,
        "wp/v2/posts",
        &format!("per_page=1&_fields=date&orderby=date&order={order}"),
    )
}

/// The year and month of the first post's `date` (the site's local time)
/// in an answer of [`edge_url`]; `None` for a site without posts.
pub fn edge(json: &Json) -> Option<(i32, u32)> {
    let date = json.as_array()?.first()?.get("date")?.as_str()?;
    // (Parsed as unsigned: one number parser fewer in the WebAssembly.)
    let year = date.get(..4)?.parse::<u32>().ok()?;
    let month = date.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((year as i32, month))
}

/// The years the archives show, newest first: from the newest post's to
/// the oldest's, at most [`MAX_YEARS`].
pub fn years(oldest: (i32, u32), newest: (i32, u32)) -> Vec<i32> {
    let first = oldest.0.max(newest.0 - MAX_YEARS + 1);
    (first..=newest.0).rev().collect()
}

/// The months of `year` that can have posts, newest first.
pub fn months(year: i32, oldest: (i32, u32), newest: (i32, u32)) -> Vec<u32> {
    let from = if year == oldest.0 { oldest.1 } else { 1 };
    let to = if year == newest.0 { newest.1 } else { 12 };
    (from..=to).rev().collect()
}

/// What `_embed` asks for: the authors and the featured image, not the
/// terms and replies a stock `_embed` adds.
const EMBED: &str = "_embed=author,wp:featuredmedia,wp:term";

/// The article `slug`, else the latest post.
pub fn article_url(root: &str, slug: Option<&str>) -> String {
    let query = match slug.filter(|s| !s.is_empty()) {
        Some(slug) => format!("slug={}&{EMBED}", encode_component(slug)),
        None => format!("per_page=1&{EMBED}"),
    };
    endpoint(root, "wp/v2/posts", &query)
}

/// One page of the month listing.
pub fn listing_url(root: &str, year: i32, month: u32, page: u32, per_page: usize) -> String {
    endpoint(
        root,
        "wp/v2/posts",
        &format!("per_page={per_page}&page={page}&{}&{EMBED}", period(year, month)),
    )
}

/// What the sidebar's list shows when the site has no Popular Posts
/// plugin (`data-trending-fallback`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Fallback {
    /// The latest posts, under the heading "Latest".
    #[default]
    Latest,
    /// The sticky posts, under "Featured".
    Sticky,
    /// The posts of a category (`category:news`), under "Trending Today":
    /// the publisher curates it.
    Category(String),
    /// The posts of a tag (`tag:trending`); the tag is not shown among
    /// an article's tags.
    Tag(String),
}

impl Fallback {
    pub fn parse(value: &str) -> Result<Fallback, String> {
        let v = value.trim();
        // A slug, or an id WordPress can have (1 to 2³² − 1).
        let term = |t: &str| {
            let t = t.trim();
            let id = t.bytes().all(|b| b.is_ascii_digit());
            (!t.is_empty() && t.len() <= 200 && (!id || t.parse::<u32>().is_ok_and(|n| n > 0)))
                .then(|| t.to_string())
        };
        match v.split_once(':') {
            None if v.eq_ignore_ascii_case("latest") || v.is_empty() => Ok(Fallback::Latest),
            None if v.eq_ignore_ascii_case("sticky") => Ok(Fallback::Sticky),
            Some(("category", t)) if term(t).is_some() => Ok(Fallback::Category(t.trim().into())),
            Some(("tag", t)) if term(t).is_some() => Ok(Fallback::Tag(t.trim().into())),
            _ => Err(
                "data-trending-fallback: expected latest, sticky, category:<slug or id> or tag:<slug or id>"
                    .into(),
            ),
        }
    }

    /// The taxonomy route and term of a category or tag given by slug,
    /// whose id must be looked up first; `None` when no lookup is needed.
    pub fn lookup(&self) -> Option<(&'static str, &str)> {
        let (route, term) = match self {
            Fallback::Category(t) => ("wp/v2/categories", t),
            Fallback::Tag(t) => ("wp/v2/tags", t),
            _ => return None,
        };
        (!term.bytes().all(|b| b.is_ascii_digit())).then_some((route, term.as_str()))
    }

    /// This fallback's tag (a slug or an id), which is editorial
    /// plumbing, not a public tag.
    pub fn tag(&self) -> Option<&str> {
        match self {
            Fallback::Tag(tag) => Some(tag),
            _ => None,
        }
    }
}

/// The heading of the sidebar's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    Trending,
    Latest,
    Featured,
}

/// What the sidebar's list of `site` is, and so its heading.
pub fn heading(site: &Site, fallback: &Fallback) -> Heading {
    match fallback {
        _ if site.popular => Heading::Trending,
        Fallback::Latest => Heading::Latest,
        Fallback::Sticky => Heading::Featured,
        Fallback::Category(_) | Fallback::Tag(_) => Heading::Trending,
    }
}

/// The sidebar's list for `site`: Popular Posts when the site has it, else
/// the fallback (a category or tag given by slug with its looked-up id,
/// `term`); `None` when that id is not known.
pub fn trending_url(site: &Site, fallback: &Fallback, count: usize, term: Option<u32>) -> Option<String> {
    if site.popular {
        return Some(endpoint(
            &site.root,
            &format!("{POPULAR_POSTS}/popular-posts"),
            &format!("limit={count}&_embed"),
        ));
    }
    let term = |t: &str| term.or_else(|| t.parse().ok());
    let extra = match fallback {
        Fallback::Latest => String::new(),
        Fallback::Sticky => "&sticky=true".into(),
        Fallback::Category(t) => format!("&categories={}", term(t)?),
        Fallback::Tag(t) => format!("&tags={}", term(t)?),
    };
    Some(endpoint(
        &site.root,
        "wp/v2/posts",
        &format!("per_page={count}{extra}&_embed=author,wp:featuredmedia"),
    ))
}

/// The URL that finds a category's or tag's id by its slug.
pub fn term_url(root: &str, route: &str, slug: &str) -> String {
    endpoint(
        root,
        route,
        &format!("slug={}&_fields=id", encode_component(slug)),
    )
}

/// The id in an answer of [`term_url`].
pub fn term_id(json: &Json) -> Option<u32> {
    let id = json.as_array()?.first()?.get("id")?.as_f64()?;
    (id >= 1.0 && id.fract() == 0.0 && id <= f64::from(u32::MAX)).then_some(id as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    #[test]
    fn finds_the_rest_root() {
        assert_eq!(
            roots("https://news.example/"),
            [
                "https://news.example/wp-json/".to_string(),
                "https://news.example/?rest_route=/".to_string()
            ]
        );
        assert_eq!(
            endpoint("https://x/wp-json/", "wp/v2/posts", "a=1"),
            "https://x/wp-json/wp/v2/posts?a=1"
        );
        assert_eq!(
            endpoint("https://x/index.php?rest_route=/", "wp/v2/posts", "a=1"),
            "https://x/index.php?rest_route=/wp/v2/posts&a=1"
        );
    }

    #[test]
    fn reads_the_index() {
        // The live test site's answer to `/wp-json/?_fields=…`.
        let live = r#"{"gmt_offset":1,"timezone_string":"Europe\/Madrid","namespaces":["oembed\/1.0","wordpress-popular-posts\/v1","herald-test\/v1","wp\/v2","wp-site-health\/v1"],"_links":{}}"#;
        let site = index(&parse(live).unwrap(), "https://x/wp-json/").unwrap();
        assert!(site.popular);
        let stock = r#"{"gmt_offset":"0","timezone_string":"","namespaces":["oembed\/1.0","wp\/v2"]}"#;
        let site = index(&parse(stock).unwrap(), "https://x/wp-json/").unwrap();
        assert!(!site.popular);
        for not_wp in [r#"{"namespaces":["x/v1"]}"#, "[]", r#"{"namespaces":"wp/v2"}"#] {
            assert!(matches!(
                index(&parse(not_wp).unwrap(), "https://x/"),
                Err(Problem::Unsupported(m)) if m.contains("not a WordPress REST API index")
            ));
        }
    }

    #[test]
    fn month_and_year_bounds_are_exact_and_exclusive() {
        assert_eq!(
            period(2023, 12),
            "after=2023-11-30T23:59:59&before=2024-01-01T00:00:00"
        );
        assert_eq!(
            period(2024, 3),
            "after=2024-02-29T23:59:59&before=2024-04-01T00:00:00"
        );
        assert_eq!(
            period(2023, 2),
            "after=2023-01-31T23:59:59&before=2023-03-01T00:00:00"
        );
        assert_eq!(
            period(2024, 1),
            "after=2023-12-31T23:59:59&before=2024-02-01T00:00:00"
        );
        assert_eq!(
            period(2024, 0),
            "after=2023-12-31T23:59:59&before=2025-01-01T00:00:00"
        );
        assert_eq!(
            count_url("https://x/wp-json/", 2021, 3),
            "https://x/wp-json/wp/v2/posts?per_page=1&_fields=id&after=2021-02-28T23:59:59&before=2021-04-01T00:00:00"
        );
        assert_eq!(
            listing_url("https://x/?rest_route=/", 2024, 1, 2, 10),
            "https://x/?rest_route=/wp/v2/posts&per_page=10&page=2&after=2023-12-31T23:59:59&before=2024-02-01T00:00:00&_embed=author,wp:featuredmedia,wp:term"
        );
    }

    #[test]
    fn years_and_months_span_the_oldest_to_the_newest_post() {
        let answer = parse(r#"[{"date":"2021-03-23T19:10:00"}]"#).unwrap();
        assert_eq!(edge(&answer), Some((2021, 3)));
        assert_eq!(edge(&parse("[]").unwrap()), None);
        assert_eq!(edge(&parse(r#"[{"date":"20"}]"#).unwrap()), None);
        assert_eq!(edge(&parse(r#"[{"date":"2021-13-01T00:00:00"}]"#).unwrap()), None);
        assert_eq!(years((2021, 3), (2024, 3)), vec![2024, 2023, 2022, 2021]);
        assert_eq!(years((1990, 1), (2024, 1)).len(), MAX_YEARS as usize);
        assert_eq!(years((1990, 1), (2024, 1))[29], 1995);
        assert_eq!(months(2024, (2021, 3), (2024, 3)), vec![3, 2, 1]);
        assert_eq!(
            months(2021, (2021, 3), (2024, 3)),
            (3..=12).rev().collect::<Vec<_>>()
        );
        assert_eq!(months(2022, (2021, 3), (2024, 3)).len(), 12);
        assert_eq!(months(2024, (2024, 2), (2024, 3)), vec![3, 2]);
    }

    #[test]
    fn the_article_by_slug_or_the_latest() {
        assert_eq!(
            article_url("https://x/wp-json/", Some("a b/c")),
            "https://x/wp-json/wp/v2/posts?slug=a%20b%2Fc&_embed=author,wp:featuredmedia,wp:term"
        );
        assert_eq!(
            article_url("https://x/wp-json/", None),
            "https://x/wp-json/wp/v2/posts?per_page=1&_embed=author,wp:featuredmedia,wp:term"
        );
    }

    #[test]
    fn trending_uses_popular_posts_else_the_chosen_fallback() {
        let mut site = Site {
            root: "https://x/wp-json/".into(),
            popular: true,
        };
        assert_eq!(
            trending_url(&site, &Fallback::Latest, 5, None).as_deref(),
            Some("https://x/wp-json/wordpress-popular-posts/v1/popular-posts?limit=5&_embed")
        );
        assert_eq!(heading(&site, &Fallback::Latest), Heading::Trending);
        site.popular = false;
        let url = |f: &Fallback, id| trending_url(&site, f, 5, id);
        assert_eq!(
            url(&Fallback::Latest, None).as_deref(),
            Some("https://x/wp-json/wp/v2/posts?per_page=5&_embed=author,wp:featuredmedia")
        );
        assert_eq!(heading(&site, &Fallback::Latest), Heading::Latest);
        assert_eq!(heading(&site, &Fallback::Sticky), Heading::Featured);
        assert_eq!(heading(&site, &Fallback::Tag("t".into())), Heading::Trending);
        assert!(url(&Fallback::Sticky, None).unwrap().contains("&sticky=true&"));
        let tag = Fallback::parse("tag:trending").unwrap();
        assert_eq!(tag.lookup(), Some(("wp/v2/tags", "trending")));
        assert_eq!(url(&tag, None), None);
        assert!(url(&tag, Some(7)).unwrap().contains("&tags=7&"));
        let cat = Fallback::parse("category:12").unwrap();
        assert_eq!(cat.lookup(), None);
        assert!(url(&cat, None).unwrap().contains("&categories=12&"));
        assert_eq!(
            term_url("https://x/wp-json/", "wp/v2/tags", "hot news"),
            "https://x/wp-json/wp/v2/tags?slug=hot%20news&_fields=id"
        );
        assert_eq!(term_id(&parse(r#"[{"id":7}]"#).unwrap()), Some(7));
        assert_eq!(term_id(&parse("[]").unwrap()), None);
        assert_eq!(term_id(&parse(r#"[{"id":-1}]"#).unwrap()), None);
    }

    #[test]
    fn fallbacks_parse_and_hide_their_tag() {
        assert_eq!(Fallback::parse(" latest "), Ok(Fallback::Latest));
        assert_eq!(Fallback::parse("sticky"), Ok(Fallback::Sticky));
        assert_eq!(
            Fallback::parse("category:news"),
            Ok(Fallback::Category("news".into()))
        );
        // An id WordPress cannot have is a configuration error, not an
        // empty sidebar.
        assert_eq!(Fallback::parse("tag: 12"), Ok(Fallback::Tag("12".into())));
        assert_eq!(
            Fallback::parse("category:4294967295"),
            Ok(Fallback::Category("4294967295".into()))
        );
        for bad in [
            "tag:",
            "popular",
            "tag",
            "category: ",
            "tag:0",
            "tag:4294967296",
            "category:99999999999999999999",
        ] {
            assert!(Fallback::parse(bad)
                .unwrap_err()
                .starts_with("data-trending-fallback: expected"));
        }
        assert_eq!(Fallback::Tag("editors-pick".into()).tag(), Some("editors-pick"));
        assert_eq!(Fallback::Category("editors-pick".into()).tag(), None);
        assert_eq!(Fallback::Latest.tag(), None);
    }
}
