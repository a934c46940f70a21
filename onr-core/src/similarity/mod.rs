//! Similarity (the name comparisons ONR makes when it looks for duplicates and identifies
//! persons).
//!
//! * [`trigram`]: PostgreSQL pg_trgm's `similarity`, `%` and `<->`, bit for bit; ONR lists two
//!   persons as duplicate candidates when the trigram similarity of their
//!   `lower(unaccent(...))` search strings is at least 0.5.
//! * [`duplicates`]: an index over many person records answering ONR's duplicate query for
//!   one record, and the all-pairs self-join, both identical to PostgreSQL's answers.
//!
//! # Example
//!
//! ```
//! use onr_core::similarity::trigram;
//! assert!(trigram::is_similar(trigram::similarity_fmt("Mäkinen Matti", "Makinen Matti"), 0.5));
//! ```

pub mod duplicates;
pub mod trigram;
