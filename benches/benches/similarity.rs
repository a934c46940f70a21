//! Criterion benchmarks: pg_trgm similarity (pairwise, one-vs-many) and the duplicate index.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
use onr_core::similarity::trigram::{similarity_fmt, TrigramSet};

const FIRST: [&str; 16] = [
    "Matti", "Juhani", "Mikko", "Eino", "Väinö", "Anna", "Maria", "Liisa", "Aino", "Päivi",
    "Sofia", "Helena", "Jussi", "Ville", "Kerttu", "Ilona",
];
const LAST: [&str; 12] = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Testiäinen",
    "Meikäläinen",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn person(r: &mut Lcg) -> (String, String, String, String) {
    let e = format!("{} {}", FIRST[r.next(16)], FIRST[r.next(16)]);
    let k = e.split(' ').next().unwrap_or_default().to_string();
    let s = format!("{}{}", LAST[r.next(12)], ["", "-Aho", "la"][r.next(3)]);
    let d = format!(
        "{}-{:02}-{:02}",
        1940 + r.next(80),
        1 + r.next(12),
        1 + r.next(28)
    );
    (e, k, s, d)
}

fn search_text(p: &(String, String, String, String)) -> String {
    format!("{} {} {} {}", p.0, p.1, p.2, p.3)
}

fn bench(c: &mut Criterion) {
    let mut r = Lcg(42);
    let pairs: Vec<(String, String)> = (0..1000)
        .map(|_| (search_text(&person(&mut r)), search_text(&person(&mut r))))
        .collect();
    let mut g = c.benchmark_group("trigram");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("similarity_fmt pairs", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(x, y)| similarity_fmt(black_box(x), black_box(y)))
                .sum::<f32>()
        })
    });
    let sets: Vec<TrigramSet> = pairs.iter().map(|(x, _)| TrigramSet::from_fmt(x)).collect();
    let q = TrigramSet::from_fmt(&pairs[0].1);
    g.bench_function("TrigramSet one-vs-many", |b| {
        b.iter(|| sets.iter().map(|s| q.similarity(black_box(s))).sum::<f32>())
    });
    g.finish();

    let records: Vec<PersonRecord> = (0..5000)
        .map(|i| {
            let p = person(&mut r);
            let d = chrono::NaiveDate::parse_from_str(&p.3, "%Y-%m-%d").ok();
            PersonRecord::new(i.to_string(), p.0, p.1, p.2, d)
        })
        .collect();
    let mut g = c.benchmark_group("duplicates");
    g.sample_size(10);
    g.bench_function("index + self-join 5000", |b| {
        b.iter(|| DuplicateIndex::new(black_box(&records), 0.5).map(|i| i.pairs().len()))
    });
    let index = DuplicateIndex::new(&records, 0.5).expect("threshold");
    g.bench_function("find one query in 5000", |b| {
        b.iter(|| {
            index
                .find_text(black_box("Matti Juhani Matti Virtanen 1980-01-01"))
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
