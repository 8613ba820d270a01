//! Scheduling settings: what `quiz config` shows and sets.
//!
//! Every setting has a text form so that it can be stored as a key/value row and typed on the
//! command line; [`Settings::set`] parses and validates that form, [`Settings::get`] and
//! [`Settings::entries`] print it back in the canonical form (`set(k, get(k))` is a no-op).

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// Lowest and highest desired retention accepted. Below 0.70 the intervals FSRS computes grow
/// so long that most answers are forgotten; at 1.0 the interval is 0 days. Anki's own range tops
/// out at 0.97 as well.
pub const RETENTION_RANGE: (f32, f32) = (0.70, 0.97);

/// The longest maximum interval we accept: 100 years, Anki's limit and FSRS's stability cap.
pub const MAX_INTERVAL_LIMIT: u32 = 36_500;

/// The setting keys, in the order `quiz config` lists them, each with a one-line description.
pub const KEYS: &[(&str, &str)] = &[
    (
        "desired_retention",
        "chance of recalling a question when it comes back (0.70 to 0.97)",
    ),
    (
        "learning_steps",
        "delays between the first answers to a new fact, e.g. \"10m\" (a right first answer \
         then comes back on a later day); \"\" for none",
    ),
    (
        "relearning_steps",
        "delays after a forgotten review before it is scheduled in days again, e.g. \"10m\"",
    ),
    (
        "maximum_interval_days",
        "longest time in days before a question comes back (1 to 36500)",
    ),
    (
        "rollover_hour",
        "local hour at which a new study day begins (0 to 23)",
    ),
    ("new_per_day", "new facts introduced per day at most"),
    ("reviews_per_day", "reviews of facts shown per day at most"),
    (
        "new_order",
        "which deck's new facts come first: interleave (every deck every day) or deck (one deck \
         after another, in the order they were added or named)",
    ),
    (
        "leech_threshold",
        "forgotten reviews after which a fact is a leech (0 = never)",
    ),
    (
        "fuzz",
        "spread review dates a little so questions learned together do not all come back together",
    ),
    (
        "parameters",
        "FSRS model parameters (17, 19 or 21 numbers); \"\" for the FSRS-6 defaults",
    ),
    (
        "exam_date",
        "the day of your exam, YYYY-MM-DD, or none: until then facts at risk of being \
         forgotten by that day come first (docs/exam.md); `--deck ID` sets one deck's",
    ),
    (
        "ui_language",
        "language of the interface: en, zh, or auto (from LC_ALL, LC_MESSAGES or LANG)",
    ),
];

/// The key prefix of a deck's own exam date: `exam_date.DECK`.
pub const DECK_EXAM_PREFIX: &str = "exam_date.";

/// Scheduling settings, shared by all decks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Target probability of recall when a review comes due (valid: 0.70..=0.97).
    pub desired_retention: f32,
    /// Learning steps for new cards, in seconds. Empty: a new card graduates on its first answer.
    pub learning_steps: Vec<u32>,
    /// Relearning steps after a lapse, in seconds. Empty: a lapse goes straight back to review.
    pub relearning_steps: Vec<u32>,
    /// Upper bound for every review interval, in days (valid: 1..=36500).
    pub maximum_interval_days: u32,
    /// Local hour at which the study day changes (valid: 0..=23).
    pub rollover_hour: u8,
    /// New cards introduced per study day.
    pub new_per_day: u32,
    /// Reviews shown per study day.
    pub reviews_per_day: u32,
    /// Lapses at which a card becomes a leech; 0 turns leech detection off.
    pub leech_threshold: u32,
    /// Whether review intervals are fuzzed (Anki-style) to spread the load.
    pub fuzz: bool,
    /// How new facts of several decks are introduced.
    pub new_order: NewOrder,
    /// FSRS parameters: empty for the FSRS-6 defaults, or 17, 19 or 21 finite values.
    pub parameters: Vec<f32>,
    /// The exam day for every deck without its own, as a civil date (days since 1970-01-01).
    pub exam_date: Option<i64>,
    /// Decks' own exam days (key `exam_date.DECK`), which win over [`Settings::exam_date`].
    pub deck_exam_dates: std::collections::BTreeMap<String, i64>,
    /// The interface language: `auto` (the locale decides), `en` or `zh`. Not scheduling,
    /// but a per-database choice like the rest, so `quiz config` sets it too.
    pub ui_language: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.90,
            // One step: a right first answer graduates (the fact comes back on a later day,
            // a rung higher); a wrong one is relearned ten minutes later.
            learning_steps: vec![600],
            relearning_steps: vec![600],
            maximum_interval_days: MAX_INTERVAL_LIMIT,
            rollover_hour: 4,
            new_per_day: 20,
            reviews_per_day: 200,
            leech_threshold: 8,
            fuzz: true,
            new_order: NewOrder::Interleave,
            parameters: Vec::new(),
            exam_date: None,
            deck_exam_dates: std::collections::BTreeMap::new(),
            ui_language: "auto".to_owned(),
        }
    }
}

