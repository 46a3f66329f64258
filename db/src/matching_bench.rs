//! Generated data for `expo-server match bench`: one expo with its six industry halls, many
//! exhibitors (each with a team member and two products), many buyers with profiles, and a few
//! booth visits and saves per buyer. Written with multi-row inserts in one transaction.

use crate::{Db, Result};

/// A small deterministic generator (xorshift64*), so a bench run is repeatable.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Inserts `rows` with `head` (`INSERT INTO t (…)`), numbers written `#n` bound as numbers so
/// both engines store BIGINT columns as such.
async fn insert(tx: &mut crate::Tx, head: &str, rows: &[Vec<String>]) -> Result<()> {
    use crate::multi_row::{multi, NoRows, Val};
    let rows: Vec<Vec<Val>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| match v.strip_prefix('#') {
                    Some(num) => Val::Int(num.parse::<i64>().unwrap_or(0)),
                    None => Val::Text(v.clone()),
                })
                .collect()
        })
        .collect();
    multi::<NoRows>(tx, head, "", &rows, false).await?;
    Ok(())
}

fn num(n: i64) -> String {
    format!("#{n}")
}

/// Writes the generated expo; returns its id and the buyers' ids.
pub async fn seed(
    db: &Db,
    buyers: usize,
    exhibitors: usize,
    seed: u64,
) -> Result<(String, Vec<String>)> {
    use domain::expo::INDUSTRIES;
    const LANGS: [&str; 6] = ["zh-CN", "en", "ko", "ja", "ru", "ar"];
    const VOLUMES: [&str; 4] = ["under_100k", "100k_1m", "1m_10m", "over_10m"];
    let countries = domain::account::COUNTRIES;
    let mut rng = Rng(seed);
    let now = crate::now_millis();
    let expo = crate::new_id();
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO expos (id, slug, name, tagline, starts_on, ends_on, time_zone, created_at) \
         VALUES ($1, $2, '{}', '{}', '2026-12-01', '2026-12-31', 'UTC', $3)",
    )
    .bind(&expo)
    .bind(format!("bench-{}", &expo[..8]))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let halls: Vec<String> = INDUSTRIES.iter().map(|_| crate::new_id()).collect();
    let hall_rows: Vec<Vec<String>> = INDUSTRIES
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            vec![
                halls[i].clone(),
                expo.clone(),
                format!("{ind}-{}", &expo[..8]),
                "{}".into(),
                (*ind).to_owned(),
                num(i as i64),
            ]
        })
        .collect();
    insert(
        &mut tx,
        "INSERT INTO halls (id, expo_id, slug, name, industry, position)",
        &hall_rows,
    )
    .await?;
    let exhibitor_ids: Vec<String> = (0..exhibitors).map(|_| crate::new_id()).collect();
    let mut ex_rows = Vec::with_capacity(exhibitors);
    let mut product_rows = Vec::with_capacity(exhibitors * 2);
    let mut team_users = Vec::with_capacity(exhibitors);
    let mut team_rows = Vec::with_capacity(exhibitors);
    for (i, id) in exhibitor_ids.iter().enumerate() {
        let hall = rng.below(6);
        ex_rows.push(vec![
            id.clone(),
            expo.clone(),
            halls[hall].clone(),
            format!("{{\"original\":\"En\",\"values\":{{\"En\":\"Exhibitor {i}\"}}}}"),
            countries[rng.below(countries.len())].to_owned(),
            num(now),
        ]);
        for p in 0..2 {
            let category = if p == 0 {
                INDUSTRIES[hall]
            } else {
                INDUSTRIES[rng.below(6)]
            };
            product_rows.push(vec![
                crate::new_id(),
                id.clone(),
                format!("{{\"original\":\"En\",\"values\":{{\"En\":\"Product {i}-{p}\"}}}}"),
                num(now),
                category.to_owned(),
                num(100 * (1 + rng.below(50_000)) as i64),
                "USD".into(),
                num(1 + rng.below(2_000) as i64),
            ]);
        }
        let user = crate::new_id();
        team_users.push(vec![
            user.clone(),
            format!("team{i}@bench.example"),
            String::new(),
            format!("Team {i}"),
            "CN".into(),
            LANGS[rng.below(6)].to_owned(),
            num(now),
        ]);
        team_rows.push(vec![
            user,
            expo.clone(),
            "exhibitor".into(),
            id.clone(),
            num(now),
        ]);
    }
    insert(
        &mut tx,
        "INSERT INTO exhibitors (id, expo_id, hall_id, name, country, created_at)",
        &ex_rows,
    )
    .await?;
    insert(
        &mut tx,
        "INSERT INTO products (id, exhibitor_id, name, created_at, category, price_min, currency, min_order)",
        &product_rows,
    )
    .await?;
    let users_head =
        "INSERT INTO users (id, email, password_hash, display_name, country, language, created_at)";
    insert(&mut tx, users_head, &team_users).await?;
    insert(
        &mut tx,
        "INSERT INTO memberships (user_id, expo_id, role, exhibitor_id, created_at)",
        &team_rows,
    )
    .await?;
    drop((ex_rows, product_rows, team_users, team_rows));

    let buyer_ids: Vec<String> = (0..buyers).map(|_| crate::new_id()).collect();
    let mut user_rows = Vec::with_capacity(buyers);
    let mut profile_rows = Vec::with_capacity(buyers);
    let mut visit_rows = Vec::with_capacity(buyers * 4);
    let mut favorite_rows = Vec::new();
    let day = domain::locale::Date::from_unix_millis(now).to_iso();
    for (i, id) in buyer_ids.iter().enumerate() {
        let lang = LANGS[rng.below(6)];
        user_rows.push(vec![
            id.clone(),
            format!("buyer{i}@bench.example"),
            String::new(),
            format!("Buyer {i}"),
            countries[rng.below(countries.len())].to_owned(),
            lang.to_owned(),
            num(now),
        ]);
        let mut interests: Vec<&str> = (0..1 + rng.below(3))
            .map(|_| INDUSTRIES[rng.below(6)])
            .collect();
        interests.sort_unstable();
        interests.dedup();
        let mut sources: Vec<&str> = (0..1 + rng.below(3))
            .map(|_| countries[rng.below(countries.len())])
            .collect();
        sources.sort_unstable();
        sources.dedup();
        profile_rows.push(vec![
            expo.clone(),
            id.clone(),
            format!("Company {i}"),
            "Buyer".into(),
            format!(",{},", interests.join(",")),
            VOLUMES[rng.below(4)].to_owned(),
            format!(",{},", sources.join(",")),
            String::new(),
            String::new(),
            num(0),
            num(now),
            num(now),
            num(now),
        ]);
        let mut seen = Vec::new();
        for _ in 0..4 {
            let e = rng.below(exhibitors);
            if seen.contains(&e) {
                continue;
            }
            seen.push(e);
            visit_rows.push(vec![
                expo.clone(),
                id.clone(),
                id.clone(),
                day.clone(),
                "booth".into(),
                exhibitor_ids[e].clone(),
                exhibitor_ids[e].clone(),
                INDUSTRIES[rng.below(6)].to_owned(),
                num(1 + rng.below(3) as i64),
                num(rng.below(300_000) as i64),
            ]);
        }
        if rng.below(4) == 0 {
            if let Some(e) = seen.first() {
                favorite_rows.push(vec![id.clone(), exhibitor_ids[*e].clone(), num(now)]);
            }
        }
    }
    insert(&mut tx, users_head, &user_rows).await?;
    insert(
        &mut tx,
        "INSERT INTO buyer_profiles (expo_id, user_id, company, job_role, interests, volume, countries, \
         phone, wechat, contact_consent, consent_changed_at, created_at, updated_at)",
        &profile_rows,
    )
    .await?;
    insert(
        &mut tx,
        "INSERT INTO footprint_days (expo_id, actor, user_id, day, target_kind, target_id, exhibitor_id, \
         industry, views, millis)",
        &visit_rows,
    )
    .await?;
    insert(
        &mut tx,
        "INSERT INTO favorite_booths (user_id, exhibitor_id, created_at)",
        &favorite_rows,
    )
    .await?;
    crate::commit(tx).await?;
    Ok((expo, buyer_ids))
}
