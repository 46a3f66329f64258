//! A booth's leads: everyone who showed interest in it (matched by the matcher, visited the
//! booth or its products, saved it, sent an inquiry, met the team), with the team's stage and
//! note for each, filters, and the contact details a buyer agreed to share — never the others.

use serde::{Deserialize, Serialize};

/// Longest note on a lead, in characters.
pub const NOTE_MAX_CHARS: usize = 2000;
/// Most leads one page or one export holds.
pub const MAX_LEADS: i64 = 5000;

/// Where a lead stands in the team's follow-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStage {
    /// Nobody followed up yet.
    #[default]
    New,
    /// The team got in touch.
    Contacted,
    /// A real need, worth pursuing.
    Qualified,
    /// Prices and terms are being discussed.
    Negotiating,
    /// Business was done.
    Won,
    /// Nothing came of it.
    Lost,
}

impl LeadStage {
    /// Every stage, in order.
    pub const ALL: [LeadStage; 6] = [
        LeadStage::New,
        LeadStage::Contacted,
        LeadStage::Qualified,
        LeadStage::Negotiating,
        LeadStage::Won,
        LeadStage::Lost,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            LeadStage::New => "new",
            LeadStage::Contacted => "contacted",
            LeadStage::Qualified => "qualified",
            LeadStage::Negotiating => "negotiating",
            LeadStage::Won => "won",
            LeadStage::Lost => "lost",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<LeadStage> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn label_id(self) -> String {
        format!("lead-stage-{}", self.as_str())
    }
}

/// How a lead came to the booth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadSource {
    /// The matcher ranks them among the booth's leads.
    Matched,
    /// They viewed the booth or its products.
    Visited,
    /// They saved the booth or one of its products.
    Favorited,
    /// They sent the booth an inquiry.
    Inquired,
    /// They met the team (an accepted appointment).
    Met,
}

impl LeadSource {
    /// Every source, in order.
    pub const ALL: [LeadSource; 5] = [
        LeadSource::Matched,
        LeadSource::Visited,
        LeadSource::Favorited,
        LeadSource::Inquired,
        LeadSource::Met,
    ];

    /// Query form.
    pub fn as_str(self) -> &'static str {
        match self {
            LeadSource::Matched => "matched",
            LeadSource::Visited => "visited",
            LeadSource::Favorited => "favorited",
            LeadSource::Inquired => "inquired",
            LeadSource::Met => "met",
        }
    }

    /// Parses the query form.
    pub fn parse(s: &str) -> Option<LeadSource> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn label_id(self) -> String {
        format!("lead-source-{}", self.as_str())
    }
}

/// Contact details a buyer agreed to share with exhibitors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadContact {
    /// E-mail address.
    pub email: String,
    /// Telephone.
    pub phone: String,
    /// WeChat id.
    pub wechat: String,
}

/// One lead as the booth's team sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    /// The person.
    pub user_id: String,
    /// Their name.
    pub name: String,
    /// Their company (from their buyer profile, or their account).
    pub company: String,
    /// Their job role, from their buyer profile.
    pub job_role: String,
    /// Their country (ISO code).
    pub country: String,
    /// Their match score with the booth, if the matcher keeps one.
    pub score: Option<u8>,
    /// Pages of the booth and its products they viewed.
    pub views: i64,
    /// They saved the booth or a product.
    pub favorited: bool,
    /// Inquiries they sent the booth.
    pub inquiries: i64,
    /// Accepted appointments with the team.
    pub meetings: i64,
    /// The team's stage.
    pub stage: LeadStage,
    /// The team's note.
    pub note: String,
    /// Contact details, only when the buyer agreed to share them.
    pub contact: Option<LeadContact>,
}

impl Lead {
    /// True when the lead came by `source`.
    pub fn has(&self, source: LeadSource) -> bool {
        match source {
            LeadSource::Matched => self.score.is_some(),
            LeadSource::Visited => self.views > 0,
            LeadSource::Favorited => self.favorited,
            LeadSource::Inquired => self.inquiries > 0,
            LeadSource::Met => self.meetings > 0,
        }
    }

    /// The sources the lead came by.
    pub fn sources(&self) -> Vec<LeadSource> {
        LeadSource::ALL
            .into_iter()
            .filter(|s| self.has(*s))
            .collect()
    }

    /// A rough order of interest: meetings and inquiries first, then saves, score and visits.
    pub fn warmth(&self) -> i64 {
        self.meetings * 1000
            + self.inquiries * 300
            + i64::from(self.favorited) * 100
            + i64::from(self.score.unwrap_or(0))
            + self.views.min(50)
    }
}

