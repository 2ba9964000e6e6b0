//! Points in time as feeds give them: RFC 3339 with an offset, or (WordPress
//! `date_gmt`) a UTC time without a zone suffix. Display in the reader's
//! locale and time zone is the browser's `Intl` work; this module only
//! parses, orders and writes machine-readable forms.

/// A point in time, with the UTC offset its source stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub unix_ms: i64,
    /// The offset the source wrote, in minutes east of UTC.
    pub offset_minutes: i32,
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix_ms.cmp(&other.unix_ms)
    }
}

/// A calendar date and time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Timestamp {
    /// Parses RFC 3339: `2024-04-27T09:30:00+02:00`, `…Z`, fractional seconds allowed.
    pub fn parse_rfc3339(text: &str) -> Result<Timestamp, String> {
        let (civil, millis, rest) = parse_civil(text)?;
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            // Bytes, not `str` slices: the offset is untrusted text and may
            // hold a multi-byte character where a digit should be.
            r if matches!(r.as_bytes(), [b'+' | b'-', _, _, b':', _, _]) => {
                let h = r.get(1..3).and_then(digits).ok_or_else(|| bad(text))?;
                let m = r.get(4..6).and_then(digits).ok_or_else(|| bad(text))?;
                if h > 23 || m > 59 {
                    return Err(bad(text));
                }
                let total = (h * 60 + m) as i32;
                if r.starts_with('-') {
                    -total
                } else {
                    total
                }
            }
            "" => {
                return Err(format!(
                    "`{text}` has no UTC offset (add `Z` or `+hh:mm`, as RFC 3339 requires)"
                ))
            }
            _ => return Err(bad(text)),
        };
        Ok(Timestamp {
            unix_ms: to_unix_ms(civil, millis) - i64::from(offset_minutes) * 60_000,
            offset_minutes,
        })
    }

    /// Parses a UTC time written without a zone (`2024-04-27T07:30:00`), as
    /// WordPress gives `date_gmt`. A trailing `Z` or offset is accepted too.
    pub fn parse_utc_naive(text: &str) -> Result<Timestamp, String> {
        let (civil, millis, rest) = parse_civil(text)?;
        if rest.is_empty() {
            Ok(Timestamp {
                unix_ms: to_unix_ms(civil, millis),
                offset_minutes: 0,
            })
        } else {
            Timestamp::parse_rfc3339(text)
        }
    }

    pub fn from_unix_ms(unix_ms: i64) -> Timestamp {
        Timestamp {
            unix_ms,
            offset_minutes: 0,
        }
    }

    /// The wall-clock time at the timestamp's own offset.
    pub fn local_civil(&self) -> Civil {
        civil_at(self.unix_ms + i64::from(self.offset_minutes) * 60_000)
    }

    /// RFC 3339 at the source's offset, to the second (for `<time datetime>` and JSON-LD).
    pub fn to_rfc3339(&self) -> String {
        let c = self.local_civil();
        let offset = if self.offset_minutes == 0 {
            "Z".to_string()
        } else {
            let sign = if self.offset_minutes < 0 { '-' } else { '+' };
            let m = self.offset_minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", m / 60, m % 60)
        };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{offset}",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

fn civil_at(ms: i64) -> Civil {
    let days = ms.div_euclid(86_400_000);
    let secs = ms.rem_euclid(86_400_000) / 1000;
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        minute: (secs / 60 % 60) as u32,
        second: (secs % 60) as u32,
    }
}

fn to_unix_ms(c: Civil, millis: i64) -> i64 {
    let days = days_from_civil(c.year, c.month, c.day);
    days * 86_400_000
        + i64::from(c.hour) * 3_600_000
        + i64::from(c.minute) * 60_000
        + i64::from(c.second) * 1000
        + millis
}

