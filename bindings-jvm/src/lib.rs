//! bindings-jvm: filled by its own issue.
