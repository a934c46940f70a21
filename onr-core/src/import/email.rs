//! E-MAIL addresses (sähköposti), with the two different rules ONR applies.
//!
//! * [`is_well_formed`]: the permissive Jakarta `@Email` rule of Hibernate Validator 9.0.1
//!   (the version of ONR's Spring Boot 4.0.7 BOM), used on ONR's **import** for the batch's
//!   notification address and a row's `sahkoposti`. It needs no top-level domain
//!   (`test@test` is well-formed) and accepts any non-ASCII character from U+0080 to U+FFFF.
//!   The rule, reproduced exactly:
//!   1. the empty string is well-formed (the import DTO rejects it separately by its size);
//!   2. the text is split at its **last** `@` (none: not well-formed);
//!   3. the local part is at most 64 UTF-16 code units and is dot-separated atoms of
//!      `a-z A-Z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ -` and U+0080–U+FFFF, or quoted strings
//!      (which may also hold `. ( ) , < > [ ] : ; @` and space, and the escapes `\\` and `\"`);
//!   4. the domain must not end with `.`; Java's `IDN.toASCII` must accept it (labels split
//!      at `.`, `。`, `．`, `｡`; a non-ASCII label goes through nameprep and Punycode; every
//!      label 1–63 characters) and its ASCII form must be at most 255 characters;
//!   5. the domain is dot-separated labels of `a-z A-Z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~`
//!      and U+0080–U+FFFF, with single or repeated `-` only inside a label, or an IPv4
//!      address in brackets (`[192.0.2.1]`), or `[IPv6:...]`.
//! * [`is_valid_contact`]: the strict rule of ONR's contact information (`yhteystiedot`,
//!   JMail's strict validator with a required top-level domain, no source routing, no
//!   obsolete whitespace, no quoted identifiers): null and `""` pass, anything else must be
//!   `local@domain` where the local part is dot-separated RFC 5322 atoms (or a quoted string)
//!   and the domain is at least two DNS labels (letters, digits, inner hyphens, each 1–63
//!   characters) whose last label, the top-level domain, is not all digits. ONR answers
//!   "Invalid address data" for a violation.
//!
//! # Example
//!
//! ```
//! use onr_core::import::email;
//!
//! assert!(email::is_well_formed("test@test"));
//! assert!(!email::is_well_formed("makkara"));
//! assert!(!email::is_valid_contact("test@test"));
//! assert!(email::is_valid_contact("test.test@test.test"));
//! ```

use std::sync::OnceLock;

use regex::Regex;

const MAX_LOCAL_PART_UTF16: usize = 64;
const MAX_DOMAIN_ASCII: usize = 255;
const MAX_LABEL: usize = 63;

fn local_part_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let atom = r"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~\x{80}-\x{FFFF}-]";
        let quoted = r#"(?:[a-zA-Z0-9!#$%&'*.(),<>\[\]:; @+/=?^_`{|}~\x{80}-\x{FFFF}-]|\\\\|\\")"#;
        let word = format!(r#"(?:{atom}+|"{quoted}+")"#);
        Regex::new(&format!(r"^{word}(?:\.{word})*$")).expect("local part pattern")
    })
}

fn domain_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let c = r"[a-zA-Z\x{80}-\x{FFFF}0-9!#$%&'*+/=?^_`{|}~]";
        let label = format!("{c}+(?:-+{c}+)*");
        let domain = format!(r"{label}(?:\.{label})*");
        let ipv4 = r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}";
        let h = "[0-9a-fA-F]";
        let octet = "(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])";
        let ipv6 = format!(
            "(?:(?:{h}{{1,4}}:){{7,7}}{h}{{1,4}}|(?:{h}{{1,4}}:){{1,7}}:|(?:{h}{{1,4}}:){{1,6}}:{h}{{1,4}}\
             |(?:{h}{{1,4}}:){{1,5}}(?::{h}{{1,4}}){{1,2}}|(?:{h}{{1,4}}:){{1,4}}(?::{h}{{1,4}}){{1,3}}\
             |(?:{h}{{1,4}}:){{1,3}}(?::{h}{{1,4}}){{1,4}}|(?:{h}{{1,4}}:){{1,2}}(?::{h}{{1,4}}){{1,5}}\
             |{h}{{1,4}}:(?:(?::{h}{{1,4}}){{1,6}})|:(?:(?::{h}{{1,4}}){{1,7}}|:)\
             |[fF][eE]80:(?::{h}{{0,4}}){{0,4}}%[0-9a-zA-Z]{{1,}}\
             |::(?:[fF]{{4}}(?::0{{1,4}}){{0,1}}:){{0,1}}(?:{octet}\\.){{3,3}}{octet}\
             |(?:{h}{{1,4}}:){{1,4}}:(?:{octet}\\.){{3,3}}{octet})"
        );
        Regex::new(&format!(
            r"^(?:{domain}|\[{ipv4}\]|\[[iI][pP][vV]6:{ipv6}\])$"
        ))
        .expect("domain pattern")
    })
}

