//! Times the answer grader: `cargo bench --bench grade`.
//!
//! Grades 100,000 answers over a mix of Chinese, traditional, pinyin, English, numeral and date
//! pairs (each a full `grade` call with a fresh normalisation of both sides), after building the
//! built-in lexicon once, and times building the lexicon itself.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quiz::grade::{Lexicon, grade};

const PAIRS: &[(&[&str], &str)] = &[
    (&["鲁班工坊"], "鲁班工房"),
    (&["三股势力"], "三种势力"),
    (&["上海合作组织"], "上合组织"),
    (&["上海合作组织"], "上海合作組織"),
    (&["450个奖学金名额"], "四百五十个奖学金名额"),
    (&["450个奖学金名额"], "540个奖学金名额"),
    (&["2021年5月12日"], "May 12, 2021"),
    (&["长安"], "chang'an"),
    (&["鲁班工坊"], "lu3 ban1 gong1 fang1"),
    (&["健康丝路"], "平安丝路"),
    (&["多边主义", "multilateralism"], "unilateralism"),
    (&["Shanghai Spirit"], "the shanghai spirrit"),
    (&["反对单边主义和保护主义"], "反对多边主义和保护主义"),
    (&["国务委员兼外交部长"], "国务委员兼外长"),
    (&["推动国际抗疫合作"], "推进国际抗疫合作"),
    (
        &["community with a shared future for mankind"],
        "community of shared future for mankind",
    ),
];

fn main() {
    // The first build also loads the traditional → simplified automaton (once per process).
    let t = Instant::now();
    let lexicon = Lexicon::builtin();
    let first = t.elapsed();
    let rounds = 20;
    let t = Instant::now();
    for _ in 0..rounds {
        black_box(Lexicon::builtin());
    }
    let rebuild = t.elapsed() / rounds;
    println!(
        "lexicon: {} µs first build (with the T→S tables), {} µs per later build, {} alias sets",
        first.as_micros(),
        rebuild.as_micros(),
        lexicon.len()
    );

    // Warm up, then time.
    for (accepted, given) in PAIRS {
        black_box(grade(accepted, given, &lexicon));
    }
    let n = 100_000;
    let mut per_pair = vec![Duration::ZERO; PAIRS.len()];
    let t = Instant::now();
    for i in 0..n {
        let k = i % PAIRS.len();
        let (accepted, given) = PAIRS[k];
        let s = Instant::now();
        black_box(grade(black_box(accepted), black_box(given), &lexicon));
        per_pair[k] += s.elapsed();
    }
    let total = t.elapsed();
    let per = total.as_nanos() / n as u128;
    let calls = (n / PAIRS.len()) as u32;
    let (slow_k, slow) = per_pair
        .iter()
        .enumerate()
        .max_by_key(|(_, d)| **d)
        .map(|(k, d)| (k, *d / calls))
        .unwrap_or((0, Duration::ZERO));
    println!(
        "grade: {per} ns per answer ({n} answers over {} Chinese/pinyin/English pairs; slowest pair {:?} ← {:?} at {} ns)",
        PAIRS.len(),
        PAIRS[slow_k].0[0],
        PAIRS[slow_k].1,
        slow.as_nanos()
    );

    // A pathological answer: 60,000 characters against a short accepted answer.
    let huge = "上海合作组织".repeat(10_000);
    let t = Instant::now();
    black_box(grade(&["上海精神"], &huge, &lexicon));
    println!(
        "grade: {} µs for a 60,000-character answer",
        t.elapsed().as_micros()
    );
}
