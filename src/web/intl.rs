//! Dates and numbers in the reader's locale and the site's time zone, by
//! the browser's `Intl` (nothing of it is compiled into the widget).
//! Formatters are created once per (locale, zone, style) and reused.

use std::cell::RefCell;

use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateTimeFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locales: &JsValue, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = format)]
    fn format(this: &DateTimeFormat, date: &Date) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    #[derive(Clone)]
    type NumberFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locales: &JsValue, options: &Object) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = format)]
    fn format(this: &NumberFormat, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "ListFormat")]
    fn new(locales: &JsValue, options: &Object) -> Result<ListFormat, JsValue>;

    #[wasm_bindgen(catch, method, js_class = "ListFormat", js_name = formatToParts)]
    fn format_to_parts(this: &ListFormat, list: &Array) -> Result<Array, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn get_canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// A canonical BCP 47 tag, or `None` if the browser rejects it.
pub fn canonical_locale(tag: &str) -> Option<String> {
    get_canonical_locales(tag.trim())
        .ok()
        .and_then(|list| list.get(0).as_string())
}

fn set(options: &Object, key: &str, value: &str) {
    let _ = Reflect::set(options, &JsValue::from_str(key), &JsValue::from_str(value));
}

/// How to write a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "March 24, 2021"
    Long,
    /// "Saturday, April 27, 2024"
    Full,
    /// "Mar 24, 2021, 2:20 PM" (for titles)
    WithTime,
    /// "April 2024" (the month of a UTC noon timestamp)
    MonthYear,
    /// "2024" (the year of a UTC noon timestamp)
    Year,
    /// "2024-04-27" with the locale `sv-SE` (for `datetime` attributes)
    Numeric,
    /// "2024-04-27 14:20:00" with the locale `sv-SE` (for zone offsets)
    Wall,
}

// A page uses a handful of formatters, so a list is the right cache.
thread_local! {
    static DATE_FORMATS: RefCell<Vec<(String, DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    static NUMBER_FORMATS: RefCell<Vec<(String, NumberFormat)>> = const { RefCell::new(Vec::new()) };
}

fn date_format(locale: &str, zone: Option<&str>, style: DateStyle) -> Option<DateTimeFormat> {
    let key = format!("{locale}|{}|{}", zone.unwrap_or(""), style as u8);
    if let Some(f) = DATE_FORMATS.with(|m| m.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()))
    {
        return Some(f);
    }
    let options = Object::new();
    match style {
        DateStyle::Long => set(&options, "dateStyle", "long"),
        DateStyle::Full => set(&options, "dateStyle", "full"),
        DateStyle::WithTime => {
            set(&options, "dateStyle", "medium");
            set(&options, "timeStyle", "short");
        }
        DateStyle::MonthYear => {
            set(&options, "year", "numeric");
            set(&options, "month", "long");
        }
        DateStyle::Year => set(&options, "year", "numeric"),
        DateStyle::Numeric | DateStyle::Wall => {
            set(&options, "year", "numeric");
            set(&options, "month", "2-digit");
            set(&options, "day", "2-digit");
            if style == DateStyle::Wall {
                for field in ["hour", "minute", "second"] {
                    set(&options, field, "2-digit");
                }
                set(&options, "hourCycle", "h23");
            }
        }
    }
    match style {
        DateStyle::MonthYear | DateStyle::Year => set(&options, "timeZone", "UTC"),
        _ => {
            if let Some(zone) = zone {
                set(&options, "timeZone", zone);
            }
        }
    }
    let f = match DateTimeFormat::new(&JsValue::from_str(locale), &options) {
        Ok(f) => f,
        Err(_) => {
            let zone = zone?;
            web_sys::console::warn_1(
                &format!("[herald] data-time-zone: `{zone}` is not a time zone this browser knows; using the reader's").into(),
            );
            // Cached under this key, so the warning is given once.
            date_format(locale, None, style)?
        }
    };
    DATE_FORMATS.with(|m| m.borrow_mut().push((key, f.clone())));
    Some(f)
}

/// A point in time written for the reader.
pub fn format_date(unix_ms: i64, locale: &str, zone: Option<&str>, style: DateStyle) -> String {
    let date = Date::new(&JsValue::from_f64(unix_ms as f64));
    match date_format(locale, zone, style) {
        Some(f) => f.format(&date),
        None => date.to_iso_string().as_string().unwrap_or_default(),
    }
}

