//! The analysis's charts, drawn on the server as SVG with `plotters` in the reader's language:
//! the page shows them as they are (no charting code in the browser's bundle) and the
//! post-show report can print them. Each chart has a table beside it on the page, which is
//! what screen readers and exports use.

use super::api::Charts;
use crate::shell::i18n::I18n;
use domain::analysis::{Analysis, DWELL_BUCKETS, FUNNEL_STAGES};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

const WIDTH: u32 = 640;
const BLUE: RGBColor = RGBColor(0x1d, 0x4e, 0xd8);
const TEAL: RGBColor = RGBColor(0x0f, 0x76, 0x6e);
const INK: RGBColor = RGBColor(0x33, 0x41, 0x55);
/// Bars shown at most in a ranking chart (its table has every row).
const BARS: usize = 12;

/// Draws every chart of `a`.
pub fn draw(a: &Analysis, i18n: &I18n, country: impl Fn(&str) -> String) -> Charts {
    let traffic = if a.traffic.is_empty() {
        String::new()
    } else {
        line(
            i18n,
            &a.traffic.iter().map(|p| p.at.clone()).collect::<Vec<_>>(),
            &[
                (
                    i18n.t("analysis-visitors"),
                    a.traffic.iter().map(|p| p.visitors).collect(),
                    BLUE,
                ),
                (
                    i18n.t("analysis-views"),
                    a.traffic.iter().map(|p| p.views).collect(),
                    TEAL,
                ),
            ],
        )
    };
    let halls = bars(
        i18n,
        a.by_hall
            .iter()
            .map(|h| (h.name.show(i18n.locale).text, h.visitors))
            .collect(),
    );
    let dwell = bars(
        i18n,
        DWELL_BUCKETS
            .iter()
            .zip(&a.dwell)
            .map(|((id, _), n)| (i18n.t(id), *n))
            .collect(),
    );
    let funnel = if a.funnel.viewed == 0 && a.funnel.counts().iter().all(|n| *n == 0) {
        String::new()
    } else {
        bars(
            i18n,
            FUNNEL_STAGES
                .iter()
                .zip(a.funnel.counts())
                .map(|(id, n)| (i18n.t(id), n))
                .collect(),
        )
    };
    let sources = bars(
        i18n,
        a.sources
            .iter()
            .map(|s| (s.source.clone(), s.visitors))
            .collect(),
    );
    let countries = bars(
        i18n,
        a.buyer_countries
            .iter()
            .map(|(c, n)| (country(c), *n))
            .collect(),
    );
    Charts {
        traffic,
        halls,
        dwell,
        funnel,
        sources,
        countries,
    }
}

/// A horizontal bar per row (the first [`BARS`]), labelled; empty when every value is 0.
pub(crate) fn bars(i18n: &I18n, mut rows: Vec<(String, i64)>) -> String {
    rows.truncate(BARS);
    if rows.iter().all(|(_, n)| *n <= 0) {
        return String::new();
    }
    let n = rows.len();
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1);
    let label_chars = rows
        .iter()
        .map(|(l, _)| {
            l.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(4);
    let label_width = u32::try_from(label_chars.clamp(4, 28) * 7 + 12).unwrap_or(200);
    let height = u32::try_from(n).unwrap_or(1) * 30 + 50;
    let mut svg = String::new();
    let drawn = (|| -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(24)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0i64..max + max / 10 + 1, (0usize..n).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => rows.get(*i).map(|r| r.0.clone()).unwrap_or_default(),
                _ => String::new(),
            })
            .x_labels(5)
            .x_label_formatter(&|v| i18n.number(*v))
            .label_style(("sans-serif", 13).into_font().color(&INK))
            .axis_style(INK)
            .light_line_style(RGBColor(0xe5, 0xe7, 0xeb))
            .draw()?;
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, v))| {
            let mut bar = Rectangle::new(
                [
                    (0, SegmentValue::Exact(i)),
                    (*v, SegmentValue::Exact(i + 1)),
                ],
                BLUE.filled(),
            );
            bar.set_margin(5, 5, 0, 0);
            bar
        }))?;
        root.present()?;
        Ok(())
    })();
    finish(drawn, svg)
}

/// Lines over labelled points (days or hours), with a legend.
fn line(i18n: &I18n, at: &[String], series: &[(String, Vec<i64>, RGBColor)]) -> String {
    let n = at.len();
    let max = series
        .iter()
        .flat_map(|(_, v, _)| v.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut svg = String::new();
    let drawn = (|| -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 300)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(14)
            .x_label_area_size(30)
            .y_label_area_size(56)
            .build_cartesian_2d(0usize..n.saturating_sub(1).max(1), 0i64..max + max / 10 + 1)?;
        chart
            .configure_mesh()
            .x_labels(n.clamp(2, 10))
            .x_label_formatter(&|i| at.get(*i).cloned().unwrap_or_default())
            .y_labels(5)
            .y_label_formatter(&|v| i18n.number(*v))
            .label_style(("sans-serif", 13).into_font().color(&INK))
            .axis_style(INK)
            .light_line_style(RGBColor(0xe5, 0xe7, 0xeb))
            .draw()?;
        for (name, values, color) in series {
            let color = *color;
            chart
                .draw_series(LineSeries::new(
                    values.iter().copied().enumerate(),
                    color.stroke_width(2),
                ))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
                });
            chart.draw_series(
                values
                    .iter()
                    .copied()
                    .enumerate()
                    .map(|p| Circle::new(p, 3, color.filled())),
            )?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .label_font(("sans-serif", 13).into_font().color(&INK))
            .draw()?;
        root.present()?;
        Ok(())
    })();
    finish(drawn, svg)
}

/// The drawn chart, hidden from assistive technology (the element around it is the image, named
/// by its caption, and the table beside it holds the figures); empty when it failed.
fn finish(drawn: Result<(), Box<dyn std::error::Error>>, svg: String) -> String {
    match drawn {
        Ok(()) => svg.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1),
        Err(e) => {
            tracing::warn!(error = %e, "chart not drawn");
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::analysis::{Funnel, TrafficPoint};

    #[test]
    fn charts_are_svg_with_their_labels_escaped() {
        let i18n = I18n {
            locale: domain::Locale::En,
        };
        let a = Analysis {
            traffic: vec![
                TrafficPoint {
                    at: "2026-12-06".into(),
                    visitors: 3,
                    views: 9,
                    minutes: 1,
                },
                TrafficPoint {
                    at: "2026-12-07".into(),
                    visitors: 5,
                    views: 12,
                    minutes: 2,
                },
            ],
            funnel: Funnel {
                viewed: 4,
                favorited: 2,
                ..Funnel::default()
            },
            sources: vec![domain::analysis::SourceRow {
                source: "<script>x</script>".into(),
                registrations: 1,
                visitors: 1,
                buyers: 0,
            }],
            dwell: vec![0; 6],
            ..Analysis::default()
        };
        let c = draw(&a, &i18n, str::to_owned);
        assert!(c.traffic.starts_with("<svg"), "{}", c.traffic);
        assert!(c.traffic.contains("2026-12-07"));
        assert!(c.funnel.contains("<rect"));
        assert!(c.sources.contains("&lt;script&gt;"));
        assert!(!c.sources.contains("<script>"));
        // Nothing to draw: no chart.
        assert!(c.dwell.is_empty());
        assert!(c.countries.is_empty());
    }
}
