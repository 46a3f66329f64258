//! Bulk import over HTTP: `POST /api/import/upload` (a multipart form: `kind`, `language`,
//! `file`) reads a CSV or XLSX file into a sheet (off the async threads, archives checked
//! for zip bombs first), refuses whole files that cannot be imported,
//! and stores the preview; `GET /import/template/<kind>.csv` gives an empty template and
//! `GET /import/<id>/errors.csv` the refused cells. A browser posting the plain form is sent to
//! the preview page, or back to the form with the reason; a client asking for JSON gets JSON.

use app::import::service::{preview, Upload};
use app::shell::i18n::I18n;
use app::state::{AppState, ClientInfo, Ctx, CurrentSession, RequestLocale};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use domain::import::{records, FileError, ImportKind, Sheet, MAX_BYTES, MAX_ROWS};
use domain::Locale;
use std::collections::HashSet;

/// Largest total of an XLSX archive's uncompressed parts (a real 5 MB workbook of 50,000 rows
/// unpacks to well under this).
const XLSX_MAX_UNPACKED: u64 = 200 << 20;
/// Largest ratio of a part's uncompressed to compressed size; XML of spreadsheets compresses
/// about 10:1 to 30:1, a zip bomb by thousands.
const XLSX_MAX_RATIO: u64 = 200;

/// Reads a file's bytes into its first sheet: XLSX when it is a ZIP archive, else CSV (UTF-8,
/// UTF-16 with a byte-order mark, or a legacy encoding such as GBK/GB18030, Shift_JIS or
/// EUC-KR, recognised from the bytes with `hint` — the language of the file's texts — as the
/// tie-breaker; `,`, `;` or tab as the separator). CPU-bound: call it off the async threads.
pub fn read_sheet(bytes: &[u8], hint: Locale) -> Result<Sheet, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        check_archive(bytes)?;
        return read_xlsx(bytes);
    }
    let text = decode(bytes, hint)?;
    read_csv(&text)
}

/// Refuses a ZIP archive that would unpack to more than [`XLSX_MAX_UNPACKED`] or whose parts
/// are compressed beyond [`XLSX_MAX_RATIO`]: the sizes are checked by unpacking (bounded),
/// not taken from the archive's own claims.
fn check_archive(bytes: &[u8]) -> Result<(), FileError> {
    use std::io::Read;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| FileError::Unreadable)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let file = archive.by_index(i).map_err(|_| FileError::Unreadable)?;
        let compressed = file.compressed_size().max(1);
        let allowed = (compressed.saturating_mul(XLSX_MAX_RATIO))
            .max(64 * 1024)
            .min(XLSX_MAX_UNPACKED - total);
        let unpacked = std::io::copy(&mut file.take(allowed + 1), &mut std::io::sink())
            .map_err(|_| FileError::Unreadable)?;
        if unpacked > allowed {
            return Err(FileError::TooLarge);
        }
        total += unpacked;
    }
    Ok(())
}

/// The top-level domain chardetng weighs its guess with, from the language of the texts.
fn tld_of(hint: Locale) -> Option<&'static [u8]> {
    match hint {
        Locale::ZhCn => Some(b"cn"),
        Locale::Ja => Some(b"jp"),
        Locale::Ko => Some(b"kr"),
        Locale::Ru => Some(b"ru"),
        Locale::Ar => Some(b"sa"),
        _ => None,
    }
}

fn decode(bytes: &[u8], hint: Locale) -> Result<String, FileError> {
    let utf16 = |bytes: &[u8], le: bool| -> Result<String, FileError> {
        if !bytes.len().is_multiple_of(2) {
            return Err(FileError::Encoding);
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| FileError::Encoding)
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map_err(|_| FileError::Encoding)?
            .to_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, true)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, false)?
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        // Excel in China saves "CSV" as GBK, in Japan as Shift_JIS, in Korea as EUC-KR.
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let encoding = detector.guess(tld_of(hint), false);
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(FileError::Encoding)?
            .into_owned()
    };
    // Text files hold no NUL bytes; binary garbage that happens to decode does.
    if text.contains('\0') {
        return Err(FileError::Unreadable);
    }
    Ok(text)
}

