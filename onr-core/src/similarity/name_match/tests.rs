use super::normalize::junidecode;
use super::*;

#[test]
fn normalize_vectors_of_onr_tests() {
    // YksilointiServiceImplUnitTest.normalize
    for (input, expected) in [
        ("", ""),
        (" ", " "),
        ("a", "a"),
        ("A", "a"),
        ("ä", "a"),
        ("á", "a"),
        ("=-_.:!#/()", "=-_.:!#/()"),
    ] {
        assert_eq!(comparison_form(input), expected, "{input:?}");
    }
    // YksilointiServiceImplTest.yksilointiVTJNimienNormalisointiToimii
    assert_eq!(
        comparison_form("Éva Nõmm Noël Hélène Ðông Bùi"),
        comparison_form("Eva Nomm Noel Helene Dong Bui")
    );
}

#[test]
fn comparison_form_is_ascii_and_idempotent() {
    for s in ["Åsa Öberg", "Ǯǯ Ʒʒ", "王小明", "😀", "\u{2028}", "ﬁ", "Ł"] {
        let once = comparison_form(s);
        assert!(once.is_ascii(), "{s:?}");
        assert_eq!(comparison_form(&once), once, "{s:?}");
    }
}

#[test]
fn ascii_fast_path_agrees_with_the_table() {
    for b in 0u8..0x80 {
        let c = char::from(b);
        let expected = junidecode(c).to_ascii_lowercase();
        assert_eq!(
            comparison_form(c.encode_utf8(&mut [0; 4])),
            expected,
            "{b:#x}"
        );
    }
}

#[test]
fn line_separators_become_newlines() {
    assert_eq!(comparison_form("a\u{2028}b"), "a\nb");
    assert_eq!(comparison_form("a\u{2029}b"), "a\n\nb");
}

#[test]
fn java_split_semantics() {
    assert_eq!(tokens(""), [""]);
    assert!(tokens(" ").is_empty());
    assert!(tokens("   ").is_empty());
    assert_eq!(tokens(" a"), ["", "a"]);
    assert_eq!(tokens("a "), ["a"]);
    assert_eq!(tokens("a  b"), ["a", "", "b"]);
    assert_eq!(tokens("-"), ["-"]);
    assert_eq!(tokens("a-"), ["a-", "a"]);
    assert_eq!(tokens("-a"), ["-a", "", "a"]);
    assert_eq!(tokens("a--b c"), ["a--b", "c", "a", "", "b"]);
    assert_eq!(
        tokens("a\tb\nc\u{B}d\u{C}e\rf"),
        ["a", "b", "c", "d", "e", "f"]
    );
    // Non-ASCII whitespace is not `\s` in Java.
    assert_eq!(tokens("a\u{A0}b"), ["a\u{A0}b"]);
}

#[test]
fn java_whitespace() {
    assert!(!has_text(" \t\u{2003}\u{3000}\u{1F}"));
    assert!(has_text("\u{A0}"));
    assert!(has_text("\u{85}"));
    assert!(has_text("\u{2007}"));
}

fn rules() -> NameRules {
    NameRules::default()
}

/// YksilointiServiceImplUnitTest.tarkistaNimet (onr surname, onr first names, vtj first
/// names, vtj surnames).
#[test]
fn identification_vectors() {
    let cases: &[(&str, &str, &str, &[&str], bool)] = &[
        ("Testi", "Testi", "Testi", &["Testi"], true),
        (
            "Sukunimi",
            "Kutsumanimi",
            "Kutsumanimi",
            &["Sukunimi"],
            true,
        ),
        (
            "Sukunimi",
            "Kutsumanimi",
            "Kutsumanimi",
            &["CCCC", "Sukunimi"],
            true,
        ),
        ("Sukunimi", "Anna", "Hanna-Leena", &["Sukunimi"], true),
        (
            "Kutsumanimi",
            "Sukunimi",
            "Kutsumanimi",
            &["Sukunimi"],
            true,
        ),
        (
            "Kutsumanimi",
            "Sukunimi",
            "Kutsumanimi",
            &["CCCC", "Sukunimi"],
            true,
        ),
        ("Anna", "Sukunimi", "Hanna-Leena", &["Sukunimi"], true),
        (
            "onrSukunimi",
            "onrKutsumanimi",
            "vtjEtunimi",
            &["vtjSukunimi"],
            false,
        ),
        (
            "Virtanen",
            "Krista Johanna",
            "Liisa Johanna",
            &["Virtanen"],
            true,
        ),
        (
            "Testaaja",
            "Teppo Taneli",
            "Teijo Tahvelo",
            &["Testaaja"],
            false,
        ),
        (
            "Testaaja",
            "Teppo Taneli",
            "Testaaja",
            &["Teppo Taneli"],
            true,
        ),
        ("Virkailija", "Teppo", "Teppo", &["Virkalija"], true),
    ];
    for &(onr_surname, onr_first, vtj_first, vtj_surnames, expected) in cases {
        let onr = PersonNames::new(onr_first, onr_surname);
        let vtj =
            VtjNames::new(vtj_first, vtj_surnames[0]).with_former_surnames(&vtj_surnames[1..]);
        let verdict = rules().identification(onr, true, vtj);
        assert_eq!(verdict.is_match(), expected, "{onr:?} {vtj:?}: {verdict:?}");
    }
}

