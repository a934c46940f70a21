//! Yleistunniste: the learner number as a general identifier (ONR's `/yleistunniste` API,
//! which answers without the sensitive fields of `/oppija`).
//!
//! * `POST .../yleistunniste/hae` finds a person by hetu and names, or creates one:
//!   [`Client::yleistunniste_hae`] gives a [`HaeOutcome`]: found or created (`oid`,
//!   `oppijanumero`), not found (404: the hetu is not in the population register) or a name
//!   mismatch (409: the names do not match the person of the hetu). 400 (invalid input) is a
//!   [`ClientError::Http`].
//! * `GET .../yleistunniste/hae/{oid}`: [`Client::yleistunniste_oid`], `None` for 404.
//! * `PUT .../yleistunniste`: a batch (`sahkoposti`, `henkilot[]` of `tunniste` and person),
//!   processed in the background like `PUT /oppija`: [`Client::put_yleistunniste`], then
//!   `.../yleistunniste/tuonti={id}/perustiedot` and `.../yleistunniste/tuonti={id}`.
//!
//! Hetus are held in [`Secret`]s: no `Debug` or error shows them.

use crate::client::Client;
use crate::error::{ClientError, ErrorBody};
use crate::import::ImportStatus;
use crate::protocol::{Body, Method, Resend, SERVICE};
use crate::secret::Secret;

/// A person to find or create (`HenkiloExistenceCheckDto`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The hetu (never printed).
    pub hetu: Secret,
    /// First names.
    pub etunimet: String,
    /// The nickname, one of the first names.
    pub kutsumanimi: String,
    /// The surname.
    pub sukunimi: String,
}

impl Person {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "hetu": self.hetu.expose(),
            "etunimet": self.etunimet,
            "kutsumanimi": self.kutsumanimi,
            "sukunimi": self.sukunimi,
        })
    }
}

/// A person's identifiers (`YleistunnisteDto`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Identifiers {
    /// The person's OID.
    pub oid: String,
    /// The learner number (the master's OID), if the person has one.
    pub oppijanumero: Option<String>,
}

/// The answer of `POST .../yleistunniste/hae`.
///
/// Serialized (the one view the CLI and the bindings print) as an object tagged by `outcome`:
/// `{"outcome": "found", "oid", "oppijanumero"}`, `{"outcome": "not_found" | "name_mismatch",
/// "message", "field_errors"}` (ONR's body, hetus redacted).
///
/// ```
/// use onr_client::yleistunniste::{HaeOutcome, Identifiers};
/// let found = HaeOutcome::Found(Identifiers { oid: "1.2.246.562.24.10000000003".into(), oppijanumero: None });
/// assert_eq!(
///     serde_json::to_string(&found).unwrap(),
///     r#"{"outcome":"found","oid":"1.2.246.562.24.10000000003","oppijanumero":null}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum HaeOutcome {
    /// 200: found, or created.
    Found(Identifiers),
    /// 404: no person with the hetu and names could be found or created.
    NotFound(ErrorBody),
    /// 409: the names do not match the person of the hetu.
    NameMismatch(ErrorBody),
}

/// The answer of `GET .../yleistunniste/hae/{oid}` and a person of a batch's results
/// (`FilteredStudent`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Student {
    /// The OID.
    pub oid: String,
    /// The learner number, if any.
    pub oppijanumero: Option<String>,
    /// Whether the person is passivated.
    #[serde(default)]
    pub passivoitu: bool,
    /// Every linked OID (master and duplicates), when ONR gives them.
    #[serde(default)]
    pub linked: Vec<String>,
}

/// A row of a batch (`YleistunnisteInputRow`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRow {
    /// The source system's identifier of the person.
    pub tunniste: String,
    /// The person.
    pub henkilo: Person,
}

/// A batch (`YleistunnisteInput`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    /// The address ONR mails when an official has to act.
    pub sahkoposti: Option<String>,
    /// The rows (at least one).
    pub henkilot: Vec<BatchRow>,
}

impl Batch {
    fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .henkilot
            .iter()
            .map(|r| serde_json::json!({"tunniste": r.tunniste, "henkilo": r.henkilo.to_json()}))
            .collect();
        let mut v = serde_json::json!({ "henkilot": rows });
        if let Some(s) = &self.sahkoposti {
            v["sahkoposti"] = serde_json::Value::String(s.clone());
        }
        v.to_string()
    }
}

/// A row of a batch's results (`FilteredRow`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResultRow {
    /// The row's `tunniste`.
    pub tunniste: Option<String>,
    /// The person.
    pub henkilo: Option<Student>,
    /// ONR's name-conflict flag.
    #[serde(default)]
    pub conflict: Option<bool>,
}

