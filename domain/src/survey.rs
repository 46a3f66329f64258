//! Surveys (clause 3.3.1): an organizer writes one in several languages (single and multiple
//! choice, scale, net promoter score and free-text questions), chooses who gets it (visitors,
//! buyers, exhibitors or the people of a hall) and when (after the show, or after each meeting),
//! and reads the results. Everyone invited answers once.
//!
//! This module holds the rules: what a survey and an answer may be, and how answers are
//! tallied. Errors carry Fluent ids and the field they belong to.

use crate::text::LocalizedText;
use crate::{FieldError, Locale};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Questions in one survey, at most.
pub const MAX_QUESTIONS: usize = 30;
/// Options of a choice question, at most.
pub const MAX_OPTIONS: usize = 12;
/// A title, in characters.
pub const MAX_TITLE: usize = 120;
/// The introduction, in characters.
pub const MAX_INTRO: usize = 1000;
/// A question or an option, in characters.
pub const MAX_PROMPT: usize = 300;
/// A free-text answer, in characters.
pub const MAX_TEXT_ANSWER: usize = 2000;
/// The points of a scale question: from 1 to this many, between these bounds.
pub const SCALE_POINTS: std::ops::RangeInclusive<u8> = 3..=10;

/// What a question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of its options.
    Single,
    /// Any of its options.
    Multiple,
    /// A point from 1 to its `scale` (5 for "very poor … very good").
    Scale,
    /// How likely, from 0 to 10, the person is to recommend (net promoter score).
    Nps,
    /// Words.
    Text,
}

impl QuestionKind {
    /// Every kind, in the builder's order.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Scale,
        QuestionKind::Nps,
        QuestionKind::Text,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Scale => "scale",
            QuestionKind::Nps => "nps",
            QuestionKind::Text => "text",
        }
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            QuestionKind::Single => "survey-kind-single",
            QuestionKind::Multiple => "survey-kind-multiple",
            QuestionKind::Scale => "survey-kind-scale",
            QuestionKind::Nps => "survey-kind-nps",
            QuestionKind::Text => "survey-kind-text",
        }
    }

    /// Whether it has options.
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Multiple)
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Its id within the survey (`q1`, `q2`, …), kept when questions move.
    pub id: String,
    /// What it asks for.
    pub kind: QuestionKind,
    /// The question.
    pub prompt: LocalizedText,
    /// Its options (single and multiple choice only).
    #[serde(default)]
    pub options: Vec<LocalizedText>,
    /// The points of a scale question (1 to this).
    #[serde(default)]
    pub scale: u8,
    /// Whether an answer must answer it.
    #[serde(default)]
    pub required: bool,
}

impl Question {
    /// The points an answer may choose, in order (`None` for free text): option indexes, scale
    /// points or the 0–10 of a net promoter score.
    pub fn points(&self) -> Option<std::ops::RangeInclusive<i64>> {
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                Some(0..=i64::try_from(self.options.len()).unwrap_or(0) - 1)
            }
            QuestionKind::Scale => Some(1..=i64::from(self.scale)),
            QuestionKind::Nps => Some(0..=10),
            QuestionKind::Text => None,
        }
    }
}

impl Question {
    /// The labels of its points in `locale`: the options' texts, or the numbers of a scale or
    /// score (empty for free text).
    pub fn point_labels(&self, locale: Locale) -> Vec<String> {
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                self.options.iter().map(|o| o.show(locale).text).collect()
            }
            _ => self
                .points()
                .map(|r| r.map(|p| p.to_string()).collect())
                .unwrap_or_default(),
        }
    }
}

/// Who gets a survey.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone who visited the expo signed in, or registered as a buyer (not its staff).
    #[default]
    Visitors,
    /// Professional buyers (a buyer profile).
    Buyers,
    /// Booth teams.
    Exhibitors,
    /// The people of one hall: who visited it or its booths, and its booths' teams.
    Hall,
}

impl Audience {
    /// Every audience, in the builder's order.
    pub const ALL: [Audience; 4] = [
        Audience::Visitors,
        Audience::Buyers,
        Audience::Exhibitors,
        Audience::Hall,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Visitors => "visitors",
            Audience::Buyers => "buyers",
            Audience::Exhibitors => "exhibitors",
            Audience::Hall => "hall",
        }
    }

    /// Reads a stored or submitted name.
    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Audience::Visitors => "survey-audience-visitors",
            Audience::Buyers => "survey-audience-buyers",
            Audience::Exhibitors => "survey-audience-exhibitors",
            Audience::Hall => "survey-audience-hall",
        }
    }
}

