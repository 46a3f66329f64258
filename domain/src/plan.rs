//! Editing an expo's setup: its names, dates, time zone and application window; its halls; and
//! the booths on a hall's floor plan (moved and resized on a grid, never overlapping, never
//! leaving the plan).

use crate::error::FieldError;
use crate::hall::Rect;
use crate::locale::{Date, Locale};
use crate::ops::{parse_multilingual, TextsInput};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The plan's grid, in plan units: booths snap to it and keys move them by one step.
pub const GRID: i64 = 20;
/// The smallest booth side, in plan units.
pub const MIN_BOOTH: i64 = 60;
/// The smallest and largest hall plan sides, in plan units.
pub const PLAN_SIDES: (i64, i64) = (400, 4000);

/// Time zones an expo may run in (IANA names), offered as a list.
pub const TIME_ZONES: [&str; 24] = [
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Singapore",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Riyadh",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/London",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
    "UTC",
];

/// Rounds a plan coordinate to the nearest grid line.
pub fn snap(v: i64) -> i64 {
    (v + GRID / 2).div_euclid(GRID) * GRID
}

/// A keyboard step on the plan editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Nudge {
    /// Move one step left.
    Left,
    /// Move one step right.
    Right,
    /// Move one step up.
    Up,
    /// Move one step down.
    Down,
    /// One step wider.
    Wider,
    /// One step narrower.
    Narrower,
    /// One step taller.
    Taller,
    /// One step shorter.
    Shorter,
}

/// The rectangle one step on.
pub fn nudge(r: Rect, n: Nudge) -> Rect {
    let mut r = r;
    match n {
        Nudge::Left => r.x -= GRID,
        Nudge::Right => r.x += GRID,
        Nudge::Up => r.y -= GRID,
        Nudge::Down => r.y += GRID,
        Nudge::Wider => r.width += GRID,
        Nudge::Narrower => r.width -= GRID,
        Nudge::Taller => r.height += GRID,
        Nudge::Shorter => r.height -= GRID,
    }
    r
}

/// Checks a booth's new place: snapped to the grid, at least [`MIN_BOOTH`] on each side, inside
/// the plan, overlapping none of `others` (code, place). Returns the snapped place.
pub fn place(
    plan_width: i64,
    plan_height: i64,
    wanted: Rect,
    others: &[(String, Rect)],
) -> Result<Rect, FieldError> {
    let r = Rect {
        x: snap(wanted.x),
        y: snap(wanted.y),
        width: snap(wanted.width),
        height: snap(wanted.height),
    };
    if r.width < MIN_BOOTH || r.height < MIN_BOOTH {
        return Err(FieldError::new("rect", "plan-error-too-small"));
    }
    if !r.fits(plan_width, plan_height) {
        return Err(FieldError::new("rect", "plan-error-outside"));
    }
    if others.iter().any(|(_, o)| o.overlaps(&r)) {
        return Err(FieldError::new("rect", "plan-error-overlap"));
    }
    Ok(r)
}

/// The expo settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoInput {
    /// Name per language.
    #[serde(default)]
    pub name: TextsInput,
    /// Tagline per language.
    #[serde(default)]
    pub tagline: TextsInput,
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub starts_on: String,
    /// Last day.
    #[serde(default)]
    pub ends_on: String,
    /// IANA time zone, one of [`TIME_ZONES`].
    #[serde(default)]
    pub time_zone: String,
    /// First day exhibitors may apply (empty: any time before the end).
    #[serde(default)]
    pub applications_open: String,
    /// Last day exhibitors may apply (empty: until the expo ends).
    #[serde(default)]
    pub applications_close: String,
    /// The brand color, `#rrggbb` (empty: the platform's colors).
    #[serde(default)]
    pub brand_color: String,
}

/// Checked expo settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoSettings {
    /// Name.
    pub name: LocalizedText,
    /// Tagline.
    pub tagline: LocalizedText,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// Time zone.
    pub time_zone: String,
    /// Applications open on (inclusive), if limited.
    pub applications_open: Option<String>,
    /// Applications close after (inclusive), if limited.
    pub applications_close: Option<String>,
    /// The brand color (`#rrggbb`, lower-case), if the expo has one.
    #[serde(default)]
    pub brand_color: Option<String>,
}

/// The cookie that names the expo an organizer is managing in the console (when it is not the
/// public one). Only an expo the person organizes is honoured.
pub const CONSOLE_EXPO_COOKIE: &str = "console_expo";

