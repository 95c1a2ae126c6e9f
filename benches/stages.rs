//! Where the time of one check goes: each stage of the pipeline on its own, on the largest seed
//! report (when `../shared/seeds` or `ZGLINT_SEEDS` is there) and on the fictional sample.
//!
//! Stages: decode (bytes → text), parse (text → document), items (items and statuses), facts
//! (figures, dates, timeline), summary, rules (the whole packaged pack, then each kind on its
//! own), render (the JSON document). Run with `cargo bench --bench stages`; a filter picks
//! stages, e.g. `cargo bench --bench stages -- rules/`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;
use zglint::FileResult;
use zglint::config::Settings;
use zglint::parse::vocab::Vocabulary;
use zglint::render::json;
use zglint::rules::pack::Pack;
use zglint::rules::{Context, KINDS};

/// The reports measured: (name, text).
fn reports() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let seeds = std::env::var_os("ZGLINT_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/seeds"));
    let mut seed_files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    seed_files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    // The largest seed report, about 50 KB.
    seed_files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
    match seed_files.first() {
        Some(p) => out.push(("seed".to_string(), read(p))),
        None => eprintln!(
            "no seed reports at {}: measuring the sample only",
            seeds.display()
        ),
    }
    let sample = root.join("tests/fixtures/reports/sample.txt");
    out.push(("sample".to_string(), read(&sample)));
    out
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn stages(c: &mut Criterion) {
    let pack = Pack::packaged().expect("the packaged rules load");
    let vocab = Vocabulary::packaged();
    let settings = Settings::defaults(&pack);
    for (name, text) in reports() {
        let mut g = c.benchmark_group("stages");
        g.throughput(Throughput::Bytes(text.len() as u64));
        let bytes = text.as_bytes().to_vec();
        g.bench_function(BenchmarkId::new("decode", &name), |b| {
            b.iter(|| zglint::decode("report.txt", black_box(bytes.clone())))
        });
        g.bench_function(BenchmarkId::new("parse", &name), |b| {
            b.iter(|| zglint::parse::parse(black_box(&text)))
        });
        let parsed = zglint::parse::parse(&text);
        g.bench_function(BenchmarkId::new("items", &name), |b| {
            b.iter(|| {
                let mut doc = parsed.clone();
                zglint::parse::item::find_items(&mut doc, vocab);
                doc
            })
        });
        let (doc, facts) = zglint::analyse(&text);
        g.bench_function(BenchmarkId::new("facts", &name), |b| {
            b.iter(|| {
                zglint::facts::extract(
                    black_box(&doc),
                    zglint::parse::vocab::Vocabulary::packaged(),
                )
            })
        });
        g.bench_function(BenchmarkId::new("summary", &name), |b| {
            b.iter(|| zglint::facts::summary::summarize(black_box(&doc), &facts))
        });
        g.bench_function(BenchmarkId::new("rules", &name), |b| {
            b.iter(|| pack.check(black_box(&doc), &facts))
        });
        // The whole check, as `zglint check` runs it on a text file.
        let input = zglint::check::plain(&text);
        let result = [FileResult {
            path: "report.txt".to_string(),
            outcome: Ok(zglint::check(&input, &pack, &settings)),
        }];
        g.bench_function(BenchmarkId::new("render-json", &name), |b| {
            b.iter(|| json::render(black_box(&result)))
        });
        g.bench_function(BenchmarkId::new("whole", &name), |b| {
            b.iter(|| zglint::check(black_box(&input), &pack, &settings))
        });
        g.finish();

        // Each kind's rules on their own.
        let mut g = c.benchmark_group("rules");
        g.throughput(Throughput::Bytes(text.len() as u64));
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: zglint::parse::vocab::Vocabulary::packaged(),
        };
        for kind in KINDS {
            let rules: Vec<_> = pack
                .rules
                .iter()
                .filter(|r| r.kind.name == kind.name)
                .collect();
            g.bench_function(BenchmarkId::new(kind.name, &name), |b| {
                b.iter(|| {
                    rules
                        .iter()
                        .map(|r| r.run(black_box(&cx)).len())
                        .sum::<usize>()
                })
            });
        }
        g.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
