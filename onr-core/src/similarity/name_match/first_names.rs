//! First-name tokens as ONR splits them (`splitEtunimet`), with Java's notion of whitespace.

/// ONR's `splitEtunimet`: the lowercased names split at every single whitespace character, then
/// the hyphen-separated parts of every token that contains a hyphen.
///
/// The whole hyphenated tokens come first, in order, then the parts. Splitting follows Java's
/// `String.split`: whitespace is `[ \t\n\x0B\f\r]`, two separators in a row give an empty token,
/// trailing empty tokens are dropped, and a text without any separator is one token (so `""`
/// gives `[""]` but `" "` gives no token at all). Lowercasing uses Unicode's full case mapping.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::first_name_tokens;
///
/// assert_eq!(
///     first_name_tokens("Hanna-Leena  Maija"),
///     ["hanna-leena", "", "maija", "hanna", "leena"]
/// );
/// assert_eq!(first_name_tokens("X Æ A-12"), ["x", "æ", "a-12", "a", "12"]);
/// assert!(first_name_tokens(" ").is_empty());
/// ```
pub fn first_name_tokens(first_names: &str) -> Vec<String> {
    let lower = first_names.to_lowercase();
    tokens(&lower).into_iter().map(str::to_owned).collect()
}

/// Java's `\s` without the UNICODE_CHARACTER_CLASS flag.
pub(super) fn is_java_regex_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{B}' | '\u{C}' | '\r')
}

/// Java's `String.split(regex)` for a one-character separator class.
pub(super) fn java_split(
    text: &str,
    is_separator: impl Fn(char) -> bool,
) -> impl Iterator<Item = &str> {
    let pieces: Vec<&str> = if text.contains(&is_separator) {
        let mut all: Vec<&str> = text.split(&is_separator).collect();
        while all.last().is_some_and(|piece| piece.is_empty()) {
            all.pop();
        }
        all
    } else {
        vec![text]
    };
    pieces.into_iter()
}

/// [`first_name_tokens`] of an already lowercase text, borrowing from it.
pub(super) fn tokens(lower: &str) -> Vec<&str> {
    let words: Vec<&str> = java_split(lower, is_java_regex_space).collect();
    let parts: Vec<&str> = words
        .iter()
        .filter(|word| word.contains('-'))
        .flat_map(|word| java_split(word, |c| c == '-'))
        .collect();
    let mut all = words;
    all.extend(parts);
    all
}

/// Java's `Character.isWhitespace`, which Spring's `StringUtils.hasText` uses.
pub(super) fn is_java_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1C}'..='\u{1F}'
            | ' '
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Spring's `StringUtils.hasText`: some character is not Java whitespace.
pub(super) fn has_text(s: &str) -> bool {
    s.chars().any(|c| !is_java_whitespace(c))
}
