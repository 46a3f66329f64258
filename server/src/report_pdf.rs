//! `GET /export/analytics-report.pdf?booth=…`: the post-show report as a PDF made on the server
//! with `krilla` (text set in the system's Noto fonts, subset into the file; the charts' SVG
//! drawn as vectors through `krilla-svg`). A4 pages: the heading, the totals, then each
//! table's chart and rows, a page number at the foot of every page.

use app::analytics::analysis_tables::{table, Cell};
use app::analytics::api::ReportHead;
use app::shell::i18n::{Arg, I18n};
use app::state::{AppState, AuthSession};
use axum::http::StatusCode;
use axum::response::Response;
use domain::analysis::{tables, Analysis, AnalysisFilter};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use usvg::fontdb;

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 48.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const ROW_H: f32 = 16.0;
const INK: (u8, u8, u8) = (0x1f, 0x29, 0x37);
const MUTED: (u8, u8, u8) = (0x6b, 0x72, 0x80);
const BAND: (u8, u8, u8) = (0xee, 0xf1, 0xf6);

/// The fonts: the system's, for the charts' text, and the faces the report's own text is set in.
struct Fonts {
    db: Arc<fontdb::Database>,
    /// Noto Sans CJK, by face: Simplified Chinese (also for Latin and Cyrillic), Japanese,
    /// Korean.
    sc: Option<Font>,
    jp: Option<Font>,
    kr: Option<Font>,
    arabic: Option<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db.set_sans_serif_family("Noto Sans CJK SC");
        let mut files: HashMap<std::path::PathBuf, Arc<Vec<u8>>> = HashMap::new();
        let mut face = |family: &str| -> Option<Font> {
            let id = db.query(&fontdb::Query {
                families: &[fontdb::Family::Name(family)],
                ..fontdb::Query::default()
            })?;
            let info = db.face(id)?;
            let path = match &info.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                fontdb::Source::Binary(_) => return None,
            };
            let bytes = match files.get(&path) {
                Some(b) => b.clone(),
                None => {
                    let b = Arc::new(std::fs::read(&path).ok()?);
                    files.insert(path, b.clone());
                    b
                }
            };
            Font::new(bytes.into(), info.index)
        };
        let (sc, jp, kr) = (
            face("Noto Sans CJK SC"),
            face("Noto Sans CJK JP"),
            face("Noto Sans CJK KR"),
        );
        let arabic = face("Noto Sans Arabic");
        if sc.is_none() {
            tracing::warn!("Noto Sans CJK not found: report PDFs will lack text");
        }
        Fonts {
            db: Arc::new(db),
            sc,
            jp,
            kr,
            arabic,
        }
    })
}

/// The face to set `text` in for readers of `locale`.
fn font_for(text: &str, locale: domain::Locale) -> Option<Font> {
    let f = fonts();
    let arabic = text
        .chars()
        .any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}'));
    if arabic && f.arabic.is_some() {
        return f.arabic.clone();
    }
    match locale {
        domain::Locale::Ja => f.jp.clone(),
        domain::Locale::Ko => f.kr.clone(),
        _ => None,
    }
    .or_else(|| f.sc.clone())
}

/// What a page holds, placed.
enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: (u8, u8, u8),
    },
    Band {
        y: f32,
        h: f32,
    },
    Chart {
        y: f32,
        h: f32,
        tree: Box<usvg::Tree>,
    },
}

/// Lays the report out on pages.
struct Layout {
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Makes room for `h` points, on a new page if this one is full.
    fn room(&mut self, h: f32) {
        if self.y + h > PAGE_H - MARGIN - 20.0 && self.y > MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(p) = self.pages.last_mut() {
            p.push(item);
        }
    }

    fn line(&mut self, text: String, size: f32, color: (u8, u8, u8)) {
        let h = size * 1.5;
        self.room(h);
        self.push(Item::Text {
            x: MARGIN,
            y: self.y + size,
            size,
            text,
            color,
        });
        self.y += h;
    }
}

