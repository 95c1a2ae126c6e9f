//! Near-duplicate texts by the Jaccard similarity of their character shingles.
//!
//! Candidate pairs come from an inverted index (shingle → texts, as runs of one list). Shingles found in many texts are
//! boilerplate and are not followed, which bounds the work per text; a pair is compared only when
//! the shingles it could share can reach the threshold, a bound that never drops a pair that shares
//! at least one shingle outside the boilerplate. Identical texts are grouped by a hash of the whole.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Shingles are hashes already: a map keyed by them need not hash them again.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a hash.
type ByHash<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

/// A text as a set of shingles.
pub(super) struct Shingled {
    /// Hash of the whole text.
    whole: u64,
    /// Hashes of its shingles in text order, repeats included: the index drops the repeats
    /// as it numbers them, so no text's shingles need sorting.
    shingles: Vec<u64>,
}

impl Shingled {
    /// The shingles of length `k` of a text (at least 1; a text shorter than `k` has none).
    ///
    /// Each shingle is hashed by a rolling polynomial hash, `Σ cᵢ·Bᵏ⁻¹⁻ⁱ` over its characters
    /// (mod 2⁶⁴): moving the window one character on costs one multiplication and two
    /// additions, not `k` characters hashed again. The hash is then mixed (a bijection, so no
    /// shingles are merged by it) so that its low bits are as good as its high ones for the
    /// index's hash map.
    pub(super) fn new(chars: &[char], k: usize) -> Self {
        let k = k.max(1);
        let mut shingles: Vec<u64> = Vec::with_capacity(chars.len().saturating_sub(k - 1));
        // B^k: what the character leaving the window was multiplied by.
        let top = (0..k).fold(1u64, |p, _| p.wrapping_mul(ROLL_BASE));
        let mut h: u64 = 0;
        for (i, &c) in chars.iter().enumerate() {
            h = h.wrapping_mul(ROLL_BASE).wrapping_add(u64::from(c));
            if i >= k {
                h = h.wrapping_sub(u64::from(chars[i - k]).wrapping_mul(top));
            }
            if i + 1 >= k {
                shingles.push(mix(h));
            }
        }
        Shingled {
            whole: hash_chars(chars),
            shingles,
        }
    }
}

