//! The R-S join: every pair across two indexes (a reference and a batch) at the threshold.
//!
//! Two exact strategies, chosen by the sizes of the two sides (both give the same pairs):
//!
//! * **Probe** (a batch much smaller than the reference, or the other way round): each
//!   record of the batch is a probe into the reference's prefix index, exactly as a
//!   [`DuplicateIndex::find_set`] query is, with the batch record's *stored* trigram set.
//!   The batch's trigrams are translated once into the reference's global order (rarest
//!   first); a trigram the reference does not have counts as an unknown one, placed before
//!   every known one, as a query's unknown trigrams are. The prefix, length, positional and
//!   bitmap filters are the general index's, all conservative. Its work grows with the
//!   product of the two sizes, so it wins when one side is small.
//! * **Split** (sides of comparable size): the split self-join (see the `split` module)
//!   over an index of both sides together, in which a candidate pair from one side is
//!   dropped before it is verified. The keys, filters and canonical-key rules are the
//!   self-join's, so the pairs across are the self-join's. For two halves of 200,000
//!   registry-shaped persons it takes 8.8 s of CPU where probing takes 34 s (and about as much
//!   as the self-join of all 200,000, 7.2 s); on the dense vocabulary 12.5 s against 14.9 s
//!   (`dup_throughput --cross`). It costs a third index (of both sides) while it runs.
//!
//! Either way, the same records take part as in the self-join (passivated, duplicate and
//! NULL-named records of either side never pair; a record without trigrams pairs with
//! nothing), every candidate is verified with pg_trgm's single-precision formula, and the
//! pairs go out in blocks of [`BLOCK`] from per-thread buffers: memory is the indexes, the
//! per-thread working space and those buffers, never the number of pairs.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::split::{self, Emit, BLOCK};
use super::{DuplicateIndex, Pair, Pool, ScratchPool};
use crate::similarity::trigram::{count_common, is_similar, similarity_from_counts, TrigramSet};

/// Batch records per rayon job, at most.
const SLICE: usize = 256;

/// The split strategy is used when the smaller side has at least `1 / SPLIT_RATIO` of the
/// larger side's records (on registry-shaped persons probing costs about four times the
/// split join for equal halves, and its cost grows with the product of the sizes while the
/// split join's stays about that of the self-join of both).
const SPLIT_RATIO: usize = 16;

/// How [`cross_join`] finds the pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Strategy {
    /// Each batch record probes the reference's prefix index.
    Probe,
    /// The split self-join over both sides, pairs on one side dropped.
    Split,
}

impl Strategy {
    /// The faster strategy for sides of `r` and `b` records.
    pub(super) fn for_sizes(r: usize, b: usize) -> Self {
        let (small, large) = (r.min(b), r.max(b));
        if small > 0 && small.saturating_mul(SPLIT_RATIO) >= large {
            Strategy::Split
        } else {
            Strategy::Probe
        }
    }
}

/// The pairs `(a in reference, b in batch)` at the reference's threshold, handed to `emit`
/// in blocks from the worker threads; `progress` is called on the calling thread with the
/// number of batch records done so far (an estimate while the join runs). Stops early when
/// `emit` returns `false`.
pub(super) fn cross_join(
    reference: &DuplicateIndex,
    batch: &DuplicateIndex,
    strategy: Strategy,
    emit: Emit<'_>,
    progress: &mut dyn FnMut(usize),
) {
    match strategy {
        Strategy::Probe => probe_join(reference, batch, emit, progress),
        Strategy::Split => split_join(reference, batch, emit, progress),
    }
}

/// The trigram sets of an index's records, as values (`None` for a record without any).
fn value_sets(index: &DuplicateIndex) -> impl Iterator<Item = Option<TrigramSet>> + '_ {
    let mut value_of = vec![0u32; index.vocab.len()];
    for &(value, rank) in &index.vocab {
        value_of[rank as usize] = value;
    }
    (0..index.len()).map(move |i| {
        let set = index.set(i);
        (!set.is_empty())
            .then(|| TrigramSet::from_unsorted(set.iter().map(|&r| value_of[r as usize]).collect()))
    })
}

