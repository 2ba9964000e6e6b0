//! What the standalone app puts in the document head for each page: the
//! title, the meta description, the canonical URL and, for articles,
//! schema.org `NewsArticle` JSON-LD.

use super::article::Article;
use super::json::{self, object, string, Json, Value};

/// The head of one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: Option<String>,
    /// `None` leaves no canonical link (the not-found page).
    pub canonical: Option<String>,
    /// Serialized JSON-LD, for a `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
    /// Ask search engines not to index (the not-found page).
    pub noindex: bool,
}

/// "Page — Site", or just the site when the page has no title of its own.
pub fn title(page: &str, site: &str) -> String {
    match (page.trim().is_empty(), site.trim().is_empty()) {
        (true, _) => site.trim().to_string(),
        (false, true) => page.trim().to_string(),
        (false, false) => format!("{} — {}", page.trim(), site.trim()),
    }
}

/// The head of an article page.
pub fn article_head(article: &Article, site: &str) -> Head {
    Head {
        title: title(&article.headline, site),
        description: Some(article.summary(160)).filter(|s| !s.is_empty()),
        canonical: Some(article.url.clone()),
        json_ld: Some(json::to_string(&news_article(article))),
        noindex: false,
    }
}

/// schema.org `NewsArticle` for an article.
pub fn news_article(a: &Article) -> Json {
    let authors: Vec<Json> = a
        .authors
        .iter()
        .map(|author| {
            object(vec![
                ("@type", Some(string("Person"))),
                ("name", Some(string(&author.name))),
                ("url", author.url.as_deref().map(string)),
            ])
        })
        .collect();
    object(vec![
        ("@context", Some(string("https://schema.org"))),
        ("@type", Some(string("NewsArticle"))),
        ("headline", Some(string(&a.headline))),
        ("description", a.standfirst.as_deref().map(string)),
        (
            "image",
            a.image
                .as_ref()
                .map(|img| Json::new(Value::Array(vec![string(&img.src)]))),
        ),
        ("datePublished", a.published.map(|p| string(&p.to_rfc3339()))),
        (
            "dateModified",
            a.updated.or(a.published).map(|m| string(&m.to_rfc3339())),
        ),
        (
            "author",
            (!authors.is_empty()).then(|| Json::new(Value::Array(authors))),
        ),
        ("articleSection", a.section.as_deref().map(string)),
        (
            "keywords",
            (!a.tags.is_empty()).then(|| string(&a.tags.join(", "))),
        ),
        ("inLanguage", a.language.as_deref().map(string)),
        ("mainEntityOfPage", Some(string(&a.url))),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::herald;
    use crate::core::json::parse;

    fn seed() -> Article {
        let text = include_str!(
            "../../public/data/articles/we-went-in-together-we-will-leave-together-anthony-blinken.json"
        );
        herald::article(&parse(text).unwrap(), "https://news.example/data/articles/x.json")
            .unwrap()
            .value
    }

    #[test]
    fn titles_join_page_and_site() {
        assert_eq!(title("Headline", "Herald"), "Headline — Herald");
        assert_eq!(title("", "Herald"), "Herald");
        assert_eq!(title(" Headline ", ""), "Headline");
    }

    #[test]
    fn article_head_has_title_description_canonical_and_json_ld() {
        let head = article_head(&seed(), "Herald");
        assert_eq!(
            head.title,
            "We Went In Together, We Will Leave Together: Anthony Blinken — Herald"
        );
        assert_eq!(
            head.description.as_deref(),
            Some("The US and its allies have discussed the foreign troop's withdrawal from Afghanistan")
        );
        assert_eq!(
            head.canonical.as_deref(),
            Some("https://news.example/article/we-went-in-together-we-will-leave-together-anthony-blinken")
        );
        let ld = parse(head.json_ld.as_deref().unwrap()).unwrap();
        assert_eq!(ld.get("@type").unwrap().as_str(), Some("NewsArticle"));
        assert_eq!(
            ld.get("headline").unwrap().as_str(),
            Some("We Went In Together, We Will Leave Together: Anthony Blinken")
        );
        assert_eq!(
            ld.get("datePublished").unwrap().as_str(),
            Some("2021-03-24T14:20:00+01:00")
        );
        assert_eq!(
            ld.get("dateModified").unwrap().as_str(),
            Some("2021-03-24T18:05:00+01:00")
        );
        assert_eq!(
            ld.get("image").unwrap().as_array().unwrap()[0].as_str(),
            Some("https://news.example/images/brussels-press-conference.svg")
        );
        let author = &ld.get("author").unwrap().as_array().unwrap()[0];
        assert_eq!(author.get("name").unwrap().as_str(), Some("Omid Sobhani"));
        assert_eq!(author.get("@type").unwrap().as_str(), Some("Person"));
    }

    #[test]
    fn an_article_without_a_date_has_none_in_its_json_ld() {
        let mut a = seed();
        a.published = None;
        a.updated = None;
        let ld = article_head(&a, "Herald").json_ld.unwrap();
        assert!(
            !ld.contains("datePublished") && !ld.contains("dateModified"),
            "{ld}"
        );
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let mut a = seed();
        a.headline = "</script><script>alert(1)</script>".into();
        let head = article_head(&a, "");
        let ld = head.json_ld.unwrap();
        assert!(!ld.contains("</script"), "{ld}");
        assert_eq!(
            parse(&ld).unwrap().get("headline").unwrap().as_str(),
            Some("</script><script>alert(1)</script>")
        );
    }
}
