//! onr-core for the JVM: the UniFFI layer under the `onr-core` Maven artifact.
//!
//! Every export here is a one-line delegation to onr-core plus a type conversion; no rule
//! lives in this crate, and no vocabulary: names cross as onr-core's strings, parsed by its
//! `FromStr`. Every export runs its body in `error::shielded`, so that no panic reaches
//! UniFFI (checked by `tests/shielded.rs`). UniFFI generates Kotlin bindings (over JNA) from these proc-macro
//! exports into the internal package `fi.onr.ffi`, and the hand-written Java facade in
//! `fi.onr` (see `java/`) is what users call.
//!
//! Files, one concern each (the application-services template): `error.rs` maps every
//! onr-core error to the one exported [`NativeError`] (one shape: a [`Problem`]);
//! `panic_hook.rs` keeps a panic's message from being printed; `test_hooks.rs` (cargo feature
//! `test-hooks`, for the JUnit suite only) provokes a panic; the others export one onr-core
//! module each.
//!
//! Integers crossing the boundary are signed (`i32`, `i64`): Kotlin's unsigned types are
//! inline classes that Java code cannot call.

// UniFFI errors cross the boundary by value (a boxed error can't be exported), and the one
// error carries its `Problem` (code, category, three messages, position).
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

pub mod client;
pub mod constants;
pub mod duplicates;
pub mod error;
pub mod hetu;
pub mod import;
mod jni;
pub mod linking;
pub mod names;
pub mod oid;
mod panic_hook;
pub mod person;
pub mod similarity;
#[cfg(feature = "test-hooks")]
mod test_hooks;

pub use error::{NativeError, Problem};

/// The ONR environment a verdict is computed for (onr-core's own enum, exported as is).
#[uniffi::remote(Enum)]
pub enum Environment {
    Production,
    Test,
}

/// Re-exported so that `use onr_jvm::Environment` works in Rust tests.
pub use onr_core::Environment;
