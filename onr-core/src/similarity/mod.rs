//! Similarity (string similarity exactly as ONR computes it).
//!
//! ONR compares names in two ways, and each has its own module here:
//!
//! * [`jaro_winkler`]: Lucene's `JaroWinklerDistance`, the metric of the identification and
//!   import-conflict name checks (threshold `>= 0.85`), bit for bit in single precision.
//! * [`name_match`]: ONR's name normalisation and the name rules built on Jaro-Winkler
//!   (surname check, first-name check, the import `names match` rule and the identification
//!   rule with swapped names and former surnames).

pub mod jaro_winkler;
pub mod name_match;
