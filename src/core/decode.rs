//! Typed reading of JSON values with the path of every value kept, so that
//! each schema error says where it is: "`width` must be a number, found a
//! string at $.image.width (line 12)". A value points to its parent, so the
//! path is only written out when an error needs it. `Ctx` is what a
//! reader carries through one document besides it.
//!
//! Two kinds of accessors: strict ones (`field`, `required`, `string`…)
//! for what a format requires, whose mismatches are errors; lenient ones
//! (`get`, `str_of`, `num_of`…) for what a feed may leave out or get
//! wrong, which answer `None` and never fail. Both keep the path, so an
//! item read from a list says where it is in the list.

use super::error::SchemaError;
use super::html::{fragment_text, HtmlParser};
use super::json::{Json, Value};
use super::limits::Warnings;
use super::url::{resolve, UrlUse};

/// Errors are boxed: a `Result` of a large error makes every `?` move it,
/// which costs code size in every reader.
pub type Result<T> = std::result::Result<T, Box<SchemaError>>;

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// A JSON value and where it is in the document.
#[derive(Clone, Copy)]
pub struct At<'a> {
    pub json: &'a Json,
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

impl<'a> At<'a> {
    /// The document itself, at `$`.
    pub fn root(json: &'a Json) -> At<'a> {
        At {
            json,
            parent: None,
            step: Step::Root,
        }
    }

    /// A value inside this one, one step down.
    fn child<'b>(&'b self, json: &'b Json, step: Step<'b>) -> At<'b> {
        At {
            json,
            parent: Some(self),
            step,
        }
    }

    /// The JSONPath of this value: `$.body[3].text`.
    pub fn path(&self) -> String {
        let mut out = match self.parent {
            Some(p) => p.path(),
            None => String::from("$"),
        };
        match self.step {
            Step::Root => {}
            Step::Key(key) => {
                let simple = !key.is_empty()
                    && !key.starts_with(|c: char| c.is_ascii_digit())
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if simple {
                    out.push('.');
                    out.push_str(key);
                } else {
                    out.push_str("[\"");
                    out.push_str(&key.replace('\\', "\\\\").replace('"', "\\\""));
                    out.push_str("\"]");
                }
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
        out
    }

    /// An error about this value.
    pub fn error(&self, message: impl Into<String>) -> Box<SchemaError> {
        Box::new(SchemaError {
            path: self.path(),
            line: self.json.line,
            message: message.into(),
        })
    }

    fn name(&self) -> String {
        match self.step {
            Step::Key(key) => format!("`{key}`"),
            Step::Index(_) => "the item".to_string(),
            Step::Root => "the document".to_string(),
        }
    }

    fn wrong_type(&self, expected: &str) -> Box<SchemaError> {
        self.error(format!(
            "{} must be {expected}, found {}",
            self.name(),
            self.json.kind()
        ))
    }

    /// Nothing, or an error when this is not an object.
    pub fn is_object(&self) -> Result<()> {
        match self.json.value {
            Value::Object(_) => Ok(()),
            _ => Err(self.wrong_type("an object")),
        }
    }

    /// The member `key`, or `None` when it is absent or null; an error when
    /// this is not an object.
    pub fn field<'b>(&'b self, key: &'b str) -> Result<Option<At<'b>>> {
        self.is_object()?;
        Ok(self.get(key))
    }

    /// The member `key`, which must be present and not null.
    pub fn required<'b>(&'b self, key: &'b str) -> Result<At<'b>> {
        self.field(key)?
            .ok_or_else(|| self.error(format!("missing field `{key}`")))
    }

    /// The items of this array; an error when this is not an array.
    pub fn items(&self) -> Result<Vec<At<'_>>> {
        if self.json.as_array().is_none() {
            return Err(self.wrong_type("an array"));
        }
        Ok(self.list())
    }

    /// This string, as it is.
    pub fn string(&self) -> Result<String> {
        self.json
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.wrong_type("a string"))
    }

    /// A string with surrounding white space removed, which must not be empty.
    pub fn text(&self) -> Result<String> {
        let s = self.string()?;
        let t = s.trim();
        if t.is_empty() {
            return Err(self.error(format!("{} must not be empty", self.name())));
        }
        Ok(t.to_string())
    }

    /// This number.
    pub fn number(&self) -> Result<f64> {
        self.json.as_f64().ok_or_else(|| self.wrong_type("a number"))
    }

    /// A whole number within `min..=max`.
    pub fn integer(&self, min: i64, max: i64) -> Result<i64> {
        let n = self.number()?;
        if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            return Err(self.error(format!(
                "{} must be a whole number from {min} to {max}",
                self.name()
            )));
        }
        Ok(n as i64)
    }

    /// This `true` or `false`.
    pub fn boolean(&self) -> Result<bool> {
        match self.json.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.wrong_type("true or false")),
        }
    }

    /// The member `key`, a non-empty string, trimmed.
    pub fn req_text(&self, key: &str) -> Result<String> {
        self.required(key)?.text()
    }

    /// An optional string; empty or blank counts as absent.
    pub fn opt_text(&self, key: &str) -> Result<Option<String>> {
        match self.field(key)? {
            Some(v) => {
                let s = v.string()?;
                let t = s.trim();
                Ok((!t.is_empty()).then(|| t.to_string()))
            }
            None => Ok(None),
        }
    }

    /// An optional whole number within `min..=max`.
    pub fn opt_integer(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>> {
        self.field(key)?.map(|v| v.integer(min, max)).transpose()
    }

    /// An optional `true` or `false`.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        self.field(key)?.map(|v| v.boolean()).transpose()
    }

    /// An optional array of non-empty strings.
    pub fn string_list(&self, key: &str) -> Result<Vec<String>> {
        match self.field(key)? {
            Some(v) => v.items()?.iter().map(|i| i.text()).collect(),
            None => Ok(Vec::new()),
        }
    }

    // Lenient accessors: `None` (or nothing) where the strict ones fail.

    /// The member `key`; `None` when it is absent or null, or this is not an object.
    pub fn get<'b>(&'b self, key: &'b str) -> Option<At<'b>> {
        let json = self.json.get(key).filter(|j| !j.is_null())?;
        Some(self.child(json, Step::Key(key)))
    }

    /// The member `key`, even null; `None` when it is absent or this is not an object.
    pub fn member<'b>(&'b self, key: &'b str) -> Option<At<'b>> {
        Some(self.child(self.json.get(key)?, Step::Key(key)))
    }

    /// Whether this is an object with the member `key` (even null).
    pub fn has(&self, key: &str) -> bool {
        self.json.get(key).is_some()
    }

    /// This value as a string; `None` when it is not one.
    pub fn as_str(&self) -> Option<&'a str> {
        self.json.as_str()
    }

    /// The member `key` as a string; `None` when it is absent or not a string.
    pub fn str_of(&self, key: &str) -> Option<&'a str> {
        self.json.get(key)?.as_str()
    }

    /// The member `key` as a trimmed string; `None` when it is absent, not a string, or blank.
    pub fn text_of(&self, key: &str) -> Option<String> {
        let s = self.str_of(key)?.trim();
        (!s.is_empty()).then(|| s.to_string())
    }

    /// The member `key` as a number; `None` when it is absent or not a number.
    pub fn num_of(&self, key: &str) -> Option<f64> {
        self.json.get(key)?.as_f64()
    }

    /// Whether this value is an array.
    pub fn is_array(&self) -> bool {
        self.json.as_array().is_some()
    }

    /// The items of this array; none when this is not an array.
    pub fn list(&self) -> Vec<At<'_>> {
        let items = self.json.as_array().unwrap_or(&[]);
        let mut out = Vec::with_capacity(items.len());
        for (i, json) in items.iter().enumerate() {
            out.push(self.child(json, Step::Index(i)));
        }
        out
    }

    /// The first item of this array; `None` when this is not an array or it is empty.
    pub fn first(&self) -> Option<At<'_>> {
        Some(self.child(self.json.as_array()?.first()?, Step::Index(0)))
    }
}

