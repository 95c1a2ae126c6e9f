//! A total across regions or units, and the regions' own figures given after it:
//! `8省(区)共问责120人,其中,处级干部40人。分省情况:甲省30人,其中,处级干部10人;乙省……`.
//!
//! The total is the first figure after the count of regions (`8省`, `7省(市)`, `5个县`) whose
//! clause names a measure (`问责`, `处分`, `约谈`, …). The regions' figures are a run of
//! entries, each a `;`- or `。`-separated segment that starts with a short name (no figure
//! before its own) and a figure of the total's unit, and, where the segment names a measure,
//! the same one. What frames a name is set aside first: a lead-in `从各省情况看,`, a listing
//! `其余5省依次为` (its count is not an entry's figure), a rank `甲省问责人数最多,达30人`.
//! The run must have exactly as many entries as the count of regions: only then do the entries
//! exhaust the total (a run of fewer regions is some of them, not all; a run of another length
//! is some other list, and the next run is looked at). A breakdown stated with the total
//! (`其中,处级干部40人`) is summed over the entries' figures of the same label, when every entry
//! states one; so is a total of one kind (`8省问责处级干部40人`), and never the entries' own
//! figures.

use super::{Construction, Relation, Statement, ahead, exact, family, statement};
use crate::facts::Figure;

/// Words that name what was done to people or cases: two totals of different measures
/// (问责 and 约谈) do not add up.
const MEASURES: &[&str] = &[
    "问责", "問責", "处分", "處分", "约谈", "約談", "立案", "查处", "查處", "移送", "诫勉", "处理",
    "處理", "通报", "受理", "办结",
];

/// What a count of regions is written with, right after its figure (after an optional 个).
const REGIONS: &[&str] = &[
    "省", "市", "区", "區", "县", "縣", "乡镇", "鄉鎮", "地市", "州", "盟",
];

/// Segment ends.
const SEGMENT_STOPS: &[char] = &['。', '；', ';', '！', '？'];

/// How many passages after the total its entries are looked for in.
const MAX_PASSAGES: usize = 3;

/// How many figures after the total its entries are looked for among.
const MAX_FIGURES: usize = 400;

/// The fewest regions a run must have.
const MIN_REGIONS: usize = 3;

/// Every total across regions whose entries are found.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (r, f) in figures.iter().enumerate() {
        let Some(n) = region_count(source, f) else {
            continue;
        };
        let Some((t, measure, what)) = total_after(source, figures, r) else {
            continue;
        };
        let Some(entries) = entries_after(source, figures, t, n, measure) else {
            continue;
        };
        if !what.is_empty() {
            // `7省问责厅级干部40人`: the sum of the entries' figures of that label.
            let parts: Option<Vec<usize>> = entries
                .iter()
                .map(|e| labelled(source, figures, e, what))
                .collect();
            if let Some(parts) = parts {
                out.push(statement(
                    figures,
                    Construction::RegionTotal,
                    Relation::Sum { total: t, parts },
                    true,
                ));
            }
            continue;
        }
        out.push(statement(
            figures,
            Construction::RegionTotal,
            Relation::Sum {
                total: t,
                parts: entries.iter().map(|e| e.figure).collect(),
            },
            true,
        ));
        for (label, k) in breakdown(source, figures, t) {
            let parts: Option<Vec<usize>> = entries
                .iter()
                .map(|e| labelled(source, figures, e, &label))
                .collect();
            if let Some(parts) = parts {
                out.push(statement(
                    figures,
                    Construction::RegionTotal,
                    Relation::Sum { total: k, parts },
                    true,
                ));
            }
        }
    }
    out
}

/// The count of regions a figure states: `8省`, `7省(市)`, `5个县`.
fn region_count(source: &str, f: &Figure) -> Option<usize> {
    let q = &f.quantity;
    if q.ordinal
        || q.in_range
        || q.decimals != 0
        || q.scale != 1.0
        || !(q.unit.is_empty() || q.unit == "个")
    {
        return None;
    }
    let after = source.get(q.num_span.end..)?;
    let after = after.strip_prefix('个').unwrap_or(after);
    if !REGIONS.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    let n = exact(f)?.0;
    (n >= MIN_REGIONS as f64 && n <= 60.0 && n.fract() == 0.0).then_some(n as usize)
}

