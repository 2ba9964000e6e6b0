//! Open-Meteo's forecast response as current weather: the `current` object
//! (`/v1/forecast?…&current=temperature_2m,weather_code,is_day`) with its
//! `current_units`, or the older `current_weather` object
//! (`&current_weather=true`: `temperature`, `weathercode`, `is_day`). The
//! condition is optional (the temperature alone is shown); a response
//! without units is in °C, Open-Meteo's default, and the console says so.

use super::config::Units;
use super::decode::At;
use super::error::{Parsed, Problem};
use super::json::Json;
use super::weather::{convert, Condition, Weather};

/// The weather in `units`, whatever unit the response is in.
pub fn weather(doc: &Json, units: Units) -> Result<Parsed<Weather>, Problem> {
    let mut warnings = Vec::new();
    read(&At::root(doc), units, &mut warnings)
        .map(|value| Parsed { value, warnings })
        .map_err(|e| Problem::Schema(*e))
}

fn read(root: &At, units: Units, warnings: &mut Vec<String>) -> super::decode::Result<Weather> {
    // The member names of the current object and of the older one.
    let (current, units_key, [temperature_key, code_key]) = match root.field("current")? {
        Some(c) => (c, "current_units", ["temperature_2m", "weather_code"]),
        None => match root.field("current_weather")? {
            Some(c) => (c, "current_weather_units", ["temperature", "weathercode"]),
            None => return Err(root.error("missing field `current` (or the older `current_weather`)")),
        },
    };
    let temperature = current.required(temperature_key)?.number()?;
    let from = match root.field(units_key)? {
        Some(u) => match u.field(temperature_key)? {
            Some(unit) => match unit.string()?.as_str() {
                "°C" | "C" | "celsius" => Units::Celsius,
                "°F" | "F" | "fahrenheit" => Units::Fahrenheit,
                other => {
                    return Err(unit.error(format!("unknown temperature unit `{other}` (expected °C or °F)")))
                }
            },
            None => celsius(warnings),
        },
        None => celsius(warnings),
    };
    // Optional: a code that is not one drops the condition, not the weather.
    let condition = match current.field(code_key)? {
        Some(code) => match code.integer(0, 99) {
            Ok(n) => Some(Condition::from_wmo(n as u32)),
            Err(e) => {
                warnings.push(format!("left out the weather's condition: {e}"));
                None
            }
        },
        None => None,
    };
    let is_day = match current.field("is_day")? {
        Some(v) => v.integer(0, 1)? == 1,
        None => true,
    };
    Ok(Weather {
        temperature: convert(temperature, from, units),
        units,
        condition,
        is_day,
    })
}

