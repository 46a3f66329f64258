//! Bulk import: a 1,000-row file with 3 bad rows imports 997 in one transaction and reports
//! 3; importing it again adds nothing; malformed files are refused whole with a reason; only
//! organizers import; booths from an import never overlap.

use crate::both_backends;
use crate::directory::{download, read_csv};
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use app::import::api::ImportPreview;
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

/// Uploads a file; returns the status and the JSON body.
async fn upload(
    app: &TestApp,
    cookie: &str,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, serde_json::Value) {
    upload_in(app, cookie, kind, name, bytes, "en").await
}

/// Uploads a file whose texts are in `language`.
async fn upload_in(
    app: &TestApp,
    cookie: &str,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
    language: &str,
) -> (StatusCode, serde_json::Value) {
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_owned())
        .text("language", language.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    let resp = reqwest::Client::new()
        .post(app.url("/api/import/upload"))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = resp.status();
    (status, resp.json().await.unwrap_or_default())
}

async fn preview(app: &TestApp, cookie: &str, id: &str) -> ImportPreview {
    let resp = post(app, cookie, "import/get", &[("id", id)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

async fn commit(app: &TestApp, cookie: &str, id: &str) -> (StatusCode, String) {
    let resp = post(app, cookie, "import/commit", &[("id", id)]).await;
    (resp.status(), resp.text().await.expect("body"))
}

fn id_of(body: &serde_json::Value) -> String {
    body["id"].as_str().expect("an import id").to_owned()
}

/// A ZIP archive shaped like a workbook whose one sheet unpacks to 256 MB of spaces.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", options)
            .expect("entry");
        let block = vec![b' '; 1 << 20];
        for _ in 0..256 {
            zip.write_all(&block).expect("write");
        }
        zip.finish().expect("finish");
    }
    out.into_inner()
}

/// Products named `Imported <n>` in the expo.
async fn imported_products(app: &TestApp) -> usize {
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("db")
        .expect("expo");
    let mut tx = app.db.begin().await.expect("tx");
    db::import::products(&mut tx, &expo.id)
        .await
        .expect("products")
        .into_iter()
        .filter(|(_, _, name, _)| name.contains("Imported "))
        .count()
}

fn thousand_rows() -> Vec<u8> {
    let mut csv =
        String::from("\u{feff}Booth,Hall,Name,Category,Description,Price_min,Currency,Min_order\n");
    for i in 1..=1000 {
        let booth = format!("M-{:02}", i % 10 + 1);
        let row = match i {
            100 => format!("ZZ-99,marine,Imported {i},marine,Nowhere,,,\n"),
            500 => format!("{booth},marine,Imported {i},weapons,Bad category,,,\n"),
            900 => format!("{booth},marine,=HYPERLINK(\"http://x\"),marine,Formula,,,\n"),
            _ => format!(
                "{booth},Marine,Imported {i},marine,\"Pump, model {i}\",{}.50,USD,10\n",
                100 + i
            ),
        };
        csv.push_str(&row);
    }
    csv.into_bytes()
}

async fn a_thousand_rows_with_three_bad_import_once(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let (status, body) = upload(
        &app,
        &organizer,
        "products",
        "products.csv",
        thousand_rows(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = id_of(&body);
    let p = preview(&app, &organizer, &id).await;
    assert_eq!(p.summary.total_rows, 1000);
    assert_eq!(p.summary.valid_rows, 997, "{:?}", p.errors.first());
    assert_eq!(p.summary.refused_rows, 3);
    assert_eq!((p.summary.will_create, p.summary.will_update), (997, 0));
    let lines: Vec<(usize, &str, &str)> = p
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.message_id.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (101, "booth", "import-error-booth-unknown"),
            (501, "category", "error-product-category"),
            (901, "name", "import-error-formula"),
        ]
    );
    assert_eq!(imported_products(&app).await, 0, "a preview writes nothing");

    // The error report lists the three, explained in the reader's language.
    let resp = download(&app, &organizer, &format!("/import/{id}/errors.csv")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let report = read_csv(&resp.bytes().await.expect("bytes"));
    assert_eq!(report.len(), 3);
    assert_eq!(report[0][0], "101");
    assert_eq!(report[0][3], "No booth has this code.");
    assert!(
        report[2][2].starts_with("'="),
        "the formula is defused in the report"
    );

    let (status, body) = commit(&app, &organizer, &id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, "[997,0]");
    assert_eq!(imported_products(&app).await, 997);
    // Twice is refused.
    let (status, body) = commit(&app, &organizer, &id).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("import-error-done"));

    // The same file again: the same 997 rows are found, changed in place, nothing added.
    let (_, body) = upload(
        &app,
        &organizer,
        "products",
        "products.csv",
        thousand_rows(),
    )
    .await;
    let again = id_of(&body);
    let p = preview(&app, &organizer, &again).await;
    assert_eq!((p.summary.will_create, p.summary.will_update), (0, 997));
    let (status, body) = commit(&app, &organizer, &again).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "[0,997]");
    assert_eq!(imported_products(&app).await, 997);

    // A duplicate inside one file is refused at its second line.
    let dup =
        b"booth,name,category,hall\nM-01,Twin,marine,marine\nM-01,twin,marine,marine\n".to_vec();
    let (_, body) = upload(&app, &organizer, "products", "twins.csv", dup).await;
    let p = preview(&app, &organizer, &id_of(&body)).await;
    assert_eq!(p.summary.valid_rows, 1);
    assert_eq!(p.errors[0].line, 3);
    assert_eq!(p.errors[0].message_id, "import-error-duplicate");
}
both_backends!(a_thousand_rows_with_three_bad_import_once);

