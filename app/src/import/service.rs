//! Checking an upload against the expo (halls, booths, accounts), storing the preview, and
//! importing its valid rows in one transaction.

use crate::state::Ctx;
use crate::AppError;
use domain::hall::{BoothTier, Rect};
use domain::import::{
    check_buyer, check_exhibitor, check_product, duplicate, BuyerRow, CellError, ExhibitorRow,
    ImportKind, ImportSummary, Record,
};
use domain::product::ValidProduct;
use domain::text::LocalizedText;
use domain::Locale;
use std::collections::{HashMap, HashSet};

/// Imports listed on the import page.
pub const RECENT: i64 = 20;

/// What one valid row will do.
enum Op {
    NewExhibitor {
        row: ExhibitorRow,
        hall_id: String,
        spot: Rect,
    },
    Exhibitor {
        row: ExhibitorRow,
        id: String,
        name: LocalizedText,
        about: LocalizedText,
    },
    NewProduct {
        exhibitor_id: String,
        product: ValidProduct,
    },
    Product {
        id: String,
        exhibitor_id: String,
        product: ValidProduct,
        name: LocalizedText,
        description: LocalizedText,
    },
    Buyer {
        row: BuyerRow,
        user_id: Option<String>,
    },
}

impl Op {
    fn creates(&self) -> bool {
        matches!(
            self,
            Op::NewExhibitor { .. } | Op::NewProduct { .. } | Op::Buyer { user_id: None, .. }
        )
    }
}

fn text_of(json: &str, language: Locale) -> LocalizedText {
    if json.trim().is_empty() {
        LocalizedText::new(language, "")
    } else {
        LocalizedText::from_json(json)
    }
}

/// Checks rows against the expo as `tx` sees it: the operations of the valid rows and the
/// cells refused.
async fn plan(
    tx: &mut db::Tx,
    expo_id: &str,
    kind: ImportKind,
    language: Locale,
    records: &[Record],
) -> Result<(Vec<Op>, Vec<CellError>), AppError> {
    let mut ops = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let refuse = |e: Vec<CellError>, errors: &mut Vec<CellError>| errors.extend(e);
    match kind {
        ImportKind::Exhibitors => {
            let mut halls = db::import::halls(tx, expo_id).await?;
            let booths = db::import::booths(tx, expo_id).await?;
            for r in records {
                let row = match check_exhibitor(r) {
                    Ok(row) => row,
                    Err(e) => {
                        refuse(e, &mut errors);
                        continue;
                    }
                };
                if let Some(e) =
                    duplicate(&mut seen, r, "booth", format!("{}/{}", row.hall, row.booth))
                {
                    errors.push(e);
                    continue;
                }
                let Some(hall) = halls.iter_mut().find(|h| h.1 == row.hall) else {
                    refuse(vec![cell(r, "hall", "import-error-hall")], &mut errors);
                    continue;
                };
                if let Some(b) = booths
                    .iter()
                    .find(|b| b.hall == row.hall && b.code == row.booth)
                {
                    ops.push(Op::Exhibitor {
                        id: b.exhibitor_id.clone(),
                        name: text_of(&b.name, language),
                        about: text_of(&b.about, language),
                        row,
                    });
                    continue;
                }
                let (w, h) = (hall.2, hall.3);
                let (bw, bh) = domain::application::standard_booth_size(w);
                match domain::application::free_spot(w, h, &hall.4, bw, bh) {
                    Some(spot) => {
                        hall.4.push(spot);
                        ops.push(Op::NewExhibitor {
                            row,
                            hall_id: hall.0.clone(),
                            spot,
                        });
                    }
                    None => refuse(vec![cell(r, "hall", "apply-error-hall-full")], &mut errors),
                }
            }
        }
        ImportKind::Products => {
            let booths = db::import::booths(tx, expo_id).await?;
            let mut by_code: HashMap<&str, Vec<&db::import::BoothOwner>> = HashMap::new();
            for b in &booths {
                by_code.entry(b.code.as_str()).or_default().push(b);
            }
            let existing = db::import::products(tx, expo_id).await?;
            let mut by_name: HashMap<(String, String), (String, String, String)> = HashMap::new();
            for (id, exhibitor, name, description) in existing {
                let key = LocalizedText::from_json(&name)
                    .values
                    .get(&language)
                    .map(|n| n.trim().to_lowercase());
                if let Some(key) = key {
                    by_name.insert((exhibitor, key), (id, name, description));
                }
            }
            for r in records {
                let (code, product) = match check_product(r, language) {
                    Ok(p) => p,
                    Err(e) => {
                        refuse(e, &mut errors);
                        continue;
                    }
                };
                let hall = r.get("hall").to_lowercase();
                let matching: Vec<&&db::import::BoothOwner> = by_code
                    .get(code.as_str())
                    .map(|v| {
                        v.iter()
                            .filter(|b| hall.is_empty() || b.hall == hall)
                            .collect()
                    })
                    .unwrap_or_default();
                let owner = match matching.as_slice() {
                    [one] => one.exhibitor_id.clone(),
                    [_, _, ..] => {
                        errors.push(cell(r, "booth", "import-error-booth-ambiguous"));
                        continue;
                    }
                    _ => {
                        errors.push(cell(r, "booth", "import-error-booth-unknown"));
                        continue;
                    }
                };
                let key = (owner.clone(), product.name.to_lowercase());
                if let Some(e) = duplicate(&mut seen, r, "name", format!("{}/{}", key.0, key.1)) {
                    errors.push(e);
                    continue;
                }
                match by_name.get(&key) {
                    Some((id, name, description)) => ops.push(Op::Product {
                        id: id.clone(),
                        exhibitor_id: owner,
                        name: text_of(name, language),
                        description: text_of(description, language),
                        product,
                    }),
                    None => ops.push(Op::NewProduct {
                        exhibitor_id: owner,
                        product,
                    }),
                }
            }
        }
        ImportKind::Buyers => {
            let accounts: HashMap<String, String> = db::import::accounts(tx)
                .await?
                .into_iter()
                .map(|(email, id)| (email.to_lowercase(), id))
                .collect();
            for r in records {
                let row = match check_buyer(r) {
                    Ok(row) => row,
                    Err(e) => {
                        refuse(e, &mut errors);
                        continue;
                    }
                };
                if let Some(e) = duplicate(&mut seen, r, "email", row.email.clone()) {
                    errors.push(e);
                    continue;
                }
                let user_id = accounts.get(&row.email).cloned();
                ops.push(Op::Buyer { row, user_id });
            }
        }
    }
    Ok((ops, errors))
}