/// The total after a count of regions in its sentence: the first figure whose clause names a
/// measure, with the measure and what it counts when named between them (`问责厅级干部40人`
/// gives `厅级干部`; `共问责120人` nothing).
fn total_after<'s>(
    source: &'s str,
    figures: &[Figure],
    r: usize,
) -> Option<(usize, &'static str, &'s str)> {
    let rf = &figures[r];
    let end = sentence_end(source, rf);
    for (k, f) in figures.iter().enumerate().skip(r + 1) {
        let q = &f.quantity;
        if q.span.start >= end || f.passage != rf.passage {
            return None;
        }
        let head =
            source.get(f.clause.start.max(rf.quantity.span.end).min(q.span.start)..q.span.start)?;
        if let Some(m) = MEASURES.iter().find(|m| head.contains(*m)) {
            exact(f)?;
            let what = head.rsplit(*m).next().unwrap_or("").trim();
            let what = what.trim_start_matches('了');
            return (!q.unit.is_empty() && q.unit != "%").then_some((k, *m, what));
        }
    }
    None
}

fn sentence_end(source: &str, f: &Figure) -> usize {
    let from = f.quantity.span.end;
    let rest = ahead(source, from, f.passage.end);
    rest.find(SEGMENT_STOPS)
        .map_or(from + rest.len(), |i| from + i)
}

/// One region's entry: its segment and its figure.
struct Entry {
    figure: usize,
    /// Where its segment ends.
    end: usize,
}

