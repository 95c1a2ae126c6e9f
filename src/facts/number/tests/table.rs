//! The table of inputs and the figures expected in them.

use super::*;
use Approx::{About, AtLeast, Below, Exact};

/// One expected figure: spanned text, written, decimals, scale, unit, approx, ordinal, range.
#[derive(Debug)]
struct Want {
    span: &'static str,
    written: f64,
    decimals: u8,
    scale: f64,
    unit: &'static str,
    approx: Approx,
    ordinal: bool,
    in_range: bool,
}

fn w(
    span: &'static str,
    written: f64,
    decimals: u8,
    scale: f64,
    unit: &'static str,
    approx: Approx,
) -> Want {
    Want {
        span,
        written,
        decimals,
        scale,
        unit,
        approx,
        ordinal: false,
        in_range: false,
    }
}

impl Want {
    fn ord(mut self) -> Want {
        self.ordinal = true;
        self
    }
    fn rng(mut self) -> Want {
        self.in_range = true;
        self
    }
}

fn check(input: &str, want: &[Want]) {
    let got = scan_numbers(input);
    let shown: Vec<String> = got
        .iter()
        .map(|q| format!("{:?}={:?}", &input[q.span.clone()], q))
        .collect();
    assert_eq!(got.len(), want.len(), "{input}: got {shown:#?}");
    for (q, e) in got.iter().zip(want) {
        let ctx = format!("{input}: {e:?} vs {shown:#?}");
        assert_eq!(&input[q.span.clone()], e.span, "{ctx}");
        assert!((q.written - e.written).abs() < 1e-9, "{ctx}");
        assert_eq!(q.decimals, e.decimals, "{ctx}");
        assert_eq!(q.scale, e.scale, "{ctx}");
        assert_eq!(q.unit, e.unit, "{ctx}");
        assert_eq!(q.approx, e.approx, "{ctx}");
        assert_eq!(q.ordinal, e.ordinal, "{ctx}");
        assert_eq!(q.in_range, e.in_range, "{ctx}");
    }
}

