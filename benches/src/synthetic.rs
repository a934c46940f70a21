//! Synthetic Finnish-looking person records for the duplicate self-join benchmarks.
//!
//! How many pairs reach the 0.5 threshold, and how much work finding them takes, depends
//! mostly on how concentrated the names are, so the generator has two vocabularies:
//!
//! * [`Vocabulary::DENSE`]: about 200 first names (real ones plus syllable-built ones) and 500
//!   surnames (stem + suffix), Zipf-weighted with exponents 1.0 and 0.8. The top surname is 8%
//!   of all records, twenty times a real registry's; a stress test in which the number of
//!   pairs grows with N².
//! * [`Vocabulary::REGISTRY`]: 5,000 first names (exponent 0.8) and 50,000 surnames (0.65),
//!   the real ones first and the rest built from Finnish syllables. The top surname is about
//!   0.4% of records and the top ten about 3%, as for Korhonen, Virtanen, Mäkinen and the rest
//!   in Finland's population register; a first name about 5% of draws.
//!
//! Both: 2 or 3 first names per person with the kutsumanimi one of them; birth dates uniform
//! over 1950-2015; 5% near-duplicates of an earlier person (a typo, another kutsumanimi,
//! another or no date).

use chrono::NaiveDate;
use onr_core::similarity::duplicates::PersonRecord;

const FIRST: &str = "Matti Juhani Mikko Timo Jari Kari Antti Tuomas Eino Ilmari Urho Kaleva Väinö \
Veikko Pekka Heikki Lauri Onni Eetu Aleksi Elias Oliver Leo Aatu Niilo Toivo Arvo Jussi Ville Sami \
Juha Anna Maria Liisa Helena Johanna Kaarina Marjatta Hanna Leena Aino Sofia Emma Ellen Aada Venla \
Eveliina Ilona Kerttu Lyydia Siiri Saara Hilja Elli Iida Päivi Sirpa Tuula Ritva Pirjo Seija \
Petteri Olavi Tapani Kalevi Johannes Mikael Henrik Kristian Markus Oskari Emil Valtteri Juho Joonas \
Eero Aleksanteri Tapio Antero Kristiina Annikki Tuulikki Orvokki Sinikka Hannele Katariina Elina \
Inkeri Mirjami Susanna Aurora Amanda Helmi Pihla Lumi Minea Nella Ronja Veera Oona Jenna Noora";
const SYLL: [&str; 24] = [
    "ka", "le", "mi", "no", "ra", "si", "tu", "va", "ee", "ja", "lo", "ne", "ri", "ta", "vi", "ai",
    "ho", "ki", "lu", "ma", "ni", "sa", "te", "yl",
];
const STEMS: &str = "Virta Korho Mäki Niemi Laine Heikki Koski Järvi Lehto Saari Salmi Heino Kinnu \
Turu Laiti Tuomi Ranta Karja Joki Matti Savo Lahti Aho Lepp Hiet Kallio Kangas Kivi Lind Mänty Nurmi \
Oja Pelto Rinne Suo Tammi Vaara Vuori Hakala Halo Hämä Ilves Jussi Kauppi Kettu Kokko Kuusi Laakso \
Lampi Mark Mieti Myllä Nieme Paju Palo Peura Pihla Pulkki Raati Rauta Repo Riihi Ruohon Sepp Sirvi \
Soini Susi Taipa Tapio Toivo Uusi Vainio Valko Vehka Viita Ylä Alan Anttila Eskel Haapa Hirvo Honka";
const SUFFIXES: [&str; 12] = [
    "nen", "la", "lä", "mäki", "niemi", "salo", "aho", "koski", "järvi", "inen", "onen", "ainen",
];

/// A small deterministic generator (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}

/// Cumulative Zipf weights `1 / (i + 1)^s`.
fn zipf(n: usize, s: f64) -> Vec<f64> {
    let mut tot = 0.0;
    (0..n)
        .map(|i| {
            tot += 1.0 / ((i + 1) as f64).powf(s);
            tot
        })
        .collect()
}

fn pick<'a>(rng: &mut Rng, items: &'a [String], cum: &[f64]) -> &'a str {
    let x = rng.unit() * cum[cum.len() - 1];
    &items[cum.partition_point(|&c| c < x).min(items.len() - 1)]
}

fn typo(rng: &mut Rng, s: &str) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    let i = rng.below(cs.len().max(1));
    match rng.below(3) {
        0 => cs.insert(
            i,
            "aeiklmnorstuvyäö".chars().nth(rng.below(16)).unwrap_or('a'),
        ),
        1 if cs.len() > 1 => {
            cs.remove(i);
        }
        _ => {
            if let Some(c) = cs.get_mut(i) {
                *c = 'e';
            }
        }
    }
    cs.into_iter().collect()
}

fn date(rng: &mut Rng) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1950, 1, 1)?;
    Some(start + chrono::Duration::days(rng.below(24_106) as i64))
}

/// The name pools of [`finnish_persons_with`] and how their frequencies fall off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vocabulary {
    /// Distinct first names.
    pub first_names: usize,
    /// Zipf exponent of the first names.
    pub first_exponent: f64,
    /// Distinct surnames.
    pub surnames: usize,
    /// Zipf exponent of the surnames.
    pub surname_exponent: f64,
}