/// How the new facts of several decks are introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewOrder {
    /// The deck that introduced the fewest new facts today goes next: every deck from day one.
    Interleave,
    /// One deck after another, in the order the decks were named or added.
    Deck,
}

/// A setting that could not be changed; the message is meant for the user as it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingsError {
    /// The key is not one of [`KEYS`].
    #[error("unknown setting `{key}`; known settings: {known}")]
    UnknownKey {
        /// What the user typed.
        key: String,
        /// The known keys, comma-separated.
        known: String,
    },
    /// The value does not parse or is out of range.
    #[error("{key} must be {expected}, got {got}")]
    Invalid {
        /// The setting.
        key: &'static str,
        /// What would have been accepted.
        expected: String,
        /// What was given (quoted when it was not a number).
        got: String,
    },
}

impl Settings {
    /// Takes a setting as stored in the database, leniently: one bad stored value must not
    /// lock the user out of every command (`quiz config` included, which is how it is
    /// repaired). An unknown key is ignored and an invalid value leaves the default; either
    /// way the returned warning says so and how to fix it.
    pub fn set_stored(&mut self, key: &str, value: &str) -> Option<String> {
        let e = self.set(key, value).err()?;
        let key = crate::term::clean_line(key);
        Some(match e {
            SettingsError::UnknownKey { .. } => crate::t!("settings.stored_unknown", key = key),
            SettingsError::Invalid { .. } => crate::t!(
                "settings.stored_invalid",
                key = key,
                reason = crate::term::clean_line(&e.to_string()),
                default = Settings::default().get(&key).unwrap_or_default()
            ),
        })
    }