/// When a survey reaches people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// Once, to its whole audience, when the organizer sends it (after the show).
    #[default]
    AfterShow,
    /// To the people of its audience who were in a meeting, when the meeting ends while the
    /// survey is open: once per person (their first such meeting).
    AfterMeeting,
}

impl Trigger {
    /// Both, in the builder's order.
    pub const ALL: [Trigger; 2] = [Trigger::AfterShow, Trigger::AfterMeeting];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::AfterShow => "after_show",
            Trigger::AfterMeeting => "after_meeting",
        }
    }

    /// Reads a stored or submitted name.
    pub fn parse(s: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Trigger::AfterShow => "survey-trigger-after-show",
            Trigger::AfterMeeting => "survey-trigger-after-meeting",
        }
    }
}

/// Where a survey is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyStatus {
    /// Being written: nobody has it yet; its questions may change.
    #[default]
    Draft,
    /// Sent (or sent after meetings): people answer it; its questions are fixed.
    Open,
    /// No more answers.
    Closed,
}

impl SurveyStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SurveyStatus::Draft => "draft",
            SurveyStatus::Open => "open",
            SurveyStatus::Closed => "closed",
        }
    }

    /// Reads a stored name (anything unknown is a draft).
    pub fn parse(s: &str) -> SurveyStatus {
        match s {
            "open" => SurveyStatus::Open,
            "closed" => SurveyStatus::Closed,
            _ => SurveyStatus::Draft,
        }
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            SurveyStatus::Draft => "survey-status-draft",
            SurveyStatus::Open => "survey-status-open",
            SurveyStatus::Closed => "survey-status-closed",
        }
    }
}

/// What the builder sends: the survey as the organizer wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyDraft {
    /// The title.
    pub title: Option<LocalizedText>,
    /// An introduction (may be empty).
    pub intro: Option<LocalizedText>,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// Who gets it.
    pub audience: Audience,
    /// The hall, for [`Audience::Hall`].
    #[serde(default)]
    pub hall_id: Option<String>,
    /// When it goes out.
    pub trigger: Trigger,
}

/// A survey as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    /// Its id.
    pub id: String,
    /// Its expo.
    pub expo_id: String,
    /// The title.
    pub title: LocalizedText,
    /// The introduction.
    pub intro: LocalizedText,
    /// The questions.
    pub questions: Vec<Question>,
    /// Who gets it.
    pub audience: Audience,
    /// The hall, for [`Audience::Hall`].
    pub hall_id: Option<String>,
    /// When it goes out.
    pub trigger: Trigger,
    /// Where it is.
    pub status: SurveyStatus,
    /// People it was sent to.
    pub invited: i64,
    /// People who answered.
    pub answered: i64,
    /// When it was last changed (UTC milliseconds).
    pub updated_at: i64,
}

impl Survey {
    /// The languages its title is written in (the author's first).
    pub fn languages(&self) -> Vec<Locale> {
        let mut l = vec![self.title.original];
        l.extend(
            self.title
                .values
                .keys()
                .copied()
                .filter(|k| *k != self.title.original),
        );
        l
    }
}

