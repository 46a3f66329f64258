//! Every locale holds every message, every message is used by the code, and every id the code
//! asks for exists.

use domain::Locale;
use fluent_syntax::ast::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Message ids per locale tag, failing on any syntax error.
fn messages() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for locale in Locale::ALL {
        let dir = root().join("locales").join(locale.tag());
        let mut ids = BTreeSet::new();
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("dir entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read ftl");
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errs)| panic!("{}: {errs:?}", path.display()));
            for e in resource.body {
                match e {
                    Entry::Message(m) => {
                        assert!(
                            ids.insert(m.id.name.to_owned()),
                            "duplicate id {} in {}",
                            m.id.name,
                            locale.tag()
                        );
                    }
                    Entry::Junk { content } => panic!("{}: junk {content:?}", path.display()),
                    _ => {}
                }
            }
        }
        out.insert(locale.tag().to_owned(), ids);
    }
    out
}

fn sources() -> String {
    let mut all = String::new();
    for dir in ["../app/src", "../domain/src", "../server/src"] {
        let mut stack = vec![root().join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("read src dir") {
                let p = entry.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().and_then(|e| e.to_str()) == Some("rs")
                    && !p.ends_with("tests.rs")
                {
                    all.push_str(&std::fs::read_to_string(&p).expect("read rs"));
                    all.push('\n');
                }
            }
        }
    }
    all
}

/// Ids built at run time from a key (`country-cn`, `industry-marine`).
fn dynamic_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for c in domain::account::COUNTRIES {
        ids.insert(format!("country-{}", c.to_ascii_lowercase()));
    }
    for i in domain::expo::INDUSTRIES {
        ids.insert(format!("industry-{i}"));
    }
    for u in domain::trade::UNITS {
        ids.insert(format!("trade-unit-{u}"));
    }
    for t in domain::trade::INCOTERMS {
        ids.insert(format!("trade-incoterm-{}", t.to_ascii_lowercase()));
    }
    for name in domain::matching::WEIGHT_NAMES {
        ids.insert(format!("match-weight-{name}"));
    }
    for f in domain::matching::DIGEST_FREQUENCIES {
        ids.insert(format!("account-digest-{f}"));
    }
    for stage in domain::lead::LeadStage::ALL {
        ids.insert(stage.label_id());
    }
    for source in domain::lead::LeadSource::ALL {
        ids.insert(source.label_id());
    }
    for status in domain::appointment::AppointmentStatus::ALL {
        ids.insert(status.label_id());
        ids.insert(format!("notice-appointment-{}", status.as_str()));
    }
    for band in 0..4 {
        ids.insert(format!("match-price-band-{band}"));
    }
    for side in ["buyer", "booth"] {
        for kind in crate::matching::reasons::KINDS {
            ids.insert(format!("match-why-{side}-{kind}"));
        }
    }
    for (slug, audience) in crate::help::TOPICS {
        ids.extend(crate::help::message_ids(slug));
        ids.insert(audience.message_id().to_owned());
    }
    ids
}

#[test]
fn every_locale_has_the_same_messages() {
    let all = messages();
    let reference = &all["en"];
    for (tag, ids) in &all {
        let missing: Vec<_> = reference.difference(ids).collect();
        let extra: Vec<_> = ids.difference(reference).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        assert!(extra.is_empty(), "{tag} has ids English lacks: {extra:?}");
    }
}

