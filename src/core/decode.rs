//! Typed reading of JSON values with the path of every value kept, so that
//! each schema error says where it is: "`width` must be a number, found a
//! string at $.image.width (line 12)". A value points to its parent, so the
//! path is only written out when an error needs it.

use super::error::SchemaError;
use super::json::{Json, Value};

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
    pub fn root(json: &'a Json) -> At<'a> {
        At {
            json,
            parent: None,
            step: Step::Root,
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

    pub fn is_object(&self) -> Result<()> {
        match self.json.value {
            Value::Object(_) => Ok(()),
            _ => Err(self.wrong_type("an object")),
        }
    }

    /// The member `key`, or `None` when it is absent or null.
    pub fn field<'b>(&'b self, key: &'b str) -> Result<Option<At<'b>>> {
        self.is_object()?;
        Ok(self.json.get(key).filter(|j| !j.is_null()).map(|json| At {
            json,
            parent: Some(self),
            step: Step::Key(key),
        }))
    }

    /// The member `key`, which must be present and not null.
    pub fn required<'b>(&'b self, key: &'b str) -> Result<At<'b>> {
        self.field(key)?
            .ok_or_else(|| self.error(format!("missing field `{key}`")))
    }

    /// The items of this array.
    pub fn items(&self) -> Result<Vec<At<'_>>> {
        let items = self.json.as_array().ok_or_else(|| self.wrong_type("an array"))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, json)| At {
                json,
                parent: Some(self),
                step: Step::Index(i),
            })
            .collect())
    }

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

    pub fn boolean(&self) -> Result<bool> {
        match self.json.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.wrong_type("true or false")),
        }
    }

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

    pub fn opt_integer(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>> {
        self.field(key)?.map(|v| v.integer(min, max)).transpose()
    }

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
    fn a_non_object_document_is_reported_as_such() {
        let doc = parse("[1]").unwrap();
        assert_eq!(
            At::root(&doc).req_text("headline").unwrap_err().to_string(),
            "the document must be an object, found an array at $ (line 1)"
        );
    }
}