/// The first run of region entries after the total's sentence, if it has exactly `n` entries.
fn entries_after(
    source: &str,
    figures: &[Figure],
    t: usize,
    n: usize,
    measure: &str,
) -> Option<Vec<Entry>> {
    let tf = &figures[t];
    let unit = family(&tf.quantity.unit);
    let mut passages = 0;
    let mut passage = tf.passage.clone();
    let mut run: Vec<Entry> = Vec::new();
    // Segments after the total's own, each with the index of its first figure.
    let mut seg_start = sentence_end(source, tf);
    let mut k = t + 1;
    while figures
        .get(k)
        .is_some_and(|f| f.passage == passage && f.quantity.span.start < seg_start)
    {
        k += 1;
    }
    while k < figures.len() {
        if k > t + MAX_FIGURES {
            return None;
        }
        let f = &figures[k];
        if f.passage != passage {
            if run.len() == n {
                return Some(run);
            }
            // A run of another length is some other list: look on.
            run.clear();
            passages += 1;
            if passages > MAX_PASSAGES {
                return None;
            }
            passage = f.passage.clone();
            seg_start = passage.start;
        }
        // `其余5省市依次为甲省问责20人`: the count of the rest opens the entry; its figure
        // is not the entry's.
        if rest_count(source, f) {
            k += 1;
            continue;
        }
        // The segment of figure k.
        let before = source.get(seg_start.min(f.quantity.span.start)..f.quantity.span.start)?;
        let start = before.rfind(SEGMENT_STOPS).map_or(seg_start, |i| {
            seg_start + i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = sentence_end(source, f);
        let head = source.get(start..f.quantity.span.start)?;
        let head = head.rsplit([':', '：']).next().unwrap_or(head);
        let head = entry_name(head);
        let fits = family(&f.quantity.unit) == unit
            && exact(f).is_some()
            && head.chars().count() <= 12
            && !head.chars().any(|c| c.is_ascii_digit())
            && !head.contains(['，', ',', '、'])
            && MEASURES
                .iter()
                .filter(|m| head.contains(*m))
                .all(|m| *m == measure);
        if fits {
            run.push(Entry { figure: k, end });
        } else if run.len() == n {
            return Some(run);
        } else {
            run.clear();
        }
        // Next segment: skip the figures of this one.
        seg_start = end;
        k += 1;
        while k < figures.len()
            && figures[k].passage == passage
            && figures[k].quantity.span.start < end
        {
            k += 1;
        }
    }
    (run.len() == n).then_some(run)
}

/// Whether a figure counts the regions an entry's lead-in goes on to list one by one:
/// `其余5省市依次为`, `另3个县分别为`.
fn rest_count(source: &str, f: &Figure) -> bool {
    let Some(after) = source.get(f.quantity.num_span.end..) else {
        return false;
    };
    let mut after = after.strip_prefix('个').unwrap_or(after);
    let mut named = false;
    while let Some(w) = REGIONS.iter().find(|w| after.starts_with(*w)) {
        after = &after[w.len()..];
        named = true;
    }
    named && ["依次", "分别"].iter().any(|w| after.starts_with(w))
}

/// The name part of an entry's head, without what frames it: a lead-in `从各省分布情况看,`,
/// a listing word `其余5省市依次为`, a rank `问责人数最多,达`.
fn entry_name(head: &str) -> &str {
    let mut head = head;
    if head.starts_with('从') {
        for w in ["看,", "看，", "来看,", "来看，"] {
            if let Some(i) = head.find(w) {
                head = &head[i + w.len()..];
                break;
            }
        }
    }
    for w in ["依次为", "依次是", "分别为", "分别是"] {
        if let Some(i) = head.rfind(w) {
            head = &head[i + w.len()..];
        }
    }
    let mut rest = head;
    for w in ["达到", "达", "为", "是"] {
        if let Some(r) = rest.strip_suffix(w) {
            rest = r;
            break;
        }
    }
    let rest = rest.trim_end_matches([',', '，']);
    for w in ["最多", "最少", "最高", "最低"] {
        if let Some(r) = rest.strip_suffix(w) {
            let r = r.strip_suffix("人数").unwrap_or(r);
            return r.strip_suffix("数量").unwrap_or(r);
        }
    }
    head
}

/// The breakdown stated with a total, outside brackets: `其中,厅级干部40人,处级干部90人`
/// gives ("厅级干部", index) pairs.
fn breakdown(source: &str, figures: &[Figure], t: usize) -> Vec<(String, usize)> {
    let tf = &figures[t];
    let end = sentence_end(source, tf);
    let mut out = Vec::new();
    for (k, f) in figures.iter().enumerate().skip(t + 1) {
        if f.quantity.span.start >= end {
            break;
        }
        if family(&f.quantity.unit) != family(&tf.quantity.unit) || exact(f).is_none() {
            continue;
        }
        if let Some(label) = label(source, tf.quantity.span.end, f) {
            out.push((label, k));
        }
    }
    out
}

/// The label of a figure: the words after the last separator before it, when the figure is
/// outside brackets.
fn label(source: &str, from: usize, f: &Figure) -> Option<String> {
    let head = source.get(from.min(f.quantity.span.start)..f.quantity.span.start)?;
    let depth = head.matches(['(', '（']).count() as i64 - head.matches([')', '）']).count() as i64;
    if depth != 0 {
        return None;
    }
    let cut = head
        .rfind([',', '，', '、', ':', '：', ')', '）', '(', '（'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let label = head[cut..].trim();
    let label = label.strip_prefix("其中").unwrap_or(label);
    (label.chars().count() >= 2 && label.chars().count() <= 8).then(|| label.to_string())
}

/// The figure of an entry's segment with this label, when exactly one has it.
fn labelled(source: &str, figures: &[Figure], e: &Entry, name: &str) -> Option<usize> {
    let ef = &figures[e.figure];
    let found: Vec<usize> = (e.figure + 1..figures.len())
        .take_while(|&k| figures[k].quantity.span.start < e.end)
        .filter(|&k| label(source, ef.quantity.span.end, &figures[k]).as_deref() == Some(name))
        .collect();
    match found[..] {
        [k] if exact(&figures[k]).is_some() => Some(k),
        _ => None,
    }
}
