//! Reading counts and tallies, for the count kinds (`item_count`, `tally`, `conflict`).
//!
//! A count is a whole number in a count unit ("25项") with its sentence and the words of its
//! segment around it. A tally is a total with a problem or measure noun ("25项整改任务")
//! followed, in the same sentence and unit, by parts that name a status ("已按期完成17项") or a
//! deadline ("其中2021年7月底前需完成2项").
//!
//! Where each count stands is read once per report, with the facts ([`Facts::counts`]); the
//! kinds take the counts in their units from there.

use crate::document::Document;
use crate::document::{Item, Span, Status};
use crate::facts::Facts;
use crate::facts::Figure;
use crate::facts::number::Approx;
use crate::parse::vocab::Vocabulary;

/// Units of whole-number counts of problems, tasks and measures.
pub const COUNT_UNITS: &[&str] = &["个", "项", "条", "件"];

/// Nouns that name the report's own problems or tasks, after a count ("25项整改任务").
pub const PROBLEM_NOUNS: &[&str] = &[
    "问题",
    "具体问题",
    "反馈问题",
    "巡察反馈问题",
    "巡视反馈问题",
    "审计发现问题",
    "整改问题",
    "整改任务",
    "问题整改任务",
    "具体整改任务",
    "整改事项",
    "任务",
];

/// Nouns that name rectification measures ("151条整改措施").
pub const MEASURE_NOUNS: &[&str] = &["整改措施", "具体整改措施", "措施"];

/// Words before a count that make it a part or a subset, not a total.
pub const PART_WORDS: &[&str] = &[
    "其中",
    "已整改",
    "完成",
    "剩余",
    "余下",
    "其余",
    "未",
    "正在",
    "尚",
    "部分",
    "基本",
    "到位",
    "销号",
    "办结",
    "另有",
    "仍有",
    "还有",
    "立行立改",
    "方面",
    "每",
    "各",
];

/// Sentence ends.
const SENTENCE_STOPS: &[char] = &['。', '；', ';', '！', '？', '!', '?'];

/// Segment ends inside a sentence.
const SEGMENT_STOPS: &[char] = &[
    '。', '；', ';', '！', '？', '!', '?', '，', ',', '、', '：', ':', '(', ')', '（', '）',
];

/// A whole-number count ("25项", "48个") with the words around it.
#[derive(Debug, Clone)]
pub struct Count<'a> {
    /// The figure.
    pub fig: &'a Figure,
    /// Its value.
    pub value: u32,
    /// The sentence it stands in.
    pub sentence: Span,
    /// The words of its segment before it, after any earlier figure and that figure's noun.
    pub lead: &'a str,
    /// Where `lead` starts.
    pub lead_start: usize,
    /// Where its segment (between , 、 ( ) : and sentence ends) starts.
    pub segment_start: usize,
    /// The words after it and its noun, to the end of its segment or the next figure.
    pub tail: &'a str,
}

impl Count<'_> {
    /// The count and its unit, e.g. "25项".
    pub fn span(&self) -> Span {
        self.fig.quantity.span.clone()
    }

    /// The unit, e.g. "项".
    pub fn unit(&self) -> &str {
        &self.fig.quantity.unit
    }
}

/// The whole value of a figure written as an exact count in one of `units`.
pub fn whole(fig: &Figure, units: &[&str]) -> Option<u32> {
    whole_count(fig).filter(|_| units.contains(&fig.quantity.unit.as_str()))
}

/// The whole value of a figure written as an exact count, in whatever unit.
fn whole_count(fig: &Figure) -> Option<u32> {
    let q = &fig.quantity;
    let plain = q.approx == Approx::Exact && !q.ordinal && !q.in_range && q.decimals == 0;
    let whole = q.scale == 1.0 && q.written >= 0.0 && q.written < 1e6 && q.written.fract() == 0.0;
    (plain && whole).then_some(q.written as u32)
}

