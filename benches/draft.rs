//! Times `draft-deck`'s extractor: `cargo bench --bench draft`.
//!
//! A 20,000-character article (the two source texts from ../shared/sources, repeated; or, where
//! they are absent, a paragraph written for this bench, repeated) is drafted 20 times and the
//! median printed, with the same for hostile shapes of the same size (one endless 、 series,
//! one line without punctuation, HTML nested as deep as allowed) to show the cost stays
//! linear.
//! PRODUCT.md's target: a 20,000-character article in under 50 ms.

use std::time::Instant;

use quiz::draft::{Options, draft};

const OWN: &str = "新华社北京5月12日电 5月12日,第二次部长会晤在西安举行。会议发表《关于深化合作的联合声明》。中方愿在未来3年再提供450个名额。双方商定在四方面加强合作。一是支持国际合作。二是做大国和睦共处典范。三是加强科技创新。四是捍卫公平正义。双方愿拓展5G、大数据、人工智能、电子商务等领域合作,共建“数字丝绸之路”。\n";

fn article(chars: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let mut seed = String::new();
    for f in ["000_c42d388d6a7d4817.txt", "002_8d1b18698a0279a7.txt"] {
        if let Ok(t) = std::fs::read_to_string(dir.join(f)) {
            seed.push_str(&t);
            seed.push('\n');
        }
    }
    if seed.is_empty() {
        seed = OWN.to_owned();
    }
    let mut out = String::new();
    while out.chars().count() < chars {
        out.push_str(&seed);
    }
    out.chars().take(chars).collect()
}

fn time(name: &str, input: &str) {
    let opts = Options {
        origin: "bench.txt".into(),
        ..Options::default()
    };
    // The first call also builds the traditional → simplified automaton (once per process).
    let t = Instant::now();
    let d = draft(input.as_bytes(), &opts);
    let first = t.elapsed();
    let mut runs = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let _ = std::hint::black_box(draft(std::hint::black_box(input.as_bytes()), &opts));
        runs.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    runs.sort_by(f64::total_cmp);
    let facts = d.map_or(0, |d| d.summary.facts);
    println!(
        "draft/{name}: {:.1} ms median of 20 ({} characters, {facts} facts; first call {:.1} ms)",
        runs[10],
        input.chars().count(),
        first.as_secs_f64() * 1000.0
    );
}

fn main() {
    time("article-20k", &article(20_000));
    time("article-40k", &article(40_000));
    time("series-20k", &format!("{}。", "合作、".repeat(6_666)));
    time("no-punctuation-20k", &"一是合作".repeat(5_000));
    let nested = format!(
        "<html><body>{}正文。{}</body></html>",
        "<div>".repeat(1_000),
        "</div>".repeat(1_000)
    );
    time("nested-html-1000", &nested);
}