/// A product row to write: an imported product has no specification rows (an update keeps
/// the ones it had).
fn product_row<'a>(
    id: &'a str,
    exhibitor_id: &'a str,
    name: &'a LocalizedText,
    description: &'a LocalizedText,
    product: &'a ValidProduct,
    now: i64,
) -> db::expo::NewProduct<'a> {
    db::expo::NewProduct {
        id,
        exhibitor_id,
        name,
        description,
        category: &product.category,
        specs: &[],
        price: product.price.as_ref(),
        min_order: product.min_order,
        lead_time_days: product.lead_time_days,
        certifications: &product.certifications,
        origin: &product.origin,
        created_at: now,
    }
}

fn cell(r: &Record, column: &str, message_id: &str) -> CellError {
    CellError {
        line: r.line,
        column: column.to_owned(),
        value: r.get(column).chars().take(200).collect(),
        message_id: message_id.to_owned(),
    }
}

/// An upload already read into records (file-level refusals handled by the caller).
pub struct Upload<'a> {
    /// What it imports.
    pub kind: ImportKind,
    /// The language of its texts.
    pub language: Locale,
    /// The file's name.
    pub file_name: &'a str,
    /// Data rows in the file (empty ones included).
    pub total_rows: usize,
    /// The non-empty rows.
    pub records: Vec<Record>,
    /// Cells refused while reading.
    pub errors: Vec<CellError>,
}

/// Checks an upload and stores its preview; returns the import's id. Writes nothing else.
pub async fn preview(ctx: &Ctx, upload: Upload<'_>) -> Result<String, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let user = ctx
        .session
        .as_ref()
        .map(|s| s.user.id.clone())
        .unwrap_or_default();
    let mut errors = upload.errors;
    let refused: HashSet<usize> = errors.iter().map(|e| e.line).collect();
    let candidates: Vec<Record> = upload
        .records
        .into_iter()
        .filter(|r| !refused.contains(&r.line))
        .collect();
    let mut tx = ctx.state.db.begin().await?;
    let (ops, more) = plan(&mut tx, &expo_id, upload.kind, upload.language, &candidates).await?;
    drop(tx);
    let refused: HashSet<usize> = more.iter().map(|e| e.line).collect();
    errors.extend(more);
    errors.sort_by_key(|e| e.line);
    let valid: Vec<Record> = candidates
        .into_iter()
        .filter(|r| !refused.contains(&r.line))
        .collect();
    let will_create = ops.iter().filter(|o| o.creates()).count() as i64;
    let id = db::new_id();
    db::import::insert(
        &ctx.state.db,
        &db::import::NewImport {
            id: &id,
            expo_id: &expo_id,
            kind: upload.kind,
            language: upload.language,
            file_name: upload.file_name,
            created_by: &user,
            total_rows: upload.total_rows as i64,
            records: &valid,
            errors: &errors,
            will_create,
            will_update: ops.len() as i64 - will_create,
            now: db::now_millis(),
        },
    )
    .await?;
    crate::console::audit(ctx, "import.preview", &format!("import:{id}")).await;
    Ok(id)
}