/// What the setup page shows: the managed expo's settings, logo and halls, and whether it is
/// the public one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupView {
    /// The expo's id.
    pub expo_id: String,
    /// Its settings.
    pub settings: ExpoSettings,
    /// The address of its logo, if it has one.
    pub logo_src: Option<String>,
    /// Whether visitors see this expo now.
    pub is_public: bool,
    /// Its halls.
    pub halls: Vec<crate::expo::HallSummary>,
}

/// One expo in the organizer's list of expos.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoListItem {
    /// Id.
    pub id: String,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: LocalizedText,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// Halls.
    pub hall_count: i64,
    /// Exhibitors.
    pub exhibitor_count: i64,
    /// Visitors see this one now.
    pub is_public: bool,
    /// The console manages this one now.
    pub is_managed: bool,
}

/// The brand of the public expo: its color (with the darker shade) and logo, each if set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoBrand {
    /// `#rrggbb` and its darker shade.
    pub color: Option<(String, String)>,
    /// The address of the logo.
    pub logo_src: Option<String>,
}

/// The smallest contrast a brand color must have against white (WCAG AA for normal text):
/// buttons carry white text on it.
pub const MIN_BRAND_CONTRAST: f64 = 4.5;

fn channel(hex: &str) -> Option<f64> {
    let v = f64::from(u8::from_str_radix(hex, 16).ok()?) / 255.0;
    Some(if v <= 0.039_28 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    })
}

/// The WCAG contrast ratio of `#rrggbb` against white.
pub fn contrast_with_white(color: &str) -> Option<f64> {
    let hex = color.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let l = 0.2126 * channel(&hex[0..2])?
        + 0.7152 * channel(&hex[2..4])?
        + 0.0722 * channel(&hex[4..6])?;
    Some(1.05 / (l + 0.05))
}

/// Checks a brand color: empty (none), or `#rrggbb` dark enough for white text on it.
pub fn parse_brand_color(raw: &str) -> Result<Option<String>, FieldError> {
    let c = raw.trim().to_ascii_lowercase();
    if c.is_empty() {
        return Ok(None);
    }
    match contrast_with_white(&c) {
        None => Err(FieldError::new("brand_color", "setup-error-color")),
        Some(ratio) if ratio < MIN_BRAND_CONTRAST => {
            Err(FieldError::new("brand_color", "setup-error-color-contrast"))
        }
        Some(_) => Ok(Some(c)),
    }
}

/// A darker shade of `#rrggbb` (hover and pressed states): each channel at 80 %.
pub fn darker(color: &str) -> String {
    let hex = color.trim_start_matches('#');
    let ch = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0, |v| (f64::from(v) * 0.8).round() as u8)
    };
    format!("#{:02x}{:02x}{:02x}", ch(0), ch(2), ch(4))
}

fn date(field: &str, s: &str, required: bool) -> Result<Option<String>, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return if required {
            Err(FieldError::new(field, "setup-error-date"))
        } else {
            Ok(None)
        };
    }
    // Stored in the one canonical form (`2026-12-08`, never `2026-12-8`): dates are compared
    // as text, here and in queries.
    Date::parse_iso(s)
        .filter(|d| (1900..=2200).contains(&d.year))
        .map(|d| Some(d.to_iso()))
        .ok_or_else(|| FieldError::new(field, "setup-error-date"))
}

