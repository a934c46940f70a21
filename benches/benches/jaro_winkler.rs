//! Jaro-Winkler (Lucene's variant) and ONR's name rules.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use onr_core::similarity::jaro_winkler;
use onr_core::similarity::name_match::{comparison_form, NameRules, PersonNames, VtjNames};

const NAMES: &[(&str, &str)] = &[
    ("virkailija", "virkalija"),
    ("korhonen", "korhola"),
    ("heikkinen", "heikkila"),
    ("hanna", "ahnn"),
    ("matti juhani", "mati juhani"),
    ("anna-liisa", "annaliisa"),
    ("meikalainen", "meikäläinen"),
    ("jaaskelainen", "jääskeläinen"),
];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("jaro_winkler");
    group.throughput(Throughput::Elements(NAMES.len() as u64));
    group.bench_function("similarity/names", |b| {
        b.iter(|| {
            for (x, y) in NAMES {
                black_box(jaro_winkler::similarity(black_box(x), black_box(y)));
            }
        })
    });
    let long_a = "abcdefghij".repeat(30);
    let long_b = "abcdefhgij".repeat(30);
    group.throughput(Throughput::Elements(1));
    group.bench_function("similarity/300_units_heap", |b| {
        b.iter(|| jaro_winkler::similarity(black_box(&long_a), black_box(&long_b)))
    });
    group.throughput(Throughput::Elements(NAMES.len() as u64));
    group.bench_function("strsim_reference/names", |b| {
        b.iter(|| {
            for (x, y) in NAMES {
                black_box(strsim::jaro_winkler(black_box(x), black_box(y)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("name_match");
    group.bench_function("comparison_form/finnish", |b| {
        b.iter(|| comparison_form(black_box("Jääskeläinen-Öberg")))
    });
    group.bench_function("comparison_form/ascii", |b| {
        b.iter(|| comparison_form(black_box("Meikalainen")))
    });
    let rules = NameRules::default();
    group.bench_function("names_match", |b| {
        b.iter(|| {
            rules.names_match(
                black_box(PersonNames::new("Matti Juhani", "Meikäläinen")),
                black_box(PersonNames::new("Mati Juhani", "Meikalainen")),
            )
        })
    });
    group.bench_function("identification/swapped", |b| {
        b.iter(|| {
            rules.identification(
                black_box(PersonNames::new("Teppo Taneli", "Testaaja")),
                true,
                black_box(VtjNames::new("Testaaja", "Teppo Taneli")),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
