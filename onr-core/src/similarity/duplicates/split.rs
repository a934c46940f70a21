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
//! * **L** (`|Dx ∩ Dy| <= K`): the names alone must share `r = need - min(K, |Dx|)`
//!   trigrams (a record without a date gets no slack), where `need` is the least overlap the
//!   pair's sizes allow. Then the first *two* common name
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
//! anything (`r < 2`), or so long that its pairs of trigrams would be too many, is
//! *irregular*: its pairs come from the general prefix index
//! instead. Every candidate is verified with pg_trgm's single-precision formula.
//!
//! The keys are never stored all at once. The work is grouped by the first name trigram of
//! a key: the group of trigram `t` lists the records with `t` in a prefix (as `(order,
//! position)` postings), expands them into entries under their second keys (the later name
//! trigrams of the extended prefix, or the date trigrams of the date prefix) and sorts them
//! by key with a counting sort. Within the run of one key, each record is compared with the
//! earlier records of the run that are indexed under the key and whose size it can pair
//! with: a sequential scan that tests each pair's 128-bit signatures (a few instructions)
//! instead of reaching into a record elsewhere in memory.
//!
//! A pair sharing several keys is found under each of them; it is kept only under its
//! *canonical* key, so that no pair is ever stored to be deduplicated later. Every condition
//! of a key (prefix positions, the partner sizes its reach allows) is monotone in the
//! positions of the key's trigrams, so a pair found under any key is also found under the
//! one made of its first common trigrams: class L under (first common name trigram, second
//! common name trigram), class H under (first common name trigram, first common date
//! trigram), and a pair that class L finds is kept there and not in class H. One merge of the
//! two records' ranks decides this and counts the overlap for the verification; a pair that
//! is not canonical leaves at its first or second common trigram. Verified pairs go to a
//! per-thread buffer of [`BLOCK`] pairs, handed to the caller's sink when full: the join's
//! memory is the index, the per-thread group space (linear in the records of one group), and
//! those buffers, never the number of pairs.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::{pair_min_overlap, size_bounds, DuplicateIndex, Pair, Pool, ScratchPool};
use crate::similarity::trigram::{count_common, is_similar, similarity_from_counts};

/// Pairs per block handed to the sink (12 bytes each: 768 KiB).
pub(super) const BLOCK: usize = 65_536;

/// Where the join's verified pairs go, from any worker thread: a full block at a time (the
/// last ones may be shorter, never empty). Returning `false` stops the join early.
pub(super) type Emit<'a> = &'a (dyn Fn(Vec<Pair>) -> bool + Sync);

/// Pairs sharing more than this many date trigrams are class H, the others class L (of 5-9,
/// 7 and 8 were fastest, within 2%, on the registry-shaped benchmark data; any value gives
/// the same pairs).
pub(super) const SPLIT_K: usize = 8;

/// The longest extended probe prefix a regular record may have. A record is expanded into
/// about half the square of it in entries (each pair of its trigrams), so a much longer text
/// (a person has 15 to 40) is left to the general prefix index, which is linear in it.
const MAX_EXTENDED_PREFIX: u32 = 64;

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
    // A class-L pair shares at most k date trigrams, and at most all d of this record's.
    let k_own = k.min(d) as i64;
    if need_prb - k_own < 2 {
        return None;
    }
    let mut l = Lens {
        l_idx: prefix(n, need_idx - k_own - 1),
        l_prb: prefix(n, need_prb - k_own - 1),
        ..Lens::default()
    };
    if l.l_prb > MAX_EXTENDED_PREFIX {
        return None;
    }
    let k = k as i64;
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

/// The size-dependent bounds of the join, tabulated for set sizes below `SMALL` (and
/// computed for larger ones).
struct Bounds {
    t: f64,
    /// `a + b - 2 pair_min_overlap(t, a, b)` per `(a, b)`.
    max_diff: Vec<i32>,
    /// `size_bounds(t, a).0` per `a`.
    lo: Vec<u32>,
    /// `reach(t, a, lo(a), allowed)` per `(a, allowed)`, `allowed < 2 SMALL`.
    reach: Vec<u32>,
}