/// About how wide `text` is at `size` (CJK and other wide characters one em, others half).
fn width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| if c.len_utf8() >= 3 { 1.0 } else { 0.56 })
        .sum::<f32>()
        * size
}

/// `text` cut to fit `max` points at `size`.
fn fit(text: &str, size: f32, max: f32) -> String {
    if width(text, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out, size) + width("…", size) + width(&c.to_string(), size) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The report of `a` as a PDF.
pub fn render(
    a: &Analysis,
    charts: &app::analytics::api::Charts,
    head: &ReportHead,
    i18n: &I18n,
) -> Result<Vec<u8>, String> {
    let mut l = Layout::new();
    l.line(head.title.clone(), 18.0, INK);
    l.line(head.of.clone(), 13.0, INK);
    l.line(head.dates.clone(), 10.0, MUTED);
    l.y += 8.0;
    l.line(
        format!(
            "{} {}   ·   {} {}   ·   {} {}",
            i18n.t("analysis-visitors"),
            i18n.number(a.totals.visitors),
            i18n.t("analysis-views"),
            i18n.number(a.totals.views),
            i18n.t("analysis-minutes"),
            i18n.number(a.totals.minutes)
        ),
        11.0,
        INK,
    );
    let options = usvg::Options {
        fontdb: fonts().db.clone(),
        ..usvg::Options::default()
    };
    let country = |c: &str| app::analytics::live_page::country(i18n, c);
    for name in tables(a) {
        let Some(t) = table(a, name, i18n, &country) else {
            continue;
        };
        let svg = charts.of(name);
        let tree = if svg.is_empty() {
            None
        } else {
            usvg::Tree::from_str(svg, &options).ok()
        };
        // The caption stays with the chart, or with the first rows.
        let chart_h = tree
            .as_ref()
            .map_or(0.0, |t| t.size().height() * CONTENT_W / t.size().width());
        l.y += 14.0;
        l.room(14.0 * 1.5 + chart_h + 3.0 * ROW_H);
        l.line(t.caption.clone(), 14.0, INK);
        if let Some(tree) = tree {
            l.push(Item::Chart {
                y: l.y,
                h: chart_h,
                tree: Box::new(tree),
            });
            l.y += chart_h + 6.0;
        }
        let columns = t.headers.len().max(1);
        let first = if columns > 1 {
            CONTENT_W * 0.46
        } else {
            CONTENT_W
        };
        #[allow(clippy::cast_precision_loss)]
        let rest = (CONTENT_W - first) / (columns.saturating_sub(1).max(1)) as f32;
        let x_of = |c: usize| {
            #[allow(clippy::cast_precision_loss)]
            let x = if c == 0 {
                MARGIN
            } else {
                MARGIN + first + rest * (c - 1) as f32
            };
            x
        };
        let row = |l: &mut Layout, cells: Vec<String>, band: bool| {
            l.room(ROW_H);
            if band {
                l.push(Item::Band { y: l.y, h: ROW_H });
            }
            for (c, text) in cells.into_iter().enumerate() {
                let max = if c == 0 { first - 8.0 } else { rest - 6.0 };
                l.push(Item::Text {
                    x: x_of(c) + 3.0,
                    y: l.y + 11.5,
                    size: 9.5,
                    text: fit(&text, 9.5, max),
                    color: INK,
                });
            }
            l.y += ROW_H;
        };
        row(&mut l, t.headers.clone(), true);
        if t.rows.is_empty() {
            l.line(i18n.t("analysis-empty"), 9.5, MUTED);
        }
        for r in &t.rows {
            row(
                &mut l,
                r.iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.clone(),
                        other => other.shown(i18n),
                    })
                    .collect(),
                false,
            );
        }
    }
    draw(l.pages, head, i18n)
}

