//! Property tests: trigram similarity laws and the duplicate index against brute force.

use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
use onr_core::similarity::trigram::{is_similar, similarity, similarity_fmt, Form, TrigramSet};
use proptest::prelude::*;

/// Names drawn from a small alphabet so that pairs are often similar.
fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[aäeiklmnoöst -]{0,12}").unwrap()
}

fn any_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(?s:.{0,16})").unwrap()
}

fn brute(sets: &[Option<TrigramSet>], t: f64) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            if let (Some(a), Some(b)) = (&sets[i], &sets[j]) {
                let s = a.similarity(b);
                if a.common(b) > 0 && is_similar(s, t) {
                    out.push((i as u32, j as u32, s.to_bits()));
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn symmetric_and_bounded(a in any_text(), b in any_text()) {
        let s = similarity(a.as_str(), b.as_str());
        prop_assert_eq!(s.to_bits(), similarity(&b, &a).to_bits());
        prop_assert!((0.0..=1.0).contains(&s));
        let f = similarity_fmt(&a, &b);
        prop_assert_eq!(f.to_bits(), similarity_fmt(&b, &a).to_bits());
        prop_assert!((0.0..=1.0).contains(&f));
    }

    #[test]
    fn self_similarity_is_one(a in any_text()) {
        let s = similarity(&a, &a);
        if TrigramSet::new(&a).is_empty() {
            prop_assert_eq!(s, 0.0);
        } else {
            prop_assert_eq!(s, 1.0);
        }
    }

    #[test]
    fn set_and_direct_agree(a in any_text(), b in any_text()) {
        let (x, y) = (TrigramSet::from_fmt(&a), TrigramSet::from_fmt(&b));
        prop_assert_eq!(x.similarity(&y).to_bits(), similarity_fmt(&a, &b).to_bits());
        prop_assert_eq!(x.similarity_str(&b, Form::Onr).to_bits(), similarity_fmt(&a, &b).to_bits());
    }

    #[test]
    fn index_equals_brute_force(
        names in proptest::collection::vec(name(), 0..40),
        t in prop_oneof![Just(0.5), Just(0.3), Just(0.0), Just(1.0), 0.0f64..=1.0],
    ) {
        let sets: Vec<Option<TrigramSet>> = names.iter().map(|n| Some(TrigramSet::new(n))).collect();
        let ids = (0..names.len()).map(|i| i.to_string()).collect();
        let index = DuplicateIndex::from_sets(ids, sets.clone(), t).unwrap();
        let got: Vec<_> = index.pairs().iter().map(|p| (p.a, p.b, p.similarity.to_bits())).collect();
        prop_assert_eq!(&got, &brute(&sets, t));
        // One-record queries agree with the pair set.
        for (i, s) in sets.iter().enumerate() {
            let s = s.as_ref().unwrap();
            let mut want: Vec<(usize, u32)> = (0..sets.len())
                .filter_map(|j| {
                    let y = sets[j].as_ref().unwrap();
                    let sim = s.similarity(y);
                    (s.common(y) > 0 && is_similar(sim, t)).then_some((j, sim.to_bits()))
                })
                .collect();
            want.sort_by(|x, y| (1.0 - f32::from_bits(x.1)).total_cmp(&(1.0 - f32::from_bits(y.1))).then(x.0.cmp(&y.0)));
            let found: Vec<(usize, u32)> = index.find_set(s).iter().map(|c| (c.index, c.similarity.to_bits())).collect();
            prop_assert_eq!(found, want, "query {}", i);
        }
    }

    #[test]
    fn cross_join_equals_brute_force(
        names in proptest::collection::vec(proptest::option::weighted(0.9, name()), 0..50),
        cut in 0usize..50,
        t in prop_oneof![Just(0.5), Just(0.3), Just(0.0), Just(1.0), 0.0f64..=1.0],
    ) {
        // Reference = the first `cut` texts, batch = the rest; None is a record that never pairs.
        let sets: Vec<Option<TrigramSet>> = names.iter().map(|n| n.as_deref().map(TrigramSet::new)).collect();
        let cut = cut.min(sets.len());
        let ids = |r: std::ops::Range<usize>| r.map(|i| i.to_string()).collect::<Vec<_>>();
        let reference = DuplicateIndex::from_sets(ids(0..cut), sets[..cut].to_vec(), t).unwrap();
        let batch = DuplicateIndex::from_sets(ids(cut..sets.len()), sets[cut..].to_vec(), t).unwrap();
        let got: Vec<_> = reference
            .pairs_with(&batch)
            .iter()
            .map(|p| (p.a, p.b + cut as u32, p.similarity.to_bits()))
            .collect();
        let want: Vec<_> = brute(&sets, t)
            .into_iter()
            .filter(|&(a, b, _)| (a as usize) < cut && b as usize >= cut)
            .collect();
        prop_assert_eq!(got, want);
    }
}

/// A larger deterministic check: synthetic persons, index vs brute force at several thresholds.
#[test]
fn index_equals_brute_force_on_persons() {
    let first = [
        "Matti", "Maija", "Anna", "Anni", "Eino", "Aino", "Äijä", "Jussi", "Juha", "Sanna",
    ];
    let last = [
        "Virtanen", "Virtane", "Mäkinen", "Makinen", "Korhonen", "Korhola", "Laine", "Lainen",
    ];
    let mut seed: u64 = 12345;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let mut records = Vec::new();
    for i in 0..600 {
        let e = format!("{} {}", first[next(10)], first[next(10)]);
        let k = first[next(10)];
        let s = last[next(8)];
        let d = chrono::NaiveDate::from_ymd_opt(
            1990 + next(3) as i32,
            1 + next(2) as u32,
            1 + next(3) as u32,
        );
        let mut r = PersonRecord::new(i.to_string(), e, k, s, if next(10) == 0 { None } else { d });
        r.passivoitu = next(50) == 0;
        records.push(r);
    }
    let sets: Vec<Option<TrigramSet>> = records
        .iter()
        .map(|r| {
            r.is_searchable()
                .then(|| TrigramSet::new(&r.stored_search_string().unwrap()))
        })
        .collect();
    for t in [0.3, 0.5, 0.6, 0.8] {
        let index = DuplicateIndex::new(&records, t).unwrap();
        let got: Vec<_> = index
            .pairs()
            .iter()
            .map(|p| (p.a, p.b, p.similarity.to_bits()))
            .collect();
        let want = brute(&sets, t);
        assert!(!want.is_empty());
        assert_eq!(got, want, "t={t}");
    }
}

/// Name-repetitive population (the case that defeats prefix filtering: every trigram is
/// common): Zipf-weighted first names, 2-3 per person with the kutsumanimi one of them, few
/// surnames, birth dates over 1950-2015 sharing `" 19"`, `"  0"`... Index vs brute force.
#[test]
fn index_equals_brute_force_on_repetitive_names() {
    let first = [
        "Matti", "Juhani", "Mikko", "Anna", "Maria", "Liisa", "Eino", "Aino", "Leo", "Onni",
        "Väinö", "Helena", "Kaarina", "Tapani", "Olavi", "Johanna", "Sofia", "Emma", "Ilmari",
        "Aleksi",
    ];
    let last = [
        "Virtanen",
        "Korhonen",
        "Mäkinen",
        "Nieminen",
        "Mäkelä",
        "Hämäläinen",
        "Laine",
        "Aho",
        "Oja",
        "Virtala",
        "Korhola",
        "Mäkiaho",
    ];
    let mut seed: u64 = 777;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let start = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    let mut records = Vec::new();
    for i in 0..1500 {
        let k = 2 + next(2);
        let mut names: Vec<&str> = Vec::new();
        while names.len() < k {
            // Zipf-like: the first names far more often.
            let z = next(first.len()) + 1;
            let f = first[next(z)];
            if !names.contains(&f) {
                names.push(f);
            }
        }
        let kutsu = names[next(k)];
        let z = next(last.len()) + 1;
        let s = last[next(z)];
        let d = match next(20) {
            0 => None,
            1..=6 => Some(start + chrono::Duration::days(next(400) as i64)),
            _ => Some(start + chrono::Duration::days(next(24_106) as i64)),
        };
        let mut r = PersonRecord::new(i.to_string(), names.join(" "), kutsu, s, d);
        r.duplicate = next(40) == 0;
        records.push(r);
    }
    let sets: Vec<Option<TrigramSet>> = records
        .iter()
        .map(|r| {
            r.is_searchable()
                .then(|| TrigramSet::new(&r.stored_search_string().unwrap()))
        })
        .collect();
    for t in [0.4, 0.5, 0.7] {
        let index = DuplicateIndex::new(&records, t).unwrap();
        let mut got = Vec::new();
        let mut done_seen = 0;
        index.for_each_pair_block(|block, done| {
            assert!(done >= done_seen);
            done_seen = done;
            got.extend(block.iter().map(|p| (p.a, p.b, p.similarity.to_bits())));
        });
        // The blocks come in no particular order; each pair once.
        got.sort_unstable();
        let want = brute(&sets, t);
        assert!(want.len() > 100, "t={t}: {} pairs", want.len());
        assert_eq!(got, want, "t={t}");
        // The R-S join of the first 600 records against the other 900, and of the other 900
        // against the first 600: the cross pairs of the same brute force.
        let (reference, batch) = (
            DuplicateIndex::new(&records[..600], t).unwrap(),
            DuplicateIndex::new(&records[600..], t).unwrap(),
        );
        let cross: Vec<_> = want
            .iter()
            .copied()
            .filter(|&(a, b, _)| a < 600 && b >= 600)
            .collect();
        assert!(cross.len() > 50, "t={t}: {} cross pairs", cross.len());
        let got: Vec<_> = reference
            .pairs_with(&batch)
            .iter()
            .map(|p| (p.a, p.b + 600, p.similarity.to_bits()))
            .collect();
        assert_eq!(got, cross, "t={t}");
        let mut swapped: Vec<_> = batch
            .pairs_with(&reference)
            .iter()
            .map(|p| (p.b, p.a + 600, p.similarity.to_bits()))
            .collect();
        swapped.sort_unstable();
        assert_eq!(swapped, cross, "swapped, t={t}");
    }
}