#[test]
fn every_message_is_used_and_every_used_id_exists() {
    let all = messages();
    let defined = &all["en"];
    let code = sources();
    let dynamic = dynamic_ids();
    let unused: Vec<_> = defined
        .iter()
        .filter(|id| !dynamic.contains(*id) && !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages never used in code: {unused:?}");
    let missing_dynamic: Vec<_> = dynamic.iter().filter(|id| !defined.contains(*id)).collect();
    assert!(
        missing_dynamic.is_empty(),
        "dynamic ids without a message: {missing_dynamic:?}"
    );
    // Every id the code asks for must exist: arguments of `t(…)`/`t_args(…)`, and every
    // literal of the `error-`/`role-` families (domain errors and role names) and of the
    // error codes the realtime socket sends (`chat-error-…`, `realtime-error-…`).
    let mut asked = BTreeSet::new();
    let norm = code
        .split("t_args(")
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("t_args(");
    for marker in [".t(\"", ".t_args(\""] {
        for piece in norm.split(marker).skip(1) {
            if let Some(id) = piece.split('"').next() {
                asked.insert(id.to_owned());
            }
        }
    }
    for piece in code.split('"').skip(1).step_by(2) {
        let shaped = piece
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let family = [
            "error-",
            "role-",
            "chat-error-",
            "realtime-error-",
            "meeting-error-",
            "ops-error-",
            "apply-error-",
            "setup-error-",
            "plan-error-",
            "invite-error-",
            "buyer-error-",
            "import-error-",
            "trade-error-",
            "survey-error-",
        ]
        .iter()
        .any(|f| piece.starts_with(f));
        if shaped && family && piece.len() > 6 {
            asked.insert(piece.to_owned());
        }
    }
    // Ids held in tables and passed through variables.
    for (_, id) in crate::shell::header::SECTIONS {
        asked.insert(id.to_owned());
    }
    asked.extend(crate::expo::landing_page::STAT_IDS.map(str::to_owned));
    asked.extend(domain::ops::COMPONENT_IDS.map(str::to_owned));
    for s in domain::ops::Severity::ALL {
        asked.insert(s.message_id().to_owned());
    }
    for r in domain::directory::ReadinessItem::ALL {
        asked.insert(r.message_id().to_owned());
    }
    for s in domain::trade::InquiryStatus::ALL {
        asked.insert(s.message_id().to_owned());
    }
    for v in domain::buyer::Volume::ALL {
        asked.insert(v.message_id().to_owned());
    }
    for s in domain::application::ApplicationStatus::ALL {
        asked.insert(s.message_id().to_owned());
    }
    asked.extend(domain::locale::MONTH_IDS.map(str::to_owned));
    for tier in [
        domain::hall::BoothTier::Standard,
        domain::hall::BoothTier::Premium,
        domain::hall::BoothTier::Flagship,
    ] {
        asked.insert(tier.message_id().to_owned());
    }
    for role in domain::account::Role::ALL {
        asked.insert(role.message_id().to_owned());
    }
    for e in [
        crate::AppError::Unauthenticated,
        crate::AppError::Forbidden,
        crate::AppError::NotFound,
        crate::AppError::Validation(vec![]),
        crate::AppError::Conflict(String::new()),
        crate::AppError::RateLimited {
            retry_after_secs: 1,
        },
        crate::AppError::ReadOnly,
        crate::AppError::Internal {
            incident: String::new(),
        },
        crate::AppError::Transport(String::new()),
    ] {
        asked.insert(e.message_id().to_owned());
    }
    let undefined: Vec<_> = asked.iter().filter(|id| !defined.contains(*id)).collect();
    assert!(
        undefined.is_empty(),
        "ids used in code but not translated: {undefined:?}"
    );
}

#[test]
fn lookups_resolve_in_every_locale() {
    use super::{Arg, I18n};
    for locale in Locale::ALL {
        let i18n = I18n { locale };
        let name = i18n.t("site-name");
        assert!(
            !name.is_empty() && !name.contains("Unknown localization"),
            "{locale:?}"
        );
        let limited = i18n.t_args("error-rate-limited", vec![("seconds", Arg::Num(3))]);
        assert!(limited.contains('3'), "{locale:?}: {limited}");
        let date = i18n.date("2026-12-08");
        assert!(
            date.contains("2026") && date.contains('8'),
            "{locale:?}: {date}"
        );
    }
    assert_eq!(
        I18n { locale: Locale::En }
            .date("2026-12-08")
            .replace(['\u{2068}', '\u{2069}'], ""),
        "December 8, 2026"
    );
    assert_eq!(
        I18n {
            locale: Locale::ZhCn
        }
        .date("2026-12-08")
        .replace(['\u{2068}', '\u{2069}'], ""),
        "2026年12月8日"
    );
}