fn read_csv(text: &str) -> Result<Sheet, FileError> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| FileError::Unreadable)?;
        if rows.len() > MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    sheet_of(rows, HashSet::new())
}

fn sheet_of(
    mut rows: Vec<Vec<String>>,
    formulas: HashSet<(usize, usize)>,
) -> Result<Sheet, FileError> {
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()))
    {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(FileError::Empty);
    }
    let headers = rows.remove(0);
    if rows.len() > MAX_ROWS {
        return Err(FileError::TooManyRows);
    }
    Ok(Sheet {
        headers,
        rows,
        formulas,
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, FileError> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| FileError::Unreadable)?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(FileError::Empty)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    {
        let mut cells = book
            .worksheet_cells_reader(&name)
            .map_err(|_| FileError::Unreadable)?;
        while let Some(cell) = cells.next_cell().map_err(|_| FileError::Unreadable)? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            if r > MAX_ROWS + 1 {
                return Err(FileError::TooManyRows);
            }
            if c >= 64 {
                continue;
            }
            let value = Data::from(cell.get_value().clone());
            let text = match value {
                Data::Empty => continue,
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
                other => other.to_string(),
            };
            while rows.len() <= r {
                rows.push(Vec::new());
            }
            let row = &mut rows[r];
            while row.len() <= c {
                row.push(String::new());
            }
            row[c] = text;
        }
    }
    let mut formulas = HashSet::new();
    {
        let mut cells = book
            .worksheet_cells_reader(&name)
            .map_err(|_| FileError::Unreadable)?;
        while let Some(cell) = cells.next_formula().map_err(|_| FileError::Unreadable)? {
            let (r, c) = cell.get_position();
            if !cell.get_value().is_empty() && r >= 1 {
                formulas.insert((r as usize - 1, c as usize));
            }
        }
    }
    sheet_of(rows, formulas)
}

fn refuse(json: bool, status: StatusCode, kind: &str, error: &FileError) -> Response {
    let (missing, unknown) = match error {
        FileError::Columns { missing, unknown } => (missing.join(", "), unknown.join(", ")),
        _ => (String::new(), String::new()),
    };
    if json {
        let body = serde_json::json!({
            "error": error.message_id(),
            "missing": missing,
            "unknown": unknown,
        });
        return (status, axum::Json(body)).into_response();
    }
    let enc = |s: &str| app::shell::language_menu::encode_query_value(s);
    Redirect::to(&format!(
        "/dashboard/import?kind={}&error={}&missing={}&unknown={}",
        enc(kind),
        error.message_id(),
        enc(&missing),
        enc(&unknown)
    ))
    .into_response()
}

fn app_error(json: bool, e: app::AppError) -> Response {
    let status = e.status_code();
    if json {
        let body = serde_json::json!({ "error": e.message_id() });
        return (status, axum::Json(body)).into_response();
    }
    Redirect::to(&format!("/dashboard/import?error={}", e.message_id())).into_response()
}

