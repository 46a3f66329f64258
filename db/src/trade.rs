//! Inquiries, quotes and the rate table. Status changes are conditional updates (`… WHERE
//! status = <the one expected>`), so two answers racing each other change a row once.

use crate::{classify, Db, Result, Tx};
use domain::text::LocalizedText;
use domain::trade::{
    InquiryForm, InquiryStatus, InquirySummary, QuoteForm, QuoteLine, QuoteStatus, QuoteView, Rate,
};

/// An inquiry about to be stored.
pub struct NewInquiry<'a> {
    /// Id.
    pub id: &'a str,
    /// The expo.
    pub expo_id: &'a str,
    /// The booth asked.
    pub exhibitor_id: &'a str,
    /// The buyer.
    pub buyer_id: &'a str,
    /// The booth conversation.
    pub room_id: &'a str,
    /// The form's token.
    pub cid: &'a str,
    /// The checked form.
    pub form: &'a InquiryForm,
    /// Now.
    pub at: i64,
}

/// Stores a new inquiry; [`crate::Error::Unique`] when the buyer sent this form already.
pub async fn insert_inquiry(tx: &mut Tx, i: &NewInquiry<'_>) -> Result<()> {
    let f = i.form;
    sqlx::query(
        "INSERT INTO inquiries (id, expo_id, exhibitor_id, product_id, buyer_id, room_id, cid, \
           quantity_milli, unit, target_minor, currency, incoterm, destination, place, needed_by, \
           message, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'open', $17, $17)",
    )
    .bind(i.id)
    .bind(i.expo_id)
    .bind(i.exhibitor_id)
    .bind(f.product_id.as_deref())
    .bind(i.buyer_id)
    .bind(i.room_id)
    .bind(i.cid)
    .bind(f.quantity_milli)
    .bind(&f.unit)
    .bind(f.target_minor)
    .bind(&f.currency)
    .bind(&f.incoterm)
    .bind(&f.destination)
    .bind(&f.place)
    .bind(f.needed_by.as_deref())
    .bind(&f.message)
    .bind(i.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// The inquiry a buyer's form token made, if any.
pub async fn by_cid(db: &Db, buyer_id: &str, cid: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT id FROM inquiries WHERE buyer_id = $1 AND cid = $2")
            .bind(buyer_id)
            .bind(cid)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(id,)| id))
}

/// How many inquiries the buyer sent since `since`.
pub async fn sent_since(db: &Db, buyer_id: &str, since: i64) -> Result<i64> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM inquiries WHERE buyer_id = $1 AND created_at >= $2")
            .bind(buyer_id)
            .bind(since)
            .fetch_one(db.pool())
            .await?;
    Ok(n)
}

/// An inquiry's stored facts.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InquiryRow {
    /// Id.
    pub id: String,
    /// Expo.
    pub expo_id: String,
    /// Booth.
    pub exhibitor_id: String,
    /// Product.
    pub product_id: Option<String>,
    /// Buyer.
    pub buyer_id: String,
    /// Conversation.
    pub room_id: Option<String>,
    /// Thousandths of a unit.
    pub quantity_milli: i64,
    /// Unit.
    pub unit: String,
    /// Target price per unit.
    pub target_minor: Option<i64>,
    /// Currency.
    pub currency: String,
    /// Incoterm.
    pub incoterm: String,
    /// Destination country.
    pub destination: String,
    /// Port or city.
    pub place: String,
    /// Needed by.
    pub needed_by: Option<String>,
    /// Message.
    pub message: String,
    /// Status (stored name).
    pub status: String,
    /// Deal value once accepted.
    pub deal_minor: Option<i64>,
    /// Its currency.
    pub deal_currency: Option<String>,
    /// Sent.
    pub created_at: i64,
}

impl InquiryRow {
    /// The status (an unknown stored name reads as open).
    pub fn status(&self) -> InquiryStatus {
        InquiryStatus::parse(&self.status).unwrap_or(InquiryStatus::Open)
    }

