//! URLs from feeds: resolved against the feed's own address (RFC 3986, so a
//! relative image in a feed on a CDN still points at the CDN when the widget
//! is embedded elsewhere) and allowed only for safe schemes.

use super::limits::MAX_URL_BYTES;

/// What a URL will be used for; decides the schemes it may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// `<a href>`: http, https, mailto.
    Link,
    /// `<img src>` and other resources: http, https.
    Resource,
}

/// The scheme of an absolute URL, lower-cased, if it has one.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let head = &url[..colon];
    let mut chars = head.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        Some(head.to_ascii_lowercase())
    } else {
        None
    }
}

/// Removes what browsers' URL parsers ignore: surrounding C0 controls and
/// spaces, and ASCII tabs and newlines anywhere. Doing the same here means
/// `java\tscript:` is seen as the `javascript:` it would become.
fn clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Resolves `reference` against `base` (an absolute URL) and returns it if
/// its scheme is allowed for `usage`; `None` for anything unsafe or empty.
pub fn resolve(base: &str, reference: &str, usage: UrlUse) -> Option<String> {
    if reference.len() > MAX_URL_BYTES {
        return None;
    }
    let reference = clean(reference).replace('\\', "/");
    if reference.is_empty() {
        return None;
    }
    let absolute = match scheme(&reference) {
        Some(_) => reference,
        None => join(base, &reference)?,
    };
    if !scheme_allowed(&scheme(&absolute)?, usage) {
        return None;
    }
    // Characters that would let a URL break out of an attribute or a CSS
    // context are percent-encoded; browsers treat both forms the same.
    let mut out = String::with_capacity(absolute.len());
    for c in absolute.chars() {
        match c {
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '`' => out.push_str("%60"),
            c => out.push(c),
        }
    }
    Some(out)
}

fn scheme_allowed(scheme: &str, usage: UrlUse) -> bool {
    match scheme {
        "http" | "https" => true,
        "mailto" => usage == UrlUse::Link,
        _ => false,
    }
}

/// Whether `reference` may be used as it is: relative (resolved against
/// the page later), or absolute with a scheme allowed for `usage`. The
/// browser's own view of the scheme counts, so `java\tscript:` is refused.
pub fn allowed(reference: &str, usage: UrlUse) -> bool {
    let reference = clean(reference);
    !reference.is_empty() && scheme(&reference).is_none_or(|s| scheme_allowed(&s, usage))
}

/// Checks a configured address or URL template (`{slug}`, `{year}`…), as
/// the configuration's `data-{name}`: every value it can be filled with
/// gives an allowed URL. Placeholders are tried as a letter, so a
/// placeholder can never become (part of) a scheme.
pub fn check_template(name: &str, template: &str, usage: UrlUse) -> Result<(), String> {
    let mut sample = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        sample.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                sample.push('x');
                rest = &rest[open + close + 1..];
            }
            None => {
                sample.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    sample.push_str(rest);
    if allowed(&sample, usage) {
        Ok(())
    } else {
        Err(format!(
            "data-{name}: `{template}` is not an address Herald may use (allowed: a relative address, http or https; mailto for links)"
        ))
    }
}

/// Splits an absolute URL into scheme (with `:`), authority (with `//`),
/// path and the rest (query and fragment).
fn split(url: &str) -> Option<(&str, &str, &str, &str)> {
    let colon = url.find(':')?;
    let (scheme, after) = url.split_at(colon + 1);
    let (authority, rest) = if let Some(stripped) = after.strip_prefix("//") {
        let end = stripped.find(['/', '?', '#']).unwrap_or(stripped.len());
        after.split_at(end + 2)
    } else {
        ("", after)
    };
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(path_end);
    Some((scheme, authority, path, tail))
}

