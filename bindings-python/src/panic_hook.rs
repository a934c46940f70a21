//! The panic hook of the extension module: a panic prints onr-core's fixed note
//! ([`onr_core::error::panic_note`], the place in the source), never its message, which could
//! quote personal data; Rust's default hook would print the message (and a backtrace under
//! `RUST_BACKTRACE`). `convert::guard` then raises `onr.InternalError` with fixed text.
//!
//! Installed once, when Python first imports `onr._onr` (PyO3 initialises a module once per
//! process): the only state is std's own hook. The extension carries its own copy of std, so
//! the hook covers only the code inside it; other extension modules keep their hooks.

/// Replaces std's panic hook with one that prints only [`onr_core::error::panic_note`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| (l.file(), l.line(), l.column()));
        eprintln!("{}", onr_core::error::panic_note(location));
    }));
}