fn draw(pages: Vec<Vec<Item>>, head: &ReportHead, i18n: &I18n) -> Result<Vec<u8>, String> {
    let mut doc = Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(head.title.clone())
            .language(i18n.locale.tag().to_owned()),
    );
    let count = pages.len();
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?;
    for (n, items) in pages.into_iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut s = page.surface();
        let fill = |s: &mut krilla::surface::Surface<'_>, (r, g, b): (u8, u8, u8)| {
            s.set_fill(Some(Fill {
                paint: rgb::Color::new(r, g, b).into(),
                opacity: NormalizedF32::ONE,
                rule: krilla::paint::FillRule::default(),
            }));
        };
        let text =
            |s: &mut krilla::surface::Surface<'_>, x: f32, y: f32, size: f32, t: &str, color| {
                if let Some(font) = font_for(t, i18n.locale) {
                    fill(s, color);
                    s.draw_text(
                        Point::from_xy(x, y),
                        font,
                        size,
                        t,
                        false,
                        TextDirection::Auto,
                    );
                }
            };
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    text: t,
                    color,
                } => text(&mut s, x, y, size, &t, color),
                Item::Band { y, h } => {
                    let mut p = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(MARGIN, y, CONTENT_W, h) {
                        p.push_rect(r);
                    }
                    if let Some(path) = p.finish() {
                        fill(&mut s, BAND);
                        s.draw_path(&path);
                    }
                }
                Item::Chart { y, h, tree } => {
                    if let Some(size) = Size::from_wh(CONTENT_W, h) {
                        s.push_transform(&Transform::from_translate(MARGIN, y));
                        s.draw_svg(&tree, size, SvgSettings::default());
                        s.pop();
                    }
                }
            }
        }
        let foot = i18n.t_args(
            "report-page",
            vec![
                ("page", Arg::Num(i64::try_from(n + 1).unwrap_or(0))),
                ("pages", Arg::Num(i64::try_from(count).unwrap_or(0))),
            ],
        );
        text(&mut s, MARGIN, PAGE_H - MARGIN / 2.0, 8.5, &foot, MUTED);
        s.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// Reports being set: one at a time.
static RENDERING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Answers the PDF of the report the filter asks for (the same rules as the page).
pub async fn export(
    state: &AppState,
    session: Option<&AuthSession>,
    filter: Result<AnalysisFilter, domain::FieldError>,
    i18n: I18n,
) -> Response {
    let refuse = |status: StatusCode, id: &str| crate::export::text_error(i18n, status, id);
    let Some(session) = session else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            app::AppError::Unauthenticated.message_id(),
        );
    };
    // Every day: a report covers the whole show.
    let filter = match filter {
        Ok(f) => AnalysisFilter {
            booth: f.booth,
            ..AnalysisFilter::default()
        },
        Err(e) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.message_id),
    };
    let result = async {
        let a = app::analytics::analysis::analyse(state, session, filter).await?;
        let head = app::analytics::report::head(state, &i18n, &a).await?;
        Ok::<_, app::AppError>((a, head))
    }
    .await;
    let (a, head) = match result {
        Ok(r) => r,
        Err(e) => {
            let status = match e {
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                app::AppError::Forbidden => StatusCode::FORBIDDEN,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return refuse(status, e.message_id());
        }
    };
    // Setting type is work for a core: off the request threads, and one report at a time so
    // the other core goes on serving pages.
    let Ok(_turn) = RENDERING.acquire().await else {
        return refuse(StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
    };
    // Without its fonts the server cannot set the report: say so (the page can be printed).
    if !matches!(
        tokio::task::spawn_blocking(|| fonts().sc.is_some()).await,
        Ok(true)
    ) {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "report-error-fonts");
    }
    let charts =
        app::analytics::charts::draw(&a, &i18n, |c| app::analytics::live_page::country(&i18n, c));
    let made = tokio::task::spawn_blocking(move || render(&a, &charts, &head, &i18n)).await;
    match made {
        Ok(Ok(bytes)) => crate::export::attachment(bytes, "application/pdf", "report.pdf"),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "report PDF failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
        Err(e) => {
            tracing::error!(error = %e, "report PDF task failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
    }
}