    /// The form as the buyer sent it.
    pub fn form(&self) -> InquiryForm {
        InquiryForm {
            product_id: self.product_id.clone(),
            quantity_milli: self.quantity_milli,
            unit: self.unit.clone(),
            target_minor: self.target_minor,
            currency: self.currency.clone(),
            incoterm: self.incoterm.clone(),
            destination: self.destination.clone(),
            place: self.place.clone(),
            needed_by: self.needed_by.clone(),
            message: self.message.clone(),
        }
    }
}

/// One inquiry.
pub async fn inquiry(db: &Db, id: &str) -> Result<Option<InquiryRow>> {
    Ok(sqlx::query_as(
        "SELECT id, expo_id, exhibitor_id, product_id, buyer_id, room_id, quantity_milli, unit, \
           target_minor, currency, incoterm, destination, place, needed_by, message, status, \
           deal_minor, deal_currency, created_at \
         FROM inquiries WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?)
}

const SUMMARY: &str = "SELECT i.id, i.status, e.name, p.name, u.display_name, i.quantity_milli, \
       i.unit, q.total_minor, q.currency, i.updated_at \
     FROM inquiries i JOIN exhibitors e ON e.id = i.exhibitor_id \
       JOIN users u ON u.id = i.buyer_id \
       LEFT JOIN products p ON p.id = i.product_id \
       LEFT JOIN quotes q ON q.inquiry_id = i.id \
         AND q.revision = (SELECT MAX(revision) FROM quotes WHERE inquiry_id = i.id)";

type SummaryRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    String,
    Option<i64>,
    Option<String>,
    i64,
);

fn summary(r: SummaryRow) -> InquirySummary {
    let (id, status, ex, product, buyer_name, quantity_milli, unit, total, currency, updated_at) =
        r;
    InquirySummary {
        id,
        status: InquiryStatus::parse(&status).unwrap_or(InquiryStatus::Open),
        exhibitor_name: LocalizedText::from_json(&ex),
        product_name: product.as_deref().map(LocalizedText::from_json),
        buyer_name,
        quantity_milli,
        unit,
        latest_quote: total.zip(currency),
        updated_at,
    }
}

/// The buyer's inquiries, newest change first.
pub async fn sent_by(db: &Db, buyer_id: &str) -> Result<Vec<InquirySummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY} WHERE i.buyer_id = $1 ORDER BY i.updated_at DESC, i.id LIMIT 500"
    ))
    .bind(buyer_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// A booth's inquiries, newest change first.
pub async fn received_by(db: &Db, exhibitor_id: &str) -> Result<Vec<InquirySummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY} WHERE i.exhibitor_id = $1 ORDER BY i.updated_at DESC, i.id LIMIT 500"
    ))
    .bind(exhibitor_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// A quote about to be stored.
pub struct NewQuote<'a> {
    /// Id.
    pub id: &'a str,
    /// The inquiry.
    pub inquiry_id: &'a str,
    /// The checked quote.
    pub form: &'a QuoteForm,
    /// Who wrote it.
    pub author_id: &'a str,
    /// Now.
    pub at: i64,
}

