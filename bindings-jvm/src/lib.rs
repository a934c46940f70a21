//! onr-core for the JVM: the UniFFI layer under the `onr-core` Maven artifact.
//!
//! Every export here is a one-line delegation to onr-core plus a type conversion; no rule
//! lives in this crate. UniFFI generates Kotlin bindings (over JNA) from these proc-macro
//! exports into the internal package `fi.onr.ffi`, and the hand-written Java facade in
//! `fi.onr` (see `java/`) is what users call.
//!
//! Files, one concern each (the application-services template): `error.rs` maps every
//! onr-core error to the one exported [`NativeError`]; `hetu.rs` and `oid.rs` export one
//! module each.
//!
//! Integers crossing the boundary are signed (`i32`, `i64`): Kotlin's unsigned types are
//! inline classes that Java code cannot call.

uniffi::setup_scaffolding!();

pub mod client;
pub mod duplicates;
pub mod error;
pub mod hetu;
pub mod import;
mod jni;
pub mod linking;
pub mod names;
pub mod oid;
pub mod similarity;

pub use error::{NativeError, Problem};

/// The ONR environment a verdict is computed for (onr-core's own enum, exported as is).
#[uniffi::remote(Enum)]
pub enum Environment {
    Production,
    Test,
}

/// Re-exported so that `use onr_jvm::Environment` works in Rust tests.
pub use onr_core::Environment;

/// Fails on purpose with a Rust panic, so the JVM tests can check that a native panic
/// becomes a Java exception and never takes the JVM down.
#[uniffi::export]
pub fn panic_for_test(message: String) -> i32 {
    panic!("{message}")
}