impl Bounds {
    const SMALL: usize = 128;

    fn new(t: f64) -> Self {
        let n = Self::SMALL;
        Bounds {
            t,
            max_diff: (0..n * n)
                .map(|i| max_diff(t, i / n, i % n) as i32)
                .collect(),
            lo: (0..n).map(|a| size_bounds(t, a).0 as u32).collect(),
            reach: (0..n * 2 * n)
                .map(|i| {
                    let (a, allowed) = (i / (2 * n), i % (2 * n));
                    reach(t, a, size_bounds(t, a).0, allowed) as u32
                })
                .collect(),
        }
    }

    /// The most bits in which the signatures of an accepted pair of sizes `a` and `b` can
    /// differ: `(a + b - diff) / 2` bounds their overlap from above (differing bits are
    /// distinct trigrams of the symmetric difference), and the overlap must reach
    /// `pair_min_overlap`.
    #[inline]
    fn max_diff(&self, a: usize, b: usize) -> i64 {
        if a < Self::SMALL && b < Self::SMALL {
            self.max_diff[a * Self::SMALL + b] as i64
        } else {
            max_diff(self.t, a, b)
        }
    }

    /// The smallest partner size a set of size `a` can pair with.
    #[inline]
    fn lo(&self, a: usize) -> usize {
        match self.lo.get(a) {
            Some(&lo) => lo as usize,
            None => size_bounds(self.t, a).0,
        }
    }

    /// See [`reach`].
    #[inline]
    fn reach(&self, a: usize, allowed: usize) -> usize {
        if a < Self::SMALL && allowed < 2 * Self::SMALL {
            self.reach[a * 2 * Self::SMALL + allowed] as usize
        } else {
            reach(self.t, a, self.lo(a), allowed)
        }
    }
}

fn max_diff(t: f64, a: usize, b: usize) -> i64 {
    (a + b) as i64 - 2 * pair_min_overlap(t, a, b) as i64
}

/// The largest partner size `b` in `[lo, a]` with `pair_min_overlap(t, a, b) <= allowed`, or
/// 0 when there is none. (The least overlap grows with `b`; the closed form
/// `b <= allowed (1 + t) / t - a` is only a starting point, the exact test decides.)
fn reach(t: f64, a: usize, lo: usize, allowed: usize) -> usize {
    let fits = |b: usize| pair_min_overlap(t, a, b) as usize <= allowed;
    if lo > a || !fits(lo) {
        return 0;
    }
    let guess = if t > 0.0 {
        (allowed as f64 * (1.0 + t) / t).floor() - a as f64
    } else {
        a as f64
    };
    let mut b = guess.clamp(lo as f64, a as f64) as usize;
    while b < a && fits(b + 1) {
        b += 1;
    }
    while b > lo && !fits(b) {
        b -= 1;
    }
    b
}

/// A record as the groups see it, by order position (set size, input position).
#[derive(Clone, Copy)]
struct OrdRec {
    sig: [u64; 2],
    /// Where its ranks start in the join's rank array: name ranks, then date ranks.
    start: usize,
    size: u32,
    /// Number of name ranks.
    n: u32,
    /// `None` for an irregular record (or one with no trigrams).
    lens: Option<Lens>,
}

/// One record under one key of a group: the second name rank of a class-L pair, or the date
/// rank of a class-H combination.
#[derive(Clone, Copy, Default)]
struct Entry {
    sig: [u64; 2],
    key: u32,
    /// Position in the order.
    order: u32,
    size: u32,
    /// As the later record of a pair, the record can pair through this key with partners
    /// of sizes `[lo(size), reach]`.
    reach: u32,
    /// Whether the key lies in the record's index prefixes, so that it can also be the
    /// earlier record of a pair.
    indexed: bool,
    /// R-S join: whether the record is on the batch's side (pairs on one side are skipped).
    side: bool,
    /// The record's first name rank: two records whose first ranks are equal and are not
    /// the group's share a name trigram before it, so the group is not their canonical one.
    first: u32,
    /// Class L: the name rank right after the group's in the record; class H: the record's
    /// first date rank. Equal in two records and not the key: they share a trigram before
    /// the key, which is then not their canonical one.
    next: u32,
}