impl Vocabulary {
    /// A small, very concentrated vocabulary (a stress test; see the module docs).
    pub const DENSE: Vocabulary = Vocabulary {
        first_names: 200,
        first_exponent: 1.0,
        surnames: 500,
        surname_exponent: 0.8,
    };
    /// Name frequencies shaped like a real population register's (see the module docs).
    pub const REGISTRY: Vocabulary = Vocabulary {
        first_names: 5_000,
        first_exponent: 0.8,
        surnames: 50_000,
        surname_exponent: 0.65,
    };

    /// `dense` or `registry`.
    pub fn by_name(name: &str) -> Option<Vocabulary> {
        match name {
            "dense" => Some(Self::DENSE),
            "registry" => Some(Self::REGISTRY),
            _ => None,
        }
    }
}

/// Consonant-vowel syllables for the larger vocabularies.
const CONSONANTS: &str = "hjklmnprstv";
const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "y", "ä", "ö"];

fn syllable(rng: &mut Rng) -> String {
    let c = CONSONANTS.as_bytes()[rng.below(CONSONANTS.len())] as char;
    let mut s = format!("{c}{}", VOWELS[rng.below(VOWELS.len())]);
    // Some closed syllables (CVC) and long vowels, as in Finnish.
    match rng.below(6) {
        0 => s.push(CONSONANTS.as_bytes()[rng.below(CONSONANTS.len())] as char),
        1 => s.push_str(VOWELS[rng.below(4)]),
        _ => {}
    }
    s
}

fn capitalized(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// `n` synthetic persons from the [`Vocabulary::DENSE`] vocabulary, deterministic for a seed
/// (ids `1..=n`).
pub fn finnish_persons(n: usize, seed: u64) -> Vec<PersonRecord> {
    finnish_persons_with(n, seed, Vocabulary::DENSE)
}

/// `n` synthetic persons from a vocabulary, deterministic for a seed (ids `1..=n`).
pub fn finnish_persons_with(n: usize, seed: u64, vocab: Vocabulary) -> Vec<PersonRecord> {
    let mut rng = Rng(seed ^ 0x5EED);
    let mut first: Vec<String> = FIRST.split_whitespace().map(String::from).collect();
    let mut seen_first: std::collections::HashSet<String> = first.iter().cloned().collect();
    while first.len() < vocab.first_names.min(200) {
        let k = 2 + rng.below(2);
        let mut s: String = (0..k).map(|_| SYLL[rng.below(SYLL.len())]).collect();
        s[..1].make_ascii_uppercase();
        if seen_first.insert(s.clone()) {
            first.push(s);
        }
    }
    while first.len() < vocab.first_names {
        let k = 2 + rng.below(2);
        let s = capitalized(&(0..k).map(|_| syllable(&mut rng)).collect::<String>());
        if seen_first.insert(s.clone()) {
            first.push(s);
        }
    }
    let stems: Vec<&str> = STEMS.split_whitespace().collect();
    let mut last: Vec<String> = Vec::new();
    let mut seen_last = std::collections::HashSet::new();
    while last.len() < vocab.surnames.min(500) {
        let s = format!(
            "{}{}",
            stems[rng.below(stems.len())],
            SUFFIXES[rng.below(SUFFIXES.len())]
        );
        if seen_last.insert(s.clone()) {
            last.push(s);
        }
    }
    while last.len() < vocab.surnames {
        let k = 1 + rng.below(3);
        let stem: String = (0..k).map(|_| syllable(&mut rng)).collect();
        let s = capitalized(&format!("{stem}{}", SUFFIXES[rng.below(SUFFIXES.len())]));
        if seen_last.insert(s.clone()) {
            last.push(s);
        }
    }
    let (fcum, lcum) = (
        zipf(first.len(), vocab.first_exponent),
        zipf(last.len(), vocab.surname_exponent),
    );
    let mut out: Vec<PersonRecord> = Vec::with_capacity(n);
    for i in 0..n {
        let id = (i + 1).to_string();
        if !out.is_empty() && rng.below(100) < 5 {
            let mut r = out[out.len() - 1 - rng.below(out.len().min(5000))].clone();
            r.id = id;
            match rng.below(4) {
                0 => r.sukunimi = r.sukunimi.map(|s| typo(&mut rng, &s)),
                1 => r.etunimet = r.etunimet.map(|s| typo(&mut rng, &s)),
                2 => r.syntymaaika = None,
                _ => r.syntymaaika = date(&mut rng),
            }
            out.push(r);
            continue;
        }
        let k = 2 + rng.below(2);
        let mut names: Vec<&str> = Vec::with_capacity(k);
        while names.len() < k {
            let f = pick(&mut rng, &first, &fcum);
            if !names.contains(&f) {
                names.push(f);
            }
        }
        let kutsu = names[rng.below(k)].to_string();
        let s = pick(&mut rng, &last, &lcum).to_string();
        out.push(PersonRecord::new(
            id,
            names.join(" "),
            kutsu,
            s,
            date(&mut rng),
        ));
    }
    out
}