fn join(base: &str, reference: &str) -> Option<String> {
    let (scheme, authority, base_path, base_tail) = split(base)?;
    if let Some(rest) = reference.strip_prefix("//") {
        return Some(format!("{scheme}//{rest}"));
    }
    if reference.starts_with('#') {
        let query = base_tail.split('#').next().unwrap_or("");
        return Some(format!("{scheme}{authority}{base_path}{query}{reference}"));
    }
    if reference.starts_with('?') {
        return Some(format!("{scheme}{authority}{base_path}{reference}"));
    }
    let path_end = reference.find(['?', '#']).unwrap_or(reference.len());
    let (ref_path, ref_tail) = reference.split_at(path_end);
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        let dir = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        format!("{dir}{ref_path}")
    };
    Some(format!(
        "{scheme}{authority}{}{ref_tail}",
        remove_dot_segments(&merged)
    ))
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// Fills `{name}` placeholders of a URL template, percent-encoding each value
/// as a path segment.
pub fn fill_encoded(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in params {
        out = out.replace(&format!("{{{name}}}"), &encode_component(value));
    }
    out
}

/// Fills a URL template (see [`fill_encoded`]) and passes the result through the
/// gate: `None` when it is not allowed for `usage`.
pub fn fill_checked(template: &str, params: &[(&str, &str)], usage: UrlUse) -> Option<String> {
    let url = fill_encoded(template, params);
    allowed(&url, usage).then_some(url)
}