async fn malformed_files_are_refused_whole(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let refused = |body: &serde_json::Value| body["error"].as_str().unwrap_or("").to_owned();
    // Wrong columns, named.
    let (status, body) = upload(
        &app,
        &organizer,
        "products",
        "x.csv",
        b"booth;title;kategorie\nM-01;A;marine\n".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused(&body), "import-error-columns");
    assert_eq!(body["missing"], "name, category");
    assert_eq!(body["unknown"], "title, kategorie");
    // Legacy encodings that spreadsheet programs in China, Japan and Korea save CSV in.
    for (language, encoding, name) in [
        (
            "zh-CN",
            encoding_rs::GBK,
            "船用离心泵，不锈钢材质，适用于海水冷却系统",
        ),
        (
            "zh-CN",
            encoding_rs::GB18030,
            "船用离心泵与螺旋桨轴系，适用于远洋货轮",
        ),
        (
            "ja",
            encoding_rs::SHIFT_JIS,
            "船舶用遠心ポンプ、ステンレス製、海水冷却システム用",
        ),
        (
            "ko",
            encoding_rs::EUC_KR,
            "선박용 원심 펌프, 스테인리스 재질, 해수 냉각 시스템용",
        ),
    ] {
        let text = format!("booth,name,category,hall\nM-01,\"{name}\",marine,marine\n");
        let (bytes, _, unmappable) = encoding.encode(&text);
        assert!(!unmappable, "{encoding:?}");
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 by chance");
        let (status, body) = upload_in(
            &app,
            &organizer,
            "products",
            "legacy.csv",
            bytes.into_owned(),
            language,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{encoding:?}: {body}");
        let got = preview(&app, &organizer, &id_of(&body)).await;
        assert_eq!(
            got.sample.first().map(|r| r.get("name")),
            Some(name),
            "{encoding:?}"
        );
    }
    // UTF-16 with a byte-order mark is read.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "booth\tname\tcategory\thall\nM-02\t展位泵\tmarine\tmarine\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let (status, body) = upload(&app, &organizer, "products", "utf16.csv", utf16).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        preview(&app, &organizer, &id_of(&body))
            .await
            .summary
            .valid_rows,
        1
    );
    // Binary garbage, a broken ZIP, an empty file, no kind.
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (_, body) = upload(&app, &organizer, "products", "x.bin", garbage).await;
    assert!(
        ["import-error-encoding", "import-error-unreadable"].contains(&refused(&body).as_str()),
        "{body}"
    );
    let (_, body) = upload(
        &app,
        &organizer,
        "products",
        "x.xlsx",
        b"PK\x03\x04not really a zip".to_vec(),
    )
    .await;
    assert_eq!(refused(&body), "import-error-unreadable");
    // A zip bomb: a few hundred kB that unpack to 256 MB, refused before it is parsed.
    let (status, body) = upload(&app, &organizer, "products", "bomb.xlsx", zip_bomb()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused(&body), "import-error-too-large");
    let (_, body) = upload(&app, &organizer, "products", "empty.csv", Vec::new()).await;
    assert_eq!(refused(&body), "import-error-empty");
    let (status, body) = upload(&app, &organizer, "spaceships", "x.csv", b"a\n1\n".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused(&body), "import-error-kind");
    // 100,000 rows.
    let mut big = String::from("booth,name,category\n");
    for i in 0..100_000 {
        big.push_str(&format!("M-01,P{i},marine\n"));
    }
    let (status, body) = upload(&app, &organizer, "products", "big.csv", big.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused(&body), "import-error-too-many-rows");
    // Over 5 MB.
    let (status, body) = upload(
        &app,
        &organizer,
        "products",
        "huge.csv",
        vec![b'a'; 6 * 1024 * 1024],
    )
    .await;
    assert!(status.is_client_error());
    assert_eq!(refused(&body), "import-error-too-large");
    // An XLSX whose formula cell is refused while the others import.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in [
        "email",
        "name",
        "company",
        "job_role",
        "country",
        "interests",
        "volume",
        "consent",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    let rows = [
        [
            "ana@sea.example",
            "Ana",
            "Sea Foods",
            "Buyer",
            "PT",
            "food",
            "100k_1m",
            "yes",
        ],
        [
            "bo@sea.example",
            "Bo",
            "Sea Foods",
            "Buyer",
            "PT",
            "food,marine",
            "1m_10m",
            "no",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, *v)
                .expect("cell");
        }
    }
    sheet
        .write_formula(3, 0, "=CONCAT(\"eve\",\"@x.example\")")
        .expect("formula");
    for (c, v) in ["Eve", "X", "Buyer", "PT", "food", "under_100k"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, c as u16 + 1, *v).expect("cell");
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    let (status, body) = upload(&app, &organizer, "buyers", "buyers.xlsx", bytes).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = id_of(&body);
    let p = preview(&app, &organizer, &id).await;
    assert_eq!((p.summary.valid_rows, p.summary.refused_rows), (2, 1));
    assert_eq!(p.errors[0].message_id, "import-error-formula");
    assert_eq!(p.errors[0].line, 4);
    let (status, _) = commit(&app, &organizer, &id).await;
    assert_eq!(status, StatusCode::OK);
    // The imported buyers are verified and listed with their consent.
    let page: app::buyer::api::BuyerPage =
        post(&app, &organizer, "buyer/list", &[("q", "sea foods")])
            .await
            .json()
            .await
            .expect("json");
    assert_eq!(page.total, 2);
    assert!(page.items.iter().all(|b| b.verified()));
    let ana = page
        .items
        .iter()
        .find(|b| b.email == "ana@sea.example")
        .expect("ana");
    assert!(ana.form.consent);
    // An imported account cannot sign in (it has no password).
    let login = app
        .call(
            &app.new_client(),
            "account/login",
            &[
                ("input[email]", "ana@sea.example"),
                ("input[password]", "!imported"),
                ("input[next]", "/"),
            ],
        )
        .await;
    assert!(!login.status().is_success() || !login.headers().contains_key("set-cookie"));
}
both_backends!(malformed_files_are_refused_whole);