/// Where a count stands, read once per report into [`Facts::counts`]: its figure (an index
/// into [`Facts::figures`]), its value and the bytes of its sentence, lead and tail.
#[derive(Debug, Clone)]
pub struct CountAt {
    figure: usize,
    value: u32,
    sentence: Span,
    lead: Span,
    segment_start: usize,
    tail: Span,
}

/// How far, in bytes, a sentence is looked for on either side of a count: sentences are
/// shorter, and the bound keeps reading linear in a passage without stops.
const WINDOW: usize = 1500;

/// The first character boundary at or after `i`.
fn boundary_after(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last character boundary at or before `i`.
fn boundary_before(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the text after the last of `stops` in `text` starts; 0 when there is none.
fn stop_before(text: &str, stops: &[char]) -> usize {
    text.rfind(stops).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Every count of the report (a whole number in any unit), in document order, with its sentence
/// and the words around it: read once, when the facts are.
pub(super) fn read_counts(src: &str, figs: &[Figure]) -> Vec<CountAt> {
    let mut out = Vec::new();
    for (i, fig) in figs.iter().enumerate() {
        let Some(value) = whole_count(fig) else {
            continue;
        };
        let (p, span) = (&fig.passage, &fig.quantity.span);
        let lo = boundary_after(src, p.start.max(span.start.saturating_sub(WINDOW)));
        let hi = boundary_before(src, p.end.min(span.end + WINDOW));
        let before = &src[lo..span.start];
        let after = &src[span.end..hi];
        let sentence_start = lo + stop_before(before, SENTENCE_STOPS);
        let sentence_end = after.find(SENTENCE_STOPS).map_or(hi, |j| span.end + j);
        let prev_end = i
            .checked_sub(1)
            .map(|j| &figs[j])
            .filter(|f| f.passage == *p)
            .map_or(p.start, |f| f.quantity.span.end + f.noun.len());
        let segment_start = lo + stop_before(before, SEGMENT_STOPS);
        let lead_start = segment_start.max(prev_end).min(span.start);
        let next_start = figs
            .get(i + 1)
            .filter(|f| f.passage == *p)
            .map_or(p.end, |f| f.quantity.span.start);
        let tail_start = (span.end + fig.noun.len()).min(next_start);
        let tail_end = after
            .find(SEGMENT_STOPS)
            .map_or(hi, |j| span.end + j)
            .min(next_start)
            .max(tail_start);
        out.push(CountAt {
            figure: i,
            value,
            sentence: sentence_start..sentence_end,
            lead: lead_start..span.start,
            segment_start,
            tail: tail_start..tail_end,
        });
    }
    out
}

/// Every count in `units`, in document order, with its sentence and the words around it (of the
/// counts the facts read).
pub fn counts<'a>(doc: &'a Document, facts: &'a Facts, units: &[&str]) -> Vec<Count<'a>> {
    let src = doc.source.as_str();
    facts
        .counts
        .iter()
        .filter_map(|c| {
            let fig = facts.figures.get(c.figure)?;
            units.contains(&fig.quantity.unit.as_str()).then_some(())?;
            Some(Count {
                fig,
                value: c.value,
                sentence: c.sentence.clone(),
                lead: src.get(c.lead.clone())?,
                lead_start: c.lead.start,
                segment_start: c.segment_start,
                tail: src.get(c.tail.clone())?,
            })
        })
        .collect()
}

/// What a tally's total counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// The report's problems or tasks, which the items list.
    Problems,
    /// Rectification measures, which the items do not list one by one.
    Measures,
}

/// What a part of a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// 已完成.
    Done,
    /// 部分完成, 基本完成.
    Partial,
    /// 正在整改, 未到整改时限.
    Open,
    /// 需在 (year, month) 底前完成.
    Due(i32, u32),
    /// A class of status the vocabulary names (长期坚持), by its index.
    Class(usize),
    /// Not yet done, whatever the status: "其余9项均达到序时进度", "尚未销号的8项".
    NotDone,
}

impl Bucket {
    /// The status in words, for messages.
    pub fn words(self, vocab: &Vocabulary) -> String {
        match self {
            Bucket::Done => "已完成".into(),
            Bucket::Partial => "部分完成".into(),
            Bucket::Open => "正在整改".into(),
            Bucket::Due(y, m) => format!("{y}年{m}月底前需完成"),
            Bucket::Class(k) => vocab
                .classes
                .get(k)
                .map_or_else(String::new, |c| c.name.clone()),
            Bucket::NotDone => "尚未完成".into(),
        }
    }
}

/// One part of a tally.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    /// The stated count.
    pub count: Count<'a>,
    /// What it counts.
    pub bucket: Bucket,
}

