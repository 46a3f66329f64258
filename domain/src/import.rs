//! Bulk import of exhibitors, products and buyers from a spreadsheet (clause 3.1.5): which
//! columns each kind has, the file-level refusals, and the per-row, per-column checks. Reading
//! CSV and XLSX bytes into a [`Sheet`] happens on the server; checks against the database
//! (halls, booths, existing accounts) happen in the import service.
//!
//! Invariants: a file either yields a [`Sheet`] within the limits or one [`FileError`]; every
//! refused cell names its line (as the spreadsheet numbers it, header = 1), its column and a
//! Fluent id; a key (booth, product, e-mail) appears once per file.

use crate::buyer::{BuyerForm, BuyerInput};
use crate::error::FieldError;
use crate::product::{ProductInput, ValidProduct};
use crate::Locale;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Largest file accepted (bytes).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows in one file.
pub const MAX_ROWS: usize = 10_000;
/// Longest cell (characters).
pub const MAX_CELL_CHARS: usize = 4_000;

/// What a file imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// Exhibiting companies with their booths.
    Exhibitors,
    /// Products of existing booths.
    Products,
    /// Professional buyers.
    Buyers,
}

impl ImportKind {
    /// Every kind.
    pub const ALL: [ImportKind; 3] = [
        ImportKind::Exhibitors,
        ImportKind::Products,
        ImportKind::Buyers,
    ];

    /// The stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Exhibitors => "exhibitors",
            ImportKind::Products => "products",
            ImportKind::Buyers => "buyers",
        }
    }

    /// Parses [`ImportKind::as_str`]'s form.
    pub fn parse(s: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            ImportKind::Exhibitors => "import-kind-exhibitors",
            ImportKind::Products => "import-kind-products",
            ImportKind::Buyers => "import-kind-buyers",
        }
    }

    /// The columns: (name, required).
    pub fn columns(self) -> &'static [(&'static str, bool)] {
        match self {
            ImportKind::Exhibitors => &[
                ("company", true),
                ("country", true),
                ("hall", true),
                ("booth", true),
                ("website", false),
                ("about", false),
            ],
            ImportKind::Products => &[
                ("booth", true),
                ("name", true),
                ("category", true),
                ("hall", false),
                ("description", false),
                ("price_min", false),
                ("price_max", false),
                ("currency", false),
                ("min_order", false),
                ("lead_time_days", false),
                ("certifications", false),
                ("origin", false),
            ],
            ImportKind::Buyers => &[
                ("email", true),
                ("name", true),
                ("company", true),
                ("job_role", true),
                ("country", true),
                ("interests", true),
                ("volume", true),
                ("source_countries", false),
                ("phone", false),
                ("wechat", false),
                ("consent", false),
            ],
        }
    }
}

/// A spreadsheet's first sheet: the header row, the data rows, and which cells held formulas
/// (row index from 0 = first data row, column index).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The header row as written.
    pub headers: Vec<String>,
    /// The data rows (trailing empty rows dropped).
    pub rows: Vec<Vec<String>>,
    /// Cells whose value came from a formula.
    pub formulas: HashSet<(usize, usize)>,
}

/// Why a whole file is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileError {
    /// No file, or nothing in it.
    Empty,
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// Over [`MAX_ROWS`] data rows.
    TooManyRows,
    /// A CSV whose text encoding is not recognised (UTF-8, UTF-16 with a byte-order mark, or a
    /// legacy encoding such as GBK, Shift_JIS or EUC-KR).
    Encoding,
    /// Not a CSV or XLSX file, or a damaged one.
    Unreadable,
    /// Required columns missing, or columns this kind does not have.
    Columns {
        /// Required columns not found.
        missing: Vec<String>,
        /// Header cells that are no column of this kind.
        unknown: Vec<String>,
    },
}

impl FileError {
    /// The Fluent id of the explanation.
    pub fn message_id(&self) -> &'static str {
        match self {
            FileError::Empty => "import-error-empty",
            FileError::TooLarge => "import-error-too-large",
            FileError::TooManyRows => "import-error-too-many-rows",
            FileError::Encoding => "import-error-encoding",
            FileError::Unreadable => "import-error-unreadable",
            FileError::Columns { .. } => "import-error-columns",
        }
    }
}

/// One refused cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    /// The line as the spreadsheet numbers it (the header is line 1).
    pub line: usize,
    /// The column's name.
    pub column: String,
    /// What was there (cut to 200 characters).
    pub value: String,
    /// Fluent id of the explanation.
    pub message_id: String,
}

