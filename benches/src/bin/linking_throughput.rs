//! One-shot timing of the linking registry at issue 4's scale (1,000,000 persons, 200,000
//! links): prints links/s for loading and ns per query. `cargo run --release -p onr-benches
//! --bin linking_throughput`. (Criterion's `benches/linking.rs` is the careful measurement.)

use std::hint::black_box;
use std::time::{Duration, Instant};

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`, nanoseconds), so the figures
/// hold on a loaded machine; falls back to wall time elsewhere.
struct Clock(Instant, Option<u64>);

fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

impl Clock {
    fn now() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }
    fn elapsed(&self) -> Duration {
        match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => Duration::from_nanos(b - a),
            _ => self.0.elapsed(),
        }
    }
}

use onr_core::linking::Registry;
use onr_core::person::Person;
use onr_core::Environment;

fn main() {
    let persons = 1_000_000usize;
    let links = 200_000usize;
    let oids: Vec<String> = (0..persons)
        .map(|i| format!("1.2.246.562.24.{:011}", 10_000_000_000u64 + i as u64))
        .collect();
    let pairs: Vec<(&str, &str)> = (0..links)
        .map(|k| {
            (
                oids[k / 2].as_str(),
                oids[100_000 + k * 3 % (persons - 100_000)].as_str(),
            )
        })
        .collect();

    let t = Clock::now();
    let mut reg = Registry::with_capacity(Environment::Production, persons, links);
    reg.extend_persons(oids.iter().map(|o| Person::new(o.clone())));
    let persons_s = t.elapsed().as_secs_f64();

    let t = Clock::now();
    reg.extend_links(pairs.iter().copied());
    let load_s = t.elapsed().as_secs_f64();

    let t = Clock::now();
    let only = Registry::from_links(Environment::Production, pairs.iter().copied());
    let only_s = t.elapsed().as_secs_f64();
    assert_eq!(only.link_count(), links);

    let n = 1_000_000usize;
    let t = Clock::now();
    let mut found = 0usize;
    for i in 0..n {
        let (_, s) = pairs[i % links];
        found += usize::from(black_box(reg.master_of(black_box(s))).is_some());
    }
    let master_ns = t.elapsed().as_nanos() as f64 / n as f64;
    assert_eq!(found, n);

    let t = Clock::now();
    let mut total = 0usize;
    for i in 0..n {
        let (_, s) = pairs[i % links];
        total += black_box(reg.group(black_box(s))).len();
    }
    let group_ns = t.elapsed().as_nanos() as f64 / n as f64;
    assert_eq!(total, 3 * n);

    println!("(CPU time of this thread)");
    println!("persons: {persons} inserted in {persons_s:.3} s");
    println!(
        "links into 1M-person registry: {:.0} links/s; links-only registry: {:.0} links/s",
        links as f64 / load_s,
        links as f64 / only_s
    );
    println!("master_of: {master_ns:.0} ns/query; group: {group_ns:.0} ns/query");
}
