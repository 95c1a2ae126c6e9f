//! Approximation markers before and after a figure (`约`, `近`, `超过`, `以上`, `左右`, …) and
//! range separators.

use super::Approx;
use super::chars::{char_at, char_before};
use super::figure::is_num_start;

#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) approx: Approx,
    pub(super) word: &'static str,
}

const PREFIXES: &[(&str, Approx)] = &[
    ("不超过", Approx::Below),
    ("大约", Approx::About),
    ("将近", Approx::Below),
    ("接近", Approx::Below),
    ("超过", Approx::AtLeast),
    ("不超", Approx::Below),
    ("不足", Approx::Below),
    ("不到", Approx::Below),
    ("至少", Approx::AtLeast),
    ("约", Approx::About),
    ("近", Approx::Below),
    ("逾", Approx::AtLeast),
    ("超", Approx::AtLeast),
];

/// Before 约 these make another word: 节约, 制约, 预约 …
const NOT_BEFORE_YUE: &str = "节制预契公条违履邀签集简隐特相婉誓合失践赴要守爽协盟租";
/// Before 超 these make another word: 赶超, 高超.
const NOT_BEFORE_CHAO: &str = "赶趕高";
/// Before 近 these make another word: 最近, 附近, 临近 …
const NOT_BEFORE_JIN: &str = "最附临靠亲邻贴就逼新相浅平挨";

pub(super) fn find_prefix(text: &str, lo: usize, p: usize) -> Option<Marker> {
    let before = text.get(lo..p)?;
    let &(word, approx) = PREFIXES.iter().find(|(w, _)| before.ends_with(w))?;
    let start = p - word.len();
    let prev = char_before(text, start);
    let blocked = match word {
        "约" => prev.is_some_and(|c| NOT_BEFORE_YUE.contains(c)),
        "近" => prev.is_some_and(|c| NOT_BEFORE_JIN.contains(c)),
        "超" => prev.is_some_and(|c| NOT_BEFORE_CHAO.contains(c)),
        _ => false,
    };
    (!blocked).then_some(Marker {
        start,
        end: p,
        approx,
        word,
    })
}

pub(super) fn find_suffix(text: &str, q: usize) -> Option<Marker> {
    let rest = &text[q..];
    [
        ("以上", Approx::AtLeast),
        ("以下", Approx::Below),
        ("以内", Approx::Below),
        ("左右", Approx::About),
    ]
    .iter()
    .find(|(w, _)| rest.starts_with(w))
    .map(|&(word, approx)| Marker {
        start: q,
        end: q + word.len(),
        approx,
        word,
    })
}

pub(super) fn combine(prefix: Option<Marker>, suffix: Option<Marker>) -> Approx {
    match (prefix, suffix) {
        (None, None) => Approx::Exact,
        (Some(a), None) | (None, Some(a)) => a.approx,
        (Some(a), Some(b)) if a.approx == b.approx => a.approx,
        _ => Approx::About,
    }
}

const RANGE_SEPARATORS: &[&str] = &["——", "—", "–", "―", "－", "-", "～", "~", "〜", "至", "到"];

pub(super) fn range_sep(text: &str, p: usize) -> Option<usize> {
    let rest = &text[p..];
    let sep = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let q = p + sep.len();
    char_at(text, q).filter(|&c| is_num_start(c)).map(|_| q)
}
