//! Hetu and OID parsing: one code, and a batch of 10,000 mixed inputs.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use onr_benches::mixed_hetus;
use onr_core::hetu::{self, Hetu};
use onr_core::oid::{self, Oid};
use onr_core::Environment;

fn hetu_single(c: &mut Criterion) {
    let mut g = c.benchmark_group("hetu/single");
    g.throughput(Throughput::Elements(1));
    g.bench_function("parse valid", |b| {
        b.iter(|| Hetu::parse(black_box("131052-308T"), Environment::Production))
    });
    g.bench_function("parse checksum error", |b| {
        b.iter(|| Hetu::parse(black_box("131052-308X"), Environment::Production))
    });
    g.bench_function("parse_strict valid", |b| {
        b.iter(|| Hetu::parse_strict(black_box("131052-308T"), Environment::Production))
    });
    g.bench_function("is_valid", |b| {
        b.iter(|| hetu::is_valid(black_box("131052-308T"), Environment::Production))
    });
    g.finish();
}

fn hetu_batch(c: &mut Criterion) {
    let inputs = mixed_hetus(10_000, 1);
    let mut g = c.benchmark_group("hetu/batch");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("validate_many 10k", |b| {
        b.iter(|| hetu::validate_many(black_box(&inputs), Environment::Production))
    });
    g.finish();
}

fn oid_parse(c: &mut Criterion) {
    let mut gen = oid::Generator::new(5);
    let oids: Vec<String> = (0..10_000)
        .map(|i| gen.generate(if i % 2 == 0 { 24 } else { 10 }).to_string())
        .collect();
    let mut g = c.benchmark_group("oid");
    g.throughput(Throughput::Elements(1));
    g.bench_function("parse", |b| {
        b.iter(|| Oid::parse(black_box("1.2.246.562.24.25909319372")))
    });
    g.throughput(Throughput::Elements(oids.len() as u64));
    g.bench_function("validate_many 10k", |b| {
        b.iter(|| oid::validate_many(black_box(&oids)))
    });
    g.finish();
}

criterion_group!(benches, hetu_single, hetu_batch, oid_parse);
criterion_main!(benches);
