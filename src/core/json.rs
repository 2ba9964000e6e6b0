//! A small JSON reader and writer.
//!
//! Every value remembers the line it starts on, so that format errors can say
//! "at $.body[3].text (line 41)". Nesting is limited ([`MAX_DEPTH`]) so that a
//! hostile document nested 10,000 deep is an error, not a stack overflow.
//! Writing is used for JSON-LD, which is placed in the page as text.

use std::fmt;

use super::limits::MAX_JSON_VALUES;

/// Deepest nesting of arrays and objects a document may have.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A JSON value and the line (1-based) where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Json {
    pub value: Value,
    pub line: u32,
}

impl Json {
    pub fn new(value: Value) -> Self {
        Json { value, line: 0 }
    }

    /// The member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.value {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// A short name for the kind of value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Where and why a document is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// Parses a complete JSON document.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        values: 0,
    };
    // A byte-order mark is tolerated, as browsers do.
    if p.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        p.pos = 3;
        p.line_start = 3;
    }
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        return Err(p.error("the document is empty"));
    }
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    /// Values read so far, against `limits::MAX_JSON_VALUES`.
    values: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        // Columns count characters, not bytes.
        let end = self.pos.min(self.bytes.len());
        let start = self.line_start.min(end);
        let column = String::from_utf8_lossy(&self.bytes[start..end]).chars().count() as u32 + 1;
        SyntaxError {
            line: self.line,
            column,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
    }

    fn expect_word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        let line = self.line;
        self.values += 1;
        if self.values > MAX_JSON_VALUES {
            return Err(self.error(&format!(
                "the document holds more than {MAX_JSON_VALUES} values, Herald's limit for one document"
            )));
        }
        let value = match self.peek() {
            None => return Err(self.error("unexpected end of the document")),
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.expect_word("true", Value::Bool(true))?,
            Some(b'f') => self.expect_word("false", Value::Bool(false))?,
            Some(b'n') => self.expect_word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error("unexpected character")),
        };
        Ok(Json { value, line })
    }

    fn enter(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error(&format!("nested more than {MAX_DEPTH} levels deep")))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    items.shrink_to_fit();
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end of the document in an array")),
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after a member name"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    members.shrink_to_fit();
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error("unexpected end of the document in an object")),
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        // Up to 19 significant digits in the mantissa; the rest only scale it.
        let mut mantissa: u64 = 0;
        let mut digits = 0u32;
        let mut exponent: i64 = 0;
        let mut take = |p: &mut Self, fraction: bool| {
            let start = p.pos;
            while let Some(d @ b'0'..=b'9') = p.peek() {
                if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    if mantissa > 0 {
                        digits += 1;
                    }
                    if fraction {
                        exponent -= 1;
                    }
                } else if !fraction {
                    exponent += 1;
                }
                p.pos += 1;
            }
            p.pos - start
        };
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if take(self, false) == 0 {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if take(self, true) == 0 {
                return Err(self.error("invalid number: digits expected after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let start = self.pos;
            let mut e: i64 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                e = (e * 10 + i64::from(d - b'0')).min(100_000);
                self.pos += 1;
            }
            if self.pos == start {
                return Err(self.error("invalid number: digits expected in the exponent"));
            }
            exponent += sign * e;
        }
        let value = scale(mantissa, exponent);
        if !value.is_finite() {
            return Err(self.error("number out of range"));
        }
        Ok(Value::Number(if negative { -value } else { value }))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.error("invalid \\u escape")),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The input is a &str and we stopped on ASCII, so this is a char boundary.
            out.push_str(&String::from_utf8_lossy(&self.bytes[start..self.pos]));
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let esc = self.peek();
                    self.pos += 1;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.bytes[self.pos..].starts_with(b"\\u") {
                                    self.pos += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                    } else {
                                        0xFFFD
                                    }
                                } else {
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    }
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }
}

/// `mantissa × 10^exponent`. Exact (correctly rounded) whenever the
/// mantissa fits in 53 bits and the exponent is within ±22, which covers
/// every number a feed has reason to contain; close otherwise.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    let exponent = exponent.clamp(-400, 400) as i32;
    if (0..=22).contains(&exponent) {
        m * 10f64.powi(exponent)
    } else if (-22..0).contains(&exponent) {
        m / 10f64.powi(-exponent)
    } else if exponent > 0 {
        m * 10f64.powi(exponent)
    } else {
        // Two steps keep tiny values from underflowing on the way.
        m / 10f64.powi(-exponent / 2) / 10f64.powi(-exponent - -exponent / 2)
    }
}

/// Writes `value` as compact JSON. `<`, `>` and `&` are escaped so that the
/// text is safe inside an HTML `<script>` data block.
pub fn to_string(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Json) {
    match &value.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k);
                out.push(':');
                write_value(out, v);
            }
            out.push('}');
        }
    }
}

/// Whole numbers exactly; others with up to six decimals. (Rust's float
/// formatting would add kilobytes to the WebAssembly for what JSON-LD never
/// needs: its numbers are whole.)
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        out.push_str(&(n as i64).to_string());
        return;
    }
    let micros = (n.abs() * 1e6).round() as u64;
    if n < 0.0 {
        out.push('-');
    }
    out.push_str(&(micros / 1_000_000).to_string());
    let frac = format!("{:06}", micros % 1_000_000);
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Builds an object value from members, skipping `None`s.
pub fn object(members: Vec<(&str, Option<Json>)>) -> Json {
    Json::new(Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    ))
}

