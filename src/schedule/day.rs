//! Study days: which day an instant belongs to, given a rollover hour and a UTC offset.
//!
//! A study day starts at the rollover hour in local time (default 04:00), so an answer at
//! 03:59 still belongs to the previous day, as in Anki. Everything here is plain arithmetic on
//! the offset the caller passes; only [`local_utc_offset`] reads the system time zone, and only
//! the session shell should call it, so that tests stay deterministic.
//!
//! Review cards are due on a *day*, stored as the instant that day starts. That instant was
//! computed with the UTC offset in force when the card was answered; after a daylight-saving
//! change the same day starts an hour earlier or later. Comparing a stored start-of-day against
//! [`reviews_due_before`] (noon of the current study day) or mapping it back with [`due_day`]
//! absorbs any shift of less than 12 hours, so a DST change never moves a review by a day.

/// Seconds in a day; study days are always this long in offset-adjusted time.
pub const SECS_PER_DAY: i64 = 86_400;

const HALF_DAY: i64 = SECS_PER_DAY / 2;

/// The study day `unix_secs` falls in: days since 1970-01-01, where each day begins at
/// `rollover_hour` local time (local = UTC + `utc_offset_secs`).
///
/// Instants before 1970 give negative days; the division floors, so days never straddle 0.
#[must_use]
pub fn day_number(unix_secs: i64, rollover_hour: u8, utc_offset_secs: i32) -> i64 {
    let local = unix_secs + i64::from(utc_offset_secs) - i64::from(rollover_hour) * 3_600;
    local.div_euclid(SECS_PER_DAY)
}

/// The instant (unix seconds) at which study day `day` begins: its rollover hour in local time.
/// The inverse of [`day_number`]: `day_number(day_start(d, h, o), h, o) == d`.
#[must_use]
pub fn day_start(day: i64, rollover_hour: u8, utc_offset_secs: i32) -> i64 {
    day * SECS_PER_DAY + i64::from(rollover_hour) * 3_600 - i64::from(utc_offset_secs)
}

/// Review cards whose stored `due` is below this instant are due in the current study day (or
/// overdue). It is noon of the current study day rather than its end, so that a due date stored
/// under a different UTC offset (see the module docs) still lands on the right day; with the
/// index on `due` the session's query stays a range scan.
#[must_use]
pub fn reviews_due_before(now: i64, rollover_hour: u8, utc_offset_secs: i32) -> i64 {
    day_start(
        day_number(now, rollover_hour, utc_offset_secs),
        rollover_hour,
        utc_offset_secs,
    ) + HALF_DAY
}

/// The study day a review card's stored `due` (a day start) denotes, robust to the offset
/// having changed since it was stored.
#[must_use]
pub fn due_day(due: i64, rollover_hour: u8, utc_offset_secs: i32) -> i64 {
    day_number(due + HALF_DAY, rollover_hour, utc_offset_secs)
}

/// The UTC offset, in seconds, of the system's local time zone at `unix_secs`.
///
/// The zone comes from `TZ` if set, else `/etc/localtime`, read through the system tz database;
/// it falls back to UTC (offset 0) if neither can be read, which only shifts when the study day
/// begins. Daylight-saving time is honoured: pass the instant you are asking about.
#[must_use]
pub fn local_utc_offset(unix_secs: i64) -> i32 {
    utc_offset_in(&system_zone(), unix_secs)
}

/// The system's time zone: `TZ` if set, else `/etc/localtime`.
///
/// A zone named by `TZ` (or nothing) is read straight from its TZif file, as the C library
/// does. The zone library's own lookup first lists every zone of the system's database: on
/// Debian 21 directories opened and listed, 103 of the 463 system calls from `quiz study` to
/// its first question. Anything else (a POSIX rule such as `EST5EDT,M3.2.0,M11.1.0`, a
/// `TZDIR`, a missing file) is left to the zone library, which handles every form.
#[must_use]
pub fn system_zone() -> jiff::tz::TimeZone {
    if std::env::var_os("TZDIR").is_some() {
        return jiff::tz::TimeZone::system();
    }
    zone_from_file(std::env::var_os("TZ").as_deref()).unwrap_or_else(jiff::tz::TimeZone::system)
}

/// The zone `TZ` (`tz`) names, read from its TZif file; `None` when it is not a zone name
/// or a file path, or the file cannot be read as one.
fn zone_from_file(tz: Option<&std::ffi::OsStr>) -> Option<jiff::tz::TimeZone> {
    const ZONEINFO: &str = "/usr/share/zoneinfo";
    let path = match tz {
        None => std::path::PathBuf::from("/etc/localtime"),
        Some(tz) => {
            let tz = tz.to_str()?;
            let name = tz.strip_prefix(':').unwrap_or(tz);
            if name.is_empty() {
                // As the C library and the zone library read it.
                return Some(jiff::tz::TimeZone::UTC);
            }
            let iana = name.split('/').all(|part| {
                !part.is_empty()
                    && part != "."
                    && part != ".."
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_-+".contains(&b))
            });
            if name.starts_with('/') {
                std::path::PathBuf::from(name)
            } else if iana {
                std::path::Path::new(ZONEINFO).join(name)
            } else {
                return None;
            }
        }
    };
    // A TZif file is a few kilobytes, and a regular file (`TZ` may name any file: a FIFO
    // would never end).
    if !std::fs::metadata(&path).ok()?.is_file() {
        return None;
    }
    let mut data = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).ok()?, 1 << 20),
        &mut data,
    )
    .ok()?;
    jiff::tz::TimeZone::tzif("local", &data).ok()
}