    /// Parses `value` and stores it under `key`.
    ///
    /// Returns [`SettingsError::UnknownKey`] for an unknown key and [`SettingsError::Invalid`]
    /// (naming the accepted range and the rejected value) for a value that does not parse or is
    /// out of range; on error the settings are unchanged.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SettingsError> {
        let v = value.trim();
        match key {
            "desired_retention" => self.desired_retention = parse_retention(v)?,
            "learning_steps" => self.learning_steps = parse_steps("learning_steps", v)?,
            "relearning_steps" => self.relearning_steps = parse_steps("relearning_steps", v)?,
            "maximum_interval_days" => {
                self.maximum_interval_days = parse_u32_in(
                    "maximum_interval_days",
                    v,
                    1,
                    MAX_INTERVAL_LIMIT,
                    &crate::t!("settings.expected.days"),
                )?;
            }
            "rollover_hour" => {
                let hour = parse_u32_in(
                    "rollover_hour",
                    v,
                    0,
                    23,
                    &crate::t!("settings.expected.hour"),
                )?;
                self.rollover_hour = u8::try_from(hour).expect("range-checked to 0..=23");
            }
            "new_per_day" => {
                self.new_per_day = parse_u32_in(
                    "new_per_day",
                    v,
                    0,
                    u32::MAX,
                    &crate::t!("settings.expected.count"),
                )?;
            }
            "reviews_per_day" => {
                self.reviews_per_day = parse_u32_in(
                    "reviews_per_day",
                    v,
                    0,
                    u32::MAX,
                    &crate::t!("settings.expected.count"),
                )?;
            }
            "leech_threshold" => {
                self.leech_threshold = parse_u32_in(
                    "leech_threshold",
                    v,
                    0,
                    u32::MAX,
                    &crate::t!("settings.expected.lapses"),
                )?;
            }
            "fuzz" => self.fuzz = parse_bool("fuzz", v)?,
            "new_order" => {
                self.new_order = match v {
                    "interleave" => NewOrder::Interleave,
                    "deck" => NewOrder::Deck,
                    _ => {
                        return Err(invalid(
                            "new_order",
                            &crate::t!("settings.expected.new_order"),
                            format!("\"{v}\""),
                        ));
                    }
                }
            }
            "parameters" => self.parameters = parse_parameters(v)?,
            "exam_date" => self.exam_date = parse_exam_date(v)?,
            _ if key.starts_with(DECK_EXAM_PREFIX) && key.len() > DECK_EXAM_PREFIX.len() => {
                let deck = &key[DECK_EXAM_PREFIX.len()..];
                match parse_exam_date(v)? {
                    Some(day) => self.deck_exam_dates.insert(deck.to_owned(), day),
                    None => self.deck_exam_dates.remove(deck),
                };
            }
            "ui_language" => {
                self.ui_language = match v {
                    "auto" | "en" | "zh" => v.to_owned(),
                    _ => {
                        return Err(invalid(
                            "ui_language",
                            &crate::t!("settings.expected.ui_language"),
                            shown(v),
                        ));
                    }
                }
            }
            _ => {
                return Err(SettingsError::UnknownKey {
                    key: key.to_owned(),
                    known: KEYS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", "),
                });
            }
        }
        Ok(())
    }

    /// The canonical text form of the setting `key`, or `None` for an unknown key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<String> {
        Some(match key {
            "desired_retention" => format!("{}", self.desired_retention),
            "learning_steps" => format_steps(&self.learning_steps),
            "relearning_steps" => format_steps(&self.relearning_steps),
            "maximum_interval_days" => self.maximum_interval_days.to_string(),
            "rollover_hour" => self.rollover_hour.to_string(),
            "new_per_day" => self.new_per_day.to_string(),
            "reviews_per_day" => self.reviews_per_day.to_string(),
            "leech_threshold" => self.leech_threshold.to_string(),
            "fuzz" => self.fuzz.to_string(),
            "new_order" => match self.new_order {
                NewOrder::Interleave => "interleave".to_owned(),
                NewOrder::Deck => "deck".to_owned(),
            },
            "parameters" => self
                .parameters
                .iter()
                .map(f32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            "exam_date" => format_exam_date(self.exam_date),
            _ if key.starts_with(DECK_EXAM_PREFIX) && key.len() > DECK_EXAM_PREFIX.len() => {
                format_exam_date(
                    self.deck_exam_dates
                        .get(&key[DECK_EXAM_PREFIX.len()..])
                        .copied(),
                )
            }
            "ui_language" => self.ui_language.clone(),
            _ => return None,
        })
    }

    /// Every setting as `(key, canonical value)`, in the order of [`KEYS`].
    #[must_use]
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        KEYS.iter()
            .map(|(k, _)| (*k, self.get(k).expect("every key in KEYS has a value")))
            .collect()
    }

    /// Checks every field, as [`Settings::set`] would have; the scheduler calls this so that a
    /// struct built in code (or loaded from an old database) cannot produce nonsense intervals.
    ///
    /// Returns the first problem found.
    pub fn validate(&self) -> Result<(), SettingsError> {
        check_retention(self.desired_retention, &self.desired_retention.to_string())?;
        for (key, steps) in [
            ("learning_steps", &self.learning_steps),
            ("relearning_steps", &self.relearning_steps),
        ] {
            if steps.contains(&0) {
                return Err(invalid(
                    key,
                    &steps_expected(),
                    format!("{steps:?} (a 0s step)"),
                ));
            }
        }
        if !(1..=MAX_INTERVAL_LIMIT).contains(&self.maximum_interval_days) {
            return Err(invalid(
                "maximum_interval_days",
                &crate::t!("settings.expected.days"),
                self.maximum_interval_days.to_string(),
            ));
        }
        if self.rollover_hour > 23 {
            return Err(invalid(
                "rollover_hour",
                &crate::t!("settings.expected.hour"),
                self.rollover_hour.to_string(),
            ));
        }
        check_parameters(&self.parameters)?;
        Ok(())
    }

    /// The forgetting-curve decay (w20) these parameters give, as the `fsrs` crate will use it:
    /// FSRS-6's own value for 21 parameters (clipped to the crate's 0.1..=0.8), 0.5 for the
    /// older 17- and 19-parameter sets, the FSRS-6 default when empty.
    ///
    /// Returns `None` for a parameter list the crate would reject.
    #[must_use]
    pub fn decay(&self) -> Option<f32> {
        let filled = fsrs::check_and_fill_parameters(&self.parameters).ok()?;
        Some(filled[20].clamp(0.1, 0.8))
    }

    /// The exam day (civil days since 1970-01-01) that applies to `deck`: its own, else the
    /// global one.
    #[must_use]
    pub fn exam_day_for(&self, deck: &str) -> Option<i64> {
        self.deck_exam_dates.get(deck).copied().or(self.exam_date)
    }
}