/// Whether ONR's import accepts the address under Jakarta `@Email` (Hibernate Validator
/// 9.0.1), exactly. See the [module docs](self) for the rule. The empty string passes here
/// (ONR's import rejects it with a separate size rule).
///
/// # Example
///
/// ```
/// use onr_core::import::email::is_well_formed;
///
/// assert!(is_well_formed("test@test.test"));
/// assert!(is_well_formed("test@test"));             // no top-level domain needed
/// assert!(is_well_formed("\"john doe\"@example.fi")); // quoted local part
/// assert!(is_well_formed("äiti@esimerkki.fi"));
/// assert!(!is_well_formed("makkara"));
/// assert!(!is_well_formed("test@test."));           // trailing dot
/// assert!(!is_well_formed("a b@example.fi"));
/// ```
pub fn is_well_formed(value: &str) -> bool {
    if value.is_empty() {
        return true;
    }
    let Some(at) = value.rfind('@') else {
        return false;
    };
    let (local, domain) = (&value[..at], &value[at + 1..]);
    if local.encode_utf16().count() > MAX_LOCAL_PART_UTF16 || !local_part_pattern().is_match(local)
    {
        return false;
    }
    if domain.ends_with('.') {
        return false;
    }
    match idn_to_ascii_len(domain) {
        Some(len) if len <= MAX_DOMAIN_ASCII => {}
        _ => return false,
    }
    domain_pattern().is_match(domain)
}

const IDN_DOTS: [char; 4] = ['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];

/// The length of Java's `IDN.toASCII(domain)` (flags 0), or `None` where it throws.
fn idn_to_ascii_len(domain: &str) -> Option<usize> {
    let mut chars = domain.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if IDN_DOTS.contains(&c) {
            return Some(1); // the root label
        }
    }
    let mut total = 0usize;
    let mut rest = domain;
    while !rest.is_empty() {
        let (label, next) = match rest.find(IDN_DOTS) {
            Some(i) => {
                let dot_len = rest[i..].chars().next().map_or(1, char::len_utf8);
                (&rest[..i], Some(&rest[i + dot_len..]))
            }
            None => (rest, None),
        };
        total += label_to_ascii_len(label)?;
        match next {
            Some(n) => {
                total += 1; // the dot, kept also after the last label
                rest = n;
            }
            None => rest = "",
        }
    }
    Some(total)
}

fn label_to_ascii_len(label: &str) -> Option<usize> {
    let len = if label.is_ascii() {
        label.len()
    } else {
        let prepared = stringprep::nameprep(label).ok()?;
        if prepared.is_empty() {
            return None;
        }
        if prepared.is_ascii() {
            prepared.len()
        } else {
            let lower4: String = prepared
                .chars()
                .take(4)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if lower4 == "xn--" {
                return None;
            }
            4 + punycode_len(&prepared)?
        }
    };
    (1..=MAX_LABEL).contains(&len).then_some(len)
}

/// The length of the RFC 3492 Punycode encoding of `input`, or `None` on overflow.
fn punycode_len(input: &str) -> Option<usize> {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    let adapt = |mut delta: u32, points: u32, first: bool| -> u32 {
        delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + 38)
    };
    let points: Vec<u32> = input.chars().map(u32::from).collect();
    let basic = points.iter().filter(|&&c| c < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let (mut n, mut delta, mut bias) = (0x80u32, 0u32, 72u32);
    let mut h = basic as u32;
    let total = points.len() as u32;
    while h < total {
        let m = points.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(h + 1)?)?;
        n = m;
        for &c in &points {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, h + 1, h == basic as u32);
                delta = 0;
                h += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

fn contact_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let atext = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
        let quoted = r#""(?:[\x21\x23-\x5B\x5D-\x7E ]|\\[\x20-\x7E])*""#;
        let word = format!("(?:{atext}+|{quoted})");
        let label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        Regex::new(&format!(
            r"^{word}(?:\.{word})*@{label}(?:\.{label})*\.[A-Za-z0-9-]*[A-Za-z-][A-Za-z0-9-]*$"
        ))
        .expect("contact e-mail pattern")
    })
}