fn text_field(
    text: Option<&LocalizedText>,
    field: &str,
    max: usize,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> LocalizedText {
    let Some(t) = text else {
        if required {
            errors.push(FieldError::new(field, "survey-error-required-text"));
        }
        return LocalizedText::new(Locale::default(), "");
    };
    let mut clean = LocalizedText::new(t.original, "");
    for (locale, value) in &t.values {
        clean.set(*locale, value.trim());
    }
    if required
        && clean
            .values
            .get(&clean.original)
            .is_none_or(|v| v.is_empty())
    {
        errors.push(FieldError::new(field, "survey-error-required-text"));
    }
    if clean.values.values().any(|v| v.chars().count() > max) {
        errors.push(FieldError::new(field, "survey-error-too-long"));
    }
    clean
}

impl SurveyDraft {
    /// The draft checked and tidied (texts trimmed, question ids made unique), or every
    /// problem, each on its field (`title`, `intro`, `questions`, `q{n}-prompt`,
    /// `q{n}-options`, `q{n}-scale`, `hall`).
    pub fn check(&self) -> Result<SurveyDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = text_field(self.title.as_ref(), "title", MAX_TITLE, true, &mut errors);
        let intro = text_field(self.intro.as_ref(), "intro", MAX_INTRO, false, &mut errors);
        if self.questions.is_empty() {
            errors.push(FieldError::new("questions", "survey-error-no-questions"));
        }
        if self.questions.len() > MAX_QUESTIONS {
            errors.push(FieldError::new(
                "questions",
                "survey-error-too-many-questions",
            ));
        }
        let mut questions = Vec::new();
        let mut taken = std::collections::BTreeSet::new();
        let keep: Vec<bool> = self
            .questions
            .iter()
            .take(MAX_QUESTIONS)
            .map(|q| {
                let id = q.id.trim();
                id.len() > 1
                    && id.len() <= 8
                    && id.starts_with('q')
                    && id[1..].bytes().all(|b| b.is_ascii_digit())
                    && taken.insert(id.to_owned())
            })
            .collect();
        for (n, q) in self.questions.iter().take(MAX_QUESTIONS).enumerate() {
            let f = |part: &str| format!("q{}-{part}", n + 1);
            let prompt = text_field(Some(&q.prompt), &f("prompt"), MAX_PROMPT, true, &mut errors);
            let mut options = Vec::new();
            if q.kind.has_options() {
                let mut bad = false;
                for o in &q.options {
                    let mut e = Vec::new();
                    let o = text_field(Some(o), &f("options"), MAX_PROMPT, false, &mut e);
                    bad |= !e.is_empty();
                    if o.values.values().any(|v| !v.is_empty()) {
                        options.push(o);
                    }
                }
                if bad {
                    errors.push(FieldError::new(f("options"), "survey-error-too-long"));
                } else if options.len() < 2 {
                    errors.push(FieldError::new(f("options"), "survey-error-few-options"));
                } else if options.len() > MAX_OPTIONS {
                    errors.push(FieldError::new(f("options"), "survey-error-many-options"));
                }
            }
            let scale = match q.kind {
                QuestionKind::Scale if SCALE_POINTS.contains(&q.scale) => q.scale,
                QuestionKind::Scale => {
                    errors.push(FieldError::new(f("scale"), "survey-error-scale"));
                    q.scale
                }
                _ => 0,
            };
            // Ids: short (`q` and digits) and unique; a missing, malformed or repeated one gets
            // the first free number.
            let id = if keep[n] {
                q.id.trim().to_owned()
            } else {
                let mut k = 1;
                while taken.contains(&format!("q{k}")) {
                    k += 1;
                }
                let id = format!("q{k}");
                taken.insert(id.clone());
                id
            };
            questions.push(Question {
                id,
                kind: q.kind,
                prompt,
                options,
                scale,
                required: q.required,
            });
        }
        let hall_id = match self.audience {
            Audience::Hall => match self.hall_id.as_deref().map(str::trim) {
                Some(h) if crate::text::is_id(h) => Some(h.to_owned()),
                _ => {
                    errors.push(FieldError::new("hall", "survey-error-hall"));
                    None
                }
            },
            _ => None,
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SurveyDraft {
            title: Some(title),
            intro: Some(intro),
            questions,
            audience: self.audience,
            hall_id,
            trigger: self.trigger,
        })
    }
}

/// One question's answer as the form sends it: the chosen points (option indexes, a scale
/// point, a score) as text, or the words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAnswer {
    /// The question's id.
    pub question: String,
    /// The points chosen (none, one, or several for multiple choice).
    #[serde(default)]
    pub choices: Vec<String>,
    /// The words of a free-text answer.
    #[serde(default)]
    pub text: String,
}

/// One question's answer, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Points chosen (one for single choice, scale and NPS; any for multiple choice).
    Points(Vec<i64>),
    /// Words.
    Text(String),
}

/// A person's answers by question id.
pub type Answers = BTreeMap<String, Answer>;

