//! The organizers' directories and their exports: filters, pages, CSV and XLSX that read back
//! to what the directory shows (formulas defused), and who may see them.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use app::directory::api::DirectoryPage;
use domain::directory::{ExhibitorEntry, PersonEntry};
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

async fn exhibitors(
    app: &TestApp,
    cookie: &str,
    form: &[(&str, &str)],
) -> DirectoryPage<ExhibitorEntry> {
    let resp = post(app, cookie, "directory/exhibitors", form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

async fn people(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> DirectoryPage<PersonEntry> {
    let resp = post(app, cookie, "directory/people", form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

pub(crate) async fn download(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(app.url(path))
        // The interface language chosen: English (signing in chose the organizer's Chinese).
        .header("cookie", english(cookie))
        .send()
        .await
        .expect("download")
}

/// The cookie header with the language cookie set to English.
fn english(cookie: &str) -> String {
    cookie
        .split("; ")
        .filter(|c| !c.is_empty() && !c.starts_with("lang="))
        .chain(std::iter::once("lang=en"))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

fn read_xlsx(bytes: Vec<u8>) -> (Vec<String>, Vec<Vec<String>>) {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
    let name = book.sheet_names()[0].clone();
    // Every cell is text: nothing in an export is ever a formula.
    let formulas = book.worksheet_formula(&name).expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas"
    );
    let range = book.worksheet_range(&name).expect("sheet");
    let mut rows = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let headers = rows.next().expect("header row");
    (headers, rows.collect())
}

async fn directories_filter_page_and_export(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // Someone whose name a spreadsheet would run as a formula.
    let resp = app
        .call(
            &app.new_client(),
            "account/register",
            &[
                ("input[email]", "tricky@example.com"),
                ("input[password]", "a-long-password-1"),
                (
                    "input[display_name]",
                    "=HYPERLINK(\"http://evil.example\",\"x\")",
                ),
                ("input[company]", ""),
                ("input[country]", "DE"),
                ("input[language]", "en"),
            ],
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.status());

    let all = exhibitors(&app, &organizer, &[]).await;
    assert!(all.total >= 60, "six halls of ten: {}", all.total);
    assert_eq!(all.items.len(), 50, "one page");
    assert_eq!(all.halls.len(), 6);
    let second = exhibitors(&app, &organizer, &[("page", "2")]).await;
    assert_eq!(second.items.len() as i64, all.total - 50);
    assert!(second
        .items
        .iter()
        .all(|e| !all.items.iter().any(|a| a.id == e.id)));
    let marine = exhibitors(&app, &organizer, &[("hall", "marine")]).await;
    assert_eq!(marine.total, 10);
    assert!(marine
        .items
        .iter()
        .all(|e| e.booth_code.as_deref().is_some_and(|c| c.starts_with("M-"))));
    let m01 = marine
        .items
        .iter()
        .find(|e| e.booth_code.as_deref() == Some("M-01"))
        .expect("M-01");
    assert!(m01.team.contains(&EXHIBITOR.to_owned()), "{:?}", m01.team);
    let kr = exhibitors(&app, &organizer, &[("country", "kr")]).await;
    assert!(kr.total > 0 && kr.items.iter().all(|e| e.country == "KR"));
    let text = exhibitors(&app, &organizer, &[("q", "ningbo ocean")]).await;
    assert!(text.items.iter().any(|e| e.id == m01.id));
    // Nonsense filters filter nothing, and never fail.
    for bad in [
        vec![("hall", "../../etc")],
        vec![("country", "ZZ")],
        vec![("page", "-1")],
        vec![("q", "%_\\")],
    ] {
        let p = exhibitors(&app, &organizer, &bad).await;
        assert!(p.total == all.total || bad[0].0 == "q", "{bad:?}");
    }

    let everyone = people(&app, &organizer, &[]).await;
    assert!(everyone.total >= 3);
    let organizers = people(&app, &organizer, &[("role", "organizer")]).await;
    assert_eq!(organizers.total, 1);
    assert!(organizers.items[0]
        .roles
        .contains(&domain::account::Role::Organizer));
    let found = people(&app, &organizer, &[("q", "TRICKY@")]).await;
    assert_eq!(found.total, 1);

    // CSV of the marine hall: the same rows the directory shows, headers in English.
    let resp = download(&app, &organizer, "/export/exhibitors.csv?hall=marine").await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/csv"));
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap_or("")
        .contains("attachment"));
    let bytes = resp.bytes().await.expect("bytes");
    let rows = read_csv(&bytes);
    assert_eq!(rows.len(), 10);
    for e in &marine.items {
        let row = rows
            .iter()
            .find(|r| r.last() == Some(&e.id))
            .expect("every exhibitor exported");
        assert_eq!(row[0], e.booth_code.clone().unwrap_or_default());
        assert_eq!(row[1], e.name.show(domain::Locale::En).text);
        assert_eq!(row[4], e.products.to_string());
    }
    // XLSX: the same, with its header row.
    let resp = download(&app, &organizer, "/export/exhibitors.xlsx?hall=marine").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (headers, xrows) = read_xlsx(resp.bytes().await.expect("bytes").to_vec());
    assert_eq!(headers[0], "Booth code");
    assert_eq!(xrows, rows, "CSV and XLSX hold the same cells");

    // People: the formula is defused.
    let resp = download(&app, &organizer, "/export/people.csv?q=tricky").await;
    let rows = read_csv(&resp.bytes().await.expect("bytes"));
    assert_eq!(rows.len(), 1);
    assert!(rows[0][0].starts_with("'="), "{:?}", rows[0]);
    // In XLSX the name is a text cell, shown as typed and never run (read_xlsx checks that no
    // cell holds a formula).
    let resp = download(&app, &organizer, "/export/people.xlsx?q=tricky").await;
    let (_, xrows) = read_xlsx(resp.bytes().await.expect("bytes").to_vec());
    assert_eq!(xrows[0][0], "=HYPERLINK(\"http://evil.example\",\"x\")");
    let resp = download(&app, &organizer, "/export/people.csv?role=organizer").await;
    let rows = read_csv(&resp.bytes().await.expect("bytes"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1], ORGANIZER);
    assert_eq!(rows[0][5], "Organizer");
}
both_backends!(directories_filter_page_and_export);

async fn only_organizers_see_the_directories(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "visitor@example.com").await;
    for (who, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (visitor.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            post(&app, who, "directory/exhibitors", &[]).await.status(),
            expected
        );
        assert_eq!(
            post(&app, who, "directory/people", &[]).await.status(),
            expected
        );
        for path in ["/export/exhibitors.csv", "/export/people.xlsx"] {
            let resp = download(&app, who, path).await;
            assert_eq!(resp.status(), expected, "{path}");
            assert!(
                !resp.text().await.expect("body").contains('@'),
                "no data leaks"
            );
        }
    }
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    for path in [
        "/export/exhibitors.pdf",
        "/export/secrets.csv",
        "/export/people",
    ] {
        assert_eq!(
            download(&app, &organizer, path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
both_backends!(only_organizers_see_the_directories);

async fn readiness_is_shown_to_the_team_and_the_organizers(backend: Backend) {
    use domain::directory::{Readiness, ReadinessItem};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "visitor@example.com").await;
    let marine = exhibitors(&app, &organizer, &[("hall", "marine")]).await;
    let m01 = marine
        .items
        .iter()
        .find(|e| e.booth_code.as_deref() == Some("M-01"))
        .expect("M-01")
        .clone();
    for who in [&organizer, &team] {
        let resp = post(&app, who, "booth/readiness", &[("exhibitor_id", &m01.id)]).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let r: Readiness = resp.json().await.expect("json");
        assert_eq!(r, m01.readiness, "the editor and the directory agree");
    }
    // The demo booth has its products and its launch on the live schedule; no test broadcast
    // yet (the live tests make one).
    let done = |r: &Readiness, i: ReadinessItem| r.steps.iter().any(|(s, d)| *s == i && *d);
    assert!(done(&m01.readiness, ReadinessItem::Products));
    assert!(done(&m01.readiness, ReadinessItem::LiveSlot));
    assert!(!done(&m01.readiness, ReadinessItem::TestStream));
    // Another booth, without a slot, has the live step to do.
    let other = marine
        .items
        .iter()
        .find(|e| e.id != m01.id)
        .expect("another marine booth");
    assert!(!done(&other.readiness, ReadinessItem::LiveSlot));
    assert_eq!(
        post(
            &app,
            &visitor,
            "booth/readiness",
            &[("exhibitor_id", &m01.id)]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    // Writing the profile counts at once.
    let before = m01.readiness.score().0;
    let had_profile = done(&m01.readiness, ReadinessItem::Profile);
    let resp = post(
        &app,
        &team,
        "booth/save-about",
        &[
            ("input[exhibitor_id]", m01.id.as_str()),
            ("input[language]", "en"),
            ("input[text]", "Marine diesel engines since 1998."),
        ],
    )
    .await;
    assert!(resp.status().is_success());
    let r: Readiness = post(&app, &team, "booth/readiness", &[("exhibitor_id", &m01.id)])
        .await
        .json()
        .await
        .expect("json");
    assert!(done(&r, ReadinessItem::Profile));
    assert_eq!(r.score().0, before + usize::from(!had_profile));
}
both_backends!(readiness_is_shown_to_the_team_and_the_organizers);

async fn organizers_remind_booth_teams_that_are_not_ready(backend: Backend) {
    use domain::directory::ReadinessItem;
    use domain::notification::{Notification, NotificationBody};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // A new exhibitor: applied, approved into the marine hall, nothing uploaded yet.
    let newcomer = new_person(&app, "late@newcomer.example").await;
    let resp = post(
        &app,
        &newcomer,
        "application/submit",
        &[
            ("input[company]", "Late Newcomer Ltd"),
            ("input[country]", "GB"),
            ("input[industries][]", "marine"),
            ("input[license_no]", "GB-1234567"),
            ("input[product_summary]", "Winches."),
            ("input[contact_name]", "Sam Late"),
            ("input[contact_email]", "late@newcomer.example"),
            ("input[contact_phone]", "+44 20 7946 0000"),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let application: domain::application::Application = resp.json().await.expect("json");
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("db")
        .expect("expo");
    let marine = db::hall::halls_of(&app.db, &expo.id)
        .await
        .expect("halls")
        .into_iter()
        .find(|h| h.slug == "marine")
        .expect("marine");
    let resp = post(
        &app,
        &organizer,
        "application/decide",
        &[
            ("id", application.id.as_str()),
            ("decision", "approve"),
            ("hall_id", marine.id.as_str()),
            ("booth_code", "M-77"),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // Only organizers remind.
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    assert_eq!(
        post(&app, "", "directory/remind", &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    for cookie in [&exhibitor, &newcomer] {
        assert_eq!(
            post(&app, cookie, "directory/remind", &[]).await.status(),
            StatusCode::FORBIDDEN
        );
    }
    let resp = post(&app, &organizer, "directory/remind", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (exhibitors, people): (i64, i64) = resp.json().await.expect("json");
    // As many as the directory shows with a step to do and a team.
    let (all, _) = db::directory::exhibitors(
        &app.db,
        &expo.id,
        &domain::directory::DirectoryFilter::default(),
        10_000,
        0,
    )
    .await
    .expect("directory");
    let unready: Vec<_> = all
        .iter()
        .filter(|e| !e.team.is_empty())
        .filter(|e| e.readiness.steps.iter().any(|(_, done)| !done))
        .collect();
    assert_eq!(exhibitors, unready.len() as i64);
    assert_eq!(
        people,
        unready.iter().map(|e| e.team.len() as i64).sum::<i64>()
    );
    assert!(unready.iter().any(|e| e.team == ["late@newcomer.example"]));

    // The newcomer is told what is missing, in the app and by e-mail, in English.
    let notices: Vec<Notification> = post(&app, &newcomer, "notification/list", &[])
        .await
        .json()
        .await
        .expect("json");
    let missing = notices
        .iter()
        .find_map(|n| match &n.body {
            NotificationBody::ReadinessReminder { company, missing }
                if company == "Late Newcomer Ltd" =>
            {
                Some(missing.clone())
            }
            _ => None,
        })
        .expect("a reminder");
    assert_eq!(
        missing,
        [
            ReadinessItem::Profile,
            ReadinessItem::Logo,
            ReadinessItem::Products,
            ReadinessItem::Media,
            ReadinessItem::LiveSlot,
            ReadinessItem::TestStream
        ]
    );
    let mails = db::notification::emails_to(&app.db, "late@newcomer.example")
        .await
        .expect("outbox");
    assert!(mails.iter().any(
        |(subject, body)| subject.contains("is not ready for the expo yet")
            && body.contains("Logo uploaded")
    ));
}
both_backends!(organizers_remind_booth_teams_that_are_not_ready);

async fn the_people_directory_lists_only_the_expos_own_people(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // A second expo, run by the same organizer: so far only the organizer belongs to it.
    let form = crate::expos::new_expo_form("Spring Marine Expo 2027", "2027-04-01", "2027-04-05");
    let resp = post(&app, &organizer, "setup/create-expo", &form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let other: String = resp.json().await.expect("id");
    let managing_other = format!("{organizer}; console_expo={other}");
    // Someone registers on the public expo.
    new_person(&app, "public-visitor@example.com").await;
    let seen_in = |cookie: String| {
        let app = &app;
        async move {
            let page = people(app, &cookie, &[]).await;
            page.items.into_iter().map(|p| p.email).collect::<Vec<_>>()
        }
    };
    let public = seen_in(organizer.clone()).await;
    assert!(public.contains(&"public-visitor@example.com".to_owned()));
    assert!(public.contains(&"buyer@expo.example".to_owned()));
    let second = seen_in(managing_other.clone()).await;
    assert_eq!(
        second,
        vec![ORGANIZER.to_owned()],
        "only the new expo's own people"
    );
    // Nor do the exports of the new expo list anyone else.
    for path in ["/export/people.csv", "/export/people.xlsx"] {
        let resp = download(&app, &managing_other, path).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let bytes = resp.bytes().await.expect("bytes");
        let text = if path.ends_with(".csv") {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            read_xlsx(bytes.to_vec())
                .1
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(",")
        };
        assert!(!text.contains("public-visitor@example.com"), "{path}");
        assert!(!text.contains("buyer@expo.example"), "{path}");
        assert!(text.contains(ORGANIZER), "{path}");
    }
}
both_backends!(the_people_directory_lists_only_the_expos_own_people);

async fn exports_stay_one_cell_for_every_separator(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // A name that splits into a formula where `;` separates cells (German or French Excel).
    let resp = app
        .call(
            &app.new_client(),
            "account/register",
            &[
                ("input[email]", "semicolon@example.com"),
                ("input[password]", "a-long-password-1"),
                (
                    "input[display_name]",
                    "Li;=HYPERLINK(\"http://evil.example\")",
                ),
                ("input[company]", "　＝cmd|' /C calc'!A0"),
                ("input[country]", "DE"),
                ("input[language]", "en"),
            ],
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.status());
    let resp = download(&app, &organizer, "/export/people.csv?q=semicolon").await;
    let bytes = resp.bytes().await.expect("bytes");
    for separator in [b',', b';', b'\t'] {
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for record in reader.records() {
            for cell in record.expect("record").iter() {
                let start = cell.trim_start_matches([' ', '\u{3000}', '"', '\'']);
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '＝'])
                        && (cell.starts_with('\'')
                            || !start.starts_with(['=', '+', '-', '@', '＝'])),
                    "a formula with {:?} as the separator: {cell:?}",
                    separator as char
                );
            }
        }
    }
    // And the comma reading gives the names back, apostrophe and all.
    let rows = read_csv(&bytes);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "Li;=HYPERLINK(\"http://evil.example\")");
    assert!(rows[0][2].starts_with('\''), "{:?}", rows[0]);
}
both_backends!(exports_stay_one_cell_for_every_separator);
