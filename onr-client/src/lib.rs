//! A client for ONR's service API (Oppijanumerorekisteri): send a batch that onr-core has
//! checked, follow the import to the end and compare ONR's result with the prediction, and
//! follow the change feed.
//!
//! # Layers
//!
//! * [`protocol`], [`retry`], [`feed`]'s paging and [`import`]'s audit are pure: requests are
//!   values, answers are values, and every decision (resend or not, session expired or not,
//!   which feed entries are new) is a function tested without a network.
//! * [`transport`] moves the bytes. It is [`ureq`] 2 with rustls: a blocking client fits a
//!   library that is called from a CLI, from Python (the GIL is released around a blocking
//!   call) and from the JVM, without dragging an async runtime into each; rustls means no
//!   OpenSSL to install or match; it has per-call timeouts and can be told not to follow
//!   redirects (the client has to see CAS's 302 to `/cas/login`); and its dependency tree is
//!   small. Any other [`transport::Transport`] can be plugged in.
//! * [`auth`]: CAS v1 service users and OAuth2 client credentials, behind one trait.
//! * [`koodisto`]: the current code lists of OPH's koodisto service (public: no login), as a
//!   file onr-core's import check reads.
//! * [`yleistunniste`]: find or create a person by hetu and names, check an OID, batches.
//! * [`client::Client`]: the common headers (`Caller-Id`, `CSRF` header and cookie,
//!   `Accept`/`Content-Type`), credentials, one fresh login on a session expiry, and resends
//!   where they are safe (idempotent GETs: 5xx, timeouts and broken connections, 3 times with
//!   exponential backoff; `PUT /oppija` only when the connection could not be made, unless the
//!   caller asks, since a resend of a batch that arrived makes a second import).
//!
//! # Example
//!
//! ```no_run
//! use onr_client::{import::ImportOptions, CallerId, Client, Credentials, Target};
//! use onr_core::import::{action::Unknown, koodisto::Koodisto, RowPerson, Row, RowInput};
//!
//! let client = Client::new(
//!     Target::Qa,
//!     CallerId::new("1.2.246.562.10.00000000001.my-sis")?,
//!     Credentials::from_vars(|k| std::env::var(k).ok())?,
//!     Default::default(),
//! );
//! let rows = vec![RowInput::new(0, Some(Row::new(RowPerson {
//!     hetu: Some("010101A900R".into()),
//!     etunimet: Some("Aino".into()),
//!     kutsumanimi: Some("Aino".into()),
//!     sukunimi: Some("Virtanen".into()),
//!     ..RowPerson::default()
//! })))];
//! let report = client.send_batch(rows, &Koodisto::bundled(), &Unknown, &ImportOptions::default(), &mut |_| {})?;
//! for chunk in &report.chunks {
//!     println!("import {}: {} rows", chunk.id, chunk.rows.len());
//! }
//! println!("{} differences from the prediction", report.audit.len());
//! # Ok::<(), onr_client::ClientError>(())
//! ```
//!
//! No password, token, ticket, session id or hetu appears in `Debug`, an error or a log: they
//! are held in [`Secret`], bodies print as their size, and ONR's error messages have their
//! hetus replaced.

pub mod auth;
pub mod client;
pub mod env;
pub mod error;
pub mod feed;
pub mod import;
pub mod koodisto;
pub mod protocol;
pub mod retry;
pub mod secret;
pub mod transport;
pub mod yleistunniste;

pub use client::{Client, ClientOptions, Credentials, Http};
pub use env::Target;
pub use error::{ClientError, ErrorBody, FieldError};
pub use protocol::CallerId;
pub use secret::Secret;
