//! The grader's second pass (issue 11), as a table like tests/grade_table.rs: each row is an
//! answer to a question the grader is told about ([`Ask`]), with the verdict and the step that
//! must decide it. Rows cover ordinals, both languages, titles in who-answers, dates against
//! the question, numerals inside words, word order and other meetings' wordings; a second table
//! scores whole lists. The cases quoted in the issue are marked `issue:`; the rest are ours.
//! All failing rows are reported at once.

use quiz::grade::list::grade_list;
use quiz::grade::{Ask, Lexicon, Step, Verdict, Wording, grade, grade_for};

use Step::*;
use Verdict::{Almost, Correct, Wrong};

/// What the row's question is, as the session would describe it.
#[derive(Clone, Copy)]
enum Q {
    /// Nothing known (`quiz grade EXPECTED GIVEN`).
    Plain,
    /// "Who …?"
    Who,
    /// "How many …?"
    Counts,
    /// A position in a list whose items are called this.
    Noun(&'static str),
    /// The question states this year.
    Year(i32),
    /// Other meetings' wordings: (wording, whose).
    Others(&'static [(&'static str, &'static str)]),
}

struct Row {
    label: &'static str,
    q: Q,
    accepted: &'static [&'static str],
    given: &'static str,
    verdict: Verdict,
    step: Step,
}

const fn row(
    label: &'static str,
    q: Q,
    accepted: &'static [&'static str],
    given: &'static str,
    verdict: Verdict,
    step: Step,
) -> Row {
    Row {
        label,
        q,
        accepted,
        given,
        verdict,
        step,
    }
}

fn ask(q: Q) -> Ask {
    match q {
        Q::Plain => Ask::default(),
        Q::Who => Ask {
            who: true,
            ..Ask::default()
        },
        Q::Counts => Ask {
            counts: true,
            ..Ask::default()
        },
        Q::Noun(n) => Ask {
            noun: Some(n.to_owned()),
            ..Ask::default()
        },
        Q::Year(y) => Ask {
            year: Some(y),
            ..Ask::default()
        },
        Q::Others(o) => Ask {
            others: o
                .iter()
                .map(|(text, whose)| Wording {
                    text: (*text).to_owned(),
                    whose: (*whose).to_owned(),
                    also_true: false,
                })
                .collect(),
            ..Ask::default()
        },
    }
}

