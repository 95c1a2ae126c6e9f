//! Units: the table of units recognised after a figure and the matching of one at a position.

use super::MARKER_BYTES;
use super::chars::char_at;
use crate::text::lexicon::ByChar;
use std::sync::LazyLock;

/// A count of things: whole figures are exact.
const COUNT: u8 = 1;
/// A span of time: `近` before it means "the last".
pub(super) const TIME: u8 = 2;
/// Allowed after a lone `一`.
pub(super) const ONE: u8 = 4;
/// Only after Arabic digits.
const ARABIC_ONLY: u8 = 8;
/// Also a place-name syllable (`七户乡`, `五台山`).
const PLACE: u8 = 16;

/// One unit: how it is written and what is reported.
struct UnitDef {
    /// As written.
    surface: &'static str,
    /// As reported in [`Quantity::unit`](super::Quantity::unit).
    canon: &'static str,
    flags: u8,
}

const fn unit(surface: &'static str, canon: &'static str, flags: u8) -> UnitDef {
    UnitDef {
        surface,
        canon,
        flags,
    }
}

/// The units recognised after a figure; the longest written form wins.
const UNITS: &[UnitDef] = &[
    // areas and points
    unit("个方面", "方面", COUNT),
    unit("方面", "方面", COUNT),
    unit("个百分点", "个百分点", 0),
    unit("百分点", "百分点", 0),
    // time
    unit("个月", "个月", COUNT | TIME | ONE),
    unit("个小时", "个小时", COUNT | TIME | ONE),
    unit("个星期", "个星期", COUNT | TIME | ONE),
    unit("个工作日", "个工作日", COUNT | TIME | ONE),
    unit("个季度", "个季度", COUNT | TIME | ONE),
    unit("工作日", "工作日", COUNT | TIME | ONE),
    unit("季度", "季度", COUNT | TIME | ONE),
    unit("周年", "周年", COUNT | TIME | ONE),
    unit("小时", "小时", COUNT | TIME | ONE),
    unit("分钟", "分钟", COUNT | TIME | ONE),
    unit("天", "天", COUNT | TIME | ONE),
    unit("日", "日", COUNT | TIME | ONE),
    unit("月", "月", COUNT | TIME | ONE),
    unit("年", "年", COUNT | TIME | ONE),
    unit("周", "周", COUNT | TIME | ONE),
    unit("岁", "岁", 0),
    // counts
    unit("个", "个", COUNT | ONE),
    unit("项", "项", COUNT | ONE),
    unit("条", "条", COUNT | ONE),
    unit("名", "名", COUNT | ONE),
    unit("人次", "人次", COUNT),
    unit("人", "人", COUNT | ONE),
    unit("次", "次", COUNT | ONE),
    unit("件次", "件次", COUNT),
    unit("件", "件", COUNT | ONE),
    unit("户次", "户次", COUNT),
    unit("户", "户", COUNT | ONE | PLACE),
    unit("家", "家", COUNT | ONE | PLACE),
    unit("所", "所", COUNT | ONE),
    unit("处", "处", COUNT | ONE | PLACE),
    unit("起", "起", COUNT),
    unit("宗", "宗", COUNT | ONE),
    unit("份", "份", COUNT | ONE),
    unit("场次", "场次", COUNT),
    unit("场", "场", COUNT | ONE | PLACE),
    unit("批次", "批次", COUNT),
    unit("批", "批", COUNT),
    unit("组", "组", COUNT | ONE),
    unit("村", "村", COUNT | ONE),
    unit("篇", "篇", COUNT | ONE),
    unit("轮", "轮", COUNT | ONE),
    unit("位", "位", COUNT | ONE),
    unit("种", "种", COUNT | ONE),
    unit("类", "类", COUNT | ONE),
    unit("支", "支", COUNT),
    unit("座", "座", COUNT | ONE | PLACE),
    unit("本", "本", COUNT | ONE),
    unit("张", "张", COUNT | ONE),
    unit("块", "块", COUNT),
    unit("层", "层", COUNT),
    unit("栋", "栋", COUNT | ONE),
    unit("间", "间", COUNT | ONE | PLACE),
    unit("套", "套", COUNT | ONE),
    unit("台", "台", COUNT | ONE | PLACE),
    unit("辆", "辆", COUNT | ONE),
    unit("例", "例", COUNT | ONE),
    unit("头", "头", COUNT | ARABIC_ONLY),
    unit("只", "只", COUNT | ARABIC_ONLY),
    unit("棵", "棵", COUNT),
    unit("册", "册", COUNT | ONE),
    unit("盏", "盏", COUNT),
    unit("幅", "幅", COUNT),
    unit("根", "根", COUNT),
    unit("节", "节", COUNT | ARABIC_ONLY),
    unit("课时", "课时", COUNT),
    unit("学时", "学时", COUNT),
    unit("株", "株", COUNT),
    unit("期", "期", COUNT | ONE),
    unit("届", "届", COUNT | ONE),
    unit("号", "号", COUNT | ONE),
    // money, ratios, measures
    unit("元", "元", ONE),
    unit("%", "%", 0),
    unit("％", "%", 0),
    unit("﹪", "%", 0),
    unit("‰", "‰", 0),
    unit("倍", "倍", 0),
    unit("平方公里", "平方公里", 0),
    unit("平方千米", "平方千米", 0),
    unit("平方米", "平方米", 0),
    unit("立方米", "立方米", 0),
    unit("公里", "公里", 0),
    unit("千米", "千米", 0),
    unit("米", "米", 0),
    unit("公顷", "公顷", 0),
    unit("亩", "亩", 0),
    unit("吨", "吨", 0),
    unit("千克", "千克", 0),
    unit("公斤", "公斤", 0),
    unit("斤", "斤", 0),
    unit("千瓦", "千瓦", 0),
    unit("度", "度", ARABIC_ONLY),
    unit("分", "分", ARABIC_ONLY),
    // traditional characters, reported as their simplified unit
    unit("個方面", "方面", COUNT),
    unit("個百分點", "个百分点", 0),
    unit("百分點", "百分点", 0),
    unit("個月", "个月", COUNT | TIME | ONE),
    unit("個小時", "个小时", COUNT | TIME | ONE),
    unit("個工作日", "个工作日", COUNT | TIME | ONE),
    unit("小時", "小时", COUNT | TIME | ONE),
    unit("分鐘", "分钟", COUNT | TIME | ONE),
    unit("週", "周", COUNT | TIME | ONE),
    unit("歲", "岁", 0),
    unit("個", "个", COUNT | ONE),
    unit("項", "项", COUNT | ONE),
    unit("條", "条", COUNT | ONE),
    unit("戶次", "户次", COUNT),
    unit("戶", "户", COUNT | ONE | PLACE),
    unit("處", "处", COUNT | ONE | PLACE),
    unit("場次", "场次", COUNT),
    unit("場", "场", COUNT | ONE | PLACE),
    unit("組", "组", COUNT | ONE),
    unit("輪", "轮", COUNT | ONE),
    unit("種", "种", COUNT | ONE),
    unit("類", "类", COUNT | ONE),
    unit("張", "张", COUNT | ONE),
    unit("間", "间", COUNT | ONE | PLACE),
    unit("輛", "辆", COUNT | ONE),
    unit("屆", "届", COUNT | ONE),
    unit("號", "号", COUNT | ONE),
    unit("畝", "亩", 0),
    unit("噸", "吨", 0),
];

