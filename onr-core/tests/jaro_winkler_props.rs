//! Property tests of Jaro-Winkler and the name rules.

use onr_core::similarity::jaro_winkler::{similarity, similarity_utf16, THRESHOLD};
use onr_core::similarity::name_match::{
    comparison_form, first_name_tokens, FirstNameVerdict, NameRules, NamesVerdict, PersonNames,
};
use proptest::prelude::*;

/// Strings that exercise the algorithm: small alphabets (many matches and transpositions),
/// names with accents, non-BMP characters (surrogate pairs) and any Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ab]{0,12}",
        "[a-e]{0,20}",
        "[aäåöeé -]{0,16}",
        "[a😀😁]{0,10}",
        "\\PC{0,24}",
        any::<String>(),
    ]
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn in_unit_interval(a in text(), b in text()) {
        let v = similarity(&a, &b);
        prop_assert!((0.0..=1.0).contains(&v), "{v}");
    }

    #[test]
    fn symmetric_bit_for_bit(a in text(), b in text()) {
        prop_assert_eq!(similarity(&a, &b).to_bits(), similarity(&b, &a).to_bits());
    }

    #[test]
    fn equal_length_pairs_are_symmetric(a in "[abc]{1,14}", seed in any::<u64>()) {
        // Same length: Lucene picks `max` by position; the value does not depend on it.
        let mut x = seed | 1;
        let b: String = a.chars().map(|_| { x ^= x << 13; x ^= x >> 7; x ^= x << 17; ['a', 'b', 'c'][(x % 3) as usize] }).collect();
        prop_assert_eq!(similarity(&a, &b).to_bits(), similarity(&b, &a).to_bits());
    }

    #[test]
    fn identical_non_empty_is_one(a in text()) {
        prop_assume!(!a.is_empty());
        prop_assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn empty_against_anything_is_zero(a in text()) {
        prop_assert_eq!(similarity("", &a), 0.0);
        prop_assert_eq!(similarity(&a, ""), 0.0);
    }

    #[test]
    fn str_and_utf16_agree(a in text(), b in text()) {
        prop_assert_eq!(similarity(&a, &b).to_bits(), similarity_utf16(&units(&a), &units(&b)).to_bits());
    }

    #[test]
    fn long_strings_agree_with_short_path(a in "[a-d]{0,30}", b in "[a-d]{0,30}") {
        // Padding both with the same long suffix forces the heap path; compare against the
        // UTF-16 entry point on the same padded input.
        let pad = "x".repeat(80);
        let (la, lb) = (format!("{a}{pad}"), format!("{b}{pad}"));
        prop_assert_eq!(similarity(&la, &lb).to_bits(), similarity_utf16(&units(&la), &units(&lb)).to_bits());
    }

    #[test]
    fn comparison_form_is_ascii_lowercase_and_idempotent(s in text()) {
        let form = comparison_form(&s);
        prop_assert!(form.is_ascii());
        prop_assert!(!form.bytes().any(|b| b.is_ascii_uppercase()));
        prop_assert_eq!(comparison_form(&form), form);
    }

    #[test]
    fn empty_given_first_name_is_a_substring_match(reference in text()) {
        prop_assert_eq!(NameRules::default().first_names("", &reference), FirstNameVerdict::Substring);
    }

    #[test]
    fn identical_non_blank_names_match(first in "[A-Za-zäöå]{1,10}", surname in "[A-Za-zäöå]{1,12}") {
        let names = PersonNames::new(&first, &surname);
        prop_assert!(NameRules::default().names_match(names, names).is_match());
    }

    #[test]
    fn names_match_is_surname_then_first_names(gf in text(), gs in text(), rf in text(), rs in text()) {
        let rules = NameRules::default();
        let verdict = rules.names_match(PersonNames::new(&gf, &gs), PersonNames::new(&rf, &rs));
        let surname = rules.surname(&gs, &rs);
        prop_assert_eq!(surname.similar, surname.similarity >= THRESHOLD);
        let expected = surname.is_match() && rules.first_names(&gf, &rf).is_match();
        prop_assert_eq!(verdict.is_match(), expected);
        if let NamesVerdict::SurnameDiffers { surname_similarity } = verdict {
            prop_assert_eq!(surname_similarity, surname.similarity);
        }
    }

    #[test]
    fn token_indices_point_at_similar_tokens(given in "[a-z -]{0,20}", reference in "[a-z -]{0,20}") {
        if let FirstNameVerdict::SimilarTokens { given_token, reference_token, similarity: v } =
            NameRules::default().first_names(&given, &reference)
        {
            let g = first_name_tokens(&comparison_form(&given));
            let r = first_name_tokens(&comparison_form(&reference));
            prop_assert_eq!(similarity(&g[given_token], &r[reference_token]), v);
            prop_assert!(v >= THRESHOLD);
        }
    }
}

#[test]
fn junk_inputs_do_not_panic() {
    let long = "ä😀a-".repeat(1000);
    let junk = [
        "",
        "\0",
        "\0\0\t\r\n",
        "😀",
        "１２３",
        "\u{FFFF}\u{10FFFF}",
        "\u{301}\u{301}\u{301}",
        "\u{2028}\u{2029}",
        long.as_str(),
    ];
    let rules = NameRules::default();
    for a in junk {
        for b in junk {
            let v = similarity(a, b);
            assert!((0.0..=1.0).contains(&v));
            let form = comparison_form(a);
            assert!(form.is_ascii());
            let _ = rules.names_match(PersonNames::new(a, b), PersonNames::new(b, a));
            let vtj = onr_core::similarity::name_match::VtjNames::new(a, b);
            let _ = rules.identification(PersonNames::new(b, a), true, vtj);
            let _ = first_name_tokens(a);
        }
    }
}