const SCO: &str = "上合组织成员国外长理事会会议";
const CN_RU: &str = "中俄外长会谈";
const XIAN: &str = "“中国+中亚五国”外长第二次会晤";
const ANTI_EPIDEMIC: &[(&str, &str)] = &[
    ("推动国际抗疫合作", SCO),
    ("支持国际抗疫合作", CN_RU),
    ("团结抗击疫情", XIAN),
];

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // ── ordinals ───────────────────────────────────────────────────────────────────────────
    row("issue: 第一 for 1 (quiz grade 1 第一)", Q::Plain, &["1"], "第一", Correct, Ordinal),
    row("issue: 第一项", Q::Noun("项"), &["1"], "第一项", Correct, Ordinal),
    row("issue: 第一方面", Q::Noun("方面"), &["1"], "第一方面", Correct, Ordinal),
    row("issue: first", Q::Noun("方面"), &["1"], "first", Correct, Ordinal),
    row("issue: 1st", Q::Noun("方面"), &["1"], "1st", Correct, Ordinal),
    row("ordinal: 第三点意义 with the list's noun", Q::Noun("点意义"), &["3"], "第三点意义", Correct, Ordinal),
    row("ordinal: the third", Q::Noun("项"), &["3"], "the third", Correct, Ordinal),
    row("ordinal: 2nd", Q::Noun("项"), &["2"], "2nd", Correct, Ordinal),
    row("ordinal: 第4项", Q::Noun("项"), &["4"], "第4项", Correct, Ordinal),
    row("ordinal: 二是 as the text enumerates", Q::Noun("项"), &["2"], "二是", Correct, Ordinal),
    row("ordinal: the bare number still counts", Q::Noun("项"), &["2"], "2", Correct, Exact),
    row("ordinal: another position", Q::Noun("项"), &["1"], "第二项", Wrong, Ordinal),
    row("ordinal: second for 3", Q::Noun("项"), &["3"], "second", Wrong, Ordinal),
    row("ordinal: 第一 is no count", Q::Counts, &["1"], "第一", Wrong, Ordinal),
    row("ordinal: 第一届 is no position", Q::Noun("项"), &["1"], "第一届会议", Wrong, NoMatch),

    // ── both languages ─────────────────────────────────────────────────────────────────────
    row("issue: a Chinese answer is not judged by an English gloss's date",
        Q::Plain, &["上海合作组织外长会议", "上合组织外长理事会会议", "the SCO foreign ministers' meeting (Moscow, September 2020)"],
        "上合组织外长理事会", Almost, EditDistance),
    row("language: an English answer against the English form",
        Q::Plain, &["上海合作组织外长会议", "the SCO foreign ministers' meeting"],
        "the SCO foreign minister meeting", Almost, EditDistance),
    row("language: an alias still crosses languages", Q::Plain, &["上海合作组织"], "SCO", Correct, Alias),
    row("language: a wrong English answer gets an English reason",
        Q::Plain, &["多边主义", "multilateralism"], "unilateralism", Wrong, Opposite),

    // ── a name with its title answers who ──────────────────────────────────────────────────
    row("issue: 王毅外长 for who chaired",
        Q::Who, &["王毅", "中国国务委员兼外交部长王毅", "国务委员兼外长王毅", "Wang Yi, State Councilor and Foreign Minister"],
        "王毅外长", Correct, Title),
    row("title: the title first", Q::Who, &["王毅"], "国务委员兼外长王毅", Correct, Title),
    row("title: in English", Q::Who, &["王毅", "Wang Yi"], "Foreign Minister Wang Yi", Correct, Title),
    row("title: State Councilor and Foreign Minister Wang Yi", Q::Who, &["王毅"], "State Councilor and Foreign Minister Wang Yi", Correct, Title),
    row("title: another name with the same title", Q::Who, &["王毅"], "拉夫罗夫外长", Wrong, NoMatch),
    row("title: only for who-questions", Q::Plain, &["中国"], "中国外长", Wrong, EditDistance),
    row("title: the name alone", Q::Who, &["王毅"], "王毅", Correct, Exact),

    // ── dates against the question ─────────────────────────────────────────────────────────
    row("issue: the text's own 5月12日 when the question states 2021", Q::Year(2021), &["2021-05-12", "2021年5月12日"], "5月12日", Correct, Date),
    row("date: 5月12日 without the year's context is short", Q::Plain, &["2021-05-12", "2021年5月12日"], "5月12日", Wrong, Date),
    row("date: the question's year but another day", Q::Year(2021), &["2021-05-12"], "5月13日", Wrong, Date),
    row("issue: 2021年7月1日 for 2021年7月", Q::Plain, &["2021年7月"], "2021年7月1日", Correct, Date),
    row("issue: quiz grade 2020-07 2020年7月", Q::Plain, &["2020-07"], "2020年7月", Correct, Date),
    row("date: a day for a month, in ISO", Q::Plain, &["2020-07", "2020年7月"], "2020-07-15", Correct, Date),
    row("date: a less precise answer is short", Q::Plain, &["2021-05-12"], "2021年5月", Wrong, Date),
    row("date: another month", Q::Plain, &["2020-07"], "2020年8月", Wrong, Date),
    row("issue: November = 11月", Q::Plain, &["11月"], "November", Correct, Date),
    row("date: Nov. 2020", Q::Plain, &["2020-11"], "Nov. 2020", Correct, Date),
    row("date: a month name is no other month", Q::Plain, &["11月"], "October", Wrong, Date),

    // ── numerals only where they are numbers ───────────────────────────────────────────────
    row("issue: 疫苗援助 is missing 新一批, not 1", Q::Plain, &["新一批疫苗援助"], "疫苗援助", Wrong, EditDistance),
    row("issue: 十四五 typed 14五", Q::Plain, &["十四五"], "14五", Correct, Numerals),
    row("numerals: 中亚5国", Q::Plain, &["中亚五国"], "中亚5国", Correct, Numerals),
    row("numerals: 中亚6国 is still wrong", Q::Plain, &["中亚五国"], "中亚6国", Wrong, Numerals),
    row("issue: five five is not 10", Q::Plain, &["10"], "five five", Wrong, Numerals),
    row("numerals: twenty five is 25", Q::Plain, &["25"], "twenty five", Correct, Numerals),
    row("numerals: 新一轮 stays a word", Q::Plain, &["新一轮合作"], "新1轮合作", Correct, Numerals),

    // ── word order ─────────────────────────────────────────────────────────────────────────
    row("issue: 负责任、有序 for 有序、负责任", Q::Plain, &["有序、负责任"], "负责任、有序", Correct, Order),
    row("order: 和 for 、", Q::Plain, &["有序、负责任"], "负责任和有序", Correct, Order),
    row("order: English coordination", Q::Plain, &["peace and development"], "development and peace", Correct, Order),
    row("issue: 哈萨克斯坦和中国 for 中哈", Q::Plain, &["中哈", "China and Kazakhstan"], "哈萨克斯坦和中国", Almost, Order),
    row("issue: 中国+中亚五国第二次外长会晤", Q::Plain, &["中国+中亚五国外长第二次会晤"], "中国+中亚五国第二次外长会晤", Almost, Order),
    row("issue: 第二次中国+中亚五国外长会晤", Q::Plain, &["中国+中亚五国外长第二次会晤", "中国+中亚五国外长会晤"], "第二次中国+中亚五国外长会晤", Almost, Order),
    row("order: three parts in another order", Q::Plain, &["多元化、深层次、高水平"], "高水平、多元化、深层次", Correct, Order),
    row("order: a part changed is not a reordering", Q::Plain, &["有序、负责任"], "负责任、无序", Wrong, NoMatch),
    row("order: numbers are not shuffled", Q::Plain, &["450个"], "504个", Wrong, Numerals),
    row("order: characters shuffled are no reordering", Q::Plain, &["三股势力"], "势三股力", Wrong, EditDistance),

    // ── the other meeting's wording ────────────────────────────────────────────────────────
    row("issue: the SCO wording for the Xi'an item, though the deck accepts it",
        Q::Others(&[("推动国际抗疫合作", SCO), ("支持国际抗疫合作", CN_RU)]),
        &["团结抗击疫情", "团结抗疫", "推动国际抗疫合作", "支持国际抗疫合作"], "推动国际抗疫合作", Wrong, Interference),
    row("issue: the China–Russia wording", Q::Others(&[("推动国际抗疫合作", SCO), ("支持国际抗疫合作", CN_RU)]),
        &["团结抗击疫情", "团结抗疫"], "支持国际抗疫合作", Wrong, Interference),
    row("interference: the item's own wording stays right", Q::Others(ANTI_EPIDEMIC),
        &["推动国际抗疫合作", "国际抗疫合作"], "推动国际抗疫合作", Correct, Exact),
    row("interference: a shared short form stays right", Q::Others(ANTI_EPIDEMIC),
        &["推动国际抗疫合作", "国际抗疫合作"], "国际抗疫合作", Correct, Exact),
    row("interference: close to another's wording", Q::Others(&[("支持国际抗疫合作", CN_RU)]),
        &["团结抗击疫情"], "支持国际抗役合作", Wrong, Interference),
    row("interference: nothing to do with either", Q::Others(ANTI_EPIDEMIC),
        &["团结抗击疫情"], "维护地区安全稳定", Wrong, NoMatch),
];