/// A batch's progress and rows (`FilteredResult`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Results {
    /// The import id.
    pub id: i64,
    /// Rows to process.
    #[serde(default)]
    pub kasiteltavia: i64,
    /// Rows processed.
    #[serde(default)]
    pub kasiteltyja: i64,
    /// Whether every row is processed.
    #[serde(default)]
    pub kasitelty: bool,
    /// The rows.
    #[serde(default)]
    pub henkilot: Vec<ResultRow>,
}

fn url(client: &Client, tail: &str) -> String {
    format!("{}{SERVICE}/yleistunniste{tail}", client.urls().base())
}

impl Client {
    /// `POST .../yleistunniste/hae`: finds or creates the person.
    ///
    /// Not resent once the body went out (a resend could create the person twice).
    ///
    /// # Errors
    ///
    /// [`ClientError::Http`] for an error status other than 404 and 409 (400: invalid input),
    /// and the errors of [`Client::call`].
    pub fn yleistunniste_hae(&self, person: &Person) -> Result<HaeOutcome, ClientError> {
        let mut req = self.request(Method::Post, url(self, "/hae"));
        req.body = Body::Json(person.to_json().to_string());
        req.resend = Resend::IfNotSent;
        match self.call(&req) {
            Ok(resp) => Ok(HaeOutcome::Found(resp.json(&req)?)),
            Err(ClientError::Http {
                status: 404, body, ..
            }) => Ok(HaeOutcome::NotFound(body)),
            Err(ClientError::Http {
                status: 409, body, ..
            }) => Ok(HaeOutcome::NameMismatch(body)),
            Err(e) => Err(e),
        }
    }

    /// `GET .../yleistunniste/hae/{oid}`: the person of an OID, `None` when there is none.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`], for a status other than 404.
    pub fn yleistunniste_oid(&self, oid: &str) -> Result<Option<Student>, ClientError> {
        let u = url(self, &format!("/hae/{}", crate::protocol::encode(oid)));
        match self.get_json(u) {
            Ok(s) => Ok(Some(s)),
            Err(ClientError::Http { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PUT .../yleistunniste`: starts a batch; returns the new import. Not resent once the
    /// body went out unless `resend` (a resend makes a second import).
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for a batch without rows (ONR refuses it with 400), and the
    /// errors of [`Client::call`].
    pub fn put_yleistunniste(
        &self,
        batch: &Batch,
        resend: bool,
    ) -> Result<ImportStatus, ClientError> {
        if batch.henkilot.is_empty() {
            return Err(ClientError::Config(
                "a yleistunniste batch needs at least one row".into(),
            ));
        }
        let mut req = self.request(Method::Put, url(self, ""));
        req.timeout = self.options().import_timeout;
        req.body = Body::Json(batch.to_json());
        req.resend = if resend {
            Resend::Always
        } else {
            Resend::IfNotSent
        };
        self.call(&req)?.json(&req)
    }

    /// `GET .../yleistunniste/tuonti={id}/perustiedot`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn yleistunniste_status(&self, id: i64) -> Result<ImportStatus, ClientError> {
        self.get_json(url(self, &format!("/tuonti={id}/perustiedot")))
    }

    /// `GET .../yleistunniste/tuonti={id}`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn yleistunniste_results(&self, id: i64) -> Result<Results, ClientError> {
        self.get_json(url(self, &format!("/tuonti={id}")))
    }

    /// `POST .../yleistunniste/tuonti={id}`: restarts a stalled batch.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub fn restart_yleistunniste(&self, id: i64) -> Result<ImportStatus, ClientError> {
        let mut req = self.request(Method::Post, url(self, &format!("/tuonti={id}")));
        req.resend = Resend::IfNotSent;
        self.call(&req)?.json(&req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> Person {
        Person {
            hetu: Secret::new("010101A900R"),
            etunimet: "Aino Maria".into(),
            kutsumanimi: "Aino".into(),
            sukunimi: "Virtanen".into(),
        }
    }

    #[test]
    fn hetus_never_in_debug() {
        let b = Batch {
            sahkoposti: None,
            henkilot: vec![BatchRow {
                tunniste: "t1".into(),
                henkilo: person(),
            }],
        };
        let d = format!("{:?} {b:?}", person());
        assert!(!d.contains("010101") && !d.contains("900R"), "{d}");
        assert!(d.contains("Virtanen"));
    }

    #[test]
    fn batch_body_has_onr_field_names() {
        let b = Batch {
            sahkoposti: Some("a@b.fi".into()),
            henkilot: vec![BatchRow {
                tunniste: "t1".into(),
                henkilo: person(),
            }],
        };
        let v: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
        assert_eq!(v["sahkoposti"], "a@b.fi");
        assert_eq!(v["henkilot"][0]["tunniste"], "t1");
        assert_eq!(v["henkilot"][0]["henkilo"]["hetu"], "010101A900R");
        assert_eq!(v["henkilot"][0]["henkilo"]["kutsumanimi"], "Aino");
        let none = Batch {
            sahkoposti: None,
            ..b
        };
        assert!(!none.to_json().contains("sahkoposti"));
    }
}