/// Per-thread working space of the groups.
struct GroupScratch {
    /// Per key (rank): its bucket in the current group, or `u32::MAX`.
    slot: Vec<u32>,
    /// The keys of the current group's buckets, in order of first appearance.
    keys: Vec<u32>,
    /// Per bucket: where its indexed entries start, then its other entries, then the end.
    bounds: Vec<[usize; 3]>,
    /// Per bucket: the next free place for an indexed entry and for another one.
    fill: Vec<[usize; 2]>,
    entries: Vec<Entry>,
    sorted: Vec<Entry>,
    /// Candidates `[earlier, later, key]` (order positions) not yet verified (at most
    /// [`CANDIDATES`]): verified in order of the earlier record, for locality.
    cands: Vec<[u32; 3]>,
    /// Verified pairs not yet handed to the sink (at most [`BLOCK`]).
    found: Vec<Pair>,
}

/// Candidates gathered before they are sorted and verified.
const CANDIDATES: usize = 1 << 16;

impl GroupScratch {
    fn new(keys: usize) -> Self {
        GroupScratch {
            slot: vec![u32::MAX; keys],
            keys: Vec::new(),
            bounds: Vec::new(),
            fill: Vec::new(),
            entries: Vec::new(),
            sorted: Vec::new(),
            cands: Vec::new(),
            found: Vec::new(),
        }
    }

    /// The pairs among `entries` (one group `r` of class `class`, pushed in ascending order)
    /// whose canonical key this is and that reach the threshold, added to `found` (and
    /// handed on in blocks): within the entries of each key, every record with each earlier,
    /// indexed record whose size it can pair with and whose signature passes the bitmap
    /// filter is a candidate.
    fn pairs(&mut self, cx: &Ctx<'_>, class: Class, r: u32) {
        // A stable counting sort by (key, not indexed): each key's indexed entries, then its
        // others, each part still in ascending order.
        self.keys.clear();
        self.bounds.clear();
        for e in &self.entries {
            let s = &mut self.slot[e.key as usize];
            if *s == u32::MAX {
                *s = self.keys.len() as u32;
                self.keys.push(e.key);
                self.bounds.push([0; 3]);
            }
            self.bounds[*s as usize][usize::from(!e.indexed) + 1] += 1;
        }
        // Counts -> bounds: [start, start of the other entries, end].
        let mut at = 0;
        for b in &mut self.bounds {
            let (indexed, others) = (b[1], b[2]);
            *b = [at, at + indexed, at + indexed + others];
            at = b[2];
        }
        self.fill.clear();
        self.fill.extend(self.bounds.iter().map(|b| [b[0], b[1]]));
        self.sorted.clear();
        self.sorted.resize(self.entries.len(), Entry::default());
        for e in &self.entries {
            let bucket = self.slot[e.key as usize] as usize;
            let f = &mut self.fill[bucket][usize::from(!e.indexed)];
            self.sorted[*f] = *e;
            *f += 1;
        }
        for &k in &self.keys {
            self.slot[k as usize] = u32::MAX;
        }
        for &[start, mid, end] in &self.bounds {
            let indexed = &self.sorted[start..mid];
            if indexed.is_empty() {
                continue;
            }
            if cx.stop.load(Ordering::Relaxed) {
                return;
            }
            for (i, x) in indexed.iter().enumerate().skip(1) {
                candidates(x, &indexed[..i], cx, r, &mut self.cands);
                if self.cands.len() >= CANDIDATES {
                    verify(&mut self.cands, &mut self.found, cx, class, r);
                }
            }
            for x in &self.sorted[mid..end] {
                let before = indexed.partition_point(|y| y.order < x.order);
                candidates(x, &indexed[..before], cx, r, &mut self.cands);
                if self.cands.len() >= CANDIDATES {
                    verify(&mut self.cands, &mut self.found, cx, class, r);
                }
            }
        }
        verify(&mut self.cands, &mut self.found, cx, class, r);
    }
}