/// The base of the rolling hash: odd (so that multiplying by it loses no bits) and large.
const ROLL_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// A bijective mix of 64 bits (the finaliser of SplitMix64).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over characters: stable across runs, no global state.
fn hash_chars(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Jaccard similarity of two sets of sizes `a` and `b` that share `shared`: shared / all, 0 for
/// two empty sets.
fn jaccard(shared: usize, a: usize, b: usize) -> f64 {
    let union = a + b - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Pairs (earlier, later, similarity) whose similarity is at least `min`, each pair once, in order.
/// Shingles found in more than `common_items` texts are not followed to find candidates.
pub(super) fn similar_pairs(
    texts: &[&Shingled],
    min: f64,
    common_items: usize,
) -> Vec<(usize, usize, f64)> {
    let mut out = Vec::new();
    let mut by_whole: ByHash<usize> = ByHash::default();
    for (j, text) in texts.iter().enumerate() {
        match by_whole.get(&text.whole) {
            Some(&i) if !text.shingles.is_empty() => out.push((i, j, 1.0)),
            Some(_) => {}
            None => {
                by_whole.insert(text.whole, j);
            }
        }
    }
    // The index: the distinct shingles numbered in order of first appearance (a hash map, one
    // look-up per shingle), then each one's holders as a run of one list, in text order (a
    // counting sort by number): linear in the shingles, with no sort and no vector per shingle.
    let total: usize = texts.iter().map(|t| t.shingles.len()).sum();
    let mut number: ByHash<u32> = ByHash::with_capacity_and_hasher(total, Default::default());
    // Each text's distinct shingles as numbers, text after text (`starts[i]..starts[i + 1]`
    // are text i's); `held[n]`: how many texts hold `n`; `last[n]`: the last text that did
    // (plus one), which drops a text's repeats.
    let mut numbers: Vec<u32> = Vec::with_capacity(total);
    let mut starts: Vec<usize> = Vec::with_capacity(texts.len() + 1);
    let mut held: Vec<u32> = Vec::new();
    let mut last: Vec<u32> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        starts.push(numbers.len());
        let i = i as u32 + 1;
        for &s in &t.shingles {
            let next = held.len() as u32;
            let n = *number.entry(s).or_insert(next);
            if n == next {
                held.push(0);
                last.push(0);
            }
            if last[n as usize] == i {
                continue;
            }
            last[n as usize] = i;
            held[n as usize] += 1;
            numbers.push(n);
        }
    }
    starts.push(numbers.len());
    drop(number);
    let own = |i: usize| &numbers[starts[i]..starts[i + 1]];
    // runs[n]..runs[n + 1]: where the holders of shingle `n` are in `holders`.
    let mut runs: Vec<u32> = Vec::with_capacity(held.len() + 1);
    runs.push(0);
    for &h in &held {
        runs.push(runs[runs.len() - 1] + h);
    }
    let mut fill: Vec<u32> = runs[..held.len()].to_vec();
    let mut holders: Vec<u32> = vec![0; numbers.len()];
    for i in 0..texts.len() {
        for &n in own(i) {
            holders[fill[n as usize] as usize] = i as u32;
            fill[n as usize] += 1;
        }
    }
    // Shared-shingle counts of the later texts, dense; `touched` lists the non-zero ones.
    let mut counts: Vec<usize> = vec![0; texts.len()];
    let mut touched: Vec<usize> = Vec::new();
    // `last` again, now marking the shingles of the text at hand (plus one) to count what a
    // candidate shares with it, in one pass over the candidate's shingles.
    last.fill(0);
    for i in 0..texts.len() {
        let mut boilerplate = 0;
        let a = own(i);
        for &n in a {
            last[n as usize] = i as u32 + 1;
            let n = n as usize;
            let holders = &holders[runs[n] as usize..runs[n + 1] as usize];
            if holders.len() > common_items {
                boilerplate += 1;
                continue;
            }
            // Holders are in text order: only the later ones.
            for &j in &holders[holders.partition_point(|&j| j as usize <= i)..] {
                let j = j as usize;
                if counts[j] == 0 {
                    touched.push(j);
                }
                counts[j] += 1;
            }
        }
        touched.sort_unstable();
        for j in touched.drain(..) {
            let n = std::mem::take(&mut counts[j]);
            let b = own(j);
            // |A∩B| ≥ min·|A∪B| ≥ min·max(|A|,|B|) is necessary, and |A∩B| ≤ n + boilerplate.
            let larger = a.len().max(b.len()) as f64;
            if ((n + boilerplate) as f64) < (min * larger).floor() {
                continue;
            }
            let shared = b
                .iter()
                .filter(|&&m| last[m as usize] == i as u32 + 1)
                .count();
            let sim = jaccard(shared, a.len(), b.len());
            if sim >= min {
                out.push((i, j, sim));
            }
        }
    }
    // An identical pair may be found both ways.
    out.sort_by_key(|&(i, j, _)| (i, j));
    out.dedup_by_key(|&mut (i, j, _)| (i, j));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(text: &str) -> Shingled {
        Shingled::new(&text.chars().collect::<Vec<_>>(), 3)
    }

    /// Jaccard similarity of two texts' shingle sets, by sets.
    fn sets_jaccard(a: &Shingled, b: &Shingled) -> f64 {
        use std::collections::HashSet;
        let a: HashSet<u64> = a.shingles.iter().copied().collect();
        let b: HashSet<u64> = b.shingles.iter().copied().collect();
        jaccard(a.intersection(&b).count(), a.len(), b.len())
    }

    #[test]
    fn jaccard_of_known_sets() {
        assert_eq!(sets_jaccard(&set("甲乙丙丁"), &set("甲乙丙丁")), 1.0);
        // {甲乙丙, 乙丙丁} against {乙丙丁, 丙丁戊}: one of three.
        assert!((sets_jaccard(&set("甲乙丙丁"), &set("乙丙丁戊")) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(sets_jaccard(&set("甲乙丙"), &set("丁戊己")), 0.0);
        // Repeated shingles count once: {甲乙丙, 乙丙甲, 丙甲乙} against itself.
        assert_eq!(
            sets_jaccard(&set("甲乙丙甲乙丙甲"), &set("甲乙丙甲乙丙甲")),
            1.0
        );
        // Too short for a shingle: nothing to compare, and never a pair.
        assert_eq!(sets_jaccard(&set("甲乙"), &set("甲乙")), 0.0);
        assert!(similar_pairs(&[&set("甲乙"), &set("甲乙")], 0.5, 10).is_empty());
    }

    /// Every pair at or above `min`, comparing all pairs.
    fn brute_force(texts: &[Shingled], min: f64) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                if sets_jaccard(&texts[i], &texts[j]) >= min {
                    out.push((i, j));
                }
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// With no shingle treated as boilerplate, the index finds exactly the pairs that an
        /// all-pairs comparison finds; with a small cap, every pair it finds is a true one.
        #[test]
        fn the_index_agrees_with_comparing_every_pair(
            raw in prop::collection::vec("[甲乙丙丁戊]{0,12}", 0..12),
            min in 0.3f64..1.0,
            cap in 1usize..4,
        ) {
            let texts: Vec<Shingled> = raw.iter().map(|t| set(t)).collect();
            let refs: Vec<&Shingled> = texts.iter().collect();
            let mut found: Vec<(usize, usize)> = similar_pairs(&refs, min, usize::MAX)
                .into_iter().map(|(i, j, _)| (i, j)).collect();
            found.sort_unstable();
            prop_assert_eq!(found, brute_force(&texts, min));
            let capped = similar_pairs(&refs, min, cap);
            let all = brute_force(&texts, min);
            for (i, j, _) in capped {
                prop_assert!(all.contains(&(i, j)));
            }
        }
    }
}