/// The leads page's filters, read from a query that may say anything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadFilter {
    /// Only leads that came by this source.
    pub source: Option<LeadSource>,
    /// Only leads at this stage.
    pub stage: Option<LeadStage>,
    /// Words in the name, company, role or note.
    pub q: String,
}

impl LeadFilter {
    /// Reads the filters; unknown values mean "any".
    pub fn from_query(source: &str, stage: &str, q: &str) -> LeadFilter {
        LeadFilter {
            source: LeadSource::parse(source.trim()),
            stage: LeadStage::parse(stage.trim()),
            q: q.trim().chars().take(100).collect(),
        }
    }

    /// True when `lead` passes every filter.
    pub fn keeps(&self, lead: &Lead) -> bool {
        if self.source.is_some_and(|s| !lead.has(s)) {
            return false;
        }
        if self.stage.is_some_and(|s| s != lead.stage) {
            return false;
        }
        if self.q.is_empty() {
            return true;
        }
        let q = self.q.to_lowercase();
        [&lead.name, &lead.company, &lead.job_role, &lead.note]
            .iter()
            .any(|f| f.to_lowercase().contains(&q))
    }

    /// The filters as a query string (`source=…&stage=…&q=…`), for links and exports.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.source {
            parts.push(format!("source={}", s.as_str()));
        }
        if let Some(s) = self.stage {
            parts.push(format!("stage={}", s.as_str()));
        }
        if !self.q.is_empty() {
            let q: String = self
                .q
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            parts.push(format!("q={q}"));
        }
        parts.join("&")
    }
}

/// `/leads`: a booth's leads, warmest first, and how many each stage holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadsPage {
    /// The booth's company, in its original language.
    pub company: crate::text::LocalizedText,
    /// The leads the filters keep.
    pub leads: Vec<Lead>,
    /// All the booth's leads, before filters.
    pub total: usize,
    /// How many leads (before filters) are at each stage.
    pub stages: Vec<(LeadStage, usize)>,
}

/// The team's stage and note for a lead, checked.
pub fn note(stage: &str, note: &str) -> Result<(LeadStage, String), crate::FieldError> {
    let stage = LeadStage::parse(stage.trim())
        .ok_or_else(|| crate::FieldError::new("stage", "lead-error-stage"))?;
    // A form posted without JavaScript sends a textarea's line breaks as CR LF.
    let note = note.trim().replace("\r\n", "\n");
    let note = note.as_str();
    if note.chars().count() > NOTE_MAX_CHARS
        || note
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(crate::FieldError::new("note", "lead-error-note"));
    }
    Ok((stage, note.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead() -> Lead {
        Lead {
            user_id: "u".into(),
            name: "Ines Moreau".into(),
            company: "Atlantic Ships".into(),
            job_role: "Buyer".into(),
            country: "FR".into(),
            score: None,
            views: 3,
            favorited: false,
            inquiries: 1,
            meetings: 0,
            stage: LeadStage::Contacted,
            note: "Wants IMO Tier III".into(),
            contact: None,
        }
    }

    #[test]
    fn filters_keep_what_they_say() {
        let l = lead();
        assert_eq!(l.sources(), vec![LeadSource::Visited, LeadSource::Inquired]);
        assert!(LeadFilter::from_query("inquired", "", "").keeps(&l));
        assert!(!LeadFilter::from_query("met", "", "").keeps(&l));
        assert!(!LeadFilter::from_query("", "won", "").keeps(&l));
        assert!(LeadFilter::from_query("", "contacted", "tier iii").keeps(&l));
        assert!(!LeadFilter::from_query("", "", "ferries").keeps(&l));
        assert!(
            LeadFilter::from_query("bogus", "bogus", "").keeps(&l),
            "unknown means any"
        );
        assert_eq!(
            LeadFilter::from_query("met", "won", "a b&c").to_query(),
            "source=met&stage=won&q=a%20b%26c"
        );
    }

    #[test]
    fn notes_are_checked() {
        assert_eq!(
            note("won", " done ").unwrap(),
            (LeadStage::Won, "done".into())
        );
        assert_eq!(note("won", "a\r\nb").unwrap().1, "a\nb");
        assert_eq!(
            note("maybe", "").unwrap_err().message_id,
            "lead-error-stage"
        );
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(
            note("new", &long).unwrap_err().message_id,
            "lead-error-note"
        );
    }
}
