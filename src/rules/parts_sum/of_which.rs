//! 总数……其中 A, B, C: a total, then the parts after 其中 (包括, 含).

use super::{Interval, Outcome, PartsSum, Reading, is_share, sum};
use crate::document::Span;
use crate::facts::sentences::{Sentence, WINDOW};

impl PartsSum {
    /// 总数……其中 A, B, C: the parts follow the marker, the total is the last figure of their
    /// unit before it.
    pub(super) fn of_which(&self, s: &Sentence) -> Vec<Outcome> {
        let mut marks: Vec<(usize, usize)> = self
            .of_which
            .iter()
            .flat_map(|w| s.find(w).into_iter().map(move |p| (p, p + w.len())))
            .filter(|&(p, e)| e - p > 3 || opens_clause(s, p))
            .collect();
        marks.sort_unstable();
        let mut out = Vec::new();
        for &(start, end) in &marks {
            let (stop, nested) = list_extent(s, end, &marks);
            out.extend(
                self.of_which_at(s, (start, end), stop, &nested)
                    .unwrap_or_default(),
            );
        }
        out
    }

    fn of_which_at(
        &self,
        s: &Sentence,
        (start, end): (usize, usize),
        stop: usize,
        nested: &[Span],
    ) -> Option<Vec<Outcome>> {
        let first = s.first_at(end);
        let after: Vec<usize> = (first..s.first_at(stop).min(first + WINDOW))
            .filter(|&k| !nested.iter().any(|n| n.contains(&s.figs[k].start())))
            .collect();
        if is_share(&s.figs[*after.first()?]) {
            return None;
        }
        // Each unit of the list is read on its own: items may give two units (甲村5户12人), or
        // a label may be a figure itself (一类低保35户: 一类 names the class, 户 counts).
        let mut families: Vec<&str> = Vec::new();
        for &k in &after {
            let f = &s.figs[k];
            if !is_share(f) && !families.contains(&f.family) {
                families.push(f.family);
            }
        }
        Some(
            families
                .into_iter()
                .filter_map(|fam| self.of_which_family(s, (start, end), stop, &after, fam))
                .collect(),
        )
    }

    fn of_which_family(
        &self,
        s: &Sentence,
        (start, end): (usize, usize),
        stop: usize,
        after: &[usize],
        family: &str,
    ) -> Option<Outcome> {
        let parts: Vec<usize> = after
            .iter()
            .copied()
            .filter(|&k| s.figs[k].family == family)
            .collect();
        if parts.len() < 2 {
            return None; // one part after 其中 is a subset, not a partition
        }
        if let Some(why) = self.not_a_partition(s, end, stop, &parts) {
            return Some(Outcome::Unchecked(start..end, why));
        }
        let totals: Vec<usize> = s
            .window_before(s.first_at(start))
            .filter(|&k| s.figs[k].family == family)
            .collect();
        let total = *totals.last()?;
        let t = s.figs[total].checkable()?;
        let all = sum(s, &parts)?;
        // Any earlier figure of the unit that the leading parts meet is their total
        // ("网格员53名、楼栋长120名,其中专职13名,兼职40名").
        let meets = |t: Option<Interval>| {
            t.is_some_and(|t| {
                (2..=parts.len()).any(|k| sum(s, &parts[..k]).is_some_and(|p| p.meets(t)))
            })
        };
        if totals.iter().any(|&k| meets(s.figs[k].checkable())) {
            return Some(Outcome::Holds(total));
        }
        let tight = after.len() == parts.len() && tight(s, total, start, &parts);
        if all.lo > t.hi && !tight {
            return None; // parts that overlap (女性…, 党员…) may exceed the total
        }
        // Parts that are stages of the work (已办结…, 正在办理…) or a list closed by its rest
        // (其他人员…) are all of the total; other classes that fall short may be only the main
        // ones (其中党纪处分8人,诫勉谈话5人 of 20 handled), so the reading is unsure.
        let closed = parts.iter().any(|&k| {
            let l = label(s, end, s.figs[k].start());
            STAGES.iter().chain(REST).any(|w| l.contains(w))
        });
        let sure = tight && closed && all.hi < t.lo;
        Some(Outcome::Fails(Reading { total, parts, sure }))
    }

