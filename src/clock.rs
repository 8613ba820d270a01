//! The one place that reads the system clock, and parsing of the `QUIZ_NOW` override.

/// Unix seconds now.
pub fn system_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The latest instant quiz accepts: 9999-12-31T23:59:59Z. Every date computed from a time
/// up to it (plus any interval the scheduler gives) stays far inside `i64`.
pub const MAX_INSTANT: i64 = 253_402_300_799;

/// Unix seconds, or `YYYY-MM-DDTHH:MM:SSZ` (UTC), from 1970 to the end of 9999.
pub fn parse_instant(s: &str) -> Option<i64> {
    parse_any_instant(s).filter(|n| (0..=MAX_INSTANT).contains(n))
}

fn parse_any_instant(s: &str) -> Option<i64> {
    if let Ok(n) = s.trim().parse::<i64>() {
        return Some(n);
    }
    let s = s.trim().strip_suffix('Z')?;
    let (date, time) = s.split_once('T')?;
    let d = crate::dates::FactDate::parse(date)?;
    let (month, day) = (d.month?, d.day?);
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, sec) = (t.next()??, t.next()??, t.next().unwrap_or(Some(0))?);
    if t.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(d.year, month, day) * 86_400 + h * 3600 + m * 60 + sec)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01): the inverse of [`days_from_civil`].
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_instants() {
        assert_eq!(parse_instant("0"), Some(0));
        assert_eq!(parse_instant("2021-05-12T00:00:00Z"), Some(1_620_777_600));
        assert_eq!(parse_instant("2021-05-12T25:00:00Z"), None);
        assert_eq!(parse_instant("yesterday"), None);
        assert_eq!(parse_instant(&i64::MAX.to_string()), None);
        assert_eq!(parse_instant("-1"), None);
        assert_eq!(parse_instant("9999-12-31T23:59:59Z"), Some(MAX_INSTANT));
    }

    #[test]
    fn civil_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 12, 20), (9999, 12, 31)] {
            let n = days_from_civil(y, m, d);
            assert_eq!(civil_date(n), format!("{y:04}-{m:02}-{d:02}"));
        }
    }
}
