//! The `onr` command line tool.
fn main() {}