    /// Why the parts are not all of the total, if they are not: they describe traits that
    /// overlap (女党员…, 60岁以上…), ranks of some of those counted, the list ends in 等
    /// ("……3户等": some of the parts), or a rest follows with no figure (其余为……).
    fn not_a_partition(
        &self,
        s: &Sentence,
        end: usize,
        stop: usize,
        parts: &[usize],
    ) -> Option<&'static str> {
        let labels: Vec<&str> = parts
            .iter()
            .map(|&k| label(s, end, s.figs[k].start()))
            .collect();
        if labels
            .iter()
            .any(|l| self.attributes.iter().any(|w| l.contains(w.as_str())))
        {
            return Some(
                "未核对: “其中”后各部分是可能交叉的特征(女、党员、……岁), 不是划分 / not checked: the parts are traits that may overlap",
            );
        }
        // Cadres by rank (厅级…, 处级…) are some of those held to account, not all of them,
        // unless the list ends in the rest (一般干部, 其他人员).
        if labels.iter().any(|l| RANKS.iter().any(|r| l.contains(r)))
            && !labels.iter().any(|l| REST.iter().any(|r| l.contains(r)))
        {
            return Some(
                "未核对: “其中”后只列了几个职级, 未列其余人员 / not checked: ranks of cadres with no rest, some of those counted",
            );
        }
        let last_end = parts.last().map_or(end, |&k| s.figs[k].span().end);
        let after_last = &s.rest(last_end)[..stop.max(last_end) - last_end];
        let clause_end = after_last.find(CLAUSE_ENDS).unwrap_or(after_last.len());
        if after_last[..clause_end].contains('等') {
            return Some("未核对: 列举以“等”结尾, 只是部分 / not checked: the list ends in 等");
        }
        // A rest named without its figure after the parts (…,其余为群众评议; …,其他正在核查):
        // the parts are not all of the total, and what the rest comes to is not said.
        if self
            .remainders
            .iter()
            .map(String::as_str)
            .chain(self.further.iter().map(String::as_str))
            .any(|w| after_last.contains(w))
        {
            return Some(
                "未核对: 列举之后另有未给出数字的其余部分 / not checked: a rest named after the parts with no figure",
            );
        }
        None
    }
}

/// The total stands in the clause of 其中 or the one before, with no figure between, and each
/// part has a clause (or list item) of its own.
fn tight(s: &Sentence, total: usize, start: usize, parts: &[usize]) -> bool {
    let t = &s.figs[total];
    let between = s.figs[total + 1..]
        .iter()
        .take_while(|f| f.start() < start)
        .count();
    let mut clauses: Vec<usize> = parts
        .iter()
        .map(|&k| s.figs[k].figure.clause.start)
        .collect();
    clauses.dedup();
    between == 0 && s.clause_at(start) <= t.clause + 1 && clauses.len() == parts.len()
}

/// True when the marker at `pos` begins a clause or a bracket: a one-character marker such as
/// 含 is a word only there ("(含农场)", ",含因病…"), not inside "包含", "含量".
fn opens_clause(s: &Sentence, pos: usize) -> bool {
    s.head(pos)
        .chars()
        .next_back()
        .is_none_or(|c| ",，:：(（、".contains(c))
}

/// Ranks of cadres: a list of them counts some ranks, not every person.
const RANKS: &[&str] = &[
    "省部级",
    "厅级",
    "厅局级",
    "局级",
    "处级",
    "县处级",
    "科级",
    "乡科级",
    "正厅",
    "副厅",
    "正处",
    "副处",
];
/// Marks of a stage of the work in a part's label (已办结, 未完成, 正在办理, 尚在核查).
const STAGES: &[&str] = &["已", "未", "正在", "尚"];
/// Labels that name the rest of a list, making a list of ranks complete.
const REST: &[&str] = &["一般干部", "其他", "其余", "其它"];

/// Ends of a clause or of a list item.
const CLAUSE_ENDS: &[char] = &[',', '，', '、', ':', '：', ';', '；'];

/// The words that name a part: from the last separator (or the marker) up to its figure.
fn label<'s>(s: &'s Sentence, from: usize, fig: usize) -> &'s str {
    let head = &s.head(fig)[from - s.span.start..];
    let cut = head.rfind(CLAUSE_ENDS).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    &head[cut..]
}

/// A list of parts is read over at most this many characters after its marker.
const MAX_LIST_CHARS: usize = 400;

/// Where the list of parts after a marker ends (at the next marker outside brackets, at a
/// closing bracket opened before the marker, or at the end of the sentence), and the bracketed
/// stretches inside it, whose figures break a part down further
/// ("党纪处分4人(其中警告2人、严重警告2人)").
fn list_extent(s: &Sentence, from: usize, marks: &[(usize, usize)]) -> (usize, Vec<Span>) {
    let mut depth = 0usize;
    let mut opened = from;
    let mut nested = Vec::new();
    for (n, (i, c)) in s.rest(from).char_indices().enumerate() {
        let pos = from + i;
        if n == MAX_LIST_CHARS || (depth == 0 && marks.binary_search_by_key(&pos, |m| m.0).is_ok())
        {
            return (pos, nested);
        }
        match c {
            '(' | '（' => {
                if depth == 0 {
                    opened = pos;
                }
                depth += 1;
            }
            ')' | '）' if depth == 0 => return (pos, nested),
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    nested.push(opened..pos);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        nested.push(opened..s.span.end);
    }
    (s.span.end, nested)
}