/// The upload handler.
pub async fn upload(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let json = crate::middleware::wants_json(&headers);
    let ctx = Ctx::of_request(state, client, session, locale);
    // Refuse strangers before reading what they send.
    if let Err(e) = app::console::managed_expo(&ctx).await {
        return app_error(json, e);
    }
    let Ok(mut multipart) = multipart else {
        return refuse(json, StatusCode::BAD_REQUEST, "", &FileError::Unreadable);
    };
    let (mut kind, mut language, mut file_name, mut bytes) =
        (String::new(), String::new(), String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_owned();
                if name == "file" {
                    file_name = field.file_name().unwrap_or("").chars().take(200).collect();
                    match field.bytes().await {
                        Ok(b) => bytes = Some(b),
                        Err(e) => {
                            let error = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                                FileError::TooLarge
                            } else {
                                FileError::Unreadable
                            };
                            return refuse(json, e.status(), &kind, &error);
                        }
                    }
                } else if let Ok(text) = field.text().await {
                    match name.as_str() {
                        "kind" => kind = text.chars().take(20).collect(),
                        "language" => language = text.chars().take(10).collect(),
                        _ => {}
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                let error = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    FileError::TooLarge
                } else {
                    FileError::Unreadable
                };
                return refuse(json, e.status(), &kind, &error);
            }
        }
    }
    let Some(import_kind) = ImportKind::parse(&kind) else {
        let e =
            app::AppError::Validation(vec![domain::FieldError::new("kind", "import-error-kind")]);
        if json {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                axum::Json(serde_json::json!({ "error": "import-error-kind" })),
            )
                .into_response();
        }
        return app_error(false, e);
    };
    let language = Locale::parse(&language).unwrap_or(ctx.locale);
    let bytes = bytes.unwrap_or_default();
    // Unpacking and parsing take CPU: off the async threads.
    let sheet = match tokio::task::spawn_blocking(move || {
        let mut sheet = read_sheet(&bytes, language)?;
        // An export of the directory reads back as an import of it.
        crate::import_readback::read_back_export(import_kind, &mut sheet);
        Ok::<_, FileError>(sheet)
    })
    .await
    {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return refuse(json, StatusCode::UNPROCESSABLE_ENTITY, &kind, &e),
        Err(e) => return app_error(json, app::AppError::internal(e)),
    };
    let total_rows = sheet.rows.len();
    let (rows, errors) = match records(import_kind, &sheet) {
        Ok(r) => r,
        Err(e) => return refuse(json, StatusCode::UNPROCESSABLE_ENTITY, &kind, &e),
    };
    let file_name = if file_name.trim().is_empty() {
        format!("{}.csv", import_kind.as_str())
    } else {
        file_name
    };
    let upload = Upload {
        kind: import_kind,
        language,
        file_name: &file_name,
        total_rows,
        records: rows,
        errors,
    };
    match preview(&ctx, upload).await {
        Ok(id) if json => {
            (StatusCode::OK, axum::Json(serde_json::json!({ "id": id }))).into_response()
        }
        Ok(id) => Redirect::to(&format!("/dashboard/import/{id}")).into_response(),
        Err(e) => app_error(json, e),
    }
}

fn csv_response(name: &str, table: &crate::export::Table) -> Response {
    match crate::export::to_csv(table) {
        Ok(bytes) => {
            let mut headers = HeaderMap::new();
            if let Ok(v) = "text/csv; charset=utf-8".parse() {
                headers.insert(header::CONTENT_TYPE, v);
            }
            if let Ok(v) = format!("attachment; filename=\"{name}\"").parse() {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            (StatusCode::OK, headers, bytes).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "csv");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /import/template/<kind>.csv`: the header row of a kind (organizers).
pub async fn template(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
) -> Response {
    let ctx = Ctx::of_request(state, client, session, locale);
    if let Err(e) = app::console::managed_expo(&ctx).await {
        return app_error(true, e);
    }
    let Some(kind) = file.strip_suffix(".csv").and_then(ImportKind::parse) else {
        return app_error(true, app::AppError::NotFound);
    };
    let table = crate::export::Table {
        headers: domain::import::template(kind)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rows: Vec::new(),
    };
    csv_response(&file, &table)
}

/// `GET /import/<id>/errors.csv`: every refused cell of an import, explained in the reader's
/// language (organizers).
pub async fn errors(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(session): Extension<CurrentSession>,
    Extension(locale): Extension<RequestLocale>,
    Extension(client): Extension<ClientInfo>,
) -> Response {
    let i18n = I18n { locale: locale.0 };
    let ctx = Ctx::of_request(state, client, session, locale);
    let (summary, _, errors) = match app::import::service::get(&ctx, &id).await {
        Ok(found) => found,
        Err(e) => return app_error(true, e),
    };
    let table = crate::export::Table {
        headers: [
            "import-line",
            "import-column",
            "import-value",
            "import-problem",
        ]
        .iter()
        .map(|id| i18n.t(id))
        .collect(),
        rows: errors
            .into_iter()
            .map(|e| vec![e.line.to_string(), e.column, e.value, i18n.t(&e.message_id)])
            .collect(),
    };
    let stem = summary
        .file_name
        .rsplit_once('.')
        .map_or(summary.file_name.as_str(), |(s, _)| s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect::<String>();
    csv_response(&format!("{stem}-errors.csv"), &table)
}