fn bad(text: &str) -> String {
    format!("`{text}` is not an RFC 3339 date-time such as 2024-04-27T09:30:00+02:00")
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The repair note of a date written without a zone, read as UTC
/// (`in_zone` reads it again in a configured zone).
pub const ZONELESS: &str = "a date without a zone was read as UTC";

/// A time that `parse_lenient` read as UTC for want of a zone, read again
/// as the same wall-clock time in a zone whose offset at an instant
/// `offset` gives (minutes east of UTC). Twice, so that an offset change
/// between the two readings (summer time) is followed.
pub fn in_zone(as_utc: Timestamp, offset: impl Fn(i64) -> Option<i32>) -> Option<Timestamp> {
    let shift = |minutes: i32| as_utc.unix_ms - i64::from(minutes) * 60_000;
    let first = offset(as_utc.unix_ms)?;
    let second = offset(shift(first))?;
    Some(Timestamp {
        unix_ms: shift(second),
        offset_minutes: second,
    })
}

/// A date as feeds write it, beyond RFC 3339: a space for the `T`, no
/// seconds, an offset without its colon, no offset at all, or RFC 822
/// (`Fri, 31 May 2019 12:17:58 -0700`, with the zone names RSS uses). The
/// second value says how the date was repaired, for the document's
/// warnings; a date with no zone is read as UTC.
pub fn parse_lenient(text: &str) -> Result<(Timestamp, Option<&'static str>), String> {
    let text = text.trim();
    if let Ok(ts) = Timestamp::parse_rfc3339(text) {
        return Ok((ts, None));
    }
    iso_lenient(text)
        .or_else(|| rfc822(text))
        .ok_or_else(|| format!("`{text}` is not a date Herald can read (RFC 3339 or RFC 822)"))
}

fn iso_lenient(text: &str) -> Option<(Timestamp, Option<&'static str>)> {
    let b = text.as_bytes();
    let num = |r: std::ops::Range<usize>| text.get(r).and_then(digits);
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
    let (mut hour, mut minute, mut second, mut rest) = (0, 0, 0, text.get(10..)?);
    if b.len() >= 16 && matches!(b[10], b'T' | b't' | b' ') && b[13] == b':' {
        hour = num(11..13)?;
        minute = num(14..16)?;
        rest = text.get(16..)?;
        if let Some(sec) = rest.strip_prefix(':') {
            second = sec.get(0..2).and_then(digits)?;
            rest = sec.get(2..)?;
            if let Some(frac) = rest.strip_prefix('.') {
                rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
            }
        }
    }
    let civil = Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
    };
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let (offset, note) = match rest.trim() {
        "" => (0, Some(ZONELESS)),
        zone => (
            zone_offset(zone)?,
            Some("a date not in RFC 3339 was read leniently"),
        ),
    };
    Some((at_offset(civil, offset), note))
}

/// Minutes east of UTC for `Z`, `±hh:mm`, `±hhmm`, `±hh` or a zone name.
fn zone_offset(zone: &str) -> Option<i32> {
    let named = match zone.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => Some(0),
        "EDT" => Some(-240),
        "EST" | "CDT" => Some(-300),
        "CST" | "MDT" => Some(-360),
        "MST" | "PDT" => Some(-420),
        "PST" => Some(-480),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    // `hh`, `hhmm` or `hh:mm`.
    let rest = zone.get(1..)?;
    let (h, m) = match rest.len() {
        2 => (rest, "0"),
        4 => (rest.get(0..2)?, rest.get(2..4)?),
        5 if rest.as_bytes()[2] == b':' => (rest.get(0..2)?, rest.get(3..5)?),
        _ => return None,
    };
    let (h, m) = (digits(h)?, digits(m)?);
    (h <= 23 && m <= 59).then_some(sign * (h * 60 + m) as i32)
}

/// RFC 822 / 1123 as RSS writes it: `[Day, ]DD Mon YYYY HH:MM[:SS] ZONE`.
fn rfc822(text: &str) -> Option<(Timestamp, Option<&'static str>)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let text = text.split_once(',').map_or(text, |(_, rest)| rest);
    let mut parts = text.split_whitespace();
    let day = digits(parts.next()?)?;
    let month_name = parts.next()?.get(0..3)?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year_text = parts.next()?;
    let year = match (digits(year_text)?, year_text.len()) {
        (y, 2) if y < 50 => 2000 + y,
        (y, 2) => 1900 + y,
        (y, 4) => y,
        _ => return None,
    } as i32;
    let time = parts.next()?;
    let (hour, minute, second) = if time.len() == 4 && !time.contains(':') {
        // `1500`, as some early RSS writes it.
        (digits(time.get(0..2)?)?, digits(time.get(2..4)?)?, 0)
    } else {
        let mut hms = time.split(':');
        let hour = digits(hms.next()?)?;
        let minute = digits(hms.next()?)?;
        let second = match hms.next() {
            Some(s) => digits(s)?,
            None => 0,
        };
        (hour, minute, second)
    };
    let offset = match parts.next() {
        Some(zone) => zone_offset(zone)?,
        None => 0,
    };
    let civil = Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
    };
    if day == 0 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some((at_offset(civil, offset), None))
}