/// Whether `s` looks like a slug: ASCII letters, digits, `-` and `_`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not UTF-8.
pub fn decode_percent(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The slug a URL names: the last segment of its path, percent-decoded,
/// without a file extension (`/2024/04/night-buses.html` → `night-buses`,
/// `/caf%C3%A9/` → `café`); `None` when the path has no such segment.
pub fn slug_segment(url: &str) -> Option<String> {
    let path = match scheme(url) {
        Some(_) => split(url)?.2,
        None => url.split(['?', '#']).next().unwrap_or(""),
    };
    let last = decode_percent(path.trim_end_matches('/').rsplit('/').next()?)?;
    let slug = match last.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            stem.to_string()
        }
        _ => last,
    };
    super::route::valid_slug(&slug).then_some(slug)
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The host of an absolute URL (`www.youtube.com`), without port or user.
pub fn host(url: &str) -> Option<&str> {
    let (_, authority, _, _) = split(url)?;
    let authority = authority.strip_prefix("//")?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// The path of an absolute URL (`/embed/abc`).
pub fn path(url: &str) -> &str {
    split(url).map_or("", |(_, _, path, _)| path)
}

/// The origin (`https://host:port`) of an absolute URL.
pub fn origin(url: &str) -> Option<&str> {
    let (scheme, authority, _, _) = split(url)?;
    if authority.is_empty() {
        return None;
    }
    Some(&url[..scheme.len() + authority.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://cdn.example.com/news/data/articles/one.json?v=2#x";

    #[test]
    fn hosts_and_paths() {
        assert_eq!(
            host("https://user@www.youtube.com:443/embed/x?a=1"),
            Some("www.youtube.com")
        );
        assert_eq!(host("mailto:a@b.example"), None);
        assert_eq!(
            path("https://player.vimeo.com/video/76979871?h=8"),
            "/video/76979871"
        );
    }

    #[test]
    fn slug_segments() {
        let slug = |u| slug_segment(u);
        assert_eq!(
            slug("https://x.example/2024/04/night-buses/").as_deref(),
            Some("night-buses")
        );
        assert_eq!(slug("/news/a_b-1?utm=x#top").as_deref(), Some("a_b-1"));
        assert_eq!(slug("https://x.example/?p=12"), None);
        assert_eq!(slug("https://x.example"), None);
        // Real feeds: maybepizza's and jsonfeed.org's `.html` URLs, Rosemary
        // Orchard's percent-encoded ones.
        assert_eq!(
            slug("https://maybepizza.com/ge-monogram-pizza-oven.html").as_deref(),
            Some("ge-monogram-pizza-oven")
        );
        assert_eq!(slug("https://x.example/caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(
            slug("https://x.example/it%27s-here/").as_deref(),
            Some("it's-here")
        );
        assert_eq!(
            slug("https://x.example/v1.2.3-notes").as_deref(),
            Some("v1.2.3-notes")
        );
        assert_eq!(
            slug("https://x.example/release-2.0").as_deref(),
            Some("release-2.0")
        );
        assert_eq!(slug("https://x.example/a/%2E%2E"), None);
        assert_eq!(slug("https://x.example/a%2Fb"), None);
        assert_eq!(slug("https://x.example/%FF"), None);
        assert!(!is_slug(""));
    }

    #[test]
    fn resolves_relative_references_against_the_feed() {
        let r = |s| resolve(BASE, s, UrlUse::Resource);
        assert_eq!(
            r("img/a.jpg").as_deref(),
            Some("https://cdn.example.com/news/data/articles/img/a.jpg")
        );
        assert_eq!(
            r("../../images/a.jpg").as_deref(),
            Some("https://cdn.example.com/news/images/a.jpg")
        );
        assert_eq!(
            r("../../../../../a.jpg").as_deref(),
            Some("https://cdn.example.com/a.jpg")
        );
        assert_eq!(
            r("/wp-content/a.jpg").as_deref(),
            Some("https://cdn.example.com/wp-content/a.jpg")
        );
        assert_eq!(
            r("//img.example.org/a.jpg").as_deref(),
            Some("https://img.example.org/a.jpg")
        );
        assert_eq!(
            r("./a.jpg?w=1#f").as_deref(),
            Some("https://cdn.example.com/news/data/articles/a.jpg?w=1#f")
        );
        assert_eq!(
            r("?page=2").as_deref(),
            Some("https://cdn.example.com/news/data/articles/one.json?page=2")
        );
        assert_eq!(
            r("#top").as_deref(),
            Some("https://cdn.example.com/news/data/articles/one.json?v=2#top")
        );
        assert_eq!(
            r("HTTPS://Other.example/x").as_deref(),
            Some("HTTPS://Other.example/x")
        );
        assert_eq!(r("\\\\evil.example/x").as_deref(), Some("https://evil.example/x"));
    }

    #[test]
    fn refuses_unsafe_schemes_however_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "",
            "   ",
        ] {
            assert_eq!(resolve(BASE, bad, UrlUse::Link), None, "{bad:?}");
        }
        assert_eq!(
            resolve(BASE, "mailto:desk@example.com", UrlUse::Link).as_deref(),
            Some("mailto:desk@example.com")
        );
        assert_eq!(resolve(BASE, "mailto:desk@example.com", UrlUse::Resource), None);
    }

    #[test]
    fn an_address_longer_than_the_cap_is_refused() {
        let long = format!("https://cdn.example.com/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(resolve(BASE, &long, UrlUse::Link), None);
        let fits = format!("https://cdn.example.com/{}", "a".repeat(MAX_URL_BYTES - 30));
        assert_eq!(
            resolve(BASE, &fits, UrlUse::Link).map(|u| u.len()),
            Some(fits.len())
        );
    }

    #[test]
    fn encodes_characters_that_could_break_out_of_an_attribute() {
        assert_eq!(
            resolve(BASE, "/a b\"'<>`.jpg", UrlUse::Resource).as_deref(),
            Some("https://cdn.example.com/a%20b%22%27%3C%3E%60.jpg")
        );
    }

    #[test]
    fn fills_templates_with_encoded_values() {
        assert_eq!(
            fill_encoded("data/articles/{slug}.json", &[("slug", "a b/../c")]),
            "data/articles/a%20b%2F..%2Fc.json"
        );
        assert_eq!(
            fill_encoded("x/{year}-{month}.json", &[("year", "2024"), ("month", "04")]),
            "x/2024-04.json"
        );
    }

    #[test]
    fn finds_the_origin() {
        assert_eq!(origin(BASE), Some("https://cdn.example.com"));
        assert_eq!(origin("http://127.0.0.1:8080"), Some("http://127.0.0.1:8080"));
        assert_eq!(origin("mailto:x@y"), None);
    }
}
