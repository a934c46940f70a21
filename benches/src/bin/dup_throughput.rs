//! All-pairs duplicate self-join throughput on synthetic Finnish-looking persons.
//!
//! `dup_throughput N [SEED] [dense|registry] [--write-csv FILE]`: generates N persons with
//! `onr_benches::synthetic::finnish_persons_with` (the vocabulary `dense` by default: about 200
//! first names and 500 surnames, a stress test; `registry`: name frequencies shaped like a real
//! population register's), builds the index at 0.5 and streams the self-join. Prints N, pair
//! count, wall and CPU seconds and the peak RSS.
//!
//! With `--write-csv FILE` it writes the persons instead, as input for `onr duplicates`
//! (columns `id,etunimet,kutsumanimi,sukunimi,syntymaaika`), and stops.
//!
//! With `--cross` it runs the R-S join instead: the first half of the persons (the
//! reference) against the second half (the batch), both indexed, and prints the same line
//! with `join cross`.

use std::time::Instant;

use onr_benches::synthetic::{finnish_persons_with, Vocabulary};
use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};

/// User + system CPU seconds of this process so far (Linux `/proc/self/stat`).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    // After the command name: state is field 0, utime 11, stime 12 (clock ticks of 1/100 s).
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident set size in MiB (`VmHWM`).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The persons as `onr duplicates` reads them (an unknown date is an empty field).
fn write_csv(path: &str, records: &[PersonRecord]) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(["id", "etunimet", "kutsumanimi", "sukunimi", "syntymaaika"])?;
    for r in records {
        let date = r.syntymaaika.map(|d| d.to_string()).unwrap_or_default();
        w.write_record([
            r.id.as_str(),
            r.etunimet.as_deref().unwrap_or(""),
            r.kutsumanimi.as_deref().unwrap_or(""),
            r.sukunimi.as_deref().unwrap_or(""),
            &date,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let vocab_name = args.get(3).map_or("dense", String::as_str);
    let Some(vocab) = Vocabulary::by_name(vocab_name) else {
        eprintln!("dup_throughput: vocabulary is dense or registry, not {vocab_name}");
        std::process::exit(2);
    };
    let records = finnish_persons_with(n, seed, vocab);
    if let Some(i) = args.iter().position(|a| a == "--write-csv") {
        let Some(path) = args.get(i + 1) else {
            eprintln!("dup_throughput: --write-csv needs a file name");
            std::process::exit(2);
        };
        if let Err(e) = write_csv(path, &records) {
            eprintln!("dup_throughput: {path}: {e}");
            std::process::exit(1);
        }
        return;
    }
    let cross = args.iter().any(|a| a == "--cross");
    let (w0, c0) = (Instant::now(), cpu_seconds());
    let (index, batch) = if cross {
        let (r, b) = records.split_at(n / 2);
        let r = DuplicateIndex::new(r, 0.5).expect("threshold");
        (r, Some(DuplicateIndex::new(b, 0.5).expect("threshold")))
    } else {
        (DuplicateIndex::new(&records, 0.5).expect("threshold"), None)
    };
    let (w1, c1) = (w0.elapsed().as_secs_f64(), cpu_seconds() - c0);
    let mut pairs = 0u64;
    let mut check = 0u64;
    let mut count = |block: &[onr_core::similarity::duplicates::Pair], _| {
        pairs += block.len() as u64;
        for p in block {
            check = check
                .wrapping_mul(31)
                .wrapping_add((p.a as u64) << 32 | p.b as u64);
        }
    };
    match &batch {
        Some(b) => index.for_each_pair_block_with(b, &mut count),
        None => index.for_each_pair_block(&mut count),
    }
    let join = if cross { "cross" } else { "self" };
    println!(
        "join {join} vocabulary {vocab_name} N {n} pairs {pairs} index_wall_s {w1:.2} index_cpu_s {c1:.2} total_wall_s {:.2} total_cpu_s {:.2} peak_rss_mib {:.0} threads {} checksum {check:016x}",
        w0.elapsed().as_secs_f64(),
        cpu_seconds() - c0,
        peak_rss_mib(),
        rayon::current_num_threads(),
    );
}