async fn only_organizers_import_and_booths_do_not_overlap(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "nosy@visitor.example").await;
    let file =
        b"company,country,hall,booth,website\nNew Marine Ltd,GB,marine,M-50,https://nm.example\n\
Second Sea,NO,marine,M-51,\nRenamed One,CN,marine,M-01,\nNowhere,CN,moon,X-1,\n"
            .to_vec();
    for (cookie, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (visitor.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        let (status, _) = upload(&app, cookie, "exhibitors", "e.csv", file.clone()).await;
        assert_eq!(status, expected);
        let resp = reqwest::Client::new()
            .get(app.url("/import/template/exhibitors.csv"))
            .header("cookie", cookie)
            .send()
            .await
            .expect("template");
        assert_eq!(resp.status(), expected);
        assert_eq!(
            post(&app, cookie, "import/list", &[]).await.status(),
            expected
        );
    }
    let (status, body) = upload(&app, &organizer, "exhibitors", "e.csv", file).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = id_of(&body);
    for (cookie, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            post(&app, cookie, "import/get", &[("id", id.as_str())])
                .await
                .status(),
            expected
        );
        assert_eq!(
            post(&app, cookie, "import/commit", &[("id", id.as_str())])
                .await
                .status(),
            expected
        );
        let resp = reqwest::Client::new()
            .get(app.url(&format!("/import/{id}/errors.csv")))
            .header("cookie", cookie)
            .send()
            .await
            .expect("report");
        assert_eq!(resp.status(), expected);
    }
    let p = preview(&app, &organizer, &id).await;
    assert_eq!((p.summary.will_create, p.summary.will_update), (2, 1));
    assert_eq!(p.errors[0].message_id, "import-error-hall");
    let (status, body) = commit(&app, &organizer, &id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let template = reqwest::Client::new()
        .get(app.url("/import/template/products.csv"))
        .header("cookie", organizer.as_str())
        .send()
        .await
        .expect("template")
        .text()
        .await
        .expect("text");
    assert!(template.contains("\"booth\",\"name\",\"category\",\"hall\",\"description\""));

    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("db")
        .expect("expo");
    let plan = db::hall::hall_plan(&app.db, &expo.id, "marine")
        .await
        .expect("db")
        .expect("hall");
    let codes: Vec<&str> = plan.booths.iter().map(|b| b.code.as_str()).collect();
    assert!(codes.contains(&"M-50") && codes.contains(&"M-51"));
    let renamed = plan.booths.iter().find(|b| b.code == "M-01").expect("M-01");
    assert_eq!(
        renamed.exhibitor_name.show(domain::Locale::En).text,
        "Renamed One"
    );
    for (i, a) in plan.booths.iter().enumerate() {
        for b in &plan.booths[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "{} overlaps {}", a.code, b.code);
        }
    }
}
both_backends!(only_organizers_import_and_booths_do_not_overlap);