/// Verifies the gathered candidates of group `r`: sorted, each pair once under the smallest
/// key it was found with (its canonical key if it has been found under that: the canonical
/// key is the smallest common one), into `found`, handed on in blocks.
fn verify(cands: &mut Vec<[u32; 3]>, found: &mut Vec<Pair>, cx: &Ctx<'_>, class: Class, r: u32) {
    cands.sort_unstable();
    cands.dedup_by(|b, a| a[0] == b[0] && a[1] == b[1]);
    for &[y, x, key] in cands.iter() {
        if let Some(p) = cx.verify(y, x, class, r, key) {
            found.push(p);
            if found.len() >= BLOCK {
                cx.flush(found);
            }
        }
    }
    cands.clear();
}

/// The class of a group's keys: L (pairs of name trigrams) or H (date trigram, name trigram).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    L,
    H,
}

/// What the groups share: the records in order, their regrouped ranks, the bounds, and the
/// sink.
struct Ctx<'a> {
    od: &'a [OrdRec],
    ranks: &'a [u32],
    by_order: &'a [u32],
    bounds: &'a Bounds,
    k: usize,
    threshold: f64,
    emit: Emit<'a>,
    /// R-S join: the records at positions `>= cut` are the batch's (see [`self_join`]).
    cut: Option<u32>,
    stop: &'a AtomicBool,
}

impl Ctx<'_> {
    fn names(&self, r: &OrdRec) -> &[u32] {
        &self.ranks[r.start..r.start + r.n as usize]
    }

    fn dates(&self, r: &OrdRec) -> &[u32] {
        &self.ranks[r.start + r.n as usize..r.start + r.size as usize]
    }

    /// Hands a full buffer to the sink.
    fn flush(&self, found: &mut Vec<Pair>) {
        if found.is_empty() {
            return;
        }
        let block = std::mem::replace(found, Vec::with_capacity(BLOCK));
        if !self.stop.load(Ordering::Relaxed) && !(self.emit)(block) {
            self.stop.store(true, Ordering::Relaxed);
        }
    }

    /// The pair of the earlier record `y` and the later record `x` (order positions), found
    /// in group `r` of `class` under `key`: `Some` when this is the pair's canonical key and
    /// the pair reaches the threshold.
    fn verify(&self, y: u32, x: u32, class: Class, r: u32, key: u32) -> Option<Pair> {
        let (xr, yr) = (&self.od[x as usize], &self.od[y as usize]);
        let (xn, yn) = (self.names(xr), self.names(yr));
        // The first two common name trigrams (position in x, position in y).
        let mut second: Option<(usize, usize)> = None;
        let (mut i, mut j, mut common) = (0usize, 0usize, 0usize);
        while i < xn.len() && j < yn.len() {
            let (a, b) = (xn[i], yn[j]);
            if a == b {
                match common {
                    0 if a != r => return None,
                    1 if class == Class::L && a != key => return None,
                    1 => second = Some((i, j)),
                    _ => {}
                }
                common += 1;
            }
            i += (a <= b) as usize;
            j += (b <= a) as usize;
        }
        let (xd, yd) = (self.dates(xr), self.dates(yr));
        let (mut i, mut j, mut first_date) = (0usize, 0usize, true);
        while i < xd.len() && j < yd.len() {
            let (a, b) = (xd[i], yd[j]);
            if a == b {
                if first_date && class == Class::H && a != key {
                    return None;
                }
                first_date = false;
                common += 1;
            }
            i += (a <= b) as usize;
            j += (b <= a) as usize;
        }
        if class == Class::H && self.l_finds(xr, yr, second) {
            return None;
        }
        let sim = similarity_from_counts(common, xr.size as usize, yr.size as usize);
        if !is_similar(sim, self.threshold) {
            return None;
        }
        let (px, py) = (self.by_order[x as usize], self.by_order[y as usize]);
        Some(Pair {
            a: px.min(py),
            b: px.max(py),
            similarity: sim,
        })
    }

    /// Whether class L finds the pair of the later record `x` and the earlier `y` (both
    /// regular, sizes and signatures already passed), given the positions of their second
    /// common name trigram: under (first, second common name trigram) `x` holds an entry,
    /// `y` is indexed, and the reach of `x`'s entry covers `y`'s size.
    fn l_finds(&self, x: &OrdRec, y: &OrdRec, second: Option<(usize, usize)>) -> bool {
        let (Some((ix, iy)), Some(lx), Some(ly)) = (second, x.lens, y.lens) else {
            return false;
        };
        let k_own = self.k.min((x.size - x.n) as usize);
        ix < lx.l_prb as usize
            && iy < ly.l_idx.min(ly.l_prb) as usize
            && y.size as usize
                <= self
                    .bounds
                    .reach(x.size as usize, x.n as usize + 1 - ix + k_own)
    }
}

