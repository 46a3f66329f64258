//! The interface languages, their text direction, and how a request picks one.
//!
//! Order of choice: the `lang` cookie, then the browser's `Accept-Language`, then the default
//! (Simplified Chinese). Unknown or malformed tags are ignored, never an error.

use serde::{Deserialize, Serialize};

/// A supported interface language.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    ZhCn,
    /// English.
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// Russian.
    Ru,
    /// Arabic (right-to-left).
    Ar,
}

/// Text direction of a locale, as written in the `dir` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Locale {
    /// Every supported locale, in the order the language switcher lists them.
    pub const ALL: [Locale; 6] = [
        Locale::ZhCn,
        Locale::En,
        Locale::Ko,
        Locale::Ja,
        Locale::Ru,
        Locale::Ar,
    ];

    /// The BCP 47 tag, as used in `<html lang>`, cookies and URLs.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
            Locale::Ko => "ko",
            Locale::Ja => "ja",
            Locale::Ru => "ru",
            Locale::Ar => "ar",
        }
    }

    /// The language's own name for itself, shown in the switcher (never translated).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::ZhCn => "简体中文",
            Locale::En => "English",
            Locale::Ko => "한국어",
            Locale::Ja => "日本語",
            Locale::Ru => "Русский",
            Locale::Ar => "العربية",
        }
    }

    /// Writing direction.
    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Parses a language tag leniently: case-insensitive, `_` or `-`, region and script
    /// subtags allowed (`zh-Hans-CN`, `en_GB`, `ar-EG`). Traditional Chinese is not offered,
    /// so `zh-TW`/`zh-Hant` do not match Simplified Chinese. Returns `None` for anything else.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if tag.is_empty()
            || tag.len() > 35
            || !tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        let lower = tag.to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        let primary = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        match primary {
            "zh" => {
                // An explicit script decides; otherwise the regions that write Traditional.
                let simplified = rest.contains(&"hans");
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                (simplified || !traditional).then_some(Locale::ZhCn)
            }
            "en" => Some(Locale::En),
            "ko" => Some(Locale::Ko),
            "ja" => Some(Locale::Ja),
            "ru" => Some(Locale::Ru),
            "ar" => Some(Locale::Ar),
            _ => None,
        }
    }

    /// Picks the locale of a request: a valid cookie value wins, then the highest-weighted
    /// supported language of `Accept-Language`, then the default.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        if let Some(locale) = cookie.and_then(Locale::parse) {
            return locale;
        }
        accept_language
            .and_then(best_from_accept_language)
            .unwrap_or_default()
    }

    /// Formats an integer with this locale's digit grouping (`12,345`, `12 345`, `12٬345`).
    pub fn format_integer(self, n: i64) -> String {
        let locale = match self {
            Locale::ZhCn => &num_format::Locale::zh,
            Locale::En => &num_format::Locale::en,
            Locale::Ko => &num_format::Locale::ko,
            Locale::Ja => &num_format::Locale::ja,
            Locale::Ru => &num_format::Locale::ru,
            Locale::Ar => &num_format::Locale::ar,
        };
        let mut buf = num_format::Buffer::default();
        buf.write_formatted(&n, locale);
        buf.as_str().to_owned()
    }
}

/// Parses an `Accept-Language` header (`en-GB,en;q=0.8,*;q=0.1`) and returns the supported
/// locale with the highest weight; ties keep header order. Malformed entries are skipped.
fn best_from_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, u16)> = None;
    for entry in header.split(',').take(32) {
        let mut pieces = entry.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let mut weight: u16 = 1000;
        for param in pieces {
            let param = param.trim();
            if let Some(q) = param
                .strip_prefix("q=")
                .or_else(|| param.strip_prefix("Q="))
            {
                weight = parse_weight(q).unwrap_or_default();
            }
        }
        if weight == 0 {
            continue;
        }
        if let Some(locale) = Locale::parse(tag) {
            if best.is_none_or(|(_, w)| weight > w) {
                best = Some((locale, weight));
            }
        }
    }
    best.map(|(l, _)| l)
}

/// Parses a quality value (`0`, `0.5`, `1.000`) into thousandths.
fn parse_weight(q: &str) -> Option<u16> {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match int {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, b) in frac.bytes().enumerate() {
        thousandths += u16::from(b - b'0') * [100, 10, 1][i];
    }
    let w = whole + thousandths;
    (w <= 1000).then_some(w)
}

