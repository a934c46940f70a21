//! Library-level hetu timings (ns per input over one million mixed inputs): `Hetu::parse`,
//! `hetu::is_valid` and `hetu::verdict`.
//!
//! cargo run --release -p onr-benches --example hetu_throughput [N]

use std::hint::black_box;
use std::time::Instant;

use onr_benches::mixed_hetus;
use onr_core::hetu::{self, Hetu};
use onr_core::Environment;

fn best<F: FnMut() -> usize>(mut f: F) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let inputs = mixed_hetus(n, 7);
    let env = Environment::Production;
    let report =
        |what: &str, secs: f64| println!("{what:<32} {:7.1} ns/input", secs * 1e9 / n as f64);
    report(
        "(loop only: byte 10 is 'T')",
        best(|| {
            inputs
                .iter()
                .filter(|s| black_box(s).as_bytes().get(10) == Some(&b'T'))
                .count()
        }),
    );
    report(
        "Hetu::parse",
        best(|| {
            inputs
                .iter()
                .filter(|s| Hetu::parse(black_box(s), env).is_ok())
                .count()
        }),
    );
    report(
        "hetu::is_valid",
        best(|| {
            inputs
                .iter()
                .filter(|s| hetu::is_valid(black_box(s), env))
                .count()
        }),
    );
    report(
        "hetu::verdict",
        best(|| {
            inputs
                .iter()
                .filter(|s| hetu::verdict(black_box(s), env).is_ok())
                .count()
        }),
    );
    report(
        "hetu::verdict + epoch day",
        best(|| {
            inputs
                .iter()
                .filter_map(|s| hetu::verdict(black_box(s), env).ok())
                .map(|v| v.birth_date_epoch_day() as usize)
                .sum()
        }),
    );
}