/// The offset of `zone` from UTC at `unix_ms`, in minutes east: the wall
/// clock there, read back as if it were UTC, minus the instant.
pub fn zone_offset(zone: &str, unix_ms: i64) -> Option<i32> {
    let second = unix_ms.div_euclid(1000) * 1000;
    let wall = format_date(second, "sv-SE", Some(zone), DateStyle::Wall);
    let (as_utc, _) = crate::core::time::parse_lenient(&wall).ok()?;
    i32::try_from((as_utc.unix_ms - second) / 60_000).ok()
}

/// "April 2024" for a month of a year.
pub fn format_month(year: i32, month: u32, locale: &str) -> String {
    let ms = Date::utc(f64::from(year), f64::from(month) - 1.0) + 12.0 * 3_600_000.0 + 14.0 * 86_400_000.0;
    format_date(ms as i64, locale, None, DateStyle::MonthYear)
}

/// "2024" in the locale's numerals.
pub fn format_year(year: i32, locale: &str) -> String {
    let ms = Date::utc(f64::from(year), 5.0) + 86_400_000.0;
    format_date(ms as i64, locale, None, DateStyle::Year)
}

fn number_format(locale: &str, kind: &'static str) -> Option<NumberFormat> {
    let key = format!("{locale}|{kind}");
    if let Some(f) =
        NUMBER_FORMATS.with(|m| m.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()))
    {
        return Some(f);
    }
    let options = Object::new();
    if kind != "integer" {
        set(&options, "style", "unit");
        set(&options, "unit", kind);
        let _ = Reflect::set(&options, &"minimumFractionDigits".into(), &1.into());
        let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &1.into());
    } else {
        let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &0.into());
    }
    let f = NumberFormat::new(&JsValue::from_str(locale), &options).ok()?;
    NUMBER_FORMATS.with(|m| m.borrow_mut().push((key, f.clone())));
    Some(f)
}

/// A whole number in the locale's numerals and grouping.
pub fn format_integer(n: u64, locale: &str) -> String {
    match number_format(locale, "integer") {
        Some(f) => f.format(n as f64),
        None => n.to_string(),
    }
}

/// A temperature to one decimal with its unit: "13.5°C".
pub fn format_temperature(value: f64, fahrenheit: bool, locale: &str) -> String {
    let unit = if fahrenheit { "fahrenheit" } else { "celsius" };
    match number_format(locale, unit) {
        Some(f) => f.format(value),
        // Without Intl: one decimal by integer arithmetic (formatting a float
        // in Rust would add kilobytes of code for this fallback alone).
        None => {
            let tenths = (value * 10.0).round() as i64;
            let sign = if tenths < 0 { "-" } else { "" };
            let t = tenths.unsigned_abs();
            format!(
                "{sign}{}.{}{}",
                t / 10,
                t % 10,
                if fahrenheit { "°F" } else { "°C" }
            )
        }
    }
}

/// What goes between the items of a list of `n` names in the locale:
/// "A, B and C", "A, B y C", "A، B و C". `n - 1` separators.
pub fn list_separators(n: usize, locale: &str) -> Vec<String> {
    let fallback = || {
        (1..n)
            .map(|i| if i + 1 == n { " & " } else { ", " }.to_string())
            .collect()
    };
    if n < 2 {
        return Vec::new();
    }
    let options = Object::new();
    set(&options, "type", "conjunction");
    let Ok(f) = ListFormat::new(&JsValue::from_str(locale), &options) else {
        return fallback();
    };
    let items: Array = (0..n).map(|i| JsValue::from_str(&i.to_string())).collect();
    let Ok(parts) = f.format_to_parts(&items) else {
        return fallback();
    };
    let mut out = Vec::new();
    let mut pending = String::new();
    let mut seen_element = false;
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let value = Reflect::get(&part, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if kind == "element" {
            if seen_element {
                out.push(std::mem::take(&mut pending));
            }
            pending.clear();
            seen_element = true;
        } else {
            pending.push_str(&value);
        }
    }
    if out.len() == n - 1 {
        out
    } else {
        fallback()
    }
}