/// Parses an exam date: `YYYY-MM-DD` (a real calendar day, 1970 to 9999), or `none` (or "")
/// to clear it.
pub fn parse_exam_date(v: &str) -> Result<Option<i64>, SettingsError> {
    if v.is_empty() || v.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || {
        invalid(
            "exam_date",
            &crate::t!("settings.expected.exam_date"),
            shown(v),
        )
    };
    let mut parts = v.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else {
        return Err(bad());
    };
    // jiff knows the length of every month, leap years included.
    let date = jiff::civil::Date::new(y, m, d).map_err(|_| bad())?;
    if date.year() < 1970 {
        return Err(bad());
    }
    let m = u8::try_from(date.month()).map_err(|_| bad())?;
    let d = u8::try_from(date.day()).map_err(|_| bad())?;
    Ok(Some(crate::clock::days_from_civil(
        i32::from(date.year()),
        m,
        d,
    )))
}

/// `YYYY-MM-DD` of a civil day number, or `none`.
#[must_use]
pub fn format_exam_date(day: Option<i64>) -> String {
    match day {
        Some(d) => crate::clock::civil_date(d),
        None => "none".to_owned(),
    }
}

fn steps_expected() -> String {
    crate::t!("settings.expected.steps")
}

fn invalid(key: &'static str, expected: &str, got: String) -> SettingsError {
    SettingsError::Invalid {
        key,
        expected: expected.to_owned(),
        got,
    }
}

/// Quotes what the user typed unless it is a plain number, so an empty or odd value is visible
/// in the message.
fn shown(value: &str) -> String {
    if !value.is_empty() && value.parse::<f64>().is_ok() {
        value.to_owned()
    } else {
        format!("{value:?}")
    }
}

fn parse_retention(v: &str) -> Result<f32, SettingsError> {
    // "90%" is how Anki displays it, so accept that as well as 0.9.
    let parsed = match v.strip_suffix('%') {
        Some(pct) => pct.trim().parse::<f32>().map(|p| p / 100.0),
        None => v.parse::<f32>(),
    };
    let r = parsed.map_err(|_| {
        invalid(
            "desired_retention",
            &crate::t!("settings.expected.retention"),
            shown(v),
        )
    })?;
    check_retention(r, v)?;
    Ok(r)
}

fn check_retention(r: f32, as_typed: &str) -> Result<(), SettingsError> {
    let (lo, hi) = RETENTION_RANGE;
    // The negated test also rejects NaN.
    if !(r >= lo && r <= hi) {
        return Err(invalid(
            "desired_retention",
            &crate::t!("settings.expected.retention_range"),
            shown(as_typed),
        ));
    }
    Ok(())
}

