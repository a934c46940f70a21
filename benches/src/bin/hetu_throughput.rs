//! Reads one hetu per line from a file and prints the throughput of onr-core's ONR verdict,
//! as a batch (`validate_many`) and as a per-call loop (`is_valid`), best of 5 runs.
//! Usage: hetu_throughput FILE  ->  `batch_codes_per_s <N>` and `percall_codes_per_s <N>`

use std::time::Instant;

use onr_core::{hetu, Environment};

fn best_of<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut valid = 0;
    for _ in 0..runs {
        let t = Instant::now();
        valid = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, valid)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: hetu_throughput FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let inputs: Vec<&str> = text.lines().collect();
    let env = Environment::Production;
    let (batch, valid_batch) = best_of(5, || {
        hetu::validate_many(&inputs, env)
            .iter()
            .filter(|r| r.is_ok())
            .count()
    });
    let (percall, valid_percall) = best_of(5, || {
        inputs.iter().filter(|s| hetu::is_valid(s, env)).count()
    });
    assert_eq!(valid_batch, valid_percall);
    println!("inputs {}", inputs.len());
    println!("valid {valid_batch}");
    println!("batch_codes_per_s {:.0}", inputs.len() as f64 / batch);
    println!("percall_codes_per_s {:.0}", inputs.len() as f64 / percall);
}