/// Stores a new revision (numbered after the last one) and marks the earlier offer superseded;
/// the inquiry becomes quoted. The inquiry's row is written first, so concurrent quotes take
/// turns on both backends. `None` when the inquiry is no longer open or quoted (nothing is
/// written), else the revision number.
pub async fn insert_quote(tx: &mut Tx, q: &NewQuote<'_>) -> Result<Option<i64>> {
    let moved = sqlx::query(
        "UPDATE inquiries SET status = 'quoted', updated_at = $2 \
         WHERE id = $1 AND status IN ('open', 'quoted')",
    )
    .bind(q.inquiry_id)
    .bind(q.at)
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(None);
    }
    let (last,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(revision) FROM quotes WHERE inquiry_id = $1")
            .bind(q.inquiry_id)
            .fetch_one(&mut **tx)
            .await?;
    let revision = last.unwrap_or(0) + 1;
    sqlx::query(
        "UPDATE quotes SET status = 'superseded' WHERE inquiry_id = $1 AND status = 'offered'",
    )
    .bind(q.inquiry_id)
    .execute(&mut **tx)
    .await?;
    let lines = serde_json::to_string(&q.form.lines).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO quotes (id, inquiry_id, revision, status, currency, incoterm, valid_until, \
           terms, lines, total_minor, author_id, created_at) \
         VALUES ($1, $2, $3, 'offered', $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(q.id)
    .bind(q.inquiry_id)
    .bind(revision)
    .bind(&q.form.currency)
    .bind(&q.form.incoterm)
    .bind(&q.form.valid_until)
    .bind(&q.form.terms)
    .bind(lines)
    .bind(q.form.total_minor)
    .bind(q.author_id)
    .bind(q.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(Some(revision))
}

type QuoteRow = (
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    i64,
);

/// An inquiry's quotes, newest first.
pub async fn quotes(db: &Db, inquiry_id: &str) -> Result<Vec<QuoteView>> {
    let rows: Vec<QuoteRow> = sqlx::query_as(
        "SELECT q.id, q.revision, q.status, q.currency, q.incoterm, q.valid_until, q.terms, \
           q.lines, q.total_minor, u.display_name, q.created_at \
         FROM quotes q LEFT JOIN users u ON u.id = q.author_id \
         WHERE q.inquiry_id = $1 ORDER BY q.revision DESC",
    )
    .bind(inquiry_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                revision,
                status,
                currency,
                incoterm,
                valid_until,
                terms,
                lines,
                total,
                author,
                at,
            )| {
                QuoteView {
                    id,
                    revision,
                    status: QuoteStatus::parse(&status).unwrap_or(QuoteStatus::Superseded),
                    form: QuoteForm {
                        lines: serde_json::from_str::<Vec<QuoteLine>>(&lines).unwrap_or_default(),
                        currency,
                        incoterm,
                        valid_until,
                        terms,
                        total_minor: total,
                    },
                    author_name: author.unwrap_or_default(),
                    created_at: at,
                }
            },
        )
        .collect())
}

/// The offer waiting for the buyer: (quote id, valid until, total, currency).
pub async fn offered(db: &Db, inquiry_id: &str) -> Result<Option<(String, String, i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, valid_until, total_minor, currency FROM quotes \
         WHERE inquiry_id = $1 AND status = 'offered'",
    )
    .bind(inquiry_id)
    .fetch_optional(db.pool())
    .await?)
}

/// The buyer's answer to the offer `quote_id`: accepted (the deal value is recorded) or
/// declined. `false` when it was not the waiting offer any more (nothing is written). The
/// quote's row is written first: of two answers racing, the second finds it answered.
pub async fn answer(
    tx: &mut Tx,
    inquiry_id: &str,
    quote_id: &str,
    deal: Option<(i64, &str)>,
    at: i64,
) -> Result<bool> {
    let (quote_status, inquiry_status) = if deal.is_some() {
        ("accepted", "accepted")
    } else {
        ("declined", "declined")
    };
    let q = sqlx::query(
        "UPDATE quotes SET status = $3 WHERE id = $1 AND inquiry_id = $2 AND status = 'offered'",
    )
    .bind(quote_id)
    .bind(inquiry_id)
    .bind(quote_status)
    .execute(&mut **tx)
    .await?;
    if q.rows_affected() == 0 {
        return Ok(false);
    }
    let i = sqlx::query(
        "UPDATE inquiries SET status = $2, deal_minor = $3, deal_currency = $4, updated_at = $5 \
         WHERE id = $1 AND status = 'quoted'",
    )
    .bind(inquiry_id)
    .bind(inquiry_status)
    .bind(deal.map(|d| d.0))
    .bind(deal.map(|d| d.1))
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(i.rows_affected() == 1)
}

/// The buyer takes an open or quoted inquiry back. `false` when it was already settled.
pub async fn withdraw(db: &Db, inquiry_id: &str, at: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let i = sqlx::query(
        "UPDATE inquiries SET status = 'withdrawn', updated_at = $2 \
         WHERE id = $1 AND status IN ('open', 'quoted')",
    )
    .bind(inquiry_id)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE quotes SET status = 'superseded' WHERE inquiry_id = $1 AND status = 'offered'",
    )
    .bind(inquiry_id)
    .execute(&mut *tx)
    .await?;
    crate::commit(tx).await?;
    Ok(i.rows_affected() == 1)
}

