//! A bar chart per question of a survey's results (choices, scale points, scores), drawn on the
//! server like the analysis's charts; each has its table on the page.

use crate::shell::i18n::I18n;
use domain::survey::SurveyResults;

/// A chart per question, in order: empty for free text and for questions nobody answered.
pub fn draw(r: &SurveyResults, i18n: &I18n) -> Vec<String> {
    r.survey
        .questions
        .iter()
        .zip(&r.results)
        .map(|(q, res)| {
            if res.answered == 0 || res.counts.is_empty() {
                return String::new();
            }
            crate::analytics::charts::bars(
                i18n,
                q.point_labels(i18n.locale)
                    .into_iter()
                    .zip(res.counts.iter().copied())
                    .collect(),
            )
        })
        .collect()
}