/// The UTC offset, in seconds, of time zone `tz` at `unix_secs`. Instants outside the range
/// the zone library supports (about ±9999 years) are given offset 0.
#[must_use]
pub fn utc_offset_in(tz: &jiff::tz::TimeZone, unix_secs: i64) -> i32 {
    match jiff::Timestamp::from_second(unix_secs) {
        Ok(ts) => tz.to_offset(ts).seconds(),
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-03-10 00:00:00 UTC.
    const MIDNIGHT_UTC: i64 = 1_773_100_800;

    /// Every way `TZ` can name a zone file gives the zone library's offsets, summer and
    /// winter; what is not a zone name or file is left to the zone library.
    #[test]
    fn a_zone_read_from_its_file_has_the_zone_librarys_offsets() {
        use std::ffi::OsStr;
        let summer = 1_783_000_000; // 2026-07
        let winter = 1_767_000_000; // 2025-12
        if !std::path::Path::new("/usr/share/zoneinfo/Asia/Shanghai").is_file() {
            return; // no system zone database on this machine: nothing to compare with
        }
        for name in ["Europe/Paris", "Asia/Shanghai", "America/New_York", "UTC"] {
            let theirs = jiff::tz::TimeZone::get(name).unwrap();
            for tz in [
                name.to_owned(),
                format!(":{name}"),
                format!("/usr/share/zoneinfo/{name}"),
            ] {
                let ours = zone_from_file(Some(OsStr::new(&tz))).unwrap();
                for t in [summer, winter] {
                    assert_eq!(utc_offset_in(&ours, t), utc_offset_in(&theirs, t), "{tz}");
                }
            }
        }
        let utc = zone_from_file(Some(OsStr::new(""))).unwrap();
        assert_eq!(utc_offset_in(&utc, summer), 0);
        for other in [
            "EST5EDT,M3.2.0,M11.1.0",
            "../../etc/passwd",
            "Europe/../../x",
            "/dev/zero",
        ] {
            assert!(zone_from_file(Some(OsStr::new(other))).is_none(), "{other}");
        }
    }

    #[test]
    fn rollover_splits_the_day_at_the_local_hour() {
        let d = day_number(MIDNIGHT_UTC + 4 * 3_600, 4, 0);
        assert_eq!(day_number(MIDNIGHT_UTC + 4 * 3_600 - 1, 4, 0), d - 1);
        assert_eq!(day_start(d, 4, 0), MIDNIGHT_UTC + 4 * 3_600);
    }

    #[test]
    fn day_start_inverts_day_number_for_any_offset() {
        for offset in [-12 * 3_600, -5 * 3_600, 0, 3_600 * 8, 13 * 3_600 + 45 * 60] {
            for hour in [0u8, 4, 23] {
                for t in [MIDNIGHT_UTC - 1, MIDNIGHT_UTC, MIDNIGHT_UTC + 77_777] {
                    let d = day_number(t, hour, offset);
                    let start = day_start(d, hour, offset);
                    assert!(start <= t && t < start + SECS_PER_DAY);
                    assert_eq!(day_number(start, hour, offset), d);
                }
            }
        }
    }

    #[test]
    fn negative_times_floor() {
        assert_eq!(day_number(-1, 0, 0), -1);
        assert_eq!(day_number(0, 0, 0), 0);
    }

    #[test]
    fn a_dst_shift_does_not_move_a_due_day() {
        let summer = 2 * 3_600;
        let winter = 3_600;
        let d = day_number(MIDNIGHT_UTC, 4, summer) + 30;
        let due = day_start(d, 4, summer);
        assert_eq!(due_day(due, 4, winter), d);
        assert_eq!(due_day(due, 4, summer), d);
        // On day d (winter), the card is due; on day d - 1 it is not.
        let on_d = day_start(d, 4, winter) + 60;
        assert!(due < reviews_due_before(on_d, 4, winter));
        assert!(due >= reviews_due_before(on_d - SECS_PER_DAY, 4, winter));
    }

    #[test]
    fn offsets_follow_daylight_saving_time() {
        let tz = jiff::tz::TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").expect("valid POSIX TZ");
        // 2026-01-15 and 2026-07-15, both 12:00 UTC.
        assert_eq!(utc_offset_in(&tz, 1_768_478_400), 3_600);
        assert_eq!(utc_offset_in(&tz, 1_784_116_800), 7_200);
    }
}
