//! Runs of whole sentences that two texts share word for word.
//!
//! A copy-and-paste slip often keeps the measures and changes only the sentence that opens the
//! item ("巡察组调阅会议记录6份,印证了该问题。" before the copied measures): the shingle
//! similarity of the two texts then falls below its threshold although every measure is the
//! same. Here the texts are compared as lists of normalised sentences: the longest run of
//! consecutive sentences both hold, when it is long and makes up most of each text, is a copy.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// One normalised sentence: a hash of its characters and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sentence {
    hash: u64,
    chars: usize,
}

/// The sentences of a normalised text, split at `ends` (indices into `chars` where a sentence
/// ended); empty sentences are dropped.
pub(super) fn sentences(chars: &[char], ends: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for &end in ends.iter().chain(std::iter::once(&chars.len())) {
        let end = end.min(chars.len());
        if end > start {
            let mut h = DefaultHasher::new();
            chars[start..end].hash(&mut h);
            out.push(Sentence {
                hash: h.finish(),
                chars: end - start,
            });
        }
        start = start.max(end);
    }
    out
}

/// The characters of the longest run of consecutive sentences `a` and `b` share, and the
/// number of sentences in it.
fn longest_run(a: &[Sentence], b: &[Sentence]) -> (usize, usize) {
    // run[j]: chars and sentences of the shared run ending at a[i - 1] and b[j - 1].
    let mut prev = vec![(0usize, 0usize); b.len() + 1];
    let mut best = (0, 0);
    for x in a {
        let mut cur = vec![(0usize, 0usize); b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                let (c, n) = prev[j];
                cur[j + 1] = (c + x.chars, n + 1);
                if cur[j + 1].0 > best.0 {
                    best = cur[j + 1];
                }
            }
        }
        prev = cur;
    }
    best
}

/// Pairs (earlier, later, share) of texts that share a run of at least `min_sentences`
/// sentences and `min_chars` characters making up at least `min_share` of each text's
/// characters; share is the run's part of the longer text. Sentences found in more than
/// `common_items` texts are not followed to find candidates.
pub(super) fn shared_runs(
    texts: &[&[Sentence]],
    min_sentences: usize,
    min_chars: usize,
    min_share: f64,
    common_items: usize,
) -> Vec<(usize, usize, f64)> {
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, t) in texts.iter().enumerate() {
        for s in *t {
            let h = holders.entry(s.hash).or_default();
            if h.last() != Some(&i) {
                h.push(i);
            }
        }
    }
    let mut out = Vec::new();
    for (j, t) in texts.iter().enumerate() {
        let mut earlier: Vec<usize> = t
            .iter()
            .filter_map(|s| holders.get(&s.hash))
            .filter(|h| h.len() <= common_items)
            .flat_map(|h| h.iter().copied().take_while(|&i| i < j))
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        let total = |x: &[Sentence]| x.iter().map(|s| s.chars).sum::<usize>();
        for i in earlier {
            let (chars, n) = longest_run(texts[i], t);
            let (ti, tj) = (total(texts[i]), total(t));
            let share_of = |total: usize| chars as f64 / total.max(1) as f64;
            if n >= min_sentences
                && chars >= min_chars
                && share_of(ti) >= min_share
                && share_of(tj) >= min_share
            {
                out.push((i, j, share_of(ti.max(tj))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of `text`, split at 。 (which is dropped).
    fn of(text: &str) -> Vec<Sentence> {
        let mut chars = Vec::new();
        let mut ends = Vec::new();
        for c in text.chars() {
            if c == '。' {
                ends.push(chars.len());
            } else {
                chars.push(c);
            }
        }
        sentences(&chars, &ends)
    }

    #[test]
    fn runs() {
        let copy = "为镇属车辆安装定位终端。实行派车单和行车记录全流程管理。车辆台账已逐月核对。";
        let a = of(&format!("问题集中在下半年。{copy}"));
        let b = of(&format!("巡察组调阅会议记录,印证了该问题。{copy}"));
        let c = of("开展固定资产清查。建立资产台账年度核对制度。");
        let d = of(&format!(
            "问题集中在下半年。{copy}开展固定资产清查。建立资产台账年度核对制度。补登资产台账。清理闲置资产。处置报废设备。"
        ));
        let texts: Vec<&[Sentence]> = vec![&a, &b, &c, &d];
        let found = shared_runs(&texts, 2, 20, 0.6, 50);
        // a and b share the copied measures; d holds a's text but twice as much besides.
        assert_eq!(
            found.iter().map(|&(i, j, _)| (i, j)).collect::<Vec<_>>(),
            vec![(0, 1)]
        );
        assert!(found[0].2 > 0.6 && found[0].2 < 1.0);
        assert_eq!(shared_runs(&texts, 2, 20, 0.6, 1), vec![]);
        assert_eq!(longest_run(&a, &c), (0, 0));
        assert!(sentences(&[], &[0, 3]).is_empty());
    }

    proptest::proptest! {
        /// The same measures after two different opening sentences are always a copy; two
        /// texts with no sentence in common never are.
        #[test]
        fn copies_with_a_new_opening(
            measures in proptest::collection::vec("[村镇组户账款查改建制督办审核管理]{8,20}", 3..6),
            others in proptest::collection::vec("[资金表档案规范落实清退学习会议]{8,20}", 3..6),
            open_a in "[甲乙丙丁]{6,12}",
            open_b in "[戊己庚辛]{6,12}",
        ) {
            let a = of(&format!("{open_a}。{}。", measures.join("。")));
            let b = of(&format!("{open_b}。{}。", measures.join("。")));
            let c = of(&format!("{}。", others.join("。")));
            let texts: Vec<&[Sentence]> = vec![&a, &b, &c];
            let found: Vec<(usize, usize)> = shared_runs(&texts, 2, 20, 0.6, 50)
                .into_iter()
                .map(|(i, j, _)| (i, j))
                .collect();
            proptest::prop_assert_eq!(found, vec![(0, 1)]);
        }
    }
}
