//! The all-pairs self-join, with each trigram set split into a name part and a date part.
//!
//! A stored search string ends in the birth date, and a date's words give trigrams made of
//! spaces and digits only. Split every set by trigram *value*: `D` = the trigrams of three
//! ASCII spaces/digits, `N` = the rest. The split is exact for any text (a name with digits
//! simply puts some of its trigrams in `D`): `|x ∩ y| = |Nx ∩ Ny| + |Dx ∩ Dy|`.
//!
//! Names and birth dates are nearly independent and the date part is small (at most 11
//! trigrams for `YYYY-MM-DD`), so every pair falls in one of two classes, split at `K` common
//! date trigrams:
//!
//! * **L** (`|Dx ∩ Dy| <= K`): the names alone must share `r = need - K` trigrams, where
//!   `need` is the least overlap the pair's sizes allow. Then the first *two* common name
//!   trigrams lie within both records' first `|N| - r + 2` (the extended prefix, as in
//!   pkwise signatures), so a record is indexed under each pair of trigrams of its extended
//!   prefix: a pair of trigrams is much rarer than one when they come from different names.
//! * **H** (`|Dx ∩ Dy| > K`): the dates share one of their first `|D| - K` trigrams *and* the
//!   names share one of their first `|N| - (need - |D|) + 1`; the record is indexed under
//!   each (date trigram, name trigram) combination of those prefixes. A combination is rare
//!   even when each half is common (a birth year and a common surname).
//!
//! Both are prefix filters over one global order (rarest first), so they are exact: a pair
//! that reaches the threshold shares a key in its class. Pairs are probed from the record
//! later in the order (set size, position) against earlier ones, so each record's requirement
//! can assume a partner no larger than itself (the index side) or no smaller than the length
//! filter allows (the probe side). A record too short for these requirements to mean
//! anything (`need - K < 2`) is *irregular*: its pairs come from the general prefix index
//! instead. Every candidate is verified with pg_trgm's single-precision formula.

use rayon::prelude::*;

use super::{pair_min_overlap, size_bounds, DuplicateIndex, Pair, Pool, ScratchPool};
use crate::similarity::trigram::{count_common, is_similar, similarity_from_counts};

/// Pairs sharing more than this many date trigrams are class H, the others class L (of 6-9,
/// 8 was fastest on the registry-shaped benchmark data; any value gives the same pairs).
pub(super) const SPLIT_K: usize = 8;

/// Whether a trigram value is made of three ASCII spaces or digits (a date word's trigram).
#[inline]
fn is_date_value(v: u32) -> bool {
    v < 1 << 24
        && [(v >> 16) as u8, (v >> 8) as u8, v as u8]
            .iter()
            .all(|&b| b == b' ' || b.is_ascii_digit())
}

/// The prefix lengths of one regular record.
#[derive(Debug, Clone, Copy, Default)]
struct Lens {
    /// Name trigrams whose pairs are indexed / probed for class L (extended prefixes).
    l_idx: u32,
    l_prb: u32,
    /// Name trigrams indexed / probed for class H, and date trigrams (0: no class H pairs).
    h_idx: u32,
    h_prb: u32,
    h_dates: u32,
}

/// `max(0, n - r + 1)`: the prefix length for a requirement of `r` common trigrams.
#[inline]
fn prefix(n: usize, r: i64) -> u32 {
    (n as i64 - r + 1).clamp(0, n as i64) as u32
}

