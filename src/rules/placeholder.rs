//! `placeholder`: An unfilled slot: an ordinal with no number (第巡察组), a date unit with no number (于日召开, X月X日), ××, empty 【】.

use super::{Check, Context, Hit, Kind};
use crate::document::{Document, Span};
use crate::facts::stretches::units;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "placeholder";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
起草时留下、发布前没有填上的占位：缺序数的“第巡察组”“第X次”；缺数字的日期“于日召开”“X月X日”“202X年”；占位符“××”“XX”“〇〇”“□□”；空的括号“【】”“（）”。只检查正文（不含网页框架和标题编号）。
An unfilled slot left from drafting: an ordinal with no number (第巡察组, 第X次); a date with no number (于日召开, X月X日, 202X年); placeholder marks (××, XX, 〇〇, □□); empty brackets (【】, （）). Only the report's own text is read (no web chrome, no heading markers).

## 为什么 / Why it matters
占位符说明文稿没有最后定稿：读者无法知道是哪一个巡察组、哪一天召开的会议，这些恰恰是要核对的事实。
A placeholder shows an unfinished draft: the reader cannot tell which inspection group or which day, the very facts a reader checks.

## 示例 / Example
不通过 / Fails:
    2023年7月18日,县委第巡察组向杉溪镇党委反馈了巡察意见。镇党委已于日召开专题会议。
通过 / Passes:
    2023年7月18日,县委第三巡察组向杉溪镇党委反馈了巡察意见。镇党委于7月20日召开专题会议,纳入日常监督。
    “X814县道”是道路编号，“王××”是有意隐去的姓名，“二〇〇八年”是日期：都不报告。

## 参数 / Parameters
- `problem`: 本条规则报告哪一种占位 / which slot this rule reports: `ordinal`（缺序数 / an ordinal with no number）, `date`（缺数字的日期 / a date with no number）, `mark`（占位符 / placeholder marks）, `empty`（空括号 / empty brackets）。
- `ordinal_units`: “第”之后表示序数单位的词，如 巡察组、次、轮、条、项、批 / the unit words after 第.
- `ordinal_not_words`: 以单位字开头但不是单位的词，如 组织、项目、条件 / words starting like a unit that are not one (第 before 组织 is 次第组织).
- `ordinal_not_after`: 与“第”组成词语的前一个字，如 次(次第)、门(门第) / characters that make a word with the 第 after them.
- `date_after`: 其后紧接“日”或“月”即为缺数字日期的字，如 于、在、至、年、月、过 / characters after which a bare 日 or 月 is an empty date.
- `date_words`: 含“日”“月”的普通词语，如 日常、日前、今日、工作日、月底、每月 / ordinary words holding 日 or 月, never a date slot.
- `marks`: 占位符 / placeholder marks, e.g. ××, XX, xx, 〇〇, □□.
- `names_before`: 其后的“××”是有意隐去的姓名而非占位的姓氏 / surnames after which ×× is an anonymised name.
- `empty`: 检查是否为空的成对括号 / the pairs reported when empty, e.g. 【】, （）.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["text", "slot"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/placeholder.yaml",
        include_str!("../../rules/placeholder.yaml"),
    ),
};

/// The slots this kind finds; each rule reports one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Problem {
    Ordinal,
    Date,
    Mark,
    Empty,
}

fn words(list: &str) -> Vec<String> {
    list.split_whitespace().map(String::from).collect()
}

fn ordinal_units() -> Vec<String> {
    words(
        "巡察组 巡视组 督查组 督导组 审计组 工作组 检查组 组 次 轮 条 项 批 批次 届 期 季度 阶段 章 节 款 部分 个",
    )
}

fn ordinal_not_words() -> Vec<String> {
    words(
        "组织 组建 组成 组合 组长 组员 组团 组分 组委会 组装 次序 次要 次数 次年 次日 次之 次子 次生 \
         轮流 轮换 轮岗 轮训 轮船 轮番 轮廓 轮回 轮胎 轮式 轮子 条件 条例 条款 条理 条约 条子 条文 \
         项目 批准 批复 批评 批示 批判 批量 批发 届时 届满 期间 期限 期待 期望 期盼 期货 期刊 期满 \
         章程 节约 节日 节点 节能 节目 节奏 节制 节省 节假日 款项 款待 部分人 个人 个别 个体 个性 \
         个个 个头 个子 个数 个儿",
    )
}

