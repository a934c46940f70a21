//! Exports that only the JUnit suite calls, built with the `test-hooks` feature (the Maven
//! profile `test-hooks`, which `scripts/test-jvm.sh` turns on); a release build has none.

/// Fails on purpose with a Rust panic whose message is `message`, so the JUnit suite can check
/// that a native panic becomes `internal.panic` with fixed text, never the message, and that
/// the JVM carries on.
#[uniffi::export]
pub fn panic_for_test(message: String) -> i32 {
    panic!("{message}")
}