/// Whether ONR accepts the address as a contact e-mail (`YHTEYSTIETO_SAHKOPOSTI`): the strict
/// rule with a required top-level domain. `None` and `""` are accepted, as in ONR.
///
/// This follows JMail's strict validator for ordinary addresses; exotic forms that JMail
/// accepts (comments, IP-address literals) are rejected here.
///
/// # Example
///
/// ```
/// use onr_core::import::email::is_valid_contact;
///
/// for ok in ["", "test@test.test", "test.test.test@test.test", "test@test.test.test", "test+test@test.test"] {
///     assert!(is_valid_contact(ok), "{ok}");
/// }
/// for bad in ["test", "test@test@test.test", "test@", "test@test", "@test", ".test@test",
///             "test@test.test.", "test..test@test", "\"test <test@test.test>\""] {
///     assert!(!is_valid_contact(bad), "{bad}");
/// }
/// ```
pub fn is_valid_contact(value: &str) -> bool {
    if value.is_empty() {
        return true;
    }
    let Some(at) = value.rfind('@') else {
        return false;
    };
    let (local, domain) = (&value[..at], &value[at + 1..]);
    local.len() <= 64
        && domain.len() <= 255
        && value.len() <= 320
        && contact_pattern().is_match(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rule_onr_import_test_vectors() {
        // OppijaTuontiCreateDtoTest / OppijaControllerTest / OppijanTuontiTest.
        assert!(is_well_formed("test@test.test"));
        assert!(is_well_formed("example@example.fi"));
        assert!(is_well_formed("example@example.com"));
        assert!(!is_well_formed("makkara"));
        assert!(!is_well_formed("lsdkjd"));
        assert!(is_well_formed(""));
    }

    #[test]
    fn email_rule_hibernate_local_part() {
        assert!(is_well_formed("a.b.c@x"));
        assert!(!is_well_formed(".a@x"));
        assert!(!is_well_formed("a.@x"));
        assert!(!is_well_formed("a..b@x"));
        assert!(is_well_formed("\"a..b\"@x"));
        assert!(is_well_formed("\"a\\\"b\"@x"));
        assert!(is_well_formed("\"a@b\"@x"));
        assert!(!is_well_formed("\"a\"b\"@x"));
        assert!(is_well_formed("ÄÖ@x"));
        assert!(!is_well_formed("😀@x")); // outside U+0080..U+FFFF
        assert!(is_well_formed(&format!("{}@x", "a".repeat(64))));
        assert!(!is_well_formed(&format!("{}@x", "a".repeat(65))));
        // 64 UTF-16 units, counted as Java does.
        assert!(is_well_formed(&format!("{}@x", "ä".repeat(64))));
        assert!(!is_well_formed("@x"));
        assert!(is_well_formed("A+B@X"));
    }

    #[test]
    fn email_rule_hibernate_domain_part() {
        assert!(is_well_formed("a@b-c.d"));
        assert!(is_well_formed("a@b--c"));
        assert!(!is_well_formed("a@-b"));
        assert!(!is_well_formed("a@b-"));
        assert!(!is_well_formed("a@b..c"));
        assert!(!is_well_formed("a@"));
        assert!(is_well_formed("a@[192.168.0.1]"));
        assert!(is_well_formed("a@[IPv6:::1]"));
        assert!(is_well_formed("a@[ipv6:FE80::1%eth0]"));
        assert!(!is_well_formed("a@[::1]"));
        assert!(is_well_formed("a@999.999.999.999")); // labels of digits are labels
        assert!(is_well_formed("a@esimerkki.fi"));
        assert!(is_well_formed("a@äö.fi"));
        assert!(!is_well_formed("a@b c"));
        assert!(!is_well_formed("a@b_c\u{1F600}"));
    }

    #[test]
    fn email_rule_hibernate_idn_limits() {
        let label63 = "a".repeat(63);
        assert!(is_well_formed(&format!("a@{label63}.fi")));
        assert!(!is_well_formed(&format!("a@{}.fi", "a".repeat(64))));
        // 255 ASCII characters in all is the limit.
        let long = [label63.as_str(); 4].join("."); // 255
        assert!(is_well_formed(&format!("a@{long}")));
        assert!(!is_well_formed(&format!("a@{long}a")));
        // A non-ASCII label is measured after Punycode: "xn--" + encoding.
        assert!(is_well_formed(&format!("a@{}.fi", "ä".repeat(20))));
        assert!(!is_well_formed(&format!("a@{}.fi", "ä".repeat(60))));
        // Ideographic full stop separates labels for IDN, and is a label character for the pattern.
        assert!(is_well_formed("a@b\u{3002}c"));
        assert!(!is_well_formed("a@b\u{3002}\u{3002}c")); // empty label
        assert!(!is_well_formed("a@xn--\u{e4}")); // ACE prefix on a non-ASCII label
        assert!(!is_well_formed("a@b\u{0378}")); // unassigned code point: nameprep refuses
    }

    #[test]
    fn punycode_known_encodings() {
        // RFC 3492 sample: "bücher" -> "bcher-kva".
        assert_eq!(punycode_len("bücher"), Some("bcher-kva".len()));
        assert_eq!(punycode_len("ä"), Some("4ca".len()));
        assert_eq!(punycode_len("äö"), Some("4ca0b".len()));
    }

    #[test]
    fn contact_email_strict_rule() {
        assert!(is_valid_contact("matti.meikalainen@example.fi"));
        assert!(!is_valid_contact("a@b.123"));
        assert!(!is_valid_contact("a@-b.fi"));
        assert!(!is_valid_contact("a b@example.fi"));
    }
}