fn at_offset(civil: Civil, offset_minutes: i32) -> Timestamp {
    Timestamp {
        unix_ms: to_unix_ms(civil, 0) - i64::from(offset_minutes) * 60_000,
        offset_minutes,
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fff]` and whatever follows it.
fn parse_civil(text: &str) -> Result<(Civil, i64, &str), String> {
    let b = text.as_bytes();
    if b.len() < 19
        || !text.is_char_boundary(19)
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return Err(bad(text));
    }
    let num = |r: std::ops::Range<usize>| digits(&text[r]).ok_or_else(|| bad(text));
    let civil = Civil {
        year: num(0..4)? as i32,
        month: num(5..7)?,
        day: num(8..10)?,
        hour: num(11..13)?,
        minute: num(14..16)?,
        second: num(17..19)?,
    };
    if !(1..=12).contains(&civil.month)
        || civil.day == 0
        || civil.day > days_in_month(civil.year, civil.month)
        || civil.hour > 23
        || civil.minute > 59
        || civil.second > 60
    {
        return Err(bad(text));
    }
    let mut rest = &text[19..];
    let mut millis = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(bad(text));
        }
        let mut scaled = 0i64;
        for (i, d) in frac.bytes().take(3).take_while(u8::is_ascii_digit).enumerate() {
            scaled += i64::from(d - b'0') * [100, 10, 1][i];
        }
        millis = scaled;
        rest = &frac[n..];
    }
    Ok((civil, millis, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_dates_are_read_leniently() {
        let at = |t: &str| parse_lenient(t).map(|(ts, note)| (ts.to_rfc3339(), note.is_some()));
        assert_eq!(
            at("2024-04-27T09:30:00+02:00"),
            Ok(("2024-04-27T09:30:00+02:00".into(), false))
        );
        // Real feeds: adactio's, curtclifton's and InfluxData's JSON Feeds.
        assert_eq!(
            at("2022-07-26 13:01:01"),
            Ok(("2022-07-26T13:01:01Z".into(), true))
        );
        assert_eq!(at("2018-01-06T08:00"), Ok(("2018-01-06T08:00:00Z".into(), true)));
        assert_eq!(
            at("Fri, 31 May 2019 12:17:58 -0700"),
            Ok(("2019-05-31T12:17:58-07:00".into(), false))
        );
        assert_eq!(
            at("Mon, 24 Sep 2018 10:00:00 EST"),
            Ok(("2018-09-24T10:00:00-05:00".into(), false))
        );
        // The Herald Sun's RSS 0.92: a two-digit year and a time without colon.
        assert_eq!(
            at("03 Apr 02 1500 GMT"),
            Ok(("2002-04-03T15:00:00Z".into(), false))
        );
        assert_eq!(
            at("3 Apr 2002 15:00 GMT"),
            Ok(("2002-04-03T15:00:00Z".into(), false))
        );
        assert_eq!(
            at("2024-04-27T09:30+0200"),
            Ok(("2024-04-27T09:30:00+02:00".into(), true))
        );
        assert_eq!(at("2024-04-27"), Ok(("2024-04-27T00:00:00Z".into(), true)));
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-30T10:00",
            "Fri, 31 Foo 2019 12:17:58 GMT",
            "2024-04-27T25:00",
            "2024-04-27T09:30 +99:00",
        ] {
            assert!(parse_lenient(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_offsets_and_orders_by_instant() {
        let a = Timestamp::parse_rfc3339("2024-04-27T09:30:00+02:00").unwrap();
        let b = Timestamp::parse_rfc3339("2024-04-27T07:30:00Z").unwrap();
        assert_eq!(a.unix_ms, b.unix_ms);
        assert_eq!(a.unix_ms, 1_714_203_000_000);
        assert_eq!(a.offset_minutes, 120);
        let c = Timestamp::parse_rfc3339("2024-04-27T07:30:00.250-05:30").unwrap();
        assert_eq!(c.unix_ms, 1_714_203_000_000 + 250 + (5 * 60 + 30) * 60_000);
        assert!(c > a);
    }

    #[test]
    fn rejects_offsets_with_characters_that_are_not_digits() {
        for text in [
            "2024-04-27T09:30:00+0é00",
            "2024-04-27T09:30:00+02é0",
            "2024-04-27T09:30:00+0:200",
            "2024-04-27T09:30:00+ab:cd",
        ] {
            let err = Timestamp::parse_rfc3339(text).unwrap_err();
            assert!(err.contains(text), "{err}");
        }
    }

    #[test]
    fn writes_back_at_the_source_offset() {
        for s in [
            "2024-04-27T09:30:00+02:00",
            "2020-02-29T23:59:59Z",
            "1999-12-31T18:00:00-05:30",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(s).unwrap().to_rfc3339(), s);
        }
    }

    #[test]
    fn rejects_what_is_not_rfc_3339_with_a_reason() {
        assert_eq!(
            Timestamp::parse_rfc3339("2024-04-27T09:30:00").unwrap_err(),
            "`2024-04-27T09:30:00` has no UTC offset (add `Z` or `+hh:mm`, as RFC 3339 requires)"
        );
        for s in [
            "27/04/2024",
            "2024-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-04-27T24:00:00Z",
            "2024-04-27T09:30:00+2:00",
            "2024-04-27T09:30:00.Z",
            "2024-04-27T09:30:00+02:00 trailing",
            "2024-04-2é09:30:00Z",
        ] {
            assert_eq!(
                Timestamp::parse_rfc3339(s).unwrap_err(),
                format!("`{s}` is not an RFC 3339 date-time such as 2024-04-27T09:30:00+02:00"),
                "{s}"
            );
        }
    }

    #[test]
    fn wordpress_gmt_dates_have_no_suffix() {
        let t = Timestamp::parse_utc_naive("2024-04-27T07:30:00").unwrap();
        assert_eq!(t.unix_ms, 1_714_203_000_000);
        assert_eq!(t.to_rfc3339(), "2024-04-27T07:30:00Z");
        assert!(Timestamp::parse_utc_naive("2024-04-27").is_err());
    }

    #[test]
    fn civil_day_numbers_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 19_840, 60_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
    }
}
