//! Dates of facts, with their precision: a day, a month or a year.

use serde::{Deserialize, Serialize};

/// A calendar date known to a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FactDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl FactDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else or an impossible day.
    pub fn parse(s: &str) -> Option<FactDate> {
        let mut parts = s.split('-');
        let year = parts
            .next()
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
        let year: i32 = year.parse().ok()?;
        let month = match parts.next() {
            None => {
                return Some(FactDate {
                    year,
                    month: None,
                    day: None,
                });
            }
            Some(m) if m.len() == 2 => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => {
                return Some(FactDate {
                    year,
                    month: Some(month),
                    day: None,
                });
            }
            Some(d) if d.len() == 2 => d.parse::<u8>().ok()?,
            Some(_) => return None,
        };
        if parts.next().is_some() || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(FactDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// The canonical form: `2021-05-12`, `2021-05` or `2021`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `2021年5月12日`, `2021年5月`, `2021年`.
    pub fn zh(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}年{m}月{d}日", self.year),
            (Some(m), None) => format!("{}年{m}月", self.year),
            _ => format!("{}年", self.year),
        }
    }

    /// `12 May 2021`, `May 2021`, `2021`.
    pub fn en(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "day",
            (Some(_), None) => "month",
            _ => "year",
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_impossible_dates() {
        assert_eq!(FactDate::parse("2021-05-12").unwrap().zh(), "2021年5月12日");
        assert_eq!(FactDate::parse("2020-09").unwrap().precision(), "month");
        assert_eq!(FactDate::parse("2020").unwrap().en(), "2020");
        for bad in [
            "2021-13-01",
            "2021-02-29",
            "21-05-12",
            "2021-5-12",
            "2021-05-12-01",
            "",
            "May 2021",
        ] {
            assert!(FactDate::parse(bad).is_none(), "{bad}");
        }
        assert!(FactDate::parse("2020-02-29").is_some());
    }
}
