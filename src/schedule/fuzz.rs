//! Interval fuzz: a small, deterministic spread of due dates.
//!
//! Cards learned together would otherwise come back together forever. We use Anki's published
//! fuzz ranges so that users moving between the two see the same spread: no fuzz below 2.5
//! days, then ±(1 day + 15 % of the part of the interval between 2.5 and 7 days + 10 % of the
//! part between 7 and 20 + 5 % of the part above 20). One uniform factor in `[0, 1)` picks the
//! day within that range, so the same factor always gives the same interval.

/// `(from_days, to_days, fraction)`: each day of the interval inside `from..to` widens the
/// range by `fraction` days on either side.
const RANGES: [(f32, f32, f32); 3] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.10),
    (20.0, f32::INFINITY, 0.05),
];

/// Rounds half away from zero to whole days; negative and NaN give 0, huge values saturate.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(crate) fn round_days(days: f32) -> u32 {
    // `as` saturates and maps NaN to 0, which the callers' clamps then lift to their minimum.
    days.round() as u32
}

/// How far, in days, the fuzz range reaches on either side of `interval`.
fn spread(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    1.0 + RANGES
        .iter()
        .map(|&(from, to, fraction)| fraction * (interval.min(to) - from).max(0.0))
        .sum::<f32>()
}

/// The inclusive range `(lower, upper)` of days that `interval` may be fuzzed to, inside
/// `minimum..=maximum`. Where the limits allow, an interval above 2 days gets at least two
/// choices, so a minimum that swallows the whole range still leaves some spread.
pub(crate) fn bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    #[allow(clippy::cast_precision_loss)]
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let spread = spread(interval);
    let lower = round_days(interval - spread).clamp(minimum, maximum);
    let mut upper = round_days(interval + spread).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper += 1;
    }
    (lower, upper)
}

/// `interval` (raw FSRS days) as whole days within `minimum..=maximum`: fuzzed by `factor`
/// when given, otherwise rounded half away from zero.
pub(crate) fn days(interval: f32, minimum: u32, maximum: u32, factor: Option<f32>) -> u32 {
    match factor {
        None => round_days(interval).clamp(minimum.min(maximum), maximum),
        Some(factor) => {
            let (lower, upper) = bounds(interval, minimum, maximum);
            let choices = f64::from(upper - lower + 1);
            // factor < 1, but float rounding could still reach `upper + 1` on wide ranges.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let offset = (f64::from(factor) * choices).floor() as u32;
            (lower + offset).min(upper)
        }
    }
}

/// A learning or relearning step delay with fuzz: up to 25 % longer, at most 5 minutes more,
/// so a batch of new cards answered together does not stay in lockstep.
pub(crate) fn step_delay(secs: u32, factor: Option<f32>) -> u32 {
    let Some(factor) = factor else {
        return secs;
    };
    let extra = (secs / 4).min(300);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let added = (f64::from(factor) * f64::from(extra)).floor() as u32;
    secs.saturating_add(added.min(extra.saturating_sub(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_middle_upper(interval: f32, min: u32, max: u32) -> (u32, u32, u32) {
        (
            days(interval, min, max, Some(0.0)),
            days(interval, min, max, Some(0.5)),
            days(interval, min, max, Some(0.99)),
        )
    }

    #[test]
    fn no_fuzz_rounds_half_away_from_zero_and_clamps() {
        assert_eq!(days(1.5, 1, 100, None), 2);
        assert_eq!(days(2.5, 1, 100, None), 3);
        assert_eq!(days(0.1, 1, 100, None), 1);
        assert_eq!(days(101.0, 1, 100, None), 100);
        assert_eq!(days(f32::NAN, 1, 100, None), 1);
        // A minimum above the maximum yields the maximum rather than panicking.
        assert_eq!(days(5.0, 9, 7, None), 7);
    }

    #[test]
    fn fuzz_ranges_grow_with_the_interval() {
        assert_eq!(lower_middle_upper(1.0, 1, 1000), (1, 1, 1));
        assert_eq!(lower_middle_upper(2.49, 1, 1000), (2, 2, 2));
        assert_eq!(lower_middle_upper(2.5, 1, 1000), (2, 3, 4));
        assert_eq!(lower_middle_upper(7.0, 1, 1000), (5, 7, 9));
        assert_eq!(lower_middle_upper(17.0, 1, 1000), (14, 17, 20));
        assert_eq!(lower_middle_upper(37.0, 1, 1000), (33, 37, 41));
    }

    #[test]
    fn fuzz_respects_limits() {
        assert_eq!(lower_middle_upper(2.0, 3, 1000), (3, 4, 4));
        assert_eq!(lower_middle_upper(2.0, 3, 3), (3, 3, 3));
        assert_eq!(lower_middle_upper(100.0, 101, 1000), (101, 105, 108));
        assert_eq!(lower_middle_upper(100.0, 1, 99), (92, 96, 99));
        assert_eq!(bounds(1.0, 3, 2), (2, 2));
        // The largest factor below 1 stays inside the range even when it is wide.
        let almost_one = 1.0 - f32::EPSILON / 2.0;
        let (_, upper) = bounds(36_000.0, 1, 36_500);
        assert_eq!(days(36_000.0, 1, 36_500, Some(almost_one)), upper);
    }

    #[test]
    fn step_delay_adds_at_most_a_quarter_or_five_minutes() {
        assert_eq!(step_delay(600, None), 600);
        assert_eq!(step_delay(600, Some(0.0)), 600);
        assert!(step_delay(600, Some(0.999)) < 600 + 150);
        assert!(step_delay(86_400, Some(0.999)) < 86_400 + 300);
        assert_eq!(step_delay(1, Some(0.9)), 1);
    }
}
