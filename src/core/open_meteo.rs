//! Open-Meteo's forecast response (`/v1/forecast?…&current=temperature_2m,
//! weather_code,is_day`) as current weather.

use super::config::Units;
use super::decode::At;
use super::error::{Parsed, Problem};
use super::json::Json;
use super::weather::{convert, Condition, Weather};

/// The weather in `units`, whatever unit the response is in.
pub fn weather(doc: &Json, units: Units) -> Result<Parsed<Weather>, Problem> {
    read(&At::root(doc), units)
        .map(|value| Parsed {
            value,
            warnings: Vec::new(),
        })
        .map_err(|e| Problem::Schema(*e))
}

fn read(root: &At, units: Units) -> super::decode::Result<Weather> {
    let current = root.required("current")?;
    let temperature = current.required("temperature_2m")?.number()?;
    let unit = root.required("current_units")?.req_text("temperature_2m")?;
    let from = match unit.as_str() {
        "°C" | "C" | "celsius" => Units::Celsius,
        "°F" | "F" | "fahrenheit" => Units::Fahrenheit,
        other => {
            let at = root.required("current_units")?;
            return Err(at
                .required("temperature_2m")?
                .error(format!("unknown temperature unit `{other}` (expected °C or °F)")));
        }
    };
    let code = current.required("weather_code")?.integer(0, 99)? as u32;
    let is_day = match current.field("is_day")? {
        Some(v) => v.integer(0, 1)? == 1,
        None => true,
    };
    Ok(Weather {
        temperature: convert(temperature, from, units),
        units,
        condition: Condition::from_wmo(code),
        is_day,
    })
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
        assert_eq!(w.condition, Condition::PartlyCloudy);
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
        assert_eq!(err(r#"{"latitude":1}"#), "missing field `current` at $ (line 1)");
        assert_eq!(
            err(&CELSIUS.replace("\"temperature_2m\":13.5", "\"temperature_2m\":\"warm\"")),
            "`temperature_2m` must be a number, found a string at $.current.temperature_2m (line 4)"
        );
        assert_eq!(
            err(&CELSIUS.replace("\"°C\"", "\"K\"")),
            "unknown temperature unit `K` (expected °C or °F) at $.current_units.temperature_2m (line 3)"
        );
        assert_eq!(
            err(&CELSIUS.replace("\"weather_code\":2", "\"weather_code\":2.5")),
            "`weather_code` must be a whole number from 0 to 99 at $.current.weather_code (line 4)"
        );
    }
}
