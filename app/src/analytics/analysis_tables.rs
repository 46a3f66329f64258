//! The analysis's tables, built once for the page (beside each chart) and for the CSV and XLSX
//! exports: a caption, column titles and rows of text or numbers, in the reader's language.

use crate::shell::i18n::I18n;
use domain::analysis::{Analysis, DWELL_BUCKETS, FUNNEL_STAGES};

/// A cell: text, a count, or a share in tenths of a percent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text (a name, a day, a search).
    Text(String),
    /// A count.
    Count(i64),
    /// A share, in tenths of a percent.
    PerMille(i64),
    /// An amount of money in minor units of its currency.
    Money(i64, String),
}

impl Cell {
    /// As shown on the page.
    pub fn shown(&self, i18n: &I18n) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => i18n.number(*n),
            Cell::PerMille(p) => format!("{}.{} %", p / 10, p % 10),
            Cell::Money(minor, currency) => domain::trade::format_money(*minor, currency),
        }
    }
}

/// One table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalysisTable {
    /// Its caption.
    pub caption: String,
    /// Column titles.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
    /// A link for each row's first cell (the booths' own analyses), when there is one.
    pub links: Vec<Option<String>>,
}

/// The table `name` (one of `domain::analysis::tables`) of `a`; `None` for another name.
pub fn table(
    a: &Analysis,
    name: &str,
    i18n: &I18n,
    country: &dyn Fn(&str) -> String,
) -> Option<AnalysisTable> {
    let t = |id: &str| i18n.t(id);
    let count = Cell::Count;
    let (caption, headers, rows): (&str, Vec<String>, Vec<Vec<Cell>>) = match name {
        "traffic" => (
            "analysis-traffic",
            vec![
                t(if a.filter.day.is_some() {
                    "analysis-col-hour"
                } else {
                    "analysis-col-day"
                }),
                t("analysis-visitors"),
                t("analysis-views"),
                t("analysis-minutes"),
            ],
            a.traffic
                .iter()
                .map(|p| {
                    let at = if a.filter.day.is_some() {
                        format!("{}:00", p.at)
                    } else {
                        i18n.date(&p.at)
                    };
                    vec![
                        Cell::Text(at),
                        count(p.visitors),
                        count(p.views),
                        count(p.minutes),
                    ]
                })
                .collect(),
        ),
        "halls" | "booths" => {
            let list = if name == "halls" {
                &a.by_hall
            } else {
                &a.by_booth
            };
            let rows = list
                .iter()
                .map(|p| {
                    vec![
                        Cell::Text(p.name.show(i18n.locale).text),
                        count(p.visitors),
                        count(p.views),
                        count(p.minutes),
                    ]
                })
                .collect();
            let links = if name == "booths" {
                list.iter()
                    .map(|p| {
                        let mut f = a.filter.clone();
                        f.booth = Some(p.id.clone());
                        Some(format!("/analytics?{}", f.to_query()))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            return Some(AnalysisTable {
                caption: t(if name == "halls" {
                    "analysis-halls"
                } else {
                    "analysis-booths"
                }),
                headers: vec![
                    t(if name == "halls" {
                        "analysis-col-hall"
                    } else {
                        "analysis-col-booth"
                    }),
                    t("analysis-visitors"),
                    t("analysis-views"),
                    t("analysis-minutes"),
                ],
                rows,
                links,
            });
        }
        "dwell" => (
            "analysis-dwell",
            vec![t("analysis-col-length"), t("analysis-col-visits")],
            DWELL_BUCKETS
                .iter()
                .zip(&a.dwell)
                .map(|((id, _), n)| vec![Cell::Text(t(id)), count(*n)])
                .collect(),
        ),
        "funnel" => (
            "analysis-funnel",
            vec![
                t("analysis-col-stage"),
                t("analysis-col-pairs"),
                t("analysis-col-of-viewed"),
            ],
            FUNNEL_STAGES
                .iter()
                .zip(a.funnel.counts())
                .zip(a.funnel.per_mille_of_viewed())
                .map(|((id, n), p)| vec![Cell::Text(t(id)), count(n), Cell::PerMille(p)])
                .collect(),
        ),
        "deals" => (
            "analysis-deals",
            vec![t("analysis-col-currency"), t("analysis-col-value")],
            a.deals
                .iter()
                .map(|(cur, minor)| vec![Cell::Text(cur.clone()), Cell::Money(*minor, cur.clone())])
                .collect(),
        ),
        "searches" | "zero" => (
            if name == "searches" {
                "analysis-searches"
            } else {
                "analysis-zero-searches"
            },
            vec![
                t("analysis-col-query"),
                t("analysis-col-times"),
                t("analysis-col-results"),
            ],
            if name == "searches" {
                &a.top_searches
            } else {
                &a.zero_searches
            }
            .iter()
            .map(|s| {
                vec![
                    Cell::Text(s.query.clone()),
                    count(s.times),
                    count(s.results),
                ]
            })
            .collect(),
        ),
        "sources" => (
            "analysis-sources",
            vec![
                t("analysis-col-source"),
                t("analysis-col-registrations"),
                t("analysis-visitors"),
                t("analysis-col-buyers"),
            ],
            a.sources
                .iter()
                .map(|s| {
                    vec![
                        Cell::Text(s.source.clone()),
                        count(s.registrations),
                        count(s.visitors),
                        count(s.buyers),
                    ]
                })
                .collect(),
        ),
        "countries" => (
            "analysis-countries",
            vec![t("analytics-col-country"), t("analysis-col-buyers")],
            a.buyer_countries
                .iter()
                .map(|(c, n)| vec![Cell::Text(country(c)), count(*n)])
                .collect(),
        ),
        "leads" => (
            "analysis-leads",
            vec![t("analysis-col-stage"), t("analysis-col-leads")],
            a.leads
                .iter()
                .map(|(stage, n)| vec![Cell::Text(t(&format!("lead-stage-{stage}"))), count(*n)])
                .collect(),
        ),
        _ => return None,
    };
    Some(AnalysisTable {
        caption: t(caption),
        headers,
        rows,
        links: Vec::new(),
    })
}
