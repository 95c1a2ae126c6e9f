//! Near-duplicate texts by the Jaccard similarity of their character shingles.
//!
//! Candidate pairs come from an inverted index (shingle → texts, as runs of a sorted list). Shingles found in many texts are
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
    /// Hashes of its shingles, sorted, without repeats.
    shingles: Vec<u64>,
}

impl Shingled {
    /// The shingles of length `k` of a text (at least 1; a text shorter than `k` has none).
    pub(super) fn new(chars: &[char], k: usize) -> Self {
        let mut shingles: Vec<u64> = chars.windows(k.max(1)).map(hash_chars).collect();
        shingles.sort_unstable();
        shingles.dedup();
        Shingled {
            whole: hash_chars(chars),
            shingles,
        }
    }
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

/// Size of the intersection of two sorted sets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two shingle sets: shared / all, 0 for two empty sets.
pub(super) fn jaccard(a: &Shingled, b: &Shingled) -> f64 {
    let n = shared(&a.shingles, &b.shingles);
    let union = a.shingles.len() + b.shingles.len() - n;
    if union == 0 {
        0.0
    } else {
        n as f64 / union as f64
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
    // The index: (shingle, text) sorted, so that each shingle's holders are one run of it, in
    // text order; each text lists its shingles as run numbers. One sort instead of a map of
    // small vectors, one per distinct shingle.
    let mut entries: Vec<(u64, u32)> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.shingles.iter().map(move |&s| (s, i as u32)))
        .collect();
    entries.sort_unstable();
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut runs_of: Vec<Vec<u32>> = texts
        .iter()
        .map(|t| Vec::with_capacity(t.shingles.len()))
        .collect();
    let mut start = 0;
    for run in entries.chunk_by(|a, b| a.0 == b.0) {
        for &(_, i) in run {
            runs_of[i as usize].push(runs.len() as u32);
        }
        runs.push(start..start + run.len());
        start += run.len();
    }
    // Shared-shingle counts of the later texts, dense; `touched` lists the non-zero ones.
    let mut counts: Vec<usize> = vec![0; texts.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        let mut boilerplate = 0;
        for &r in &runs_of[i] {
            let holders = &entries[runs[r as usize].clone()];
            if holders.len() > common_items {
                boilerplate += 1;
                continue;
            }
            // Holders are in text order: only the later ones.
            for &(_, j) in &holders[holders.partition_point(|&(_, j)| j as usize <= i)..] {
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
            let b = texts[j];
            // |A∩B| ≥ min·|A∪B| ≥ min·max(|A|,|B|) is necessary, and |A∩B| ≤ n + boilerplate.
            let larger = a.shingles.len().max(b.shingles.len()) as f64;
            if ((n + boilerplate) as f64) < (min * larger).floor() {
                continue;
            }
            let sim = jaccard(a, b);
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

    #[test]
    fn jaccard_of_known_sets() {
        assert_eq!(jaccard(&set("甲乙丙丁"), &set("甲乙丙丁")), 1.0);
        // {甲乙丙, 乙丙丁} against {乙丙丁, 丙丁戊}: one of three.
        assert!((jaccard(&set("甲乙丙丁"), &set("乙丙丁戊")) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(jaccard(&set("甲乙丙"), &set("丁戊己")), 0.0);
        // Too short for a shingle: nothing to compare, and never a pair.
        assert_eq!(jaccard(&set("甲乙"), &set("甲乙")), 0.0);
        assert!(similar_pairs(&[&set("甲乙"), &set("甲乙")], 0.5, 10).is_empty());
    }

    /// Every pair at or above `min`, comparing all pairs.
    fn brute_force(texts: &[Shingled], min: f64) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                if jaccard(&texts[i], &texts[j]) >= min {
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