/// True for units whose whole, unscaled figures are exact counts (`个 项 件 条 人 名 户 次 …`,
/// durations `天 个月 年 …`, `方面`).
pub fn is_count_unit(unit: &str) -> bool {
    UNITS
        .iter()
        .any(|u| u.canon == unit && u.flags & COUNT != 0)
}

/// A unit followed by these characters makes another word: no unit there.
const UNIT_WORDS: &[&str] = &[
    "轮车", "次性", "期间", "个体", "个性", "个案", "条件", "条例", "条龙", "处理", "处置", "处分",
    "起来", "起诉", "组织", "组长", "人民", "所有", "所在", "所以", "名义", "家庭", "家属", "家长",
    "台账", "层面", "层级", "类型", "类别", "天然", "场所", "场地", "张贴", "座谈", "周边", "周围",
    "宗旨", "份额", "户籍", "村民", "村级", "村委", "支部", "支持", "日常", "日益", "年轻", "年龄",
    "种植", "位置", "位于", "本地", "本级", "间隙", "批准", "批评", "元化", "月亮",
    // the same words in traditional characters
    "輪車", "個體", "個性", "個案", "條件", "條例", "條龍", "處理", "處置", "處分", "組織", "組長",
    "戶籍", "場所", "場地", "張貼", "類型", "類別", "種植", "間隙", "週邊", "週圍",
];