/// The candidates of `x` among the records of `earlier` (indexed, ascending order, so
/// ascending size) in group `r`: size in `[lo, reach]`, a signature that passes the bitmap
/// filter, and not shown non-canonical by the entries alone (see [`Entry::first`]), added
/// to `cands` as `[earlier, later, key]`.
#[inline]
fn candidates(x: &Entry, earlier: &[Entry], cx: &Ctx<'_>, r: u32, cands: &mut Vec<[u32; 3]>) {
    let (bounds, cross) = (cx.bounds, cx.cut.is_some());
    let a = x.size as usize;
    let (lo, reach) = (bounds.lo(a), x.reach as usize);
    if reach < lo {
        return;
    }
    let from = earlier.partition_point(|y| (y.size as usize) < lo);
    let to = earlier.partition_point(|y| y.size as usize <= reach);
    for y in &earlier[from..to] {
        if cross && x.side == y.side {
            continue;
        }
        let diff = (x.sig[0] ^ y.sig[0]).count_ones() + (x.sig[1] ^ y.sig[1]).count_ones();
        let elsewhere =
            (x.first == y.first && x.first != r) || (x.next == y.next && x.next != x.key);
        if !elsewhere && diff as i64 <= bounds.max_diff(a, y.size as usize) {
            cands.push([y.order, x.order, x.key]);
        }
    }
}

