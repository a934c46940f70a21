//! IMPORT (oppijoiden tuonti, ONR's batch import of learners, `PUT /oppija`).
//!
//! A student-information system sends ONR a batch: an optional notification e-mail address
//! and rows, each a person with at least one identifier (OID, hetu, passport number or e-mail
//! address), names, citizenships and optional birth date, sex and mother tongue. ONR validates
//! the whole batch at once and rejects all of it (HTTP 400) if any row is wrong; an accepted
//! batch is processed later, in chunks of 100 rows, each row either attached to an existing
//! person (matched by OID, then hetu, passport number, e-mail) or creating a new one.
//!
//! This module predicts all of it before anything is sent:
//!
//! * [`verdict`]: **ONR's verdict**, exactly: each error with ONR's field path, key and
//!   message.
//! * [`lint`]: problems ONR does not reject but that lose or mix up data (the empty-hetu
//!   loophole, an unknown OID that silently creates a new person, ...). Lints are warnings
//!   and never change the verdict.
//! * [`action`]: what ONR will do with each accepted row.
//! * [`person_rules`]: the rules of ONR's other validators a client can check locally (contact
//!   e-mail, asiointikieli, hetu and eIDAS, the existence check's names, kutsumanimi).
//! * [`koodisto`]: the bundled code lists, replaceable by the caller.
//! * [`yleistunniste`]: what ONR validates in a `PUT /yleistunniste` batch.
//! * `koodisto_file` (feature `json`): a refreshed copy of the code lists as a file.
//! * `existing` (features `csv` and `json`): the existing-persons file (CSV or ONR's person
//!   JSON) that tells the check whom ONR already has.
//!
//! [`Checker`] runs all of it over a stream of rows; [`CheckSetup`] holds what it checks
//! against (code lists, existing persons, their duplicate index) for every front end.

pub mod action;
pub mod checker;
#[cfg(feature = "csv")]
pub mod csv;
pub mod email;
#[cfg(all(feature = "csv", feature = "json"))]
pub mod existing;
mod java;
#[cfg(feature = "json")]
pub mod json;
#[cfg(any(feature = "json", feature = "csv"))]
mod json_date;
pub mod koodisto;
#[cfg(feature = "json")]
pub mod koodisto_file;
pub mod lint;
pub mod model;
pub mod person_rules;
pub mod report;
mod row_input;
pub mod setup;
pub mod verdict;
pub mod yleistunniste;

pub use checker::{CheckOptions, Checker};
pub use model::{Batch, IdKind, Koodi, Row, RowPerson};
pub use report::{RowReport, RowVerdict, Summary};
pub use row_input::{ReadProblem, RowInput};
pub use setup::CheckSetup;