fn parse_u32_in(
    key: &'static str,
    v: &str,
    lo: u32,
    hi: u32,
    expected: &str,
) -> Result<u32, SettingsError> {
    match v.parse::<u32>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(invalid(key, expected, shown(v))),
    }
}

fn parse_bool(key: &'static str, v: &str) -> Result<bool, SettingsError> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" => Ok(false),
        _ => Err(invalid(key, &crate::t!("settings.expected.bool"), shown(v))),
    }
}

/// Parses steps such as `"1m 10m"`, `"30s, 1h"`, `"1d"` or `""` into seconds.
///
/// A bare number counts as minutes, as in Anki's deck options. Fractions are allowed
/// (`1.5m` = 90 s) and rounded to whole seconds; every step must be at least 1 s and below
/// 100 years.
pub fn parse_steps(key: &'static str, v: &str) -> Result<Vec<u32>, SettingsError> {
    let mut steps = Vec::new();
    for token in v
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let bad = || invalid(key, &steps_expected(), format!("{token:?} in {v:?}"));
        let (number, unit_secs) = match token.char_indices().last() {
            Some((i, 's')) => (&token[..i], 1.0),
            Some((i, 'm')) => (&token[..i], 60.0),
            Some((i, 'h')) => (&token[..i], 3_600.0),
            Some((i, 'd')) => (&token[..i], 86_400.0),
            _ => (token, 60.0),
        };
        let n: f64 = number.parse().map_err(|_| bad())?;
        let secs = (n * unit_secs).round();
        if !(1.0..=f64::from(MAX_INTERVAL_LIMIT) * 86_400.0).contains(&secs) {
            return Err(bad());
        }
        // Range-checked just above: a whole number of seconds within u32.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        steps.push(secs as u32);
    }
    Ok(steps)
}

/// Formats steps in the largest unit that divides each one exactly: `[60, 600]` → `"1m 10m"`.
#[must_use]
pub fn format_steps(steps: &[u32]) -> String {
    let mut out = String::new();
    for (i, &s) in steps.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let (n, unit) = if s % 86_400 == 0 {
            (s / 86_400, 'd')
        } else if s % 3_600 == 0 {
            (s / 3_600, 'h')
        } else if s % 60 == 0 {
            (s / 60, 'm')
        } else {
            (s, 's')
        };
        let _ = write!(out, "{n}{unit}");
    }
    out
}

fn parse_parameters(v: &str) -> Result<Vec<f32>, SettingsError> {
    if v.is_empty() || v.eq_ignore_ascii_case("default") {
        return Ok(Vec::new());
    }
    // Accept the bracketed list Anki and py-fsrs print, as well as bare numbers.
    let inner = v.trim_start_matches('[').trim_end_matches(']');
    let mut params = Vec::new();
    for token in inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let p: f32 = token.parse().map_err(|_| {
            invalid(
                "parameters",
                &crate::t!("settings.expected.parameters"),
                format!("{token:?}"),
            )
        })?;
        params.push(p);
    }
    check_parameters(&params)?;
    Ok(params)
}

fn check_parameters(params: &[f32]) -> Result<(), SettingsError> {
    if !matches!(params.len(), 0 | 17 | 19 | 21) {
        return Err(invalid(
            "parameters",
            &crate::t!("settings.expected.parameter_count"),
            format!("{} numbers", params.len()),
        ));
    }
    if let Some(bad) = params.iter().find(|p| !p.is_finite()) {
        return Err(invalid(
            "parameters",
            &crate::t!("settings.expected.finite"),
            bad.to_string(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_settings_are_read_leniently() {
        let mut s = Settings::default();
        let w = s.set_stored("no_such_key", "1").unwrap();
        assert!(w.contains("unknown setting `no_such_key`"), "{w}");
        let w = s.set_stored("rollover_hour", "99").unwrap();
        assert!(w.contains("using the default (4)"), "{w}");
        assert_eq!(s, Settings::default());
        assert_eq!(s.set_stored("rollover_hour", "5"), None);
        assert_eq!(s.rollover_hour, 5);
    }
}