impl ExpoInput {
    /// Checks every field: names required in at least one language, real dates in order, a
    /// known time zone, an application window that closes by the last day.
    pub fn validate(&self, author: Locale) -> Result<ExpoSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<Option<String>, FieldError>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let starts_on = keep(date("starts_on", &self.starts_on, true));
        let ends_on = keep(date("ends_on", &self.ends_on, true));
        let applications_open = keep(date("applications_open", &self.applications_open, false));
        let applications_close = keep(date("applications_close", &self.applications_close, false));
        let name = match parse_multilingual("name", &self.name.values(), author, true) {
            Ok(t) => t,
            Err(e) => {
                errors.push(FieldError::new(e.field, "setup-error-name"));
                None
            }
        };
        let tagline = match parse_multilingual("tagline", &self.tagline.values(), author, false) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let brand_color = parse_brand_color(&self.brand_color).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let time_zone = self.time_zone.trim().to_owned();
        if !TIME_ZONES.contains(&time_zone.as_str()) {
            errors.push(FieldError::new("time_zone", "setup-error-time-zone"));
        }
        // ISO dates compare as text.
        if let (Some(s), Some(e)) = (&starts_on, &ends_on) {
            if e < s {
                errors.push(FieldError::new("ends_on", "setup-error-date-order"));
            }
        }
        if let (Some(o), Some(c)) = (&applications_open, &applications_close) {
            if c < o {
                errors.push(FieldError::new(
                    "applications_close",
                    "setup-error-date-order",
                ));
            }
        }
        if let (Some(c), Some(e)) = (&applications_close, &ends_on) {
            if c > e {
                errors.push(FieldError::new("applications_close", "setup-error-window"));
            }
        }
        match (errors.is_empty(), name, starts_on, ends_on) {
            (true, Some(name), Some(starts_on), Some(ends_on)) => Ok(ExpoSettings {
                name,
                tagline: tagline.unwrap_or_else(|| LocalizedText::new(author, "")),
                starts_on,
                ends_on,
                time_zone,
                applications_open,
                applications_close,
                brand_color,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether exhibitors may apply on `today` (`YYYY-MM-DD`): on or after the opening day and on
/// or before the closing day, where either is set (an unset side does not limit; the settings
/// form keeps the closing day on or before the expo's last day).
pub fn applications_open(settings: &ExpoSettings, today: &str) -> bool {
    let after_open = settings
        .applications_open
        .as_deref()
        .is_none_or(|o| today >= o);
    let before_close = settings
        .applications_close
        .as_deref()
        .is_none_or(|c| today <= c);
    after_open && before_close
}

/// The new-hall form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallInput {
    /// Name per language.
    #[serde(default)]
    pub name: TextsInput,
    /// Industry key.
    #[serde(default)]
    pub industry: String,
    /// Plan width (plan units).
    #[serde(default)]
    pub width: String,
    /// Plan height.
    #[serde(default)]
    pub height: String,
}

/// A checked new hall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewHall {
    /// Name.
    pub name: LocalizedText,
    /// Industry key.
    pub industry: String,
    /// Plan width.
    pub width: i64,
    /// Plan height.
    pub height: i64,
}

impl HallInput {
    /// Checks every field.
    pub fn validate(&self, author: Locale) -> Result<NewHall, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = match parse_multilingual("name", &self.name.values(), author, true) {
            Ok(t) => t,
            Err(e) => {
                errors.push(FieldError::new(e.field, "setup-error-name"));
                None
            }
        };
        let industry = self.industry.trim().to_owned();
        if !crate::expo::INDUSTRIES.contains(&industry.as_str()) {
            errors.push(FieldError::new("industry", "apply-error-industry"));
        }
        let side = |field: &str, s: &str, errors: &mut Vec<FieldError>| -> i64 {
            match s.trim().parse::<i64>() {
                Ok(v) if (PLAN_SIDES.0..=PLAN_SIDES.1).contains(&v) => snap(v),
                _ => {
                    errors.push(FieldError::new(field, "setup-error-plan-size"));
                    0
                }
            }
        };
        let width = side("width", &self.width, &mut errors);
        let height = side("height", &self.height, &mut errors);
        match name {
            Some(name) if errors.is_empty() => Ok(NewHall {
                name,
                industry,
                width,
                height,
            }),
            _ => Err(errors),
        }
    }
}

/// A URL slug for a hall named `english` (or its industry), unique against `taken`.
pub fn hall_slug(english: &str, industry: &str, taken: &[String]) -> String {
    let mut base: String = english
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    base = base
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    base.truncate(40);
    let base = base.trim_end_matches('-').to_owned();
    let base = if base.is_empty() {
        industry.to_owned()
    } else {
        base
    };
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: i64, y: i64, width: i64, height: i64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn placement_snaps_and_refuses_overlaps_and_the_outside() {
        let others = vec![("M-01".to_owned(), rect(40, 40, 200, 140))];
        assert_eq!(
            place(1200, 700, rect(251, 49, 198, 141), &others),
            Ok(rect(260, 40, 200, 140))
        );
        // Touching edges are fine; sharing area is not.
        assert!(place(1200, 700, rect(240, 40, 100, 100), &others).is_ok());
        assert_eq!(
            place(1200, 700, rect(220, 40, 100, 100), &others).map_err(|e| e.message_id),
            Err("plan-error-overlap".to_owned())
        );
        assert_eq!(
            place(1200, 700, rect(1120, 40, 100, 100), &others).map_err(|e| e.message_id),
            Err("plan-error-outside".to_owned())
        );
        assert_eq!(
            place(1200, 700, rect(-20, 40, 100, 100), &others).map_err(|e| e.message_id),
            Err("plan-error-outside".to_owned())
        );
        assert_eq!(
            place(1200, 700, rect(400, 400, 40, 100), &others).map_err(|e| e.message_id),
            Err("plan-error-too-small".to_owned())
        );
        assert_eq!(nudge(rect(40, 40, 100, 100), Nudge::Right).x, 60);
        assert_eq!(nudge(rect(40, 40, 100, 100), Nudge::Shorter).height, 80);
        assert_eq!(snap(-9), 0);
        assert_eq!(snap(10), 20);
    }

    #[test]
    fn expo_settings_rules() {
        let good = ExpoInput {
            name: TextsInput {
                en: "Ningbo Marine Expo".into(),
                zh_cn: "宁波海洋博览会".into(),
                ..Default::default()
            },
            tagline: TextsInput::default(),
            starts_on: "2026-12-08".into(),
            ends_on: "2026-12-12".into(),
            time_zone: "Asia/Shanghai".into(),
            applications_open: String::new(),
            applications_close: "2026-12-01".into(),
            brand_color: " #0B5CAD ".into(),
        };
        let s = good.validate(Locale::ZhCn).expect("valid");
        assert_eq!(s.brand_color.as_deref(), Some("#0b5cad"));
        assert_eq!(s.name.original, Locale::ZhCn);
        assert!(applications_open(&s, "2026-11-29"));
        assert!(!applications_open(&s, "2026-12-02"));
        let unlimited = ExpoSettings {
            applications_close: None,
            ..s.clone()
        };
        assert!(applications_open(&unlimited, "2030-01-01"));
        let later = ExpoSettings {
            applications_open: Some("2026-12-01".into()),
            ..unlimited
        };
        assert!(!applications_open(&later, "2026-11-30"));
        let bad = ExpoInput {
            name: TextsInput::default(),
            starts_on: "2026-02-30".into(),
            ends_on: "2026-12-01".into(),
            time_zone: "Mars/Olympus".into(),
            applications_open: "2026-12-05".into(),
            applications_close: "2026-12-03".into(),
            ..good.clone()
        };
        let errors = bad.validate(Locale::En).expect_err("invalid");
        let ids: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message_id.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("starts_on", "setup-error-date"),
                ("name", "setup-error-name"),
                ("time_zone", "setup-error-time-zone"),
                ("applications_close", "setup-error-date-order"),
                ("applications_close", "setup-error-window"),
            ]
        );
        // Unpadded dates are stored padded, so they order correctly.
        let unpadded = ExpoInput {
            starts_on: "2026-12-8".into(),
            ends_on: "2026-12-10".into(),
            applications_close: "2026-12-9".into(),
            ..good.clone()
        };
        let s = unpadded.validate(Locale::En).expect("valid");
        assert_eq!(
            (s.starts_on.as_str(), s.applications_close.as_deref()),
            ("2026-12-08", Some("2026-12-09"))
        );
        assert!(!applications_open(&s, "2026-12-10"));
        let far = ExpoInput {
            ends_on: "20260-12-10".into(),
            ..good.clone()
        };
        assert!(far.validate(Locale::En).is_err());
        let reversed = ExpoInput {
            starts_on: "2026-12-12".into(),
            ends_on: "2026-12-08".into(),
            applications_close: String::new(),
            ..good
        };
        assert_eq!(
            reversed.validate(Locale::En).expect_err("order")[0].message_id,
            "setup-error-date-order"
        );
    }

    #[test]
    fn brand_colors_must_carry_white_text() {
        assert_eq!(parse_brand_color(""), Ok(None));
        assert_eq!(parse_brand_color("#1F5EFF"), Ok(Some("#1f5eff".into())));
        for bad in ["blue", "#12345", "#12345g", "1f5eff", "#ｆｆｆｆｆｆ"] {
            assert_eq!(
                parse_brand_color(bad).unwrap_err().message_id,
                "setup-error-color",
                "{bad}"
            );
        }
        // Yellow on white cannot be read.
        assert_eq!(
            parse_brand_color("#ffd600").unwrap_err().message_id,
            "setup-error-color-contrast"
        );
        assert!((contrast_with_white("#000000").unwrap() - 21.0).abs() < 0.01);
        assert_eq!(darker("#ff8040"), "#cc6633");
    }

    #[test]
    fn halls_and_slugs() {
        let h = HallInput {
            name: TextsInput {
                en: "Hall 2 — Cold Chain".into(),
                ..Default::default()
            },
            industry: "food".into(),
            width: "1210".into(),
            height: "700".into(),
        }
        .validate(Locale::En)
        .expect("valid");
        assert_eq!(h.width, 1220);
        let taken = vec!["hall-2-cold-chain".to_owned()];
        assert_eq!(
            hall_slug("Hall 2 — Cold Chain", "food", &taken),
            "hall-2-cold-chain-2"
        );
        assert_eq!(hall_slug("冷链馆", "food", &[]), "food");
        let errors = HallInput {
            width: "99999".into(),
            height: "x".into(),
            industry: "space".into(),
            ..Default::default()
        }
        .validate(Locale::En)
        .expect_err("invalid");
        assert_eq!(errors.len(), 4);
    }
}