#[test]
fn identification_reports_the_branch() {
    let onr = PersonNames::new("Sukunimi", "Kutsumanimi");
    let vtj = VtjNames::new("Kutsumanimi", "CCCC").with_former_surnames(&["Sukunimi"]);
    match rules().identification(onr, true, vtj) {
        IdentificationVerdict::Match {
            swapped,
            vtj_surname,
            surname_similarity,
            first_names,
        } => {
            assert!(swapped);
            assert_eq!(vtj_surname, VtjSurname::Former(0));
            assert_eq!(surname_similarity, 1.0);
            assert_eq!(first_names, FirstNameVerdict::Substring);
        }
        other => panic!("{other:?}"),
    }
    let onr = PersonNames::new("Teppo Taneli", "Testaaja");
    let vtj = VtjNames::new("Teijo Tahvelo", "Testaaja");
    match rules().identification(onr, true, vtj) {
        IdentificationVerdict::Mismatch { direct, swapped } => {
            assert!(matches!(direct, NamesVerdict::FirstNamesDiffer { .. }));
            assert!(matches!(swapped, NamesVerdict::SurnameDiffers { .. }));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn blank_names_with_hetu_short_cut() {
    let vtj = VtjNames::new("Matti", "Meikäläinen");
    for (first, surname) in [("", ""), (" ", "\t"), ("\u{3000}", "")] {
        let onr = PersonNames::new(first, surname);
        assert_eq!(
            rules().identification(onr, true, vtj),
            IdentificationVerdict::BlankNamesWithHetu
        );
    }
    // Without a hetu ONR compares: " " vs VTJ is a mismatch.
    let onr = PersonNames::new(" ", " ");
    assert!(!rules().identification(onr, false, vtj).is_match());
    // A non-breaking space is text for Java.
    let onr = PersonNames::new("\u{A0}", "");
    assert!(!rules().identification(onr, true, vtj).is_match());
}

#[test]
fn surname_vectors() {
    for (a, b, expected) in [
        (" ", " ", true),
        ("test", "test", true),
        ("test", "tes", true),
        ("test", "te", true),
        ("", "", false),
        ("test", "t", false),
        ("a", "b", false),
    ] {
        assert_eq!(rules().surname(a, b).is_match(), expected, "{a:?} {b:?}");
    }
}

#[test]
fn first_name_vectors() {
    for (x, y, expected) in [
        ("a", "a", true),
        ("c", "a b c d", true),
        ("anna", "hanna", true),
        ("virhe", "luultavastivirhe", true),
        ("a", "b", false),
        ("a", "b c d e f", false),
        ("", "anything", true),
    ] {
        assert_eq!(
            rules().first_names(x, y).is_match(),
            expected,
            "{x:?} {y:?}"
        );
    }
}

/// YksilointiServiceImplExistenceCheckTest and YleistunnisteControllerTest (given, reference).
#[test]
fn names_match_vectors() {
    let matching = [
        (("a b c", "d"), ("a b c", "d")),
        (("a b c", "d"), ("A B C", "D")),
        (("Äyrämö", "Äyrämö"), ("ayramo", "ayramo")),
        (("Amélie", "Amélie"), ("Amelie", "Amelie")),
        (("Elias Tapani", "Virtanen"), ("Eelis Tapani", "Virtanen")),
        (("Hurja", "Karhu"), ("Kurja", "Karju")),
        (("Renée Nöel Zoë", "Søren"), ("Renee Noel Zoe", "Soren")),
        (
            ("Eva-Kaarina", "Nyrkki-Kyllikki Halla-aho"),
            ("eva kaarina", "nyrkkikyllikki hallaaho"),
        ),
        (("Sepo", "Peipponen"), ("Seppo", "Peipponen")),
        (("Marja", "Virtanen"), ("Marja Terttu Karpalo", "Virtanen")),
        (("Terttu", "Virtanen"), ("Marja Terttu Karpalo", "Virtanen")),
        (
            ("Karpalo", "Virtanen"),
            ("Marja Terttu Karpalo", "Virtanen"),
        ),
    ];
    for ((gf, gs), (rf, rs)) in matching {
        let verdict = rules().names_match(PersonNames::new(gf, gs), PersonNames::new(rf, rs));
        assert!(verdict.is_match(), "{gf} {gs} / {rf} {rs}: {verdict:?}");
    }
    for ((gf, gs), (rf, rs)) in [
        (("a b c", "d"), ("x y z", "l")),
        (("Pertti", "Virtanen"), ("Seppo Matti", "Peipponen")),
    ] {
        let verdict = rules().names_match(PersonNames::new(gf, gs), PersonNames::new(rf, rs));
        assert!(!verdict.is_match(), "{gf} {gs} / {rf} {rs}: {verdict:?}");
    }
}

#[test]
fn first_names_differ_reports_best_similarity() {
    let verdict = rules().first_names("mikko", "mika");
    assert_eq!(
        verdict,
        FirstNameVerdict::Different {
            best_similarity: jaro_winkler::similarity("mikko", "mika")
        }
    );
}

#[test]
fn first_name_order_is_given_first() {
    // JW is evaluated as (given token, reference token), as ONR does.
    let verdict = rules().first_names("Elias", "Eelis");
    assert_eq!(
        verdict,
        FirstNameVerdict::SimilarTokens {
            given_token: 0,
            reference_token: 0,
            similarity: jaro_winkler::similarity("elias", "eelis"),
        }
    );
}
