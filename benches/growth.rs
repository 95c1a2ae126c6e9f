//! Cost per item as a report grows: the duplicate-text and conflict rules (the kinds that
//! compare items and figures with each other) and the whole check, on fictional reports of 50,
//! 500 and 5,000 items. Criterion reports the time per item (`Throughput::Elements`): when it
//! stays flat from 50 to 5,000 items, the cost is linear; a quadratic stage would make it grow
//! a hundredfold. Run with `cargo bench --bench growth`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;
use zglint::rules::Context;
use zglint::rules::pack::Pack;

/// Words the items are made of; each item picks its own, so no two are alike, and every tenth
/// item repeats the one before it with one word changed, a near duplicate to be compared.
const WORDS: &[&str] = &[
    "村级财务",
    "合同管理",
    "工程项目",
    "惠民资金",
    "公车使用",
    "档案管理",
    "议事规则",
    "民主评议",
    "集体资产",
    "低保审核",
    "安全生产",
    "河道保洁",
    "土地流转",
    "扶贫项目",
    "办公用房",
    "会议记录",
];

/// A fictional report of `n` items (at most 5,000): an overview with a tally, then the items,
/// each with a rectification paragraph holding figures, then the closing.
fn report(n: usize) -> String {
    let word = |k: usize, i: usize| WORDS[(k * 7 + i * 3 + k / 16) % WORDS.len()];
    let mut s =
        String::from("中共云岭镇委员会关于巡察集中整改进展情况的通报\n一、整改工作总体情况\n");
    let _ = writeln!(
        s,
        "县委巡察组共反馈问题{n}个,已完成整改{}个,正在整改{}个。",
        n - n / 10,
        n / 10
    );
    s.push_str("二、具体问题整改情况\n");
    // Markers have at most three digits: the items come in groups of 500 under (一), (二) ….
    const GROUPS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for k in 1..=n {
        let j = if k % 10 == 0 { k - 1 } else { k };
        if (k - 1) % 500 == 0 {
            let _ = writeln!(
                s,
                "({})第{}批问题",
                GROUPS[(k - 1) / 500],
                (k - 1) / 500 + 1
            );
        }
        let number = (k - 1) % 500 + 1;
        let _ = writeln!(
            s,
            "{number}.关于“{}{}不规范”的问题。",
            word(k, 0),
            word(k, 1)
        );
        let _ = writeln!(
            s,
            "整改情况:一是开展{}专项清理,清退资金{}万元,其中{}万元已退还;二是修订{}制度{}项,\
             对{}名责任人进行提醒谈话;三是建立{}台账,每季度检查一次。{}",
            word(j, 2),
            j % 90 + 10,
            j % 9 + 1,
            word(j, 3),
            j % 5 + 1,
            j % 7 + 1,
            word(k, 4),
            if k % 10 == 0 {
                "正在整改中。"
            } else {
                "已完成整改。"
            }
        );
    }
    s.push_str("中共云岭镇委员会\n2024年3月8日\n");
    s
}

fn growth(c: &mut Criterion) {
    let pack = Pack::packaged().expect("the packaged rules load");
    let settings = zglint::config::Settings::defaults(&pack);
    let mut g = c.benchmark_group("growth");
    for n in [50, 500, 5000] {
        let text = report(n);
        let (doc, facts) = zglint::analyse(&text);
        assert!(
            doc.items.len() >= n,
            "{} items read of {n}",
            doc.items.len()
        );
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: zglint::parse::vocab::Vocabulary::packaged(),
        };
        g.throughput(Throughput::Elements(n as u64));
        for kind in ["duplicate_text", "conflict"] {
            let rules: Vec<_> = pack.rules.iter().filter(|r| r.kind.name == kind).collect();
            g.bench_function(BenchmarkId::new(kind, n), |b| {
                b.iter(|| {
                    rules
                        .iter()
                        .map(|r| r.run(black_box(&cx)).len())
                        .sum::<usize>()
                })
            });
        }
        let input = zglint::check::plain(&text);
        g.bench_function(BenchmarkId::new("whole", n), |b| {
            b.iter(|| zglint::check(black_box(&input), &pack, &settings))
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = growth
}
criterion_main!(benches);
