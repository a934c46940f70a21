//! Help for dirty data: normalize and suggest.

use std::fmt;

use super::{java_digit, Hetu, CHECK_CHARS};
use crate::env::Environment;

/// A change [`normalize`] made.
///
/// # Example
///
/// ```
/// use onr_core::hetu::{normalize, Change};
/// assert_eq!(normalize(" 131052–308t").changes, [Change::Trimmed, Change::DashReplaced, Change::Uppercased]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Change {
    /// Leading or trailing whitespace was removed.
    Trimmed,
    /// A look-alike dash (en dash, minus sign, ...) became the ASCII `-`.
    DashReplaced,
    /// A full-width or other non-ASCII digit, letter or plus sign became its ASCII form.
    AsciiFolded,
    /// Lowercase letters were uppercased.
    Uppercased,
}

impl Change {
    /// Every change, in the order of [`Change::NAMES`] (the order [`normalize`] reports them).
    pub const ALL: [Change; 4] = [
        Change::Trimmed,
        Change::DashReplaced,
        Change::AsciiFolded,
        Change::Uppercased,
    ];
    /// Every name ([`Change::code`]), which the front ends' vocabularies are checked against.
    ///
    /// ```
    /// use onr_core::hetu::Change;
    /// assert!(Change::ALL.iter().zip(Change::NAMES).all(|(c, n)| c.code() == n));
    /// ```
    pub const NAMES: [&'static str; 4] = ["trimmed", "dash_replaced", "ascii_folded", "uppercased"];

    /// The stable name, the same as [`Change::code`].
    ///
    /// ```
    /// assert_eq!(onr_core::hetu::Change::AsciiFolded.as_str(), "ascii_folded");
    /// ```
    pub const fn as_str(self) -> &'static str {
        self.code()
    }

    /// A stable code: `trimmed`, `dash_replaced`, `ascii_folded` or `uppercased`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::hetu::Change::Trimmed.code(), "trimmed");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Change::Trimmed => "trimmed",
            Change::DashReplaced => "dash_replaced",
            Change::AsciiFolded => "ascii_folded",
            Change::Uppercased => "uppercased",
        }
    }
}

/// The result of [`normalize`]: the cleaned text and what was changed, in a fixed order.
#[derive(Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The cleaned text. Not validated.
    pub value: String,
    /// What was changed, each at most once, in the order trimmed, dash replaced, ASCII
    /// folded, uppercased.
    pub changes: Vec<Change>,
}

impl Normalized {
    /// Whether nothing was changed.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(onr_core::hetu::normalize("131052-308T").is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Debug for Normalized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Normalized")
            .field(
                "value",
                &format_args!("<{} chars>", self.value.chars().count()),
            )
            .field("changes", &self.changes)
            .finish()
    }
}

/// Cleans a hetu-like text the way a person would read it: trims whitespace, turns look-alike
/// dashes (`‐ ‑ ‒ – — ― − ﹣ －`) into `-`, full-width and other Unicode digits, letters and
/// plus signs into ASCII, and uppercases. It reports what it changed and never validates:
/// ONR itself does none of this, so a normalized value must still be [parsed](Hetu::parse).
///
/// # Example
///
/// ```
/// use onr_core::{hetu::{self, Hetu}, Environment};
///
/// let n = hetu::normalize("  131052−308t\n");
/// assert_eq!(n.value, "131052-308T");
/// assert!(Hetu::parse(&n.value, Environment::Production).is_ok());
/// ```
pub fn normalize(input: &str) -> Normalized {
    let trimmed = input.trim();
    let mut flags = [false; 4];
    flags[0] = trimmed.len() != input.len();
    let mut value = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        let mapped = match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}' => {
                flags[1] = true;
                '-'
            }
            '\u{FF0B}' | '\u{FE62}' | '\u{207A}' => {
                flags[2] = true;
                '+'
            }
            '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                flags[2] = true;
                char::from_u32(c as u32 - 0xFF21 + u32::from(b'A')).unwrap_or(c)
            }
            c if !c.is_ascii() => match u16::try_from(c as u32).ok().and_then(java_digit) {
                Some(d) => {
                    flags[2] = true;
                    char::from(b'0' + d)
                }
                None => c,
            },
            c => c,
        };
        let upper = mapped.to_ascii_uppercase();
        if upper != mapped {
            flags[3] = true;
        }
        value.push(upper);
    }
    let all = [
        Change::Trimmed,
        Change::DashReplaced,
        Change::AsciiFolded,
        Change::Uppercased,
    ];
    let changes = all
        .into_iter()
        .zip(flags)
        .filter_map(|(c, f)| f.then_some(c))
        .collect();
    Normalized { value, changes }
}

/// The kind of typo a [`Suggestion`] undoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Edit {
    /// Only [`normalize`] was needed (whitespace, dashes, case, full-width forms).
    Normalized,
    /// Two adjacent characters were swapped; `position` is the first of them.
    Transposition {
        /// The 0-based position of the first swapped character.
        position: u8,
    },
    /// One character was replaced.
    Substitution {
        /// The 0-based position of the replaced character.
        position: u8,
    },
}

