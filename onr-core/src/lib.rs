//! onr-core: the rules of Finland's learner-number registry (Oppijanumerorekisteri, ONR),
//! applied locally, before anything is sent to it.
//!
//! Every module predicts **ONR's own verdict** exactly (the "ONR-compatible" functions) and,
//! separately named, reports what the official rules reject although ONR accepts it (the
//! "strict" functions and warnings). The two are never blurred.
//!
//! ```
//! use onr_core::{Environment, hetu::Hetu};
//!
//! let hetu = Hetu::parse("010594Y9032", Environment::Test)?;
//! assert_eq!(hetu.birth_date().to_string(), "1994-05-01");
//! // Production rejects the temporary individual numbers 900-999, as ONR does.
//! assert!(Hetu::parse("010594Y9032", Environment::Production).is_err());
//! # Ok::<(), onr_core::hetu::HetuError>(())
//! ```
//!
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod cell;
pub mod env;
pub mod error;
mod glibc;
pub mod hetu;
pub mod import;
pub mod input;
pub mod linking;
pub mod names;
pub mod oid;
pub mod person;
mod rng;
pub mod similarity;

pub use env::Environment;
pub use error::{Category, Lang};

/// The examples of the project's README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
