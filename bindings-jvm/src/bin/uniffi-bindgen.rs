//! `uniffi-bindgen`, pinned to the UniFFI version of this crate: the Maven build runs
//! `cargo run -p onr-jvm --features bindgen --bin uniffi-bindgen -- generate --library ...`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
