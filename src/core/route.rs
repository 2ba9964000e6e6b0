//! The standalone app's URLs: `/`, `/article/{slug}`,
//! `/archive/{year}/{month}?page={n}`, everything else not found; all under a
//! configurable base path such as `/news/`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Front,
    Article(String),
    Archive { year: i32, month: u32, page: u32 },
    NotFound,
}

/// Normalises a base path to start and end with `/`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl Route {
    /// The month of an archive route.
    pub fn archive_month(&self) -> Option<(i32, u32)> {
        match self {
            Route::Archive { year, month, .. } => Some((*year, *month)),
            _ => None,
        }
    }

    /// The page of a month listing; 1 for every other route.
    pub fn page(&self) -> u32 {
        match self {
            Route::Archive { page, .. } => *page,
            _ => 1,
        }
    }

    /// The route for a location's path and query, given the app's base path.
    pub fn parse(path: &str, query: &str, base: &str) -> Route {
        let base = normalize_base(base);
        let rest = if path == base.trim_end_matches('/') {
            ""
        } else {
            match path.strip_prefix(&base) {
                Some(rest) => rest,
                None => return Route::NotFound,
            }
        };
        let rest = rest.trim_end_matches('/');
        let rest = rest
            .strip_suffix("index.html")
            .unwrap_or(rest)
            .trim_end_matches('/');
        let parts: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        match parts.as_slice() {
            [] => Route::Front,
            ["article", slug] => match crate::core::url::decode_percent(slug) {
                Some(slug) if valid_slug(&slug) => Route::Article(slug),
                _ => Route::NotFound,
            },
            ["archive", year, month] => {
                let year = year.parse::<i32>().ok().filter(|y| (1000..=9999).contains(y));
                let month = month.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
                let page = query_param(query, "page")
                    .and_then(|p| p.parse::<u32>().ok())
                    .filter(|p| *p >= 1)
                    .unwrap_or(1);
                match (year, month) {
                    (Some(year), Some(month)) => Route::Archive { year, month, page },
                    _ => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The path (and query) of the route under `base`.
    pub fn href(&self, base: &str) -> String {
        let base = normalize_base(base);
        match self {
            Route::Front => base,
            Route::Article(slug) => {
                format!("{base}article/{}", super::url::encode_component(slug))
            }
            Route::Archive { year, month, page } => {
                if *page > 1 {
                    format!("{base}archive/{year}/{month:02}?page={page}")
                } else {
                    format!("{base}archive/{year}/{month:02}")
                }
            }
            Route::NotFound => format!("{base}404"),
        }
    }
}

/// Slugs are non-empty, have no path separators or control characters.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug != "."
        && slug != ".."
        && !slug.chars().any(|c| c == '/' || c == '\\' || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route_at_the_root() {
        assert_eq!(Route::parse("/", "", "/"), Route::Front);
        assert_eq!(Route::parse("/index.html", "", "/"), Route::Front);
        assert_eq!(
            Route::parse("/article/a-b", "", "/"),
            Route::Article("a-b".into())
        );
        assert_eq!(
            Route::parse("/article/a-b/", "", "/"),
            Route::Article("a-b".into())
        );
        assert_eq!(
            Route::parse("/article/caf%C3%A9", "", "/"),
            Route::Article("café".into())
        );
        assert_eq!(
            Route::parse("/archive/2024/04", "", "/"),
            Route::Archive {
                year: 2024,
                month: 4,
                page: 1
            }
        );
        assert_eq!(
            Route::parse("/archive/2024/4", "?page=3", "/"),
            Route::Archive {
                year: 2024,
                month: 4,
                page: 3
            }
        );
        assert_eq!(
            Route::parse("/archive/2024/04", "?x=1&page=0", "/"),
            Route::Archive {
                year: 2024,
                month: 4,
                page: 1
            }
        );
    }

    #[test]
    fn everything_else_is_not_found() {
        for path in [
            "/nope",
            "/article",
            "/article/",
            "/article/a/b",
            "/archive/2024",
            "/archive/2024/13",
            "/archive/24/04",
            "/article/%2F",
            "/article/%ZZ",
            "/article/..",
        ] {
            assert_eq!(Route::parse(path, "", "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn works_under_a_sub_path() {
        for base in ["/news/", "/news", "news", " /news/ "] {
            assert_eq!(Route::parse("/news/", "", base), Route::Front);
            assert_eq!(Route::parse("/news", "", base), Route::Front);
            assert_eq!(
                Route::parse("/news/article/x", "", base),
                Route::Article("x".into())
            );
            assert_eq!(Route::parse("/article/x", "", base), Route::NotFound);
            assert_eq!(Route::parse("/newsroom/article/x", "", base), Route::NotFound);
        }
    }

    #[test]
    fn hrefs_round_trip() {
        for base in ["/", "/news/"] {
            for route in [
                Route::Front,
                Route::Article("we-went-in".into()),
                Route::Article("café au lait".into()),
                Route::Archive {
                    year: 2024,
                    month: 4,
                    page: 1,
                },
                Route::Archive {
                    year: 2023,
                    month: 12,
                    page: 2,
                },
            ] {
                let href = route.href(base);
                let (path, query) = href.split_once('?').unwrap_or((&href, ""));
                assert_eq!(Route::parse(path, query, base), route, "{href}");
            }
        }
        assert_eq!(
            Route::Archive {
                year: 2024,
                month: 4,
                page: 2
            }
            .href("/news"),
            "/news/archive/2024/04?page=2"
        );
    }

    #[test]
    fn month_and_page_of_a_route() {
        let archive = Route::parse("/archive/2024/04", "?page=3", "/");
        assert_eq!((archive.archive_month(), archive.page()), (Some((2024, 4)), 3));
        let front = Route::parse("/", "", "/");
        assert_eq!((front.archive_month(), front.page()), (None, 1));
    }
}
