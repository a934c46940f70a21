//! bindings-python: filled by its own issue.
