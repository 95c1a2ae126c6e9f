//! Set phrases and word contexts for Chinese numerals: when a Chinese numeral is a word, not a
//! figure (see the module docs of [`super`]).

use super::chars::{char_at, char_before, cn_big, cn_small, is_cn_num};
use super::figure::Core;
use super::units::{ONE, UnitMatch};
use crate::text::lexicon::ByChar;
use std::sync::LazyLock;

/// Phrases whose numerals are words, not figures.
const SET_PHRASES: &[&str] = &[
    "两个维护",
    "两个确立",
    "两个责任",
    "两个务必",
    "两个一百年",
    "两个毫不动摇",
    "两个基本点",
    "两个大局",
    "两个结合",
    "两个先锋队",
    "三个代表",
    "三个务必",
    "三个有利于",
    "三个区分开来",
    "三个不放过",
    "四个意识",
    "四个自信",
    "四个全面",
    "四个服从",
    "四个最严",
    "四种形态",
    "一个中心",
    "五位一体",
    "三严三实",
    "两学一做",
    "四风",
    "一岗双责",
    "三重一大",
    "三会一课",
    "一把手",
    "一案双查",
    "一户一宅",
    "一户一档",
    "两委",
    "两违",
    "两新",
    "三资",
    "三农",
    "三务",
    "四下基层",
    "四议两公开",
    "一次性",
    "一起",
    "一件一件",
    "一条一条",
    "一个一个",
    "一项一项",
    "一方面",
    "另一方面",
    "进一步",
    "八项规定",
    "十四五",
    "十三五",
    "十二五",
    "十五五",
    "一带一路",
    "一票否决",
    "一张蓝图",
    "一条龙",
    "一盘棋",
    "一线",
    "一站式",
    "一网通办",
    "跑一次",
    "一次不跑",
    "一对一",
    "一事一议",
    "一村一品",
    "一企一策",
    "一年一度",
    "五个一",
    "六稳六保",
    "一揽子",
    "一体化",
    "七站八所",
    "三线一单",
    "两不愁三保障",
    "九小场所",
    "一点一滴",
    "两点一线",
    "一肩挑",
    "一次办",
    "一门式",
    "一窗受理",
    "一竿子",
    "一刀切",
    "一阵风",
    "一言堂",
    "一锅端",
    "三公经费",
    "五险一金",
    "一本账",
    "一张图",
    "一张网",
    "一张表",
    "三级联动",
    "两个全覆盖",
];

/// Characters before a lone `一` that make a word of it: 统一 唯一 逐一 进一步 同一 又一次 …
const BEFORE_LONE_ONE: &str = "统唯逐进万之同单专如划归合不均纯整某每任另这那哪其初又再上下无周期";

/// Characters before a lone numeral that make it a day name: 周二, 星期三, 初五.
const BEFORE_LONE_DAY: &str = "周期初";

/// The set phrases by the first character of each numeral run in them, with the run's offset.
static PHRASE_RUNS: LazyLock<ByChar<(usize, &'static str)>> = LazyLock::new(|| {
    ByChar::new(SET_PHRASES.iter().flat_map(|&phrase| {
        let mut prev_num = false;
        phrase.char_indices().filter_map(move |(off, c)| {
            let is_start = is_cn_num(c) && !prev_num;
            prev_num = is_cn_num(c);
            is_start.then_some((c, (off, phrase)))
        })
    }))
});

/// True when the numeral run starting at `start` is part of a set phrase.
pub(super) fn in_set_phrase(text: &str, start: usize) -> bool {
    let Some(c) = char_at(text, start) else {
        return false;
    };
    PHRASE_RUNS.get(c).any(|&(off, phrase)| {
        start >= off
            && text
                .get(start - off..)
                .is_some_and(|s| s.starts_with(phrase))
    })
}

/// True when `start` sits inside a quotation of at most 8 characters: “两个责任”, “七站八所”.
pub(super) fn in_short_quote(text: &str, start: usize) -> bool {
    const OPEN: &[char] = &['“', '‘', '「', '『', '"'];
    const CLOSE: &[char] = &['”', '’', '」', '』', '"'];
    const STOP: &[char] = &[
        '。', '，', ',', '；', ';', '：', ':', '！', '？', '!', '?', '\n', '\r',
    ];
    let mut back = 0;
    let mut opened = false;
    for c in text[..start].chars().rev().take(9) {
        if OPEN.contains(&c) {
            opened = true;
            break;
        }
        if CLOSE.contains(&c) || STOP.contains(&c) {
            return false;
        }
        back += 1;
    }
    if !opened {
        return false;
    }
    for (fwd, c) in text[start..].chars().take(10).enumerate() {
        if CLOSE.contains(&c) {
            return back + fwd <= 8;
        }
        if OPEN.contains(&c) || STOP.contains(&c) {
            return false;
        }
    }
    false
}

/// Whether a Chinese numeral is a figure here (see the module docs).
pub(super) struct CnContext<'u> {
    pub(super) unit: Option<&'u UnitMatch>,
    /// The unit is the numeral's own (not inherited from the other end of a range).
    pub(super) own_unit: bool,
    pub(super) has_marker: bool,
    pub(super) ordinal: bool,
    /// First end of a range whose other end is a figure.
    pub(super) partner: bool,
}

pub(super) fn cn_accept(text: &str, core: &Core, ctx: &CnContext) -> bool {
    let Some(info) = &core.cn else {
        return true;
    };
    if ctx.ordinal {
        return true;
    }
    if in_set_phrase(text, core.start) || in_short_quote(text, core.start) {
        return false;
    }
    let prev = char_before(text, core.start);
    let first = text[core.start..].chars().next();
    if prev.is_some_and(|p| p == '几' || p == '数')
        && first.is_some_and(|f| cn_small(f).is_some() || cn_big(f).is_some())
    {
        // 几十个, 数百人: "dozens", "hundreds"
        return false;
    }
    if let Some(c) = info.single {
        if c == '一' && prev.is_some_and(|p| BEFORE_LONE_ONE.contains(p)) {
            return false;
        }
        if prev.is_some_and(|p| BEFORE_LONE_DAY.contains(p)) || c == '二' {
            return false;
        }
    }
    if info.multiplier_only && !ctx.has_marker {
        return false;
    }
    match ctx.unit {
        Some(u) => {
            if let Some(c) = info.single {
                if c == '一' && u.flags & ONE == 0 {
                    return false;
                }
                if ctx.own_unit
                    && char_at(text, u.end).is_some_and(|n| is_cn_num(n) || n == '多' || n == '双')
                {
                    return false;
                }
            }
            if ctx.own_unit && char_at(text, u.end) == char_before(text, u.end) {
                // 一个个, 一条条
                return false;
            }
            true
        }
        None => {
            ctx.partner
                || (ctx.has_marker && core.decimals == 0 && core.written * core.scale >= 10.0)
        }
    }
}