async fn a_buyer_export_imports_into_the_next_expo(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // Two buyers of the demo expo, one sharing contacts (a phone an export defuses: "+47 …").
    for (email, consent) in [("kari@fjord.example", true), ("ola@fjord.example", false)] {
        let cookie = new_person(&app, email).await;
        let form = crate::buyers::profile_form("Fjord Seafood AS", "fjordsea", consent);
        let saved = post(&app, &cookie, "buyer/save", &form).await;
        assert!(saved.status().is_success(), "{}", saved.status());
    }
    let buyers: app::buyer::api::BuyerPage = post(&app, &organizer, "buyer/list", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(buyers.total, 2);
    // The organizer exports the buyer directory in Chinese and in English…
    for lang in ["zh-CN", "en"] {
        let export = reqwest::Client::new()
            .get(app.url("/export/buyers.csv"))
            .header(
                "cookie",
                format!(
                    "{}; lang={lang}",
                    organizer
                        .split("; ")
                        .filter(|c| !c.starts_with("lang="))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
            .send()
            .await
            .expect("export");
        assert_eq!(export.status(), StatusCode::OK);
        let bytes = export.bytes().await.expect("bytes").to_vec();
        // …and imports it into next year's expo.
        let name = format!("Next expo {lang}");
        let form = crate::expos::new_expo_form(&name, "2027-09-01", "2027-09-05");
        let resp = post(&app, &organizer, "setup/create-expo", &form).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let next: String = resp.json().await.expect("id");
        let managing = format!("{organizer}; console_expo={next}");
        let (status, body) = upload(&app, &managing, "buyers", "buyers.csv", bytes).await;
        assert_eq!(status, StatusCode::OK, "{lang}: {body}");
        let p = preview(&app, &managing, &id_of(&body)).await;
        assert_eq!(
            (p.summary.valid_rows, p.summary.refused_rows),
            (buyers.total, 0),
            "{lang}: {:?}",
            p.errors
        );
        let (status, _) = commit(&app, &managing, &id_of(&body)).await;
        assert_eq!(status, StatusCode::OK);
        let imported: app::buyer::api::BuyerPage = post(&app, &managing, "buyer/list", &[])
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(imported.total, buyers.total, "{lang}");
        for b in &buyers.items {
            let again = imported
                .items
                .iter()
                .find(|i| i.email == b.email)
                .expect("every buyer");
            assert_eq!(again.country, b.country);
            assert_eq!(again.form.interests, b.form.interests);
            assert_eq!(again.form.volume, b.form.volume);
            assert_eq!(again.form.consent, b.form.consent);
            assert_eq!(again.form.phone, b.form.phone);
        }
    }
}
both_backends!(a_buyer_export_imports_into_the_next_expo);