fn date_words() -> Vec<String> {
    words(
        "日常 日期 日前 日后 日益 日趋 日渐 日臻 日新月异 日积月累 日复一日 日日 日夜 日报 日志 日记 \
         日程 日均 日内 日间 日子 日照 日喀则 日本 日元 日语 日军 日寇 日用 日化 日历 日光 日出 日落 \
         日晒 日清 日结 日产 日销 日月 日方 日头 日见 日隆 日增 日食 日文 日数 日伪 日盛 日圆 日处理 日供 日耗 日巡 日查 日调度 日通报 日统计 日汇报 日排查 日研判 \
         今日 昨日 明日 当日 次日 每日 近日 连日 逐日 平日 终日 往日 即日 同日 本日 翌日 首日 该日 是日 \
         前日 后日 节日 假日 节假日 工作日 休息日 双休日 纪念日 生日 周日 星期日 党日 主题党日 冬至日 \
         夏至日 截止日 截至日 \
         月底 月初 月末 月中 月份 月度 月报 月均 月薪 月亮 月光 月球 月饼 月季 月子 月票 月卡 月供 月租 \
         月内 月余 月结 月利率 月工资 月收入 月考 月色 月台 月通报 月调度 月例会 月评 月检 月查 月会 月刊 月历 岁月 每月 \
         本月 当月 上月 下月 次月 同月 该月 逐月 按月 满月 蜜月 正月 腊月 半月 数月 个月 跨月 隔月 全月 \
         出生年月 经年累月 成年累月 长年累月 年年月月 日清月结",
    )
}

fn default_marks() -> Vec<String> {
    words("×× XX xx ＸＸ ｘｘ 〇〇 ○○ □□ ■■")
}

fn default_names() -> String {
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧蔡潘田董袁\
     余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱侯邹熊孟秦白江阎薛\
     尹段雷黎史陶贺顾毛郝龚邵万钱严赖覃洪武莫孔汤常温康施牛樊葛邢齐乔伍庞颜倪庄聂"
        .to_string()
}

fn default_empty() -> Vec<String> {
    words("【】 （） () 〔〕 [] 《》 “”")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    problem: Option<Problem>,
    ordinal_units: Vec<String>,
    ordinal_not_words: Vec<String>,
    ordinal_not_after: String,
    date_after: String,
    date_words: Vec<String>,
    marks: Vec<String>,
    names_before: String,
    empty: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            problem: None,
            ordinal_units: ordinal_units(),
            ordinal_not_words: ordinal_not_words(),
            ordinal_not_after: "次宅府门及落科甲等品".to_string(),
            date_after: "于在至到从自止年月过".to_string(),
            date_words: date_words(),
            marks: default_marks(),
            names_before: default_names(),
            empty: default_empty(),
        }
    }
}

struct Placeholder {
    problem: Problem,
    p: Params,
    /// The characters of the marks.
    mark_chars: Vec<char>,
    /// (opening, closing) of the pairs reported when empty.
    empty: Vec<(char, char)>,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let mut p: Params = super::params(params)?;
    let problem = p
        .problem
        .ok_or("`problem` is required: ordinal, date, mark or empty")?;
    // Longest first, so that 巡察组 wins over 组.
    p.ordinal_units
        .sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    let mut mark_chars = Vec::new();
    for m in &p.marks {
        let mut chars = m.chars();
        let (Some(c), true) = (chars.next(), m.chars().count() >= 2) else {
            return Err(format!(
                "mark `{m}` must repeat one character at least twice"
            ));
        };
        if m.chars().any(|x| x != c) {
            return Err(format!("mark `{m}` must repeat one character"));
        }
        mark_chars.push(c);
    }
    let mut empty = Vec::new();
    for pair in &p.empty {
        let chars: Vec<char> = pair.chars().collect();
        let [open, close] = chars[..] else {
            return Err(format!("pair `{pair}` is not two characters"));
        };
        empty.push((open, close));
    }
    Ok(Box::new(Placeholder {
        problem,
        p,
        mark_chars,
        empty,
    }))
}

