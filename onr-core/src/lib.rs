//! onr-core: the rules of Finland's learner-number registry (Oppijanumerorekisteri, ONR),
//! applied locally, before anything is sent to it.
//!
//! Every module predicts **ONR's own verdict** exactly (the "ONR-compatible" functions) and,
//! separately named, reports what the official rules reject although ONR accepts it (the
//! "strict" functions and warnings). The two are never blurred.
//!
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod env;
pub mod error;
mod glibc;
pub mod names;
pub mod similarity;

pub use env::Environment;
pub use error::{Category, Lang};
