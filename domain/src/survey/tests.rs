use super::*;

fn t(s: &str) -> LocalizedText {
    LocalizedText::new(Locale::En, s)
}

fn q(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        kind,
        prompt: t("How was it?"),
        options: if kind.has_options() {
            vec![t("Good"), t("Fair"), t("Poor")]
        } else {
            Vec::new()
        },
        scale: if kind == QuestionKind::Scale { 5 } else { 0 },
        required: true,
    }
}

fn draft(questions: Vec<Question>) -> SurveyDraft {
    SurveyDraft {
        title: Some(t("After the show").with(Locale::ZhCn, "展后调查")),
        intro: None,
        questions,
        audience: Audience::Buyers,
        hall_id: None,
        trigger: Trigger::AfterShow,
    }
}

fn raw(question: &str, choices: &[&str], text: &str) -> RawAnswer {
    RawAnswer {
        question: question.into(),
        choices: choices.iter().map(|c| (*c).to_owned()).collect(),
        text: text.into(),
    }
}

fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|e| (e.field.as_str(), e.message_id.as_str()))
        .collect()
}

#[test]
fn a_draft_is_checked_field_by_field() {
    let ok = draft(QuestionKind::ALL.iter().map(|k| q("", *k)).collect())
        .check()
        .expect("valid");
    let ids: Vec<&str> = ok.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1", "q2", "q3", "q4", "q5"]);
    assert_eq!(ok.questions[0].options.len(), 3);
    assert!(ok.questions[3].options.is_empty());

    let mut bad = draft(vec![
        Question {
            options: vec![t("Only one"), t("  ")],
            ..q("q1", QuestionKind::Single)
        },
        Question {
            scale: 11,
            ..q("q2", QuestionKind::Scale)
        },
        Question {
            prompt: t(" "),
            ..q("q3", QuestionKind::Text)
        },
    ]);
    bad.title = Some(t(&"x".repeat(MAX_TITLE + 1)));
    bad.audience = Audience::Hall;
    let errors = bad.check().expect_err("invalid");
    assert_eq!(
        fields(&errors),
        [
            ("title", "survey-error-too-long"),
            ("q1-options", "survey-error-few-options"),
            ("q2-scale", "survey-error-scale"),
            ("q3-prompt", "survey-error-required-text"),
            ("hall", "survey-error-hall"),
        ]
    );
    let empty = SurveyDraft::default().check().expect_err("empty");
    assert_eq!(
        fields(&empty),
        [
            ("title", "survey-error-required-text"),
            ("questions", "survey-error-no-questions"),
        ]
    );
}

#[test]
fn question_ids_stay_unique_and_kept_ones_stay() {
    let d = draft(vec![
        q("q2", QuestionKind::Text),
        q("q2", QuestionKind::Text),
        q("bogus", QuestionKind::Text),
        q("q1", QuestionKind::Text),
    ])
    .check()
    .expect("valid");
    let ids: Vec<&str> = d.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q2", "q3", "q4", "q1"]);
}

#[test]
fn answers_out_of_range_are_refused() {
    let qs = draft(QuestionKind::ALL.iter().map(|k| q("", *k)).collect())
        .check()
        .expect("valid")
        .questions;
    let good = check_answers(
        &qs,
        &[
            raw("q1", &["2"], ""),
            raw("q2", &["0", "2", "2"], ""),
            raw("q3", &["5"], ""),
            raw("q4", &["10"], ""),
            raw("q5", &[], "  Great booths  "),
        ],
    )
    .expect("valid");
    assert_eq!(good["q2"], Answer::Points(vec![0, 2]));
    assert_eq!(good["q5"], Answer::Text("Great booths".into()));

    let errors = check_answers(
        &qs,
        &[
            raw("q1", &["3"], ""),
            raw("q2", &["-1"], ""),
            raw("q3", &["0"], ""),
            raw("q4", &["4", "5"], ""),
            raw("q5", &[], &"x".repeat(MAX_TEXT_ANSWER + 1)),
            raw("q9", &["1"], ""),
        ],
    )
    .expect_err("invalid");
    assert_eq!(
        fields(&errors),
        [
            ("answers", "survey-error-unknown-question"),
            ("q1", "survey-error-out-of-range"),
            ("q2", "survey-error-out-of-range"),
            ("q3", "survey-error-out-of-range"),
            ("q4", "survey-error-one-choice"),
            ("q5", "survey-error-answer-too-long"),
        ]
    );
    let missing = check_answers(&qs, &[raw("q1", &["nine"], "")]).expect_err("invalid");
    assert_eq!(missing[0].message_id, "survey-error-out-of-range");
    assert_eq!(missing.len(), 5, "the other four are required");
}

#[test]
fn results_count_points_means_and_the_net_promoter_score() {
    let qs = vec![
        q("q1", QuestionKind::Single),
        q("q2", QuestionKind::Multiple),
        q("q3", QuestionKind::Scale),
        q("q4", QuestionKind::Nps),
        q("q5", QuestionKind::Text),
    ];
    let answer = |single, multi: &[i64], scale, nps, text: &str| {
        let mut a = Answers::new();
        a.insert("q1".into(), Answer::Points(vec![single]));
        a.insert("q2".into(), Answer::Points(multi.to_vec()));
        a.insert("q3".into(), Answer::Points(vec![scale]));
        a.insert("q4".into(), Answer::Points(vec![nps]));
        if !text.is_empty() {
            a.insert("q5".into(), Answer::Text(text.into()));
        }
        a
    };
    let all = [
        answer(0, &[0, 1], 5, 10, "Great"),
        answer(0, &[1], 4, 9, ""),
        answer(2, &[], 2, 3, "Too far"),
        answer(1, &[2], 4, 7, ""),
    ];
    let r = tally(&qs, &all);
    assert_eq!(r[0].counts, [2, 1, 1]);
    assert_eq!(r[0].answered, 4);
    assert_eq!(r[1].counts, [1, 2, 1]);
    assert_eq!(r[1].answered, 3, "an empty choice is no answer");
    assert_eq!(r[2].counts, [0, 1, 0, 2, 1]);
    assert_eq!(r[2].mean_milli, Some(3750));
    assert_eq!(r[3].counts.len(), 11);
    // Two promoters, one detractor, one passive of four: 25.
    assert_eq!(r[3].nps, Some(25));
    assert_eq!(r[4].texts, ["Great", "Too far"]);
    assert_eq!(r[4].answered, 2);
    assert_eq!(tally(&qs, &[])[3].nps, None);
}