#[test]
fn grading_table_of_the_second_pass() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for r in TABLE {
        let got = grade_for(r.accepted, r.given, &ask(r.q), &lexicon);
        if got.verdict != r.verdict || got.step != r.step {
            failures.push(format!(
                "{}: {:?} ← {:?}: want {} ({:?}), got {} ({:?}) diff {:?}",
                r.label, r.accepted, r.given, r.verdict, r.step, got.verdict, got.step, got.diff
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
#[ignore = "prints every row's result for review"]
fn print_table() {
    let lexicon = Lexicon::builtin();
    for r in TABLE {
        let got = grade_for(r.accepted, r.given, &ask(r.q), &lexicon);
        println!(
            "{:<60} {} ({:?}) {:?} [{}]",
            r.label, got.verdict, got.step, got.diff, got.expected
        );
    }
}

#[test]
fn messages_read_the_right_way_round() {
    let lex = Lexicon::builtin();
    let d = |a: &str, g: &str| grade(&[a], g, &lex).diff.unwrap_or_default();
    // issue: "no date ≠ 2021年7月1日" said the accepted answer had no date.
    assert_eq!(
        d("2021年5月12日", "2021年5月13日"),
        "2021年5月12日 ≠ 2021年5月13日"
    );
    assert_eq!(
        d("于2021年5月12日举行", "举行"),
        "missing the date 2021年5月12日"
    );
    assert_eq!(d("举行", "于2021年5月12日举行"), "extra date 2021年5月12日");
    assert_eq!(d("新一批疫苗援助", "疫苗援助"), "missing 新一批");
    assert_eq!(d("3", "second"), "3 ≠ 2");
    let g = grade_for(
        &["团结抗击疫情"],
        "推动国际抗疫合作",
        &ask(Q::Others(ANTI_EPIDEMIC)),
        &lex,
    );
    assert_eq!(
        g.diff.as_deref(),
        Some("that is the wording of 上合组织成员国外长理事会会议")
    );
}

/// Whole lists: (label, items, closed, others, given, verdict, found, penalised extras).
type ListRow = (
    &'static str,
    &'static [&'static [&'static str]],
    bool,
    &'static [(&'static str, &'static str, bool)],
    &'static str,
    Verdict,
    usize,
    usize,
);

const PLATFORMS: &[&[&str]] = &[&["上海合作组织", "上合组织"], &["联合国"], &["亚信"]];
const FOUR: &[&[&str]] = &[&["俄罗斯"], &["哈萨克斯坦"], &["吉尔吉斯斯坦"], &["蒙古国"]];
const SIGNIFICANCE: &[&[&str]] = &[
    &["维护地区安全稳定"],
    &["提升务实合作水平"],
    &["团结抗击疫情", "团结抗疫", "推动国际抗疫合作"],
    &["构建人类命运共同体"],
];
const FIELDS: &[&[&str]] = &[&["农业"], &["高科技"]];

#[rustfmt::skip]
const LISTS: &[ListRow] = &[
    ("issue: padding a three-item list", PLATFORMS, true, &[], "SCO; UN; 亚信; 金砖国家", Wrong, 3, 1),
    ("issue: a fifth item on a closed four", FOUR, true, &[], "俄罗斯、哈萨克斯坦、吉尔吉斯斯坦、蒙古国、塔吉克斯坦", Almost, 4, 1),
    ("issue: half a list does not pass", FOUR, true, &[], "俄罗斯、哈萨克斯坦", Wrong, 2, 0),
    ("list: all items in any order", FOUR, true, &[], "蒙古国;俄罗斯,吉尔吉斯斯坦、哈萨克斯坦", Correct, 4, 0),
    ("list: full-width separators", FOUR, true, &[], "蒙古国；俄罗斯，吉尔吉斯斯坦\n哈萨克斯坦", Correct, 4, 0),
    ("list: one short of four is almost", FOUR, true, &[], "俄罗斯、哈萨克斯坦、蒙古国", Almost, 3, 0),
    ("list: one short of three is wrong", PLATFORMS, true, &[], "上合组织、联合国", Wrong, 2, 0),
    ("list: a slip in one item is almost", &[&["鲁班工坊"], &["钢铁驼队"]], true, &[], "鲁班工房、钢铁驼队", Almost, 2, 0),
    ("list: naming an item twice adds nothing", FOUR, true, &[], "俄罗斯;俄罗斯;哈萨克斯坦;吉尔吉斯斯坦;蒙古国", Correct, 4, 0),
    ("list: an item twice does not fill a gap", FOUR, true, &[], "俄罗斯;俄罗斯", Wrong, 1, 0),
    ("issue: the SCO wording in the Xi'an list", SIGNIFICANCE, true, &[("推动国际抗疫合作", SCO, false)],
        "维护地区安全稳定;提升务实合作水平;推动国际抗疫合作;构建人类命运共同体", Wrong, 3, 1),
    ("list: the Xi'an wording itself", SIGNIFICANCE, true, &[("推动国际抗疫合作", SCO, false)],
        "维护地区安全稳定;提升务实合作水平;团结抗疫;构建人类命运共同体", Correct, 4, 0),
    ("list: open list, a true extra from the same meeting", FIELDS, false, &[("考古", "“要深化合作的领域”", true)],
        "农业、高科技、考古", Correct, 2, 0),
    ("list: closed list, the same extra counts", FIELDS, true, &[("考古", "“要深化合作的领域”", true)],
        "农业、高科技、考古", Wrong, 2, 1),
    ("list: open list, an extra from nowhere", FIELDS, false, &[], "农业、高科技、航天", Wrong, 2, 1),
    ("list: empty answer", FOUR, true, &[], "", Wrong, 0, 0),
];

#[test]
fn whole_lists_are_scored_item_by_item() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for (label, items, closed, others, given, verdict, found, penalised) in LISTS {
        let items: Vec<Vec<String>> = items
            .iter()
            .map(|i| i.iter().map(|s| (*s).to_owned()).collect())
            .collect();
        let others: Vec<Wording> = others
            .iter()
            .map(|(t, w, also)| Wording {
                text: (*t).to_owned(),
                whose: (*w).to_owned(),
                also_true: *also,
            })
            .collect();
        let l = grade_list(&items, *closed, &others, given, &lexicon);
        let got_penalised = l.extras.iter().filter(|e| e.penalised).count();
        if l.verdict != *verdict || l.found != *found || got_penalised != *penalised {
            failures.push(format!(
                "{label}: want {verdict} {found} found {penalised} penalised, got {} {} found {got_penalised} penalised: {:?}",
                l.verdict, l.found, l.extras
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_extra_from_another_list_names_it() {
    let lexicon = Lexicon::builtin();
    let items: Vec<Vec<String>> = SIGNIFICANCE
        .iter()
        .map(|i| i.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    let others = [Wording {
        text: "推动国际抗疫合作".into(),
        whose: SCO.into(),
        also_true: false,
    }];
    let l = grade_list(
        &items,
        true,
        &others,
        "维护地区安全稳定;推动国际抗疫合作;金砖国家",
        &lexicon,
    );
    assert_eq!(l.extras.len(), 2);
    assert_eq!(l.extras[0].given, "推动国际抗疫合作");
    assert_eq!(l.extras[0].whose.as_deref(), Some(SCO));
    assert_eq!(l.extras[0].why, format!("that is the wording of {SCO}"));
    assert_eq!(l.extras[1].why, "not in the list");
    assert_eq!(
        l.missing(),
        vec!["提升务实合作水平", "团结抗击疫情", "构建人类命运共同体"]
    );
}