/// The self-join of `index` (pairs `a < b`, each once, in no particular order), handed to
/// `emit` in blocks from the worker threads as they are verified; `progress` is called on
/// the calling thread with the number of records done so far (an estimate while the groups
/// run). Stops early when `emit` returns `false`.
///
/// With a `cut`, only the pairs across it (`a < cut <= b`): the R-S join of the records
/// before the cut and those after it. Pairs on one side are dropped where they become
/// candidates, before any verification; the keys, filters and canonical-key rules are the
/// self-join's, so the pairs across are exactly the self-join's.
pub(super) fn self_join(
    index: &DuplicateIndex,
    k: usize,
    cut: Option<u32>,
    emit: Emit<'_>,
    progress: &mut dyn FnMut(usize),
) {
    let n_rec = index.len();
    let t = index.filter_t;
    let mut date_rank = vec![false; index.vocab.len()];
    for &(value, rank) in &index.vocab {
        date_rank[rank as usize] = is_date_value(value);
    }
    let mut by_order: Vec<u32> = (0..n_rec as u32).collect();
    by_order.sort_by_key(|&i| (index.size(i), i));
    // The sets in order position order, each regrouped: name ranks then date ranks, each
    // ascending (rarest first).
    let mut ranks = vec![0u32; index.ranks.len()];
    let mut od: Vec<OrdRec> = Vec::with_capacity(n_rec);
    {
        let mut slices = Vec::with_capacity(n_rec);
        let mut rest: &mut [u32] = &mut ranks;
        let mut start = 0;
        for &i in &by_order {
            let set = index.set(i as usize);
            let (head, tail) = rest.split_at_mut(set.len());
            slices.push((head, set));
            rest = tail;
            let n = set.iter().filter(|&&r| !date_rank[r as usize]).count();
            od.push(OrdRec {
                sig: index.sigs[i as usize],
                start,
                size: set.len() as u32,
                n: n as u32,
                lens: if set.is_empty() {
                    None
                } else {
                    lens(t, k, n, set.len() - n)
                },
            });
            start += set.len();
        }
        slices.par_iter_mut().for_each(|(dst, set)| {
            let names = set.iter().filter(|&&r| !date_rank[r as usize]);
            let dates = set.iter().filter(|&&r| date_rank[r as usize]);
            for (d, &r) in dst.iter_mut().zip(names.chain(dates)) {
                *d = r;
            }
        });
    }
    let bounds = Bounds::new(t);
    let stop = AtomicBool::new(false);
    let cx = Ctx {
        od: &od,
        ranks: &ranks,
        by_order: &by_order,
        bounds: &bounds,
        k,
        threshold: index.threshold,
        emit,
        cut,
        stop: &stop,
    };
    let names = |r: &OrdRec| cx.names(r);
    let dates = |r: &OrdRec| cx.dates(r);
    let vocab = index.vocab.len();
    // Postings by name rank, items `order << 32 | position`: class L under each trigram of the
    // extended probe prefix that has a second one after it, class H under each trigram of the
    // probe prefix (records with class-H pairs only).
    let l_post: Lists<u64> = Lists::build(vocab, |push| {
        for (o, r) in od.iter().enumerate() {
            if let Some(l) = r.lens {
                let ext = &names(r)[..l.l_prb as usize];
                for (p, &rank) in ext.iter().enumerate().take(ext.len().saturating_sub(1)) {
                    push(rank, (o as u64) << 32 | p as u64);
                }
            }
        }
    });
    let h_post: Lists<u64> = Lists::build(vocab, |push| {
        for (o, r) in od.iter().enumerate() {
            if let Some(l) = r.lens.filter(|l| l.h_dates > 0) {
                for (p, &rank) in names(r)[..l.h_prb as usize].iter().enumerate() {
                    push(rank, (o as u64) << 32 | p as u64);
                }
            }
        }
    });
    // Everything the records indexed under name rank `r` pair with through `r`.
    let group = |r: u32, sc: &mut GroupScratch| {
        sc.entries.clear();
        for &e in l_post.get(r) {
            let (o, p) = ((e >> 32) as u32, e as u32 as usize);
            let rec = &od[o as usize];
            let (Some(l), nx) = (rec.lens, names(rec)) else {
                continue;
            };
            let k_own = k.min((rec.size - rec.n) as usize);
            for (j, &t2) in nx.iter().enumerate().take(l.l_prb as usize).skip(p + 1) {
                // t2 at position j of x's extended prefix: in the partner's for requirements
                // up to `n - (j - 1)` name trigrams beyond `k_own` dates.
                sc.entries.push(Entry {
                    sig: rec.sig,
                    side: cut.is_some_and(|c| by_order[o as usize] >= c),
                    key: t2,
                    order: o,
                    size: rec.size,
                    reach: bounds.reach(rec.size as usize, nx.len() + 1 - j + k_own) as u32,
                    indexed: j < l.l_idx as usize,
                    first: nx[0],
                    next: nx[p + 1],
                });
            }
        }
        sc.pairs(&cx, Class::L, r);
        sc.entries.clear();
        for &e in h_post.get(r) {
            let (o, j) = ((e >> 32) as u32, e as u32 as usize);
            let rec = &od[o as usize];
            let (Some(l), nx, dx) = (rec.lens, names(rec), dates(rec)) else {
                continue;
            };
            // Name trigram j in the partner's prefix for requirements up to `n - j` names
            // beyond all of x's dates.
            let reach = bounds.reach(rec.size as usize, nx.len() - j + dx.len()) as u32;
            for &dr in &dx[..l.h_dates as usize] {
                sc.entries.push(Entry {
                    sig: rec.sig,
                    side: cut.is_some_and(|c| by_order[o as usize] >= c),
                    key: dr,
                    order: o,
                    size: rec.size,
                    reach,
                    indexed: j < l.h_idx as usize,
                    first: nx[0],
                    next: dx[0],
                });
            }
        }
        sc.pairs(&cx, Class::H, r);
    };

    // Groups heaviest first, in blocks of about equal work (the progress steps).
    let weight = |r: u32| l_post.get(r).len() + h_post.get(r).len();
    let mut group_ranks: Vec<u32> = (0..vocab as u32).filter(|&r| weight(r) > 0).collect();
    group_ranks.sort_by_key(|&r| std::cmp::Reverse(weight(r)));
    let total: usize = group_ranks.iter().map(|&r| weight(r)).sum();
    let odd: Vec<usize> = (0..n_rec)
        .filter(|&o| od[o].lens.is_none() && od[o].size > 0)
        .map(|o| by_order[o] as usize)
        .collect();
    // Progress in records: the regular ones as the groups' work is done, then the others.
    let regular = n_rec - odd.len();
    let pool = Pool::new(move || GroupScratch::new(vocab));
    let mut done = 0usize;
    let mut rest: &[u32] = &group_ranks;
    while !rest.is_empty() && !stop.load(Ordering::Relaxed) {
        let mut take = 0;
        let mut w = 0;
        while take < rest.len() && (w < total / 16 || take < 64) {
            w += weight(rest[take]);
            take += 1;
        }
        let (block, tail) = rest.split_at(take);
        block.par_iter().for_each_init(
            || pool.lease(),
            |lease, &r| {
                if !stop.load(Ordering::Relaxed) {
                    group(r, lease.sc.as_mut().expect("a lease holds its value"));
                }
            },
        );
        // Every lease is back: hand on what the buffers hold.
        if let Ok(mut free) = pool.free.lock() {
            for sc in free.iter_mut() {
                cx.flush(&mut sc.found);
            }
        }
        done += w;
        progress((regular as u128 * done as u128 / total.max(1) as u128) as usize);
        rest = tail;
    }
    drop(pool);
    let mut regular_rec = vec![true; n_rec];
    for &z in &odd {
        regular_rec[z] = false;
    }
    let scratch = ScratchPool::scratch(n_rec);
    let buffers: Pool<Vec<Pair>> = Pool::new(Vec::new);
    odd.par_chunks(64).for_each(|zs| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let mut lease = buffers.lease();
        let out = lease.sc.as_mut().expect("a lease holds its value");
        for &z in zs {
            irregular(index, &scratch, z, &regular_rec, cut, out);
            if out.len() >= BLOCK {
                cx.flush(out);
            }
        }
    });
    if let Ok(mut free) = buffers.free.lock() {
        for out in free.iter_mut() {
            cx.flush(out);
        }
    }
    progress(n_rec);
}