/// An expo's inquiries per status, quotes sent, and deal values per currency.
pub async fn totals(
    db: &Db,
    expo_id: &str,
) -> Result<(Vec<(InquiryStatus, i64)>, i64, Vec<(String, i64)>)> {
    let by_status: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM inquiries WHERE expo_id = $1 GROUP BY status")
            .bind(expo_id)
            .fetch_all(db.pool())
            .await?;
    let inquiries = InquiryStatus::ALL
        .into_iter()
        .map(|s| {
            let n = by_status
                .iter()
                .find(|(name, _)| name == s.as_str())
                .map_or(0, |(_, n)| *n);
            (s, n)
        })
        .collect();
    let (quotes,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM quotes q JOIN inquiries i ON i.id = q.inquiry_id WHERE i.expo_id = $1",
    )
    .bind(expo_id)
    .fetch_one(db.pool())
    .await?;
    let mut deals: Vec<(String, i64)> = sqlx::query_as(
        "SELECT deal_currency, CAST(SUM(deal_minor) AS BIGINT) FROM inquiries \
         WHERE expo_id = $1 AND status = 'accepted' AND deal_currency IS NOT NULL \
         GROUP BY deal_currency",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    deals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok((inquiries, quotes, deals))
}

/// An expo's base currency and rate table.
pub async fn rates(db: &Db, expo_id: &str) -> Result<(String, Vec<Rate>)> {
    let (base,): (String,) = sqlx::query_as("SELECT trade_currency FROM expos WHERE id = $1")
        .bind(expo_id)
        .fetch_one(db.pool())
        .await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT currency, rate_e8 FROM trade_rates WHERE expo_id = $1 ORDER BY currency",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok((
        base,
        rows.into_iter()
            .map(|(currency, rate_e8)| Rate { currency, rate_e8 })
            .collect(),
    ))
}

/// Replaces an expo's base currency and rate table.
pub async fn set_rates(db: &Db, expo_id: &str, base: &str, rates: &[Rate]) -> Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE expos SET trade_currency = $2 WHERE id = $1")
        .bind(expo_id)
        .bind(base)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM trade_rates WHERE expo_id = $1")
        .bind(expo_id)
        .execute(&mut *tx)
        .await?;
    for r in rates {
        sqlx::query("INSERT INTO trade_rates (expo_id, currency, rate_e8) VALUES ($1, $2, $3)")
            .bind(expo_id)
            .bind(&r.currency)
            .bind(r.rate_e8)
            .execute(&mut *tx)
            .await?;
    }
    crate::commit(tx).await
}

/// What an inquiry needs of a booth: (expo id, company name JSON, booth number, the expo's
/// time zone).
pub async fn booth_facts(
    db: &Db,
    exhibitor_id: &str,
) -> Result<Option<(String, String, Option<String>, String)>> {
    Ok(sqlx::query_as(
        "SELECT e.expo_id, e.name, b.code, x.time_zone FROM exhibitors e \
           JOIN expos x ON x.id = e.expo_id \
           LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE e.id = $1",
    )
    .bind(exhibitor_id)
    .fetch_optional(db.pool())
    .await?)
}

/// What an inquiry needs of a product: (its exhibitor, name JSON, price currency).
pub async fn product_facts(db: &Db, product_id: &str) -> Result<Option<(String, String, String)>> {
    Ok(
        sqlx::query_as("SELECT exhibitor_id, name, currency FROM products WHERE id = $1")
            .bind(product_id)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// The buyer as the booth sees them on an inquiry: (name, company, country). The company is
/// the buyer profile's in this expo, else the account's.
pub async fn buyer_facts(
    db: &Db,
    expo_id: &str,
    user_id: &str,
) -> Result<Option<(String, String, String)>> {
    let row: Option<(String, Option<String>, String, Option<String>)> = sqlx::query_as(
        "SELECT u.display_name, u.company, u.country, p.company FROM users u \
           LEFT JOIN buyer_profiles p ON p.user_id = u.id AND p.expo_id = $1 \
         WHERE u.id = $2",
    )
    .bind(expo_id)
    .bind(user_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(
        row.map(|(name, account_company, country, profile_company)| {
            (
                name,
                profile_company.or(account_company).unwrap_or_default(),
                country,
            )
        }),
    )
}
