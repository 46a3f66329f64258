//! The one authorization decision every service asks before it acts.
//!
//! Roles are held per expo. The decision is a pure function of who the actor is (with their
//! memberships, loaded by the caller) and what they want to do, so it is tested exhaustively
//! here and never re-implemented in a page or a query.

use crate::account::Role;
use serde::{Deserialize, Serialize};

/// One role of one person in one expo; exhibitor members also name their company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The expo.
    pub expo_id: String,
    /// The role held there.
    pub role: Role,
    /// For exhibitor members: the exhibiting company.
    pub exhibitor_id: Option<String>,
}

/// A signed-in person and everything the decision needs to know about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The account.
    pub user_id: String,
    /// Roles in expos.
    pub memberships: Vec<Membership>,
}

impl Actor {
    /// True when the actor holds `role` in `expo_id`. Private to the domain: every decision
    /// that depends on a role is an [`Action`] passed to [`authorize`].
    pub(crate) fn has_role(&self, expo_id: &str, role: Role) -> bool {
        self.memberships
            .iter()
            .any(|m| m.expo_id == expo_id && m.role == role)
    }

    /// True when the actor is on the team of `exhibitor_id` in `expo_id`.
    fn on_team(&self, expo_id: &str, exhibitor_id: &str) -> bool {
        self.memberships.iter().any(|m| {
            m.expo_id == expo_id
                && m.role == Role::Exhibitor
                && m.exhibitor_id.as_deref() == Some(exhibitor_id)
        })
    }

    /// The exhibitor whose team the actor is on in `expo_id`, if any (a fact, not a right:
    /// which booth "my booth" is).
    pub fn booth_in(&self, expo_id: &str) -> Option<&str> {
        self.memberships
            .iter()
            .find(|m| m.expo_id == expo_id && m.role == Role::Exhibitor)
            .and_then(|m| m.exhibitor_id.as_deref())
    }

    /// True when the actor already exhibits in `expo_id` (a fact: an application is then
    /// pointless).
    pub fn exhibits_in(&self, expo_id: &str) -> bool {
        self.has_role(expo_id, Role::Exhibitor)
    }

    /// The first expo the actor organizes, if any (where their console opens).
    pub fn first_organized(&self) -> Option<&str> {
        self.memberships
            .iter()
            .find(|m| m.role == Role::Organizer)
            .map(|m| m.expo_id.as_str())
    }
}

/// Something a person may try to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Read public expo pages.
    ViewPublic,
    /// Read or change one's own account.
    ManageOwnAccount,
    /// Change an expo's setup, halls, plan and people.
    ManageExpo {
        /// The expo.
        expo_id: &'a str,
    },
    /// See the organizer dashboard and reports.
    ViewOrganizerDashboard {
        /// The expo.
        expo_id: &'a str,
    },
    /// Grant a role in an expo to a person.
    GrantRole {
        /// The expo.
        expo_id: &'a str,
        /// The role to grant.
        role: Role,
    },
    /// Edit an exhibitor's booth, products and media.
    EditBooth {
        /// The expo.
        expo_id: &'a str,
        /// The exhibiting company.
        exhibitor_id: &'a str,
    },
    /// Go live on a stream: a booth's stream (`exhibitor_id`) by that booth's people or an
    /// organizer; the ceremony and forums by organizers.
    Broadcast {
        /// The expo.
        expo_id: &'a str,
        /// The booth's exhibitor, for a booth stream.
        exhibitor_id: Option<&'a str>,
    },
    /// See the buyer directory (contact details only as each buyer allowed).
    ViewBuyers {
        /// The expo.
        expo_id: &'a str,
    },
    /// Create another expo on the platform (its creator becomes its organizer).
    CreateExpo,
    /// Platform emergency tools: alert banner, maintenance mode.
    OperatePlatform {
        /// The expo.
        expo_id: &'a str,
    },
    /// Moderate an expo's conversations: open topic rooms, answer the support desk, act on
    /// reports.
    ModerateChat {
        /// The expo.
        expo_id: &'a str,
    },
    /// Speak for a booth: answer its conversations with visitors (its team only; organizers
    /// edit booths but do not speak for exhibitors).
    SpeakForBooth {
        /// The expo.
        expo_id: &'a str,
        /// The exhibiting company.
        exhibitor_id: &'a str,
    },
    /// Start one-to-one conversations from the directories: organizers with anyone of their
    /// expo, a booth's team with the expo's buyers.
    MessageFromDirectory {
        /// The expo.
        expo_id: &'a str,
    },
    /// Put any slot on the live schedule and answer the exhibitors' requests.
    ManageLive {
        /// The expo.
        expo_id: &'a str,
    },
}