/// A data row by column name, with its line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The line as the spreadsheet numbers it.
    pub line: usize,
    /// Cell values by column name (trimmed; absent columns are empty).
    pub values: BTreeMap<String, String>,
}

impl Record {
    /// The value of a column ("" when absent).
    pub fn get(&self, column: &str) -> &str {
        self.values.get(column).map_or("", String::as_str)
    }

    fn error(&self, column: &str, message_id: &str) -> CellError {
        CellError {
            line: self.line,
            column: column.to_owned(),
            value: self.get(column).chars().take(200).collect(),
            message_id: message_id.to_owned(),
        }
    }
}

/// A header as a column name: lower-case, spaces and hyphens as underscores.
pub fn normalize_header(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The sheet's rows as records of `kind`, with the cells refused before any kind's own checks
/// (formulas, over-long cells, control characters). Refuses the file when columns are wrong.
pub fn records(
    kind: ImportKind,
    sheet: &Sheet,
) -> Result<(Vec<Record>, Vec<CellError>), FileError> {
    let names: Vec<String> = sheet.headers.iter().map(|h| normalize_header(h)).collect();
    if names.iter().all(String::is_empty) && sheet.rows.is_empty() {
        return Err(FileError::Empty);
    }
    let columns = kind.columns();
    let missing: Vec<String> = columns
        .iter()
        .filter(|(c, required)| *required && !names.iter().any(|n| n == c))
        .map(|(c, _)| (*c).to_owned())
        .collect();
    let unknown: Vec<String> = sheet
        .headers
        .iter()
        .zip(&names)
        .filter(|(_, n)| !n.is_empty() && !columns.iter().any(|(c, _)| c == *n))
        .map(|(h, _)| h.trim().chars().take(40).collect())
        .collect();
    let mut seen = HashSet::new();
    let repeated = names
        .iter()
        .any(|n| !n.is_empty() && !seen.insert(n.clone()));
    if !missing.is_empty() || !unknown.is_empty() || repeated {
        return Err(FileError::Columns { missing, unknown });
    }
    if sheet.rows.len() > MAX_ROWS {
        return Err(FileError::TooManyRows);
    }
    let mut out = Vec::with_capacity(sheet.rows.len());
    let mut errors = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate() {
        let line = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut values = BTreeMap::new();
        for (j, name) in names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let raw = row.get(j).map_or("", String::as_str);
            let value = raw.trim().to_owned();
            let refuse = |id: &str| CellError {
                line,
                column: name.clone(),
                value: value.chars().take(200).collect(),
                message_id: id.to_owned(),
            };
            if sheet.formulas.contains(&(i, j)) || value.starts_with('=') {
                errors.push(refuse("import-error-formula"));
            } else if value.chars().count() > MAX_CELL_CHARS {
                errors.push(refuse("import-error-cell-too-long"));
            } else if value
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                errors.push(refuse("import-error-characters"));
            }
            values.insert(name.clone(), value);
        }
        if row.len() > names.len() && row[names.len()..].iter().any(|c| !c.trim().is_empty()) {
            errors.push(CellError {
                line,
                column: String::new(),
                value: String::new(),
                message_id: "import-error-extra-cells".into(),
            });
        }
        out.push(Record { line, values });
    }
    Ok((out, errors))
}

fn field_errors(
    record: &Record,
    errors: Vec<FieldError>,
    rename: &[(&str, &str)],
) -> Vec<CellError> {
    errors
        .into_iter()
        .map(|e| {
            let column = rename
                .iter()
                .find(|(field, _)| *field == e.field)
                .map_or(e.field.as_str(), |(_, c)| c);
            record.error(column, &e.message_id)
        })
        .collect()
}

/// An import as the console lists and shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Id.
    pub id: String,
    /// What it imports.
    pub kind: ImportKind,
    /// The language of its texts.
    pub language: Locale,
    /// The uploaded file's name.
    pub file_name: String,
    /// When it was uploaded.
    pub created_at: i64,
    /// Imported already (else a preview).
    pub imported: bool,
    /// Data rows in the file.
    pub total_rows: i64,
    /// Rows that pass every check.
    pub valid_rows: i64,
    /// Rows with at least one refused cell.
    pub refused_rows: i64,
    /// Valid rows that would make something new / change something there.
    pub will_create: i64,
    /// See `will_create`.
    pub will_update: i64,
    /// After the import: made / changed.
    pub created: i64,
    /// See `created`.
    pub updated: i64,
}

