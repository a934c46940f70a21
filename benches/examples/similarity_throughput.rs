//! Library-level timings used by benches/pg_similarity_ratio.sh.
//!
//! similarity_throughput pairs FILE    a<TAB>b lines: ONR similarity throughput (1 thread, all threads)
//! similarity_throughput join CSV      id,etunimet,kutsumanimi,sukunimi,syntymaaika: index + self-join

use std::time::Instant;

use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
use onr_core::similarity::trigram::similarity_fmt;
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, file) = (args[1].as_str(), &args[2]);
    let text = std::fs::read_to_string(file).expect("input file");
    match mode {
        "pairs" => {
            let pairs: Vec<(&str, &str)> = text
                .lines()
                .map(|l| l.split_once('\t').unwrap_or((l, "")))
                .collect();
            let mut best1 = f64::MAX;
            let mut bestn = f64::MAX;
            let mut sum = 0.0f64;
            for _ in 0..5 {
                let t = Instant::now();
                sum = pairs.iter().map(|(a, b)| similarity_fmt(a, b) as f64).sum();
                best1 = best1.min(t.elapsed().as_secs_f64());
                let t = Instant::now();
                let s: f64 = pairs
                    .par_iter()
                    .map(|(a, b)| similarity_fmt(a, b) as f64)
                    .sum();
                bestn = bestn.min(t.elapsed().as_secs_f64());
                assert_eq!(s.to_bits() != 0, sum.to_bits() != 0);
            }
            println!(
                "pairs {} sum {:.4} one_thread_s {:.6} all_threads_s {:.6} threads {}",
                pairs.len(),
                sum,
                best1,
                bestn,
                rayon::current_num_threads()
            );
        }
        "join" => {
            let mut rdr = csv::Reader::from_reader(text.as_bytes());
            let records: Vec<PersonRecord> = rdr
                .records()
                .map(|r| {
                    let r = r.expect("csv row");
                    let d = chrono::NaiveDate::parse_from_str(&r[4], "%Y-%m-%d").ok();
                    PersonRecord::new(&r[0], &r[1], &r[2], &r[3], d)
                })
                .collect();
            let t = Instant::now();
            let index = DuplicateIndex::new(&records, 0.5).expect("threshold");
            let built = t.elapsed().as_secs_f64();
            let mut n = 0usize;
            index.for_each_pair_block(|p, _| n += p.len());
            println!(
                "records {} pairs {n} index_s {built:.4} total_s {:.4} threads {}",
                records.len(),
                t.elapsed().as_secs_f64(),
                rayon::current_num_threads()
            );
        }
        _ => panic!("mode: pairs | join"),
    }
}