/// Why an action was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum Denied {
    /// Nobody is signed in and the action needs an account.
    #[error("sign-in required")]
    Unauthenticated,
    /// Signed in, but the roles held do not allow it.
    #[error("forbidden")]
    Forbidden,
}

/// Decides whether `actor` (or an anonymous visitor, `None`) may perform `action`.
pub fn authorize(actor: Option<&Actor>, action: Action<'_>) -> Result<(), Denied> {
    if action == Action::ViewPublic {
        return Ok(());
    }
    let actor = actor.ok_or(Denied::Unauthenticated)?;
    let allowed = match action {
        Action::ViewPublic | Action::ManageOwnAccount => true,
        Action::ManageExpo { expo_id } | Action::ViewOrganizerDashboard { expo_id } => {
            actor.has_role(expo_id, Role::Organizer)
        }
        Action::GrantRole { expo_id, role } => {
            // Organizers grant every role; nobody else grants any.
            let _ = role;
            actor.has_role(expo_id, Role::Organizer)
        }
        Action::EditBooth {
            expo_id,
            exhibitor_id,
        } => actor.has_role(expo_id, Role::Organizer) || actor.on_team(expo_id, exhibitor_id),
        Action::Broadcast {
            expo_id,
            exhibitor_id,
        } => {
            actor.has_role(expo_id, Role::Organizer)
                || exhibitor_id.is_some_and(|ex| actor.on_team(expo_id, ex))
        }
        Action::ModerateChat { expo_id } | Action::ManageLive { expo_id } => {
            actor.has_role(expo_id, Role::Organizer)
        }
        Action::SpeakForBooth {
            expo_id,
            exhibitor_id,
        } => actor.on_team(expo_id, exhibitor_id),
        Action::MessageFromDirectory { expo_id } => {
            actor.has_role(expo_id, Role::Organizer) || actor.has_role(expo_id, Role::Exhibitor)
        }
        Action::ViewBuyers { expo_id } => {
            actor.has_role(expo_id, Role::Organizer) || actor.has_role(expo_id, Role::Exhibitor)
        }
        Action::OperatePlatform { expo_id } => {
            actor.has_role(expo_id, Role::Organizer) || actor.has_role(expo_id, Role::Operator)
        }
        // The platform's organizers (of any expo) start new ones.
        Action::CreateExpo => actor.memberships.iter().any(|m| m.role == Role::Organizer),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[(Role, Option<&str>)]) -> Actor {
        Actor {
            user_id: "u1".into(),
            memberships: roles
                .iter()
                .map(|(role, ex)| Membership {
                    expo_id: "e1".into(),
                    role: *role,
                    exhibitor_id: ex.map(str::to_owned),
                })
                .collect(),
        }
    }

    #[test]
    fn only_the_team_speaks_for_a_booth_and_organizers_moderate() {
        let speak = |ex| Action::SpeakForBooth {
            expo_id: "e1",
            exhibitor_id: ex,
        };
        let moderate = Action::ModerateChat { expo_id: "e1" };
        let acme = actor(&[(Role::Exhibitor, Some("acme"))]);
        let organizer = actor(&[(Role::Organizer, None)]);
        let buyer = actor(&[(Role::Buyer, None)]);
        assert_eq!(authorize(Some(&acme), speak("acme")), Ok(()));
        assert_eq!(
            authorize(Some(&acme), speak("other")),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(Some(&organizer), speak("acme")),
            Err(Denied::Forbidden)
        );
        assert_eq!(authorize(Some(&organizer), moderate), Ok(()));
        assert_eq!(authorize(Some(&acme), moderate), Err(Denied::Forbidden));
        for a in [&acme, &organizer] {
            assert_eq!(
                authorize(Some(a), Action::MessageFromDirectory { expo_id: "e1" }),
                Ok(())
            );
        }
        assert_eq!(
            authorize(Some(&buyer), Action::MessageFromDirectory { expo_id: "e1" }),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(Some(&organizer), Action::ManageLive { expo_id: "e1" }),
            Ok(())
        );
        assert_eq!(acme.booth_in("e1"), Some("acme"));
        assert_eq!(organizer.booth_in("e1"), None);
        assert_eq!(organizer.first_organized(), Some("e1"));
    }

    #[test]
    fn booth_people_broadcast_their_booth_organizers_everything() {
        let booth = |ex| Action::Broadcast {
            expo_id: "e1",
            exhibitor_id: Some(ex),
        };
        let forum = Action::Broadcast {
            expo_id: "e1",
            exhibitor_id: None,
        };
        let acme = actor(&[(Role::Exhibitor, Some("acme"))]);
        assert_eq!(authorize(Some(&acme), booth("acme")), Ok(()));
        assert_eq!(
            authorize(Some(&acme), booth("other")),
            Err(Denied::Forbidden)
        );
        assert_eq!(authorize(Some(&acme), forum), Err(Denied::Forbidden));
        let organizer = actor(&[(Role::Organizer, None)]);
        assert_eq!(authorize(Some(&organizer), booth("acme")), Ok(()));
        assert_eq!(authorize(Some(&organizer), forum), Ok(()));
        let visitor = actor(&[(Role::Visitor, None)]);
        assert_eq!(authorize(Some(&visitor), forum), Err(Denied::Forbidden));
        assert_eq!(authorize(None, forum), Err(Denied::Unauthenticated));
    }

    #[test]
    fn anonymous_may_only_view() {
        assert_eq!(authorize(None, Action::ViewPublic), Ok(()));
        assert_eq!(
            authorize(None, Action::ManageOwnAccount),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            authorize(None, Action::ManageExpo { expo_id: "e1" }),
            Err(Denied::Unauthenticated)
        );
    }

    #[test]
    fn only_organizers_create_expos() {
        assert_eq!(
            authorize(None, Action::CreateExpo),
            Err(Denied::Unauthenticated)
        );
        for role in Role::ALL {
            let expected = if role == Role::Organizer {
                Ok(())
            } else {
                Err(Denied::Forbidden)
            };
            assert_eq!(
                authorize(Some(&actor(&[(role, None)])), Action::CreateExpo),
                expected,
                "{role:?}"
            );
        }
    }

    #[test]
    fn organizer_powers_are_per_expo() {
        let org = actor(&[(Role::Organizer, None)]);
        assert_eq!(
            authorize(Some(&org), Action::ManageExpo { expo_id: "e1" }),
            Ok(())
        );
        assert_eq!(
            authorize(Some(&org), Action::ManageExpo { expo_id: "e2" }),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(
                Some(&org),
                Action::GrantRole {
                    expo_id: "e1",
                    role: Role::Operator
                }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(
                Some(&org),
                Action::EditBooth {
                    expo_id: "e1",
                    exhibitor_id: "x"
                }
            ),
            Ok(())
        );
    }

    #[test]
    fn exhibitors_edit_only_their_own_booth() {
        let ex = actor(&[(Role::Exhibitor, Some("acme"))]);
        assert_eq!(
            authorize(
                Some(&ex),
                Action::EditBooth {
                    expo_id: "e1",
                    exhibitor_id: "acme"
                }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(
                Some(&ex),
                Action::EditBooth {
                    expo_id: "e1",
                    exhibitor_id: "other"
                }
            ),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(Some(&ex), Action::ManageExpo { expo_id: "e1" }),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn no_other_role_manages_anything() {
        for role in [
            Role::Buyer,
            Role::Visitor,
            Role::Consultant,
            Role::Interpreter,
        ] {
            let a = actor(&[(role, None)]);
            assert_eq!(
                authorize(Some(&a), Action::ManageExpo { expo_id: "e1" }),
                Err(Denied::Forbidden)
            );
            assert_eq!(
                authorize(Some(&a), Action::OperatePlatform { expo_id: "e1" }),
                Err(Denied::Forbidden)
            );
            assert_eq!(
                authorize(
                    Some(&a),
                    Action::GrantRole {
                        expo_id: "e1",
                        role: Role::Visitor
                    }
                ),
                Err(Denied::Forbidden)
            );
            assert_eq!(authorize(Some(&a), Action::ManageOwnAccount), Ok(()));
        }
        let op = actor(&[(Role::Operator, None)]);
        assert_eq!(
            authorize(Some(&op), Action::OperatePlatform { expo_id: "e1" }),
            Ok(())
        );
        assert_eq!(
            authorize(Some(&op), Action::ManageExpo { expo_id: "e1" }),
            Err(Denied::Forbidden)
        );
    }
}
