//! Validation errors that carry Fluent message ids, never English text.

use serde::{Deserialize, Serialize};

/// One invalid input field and the Fluent message id that explains the problem to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Name of the form field, as it appears in the HTML form.
    pub field: String,
    /// Fluent message id (for example `error-email-invalid`).
    pub message_id: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message_id: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message_id: message_id.into(),
        }
    }
}

/// All field errors of one submitted form, collected so the user sees every problem at once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Records the error of `result` (if any) and returns its value.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    /// True when no field failed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message id for `field`, if that field failed.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message_id.as_str())
    }
}
