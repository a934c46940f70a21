//! PostgreSQL ground truth: the vectors in tests/vectors/ were computed by the real
//! PostgreSQL 15 (pg_trgm, unaccent, lower in C.UTF-8); see their headers.
//! Regenerate with scripts/ground-truth/pg-trgm-fixtures.sh.

mod common;

use onr_core::names::{duplicate_search_fmt, pg_lower, unaccent};
use onr_core::similarity::trigram::{
    is_similar, pg_float4_text, similarity, similarity_fmt, TrigramSet, DEFAULT_THRESHOLD,
};

fn vectors(name: &str) -> Vec<Vec<String>> {
    let (path, text) = common::vectors(name, "ONR_VECTORS_NO_OVERRIDE");
    assert!(
        text.starts_with("# source: PostgreSQL"),
        "{}: provenance header",
        path.display()
    );
    common::read(name)
}

/// A float4 that PostgreSQL printed widened to float8 (exact).
fn f32_exact(s: &str) -> f32 {
    let d: f64 = s.parse().unwrap();
    let f = d as f32;
    assert_eq!(f as f64, d, "{s} is not a float4 value");
    f
}

#[test]
fn trigram_pairs_match_postgres() {
    let rows = vectors("trigram.tsv");
    assert!(rows.len() > 2000);
    let mut mismatches = Vec::new();
    for r in &rows {
        let (a, b) = (&r[0], &r[1]);
        let checks = [
            ("fmt a", duplicate_search_fmt(a) == r[2]),
            ("fmt b", duplicate_search_fmt(b) == r[3]),
            (
                "raw",
                similarity(a, b).to_bits() == f32_exact(&r[4]).to_bits(),
            ),
            (
                "fmt",
                similarity_fmt(a, b).to_bits() == f32_exact(&r[5]).to_bits(),
            ),
            ("text", pg_float4_text(similarity_fmt(a, b)) == r[6]),
            ("dist", pg_float4_text(1.0 - similarity_fmt(a, b)) == r[7]),
            (
                "%",
                is_similar(similarity_fmt(a, b), DEFAULT_THRESHOLD) == (r[8] == "true"),
            ),
            ("show_trgm", {
                let want: Vec<&str> = if r[9].is_empty() {
                    vec![]
                } else {
                    r[9].split('|').collect()
                };
                TrigramSet::from_fmt(a).show() == want
            }),
            (
                "set",
                TrigramSet::from_fmt(a)
                    .similarity(&TrigramSet::from_fmt(b))
                    .to_bits()
                    == f32_exact(&r[5]).to_bits(),
            ),
        ];
        for (what, ok) in checks {
            if !ok {
                mismatches.push(format!("{what}: {a:?} / {b:?}"));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn every_unaccent_rule_matches_postgres() {
    let rows = vectors("unaccent.tsv");
    assert_eq!(rows.len(), 1650);
    let mut bad = Vec::new();
    for r in &rows {
        let c = &r[1];
        assert_eq!(
            u32::from_str_radix(&r[0], 16).unwrap(),
            c.chars().next().unwrap() as u32
        );
        if unaccent(c) != r[2].as_str()
            || pg_lower(c) != r[3].as_str()
            || duplicate_search_fmt(c) != r[4]
            || unaccent(&format!("x{c}y")) != r[5].as_str()
        {
            bad.push(r[0].clone());
        }
    }
    assert!(
        bad.is_empty(),
        "unaccent/lower mismatches at U+{}",
        bad.join(", U+")
    );
}

#[test]
fn every_code_point_classified_and_lowered_as_postgres() {
    let rows = vectors("pg-ctype.tsv");
    let hex = |s: &str| u32::from_str_radix(s, 16).unwrap();
    let mut word = vec![false; 0x11_0000];
    let mut lower: Vec<u32> = (0..0x11_0000).collect();
    for r in rows.iter().map(|r| r[0].split(' ').collect::<Vec<_>>()) {
        match r[0] {
            "word" => (hex(r[1])..=hex(r[2])).for_each(|c| word[c as usize] = true),
            "lower" => lower[hex(r[1]) as usize] = hex(r[2]),
            other => panic!("unknown row {other}"),
        }
    }
    let x = TrigramSet::new("x");
    let mut bad = Vec::new();
    let mut buf = String::new();
    for cp in 1..0x11_0000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        buf.clear();
        buf.push(c);
        let l = pg_lower(&buf);
        if l.chars().count() != 1 || l.chars().next().unwrap() as u32 != lower[cp as usize] {
            bad.push(format!("lower U+{cp:04X}"));
        }
        if cp >= 0x80 {
            buf.insert(0, 'x');
            let is_word = TrigramSet::new(&buf) != x;
            if is_word != word[cp as usize] {
                bad.push(format!("word U+{cp:04X}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches: {:?}",
        bad.len(),
        &bad[..bad.len().min(50)]
    );
}