/// What a reader carries through one document: the document's address
/// (URLs are resolved against it), an HTML parser for the formats that
/// carry HTML, and the warnings collected on the way.
pub struct Ctx<'a> {
    pub base: &'a str,
    pub html: &'a dyn HtmlParser,
    pub warnings: Warnings,
}

impl<'a> Ctx<'a> {
    /// A context for the document at `base`, with no warnings yet.
    pub fn new(base: &'a str, html: &'a dyn HtmlParser) -> Self {
        Ctx {
            base,
            html,
            warnings: Warnings::default(),
        }
    }

    /// The text of an HTML fragment (titles, excerpts, captions).
    pub fn text(&self, html: &str) -> String {
        fragment_text(self.html, html)
    }

    /// A warning about the value `at`, with its path and line.
    pub fn warn(&mut self, at: &At, message: &str) {
        self.warnings
            .push(format!("{message} at {} (line {})", at.path(), at.json.line));
    }

    /// A URL member resolved and checked; an unsafe URL is dropped with a warning.
    pub fn url(&mut self, at: &At, key: &str, usage: UrlUse) -> Result<Option<String>> {
        let Some(v) = at.field(key)? else { return Ok(None) };
        let raw = v.string()?;
        let resolved = resolve(self.base, &raw, usage);
        if resolved.is_none() && !raw.trim().is_empty() {
            self.warn(&v, "dropped a URL with a scheme that is not allowed");
        }
        Ok(resolved)
    }

