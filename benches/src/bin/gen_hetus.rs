//! Prints N mixed hetu inputs (see `onr_benches::mixed_hetus`): `gen_hetus N [SEED]`
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for h in onr_benches::mixed_hetus(n, seed) {
        writeln!(out, "{h}").unwrap();
    }
}