/// One import of the current expo (organizers): summary, refused cells, valid rows.
pub async fn get(
    ctx: &Ctx,
    id: &str,
) -> Result<(ImportSummary, Vec<Record>, Vec<CellError>), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    db::import::get(&ctx.state.db, &expo_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The expo's latest imports (organizers).
pub async fn recent(ctx: &Ctx) -> Result<Vec<ImportSummary>, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    Ok(db::import::recent(&ctx.state.db, &expo_id, RECENT).await?)
}

/// Imports a preview's valid rows in one transaction: all of them, or — when the expo changed
/// since the preview so that a row no longer passes — none. Returns (created, updated).
pub async fn commit(ctx: &Ctx, id: &str) -> Result<(i64, i64), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let importer = ctx
        .session
        .as_ref()
        .map(|s| s.user.id.clone())
        .unwrap_or_default();
    let (summary, records, _) = db::import::get(&ctx.state.db, &expo_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if summary.imported {
        return Err(AppError::Conflict("import-error-done".into()));
    }
    let language = summary.language;
    let now = db::now_millis();
    let mut tx = ctx.state.db.begin().await?;
    if !db::import::claim(&mut tx, id, now).await? {
        return Err(AppError::Conflict("import-error-done".into()));
    }
    let (ops, errors) = plan(&mut tx, &expo_id, summary.kind, language, &records).await?;
    if !errors.is_empty() {
        return Err(AppError::Conflict("import-error-changed".into()));
    }
    let (mut created, mut updated) = (0, 0);
    for op in ops {
        if op.creates() {
            created += 1;
        } else {
            updated += 1;
        }
        match op {
            Op::NewExhibitor { row, hall_id, spot } => {
                let exhibitor_id = db::new_id();
                db::expo::insert_exhibitor(
                    &mut tx,
                    &exhibitor_id,
                    &expo_id,
                    Some(&hall_id),
                    &LocalizedText::new(language, row.company.clone()),
                    &row.country,
                    now,
                )
                .await?;
                db::expo::set_exhibitor_profile(
                    &mut tx,
                    &exhibitor_id,
                    &LocalizedText::new(language, row.about.clone()),
                    &row.website,
                )
                .await?;
                db::hall::insert_booth(
                    &mut tx,
                    &db::new_id(),
                    &hall_id,
                    &exhibitor_id,
                    &row.booth,
                    spot,
                    BoothTier::Standard,
                )
                .await?;
            }
            Op::Exhibitor {
                row,
                id,
                mut name,
                mut about,
            } => {
                name.set(language, &row.company);
                if !row.about.is_empty() {
                    about.set(language, &row.about);
                }
                db::import::update_exhibitor(
                    &mut tx,
                    &id,
                    &name,
                    &row.country,
                    &row.website,
                    &about,
                )
                .await?;
            }
            Op::NewProduct {
                exhibitor_id,
                product,
            } => {
                let id = db::new_id();
                let name = LocalizedText::new(language, product.name.clone());
                let description = LocalizedText::new(language, product.description.clone());
                let row = product_row(&id, &exhibitor_id, &name, &description, &product, now);
                db::expo::insert_product(&mut tx, &row).await?;
            }
            Op::Product {
                id,
                exhibitor_id,
                product,
                mut name,
                mut description,
            } => {
                name.set(language, &product.name);
                description.set(language, &product.description);
                let row = product_row(&id, &exhibitor_id, &name, &description, &product, now);
                db::import::update_product(&mut tx, &row).await?;
            }
            Op::Buyer { row, user_id } => {
                let user_id = match user_id {
                    Some(u) => u,
                    None => {
                        let u = db::new_id();
                        db::account::insert_user(
                            &mut tx,
                            &db::account::NewUser {
                                id: &u,
                                email: &row.email,
                                // No password: the person sets one through a reset link.
                                password_hash: IMPORTED_NO_PASSWORD,
                                display_name: &row.name,
                                company: Some(&row.form.company),
                                country: &row.country,
                                language: language.tag(),
                                created_at: now,
                            },
                        )
                        .await?;
                        u
                    }
                };
                db::buyer::save(&mut tx, &expo_id, &user_id, &row.form, Some(&importer), now)
                    .await?;
                db::account::grant_role(
                    &mut tx,
                    &user_id,
                    &expo_id,
                    domain::account::Role::Buyer,
                    None,
                    now,
                )
                .await?;
            }
        }
    }
    db::import::finish(&mut tx, id, created, updated).await?;
    db::commit(tx).await?;
    crate::console::audit(ctx, "import.commit", &format!("import:{id}")).await;
    Ok((created, updated))
}

/// The password hash of an imported account: no password matches it.
pub const IMPORTED_NO_PASSWORD: &str = "!imported";