    /// A URL member that must be present and allowed.
    pub fn req_url(&mut self, at: &At, key: &str, usage: UrlUse) -> Result<String> {
        let present = at.req_text(key)?;
        self.url(at, key, usage)?.ok_or_else(|| {
            at.error(format!(
                "`{key}` must be an http(s) or relative URL, found `{present}`"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    #[test]
    fn errors_carry_path_and_line() {
        let doc = parse("{\n\"a\": {\n \"list\": [1, \"x\"],\n \"odd key\": 3\n}\n}").unwrap();
        let root = At::root(&doc);
        let a = root.required("a").unwrap();
        let list = a.required("list").unwrap();
        let err = list
            .items()
            .unwrap()
            .iter()
            .map(|i| i.number())
            .collect::<Result<Vec<_>>>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the item must be a number, found a string at $.a.list[1] (line 3)"
        );
        let err = a.required("odd key").unwrap().string().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`odd key` must be a string, found a number at $.a[\"odd key\"] (line 4)"
        );
        let err = a.req_text("missing").unwrap_err();
        assert_eq!(err.to_string(), "missing field `missing` at $.a (line 2)");
    }

    #[test]
    fn optional_fields_treat_null_and_blank_as_absent() {
        let doc = parse(r#"{"a": null, "b": "  ", "c": " x ", "n": 2.5, "w": 300}"#).unwrap();
        let root = At::root(&doc);
        assert_eq!(root.opt_text("a").unwrap(), None);
        assert_eq!(root.opt_text("b").unwrap(), None);
        assert_eq!(root.opt_text("c").unwrap().as_deref(), Some("x"));
        assert_eq!(root.opt_text("zz").unwrap(), None);
        assert_eq!(
            root.opt_integer("n", 0, 10).unwrap_err().message,
            "`n` must be a whole number from 0 to 10"
        );
        assert_eq!(root.opt_integer("w", 1, 10_000).unwrap(), Some(300));
        assert_eq!(root.req_text("b").unwrap_err().message, "`b` must not be empty");
    }

    #[test]
    fn lenient_accessors_answer_none_and_keep_the_path() {
        let doc = parse(r#"{"a": {"s": " x ", "b": "  ", "n": 3, "z": null}, "l": [{"k": 1}, 2], "t": "y"}"#)
            .unwrap();
        let root = At::root(&doc);
        let a = root.get("a").unwrap();
        assert_eq!(
            (a.str_of("s"), a.text_of("s").as_deref()),
            (Some(" x "), Some("x"))
        );
        assert_eq!(
            (a.text_of("b"), a.str_of("n"), a.num_of("n")),
            (None, None, Some(3.0))
        );
        assert!(a.get("z").is_none() && a.member("z").is_some() && a.has("z") && !a.has("q"));
        assert!(root.get("t").unwrap().get("k").is_none());
        let t = root.get("t").unwrap();
        assert!(t.list().is_empty() && t.first().is_none() && t.as_str() == Some("y"));
        let l = root.get("l").unwrap();
        assert_eq!(l.list().len(), 2);
        let first = l.first().unwrap();
        let k = first.get("k").unwrap();
        assert_eq!(
            k.string().unwrap_err().to_string(),
            "`k` must be a string, found a number at $.l[0].k (line 1)"
        );
    }

    #[test]
    fn a_non_object_document_is_reported_as_such() {
        let doc = parse("[1]").unwrap();
        assert_eq!(
            At::root(&doc).req_text("headline").unwrap_err().to_string(),
            "the document must be an object, found an array at $ (line 1)"
        );
    }
}
