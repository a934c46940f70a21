//! Exports that only the JUnit suite calls, built with the `test-hooks` feature (the Maven
//! profile `test-hooks`, which `scripts/test-jvm.sh` turns on); a release build has none.

use crate::error::{shielded, NativeError};

/// Fails on purpose with a Rust panic whose message is `message`, so the JUnit suite can check
/// that a native panic becomes `internal.panic` with fixed text, never the message, and that
/// the JVM carries on. Shielded like every export: the panic never reaches UniFFI.
#[uniffi::export]
pub fn panic_for_test(message: String) -> Result<i32, NativeError> {
    shielded(|| panic!("{message}"))
}

/// Panics outside [`shielded`], so the JUnit suite can check the facade's last guard
/// (`Ffi.call` turning UniFFI's own `InternalException` into `internal.panic`). The one
/// unshielded export (listed in the test `every_export_is_shielded`).
#[uniffi::export]
pub fn unshielded_panic_for_test(message: String) -> i32 {
    panic!("{message}")
}
