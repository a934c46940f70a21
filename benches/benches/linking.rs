//! Linking at scale: a registry of 1,000,000 persons and 200,000 links.
//!
//! Targets (issue 4): loading at least 1,000,000 links per second; master and group queries
//! under a microsecond.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use onr_core::linking::{check_links, LinkRow, Registry};
use onr_core::person::Person;
use onr_core::Environment;

const PERSONS: usize = 1_000_000;
const LINKS: usize = 200_000;

fn oid(i: usize) -> String {
    format!("1.2.246.562.24.{:011}", 10_000_000_000u64 + i as u64)
}

/// 200,000 links: groups of one master (the first 100,000 OIDs) and two slaves each, spread
/// over the rest of the persons.
fn links(oids: &[String]) -> Vec<(String, String)> {
    (0..LINKS)
        .map(|k| {
            let master = k / 2;
            let slave = 100_000 + k * 3 % (PERSONS - 100_000);
            (oids[master].clone(), oids[slave].clone())
        })
        .collect()
}

fn registry(oids: &[String], links: &[(String, String)]) -> Registry {
    let mut reg = Registry::with_capacity(Environment::Production, oids.len(), links.len());
    reg.extend_persons(oids.iter().map(|o| Person::new(o.clone())));
    reg.extend_links(links.iter().map(|(m, s)| (m, s)));
    reg
}

fn loading(c: &mut Criterion) {
    let oids: Vec<String> = (0..PERSONS).map(oid).collect();
    let links = links(&oids);
    let mut g = c.benchmark_group("linking/load");
    g.sample_size(10);
    g.throughput(Throughput::Elements(LINKS as u64));
    g.bench_function("200k links, links only", |b| {
        b.iter(|| Registry::from_links(Environment::Production, links.iter().map(|(m, s)| (m, s))))
    });
    g.bench_function("200k links into a registry of 1M persons", |b| {
        b.iter_batched(
            || {
                let mut reg = Registry::with_capacity(Environment::Production, PERSONS, LINKS);
                reg.extend_persons(oids.iter().map(|o| Person::new(o.clone())));
                reg
            },
            |mut reg| {
                reg.extend_links(links.iter().map(|(m, s)| (m, s)));
                reg
            },
            BatchSize::PerIteration,
        )
    });
    let rows: Vec<LinkRow> = links
        .iter()
        .map(|(m, s)| LinkRow::new(m.clone(), s.clone()))
        .collect();
    g.bench_function("check 200k links", |b| {
        b.iter(|| check_links(black_box(&rows)))
    });
    g.finish();
}

fn queries(c: &mut Criterion) {
    let oids: Vec<String> = (0..PERSONS).map(oid).collect();
    let links = links(&oids);
    let reg = registry(&oids, &links);
    let slave = links[12_345].1.clone();
    let master = links[12_345].0.clone();
    let lonely = oids[PERSONS - 1].clone();
    let mut g = c.benchmark_group("linking/query");
    g.throughput(Throughput::Elements(1));
    g.bench_function("master_of slave", |b| {
        b.iter(|| reg.master_of(black_box(&slave)))
    });
    g.bench_function("master_of non-slave", |b| {
        b.iter(|| reg.master_of(black_box(&master)))
    });
    g.bench_function("resolve unknown", |b| {
        b.iter(|| reg.resolve(black_box("1.2.246.562.24.99999999999")))
    });
    g.bench_function("group of slave", |b| {
        b.iter(|| reg.group(black_box(&slave)))
    });
    g.bench_function("linked of slave", |b| {
        b.iter(|| reg.linked(black_box(&slave)))
    });
    g.bench_function("group of lonely", |b| {
        b.iter(|| reg.group(black_box(&lonely)))
    });
    g.finish();

    let mut g = c.benchmark_group("linking/op");
    g.sample_size(20);
    g.bench_function("link + unlink in a 1M registry", |b| {
        let mut reg = reg.clone();
        let (a, s) = (oids[PERSONS - 10].clone(), oids[PERSONS - 11].clone());
        b.iter(|| {
            reg.link(&a, &[&s]).unwrap();
            reg.unlink(&a, &s).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, loading, queries);
criterion_main!(benches);