impl Check for Placeholder {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        let mut spans: Vec<Span> = units(doc).into_iter().map(|u| u.span).collect();
        spans.extend(doc.closing.issuer_span.iter().cloned());
        spans.extend(doc.closing.date_span.iter().cloned());
        let mut out = Vec::new();
        for span in spans {
            let text = doc.text(&span);
            let found = match self.problem {
                Problem::Ordinal => self.ordinals(text),
                Problem::Date => self.dates(text),
                Problem::Mark => self.marks(text),
                Problem::Empty => self.empties(text),
            };
            for r in found {
                let at = span.start + r.start..span.start + r.end;
                let hit = Hit::at(at.clone())
                    .value("slot", doc.text(&at))
                    .value("text", around(doc, &at, &span));
                out.push(hit);
            }
        }
        out.sort_by_key(|h| h.span.start);
        out.dedup_by_key(|h| h.span.start);
        out
    }
}

/// The slot with a few characters either side, within its unit.
fn around(doc: &Document, at: &Span, unit: &Span) -> String {
    let before: String = {
        let mut b: Vec<char> = doc.source[unit.start..at.start]
            .chars()
            .rev()
            .take(6)
            .collect();
        b.reverse();
        b.into_iter().collect()
    };
    let after: String = doc.source[at.end..unit.end].chars().take(6).collect();
    format!("{before}{}{after}", doc.text(at))
}

/// Digits, Chinese numerals and the marks that stand for a number.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '〇' | '○'
                | '零'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '两'
                | '廿'
                | '卅'
        )
}

/// A mark standing in for a digit: X, ×, x.
fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ')
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

impl Placeholder {
    /// "第巡察组", "第X次": 第 followed by a unit word, with no number or only marks between.
    fn ordinals(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (i, _) in text.match_indices('第') {
            if char_before(text, i).is_some_and(|c| self.p.ordinal_not_after.contains(c)) {
                continue;
            }
            let after = &text[i + '第'.len_utf8()..];
            let marks = after
                .chars()
                .take_while(|&c| is_x(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let rest = &after[marks..];
            if rest.starts_with(is_numeral) {
                continue;
            }
            if marks == 0
                && self
                    .p
                    .ordinal_not_words
                    .iter()
                    .any(|w| rest.starts_with(w.as_str()))
            {
                continue;
            }
            if let Some(unit) = self
                .p
                .ordinal_units
                .iter()
                .find(|u| rest.starts_with(u.as_str()))
            {
                let end = i + '第'.len_utf8() + marks + unit.len();
                out.push(i..end);
            }
        }
        out
    }

    /// "于日召开", "7月日", "X月X日", "202X年".
    fn dates(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            match c {
                '日' | '月' => {
                    let Some(prev) = char_before(text, i) else {
                        continue;
                    };
                    if !self.p.date_after.contains(prev) || self.in_word(text, i) {
                        continue;
                    }
                    out.push(i..i + c.len_utf8());
                }
                _ if is_x(c) => {
                    if let Some(span) = x_date(text, i) {
                        out.push(span);
                    }
                }
                _ => {}
            }
        }
        out.dedup_by(|b, a| b.start < a.end);
        out
    }

    /// True when the 日 or 月 at `i` belongs to one of the ordinary words.
    fn in_word(&self, text: &str, i: usize) -> bool {
        self.p.date_words.iter().any(|w| {
            w.char_indices()
                .filter(|&(_, c)| text[i..].starts_with(c))
                .any(|(k, _)| {
                    i >= k && text.is_char_boundary(i - k) && text[i - k..].starts_with(w.as_str())
                })
        })
    }

    /// "××", "XX", "〇〇": a run of one mark, not part of an ASCII word or a Chinese number,
    /// and not an anonymised name (王××).
    fn marks(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            let run = chars[k..].iter().take_while(|&&(_, x)| x == c).count();
            let next = k + run;
            if run >= 2 && self.mark_chars.contains(&c) {
                let end = chars.get(next).map_or(text.len(), |&(j, _)| j);
                let before = k.checked_sub(1).map(|b| chars[b].1);
                let after = chars.get(next).map(|&(_, x)| x);
                let ascii = |x: Option<char>| {
                    x.is_some_and(|x| x.is_ascii_alphanumeric() || "@._-/".contains(x))
                };
                let numeral = |x: Option<char>| x.is_some_and(is_numeral);
                let zero = "〇○".contains(c);
                let name = before.is_some_and(|b| self.p.names_before.contains(b));
                let date = after.is_some_and(|a| "年月日号".contains(a)) && is_x(c);
                let skip = (c.is_ascii() && (ascii(before) || ascii(after)))
                    || (zero && (numeral(before) || numeral(after)))
                    || name
                    || date;
                if !skip {
                    out.push(i..end);
                }
            }
            k = next;
        }
        out
    }

