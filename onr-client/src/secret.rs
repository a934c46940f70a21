//! [`Secret`]: a password, token, ticket or session id that never shows in `Debug` or `Display`.

use std::fmt;

/// A secret value (password, client secret, access token, CAS ticket, session id).
///
/// `Debug` and `Display` print `Secret(***)`; the value is reachable only through
/// [`Secret::expose`], which the transport calls when it writes the request.
///
/// # Example
///
/// ```
/// use onr_client::Secret;
/// let s = Secret::new("hunter2");
/// assert_eq!(format!("{s:?}"), "Secret(***)");
/// assert_eq!(s.expose(), "hunter2");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for writing it into a request.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Secret {
        Secret(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Secret {
        Secret(s.to_owned())
    }
}

/// Replaces every hetu-shaped substring (six digits, a century sign, three digits and a check
/// character) by `[hetu]`, so that text ONR sends back (an error `message`) can be shown and
/// logged. The shape is matched, not validity: an invalid hetu is personal data too.
///
/// # Example
///
/// ```
/// assert_eq!(onr_client::secret::redact_hetus("henkilö 010101-123N on jo"), "henkilö [hetu] on jo");
/// ```
pub fn redact_hetus(text: &str) -> String {
    use std::sync::OnceLock;
    static HETU: OnceLock<Option<regex::Regex>> = OnceLock::new();
    // `\d` is Unicode-aware: ONR reads full-width digits as digits too.
    let re = HETU.get_or_init(|| regex::Regex::new(r"\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Za-z]").ok());
    match re {
        Some(re) => re.replace_all(text, "[hetu]").into_owned(),
        // Unreachable with this pattern; if the regex engine ever refused it, show nothing.
        None => "[redacted]".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_prints() {
        let s = Secret::new("TGT-123-abc");
        assert!(!format!("{s:?} {s} {:?}", Some(&s)).contains("TGT"));
    }

    #[test]
    fn hetus_of_every_century_are_redacted() {
        for h in ["131052-308T", "010101A900R", "311299+999X", "010100Y1234"] {
            let out = redact_hetus(&format!("x {h} y"));
            assert_eq!(out, "x [hetu] y", "{h}");
        }
        assert_eq!(redact_hetus("tuonti=12345"), "tuonti=12345");
        assert_eq!(redact_hetus("x 010101a900r"), "x [hetu]");
        assert_eq!(redact_hetus("\u{ff10}10101-900R"), "[hetu]");
    }
}