pub fn string(s: &str) -> Json {
    Json::new(Value::String(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value_with_lines() {
        let doc =
            parse("{\n \"a\": [1, -2.5e2, true, false, null],\n \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}")
                .unwrap();
        let a = doc.get("a").unwrap();
        assert_eq!(a.line, 2);
        let items = a.as_array().unwrap();
        assert_eq!(items[0].as_f64(), Some(1.0));
        assert_eq!(items[1].as_f64(), Some(-250.0));
        assert_eq!(items[2].value, Value::Bool(true));
        assert!(items[4].is_null());
        assert_eq!(doc.get("b").unwrap().as_str(), Some("xé😀\n"));
        assert_eq!(doc.get("b").unwrap().line, 3);
    }

    #[test]
    fn reports_line_and_column_of_syntax_errors() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.column, 7);
        assert_eq!(err.message, "expected `:` after a member name");
        assert_eq!(
            err.to_string(),
            "expected `:` after a member name at line 3, column 7"
        );
    }

    #[test]
    fn rejects_empty_trailing_html_and_bad_numbers() {
        assert_eq!(parse("  \n ").unwrap_err().message, "the document is empty");
        assert_eq!(
            parse("[1] x").unwrap_err().message,
            "unexpected text after the end of the JSON value"
        );
        // (`feed::read` tells HTML and XML from JSON before it parses.)
        assert_eq!(
            parse("<!doctype html><p>oops").unwrap_err().message,
            "unexpected character"
        );
        assert_eq!(
            parse("01").unwrap_err().message,
            "unexpected text after the end of the JSON value"
        );
        assert_eq!(
            parse("1.").unwrap_err().message,
            "invalid number: digits expected after `.`"
        );
        assert_eq!(parse("1e999").unwrap_err().message, "number out of range");
        assert_eq!(
            parse("1e").unwrap_err().message,
            "invalid number: digits expected in the exponent"
        );
        assert_eq!(parse("-").unwrap_err().message, "invalid number");
        assert_eq!(
            parse("\"a\tb\"").unwrap_err().message,
            "control character in a string"
        );
        assert_eq!(parse("\"ab").unwrap_err().message, "unterminated string");
        assert_eq!(
            parse("[1,").unwrap_err().message,
            "unexpected end of the document"
        );
        assert_eq!(
            parse("{\"a\":1").unwrap_err().message,
            "unexpected end of the document in an object"
        );
    }

    #[test]
    fn numbers_are_read_exactly_where_it_matters() {
        for (text, value) in [
            ("0", 0.0f64),
            ("-0", 0.0),
            ("13.5", 13.5),
            ("-2.25", -2.25),
            ("1200", 1200.0),
            ("0.1", 0.1),
            ("2.71", 2.71),
            ("1e3", 1000.0),
            ("2.5E-3", 0.0025),
            ("1.5e+2", 150.0),
            ("123456789012345678", 123456789012345678.0),
            ("1e-300", 1e-300),
            ("4.9e-324", 4.9e-324),
            ("1.5e300", 1.5e300),
        ] {
            let n = parse(text).unwrap().as_f64().unwrap();
            let tolerance = value.abs() * 1e-15;
            assert!((n - value).abs() <= tolerance, "{text}: {n} != {value}");
        }
        assert_eq!(parse("13.5").unwrap().as_f64(), Some(13.5));
        assert_eq!(parse("0.1").unwrap().as_f64(), Some(0.1));
        assert_eq!(
            parse("12345678901234567890123").unwrap().as_f64(),
            Some(1.2345678901234568e22)
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = parse(&deep).unwrap_err();
        assert_eq!(err.message, "nested more than 64 levels deep");
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn byte_order_mark_is_tolerated() {
        assert_eq!(parse("\u{feff}[1]").unwrap().as_array().unwrap().len(), 1);
    }

    #[test]
    fn writes_numbers_without_float_formatting() {
        let w = |n: f64| to_string(&Json::new(Value::Number(n)));
        assert_eq!(w(1200.0), "1200");
        assert_eq!(w(-3.0), "-3");
        assert_eq!(w(13.5), "13.5");
        assert_eq!(w(-0.25), "-0.25");
        assert_eq!(w(2.000001), "2.000001");
        assert_eq!(w(f64::NAN), "null");
        assert_eq!(parse(&w(13.5)).unwrap().as_f64(), Some(13.5));
    }

    #[test]
    fn writes_json_that_is_safe_in_a_script_element() {
        let v = object(vec![
            ("headline", Some(string("</script><b>\"x\" & y"))),
            ("n", Some(Json::new(Value::Number(1200.0)))),
            ("skip", None),
            (
                "list",
                Some(Json::new(Value::Array(vec![
                    Json::new(Value::Bool(true)),
                    Json::new(Value::Null),
                ]))),
            ),
        ]);
        let text = to_string(&v);
        assert_eq!(
            text,
            r#"{"headline":"\u003c/script\u003e\u003cb\u003e\"x\" \u0026 y","n":1200,"list":[true,null]}"#
        );
        assert_eq!(
            parse(&text).unwrap().get("headline").unwrap().as_str(),
            Some("</script><b>\"x\" & y")
        );
    }
}