#[test]
fn table() {
    let cases: Vec<(&str, Vec<Want>)> = vec![
        // counts, money, percentages
        (
            "白鹭村共梳理出48个问题",
            vec![w("48个", 48.0, 0, 1.0, "个", Exact)],
        ),
        (
            "整改完成率达98.01%。",
            vec![w("98.01%", 98.01, 2, 1.0, "%", Exact)],
        ),
        ("已销号的占96％", vec![w("96％", 96.0, 0, 1.0, "%", Exact)]),
        (
            "发放耕地补助15.7万元",
            vec![w("15.7万元", 15.7, 1, 1e4, "元", Exact)],
        ),
        (
            "追回资金204946.55元",
            vec![w("204946.55元", 204946.55, 2, 1.0, "元", Exact)],
        ),
        (
            "累计退缴35.1996万元",
            vec![w("35.1996万元", 35.1996, 4, 1e4, "元", Exact)],
        ),
        (
            "清偿欠款850万元",
            vec![w("850万元", 850.0, 0, 1e4, "元", Exact)],
        ),
        (
            "收回租金3945.00元",
            vec![w("3945.00元", 3945.0, 2, 1.0, "元", Exact)],
        ),
        (
            "清运淤泥1,200吨",
            vec![w("1,200吨", 1200.0, 0, 1.0, "吨", Exact)],
        ),
        (
            "投入12,345,678.5元",
            vec![w("12,345,678.5元", 12345678.5, 1, 1.0, "元", Exact)],
        ),
        (
            "排查１２３个点位",
            vec![w("１２３个", 123.0, 0, 1.0, "个", Exact)],
        ),
        (
            "堆放１２３．５吨",
            vec![w("１２３．５吨", 123.5, 1, 1.0, "吨", Exact)],
        ),
        ("投资1.5亿元", vec![w("1.5亿元", 1.5, 1, 1e8, "元", Exact)]),
        ("一笔3千万元", vec![w("3千万元", 3.0, 0, 1e7, "元", Exact)]),
        ("参训2 项", vec![w("2 项", 2.0, 0, 1.0, "项", Exact)]),
        // Chinese numerals
        (
            "查出十二个问题",
            vec![w("十二个", 12.0, 0, 1.0, "个", Exact)],
        ),
        (
            "涉及一百零五人",
            vec![w("一百零五人", 105.0, 0, 1.0, "人", Exact)],
        ),
        (
            "涉及一百〇五户",
            vec![w("一百〇五户", 105.0, 0, 1.0, "户", Exact)],
        ),
        ("补贴两千元", vec![w("两千元", 2000.0, 0, 1.0, "元", Exact)]),
        (
            "涉及一百二十人",
            vec![w("一百二十人", 120.0, 0, 1.0, "人", Exact)],
        ),
        (
            "整治坑塘三千余个",
            vec![w("三千余个", 3000.0, 0, 1.0, "个", AtLeast)],
        ),
        (
            "覆盖三万五千人",
            vec![w("三万五千人", 35000.0, 0, 1.0, "人", Exact)],
        ),
        (
            "安排三千万元",
            vec![w("三千万元", 3000.0, 0, 1e4, "元", Exact)],
        ),
        (
            "筹集三千余万元",
            vec![w("三千余万元", 3000.0, 0, 1e4, "元", AtLeast)],
        ),
        (
            "归集三万余元",
            vec![w("三万余元", 3.0, 0, 1e4, "元", AtLeast)],
        ),
        ("梳理两个问题", vec![w("两个", 2.0, 0, 1.0, "个", Exact)]),
        ("约谈一名干部", vec![w("一名", 1.0, 0, 1.0, "名", Exact)]),
        // deliberately not reported: a set phrase, not a count
        ("坚决做到两个维护", vec![]),
        // deliberately not reported: a set phrase
        ("牢固树立四个意识", vec![]),
        // deliberately not reported: a slogan in a short quotation
        ("落实“两个责任”不力", vec![]),
        // deliberately not reported: 八项规定 is a name
        ("违反中央八项规定精神", vec![]),
        // deliberately not reported: both numerals sit in a short quotation
        ("沿用“七站八所”模式", vec![]),
        (
            "分为三方面问题",
            vec![w("三方面", 3.0, 0, 1.0, "方面", Exact)],
        ),
        (
            "归纳为4个方面",
            vec![w("4个方面", 4.0, 0, 1.0, "方面", Exact)],
        ),
        // approximations
        (
            "入户走访50余次",
            vec![w("50余次", 50.0, 0, 1.0, "次", AtLeast)],
        ),
        (
            "召开院坝会50多次",
            vec![w("50多次", 50.0, 0, 1.0, "次", AtLeast)],
        ),
        (
            "清理垃圾约1200吨",
            vec![w("约1200吨", 1200.0, 0, 1.0, "吨", About)],
        ),
        (
            "参训300人左右",
            vec![w("300人左右", 300.0, 0, 1.0, "人", About)],
        ),
        (
            "单笔10万元以上",
            vec![w("10万元以上", 10.0, 0, 1e4, "元", AtLeast)],
        ),
        (
            "惠及近700户",
            vec![w("近700户", 700.0, 0, 1.0, "户", Below)],
        ),
        (
            "在岗不足10人",
            vec![w("不足10人", 10.0, 0, 1.0, "人", Below)],
        ),
        (
            "覆盖超过20个村",
            vec![w("超过20个", 20.0, 0, 1.0, "个", AtLeast)],
        ),
        ("进度已超87%", vec![w("超87%", 87.0, 0, 1.0, "%", AtLeast)]),
        (
            "费用不超5万元",
            vec![w("不超5万元", 5.0, 0, 1e4, "元", Below)],
        ),
        // 赶超 is a verb: 超 is no marker.
        ("赶超3家", vec![w("3家", 3.0, 0, 1.0, "家", Exact)]),
        (
            "收回1.5万余元",
            vec![w("1.5万余元", 1.5, 1, 1e4, "元", AtLeast)],
        ),
        (
            "拖延3个多月",
            vec![w("3个多月", 3.0, 0, 1.0, "个月", AtLeast)],
        ),
        (
            "接访两个多小时",
            vec![w("两个多小时", 2.0, 0, 1.0, "个小时", AtLeast)],
        ),
        (
            "达标率百分之九十以上",
            vec![w("百分之九十以上", 90.0, 0, 1.0, "%", AtLeast)],
        ),
        (
            "合格率96%以上",
            vec![w("96%以上", 96.0, 0, 1.0, "%", AtLeast)],
        ),
        (
            "招募逾百人",
            vec![w("逾百人", 100.0, 0, 1.0, "人", AtLeast)],
        ),
        ("收到二十余封", vec![w("二十余", 20.0, 0, 1.0, "", AtLeast)]),
        ("新建两三个", vec![w("两三个", 2.0, 0, 1.0, "个", About)]),
        (
            "抽调十五六人",
            vec![w("十五六人", 15.0, 0, 1.0, "人", About)],
        ),
        ("将近3年未缴", vec![w("将近3年", 3.0, 0, 1.0, "年", Below)]),
        // 近 before a time unit is "the last", not "nearly"
        ("近三年来", vec![w("三年", 3.0, 0, 1.0, "年", Exact)]),
        // 节约 is a word, 约 no marker
        ("节约资金3万元", vec![w("3万元", 3.0, 0, 1e4, "元", Exact)]),
        // ranges
        (
            "每户补助100—3000元",
            vec![
                w("100", 100.0, 0, 1.0, "元", Exact).rng(),
                w("3000元", 3000.0, 0, 1.0, "元", Exact).rng(),
            ],
        ),
        (
            "每月100-3000元左右",
            vec![
                w("100", 100.0, 0, 1.0, "元", About).rng(),
                w("3000元左右", 3000.0, 0, 1.0, "元", About).rng(),
            ],
        ),
        (
            "每村3至5个",
            vec![
                w("3", 3.0, 0, 1.0, "个", Exact).rng(),
                w("5个", 5.0, 0, 1.0, "个", Exact).rng(),
            ],
        ),
        (
            "每组3～5个",
            vec![
                w("3", 3.0, 0, 1.0, "个", Exact).rng(),
                w("5个", 5.0, 0, 1.0, "个", Exact).rng(),
            ],
        ),
        (
            "每组3到5人",
            vec![
                w("3", 3.0, 0, 1.0, "人", Exact).rng(),
                w("5人", 5.0, 0, 1.0, "人", Exact).rng(),
            ],
        ),
        (
            "每组三至五个",
            vec![
                w("三", 3.0, 0, 1.0, "个", Exact).rng(),
                w("五个", 5.0, 0, 1.0, "个", Exact).rng(),
            ],
        ),
        (
            "奖励3至5万元",
            vec![
                w("3", 3.0, 0, 1e4, "元", Exact).rng(),
                w("5万元", 5.0, 0, 1e4, "元", Exact).rng(),
            ],
        ),
        (
            "约3至5个",
            vec![
                w("约3", 3.0, 0, 1.0, "个", About).rng(),
                w("5个", 5.0, 0, 1.0, "个", About).rng(),
            ],
        ),
        (
            "规划2031—2035年",
            vec![
                w("2031", 2031.0, 0, 1.0, "年", Exact).rng(),
                w("2035年", 2035.0, 0, 1.0, "年", Exact).rng(),
            ],
        ),
        // units disagree: no range
        (
            "3个到5人",
            vec![
                w("3个", 3.0, 0, 1.0, "个", Exact),
                w("5人", 5.0, 0, 1.0, "人", Exact),
            ],
        ),
        // ordinals
        (
            "县委第二巡察组",
            vec![w("二", 2.0, 0, 1.0, "", Exact).ord()],
        ),
        (
            "第14次会议",
            vec![w("14次", 14.0, 0, 1.0, "次", Exact).ord()],
        ),
        (
            "作为第一责任人",
            vec![w("一", 1.0, 0, 1.0, "", Exact).ord()],
        ),
        (
            "第3至5条",
            vec![
                w("3", 3.0, 0, 1.0, "条", Exact).ord().rng(),
                w("5条", 5.0, 0, 1.0, "条", Exact).ord().rng(),
            ],
        ),
        // deliberately not reported: 一是 has no unit
        ("一是强化学习", vec![]),
        // deliberately not reported: 一方面 is a set phrase
        ("一方面加强监督，另一方面压实责任", vec![]),
        // deliberately not reported: 进一步 is a word
        ("进一步压实责任", vec![]),
        // deliberately not reported: 统一, 唯一, 同一 make words of 一
        ("统一部署，唯一标准，同一人", vec![]),
        // deliberately not reported: set phrases
        ("落实一岗双责和三重一大，坚持三会一课", vec![]),
        // deliberately not reported: set phrases
        ("一把手一案双查，一户一宅，两委两违三资，四下基层", vec![]),
        // deliberately not reported: 一次性 and 一批 are words
        ("一次性告知，引进一批企业，深入一线", vec![]),
        // deliberately not reported: 一起 is "together"
        ("一起研究", vec![]),
        // deliberately not reported: 又一次, 三天两头, 五位一体
        ("又一次督办，三天两头，五位一体", vec![]),
        // deliberately not reported: 三轮车, 十分 (very), 千家万户
        ("三轮车载人，十分重视，千家万户", vec![]),
        // deliberately not reported: 七户乡 is a place name
        ("青石县七户乡", vec![]),
        // deliberately not reported: 周一 is Monday
        ("每周一例会", vec![]),
        // deliberately not reported: 几十, 数百 name no figure
        ("几十个村，数百人", vec![]),
        // deliberately not reported: 二次 is "secondary" (two times is 两次)
        ("防止二次污染", vec![]),
        // percent words
        (
            "知晓率达百分之九十",
            vec![w("百分之九十", 90.0, 0, 1.0, "%", Exact)],
        ),
        (
            "下降百分之十二点五",
            vec![w("百分之十二点五", 12.5, 1, 1.0, "%", Exact)],
        ),
        (
            "差错率千分之五",
            vec![w("千分之五", 5.0, 0, 1.0, "‰", Exact)],
        ),
        (
            "不少于三分之一",
            vec![w("三分之一", 1.0 / 3.0, 0, 1.0, "分之", Exact)],
        ),
        // codes: deliberately not reported
        ("沿X814县道", vec![]),
        // deliberately not reported: PM2.5 is a name
        ("PM2.5浓度", vec![]),
        // deliberately not reported: 5G is a name
        ("建成5G基站", vec![]),
        // deliberately not reported: a dotted section number
        ("见1.2.3节", vec![]),
        // deliberately not reported: a Chinese year with no unit after it
        ("二〇二三", vec![]),
        (
            "二〇二三年",
            vec![w("二〇二三年", 2023.0, 0, 1.0, "年", Exact)],
        ),
        // deliberately not reported: a Chinese decimal with no unit
        ("零点五", vec![]),
        (
            "下降零点五个百分点",
            vec![w("零点五个百分点", 0.5, 1, 1.0, "个百分点", Exact)],
        ),
        (
            "结余零点五亿元",
            vec![w("零点五亿元", 0.5, 1, 1e8, "元", Exact)],
        ),
        // a heading number: no decimals
        ("1.针对", vec![w("1", 1.0, 0, 1.0, "", Exact)]),
        (
            "〔2023〕18号",
            vec![
                w("2023", 2023.0, 0, 1.0, "", Exact),
                w("18号", 18.0, 0, 1.0, "号", Exact),
            ],
        ),
        // not thousands: groups of other lengths
        (
            "2,3,4项",
            vec![
                w("2", 2.0, 0, 1.0, "", Exact),
                w("3", 3.0, 0, 1.0, "", Exact),
                w("4项", 4.0, 0, 1.0, "项", Exact),
            ],
        ),
        (
            "12,3456元",
            vec![
                w("12", 12.0, 0, 1.0, "", Exact),
                w("3456元", 3456.0, 0, 1.0, "元", Exact),
            ],
        ),
    ];
    assert!(cases.len() >= 45);
    for (input, want) in &cases {
        check(input, want);
    }
}