/// After a place-name unit (`户 家 处 场 座 间 台`) these end a place name.
const PLACE_SUFFIXES: &str = "乡镇县街路庄屯寨堡桥沟岭坪坝湾塘港山河湖峰巷";

#[derive(Debug, Clone, Copy)]
pub(super) struct UnitMatch {
    pub(super) canon: &'static str,
    pub(super) flags: u8,
    pub(super) end: usize,
    /// `个多月`: the `余`/`多` sits inside the unit.
    pub(super) marker_inside: bool,
}

/// The units by their first character, in the table's order.
static UNITS_BY_FIRST: LazyLock<ByChar<&'static UnitDef>> = LazyLock::new(|| {
    ByChar::new(
        UNITS
            .iter()
            .filter_map(|u| Some((u.surface.chars().next()?, u))),
    )
});

/// The unit words by their first character.
static WORDS_BY_FIRST: LazyLock<ByChar<&'static str>> = LazyLock::new(|| {
    ByChar::new(
        UNIT_WORDS
            .iter()
            .filter_map(|&w| Some((w.chars().next()?, w))),
    )
});

/// The unit written at `p`, if any.
pub(super) fn match_unit(text: &str, p: usize, chinese: bool) -> Option<UnitMatch> {
    let rest = &text[p..];
    // 个多月, 个余月, 个多小时 …
    if let Some(after) = rest.strip_prefix('个') {
        if let Some(after) = after.strip_prefix(['多', '余']) {
            for (word, canon) in [
                ("月", "个月"),
                ("小时", "个小时"),
                ("星期", "个星期"),
                ("工作日", "个工作日"),
                ("季度", "个季度"),
            ] {
                if after.starts_with(word) {
                    return Some(UnitMatch {
                        canon,
                        flags: COUNT | TIME | ONE,
                        end: p + 3 + MARKER_BYTES + word.len(),
                        marker_inside: true,
                    });
                }
            }
        }
    }
    let first = rest.chars().next()?;
    let best = UNITS_BY_FIRST
        .get(first)
        .copied()
        .filter(|u| rest.starts_with(u.surface) && !(chinese && u.flags & ARABIC_ONLY != 0))
        .max_by_key(|u| u.surface.len())?;
    if WORDS_BY_FIRST
        .get(first)
        .any(|w| w.len() > best.surface.len() && w.starts_with(best.surface) && rest.starts_with(w))
    {
        return None;
    }
    let end = p + best.surface.len();
    if best.flags & PLACE != 0 && char_at(text, end).is_some_and(|c| PLACE_SUFFIXES.contains(c)) {
        return None;
    }
    Some(UnitMatch {
        canon: best.canon,
        flags: best.flags,
        end,
        marker_inside: false,
    })
}
