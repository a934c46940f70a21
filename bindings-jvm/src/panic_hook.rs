//! The panic hook of the JVM library: a panic prints onr-core's fixed note
//! ([`onr_core::error::panic_note`], the place in the source), never its message, which could
//! quote personal data; Rust's default hook would print the message (and a backtrace under
//! `RUST_BACKTRACE`). The facade then reports the panic as `internal.panic` with fixed text.
//!
//! Installed once, by `JNI_OnLoad`, which the JVM calls when the facade loads the library
//! (`System.load`, see `NativeLibrary.java`): the only state is std's own hook. This library
//! carries its own copy of std, so the hook covers only the code inside it; other native
//! libraries in the process keep their hooks. Rust programs that link the crate (its tests)
//! never call `JNI_OnLoad` and keep theirs.
#![allow(unsafe_code)]

use std::ffi::c_void;

use jni_sys::{jint, JavaVM, JNI_VERSION_1_8};

/// Replaces std's panic hook with one that prints only [`onr_core::error::panic_note`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| (l.file(), l.line(), l.column()));
        eprintln!("{}", onr_core::error::panic_note(location));
    }));
}

/// Called by the JVM once, when `System.load` loads this library: installs the hook.
///
/// # Safety
///
/// Called by the JVM only; neither argument is used.
#[no_mangle]
pub unsafe extern "system" fn JNI_OnLoad(_vm: *mut JavaVM, _reserved: *mut c_void) -> jint {
    install();
    JNI_VERSION_1_8
}