/// A checked exhibitor row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorRow {
    /// Company name.
    pub company: String,
    /// ISO country code.
    pub country: String,
    /// Hall slug.
    pub hall: String,
    /// Booth code (upper-case).
    pub booth: String,
    /// Web site or empty.
    pub website: String,
    /// About text or empty.
    pub about: String,
}

/// Checks an exhibitor row by itself.
pub fn check_exhibitor(r: &Record) -> Result<ExhibitorRow, Vec<CellError>> {
    let mut errors = Vec::new();
    let company = r.get("company").to_owned();
    if company.is_empty() {
        errors.push(r.error("company", "import-error-required"));
    } else if company.chars().count() > 200 || company.contains(['\n', '\r']) {
        errors.push(r.error("company", "import-error-company"));
    }
    let country = r.get("country").to_ascii_uppercase();
    if crate::account::Country::parse(&country).is_err() {
        errors.push(r.error("country", "error-country-invalid"));
    }
    let hall = r.get("hall").to_lowercase();
    if hall.is_empty() {
        errors.push(r.error("hall", "import-error-required"));
    }
    let booth = match crate::application::parse_booth_code(r.get("booth")) {
        Ok(b) => b,
        Err(_) => {
            errors.push(r.error("booth", "apply-error-booth-code"));
            String::new()
        }
    };
    let website = r.get("website").to_owned();
    if !website.is_empty()
        && (!(website.starts_with("https://") || website.starts_with("http://"))
            || website.len() > 300
            || website.contains(char::is_whitespace))
    {
        errors.push(r.error("website", "apply-error-website"));
    }
    let about = r.get("about").to_owned();
    if about.chars().count() > crate::text::LONG_TEXT_MAX_CHARS {
        errors.push(r.error("about", "error-text-too-long"));
    }
    if errors.is_empty() {
        Ok(ExhibitorRow {
            company,
            country,
            hall,
            booth,
            website,
            about,
        })
    } else {
        Err(errors)
    }
}