/// The pairs of an irregular record `z` from the general prefix index: with every regular
/// record, and with the irregular records after it (so each such pair comes once).
fn irregular(
    index: &DuplicateIndex,
    pool: &ScratchPool,
    z: usize,
    regular: &[bool],
    cut: Option<u32>,
    out: &mut Vec<Pair>,
) {
    let side = |i: usize| cut.map(|c| i >= c as usize);
    let mut lease = pool.lease();
    let sc = lease.sc.as_mut().expect("a lease holds its value");
    let zs = index.set(z);
    index.probe(zs, 0, None, sc);
    for &y in &sc.cands {
        let y = y as usize;
        if y == z || (!regular[y] && y < z) || (cut.is_some() && side(y) == side(z)) {
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
    fn bounds_match_their_definitions() {
        // Inside and past the tabulated sizes.
        for t in [0.3, 0.5 * (1.0 - 1e-6), 0.7, 1.0] {
            let bounds = Bounds::new(t);
            for a in 1..2 * Bounds::SMALL + 20 {
                let lo = size_bounds(t, a).0;
                assert_eq!(bounds.lo(a), lo);
                for allowed in 0..2 * a + 4 {
                    let want = (lo..=a)
                        .filter(|&b| pair_min_overlap(t, a, b) as usize <= allowed)
                        .max()
                        .unwrap_or(0);
                    assert_eq!(bounds.reach(a, allowed), want, "t={t} a={a} {allowed}");
                }
                for b in (0..a + 10).step_by(7) {
                    let want = (a + b) as i64 - 2 * pair_min_overlap(t, a, b) as i64;
                    assert_eq!(bounds.max_diff(a, b), want);
                }
            }
        }
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