    /// "【】", "（）": an opening and closing mark with nothing but blanks between.
    fn empties(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            for &(open, close) in &self.empty {
                if c != open {
                    continue;
                }
                let rest = &text[i + c.len_utf8()..];
                let inner = rest.len() - rest.trim_start().len();
                if rest[inner..].starts_with(close) {
                    out.push(i..i + c.len_utf8() + inner + close.len_utf8());
                }
            }
        }
        out
    }
}

/// "X月X日", "XX月", "202X年": marks in a date's number place. `i` is the first mark; the
/// span runs on over the date's further parts ("X月X日").
fn x_date(text: &str, i: usize) -> Option<Span> {
    let before = char_before(text, i);
    if before.is_some_and(|b| is_x(b) || b.is_ascii_alphanumeric() && !b.is_ascii_digit()) {
        return None;
    }
    // Digits of a year right before: "202X年".
    let start = text[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit())
        .last()
        .map_or(i, |(j, _)| j);
    let (marks, unit) = date_part(&text[i..])?;
    // Earlier parts of the same date written out: "2023年X月", "4月XX日".
    let mut from = start;
    loop {
        let head = &text[..from];
        let Some(u) = head.chars().next_back().filter(|&u| "年月".contains(u)) else {
            break;
        };
        let body = &head[..head.len() - u.len_utf8()];
        let digits = body.chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        from = body.len() - digits;
    }
    let year_digits = text[start..i].chars().count();
    let fits = match unit {
        '年' => marks + year_digits == 4,
        _ => marks <= 2 && year_digits == 0,
    };
    if !fits {
        return None;
    }
    let mut end = i + text[i..]
        .chars()
        .take(marks + 1)
        .map(char::len_utf8)
        .sum::<usize>();
    // Further parts, with marks or digits: "X月X日", "X月5日".
    while let Some((n, _)) = date_part(&text[end..]).or_else(|| digit_part(&text[end..])) {
        end += text[end..]
            .chars()
            .take(n + 1)
            .map(char::len_utf8)
            .sum::<usize>();
    }
    Some(from..end)
}

/// Marks then a date unit at the start of `text`: (how many marks, the unit).
fn date_part(text: &str) -> Option<(usize, char)> {
    let marks = text.chars().take_while(|&c| is_x(c)).count();
    let unit = text.chars().nth(marks)?;
    (marks > 0 && "年月日号".contains(unit)).then_some((marks, unit))
}

