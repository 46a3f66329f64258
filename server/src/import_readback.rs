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

/// The code whose name in some language is `text` among `codes` (`message(code)` names it).
fn code_of(
    text: &str,
    codes: &[&'static str],
    message: impl Fn(&str) -> String,
) -> Option<&'static str> {
    let text = text.trim();
    codes.iter().copied().find(|code| {
        code.eq_ignore_ascii_case(text)
            || Locale::ALL
                .into_iter()
                .any(|locale| same(text, &I18n { locale }.t(&message(code))))
    })
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
    let countries = domain::account::COUNTRIES;
    let industries = domain::expo::INDUSTRIES;
    for row in &mut sheet.rows {
        let cells: Vec<String> = keep
            .iter()
            .map(|(i, column)| {
                let cell = undefused(row.get(*i).map_or("", String::as_str));
                match *column {
                    "country" => code_of(&cell, countries, |c| {
                        app::account::register_page::country_message_id(c)
                    })
                    .map_or(cell, str::to_owned),
                    "source_countries" => cell
                        .split(',')
                        .map(|c| {
                            code_of(c, countries, |c| {
                                app::account::register_page::country_message_id(c)
                            })
                            .map_or_else(|| c.trim().to_owned(), str::to_owned)
                        })
                        .collect::<Vec<_>>()
                        .join(","),
                    "interests" => cell
                        .split(',')
                        .map(|c| {
                            code_of(c, &industries, |k| format!("industry-{k}"))
                                .map_or_else(|| c.trim().to_owned(), str::to_owned)
                        })
                        .collect::<Vec<_>>()
                        .join(","),
                    "volume" => domain::buyer::Volume::ALL
                        .into_iter()
                        .find(|v| {
                            same(&cell, v.as_str())
                                || Locale::ALL
                                    .into_iter()
                                    .any(|locale| same(&cell, &I18n { locale }.t(v.message_id())))
                        })
                        .map_or(cell, |v| v.as_str().to_owned()),
                    "consent" => {
                        let said = |id: &str| {
                            Locale::ALL
                                .into_iter()
                                .any(|locale| same(&cell, &I18n { locale }.t(id)))
                        };
                        if said("buyer-yes") {
                            "yes".to_owned()
                        } else if said("buyer-no") {
                            "no".to_owned()
                        } else {
                            cell
                        }
                    }
                    _ => cell,
                }
            })
            .collect();
        *row = cells;
    }
    // The export's formula marks (XLSX) are by position: an export writes none.
    sheet.formulas.clear();
}