/// Checks a product row by itself: (booth code, the product).
pub fn check_product(
    r: &Record,
    language: Locale,
) -> Result<(String, ValidProduct), Vec<CellError>> {
    let booth = crate::application::parse_booth_code(r.get("booth"));
    let input = ProductInput {
        language: language.tag().to_owned(),
        name: r.get("name").to_owned(),
        description: r.get("description").to_owned(),
        category: r.get("category").to_lowercase(),
        price_min: r.get("price_min").to_owned(),
        price_max: r.get("price_max").to_owned(),
        currency: r.get("currency").to_owned(),
        min_order: r.get("min_order").to_owned(),
        lead_time_days: r.get("lead_time_days").to_owned(),
        certifications: r.get("certifications").to_owned(),
        origin: r.get("origin").to_owned(),
        ..ProductInput::default()
    };
    let mut errors = Vec::new();
    if booth.is_err() {
        errors.push(r.error("booth", "apply-error-booth-code"));
    }
    let product = input
        .validate()
        .map_err(|e| field_errors(r, e, &[("price", "price_min")]));
    match (booth, product) {
        (Ok(b), Ok(p)) if errors.is_empty() => Ok((b, p)),
        (_, p) => {
            errors.extend(p.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// A checked buyer row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerRow {
    /// E-mail (the key), lower-case.
    pub email: String,
    /// Name.
    pub name: String,
    /// ISO country code of the buyer.
    pub country: String,
    /// The buyer profile.
    pub form: BuyerForm,
}

/// Checks a buyer row by itself.
pub fn check_buyer(r: &Record) -> Result<BuyerRow, Vec<CellError>> {
    let mut errors = Vec::new();
    let email = match crate::account::Email::parse(r.get("email")) {
        Ok(e) => e.as_str().to_owned(),
        Err(e) => {
            errors.push(r.error("email", &e.message_id));
            String::new()
        }
    };
    let name = match crate::account::DisplayName::parse(r.get("name")) {
        Ok(n) => n.as_str().to_owned(),
        Err(e) => {
            errors.push(r.error("name", &e.message_id));
            String::new()
        }
    };
    let country = r.get("country").to_ascii_uppercase();
    if crate::account::Country::parse(&country).is_err() {
        errors.push(r.error("country", "error-country-invalid"));
    }
    let consent = match r.get("consent").to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "否" => "",
        "yes" | "y" | "true" | "1" | "是" => "on",
        _ => {
            errors.push(r.error("consent", "import-error-yes-no"));
            ""
        }
    };
    let input = BuyerInput {
        company: r.get("company").to_owned(),
        job_role: r.get("job_role").to_owned(),
        interests: vec![r.get("interests").to_lowercase()],
        volume: r.get("volume").to_lowercase(),
        countries: vec![r.get("source_countries").to_owned()],
        phone: r.get("phone").to_owned(),
        wechat: r.get("wechat").to_owned(),
        consent: consent.to_owned(),
    };
    let form = input
        .validate()
        .map_err(|e| field_errors(r, e, &[("countries", "source_countries")]));
    match form {
        Ok(form) if errors.is_empty() => Ok(BuyerRow {
            email,
            name,
            country,
            form,
        }),
        f => {
            errors.extend(f.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// Marks the second and later rows of a key already seen in the file.
pub fn duplicate(
    seen: &mut HashSet<String>,
    r: &Record,
    column: &str,
    key: String,
) -> Option<CellError> {
    (!seen.insert(key)).then(|| r.error(column, "import-error-duplicate"))
}

/// The template's header row for a kind.
pub fn template(kind: ImportKind) -> Vec<&'static str> {
    kind.columns().iter().map(|(c, _)| *c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(headers: &[&str], rows: &[&[&str]]) -> Sheet {
        Sheet {
            headers: headers.iter().map(|s| (*s).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
                .collect(),
            formulas: HashSet::new(),
        }
    }

    #[test]
    fn wrong_columns_refuse_the_file() {
        let s = sheet(&["Company", "Land", "hall"], &[]);
        let err = records(ImportKind::Exhibitors, &s).unwrap_err();
        assert_eq!(
            err,
            FileError::Columns {
                missing: vec!["country".into(), "booth".into()],
                unknown: vec!["Land".into()]
            }
        );
        let twice = sheet(&["booth", "name", "category", "Name"], &[]);
        assert!(matches!(
            records(ImportKind::Products, &twice),
            Err(FileError::Columns { .. })
        ));
    }

    #[test]
    fn headers_are_forgiving_and_cells_checked() {
        let s = sheet(
            &["\u{feff}Booth", "Name", "CATEGORY", "min-order"],
            &[
                &["M-01", "Pump", "marine", "10"],
                &["", "", "", ""],
                &["M-02", "=HYPERLINK(\"x\")", "marine", ""],
                &["M-03", "Valve", "marine", "", "stray"],
            ],
        );
        let (rows, errors) = records(ImportKind::Products, &s).unwrap();
        assert_eq!(rows.len(), 3, "the empty row is skipped");
        assert_eq!(rows[0].get("min_order"), "10");
        assert_eq!(errors.len(), 2);
        assert_eq!(
            (errors[0].line, errors[0].message_id.as_str()),
            (4, "import-error-formula")
        );
        assert_eq!(
            (errors[1].line, errors[1].message_id.as_str()),
            (5, "import-error-extra-cells")
        );
    }

    #[test]
    fn too_many_rows() {
        let row: &[&str] = &["a", "b", "c"];
        let rows = vec![row; MAX_ROWS + 1];
        let s = sheet(&["booth", "name", "category"], &rows);
        assert_eq!(
            records(ImportKind::Products, &s).unwrap_err(),
            FileError::TooManyRows
        );
    }

    #[test]
    fn rows_are_checked_per_kind() {
        let s = sheet(
            &[
                "email",
                "name",
                "company",
                "job_role",
                "country",
                "interests",
                "volume",
                "consent",
            ],
            &[
                &[
                    "a@b.co",
                    "Ann",
                    "Acme",
                    "Buyer",
                    "de",
                    "marine, food",
                    "1m_10m",
                    "yes",
                ],
                &[
                    "not-mail", "Bo", "Acme", "Buyer", "XX", "guns", "big", "perhaps",
                ],
            ],
        );
        let (rows, errors) = records(ImportKind::Buyers, &s).unwrap();
        assert!(errors.is_empty());
        let ok = check_buyer(&rows[0]).unwrap();
        assert_eq!(ok.country, "DE");
        assert_eq!(ok.form.interests, ["marine", "food"]);
        assert!(ok.form.consent);
        let bad = check_buyer(&rows[1]).unwrap_err();
        let columns: Vec<&str> = bad.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            columns,
            ["email", "country", "consent", "interests", "volume"]
        );
        assert!(bad.iter().all(|e| e.line == 3));
    }
}