/// The answers checked against the questions: every point within its question's range, one
/// point where one is asked for, required questions answered, texts within their length.
/// Questions left blank are left out. Errors name the question's field (`q{n}`).
pub fn check_answers(
    questions: &[Question],
    raw: &[RawAnswer],
) -> Result<Answers, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut answers = Answers::new();
    for r in raw {
        if !questions.iter().any(|q| q.id == r.question) {
            errors.push(FieldError::new("answers", "survey-error-unknown-question"));
        }
    }
    for (n, q) in questions.iter().enumerate() {
        let field = format!("q{}", n + 1);
        let given: Vec<&RawAnswer> = raw.iter().filter(|r| r.question == q.id).collect();
        let choices: Vec<&str> = given
            .iter()
            .flat_map(|r| r.choices.iter().map(|c| c.trim()))
            .filter(|c| !c.is_empty())
            .collect();
        let text: String = given
            .iter()
            .map(|r| r.text.trim())
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned();
        let answer = match q.points() {
            None => {
                if text.chars().count() > MAX_TEXT_ANSWER {
                    errors.push(FieldError::new(&field, "survey-error-answer-too-long"));
                    continue;
                }
                (!text.is_empty()).then_some(Answer::Text(text))
            }
            Some(range) => {
                let mut points = Vec::new();
                let mut bad = false;
                for c in &choices {
                    match c.parse::<i64>() {
                        Ok(p) if range.contains(&p) => {
                            if !points.contains(&p) {
                                points.push(p);
                            }
                        }
                        _ => bad = true,
                    }
                }
                if bad {
                    errors.push(FieldError::new(&field, "survey-error-out-of-range"));
                    continue;
                }
                if points.len() > 1 && q.kind != QuestionKind::Multiple {
                    errors.push(FieldError::new(&field, "survey-error-one-choice"));
                    continue;
                }
                points.sort_unstable();
                (!points.is_empty()).then_some(Answer::Points(points))
            }
        };
        match answer {
            Some(a) => {
                answers.insert(q.id.clone(), a);
            }
            None if q.required => errors.push(FieldError::new(&field, "survey-error-required")),
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// One question's results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// The question's id.
    pub id: String,
    /// People who answered it.
    pub answered: i64,
    /// How many chose each point, in the order of [`Question::points`] (empty for free text).
    pub counts: Vec<i64>,
    /// The mean point, in thousandths (scale and NPS questions that have answers).
    pub mean_milli: Option<i64>,
    /// The net promoter score, −100 to 100 (NPS questions that have answers): the share of
    /// 9s and 10s less the share of 0s to 6s, in percent.
    pub nps: Option<i64>,
    /// The free-text answers, newest first.
    pub texts: Vec<String>,
}

/// The results of every question from every answer (newest first).
pub fn tally(questions: &[Question], answers: &[Answers]) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let mut r = QuestionResult {
                id: q.id.clone(),
                ..QuestionResult::default()
            };
            let range = q.points();
            if let Some(range) = &range {
                r.counts = vec![0; usize::try_from(range.end() - range.start() + 1).unwrap_or(0)];
            }
            let (mut sum, mut promoters, mut detractors) = (0i64, 0i64, 0i64);
            for a in answers {
                match (a.get(&q.id), &range) {
                    (Some(Answer::Points(points)), Some(range)) => {
                        let mut counted = false;
                        for p in points {
                            if let Some(slot) = usize::try_from(p - range.start())
                                .ok()
                                .and_then(|i| r.counts.get_mut(i))
                            {
                                *slot += 1;
                                counted = true;
                            }
                        }
                        if counted {
                            r.answered += 1;
                            if let Some(p) = points.first() {
                                sum += p;
                                if *p >= 9 {
                                    promoters += 1;
                                } else if *p <= 6 {
                                    detractors += 1;
                                }
                            }
                        }
                    }
                    (Some(Answer::Text(t)), None) => {
                        r.answered += 1;
                        r.texts.push(t.clone());
                    }
                    _ => {}
                }
            }
            if r.answered > 0 && matches!(q.kind, QuestionKind::Scale | QuestionKind::Nps) {
                r.mean_milli = Some(sum * 1000 / r.answered);
            }
            if r.answered > 0 && q.kind == QuestionKind::Nps {
                r.nps = Some((promoters - detractors) * 100 / r.answered);
            }
            r
        })
        .collect()
}

/// A survey's results page: the survey, each question's results, and who answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    /// The survey.
    pub survey: Survey,
    /// Per question, in the survey's order.
    pub results: Vec<QuestionResult>,
}

/// A survey as the person invited reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyForm {
    /// Its id.
    pub id: String,
    /// The title.
    pub title: LocalizedText,
    /// The introduction.
    pub intro: LocalizedText,
    /// The questions.
    pub questions: Vec<Question>,
    /// Whether it still takes answers.
    pub open: bool,
    /// When the reader answered it, if they did (UTC milliseconds).
    pub answered_at: Option<i64>,
    /// An organizer looking at it (it was not sent to them): shown, not answered.
    pub preview: bool,
}

#[cfg(test)]
mod tests;
