//! [`ClientError`]: every way a call to ONR can fail, with a stable code.

use onr_core::error::Coded;
use onr_core::{Category, Lang};

use crate::secret::redact_hetus;

/// A field error of ONR's error body (`fieldErrors[]`: `field`, `code`, `message`). ONR's
/// `rejectedValue` is never kept: it can be a hetu.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct FieldError {
    /// ONR's field path (`henkilot[0].henkilo.hetu`).
    pub field: String,
    /// The validation code (`ValidateHetu`, `NotNull`, ...).
    pub code: Option<String>,
    /// ONR's message, with hetus replaced by `[hetu]`.
    pub message: Option<String>,
}

/// ONR's error body, as far as it could be read (Spring's `{status, error, message, path}` or
/// ONR's `{message, globalErrors, fieldErrors}`); messages have their hetus replaced by `[hetu]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ErrorBody {
    /// `message`, if present.
    pub message: Option<String>,
    /// `fieldErrors`, if present.
    pub field_errors: Vec<FieldError>,
}

impl ErrorBody {
    /// Reads an error body; text that is not JSON becomes the (truncated, redacted) message.
    ///
    /// # Example
    ///
    /// ```
    /// let b = onr_client::ErrorBody::parse(br#"{"message":"x","fieldErrors":[{"field":"henkilot","code":"NotEmpty","rejectedValue":"010101-123N"}]}"#);
    /// assert_eq!(b.field_errors[0].code.as_deref(), Some("NotEmpty"));
    /// assert!(!format!("{b:?}").contains("010101"));
    /// ```
    pub fn parse(body: &[u8]) -> ErrorBody {
        let text = String::from_utf8_lossy(body);
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            let t: String = text.trim().chars().take(200).collect();
            return ErrorBody {
                message: (!t.is_empty()).then(|| redact_hetus(&t)),
                field_errors: Vec::new(),
            };
        };
        let s =
            |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(redact_hetus);
        ErrorBody {
            message: s(&v, "message"),
            field_errors: v
                .get("fieldErrors")
                .and_then(|f| f.as_array())
                .map(|a| {
                    a.iter()
                        .map(|e| FieldError {
                            field: s(e, "field").unwrap_or_default(),
                            code: s(e, "code"),
                            message: s(e, "message"),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// Why a call to ONR failed. Every variant has a stable [`code`](ClientError::code); none holds
/// a password, token, ticket, session id or hetu (request paths hold OIDs and import ids only,
/// and ONR's messages are redacted).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The client was configured wrongly (base URL, credentials file, options).
    #[error("configuration: {0}")]
    Config(String),
    /// The `Caller-Id` has characters OPH's edge refuses, or is empty.
    #[error("invalid Caller-Id: only letters A-Z a-z, digits and . - ( ) are allowed, and it must not be empty")]
    CallerId,
    /// Login failed, or ONR still refused the credentials after one fresh login (401 also
    /// means the user lacks the rights).
    #[error("authentication failed at {step}: HTTP {status}")]
    Auth {
        /// The step: `cas.tgt`, `cas.ticket`, `cas.session`, `oauth2.token`, or `request`.
        step: &'static str,
        /// The HTTP status (0 when there was none).
        status: u16,
        /// ONR's error body.
        body: ErrorBody,
    },
    /// ONR (or OPH's edge) answered with an error status.
    #[error("{method} {path}: HTTP {status}{}", .body.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Http {
        /// The request method.
        method: &'static str,
        /// The request path (no query).
        path: String,
        /// The HTTP status.
        status: u16,
        /// ONR's error body.
        body: ErrorBody,
    },
    /// No answer within the timeout.
    #[error("{method} {path}: timed out")]
    Timeout {
        /// The request method.
        method: &'static str,
        /// The request path.
        path: String,
    },
    /// The connection failed or broke.
    #[error("{method} {path}: connection failed: {detail}")]
    Io {
        /// The request method.
        method: &'static str,
        /// The request path.
        path: String,
        /// What failed.
        detail: String,
    },
    /// The request body went out but no answer came back, and the request is one that must
    /// not be resent (`PUT /oppija`: a resend would make a second import). Check the imports
    /// before sending again.
    #[error("{method} {path}: the request was sent but no answer came back ({detail}); not resent, as a resend could import the batch twice")]
    Unconfirmed {
        /// The request method.
        method: &'static str,
        /// The request path.
        path: String,
        /// What happened.
        detail: String,
    },
    /// The pre-flight check predicts that ONR refuses the whole batch (HTTP 400, nothing
    /// imported); nothing was sent.
    #[error("not sent: ONR would refuse the batch ({rejected} rejected rows, {batch_errors} batch errors)")]
    Rejected {
        /// Rows ONR rejects.
        rejected: usize,
        /// Batch-level errors.
        batch_errors: usize,
        /// The first reasons, `field: key`.
        reasons: Vec<String>,
    },
    /// ONR's answer could not be read.
    #[error("{method} {path}: unexpected answer: {detail}")]
    Protocol {
        /// The request method.
        method: &'static str,
        /// The request path.
        path: String,
        /// What was wrong.
        detail: String,
    },
    /// An import was not processed in time, even after a restart.
    #[error("import {id} was not processed in time ({done} of {total} rows)")]
    Stalled {
        /// The import id.
        id: i64,
        /// Rows processed.
        done: i64,
        /// Rows in the import.
        total: i64,
    },
}

impl ClientError {
    /// The stable machine-readable code.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_client::ClientError::CallerId.code(), "client.caller_id");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ClientError::Config(_) => "client.config",
            ClientError::CallerId => "client.caller_id",
            ClientError::Auth { .. } => "client.auth",
            ClientError::Http { .. } => "client.http",
            ClientError::Timeout { .. } => "client.timeout",
            ClientError::Io { .. } => "client.io",
            ClientError::Unconfirmed { .. } => "client.unconfirmed",
            ClientError::Rejected { .. } => "client.rejected",
            ClientError::Protocol { .. } => "client.protocol",
            ClientError::Stalled { .. } => "client.stalled",
        }
    }

    /// The category of every client error: [`Category::Network`] (a call to ONR failed, or
    /// the client was set up wrong; never the input's rules).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::Category;
    /// assert_eq!(onr_client::ClientError::CallerId.category(), Category::Network);
    /// ```
    pub fn category(&self) -> Category {
        Category::Network
    }

    /// The HTTP status ONR answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Auth { status, .. } | ClientError::Http { status, .. } if *status > 0 => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// ONR's error body, if it sent one.
    pub fn body(&self) -> Option<&ErrorBody> {
        match self {
            ClientError::Auth { body, .. } | ClientError::Http { body, .. } => Some(body),
            _ => None,
        }
    }

    /// The message in a language: the English `Display`, with a Finnish or Swedish lead.
    pub fn message(&self, lang: Lang) -> String {
        let lead = match (lang, self) {
            (Lang::En, _) => return self.to_string(),
            (Lang::Fi, ClientError::Auth { .. }) => "Kirjautuminen epäonnistui",
            (Lang::Sv, ClientError::Auth { .. }) => "Inloggningen misslyckades",
            (Lang::Fi, ClientError::Rejected { .. }) => "Ei lähetetty: ONR hylkäisi erän",
            (Lang::Sv, ClientError::Rejected { .. }) => "Inte skickat: ONR skulle avvisa satsen",
            (Lang::Fi, ClientError::Timeout { .. }) => "Aikakatkaisu",
            (Lang::Sv, ClientError::Timeout { .. }) => "Tidsgränsen överskreds",
            (Lang::Fi, _) => "ONR-kutsu epäonnistui",
            (Lang::Sv, _) => "ONR-anropet misslyckades",
        };
        format!("{lead} ({}): {self}", self.code())
    }
}

/// onr-core's error contract: a client error has a code, [`Category::Network`] and messages
/// like every other error of the project.
impl Coded for ClientError {
    fn code(&self) -> &'static str {
        ClientError::code(self)
    }

    fn category(&self) -> Category {
        ClientError::category(self)
    }

    fn message(&self, lang: Lang) -> String {
        ClientError::message(self, lang)
    }
}