/// One or two digits then 月, 日 or 号 at the start of `text`.
fn digit_part(text: &str) -> Option<(usize, char)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let unit = text.chars().nth(digits)?;
    ((1..=2).contains(&digits) && "月日号".contains(unit)).then_some((digits, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots of one problem found in a snippet, with their line.
    fn found(problem: &str, text: &str) -> Vec<(usize, String)> {
        let (doc, facts) = crate::analyse(text);
        let params = serde_yaml::from_str(&format!("{{problem: {problem}}}")).unwrap();
        let rule = crate::rules::testing::compile(compile, &params).unwrap();
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        rule.check(&cx)
            .into_iter()
            .map(|h| {
                let line = text[..h.span.start].matches('\n').count() + 1;
                (line, doc.text(&h.span).to_string())
            })
            .collect()
    }

    /// The slots of one problem found in a snippet, as text.
    fn slots(problem: &str, text: &str) -> Vec<String> {
        found(problem, text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "ordinal",
                "县委第巡察组向杉溪镇党委反馈意见。\n",
                &["第巡察组"],
            ),
            ("ordinal", "召开第X次专题会议。\n", &["第X次"]),
            // A numbered ordinal.
            ("ordinal", "县委第三巡察组、第12条、第二轮巡察。\n", &[]),
            // 次第 is a word: 第 here is no ordinal.
            ("ordinal", "按照轻重缓急次第组织实施。\n", &[]),
            // 第 before a word that only starts like a unit (组织, 项目).
            ("ordinal", "统筹谋划第项目建设。\n", &[]),
            // Numbered ordinals, in digits and in Chinese numerals.
            ("ordinal", "第一轮巡察、第2批次、第十二届。\n", &[]),
            ("date", "镇党委已于日召开专题会议。\n", &["日"]),
            (
                "date",
                "截至2023年9月,已通过日召开整改工作会议。\n",
                &["日"],
            ),
            ("date", "于9月日召开会议。\n", &["日"]),
            ("date", "于2023年X月X日召开会议。\n", &["2023年X月X日"]),
            ("date", "于4月XX日召开会议。\n", &["4月XX日"]),
            ("date", "计划于202X年完成。\n", &["202X年"]),
            // Ordinary words: 日常, 日前, 月底, 每月, 工作日, 主题党日, 节假日.
            (
                "date",
                "纳入日常监督,于日前召开会议,在月底前完成,每月通报,3个工作日内办结,在主题党日、节假日前开展。\n",
                &[],
            ),
            // A road code and a dated day are not placeholders.
            ("date", "对X814县道巡查,于7月20日召开会议。\n", &[]),
            // 周调度、月通报 is a routine, not a date.
            ("date", "建立“周调度、月通报”工作机制。\n", &[]),
            // 日内, 月末 and the city 日照 are words, not empty dates.
            ("date", "于日内办结,至月末结束,在日照市调研。\n", &[]),
            ("mark", "中共××镇委员会关于巡察整改的通报\n", &["××"]),
            ("mark", "对XX村集体资产开展清查。\n", &["XX"]),
            // A year in Chinese numerals, an e-mail address, an anonymised name.
            (
                "mark",
                "二〇〇八年以来,对王××立案审查,邮箱 xxjw@example.com。\n",
                &[],
            ),
            // Years written with 〇 and ○ are numbers.
            ("mark", "查阅二〇〇〇年、二○○五年的档案。\n", &[]),
            // X月X日 is the date rule's, not reported twice.
            ("mark", "于XX月XX日召开会议。\n", &[]),
            ("empty", "印发《方案》(杉发【】号)。\n", &["【】"]),
            ("empty", "处理结果( )。\n", &["( )"]),
            // A broken heading marker "()" is the numbering kind's.
            ("empty", "一、总体\n(一)落实。\n()用力。\n", &[]),
            ("empty", "印发《方案》(杉发〔2023〕5号)。\n", &[]),
        ];
        for (problem, text, want) in cases {
            assert_eq!(&slots(problem, text), want, "{problem}: {text}");
        }
    }

    #[test]
    fn bad_params_are_refused() {
        let bad = serde_yaml::from_str("{problem: mark, marks: [\"X\"]}").unwrap();
        assert!(crate::rules::testing::compile(compile, &bad).is_err());
        let bad = serde_yaml::from_str("{problem: mark, marks: [\"XY\"]}").unwrap();
        assert!(crate::rules::testing::compile(compile, &bad).is_err());
        let bad = serde_yaml::from_str("{problem: empty, empty: [\"【\"]}").unwrap();
        assert!(crate::rules::testing::compile(compile, &bad).is_err());
        assert!(crate::rules::testing::compile(compile, &serde_yaml::Value::Null).is_err());
    }

    const PROBLEMS: &[&str] = &["ordinal", "date", "mark", "empty"];

    /// Spans of every finding on hostile text stay in bounds and on character boundaries.
    fn spans_hold(text: &str) {
        crate::rules::testing::assert_spans_hold_for(compile, PROBLEMS, text);
    }

    proptest::proptest! {
        #[test]
        fn hostile_text_never_panics(text in "[第组次于过日月年XxＸ×〇○□2０一二【】()（）常前\\n 。@.a]{0,160}") {
            spans_hold(&text);
        }
    }

    #[test]
    fn the_fixture_report() {
        let text = include_str!("../../tests/fixtures/placeholder/zhuxi.txt");
        let mut at: Vec<(usize, String)> = Vec::new();
        for problem in PROBLEMS {
            at.extend(found(problem, text));
        }
        at.sort();
        let want = [
            (3, "第巡察组"),
            (6, "日"),
            (10, "XX"),
            (11, "2023年X月X日"),
            (13, "【】"),
        ];
        let want: Vec<(usize, String)> = want.iter().map(|(l, s)| (*l, s.to_string())).collect();
        assert_eq!(at, want);
    }
}