/// A total and its parts, all in one sentence and one unit.
#[derive(Debug, Clone)]
pub struct Tally<'a> {
    /// The total, e.g. "25项整改任务".
    pub total: Count<'a>,
    /// What the total counts.
    pub class: Class,
    /// The noun of the total, e.g. "整改任务".
    pub noun: &'static str,
    /// The parts, in order.
    pub parts: Vec<Part<'a>>,
}

/// The class and noun of a count that states a total: a problem or measure noun follows it
/// ("25项整改任务") or, with none after it, ends the words before it ("反馈问题25个"), and no
/// word before it makes it a part.
pub fn total_of(c: &Count) -> Option<(Class, &'static str)> {
    total_with(c, false)
}

/// [`total_of`], and when `area` also a heading's own total ("本方面整改任务12项").
fn total_with(c: &Count, area: bool) -> Option<(Class, &'static str)> {
    let classes = [
        (Class::Problems, PROBLEM_NOUNS),
        (Class::Measures, MEASURE_NOUNS),
    ];
    let noun = c.fig.noun.as_str();
    let (class, noun, lead) = if noun.is_empty() {
        let before = classes.iter().flat_map(|(class, nouns)| {
            nouns
                .iter()
                .filter(|n| c.lead.ends_with(*n))
                .map(move |n| (*class, *n))
        });
        let (class, n) = before.max_by_key(|(_, n)| n.len())?;
        (class, n, &c.lead[..c.lead.len() - n.len()])
    } else {
        let (class, nouns) = classes.iter().find(|(_, nouns)| nouns.contains(&noun))?;
        let n = nouns.iter().find(|n| **n == noun)?;
        (*class, *n, c.lead)
    };
    let part = |w: &&str| lead.contains(w) && !(area && *w == "方面");
    (!PART_WORDS.iter().any(part)).then_some((class, noun))
}

/// What a count that follows a total counts, from the words around it.
fn bucket(facts: &Facts, vocab: &Vocabulary, c: &Count) -> Option<Bucket> {
    let text = format!("{}|{}", c.lead, c.tail);
    let has = |words: &[String]| words.iter().any(|w| text.contains(w.as_str()));
    let t = &vocab.tally;
    let class = vocab.class_named(&text);
    // "其余9项均达到序时进度": the rest, whatever their status, unless the rest are done.
    if has(&t.rest) && (class.is_some() || has(&t.open) || has(&t.partial)) {
        return Some(Bucket::NotDone);
    }
    if let Some(k) = class {
        return Some(Bucket::Class(k));
    }
    if has(&t.category) {
        return None;
    }
    let start = c.fig.quantity.span.start;
    let dates = &facts.dates;
    let first = dates.partition_point(|d| d.date.span.start < c.lead_start);
    let date = dates[first..]
        .iter()
        .take_while(|d| d.date.span.start < start)
        .filter(|d| d.date.span.end <= start)
        .last();
    if let Some(d) = date {
        if !c.lead.contains('前') {
            return None;
        }
        let last = d.date.latest()?;
        return Some(Bucket::Due(
            chrono::Datelike::year(&last),
            chrono::Datelike::month(&last),
        ));
    }
    if text.contains("需完成") || text.contains("前完成") {
        None
    } else if has(&t.partial) {
        Some(Bucket::Partial)
    } else if has(&t.open) {
        Some(Bucket::Open)
    } else if has(&t.done) {
        Some(Bucket::Done)
    } else {
        None
    }
}

