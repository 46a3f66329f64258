//! Exports read back as imports: a buyer directory exported as CSV or XLSX (headers and values
//! written out in words, in any of the six languages) imports as buyers, into the same expo or
//! the next one. Header cells an export writes name their import column, or a column the import
//! has no use for (dropped); cells an export defused with an apostrophe lose it; country names,
//! industries, volumes and yes/no in words become the codes the import takes.

use app::shell::i18n::I18n;
use domain::import::{normalize_header, ImportKind, Sheet};
use domain::Locale;

/// The buyer export's columns: (the header's Fluent id, the import column it fills, if any).
const BUYER_EXPORT: [(&str, Option<&str>); 13] = [
    ("directory-name", Some("name")),
    ("apply-contact-email", Some("email")),
    ("apply-company", Some("company")),
    ("buyer-job-role", Some("job_role")),
    ("apply-country", Some("country")),
    ("buyer-interests", Some("interests")),
    ("buyer-volume", Some("volume")),
    ("buyer-countries", Some("source_countries")),
    ("buyer-phone", Some("phone")),
    ("buyer-wechat", Some("wechat")),
    ("buyer-consent-column", Some("consent")),
    ("buyer-verified", None),
    ("directory-id", None),
];

fn same(a: &str, b: &str) -> bool {
    normalize_header(a) == normalize_header(b)
}

/// What an exported header names: `Some(Some(column))`, `Some(None)` for a column to drop, or
/// `None` when it is no export header.
fn exported_column(header: &str) -> Option<Option<&'static str>> {
    Locale::ALL.into_iter().find_map(|locale| {
        let i18n = I18n { locale };
        BUYER_EXPORT
            .iter()
            .find(|(id, _)| same(header, &i18n.t(id)))
            .map(|(_, column)| *column)
    })
}

/// Names in words (in every language, and the codes themselves) to the codes the import
/// takes, built once per sheet: a 10,000-row file costs one look-up per cell, not a walk
/// through every language's messages.
struct Names(std::collections::HashMap<String, &'static str>);

impl Names {
    fn of(codes: impl IntoIterator<Item = (&'static str, String)>) -> Names {
        let mut map = std::collections::HashMap::new();
        for (code, message_id) in codes {
            map.insert(normalize_header(code), code);
            for locale in Locale::ALL {
                map.insert(normalize_header(&I18n { locale }.t(&message_id)), code);
            }
        }
        Names(map)
    }

    /// The code `text` names, or `text` as it is.
    fn code(&self, text: &str) -> String {
        self.0
            .get(&normalize_header(text))
            .map_or_else(|| text.trim().to_owned(), |c| (*c).to_owned())
    }

    /// Each comma-separated name of `text` as its code, joined by commas.
    fn codes(&self, text: &str) -> String {
        text.split(',')
            .map(|t| self.code(t))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A cell an export defused (`'+86 …`) as it was written: the apostrophe goes when what follows
/// is what the export defuses.
fn undefused(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if domain::directory::spreadsheet_safe(rest) != rest => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Turns a buyer export into the buyer import's sheet; any other sheet is left as it is.
pub fn read_back_export(kind: ImportKind, sheet: &mut Sheet) {
    if kind != ImportKind::Buyers {
        return;
    }
    let mapped: Vec<Option<Option<&'static str>>> =
        sheet.headers.iter().map(|h| exported_column(h)).collect();
    // Only a sheet whose every header an export writes is read back (an import template's own
    // column names stay as they are).
    if mapped.iter().any(Option::is_none) || mapped.iter().all(|m| m == &Some(None)) {
        return;
    }
    let keep: Vec<(usize, &'static str)> = mapped
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.flatten().map(|c| (i, c)))
        .collect();
    sheet.headers = keep.iter().map(|(_, c)| (*c).to_owned()).collect();
    let countries = Names::of(
        domain::account::COUNTRIES
            .iter()
            .map(|c| (*c, app::account::register_page::country_message_id(c))),
    );
    let industries = Names::of(
        domain::expo::INDUSTRIES
            .iter()
            .map(|k| (*k, format!("industry-{k}"))),
    );
    let volumes = Names::of(
        domain::buyer::Volume::ALL
            .into_iter()
            .map(|v| (v.as_str(), v.message_id().to_owned())),
    );
    let consent = Names::of([
        ("yes", "buyer-yes".to_owned()),
        ("no", "buyer-no".to_owned()),
    ]);
    for row in &mut sheet.rows {
        let cells: Vec<String> = keep
            .iter()
            .map(|(i, column)| {
                let cell = undefused(row.get(*i).map_or("", String::as_str));
                match *column {
                    "country" => countries.code(&cell),
                    "source_countries" => countries.codes(&cell),
                    "interests" => industries.codes(&cell),
                    "volume" => volumes.code(&cell),
                    "consent" => consent.code(&cell),
                    _ => cell,
                }
            })
            .collect();
        *row = cells;
    }
    // The export's formula marks (XLSX) are by position: an export writes none.
    sheet.formulas.clear();
}
