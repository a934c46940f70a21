//! Similarity (string similarity exactly as ONR computes it).
//!
//! ONR compares names in two ways, and each has its own modules here:
//!
//! * [`trigram`]: PostgreSQL pg_trgm's `similarity`, `%` and `<->`, bit for bit; ONR lists two
//!   persons as duplicate candidates when the trigram similarity of their
//!   `lower(unaccent(...))` search strings is at least 0.5.
//! * [`duplicates`]: an index over many person records answering ONR's duplicate query for
//!   one record, and the all-pairs self-join, both identical to PostgreSQL's answers.
//! * [`jaro_winkler`]: Lucene's `JaroWinklerDistance`, the metric of the identification and
//!   import-conflict name checks (threshold `>= 0.85`), bit for bit in single precision.
//! * [`name_match`]: ONR's name normalisation and the name rules built on Jaro-Winkler
//!   (surname check, first-name check, the import `names match` rule and the identification
//!   rule with swapped names and former surnames).
//!
//! # Example
//!
//! ```
//! use onr_core::similarity::{jaro_winkler, trigram};
//! assert!(trigram::is_similar(trigram::similarity_fmt("Mäkinen Matti", "Makinen Matti"), 0.5));
//! assert!(!jaro_winkler::is_similar("hanna", "ahnn"));
//! ```

pub mod duplicates;
pub mod jaro_winkler;
pub mod name_match;
pub mod trigram;