/// Every tally of the report outside its items, in document order, with those of an area's
/// sub-section ("(一)组织建设方面。涉及问题6个,已整改4个……"): for a reading that keeps each
/// tally with its section.
pub fn all_tallies<'a>(doc: &'a Document, facts: &'a Facts, vocab: &Vocabulary) -> Vec<Tally<'a>> {
    tallies_with(doc, facts, vocab, false)
}

/// Every tally of the report outside its items and outside the sub-sections of an area, in
/// document order.
pub fn tallies<'a>(doc: &'a Document, facts: &'a Facts, vocab: &Vocabulary) -> Vec<Tally<'a>> {
    let mut out = tallies_with(doc, facts, vocab, false);
    out.retain(|t| !under_area(doc, &t.total.span()));
    out
}

/// The tallies of one area of the report: under a heading that names an area ("(四)政府采购
///方面。涉及问题11个,已整改7个……"), or stated as the area's ("本方面整改任务12项,已完成8项……").
pub fn area_tallies<'a>(doc: &'a Document, facts: &'a Facts, vocab: &Vocabulary) -> Vec<Tally<'a>> {
    let all = tallies_with(doc, facts, vocab, true);
    let plain: std::collections::HashSet<Span> = tallies(doc, facts, vocab)
        .iter()
        .map(|t| t.total.span())
        .collect();
    all.into_iter()
        .filter(|t| !plain.contains(&t.total.span()))
        .collect()
}

/// Words of a heading that names an area of the problems.
const AREA_WORDS: &[&str] = &["方面", "领域"];

/// True when a span stands under a heading (not the top level) whose title names an area:
/// what is stated there is the area's.
fn under_area(doc: &Document, span: &Span) -> bool {
    let Some(s) = doc.section_at(span.start) else {
        return false;
    };
    let section = &doc.sections[s];
    span.end <= section.span.end
        && section.parent.is_some()
        && AREA_WORDS.iter().any(|w| section.title.contains(w))
}

fn tallies_with<'a>(
    doc: &'a Document,
    facts: &'a Facts,
    vocab: &Vocabulary,
    area: bool,
) -> Vec<Tally<'a>> {
    let mut out: Vec<Tally> = Vec::new();
    let mut open: Option<Tally> = None;
    for c in counts(doc, facts, COUNT_UNITS) {
        if open
            .as_ref()
            .is_some_and(|t| t.total.sentence != c.sentence)
        {
            out.extend(open.take());
        }
        if let Some((class, noun)) = total_with(&c, area) {
            out.extend(open.take());
            open = Some(Tally {
                total: c,
                class,
                noun,
                parts: Vec::new(),
            });
            continue;
        }
        if let Some(t) = open.as_mut().filter(|t| t.total.unit() == c.unit()) {
            if let Some(bucket) = bucket(facts, vocab, &c) {
                // "正在整改5个(含部分整改2个)": a share of the part before, not a part of its own.
                if c.lead.contains('含') && !matches!(bucket, Bucket::Due(..)) {
                    continue;
                }
                t.parts.push(Part { count: c, bucket });
            }
        }
    }
    out.extend(open);
    // An item's own figures are about that item, not the report's problems.
    out.retain(|t| !t.parts.is_empty() && doc.item_containing(&t.total.span()).is_none());
    out
}

