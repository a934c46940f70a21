//! Name matching (ONR's name normalisation and name rules).
