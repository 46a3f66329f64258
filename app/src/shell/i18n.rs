//! Fluent translations, compiled into the server binary and the WASM bundle.
//!
//! Each page reads the request's [`Locale`] from context through [`use_i18n`]. Switching the
//! language goes through `/lang/<tag>`, which stores the choice in a cookie and reloads the page,
//! so the server renders every text, date and `dir` attribute right from the first byte.

use domain::locale::{Date, Locale};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, Loader};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{langid, LanguageIdentifier};

// All translations, by locale (the macro takes no doc comment).
static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
    };
}

/// The language of the page being rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n {
    /// The locale.
    pub locale: Locale,
}

/// A value for a Fluent variable.
pub enum Arg {
    /// Text (a name, a formatted date).
    Str(String),
    /// A number, which also drives plural selection.
    Num(i64),
}

/// The Fluent language identifier of a locale.
pub fn language_id(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::ZhCn => langid!("zh-CN"),
        Locale::En => langid!("en"),
        Locale::Ko => langid!("ko"),
        Locale::Ja => langid!("ja"),
        Locale::Ru => langid!("ru"),
        Locale::Ar => langid!("ar"),
    }
}

impl I18n {
    /// The translation of `id`.
    pub fn t(&self, id: &str) -> String {
        LOCALES.lookup(&language_id(self.locale), id)
    }

    /// The translation of `id` with variables.
    pub fn t_args(&self, id: &str, args: Vec<(&'static str, Arg)>) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .into_iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s),
                    Arg::Num(n) => FluentValue::from(n),
                };
                (Cow::Borrowed(k), value)
            })
            .collect();
        LOCALES.lookup_with_args(&language_id(self.locale), id, &map)
    }

    /// An integer with the locale's grouping.
    pub fn number(&self, n: i64) -> String {
        self.locale.format_integer(n)
    }

    /// A UTC millisecond time as `YYYY-MM-DD HH:MM UTC` (the same moment for every reader;
    /// the words around it are the locale's).
    pub fn utc(&self, millis: i64) -> String {
        self.t_args(
            "time-utc",
            vec![("time", Arg::Str(domain::locale::utc_minute(millis)))],
        )
    }

    /// A `YYYY-MM-DD` date in the locale's long form (the pattern and month names are Fluent
    /// messages, so translators own the order). Unparseable input is shown as given.
    pub fn date(&self, iso: &str) -> String {
        match Date::parse_iso(iso) {
            Some(d) => self.t_args(
                "date-long",
                vec![
                    ("year", Arg::Str(d.year.to_string())),
                    ("month", Arg::Str(self.t(d.month_message_id()))),
                    ("monthNumber", Arg::Str(d.month.to_string())),
                    ("day", Arg::Str(d.day.to_string())),
                ],
            ),
            None => iso.to_owned(),
        }
    }
}

/// The i18n of the current page.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n {
        locale: Locale::default(),
    })
}

/// Finds the locale the page was rendered in: on the server from the request, in the browser
/// from `<html lang>` (which the server wrote).
pub fn page_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        crate::state::request_locale()
    }
    #[cfg(not(feature = "ssr"))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|tag| Locale::parse(&tag))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
