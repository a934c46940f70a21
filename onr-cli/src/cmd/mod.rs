//! One module per subcommand.

pub mod duplicates;
pub mod similarity;