/// The prefix lengths of a record with `n` name and `d` date trigrams, or `None` when it is
/// irregular (too short for the split's requirements).
fn lens(t: f64, k: usize, n: usize, d: usize) -> Option<Lens> {
    let s = n + d;
    // As the earlier record of a pair its partner is at least as large; as the later one
    // its partner is at least the length filter's lower bound.
    let need_idx = pair_min_overlap(t, s, s) as i64;
    let need_prb = pair_min_overlap(t, s, size_bounds(t, s).0) as i64;
    let k = k as i64;
    if need_prb - k < 2 {
        return None;
    }
    let mut l = Lens {
        l_idx: prefix(n, need_idx - k - 1),
        l_prb: prefix(n, need_prb - k - 1),
        ..Lens::default()
    };
    if d as i64 > k {
        let d_i = d as i64;
        if need_prb - d_i < 1 {
            return None;
        }
        l.h_idx = prefix(n, need_idx - d_i);
        l.h_prb = prefix(n, need_prb - d_i);
        l.h_dates = (d_i - k) as u32;
    }
    Some(l)
}

/// CSR lists keyed by name rank.
struct Lists<T> {
    offsets: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> Lists<T> {
    /// Lists filled from `(key, item)` pushes made in the order the items should keep.
    fn build(keys: usize, mut each: impl FnMut(&mut dyn FnMut(u32, T))) -> Self {
        let mut counts = vec![0usize; keys + 1];
        each(&mut |k, _| counts[k as usize + 1] += 1);
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut items = vec![T::default(); counts[keys]];
        let mut fill = counts.clone();
        each(&mut |k, v| {
            items[fill[k as usize]] = v;
            fill[k as usize] += 1;
        });
        Lists {
            offsets: counts,
            items,
        }
    }

    #[inline]
    fn get(&self, key: u32) -> &[T] {
        &self.items[self.offsets[key as usize]..self.offsets[key as usize + 1]]
    }
}

/// The first index `>= from` whose item is `>= key` in a sorted list: an exponential search
/// from `from` (the lookups of one probe go up the list, so each starts where the last ended).
#[inline]
fn gallop(list: &[u64], from: usize, key: u64) -> usize {
    let mut lo = from;
    let mut step = 1;
    while lo + step < list.len() && list[lo + step] < key {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step + 1).min(list.len());
    lo + list[lo..hi].partition_point(|&e| e < key)
}

/// Sorts every list (in parallel).
fn sort_lists(lists: &mut Lists<u64>) {
    let mut rest: &mut [u64] = &mut lists.items;
    let mut slices = Vec::with_capacity(lists.offsets.len());
    for w in lists.offsets.windows(2) {
        let (head, tail) = rest.split_at_mut(w[1] - w[0]);
        slices.push(head);
        rest = tail;
    }
    slices.par_iter_mut().for_each(|s| s.sort_unstable());
}

/// One record as the split join sees it.
#[derive(Clone, Copy, Default)]
struct Rec {
    /// Position in the order (set size, input position).
    order: u32,
    /// Number of name trigrams (they come first in `split_ranks`).
    n: u32,
    lens: Option<Lens>,
}

/// Per-thread probing state.
struct Marks {
    /// Per order position: the probe it was last a candidate in.
    seen: Vec<u32>,
    epoch: u32,
    cands: Vec<u32>,
}

/// The self-join of `index` (pairs `a < b`, sorted), calling `progress` with the number of
/// records done so far.
pub(super) fn self_join(
    index: &DuplicateIndex,
    k: usize,
    progress: &mut dyn FnMut(usize),
) -> Vec<Pair> {
    let n_rec = index.len();
    let t = index.filter_t;
    let mut date_rank = vec![false; index.vocab.len()];
    for &(value, rank) in &index.vocab {
        date_rank[rank as usize] = is_date_value(value);
    }
    // Each set's ranks regrouped: name ranks then date ranks, each ascending (rarest first).
    let mut split_ranks = index.ranks.clone();
    {
        let mut rest: &mut [u32] = &mut split_ranks;
        let mut slices = Vec::with_capacity(n_rec);
        for w in index.offsets.windows(2) {
            let (head, tail) = rest.split_at_mut((w[1] - w[0]) as usize);
            slices.push(head);
            rest = tail;
        }
        // Stable: ascending ranks within each part.
        slices
            .par_iter_mut()
            .for_each(|s| s.sort_by_key(|&r| date_rank[r as usize]));
    }
    let mut by_order: Vec<u32> = (0..n_rec as u32).collect();
    by_order.sort_by_key(|&i| (index.size(i), i));
    let mut recs = vec![Rec::default(); n_rec];
    for (o, &i) in by_order.iter().enumerate() {
        let set = index.set(i as usize);
        let n = set.iter().filter(|&&r| !date_rank[r as usize]).count();
        recs[i as usize] = Rec {
            order: o as u32,
            n: n as u32,
            lens: if set.is_empty() {
                None
            } else {
                lens(t, k, n, set.len() - n)
            },
        };
    }
    // size_start[b]: the first order position of a record of size >= b.
    let max_size = by_order.last().map_or(0, |&i| index.size(i));
    let size_start: Vec<u32> = (0..=max_size + 1)
        .map(|b| by_order.partition_point(|&i| index.size(i) < b) as u32)
        .collect();
    let names = |i: usize| {
        let lo = index.offsets[i] as usize;
        &split_ranks[lo..lo + recs[i].n as usize]
    };
    let dates = |i: usize| {
        let (lo, hi) = (index.offsets[i] as usize, index.offsets[i + 1] as usize);
        &split_ranks[lo + recs[i].n as usize..hi]
    };
    let vocab = index.vocab.len();
    // Per order position: the record's bitmap signature and set size (one memory access per
    // candidate before verification).
    let ord_sig: Vec<([u64; 2], u32)> = by_order
        .iter()
        .map(|&i| (index.sigs[i as usize], index.size(i) as u32))
        .collect();
    // Class L: per name rank `t1`, entries `t2 << 32 | order` for each pair t1 < t2 of the
    // extended prefix, sorted.
    let mut l_lists: Lists<u64> = Lists::build(vocab, |push| {
        for (o, &i) in by_order.iter().enumerate() {
            if let Some(l) = recs[i as usize].lens {
                let ext = &names(i as usize)[..l.l_idx as usize];
                for (a, &t1) in ext.iter().enumerate() {
                    for &t2 in &ext[a + 1..] {
                        push(t1, (t2 as u64) << 32 | o as u64);
                    }
                }
            }
        }
    });
    sort_lists(&mut l_lists);
    // Class H: per name rank, entries `date rank << 32 | order`, sorted.
    let mut h_lists: Lists<u64> = Lists::build(vocab, |push| {
        for (o, &i) in by_order.iter().enumerate() {
            if let Some(l) = recs[i as usize].lens {
                for &r in &names(i as usize)[..l.h_idx as usize] {
                    for &dr in &dates(i as usize)[..l.h_dates as usize] {
                        push(r, (dr as u64) << 32 | o as u64);
                    }
                }
            }
        }
    });
    sort_lists(&mut h_lists);

    let pool = ScratchPool::scratch(n_rec);
    let marks_pool = Pool::new(move || Marks {
        seen: vec![0; n_rec],
        epoch: 0,
        cands: Vec::new(),
    });
    let probe = |x: usize, marks: &mut Marks, out: &mut Vec<Pair>| {
        let Some(l) = recs[x].lens else {
            return;
        };
        marks.epoch = marks.epoch.wrapping_add(1);
        if marks.epoch == 0 {
            marks.seen.iter_mut().for_each(|s| *s = 0);
            marks.epoch = 1;
        }
        marks.cands.clear();
        let ox = recs[x].order;
        let (nx, dx) = (names(x), dates(x));
        #[inline(always)]
        fn mark(marks: &mut Marks, o: u32) {
            let s = &mut marks.seen[o as usize];
            if *s != marks.epoch {
                *s = marks.epoch;
                marks.cands.push(o);
            }
        }
        let a = nx.len() + dx.len();
        let (lo, _) = size_bounds(t, a);
        let o_lo = size_start[lo.min(max_size + 1)];
        // The order positions of partners up to size b (exclusive end), capped at x itself.
        let o_end = |b: usize| size_start[(b + 1).min(max_size + 1)].min(ox);
        // Largest partner size whose requirement `pmo(a, b) - slack` still leaves name trigram
        // `j` inside x's probe prefix (0 if none).
        let reach = |j: usize, slack: usize| {
            let allowed = nx.len() - j + slack; // pmo(a, b) <= allowed
            let (mut lo_b, mut hi_b) = (lo, a);
            if pair_min_overlap(t, a, lo_b) as usize > allowed {
                return 0;
            }
            while lo_b < hi_b {
                let mid = (lo_b + hi_b).div_ceil(2);
                if pair_min_overlap(t, a, mid) as usize <= allowed {
                    lo_b = mid;
                } else {
                    hi_b = mid - 1;
                }
            }
            lo_b
        };
        // Class L: pairs (i, j) of the extended prefix; the pair is in the partner's
        // extended prefix for sizes up to reach(j - 1, k).
        let ext = &nx[..l.l_prb as usize];
        let ends: Vec<u32> = (0..ext.len())
            .map(|j| if j == 0 { ox } else { o_end(reach(j - 1, k)) })
            .collect();
        for (a, &t1) in ext.iter().enumerate() {
            let list = l_lists.get(t1);
            if list.is_empty() {
                continue;
            }
            let mut at = 0;
            for (j, &t2) in ext.iter().enumerate().skip(a + 1) {
                let hi_o = ends[j];
                if hi_o <= o_lo {
                    break;
                }
                let key = (t2 as u64) << 32;
                at = gallop(list, at, key | o_lo as u64);
                if at == list.len() {
                    break;
                }
                for &e in &list[at..] {
                    if e >= key | hi_o as u64 {
                        break;
                    }
                    mark(marks, e as u32);
                }
            }
        }
        for (j, &r) in nx[..l.h_prb as usize].iter().enumerate() {
            let list = h_lists.get(r);
            if list.is_empty() {
                continue;
            }
            let hi_o = o_end(reach(j, dx.len()));
            if hi_o <= o_lo {
                continue;
            }
            let mut at = 0;
            for &dr in &dx[..l.h_dates as usize] {
                let key = (dr as u64) << 32;
                at = gallop(list, at, key | o_lo as u64);
                if at == list.len() {
                    break;
                }
                for &e in &list[at..] {
                    if e >= key | hi_o as u64 {
                        break;
                    }
                    mark(marks, e as u32);
                }
            }
        }
        let xs = index.set(x);
        let sx = &index.sigs[x];
        // The least overlap per partner size b in [lo, a] (every candidate is in that range).
        let mut need = [0u32; 64];
        let need_of = |b: usize, table: &[u32; 64]| {
            if b - lo < 64 {
                table[b - lo]
            } else {
                pair_min_overlap(t, a, b)
            }
        };
        for (b, slot) in (lo..=a).zip(need.iter_mut()) {
            *slot = pair_min_overlap(t, a, b);
        }
        for &o in &marks.cands {
            let (sy, b) = ord_sig[o as usize];
            let b = b as usize;
            let diff = ((sx[0] ^ sy[0]).count_ones() + (sx[1] ^ sy[1]).count_ones()) as usize;
            if (((a + b).saturating_sub(diff) / 2) as u32) < need_of(b, &need) {
                continue;
            }
            let y = by_order[o as usize] as usize;
            let ys = index.set(y);
            let sim = similarity_from_counts(count_common(xs, ys) as usize, a, b);
            if is_similar(sim, index.threshold) {
                out.push(Pair {
                    a: x.min(y) as u32,
                    b: x.max(y) as u32,
                    similarity: sim,
                });
            }
        }
    };

    const BLOCK: usize = 16_384;
    const CHUNK: usize = 64;
    let mut all: Vec<Pair> = Vec::new();
    let mut start = 0;
    while start < n_rec {
        let end = (start + BLOCK).min(n_rec);
        let chunks: Vec<Vec<Pair>> = (start..end)
            .into_par_iter()
            .step_by(CHUNK)
            .map(|s| {
                let mut lease = marks_pool.lease();
                let marks = lease.sc.as_mut().expect("a lease holds its value");
                let mut out = Vec::new();
                for &x in &by_order[s..(s + CHUNK).min(end)] {
                    let x = x as usize;
                    if recs[x].lens.is_some() {
                        probe(x, marks, &mut out);
                    } else if !index.set(x).is_empty() {
                        irregular(index, &pool, x, &recs, &mut out);
                    }
                }
                out
            })
            .collect();
        for c in chunks {
            all.extend_from_slice(&c);
        }
        progress(end);
        start = end;
    }
    all.par_sort_unstable_by_key(|p| (p.a, p.b));
    all
}

/// The pairs of an irregular record `z` from the general prefix index: with every regular
/// record, and with the irregular records after it (so each such pair comes once).
fn irregular(
    index: &DuplicateIndex,
    pool: &ScratchPool,
    z: usize,
    recs: &[Rec],
    out: &mut Vec<Pair>,
) {
    let mut lease = pool.lease();
    let sc = lease.sc.as_mut().expect("a lease holds its value");
    let zs = index.set(z);
    index.probe(zs, 0, None, sc);
    for &y in &sc.cands {
        let y = y as usize;
        if y == z || (recs[y].lens.is_none() && y < z) {
            continue;
        }
        let ys = index.set(y);
        let sim = similarity_from_counts(count_common(zs, ys) as usize, zs.len(), ys.len());
        if is_similar(sim, index.threshold) {
            out.push(Pair {
                a: z.min(y) as u32,
                b: z.max(y) as u32,
                similarity: sim,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values() {
        let v = |s: &[u8; 3]| (s[0] as u32) << 16 | (s[1] as u32) << 8 | s[2] as u32;
        assert!(is_date_value(v(b"  1")));
        assert!(is_date_value(v(b"198")));
        assert!(is_date_value(v(b"85 ")));
        assert!(!is_date_value(v(b" a1")));
        assert!(!is_date_value(v(b"nen")));
    }

    #[test]
    fn requirements_are_conservative() {
        // Any accepted pair of regular records is found in its class.
        let t = 0.5 * (1.0 - 1e-6);
        for (nx, dx) in [
            (20usize, 11usize),
            (5, 11),
            (3, 9),
            (15, 0),
            (8, 8),
            (30, 6),
        ] {
            for (ny, dy) in [(20usize, 11usize), (6, 11), (14, 0), (9, 8), (25, 11)] {
                let (sx, sy) = (nx + dx, ny + dy);
                if sy > sx {
                    continue;
                }
                let (Some(lx), Some(ly)) = (lens(t, SPLIT_K, nx, dx), lens(t, SPLIT_K, ny, dy))
                else {
                    continue;
                };
                for ni in 0..=nx.min(ny) {
                    for di in 0..=dx.min(dy) {
                        let sim = similarity_from_counts(ni + di, sx, sy);
                        if !is_similar(sim, 0.5) {
                            continue;
                        }
                        if di <= SPLIT_K {
                            // Extended prefixes of lengths l_prb and l_idx share two name trigrams.
                            assert!(
                                ni + lx.l_prb as usize >= nx + 2,
                                "{nx} {dx} {ny} {dy} {ni} {di}"
                            );
                            assert!(
                                ni + ly.l_idx as usize >= ny + 2,
                                "{nx} {dx} {ny} {dy} {ni} {di}"
                            );
                        } else {
                            assert!(ni + lx.h_prb as usize > nx);
                            assert!(ni + ly.h_idx as usize > ny);
                            assert!(di + lx.h_dates as usize > dx);
                            assert!(di + ly.h_dates as usize > dy);
                        }
                    }
                }
            }
        }
    }
}