impl Edit {
    /// Every name of an edit's kind, in the order of the variants.
    pub const NAMES: [&'static str; 3] = ["normalized", "transposition", "substitution"];

    /// The stable name of the kind of edit: `normalized`, `transposition` or `substitution`.
    ///
    /// ```
    /// use onr_core::hetu::Edit;
    /// assert_eq!(Edit::Transposition { position: 7 }.as_str(), "transposition");
    /// assert!(Edit::NAMES.contains(&Edit::Normalized.as_str()));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Edit::Normalized => Edit::NAMES[0],
            Edit::Transposition { .. } => Edit::NAMES[1],
            Edit::Substitution { .. } => Edit::NAMES[2],
        }
    }

    /// The 0-based position of the edit; `None` for [`Edit::Normalized`].
    ///
    /// ```
    /// use onr_core::hetu::Edit;
    /// assert_eq!(Edit::Substitution { position: 8 }.position(), Some(8));
    /// assert_eq!(Edit::Normalized.position(), None);
    /// ```
    pub const fn position(self) -> Option<u8> {
        match self {
            Edit::Normalized => None,
            Edit::Transposition { position } | Edit::Substitution { position } => Some(position),
        }
    }
}

impl fmt::Display for Edit {
    /// The name ([`Edit::as_str`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A valid code one typo away from the input, from [`suggest`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    /// The suggested code (valid by the strict rules for the environment asked).
    pub hetu: Hetu,
    /// The typo it undoes.
    pub edit: Edit,
}

impl fmt::Debug for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Suggestion")
            .field("hetu", &self.hetu)
            .field("edit", &self.edit)
            .finish()
    }
}

/// Characters people confuse with a given one (by look or by a neighbouring key).
fn confusable(found: u8, candidate: u8) -> bool {
    const PAIRS: &[(u8, u8)] = &[
        (b'0', b'O'),
        (b'0', b'D'),
        (b'1', b'I'),
        (b'1', b'L'),
        (b'1', b'7'),
        (b'2', b'Z'),
        (b'5', b'S'),
        (b'6', b'G'),
        (b'8', b'B'),
        (b'3', b'8'),
        (b'6', b'8'),
        (b'-', b'+'),
        (b'-', b'_'),
        (b'A', b'4'),
    ];
    PAIRS
        .iter()
        .any(|&(a, b)| (a, b) == (found, candidate) || (b, a) == (found, candidate))
}

/// Valid codes one typo away from an invalid input: one substituted character or one swap of
/// adjacent characters, best first, at most `max`.
///
/// The input is [normalized](normalize) first; if it is then already valid, that code is the
/// only suggestion (with [`Edit::Normalized`]); a valid input gets no suggestion. Candidates are checked with the strict rules for `env`. Swaps come first,
/// then substitutions by a look-alike character, then other substitutions of the date and
/// individual number, and last a new check character (always possible, so least telling).
/// Within a rank, earlier positions come first.
///
/// # Example
///
/// ```
/// use onr_core::{hetu, Environment};
///
/// // Two digits of the individual number swapped.
/// let s = hetu::suggest("131052-380T", Environment::Production, 3);
/// assert!(s.iter().any(|s| s.hetu.to_string() == "131052-308T"));
/// ```
pub fn suggest(input: &str, env: Environment, max: usize) -> Vec<Suggestion> {
    let normalized = normalize(input);
    let text = normalized.value;
    if let Ok(hetu) = Hetu::parse_strict(&text, env) {
        if text == input {
            return Vec::new();
        }
        return vec![Suggestion {
            hetu,
            edit: Edit::Normalized,
        }]
        .into_iter()
        .take(max)
        .collect();
    }
    let bytes = text.as_bytes();
    if bytes.len() != 11 || !text.is_ascii() {
        return Vec::new();
    }
    let mut found: Vec<(u8, Suggestion)> = Vec::new();
    let mut buf = [0u8; 11];
    let try_candidate =
        |buf: &[u8; 11], rank: u8, edit: Edit, found: &mut Vec<(u8, Suggestion)>| {
            let Ok(s) = std::str::from_utf8(buf) else {
                return;
            };
            if let Ok(hetu) = Hetu::parse_strict(s, env) {
                if !found.iter().any(|(_, f)| f.hetu == hetu) {
                    found.push((rank, Suggestion { hetu, edit }));
                }
            }
        };
    for i in 0..10 {
        if bytes[i] == bytes[i + 1] {
            continue;
        }
        buf.copy_from_slice(bytes);
        buf.swap(i, i + 1);
        try_candidate(
            &buf,
            0,
            Edit::Transposition { position: i as u8 },
            &mut found,
        );
    }
    for i in 0..11 {
        let alphabet: &[u8] = match i {
            6 => b"+-YXWVUABCDEF",
            10 => CHECK_CHARS,
            _ => b"0123456789",
        };
        for &c in alphabet {
            if c == bytes[i] {
                continue;
            }
            buf.copy_from_slice(bytes);
            buf[i] = c;
            let rank = if confusable(bytes[i], c) {
                1
            } else if i == 10 {
                3
            } else {
                2
            };
            try_candidate(
                &buf,
                rank,
                Edit::Substitution { position: i as u8 },
                &mut found,
            );
        }
    }
    found.sort_by_key(|(rank, s)| {
        let position = match s.edit {
            Edit::Transposition { position } | Edit::Substitution { position } => position,
            Edit::Normalized => 0,
        };
        (*rank, position)
    });
    found.into_iter().take(max).map(|(_, s)| s).collect()
}
