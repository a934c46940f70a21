//! Shared input generators for the benchmarks of onr-core (criterion benches in `benches/`,
//! throughput binaries in `src/bin/` used by the peer-comparison scripts).

use chrono::NaiveDate;
use onr_core::hetu::Generator;

/// `n` hetu-like inputs, deterministic for a seed: about 60% valid ordinary codes, 10% valid
/// temporary codes, and the rest the usual mistakes (check character, transposition,
/// whitespace, lowercase, wrong length).
pub fn mixed_hetus(n: usize, seed: u64) -> Vec<String> {
    let mut g = Generator::new(seed);
    let start = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let date = start + chrono::Duration::days((i as i64 * 7919) % 30_000);
            let h = if i % 10 == 9 {
                g.temporary(date)
            } else {
                g.ordinary(date)
            }
            .expect("dates in range")
            .to_string();
            match i % 20 {
                12 => format!("{}X", &h[..10]),
                13 => format!("{}{}{}", &h[..7], &h[8..9], &h[7..8]) + &h[9..],
                14 => format!(" {h}"),
                15 => h.to_lowercase(),
                16 => h[..10].to_string(),
                17 => format!("{}Z{}", &h[..6], &h[7..]),
                _ => h,
            }
        })
        .collect()
}