/// A calendar date (proleptic Gregorian), as shown on expo pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists in that month.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u8 = it.next()?.parse().ok()?;
        let day: u8 = it.next()?.parse().ok()?;
        if it.next().is_some()
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The UTC calendar date of a Unix time in milliseconds.
    pub fn from_unix_millis(ms: i64) -> Date {
        let days = ms.div_euclid(86_400_000);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The Fluent message id of this date's month name (`month-1` … `month-12`).
    pub fn month_message_id(self) -> &'static str {
        MONTH_IDS[usize::from(self.month.clamp(1, 12)) - 1]
    }
}

/// Fluent ids of the month names, January first.
pub const MONTH_IDS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// A UTC millisecond time as `YYYY-MM-DD HH:MM` (UTC), for logs and consoles where every
/// reader must see the same moment.
pub fn utc_minute(millis: i64) -> String {
    let mins = millis.div_euclid(60_000);
    let days = mins.div_euclid(24 * 60);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        mins.rem_euclid(24 * 60) / 60,
        mins.rem_euclid(60)
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_leniently() {
        let cases = [
            ("zh-CN", Some(Locale::ZhCn)),
            ("zh", Some(Locale::ZhCn)),
            ("zh-Hans-CN", Some(Locale::ZhCn)),
            ("zh_cn", Some(Locale::ZhCn)),
            ("zh-TW", None),
            ("zh-Hant", None),
            ("zh-Hans-HK", Some(Locale::ZhCn)),
            ("zh-HK", None),
            ("en-GB", Some(Locale::En)),
            ("EN", Some(Locale::En)),
            ("ko-KR", Some(Locale::Ko)),
            ("ja", Some(Locale::Ja)),
            ("ru-RU", Some(Locale::Ru)),
            ("ar-EG", Some(Locale::Ar)),
            ("fr", None),
            ("", None),
            ("<script>", None),
            ("en;DROP TABLE", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Locale::parse(tag), want, "tag {tag:?}");
        }
    }

    #[test]
    fn cookie_beats_header_beats_default() {
        assert_eq!(Locale::negotiate(Some("ar"), Some("en")), Locale::Ar);
        assert_eq!(Locale::negotiate(Some("garbage!!"), Some("en")), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some("fr-FR,ja;q=0.5,ru;q=0.7")),
            Locale::Ru
        );
        assert_eq!(Locale::negotiate(None, Some("fr, de")), Locale::ZhCn);
        assert_eq!(Locale::negotiate(None, None), Locale::ZhCn);
        assert_eq!(Locale::negotiate(None, Some("en;q=0, ko")), Locale::Ko);
        assert_eq!(
            Locale::negotiate(None, Some("en;q=abc, ja;q=0.1")),
            Locale::Ja
        );
        assert_eq!(Locale::negotiate(None, Some(";;;,,,q=")), Locale::ZhCn);
        assert_eq!(
            Locale::negotiate(None, Some("en;Q=0.1, ja;Q=0.9")),
            Locale::Ja
        );
    }

    #[test]
    fn tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Some(l));
        }
        assert_eq!(Locale::Ar.direction(), Direction::Rtl);
        assert_eq!(Locale::En.direction(), Direction::Ltr);
    }

    #[test]
    fn formats_integers_per_locale() {
        assert_eq!(Locale::En.format_integer(1_234_567), "1,234,567");
        assert_eq!(Locale::ZhCn.format_integer(1234), "1,234");
        assert_ne!(Locale::Ru.format_integer(1234), "1,234");
        assert_eq!(Locale::En.format_integer(-5), "-5");
    }

    #[test]
    fn dates() {
        assert_eq!(Date::parse_iso("2026-02-29"), None);
        assert_eq!(
            Date::parse_iso("2028-02-29"),
            Some(Date {
                year: 2028,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse_iso("2026-13-01"), None);
        assert_eq!(Date::parse_iso("x"), None);
        assert_eq!(
            Date::from_unix_millis(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_unix_millis(1_796_083_200_000).to_iso(),
            "2026-12-01"
        );
        assert_eq!(
            Date::parse_iso("2026-12-08").map(|d| d.month_message_id()),
            Some("month-12")
        );
    }

    #[test]
    fn utc_minutes() {
        assert_eq!(super::utc_minute(0), "1970-01-01 00:00");
        assert_eq!(super::utc_minute(1_796_049_200_000), "2026-11-30 14:33");
        assert_eq!(super::utc_minute(951_782_400_000), "2000-02-29 00:00");
        assert_eq!(super::utc_minute(-60_000), "1969-12-31 23:59");
    }
}
