//! User-written text in several languages, shown in the viewer's language with a fallback.
//!
//! Stored as JSON (`{"original":"zh-CN","values":{"zh-CN":"…","en":"…"}}`) in one column, so
//! both database backends keep it the same way.

use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text with one value per language and the language it was written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// The language the author wrote.
    pub original: Locale,
    /// Values by language; always holds `original`.
    pub values: BTreeMap<Locale, String>,
}

/// The text chosen for a viewer, and whether it is in another language than asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    /// The text.
    pub text: String,
    /// The language of `text`.
    pub locale: Locale,
    /// True when `locale` is not the viewer's language (the page marks it "original language").
    pub is_fallback: bool,
}

impl LocalizedText {
    /// A text written in one language.
    pub fn new(original: Locale, text: impl Into<String>) -> Self {
        let mut values = BTreeMap::new();
        values.insert(original, text.into());
        Self { original, values }
    }

    /// Adds or replaces the value in `locale`.
    pub fn with(mut self, locale: Locale, text: impl Into<String>) -> Self {
        self.values.insert(locale, text.into());
        self
    }

    /// Sets the value in `locale` (an empty value removes it, unless it is the original).
    pub fn set(&mut self, locale: Locale, text: &str) {
        if text.trim().is_empty() && locale != self.original {
            self.values.remove(&locale);
        } else {
            self.values.insert(locale, text.to_owned());
        }
    }

    /// The value for `viewer`; else English; else the original; else any.
    pub fn show(&self, viewer: Locale) -> Shown {
        for candidate in [viewer, Locale::En, self.original] {
            if let Some(text) = self.values.get(&candidate).filter(|t| !t.trim().is_empty()) {
                return Shown {
                    text: text.clone(),
                    locale: candidate,
                    is_fallback: candidate != viewer,
                };
            }
        }
        match self.values.iter().find(|(_, t)| !t.trim().is_empty()) {
            Some((l, t)) => Shown {
                text: t.clone(),
                locale: *l,
                is_fallback: *l != viewer,
            },
            None => Shown {
                text: String::new(),
                locale: self.original,
                is_fallback: false,
            },
        }
    }

    /// Serializes for storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// Reads stored JSON; a damaged value becomes an empty text rather than an error page.
    pub fn from_json(s: &str) -> LocalizedText {
        serde_json::from_str(s).unwrap_or_else(|_| LocalizedText::new(Locale::ZhCn, ""))
    }
}

/// A text in each of the platform's languages besides the author's, as a form sends them
/// (`field[en]`, `field[zh_cn]`, `field[ko]`, `field[ja]`, `field[ru]`, `field[ar]`); empty ones
/// are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translations {
    /// English.
    #[serde(default)]
    pub en: String,
    /// Simplified Chinese.
    #[serde(default)]
    pub zh_cn: String,
    /// Korean.
    #[serde(default)]
    pub ko: String,
    /// Japanese.
    #[serde(default)]
    pub ja: String,
    /// Russian.
    #[serde(default)]
    pub ru: String,
    /// Arabic.
    #[serde(default)]
    pub ar: String,
}

impl Translations {
    /// The values by language, every language in order (empty ones too).
    pub fn values(&self) -> Vec<(Locale, String)> {
        Locale::ALL
            .into_iter()
            .map(|l| (l, self.get(l).to_owned()))
            .collect()
    }

    /// The form field's name for `locale` (`zh_cn` for `zh-CN`), beside the struct's own name
    /// in the form.
    pub fn field(locale: Locale) -> &'static str {
        match locale {
            Locale::En => "en",
            Locale::ZhCn => "zh_cn",
            Locale::Ko => "ko",
            Locale::Ja => "ja",
            Locale::Ru => "ru",
            Locale::Ar => "ar",
        }
    }

    /// The text in `locale`, trimmed.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::ZhCn => &self.zh_cn,
            Locale::Ko => &self.ko,
            Locale::Ja => &self.ja,
            Locale::Ru => &self.ru,
            Locale::Ar => &self.ar,
        }
        .trim()
    }

    /// These, with `en` (an older form's separate English field) when English is empty here.
    pub fn with_english(&self, en: &str) -> Translations {
        let mut t = self.clone();
        if t.en.trim().is_empty() {
            en.clone_into(&mut t.en);
        }
        t
    }

    /// Field errors (`{field}[{key}]`, `message`) for every text longer than `max` characters.
    pub fn too_long(&self, max: usize, field: &str, message: &str) -> Vec<crate::FieldError> {
        Locale::ALL
            .into_iter()
            .filter(|l| self.get(*l).chars().count() > max)
            .map(|l| crate::FieldError::new(format!("{field}[{}]", Self::field(l)), message))
            .collect()
    }

    /// Sets every language but the author's into `text` (an empty one removes it).
    pub fn apply(&self, text: &mut LocalizedText) {
        for l in Locale::ALL {
            if l != text.original {
                text.set(l, self.get(l));
            }
        }
    }
}

/// Longest accepted multi-paragraph text in one language (an "about" text), in characters.
pub const LONG_TEXT_MAX_CHARS: usize = 4000;

/// True when `s` has the shape of our ids (UUID text: 36 characters of hex digits and dashes).
/// Anything else cannot name a record, so lookups answer "not found" without a query.
pub fn is_id(s: &str) -> bool {
    s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_viewer_then_english_then_original() {
        let t = LocalizedText::new(Locale::ZhCn, "船用发动机").with(Locale::En, "Marine engine");
        assert_eq!(t.show(Locale::ZhCn).text, "船用发动机");
        assert!(!t.show(Locale::ZhCn).is_fallback);
        let ko = t.show(Locale::Ko);
        assert_eq!(
            (ko.text.as_str(), ko.locale, ko.is_fallback),
            ("Marine engine", Locale::En, true)
        );
        let only_zh = LocalizedText::new(Locale::ZhCn, "轮胎");
        assert_eq!(only_zh.show(Locale::Ar).locale, Locale::ZhCn);
        let blank_en = LocalizedText::new(Locale::Ru, "Шины").with(Locale::En, "  ");
        assert_eq!(blank_en.show(Locale::Ja).text, "Шины");
    }

    #[test]
    fn ids() {
        assert!(is_id("019ad0c2-5f7e-7a31-9c4b-0242ac120002"));
        assert!(!is_id("nope"));
        assert!(!is_id("019ad0c2-5f7e-7a31-9c4b-0242ac12000\0"));
    }

    #[test]
    fn json_round_trip_and_damage() {
        let t = LocalizedText::new(Locale::En, "Tires").with(Locale::ZhCn, "轮胎");
        assert_eq!(LocalizedText::from_json(&t.to_json()), t);
        assert_eq!(
            LocalizedText::from_json("not json").show(Locale::En).text,
            ""
        );
    }
}