fn celsius(warnings: &mut Vec<String>) -> Units {
    warnings.push("the weather has no temperature unit: read as °C, Open-Meteo's default".to_string());
    Units::Celsius
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    const CELSIUS: &str = r#"{"latitude":40.4165,"longitude":-3.7026,"generationtime_ms":0.03,"utc_offset_seconds":7200,
        "timezone":"Europe/Madrid","timezone_abbreviation":"GMT+2","elevation":657.0,
        "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°C","weather_code":"wmo code","is_day":""},
        "current":{"time":"2024-04-27T12:00","interval":900,"temperature_2m":13.5,"weather_code":2,"is_day":1}}"#;

    #[test]
    fn reads_a_celsius_response_in_either_unit() {
        let doc = parse(CELSIUS).unwrap();
        let w = weather(&doc, Units::Celsius).unwrap().value;
        assert_eq!(w.temperature, 13.5);
        assert_eq!(w.condition, Some(Condition::PartlyCloudy));
        assert!(w.is_day);
        let f = weather(&doc, Units::Fahrenheit).unwrap().value;
        assert!((f.temperature - 56.3).abs() < 1e-9);
        assert_eq!(f.units, Units::Fahrenheit);
    }

    #[test]
    fn reads_a_fahrenheit_response() {
        let doc = parse(
            &CELSIUS
                .replace("\"°C\"", "\"°F\"")
                .replace("13.5", "56.3")
                .replace("\"is_day\":1", "\"is_day\":0"),
        )
        .unwrap();
        let w = weather(&doc, Units::Celsius).unwrap().value;
        assert!((w.temperature - 13.5).abs() < 1e-9);
        assert!(!w.is_day);
    }

    #[test]
    fn names_what_is_missing_or_wrong() {
        let err = |text: &str| match weather(&parse(text).unwrap(), Units::Celsius) {
            Err(Problem::Schema(e)) => e.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            err(r#"{"latitude":1}"#),
            "missing field `current` (or the older `current_weather`) at $ (line 1)"
        );
        assert_eq!(
            err(&CELSIUS.replace("\"temperature_2m\":13.5", "\"temperature_2m\":\"warm\"")),
            "`temperature_2m` must be a number, found a string at $.current.temperature_2m (line 4)"
        );
        assert_eq!(
            err(&CELSIUS.replace("\"°C\"", "\"K\"")),
            "unknown temperature unit `K` (expected °C or °F) at $.current_units.temperature_2m (line 3)"
        );
        // A bad condition is dropped with a warning; the temperature stays.
        let odd = weather(
            &parse(&CELSIUS.replace("\"weather_code\":2", "\"weather_code\":2.5")).unwrap(),
            Units::Celsius,
        )
        .unwrap();
        assert_eq!((odd.value.temperature, odd.value.condition), (13.5, None));
        assert_eq!(
            odd.warnings,
            ["left out the weather's condition: `weather_code` must be a whole number from 0 to 99 at $.current.weather_code (line 4)"]
        );
    }

    /// Recorded answers (tests/fixtures/real/README.md).
    fn real(name: &str) -> Json {
        crate::core::fixtures::real("open-meteo", name)
    }

    #[test]
    fn reads_real_answers_of_every_shape() {
        // With `current_units`, minified and not.
        let w = weather(&real("paris-current-units-minified.json"), Units::Celsius).unwrap();
        assert!(w.warnings.is_empty());
        let w = weather(&real("santa-cruz-bo-current-units.json"), Units::Celsius).unwrap();
        assert!(w.value.condition.is_some());
        // Fahrenheit with mp/h and inches.
        let f = weather(&real("charlotte-fahrenheit-mph-inch.json"), Units::Fahrenheit).unwrap();
        assert_eq!(f.value.units, Units::Fahrenheit);
        // `current` without `current_units`: °C, said so. Ancona: 25.1 °C, mainly clear.
        let a = weather(&real("ancona-current-without-units.json"), Units::Celsius).unwrap();
        assert_eq!(a.value.temperature, 25.1);
        assert_eq!(a.value.condition, Some(Condition::from_wmo(1)));
        assert!(a.warnings[0].contains("read as °C"), "{:?}", a.warnings);
        // Forecasts with no current weather at all: a clear error, as before.
        for name in [
            "taipei-daily-only-no-weather-code.json",
            "yosemite-hourly-only.json",
            "enschede-minimal-no-weather-data.json",
        ] {
            let e = weather(&real(name), Units::Celsius).unwrap_err();
            assert!(
                matches!(e, Problem::Schema(ref s) if s.message.contains("current_weather")),
                "{name}: {e:?}"
            );
        }
    }

    #[test]
    fn reads_real_answers_with_the_older_current_weather_object() {
        // (file, °C, condition, day): a float code and no `is_day`; a unix
        // time; `is_day` and an hourly forecast besides.
        for (name, temperature, condition, day) in [
            (
                "chapel-hill-legacy-current-weather-float-code.json",
                66.7,
                Condition::from_wmo(0),
                true,
            ),
            (
                "southampton-gb-legacy-current-weather-unixtime.json",
                23.3,
                Condition::from_wmo(0),
                true,
            ),
            (
                "madrid-legacy-current-weather-is-day.json",
                32.8,
                Condition::Overcast,
                true,
            ),
        ] {
            let doc = real(name);
            assert_eq!(
                crate::core::feed::detect(&doc),
                Some(crate::core::error::Format::OpenMeteo),
                "{name}"
            );
            let w = weather(&doc, Units::Celsius).unwrap();
            assert_eq!(
                (w.value.temperature, w.value.condition, w.value.is_day),
                (temperature, Some(condition), day),
                "{name}"
            );
            // No units in these answers: °C, said so.
            assert!(w.warnings[0].contains("read as °C"), "{name}: {:?}", w.warnings);
        }
    }

    #[test]
    fn the_condition_is_optional_and_the_older_object_is_read() {
        let no_code = CELSIUS.replace(",\"weather_code\":2", "");
        let w = weather(&parse(&no_code).unwrap(), Units::Celsius).unwrap().value;
        assert_eq!((w.temperature, w.condition), (13.5, None));
        // `&current_weather=true`, as weather apps written before 2023 ask.
        let legacy = r#"{"latitude":52.52,"longitude":13.41,"current_weather":{"time":"2023-01-01T12:00","temperature":3.4,"windspeed":10.1,"winddirection":250,"weathercode":3,"is_day":1},"current_weather_units":{"temperature":"°C","weathercode":"wmo code"}}"#;
        let w = weather(&parse(legacy).unwrap(), Units::Fahrenheit).unwrap().value;
        assert!((w.temperature - 38.12).abs() < 1e-9);
        assert_eq!(w.condition, Some(Condition::Overcast));
        assert_eq!(
            crate::core::feed::detect(&parse(legacy).unwrap()),
            Some(crate::core::error::Format::OpenMeteo)
        );
        assert_eq!(
            crate::core::feed::detect(&parse(&no_code).unwrap()),
            Some(crate::core::error::Format::OpenMeteo)
        );
    }
}
