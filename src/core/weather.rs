//! Current weather: the temperature in the configured unit and the
//! condition from the WMO weather interpretation code (the table Open-Meteo
//! documents for `weather_code`).

use super::config::Units;
use super::i18n::Strings;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weather {
    /// In `units`.
    pub temperature: f64,
    pub units: Units,
    /// `None` when the source gives no condition: the temperature alone is shown.
    pub condition: Option<Condition>,
    pub is_day: bool,
}

/// WMO weather interpretation codes, grouped as readers know them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    Clear,
    MainlyClear,
    PartlyCloudy,
    Overcast,
    Fog,
    Drizzle,
    FreezingDrizzle,
    Rain,
    FreezingRain,
    Snow,
    SnowGrains,
    RainShowers,
    SnowShowers,
    Thunderstorm,
    ThunderstormHail,
    Unknown,
}

/// The pictogram shown beside the condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Sun,
    Moon,
    SunCloud,
    MoonCloud,
    Cloud,
    Fog,
    Rain,
    Snow,
    Thunder,
}

impl Condition {
    pub fn from_wmo(code: u32) -> Condition {
        match code {
            0 => Condition::Clear,
            1 => Condition::MainlyClear,
            2 => Condition::PartlyCloudy,
            3 => Condition::Overcast,
            45 | 48 => Condition::Fog,
            51 | 53 | 55 => Condition::Drizzle,
            56 | 57 => Condition::FreezingDrizzle,
            61 | 63 | 65 => Condition::Rain,
            66 | 67 => Condition::FreezingRain,
            71 | 73 | 75 => Condition::Snow,
            77 => Condition::SnowGrains,
            80..=82 => Condition::RainShowers,
            85 | 86 => Condition::SnowShowers,
            95 => Condition::Thunderstorm,
            96 | 99 => Condition::ThunderstormHail,
            _ => Condition::Unknown,
        }
    }

    pub fn text(self, t: &Strings) -> &'static str {
        match self {
            Condition::Clear => t.weather_clear,
            Condition::MainlyClear => t.weather_mainly_clear,
            Condition::PartlyCloudy => t.weather_partly_cloudy,
            Condition::Overcast => t.weather_overcast,
            Condition::Fog => t.weather_fog,
            Condition::Drizzle => t.weather_drizzle,
            Condition::FreezingDrizzle => t.weather_freezing_drizzle,
            Condition::Rain => t.weather_rain,
            Condition::FreezingRain => t.weather_freezing_rain,
            Condition::Snow => t.weather_snow,
            Condition::SnowGrains => t.weather_snow_grains,
            Condition::RainShowers => t.weather_rain_showers,
            Condition::SnowShowers => t.weather_snow_showers,
            Condition::Thunderstorm => t.weather_thunderstorm,
            Condition::ThunderstormHail => t.weather_thunderstorm_hail,
            Condition::Unknown => t.weather_unknown,
        }
    }

    pub fn icon(self, is_day: bool) -> Icon {
        match self {
            Condition::Clear | Condition::Unknown if is_day => Icon::Sun,
            Condition::Clear | Condition::Unknown => Icon::Moon,
            Condition::MainlyClear | Condition::PartlyCloudy if is_day => Icon::SunCloud,
            Condition::MainlyClear | Condition::PartlyCloudy => Icon::MoonCloud,
            Condition::Overcast => Icon::Cloud,
            Condition::Fog => Icon::Fog,
            Condition::Drizzle
            | Condition::FreezingDrizzle
            | Condition::Rain
            | Condition::FreezingRain
            | Condition::RainShowers => Icon::Rain,
            Condition::Snow | Condition::SnowGrains | Condition::SnowShowers => Icon::Snow,
            Condition::Thunderstorm | Condition::ThunderstormHail => Icon::Thunder,
        }
    }
}

/// A temperature converted between units.
pub fn convert(value: f64, from: Units, to: Units) -> f64 {
    match (from, to) {
        (Units::Celsius, Units::Fahrenheit) => value * 9.0 / 5.0 + 32.0,
        (Units::Fahrenheit, Units::Celsius) => (value - 32.0) * 5.0 / 9.0,
        _ => value,
    }
}

/// Rounded to one decimal, as shown ("13.5"); -0.0 shows as 0.
pub fn one_decimal(value: f64) -> f64 {
    let r = (value * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{EN, ES};

    #[test]
    fn every_wmo_code_has_its_condition() {
        let table = [
            (0, Condition::Clear),
            (1, Condition::MainlyClear),
            (2, Condition::PartlyCloudy),
            (3, Condition::Overcast),
            (45, Condition::Fog),
            (48, Condition::Fog),
            (51, Condition::Drizzle),
            (55, Condition::Drizzle),
            (56, Condition::FreezingDrizzle),
            (61, Condition::Rain),
            (65, Condition::Rain),
            (66, Condition::FreezingRain),
            (71, Condition::Snow),
            (77, Condition::SnowGrains),
            (80, Condition::RainShowers),
            (82, Condition::RainShowers),
            (85, Condition::SnowShowers),
            (95, Condition::Thunderstorm),
            (96, Condition::ThunderstormHail),
            (99, Condition::ThunderstormHail),
            (4, Condition::Unknown),
            (100, Condition::Unknown),
        ];
        for (code, condition) in table {
            assert_eq!(Condition::from_wmo(code), condition, "{code}");
        }
        assert_eq!(Condition::from_wmo(2).text(&EN), "Partly cloudy");
        assert_eq!(Condition::from_wmo(2).text(&ES), "Parcialmente nublado");
        assert_eq!(Condition::from_wmo(0).icon(false), Icon::Moon);
        assert_eq!(Condition::from_wmo(2).icon(true), Icon::SunCloud);
        assert_eq!(Condition::from_wmo(81).icon(true), Icon::Rain);
        assert_eq!(Condition::from_wmo(99).icon(false), Icon::Thunder);
    }

    #[test]
    fn converts_and_rounds_temperatures() {
        assert_eq!(
            one_decimal(convert(13.5, Units::Celsius, Units::Fahrenheit)),
            56.3
        );
        assert_eq!(
            one_decimal(convert(56.3, Units::Fahrenheit, Units::Celsius)),
            13.5
        );
        assert_eq!(
            one_decimal(convert(-40.0, Units::Celsius, Units::Fahrenheit)),
            -40.0
        );
        assert_eq!(one_decimal(convert(13.5, Units::Celsius, Units::Celsius)), 13.5);
        assert_eq!(one_decimal(-0.04), 0.0);
        assert!(one_decimal(-0.04).is_sign_positive());
        assert_eq!(one_decimal(13.46), 13.5);
    }
}