/// Sentences that split the items by status with no total ("截至9月底,已办结4件,正在整改1件"):
/// two or more status parts in one unit, outside the items, and no count in the sentence that
/// states a total. Each is returned as a tally whose `total` is its first part; the total the
/// parts imply is their sum.
pub fn headless<'a>(doc: &'a Document, facts: &'a Facts, vocab: &Vocabulary) -> Vec<Tally<'a>> {
    let all = counts(doc, facts, COUNT_UNITS);
    let mut out: Vec<Tally> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let sentence = all[i].sentence.clone();
        let n = all[i..]
            .iter()
            .take_while(|c| c.sentence == sentence)
            .count();
        let group = &all[i..i + n];
        i += n;
        if group.iter().any(|c| total_of(c).is_some()) || doc.item_containing(&sentence).is_some() {
            continue;
        }
        let parts: Vec<Part> = group
            .iter()
            .filter_map(|c| {
                let bucket = bucket(facts, vocab, c)?;
                let share = c.lead.contains('含') || c.lead.contains("其中");
                (!matches!(bucket, Bucket::Due(..)) && !share).then(|| Part {
                    count: c.clone(),
                    bucket,
                })
            })
            .collect();
        let units_agree = parts.iter().all(|p| p.count.unit() == group[0].unit());
        if parts.len() < 2 || !units_agree {
            continue;
        }
        let mut buckets: Vec<Bucket> = parts.iter().map(|p| p.bucket).collect();
        buckets.sort();
        buckets.dedup();
        if buckets.len() < parts.len() {
            continue;
        }
        out.push(Tally {
            total: parts[0].count.clone(),
            class: Class::Problems,
            noun: "问题",
            parts,
        });
    }
    out
}

/// A count of the items not yet done, with a problem noun: "对尚未销号的8项整改任务",
/// "尚未整改到位的4个问题".
static NOT_DONE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(尚未|仍未|还未|未)(全部)?(完成整改|整改完成|整改到位|完成|销号|办结|整改)的?$",
    )
    .expect("valid pattern")
});

/// Counts of the items not yet done, outside the items, each as a tally of one part.
pub fn not_done<'a>(doc: &'a Document, facts: &'a Facts) -> Vec<Tally<'a>> {
    let mut out = Vec::new();
    for c in counts(doc, facts, COUNT_UNITS) {
        let noun = c.fig.noun.as_str();
        let Some(noun) = PROBLEM_NOUNS
            .iter()
            .filter(|n| noun.starts_with(**n))
            .max_by_key(|n| n.len())
        else {
            continue;
        };
        if !NOT_DONE.is_match(c.lead) || doc.item_containing(&c.span()).is_some() {
            continue;
        }
        out.push(Tally {
            total: c.clone(),
            class: Class::Problems,
            noun,
            parts: vec![Part {
                count: c,
                bucket: Bucket::NotDone,
            }],
        });
    }
    out
}

/// The items' statuses: done, partial, ongoing, unknown.
pub fn statuses(items: &[Item]) -> [u32; 4] {
    let mut n = [0; 4];
    for i in items {
        n[match i.status {
            Status::Done => 0,
            Status::Partial => 1,
            Status::Ongoing => 2,
            Status::Unknown => 3,
        }] += 1;
    }
    n
}

/// The share of unknown statuses above which no tally is compared with the items.
pub const MAX_UNKNOWN_SHARE: f64 = 0.2;

/// True when a tally can be compared with the items: it counts problems, its total is the
/// number of items, and few items leave their status unknown.
pub fn judged(items: &[Item], t: &Tally, unknown: u32, max_unknown_share: f64) -> bool {
    t.class == Class::Problems
        && !items.is_empty()
        && t.total.value as usize == items.len()
        && f64::from(unknown) <= max_unknown_share * items.len() as f64
}

/// The month an open item is due: the last date after its status words in their sentence.
pub fn item_due(facts: &Facts, item: &Item) -> Option<(i32, u32)> {
    let status = item.status_span.as_ref()?;
    let dates = &facts.dates;
    let first = dates.partition_point(|d| d.date.span.start < status.start);
    let d = dates[first..]
        .iter()
        .take_while(|d| d.date.span.end <= item.span.end)
        .filter(|d| d.sentence.start <= status.start && status.start < d.sentence.end)
        .last()?;
    let last = d.date.latest()?;
    Some((
        chrono::Datelike::year(&last),
        chrono::Datelike::month(&last),
    ))
}
