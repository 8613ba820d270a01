//! Times the answer grader: `cargo bench --bench grade`.
//!
//! Grades 100,000 answers over a mix of Chinese, traditional, pinyin, English, numeral and date
//! pairs (each a full `grade` call with a fresh normalisation of both sides), after building the
//! built-in lexicon once, and times building the lexicon itself. Then the second pass: answers
//! to questions the grader is told about (ordinals, who, the question's year, other meetings'
//! wordings), and whole lists of 4 and 20 items, with extras and another list's item, graded
//! from scratch and against a list prepared once per question.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quiz::grade::list::{PreparedList, grade_list};
use quiz::grade::{Ask, Lexicon, Wording, grade, grade_for};

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

    second_pass(&lexicon);

    // A pathological answer: 60,000 characters against a short accepted answer.
    let huge = "上海合作组织".repeat(10_000);
    let t = Instant::now();
    black_box(grade(&["上海精神"], &huge, &lexicon));
    println!(
        "grade: {} µs for a 60,000-character answer",
        t.elapsed().as_micros()
    );
}

/// Mean time of `f` over `n` calls, in nanoseconds.
fn time(n: u32, mut f: impl FnMut()) -> u128 {
    f();
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    t.elapsed().as_nanos() / u128::from(n)
}

fn second_pass(lex: &Lexicon) {
    let others: Vec<Wording> = [
        ("推动国际抗疫合作", "上合组织成员国外长理事会会议"),
        ("支持国际抗疫合作", "中俄外长会谈"),
        ("加强国际抗疫合作", "王毅访问俄哈吉蒙四国"),
        ("巩固和扩大抗疫成果", "王毅访问俄哈吉蒙四国"),
        ("做大国和睦共处典范", "中俄外长会谈"),
        ("维护地区安全稳定", "“中国+中亚五国”外长第二次会晤"),
    ]
    .iter()
    .map(|(t, w)| Wording {
        text: (*t).to_owned(),
        whose: (*w).to_owned(),
        also_true: false,
    })
    .collect();
    let with_others = Ask {
        others: others.clone(),
        ..Ask::default()
    };
    let who = Ask {
        who: true,
        ..Ask::default()
    };
    let year = Ask {
        year: Some(2021),
        ..Ask::default()
    };
    let cases: [(&str, &[&str], &str, &Ask); 5] = [
        ("ordinal", &["1"], "第一方面", &Ask::default()),
        (
            "who with a title",
            &["王毅", "国务委员兼外长王毅"],
            "王毅外长",
            &who,
        ),
        (
            "date in the question's year",
            &["2021-05-12", "2021年5月12日"],
            "5月12日",
            &year,
        ),
        (
            "word order",
            &["有序、负责任"],
            "负责任、有序",
            &Ask::default(),
        ),
        (
            "another meeting's wording (6 wordings)",
            &["团结抗击疫情", "团结抗疫"],
            "推动国际抗疫合作",
            &with_others,
        ),
    ];
    for (label, accepted, given, ask) in cases {
        let ns = time(20_000, || {
            black_box(grade_for(accepted, black_box(given), ask, lex));
        });
        println!("grade_for: {ns} ns per answer ({label})");
    }

    // Lists: 4 items (one answered with another meeting's wording, one extra), and 20 items
    // answered in another order with a slip and an extra.
    let four: Vec<Vec<String>> = [
        vec!["维护地区安全稳定", "地区安全稳定"],
        vec!["提升务实合作水平", "务实合作"],
        vec!["团结抗击疫情", "团结抗疫", "推动国际抗疫合作"],
        vec!["构建人类命运共同体", "人类命运共同体"],
    ]
    .iter()
    .map(|i| i.iter().map(|s| (*s).to_owned()).collect())
    .collect();
    let given4 = "维护地区安全稳定;提升务实合作水平;推动国际抗疫合作;构建人类命运共同体;金砖国家";
    let terms = [
        "鲁班工坊",
        "钢铁驼队",
        "上海精神",
        "三股势力",
        "绿色通道",
        "快捷通道",
        "互联互通",
        "人工智能",
        "大数据",
        "电子商务",
        "新能源",
        "中欧班列",
        "多边主义",
        "自由贸易",
        "光明之路",
        "人类命运共同体",
        "新型国际关系",
        "全球治理体系",
        "后疫情时代",
        "冷战思维",
    ];
    let twenty: Vec<Vec<String>> = terms.iter().map(|t| vec![(*t).to_owned()]).collect();
    let mut shuffled: Vec<&str> = terms.iter().rev().copied().collect();
    shuffled[3] = "鲁班工房";
    shuffled.push("金砖国家");
    let given20 = shuffled.join("、");
    for (label, items, given) in [("4 items", &four, given4), ("20 items", &twenty, &given20)] {
        let whole = time(2_000, || {
            black_box(grade_list(items, true, &others, black_box(given), lex));
        });
        let prepared = PreparedList::new(items, true, &others, lex);
        let graded = time(2_000, || {
            black_box(prepared.grade(black_box(given), lex));
        });
        let prepare = time(2_000, || {
            black_box(PreparedList::new(items, true, &others, lex));
        });
        println!(
            "list of {label}: {} µs to grade from scratch ({} µs to prepare the list once per question, {} µs to grade against it)",
            whole / 1_000,
            prepare / 1_000,
            graded / 1_000
        );
    }
}