/// The split strategy: the split self-join over an index of both sides (the reference's
/// records first), only the pairs across the cut.
fn split_join(
    reference: &DuplicateIndex,
    batch: &DuplicateIndex,
    emit: Emit<'_>,
    progress: &mut dyn FnMut(usize),
) {
    let (nr, nb) = (reference.len(), batch.len());
    let sets: Vec<Option<TrigramSet>> = value_sets(reference).chain(value_sets(batch)).collect();
    // Positions only: the ids are the two indexes'.
    let ids = vec![String::new(); nr + nb];
    let union = match DuplicateIndex::try_from_sets(ids, sets, reference.threshold) {
        Ok(union) => union,
        // Past the 32-bit limits of one index: the probe strategy has none.
        Err(_) => return probe_join(reference, batch, emit, progress),
    };
    let cut = nr as u32;
    let emit_cross = |mut block: Vec<Pair>| {
        for p in &mut block {
            p.b -= cut;
        }
        emit(block)
    };
    let total = (nr + nb).max(1) as u128;
    split::self_join(
        &union,
        split::SPLIT_K,
        Some(cut),
        &emit_cross,
        &mut |done| progress((done as u128 * nb as u128 / total) as usize),
    );
}

/// The probe strategy.
fn probe_join(
    reference: &DuplicateIndex,
    batch: &DuplicateIndex,
    emit: Emit<'_>,
    progress: &mut dyn FnMut(usize),
) {
    // The batch's ranks in the reference's order: `None` for a trigram the reference lacks.
    let mut to_ref: Vec<Option<u32>> = vec![None; batch.vocab.len()];
    {
        let (rv, mut i) = (&reference.vocab, 0usize);
        for &(value, rank) in &batch.vocab {
            while i < rv.len() && rv[i].0 < value {
                i += 1;
            }
            if i < rv.len() && rv[i].0 == value {
                to_ref[rank as usize] = Some(rv[i].1);
            }
        }
    }
    let stop = AtomicBool::new(false);
    let scratch = ScratchPool::scratch(reference.len());
    let buffers: Pool<(Vec<Pair>, Vec<u32>)> = Pool::new(|| (Vec::new(), Vec::new()));
    let flush = |out: &mut Vec<Pair>| {
        if out.is_empty() {
            return;
        }
        let block = std::mem::replace(out, Vec::with_capacity(BLOCK));
        if !stop.load(Ordering::Relaxed) && !emit(block) {
            stop.store(true, Ordering::Relaxed);
        }
    };
    let n = batch.len();
    let slice = (n / (8 * rayon::current_num_threads().max(1))).clamp(1, SLICE);
    let probe_slice = |start: usize| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let mut lease = scratch.lease();
        let sc = lease.sc.as_mut().expect("a lease holds its value");
        let mut buf = buffers.lease();
        let (out, known) = buf.sc.as_mut().expect("a lease holds its value");
        for x in start..(start + slice).min(n) {
            let xs = batch.set(x);
            if xs.is_empty() {
                continue;
            }
            known.clear();
            known.extend(xs.iter().filter_map(|&r| to_ref[r as usize]));
            known.sort_unstable();
            let unknown = xs.len() - known.len();
            reference.probe(known, unknown, None, sc);
            for &y in &sc.cands {
                let ys = reference.set(y as usize);
                let common = count_common(known, ys) as usize;
                let sim = similarity_from_counts(common, xs.len(), ys.len());
                if is_similar(sim, reference.threshold) {
                    out.push(Pair {
                        a: y,
                        b: x as u32,
                        similarity: sim,
                    });
                    if out.len() >= BLOCK {
                        flush(out);
                    }
                }
            }
        }
    };
    // Steps of about a 32nd of the batch, each spread over the threads, then a progress
    // report on this thread.
    let step = (n / 32).div_ceil(slice).max(1) * slice;
    let mut at = 0;
    while at < n && !stop.load(Ordering::Relaxed) {
        let end = (at + step).min(n);
        (at..end)
            .into_par_iter()
            .step_by(slice)
            .for_each(probe_slice);
        at = end;
        if at < n {
            progress(at);
        }
    }
    if let Ok(mut free) = buffers.free.lock() {
        for (out, _) in free.iter_mut() {
            flush(out);
        }
    }
    progress(n);
}
