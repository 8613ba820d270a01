//! Bad input for the answer grader: arbitrary Unicode (control characters, NUL, right-to-left
//! marks, combining marks, CJK, very long strings) as the expected and the given answer. The
//! grader never panics, an answer graded against itself is always correct, and a list or
//! order answer of any text is graded without a panic too.

use std::sync::OnceLock;

use proptest::prelude::*;
use quiz::grade::list::grade_list;
use quiz::grade::{Ask, Lexicon, Verdict, Wording, grade, grade_for};
use quiz::session::grading;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut l = Lexicon::builtin();
        l.extend([vec![
            "上合组织".to_owned(),
            "上海合作组织".to_owned(),
            "SCO".to_owned(),
        ]]);
        l
    })
}

/// Characters that tend to break text handling, mixed with any character at all.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '\0', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}',
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}',
            '\u{2066}', '\u{2069}', '\u{FEFF}', '\u{FFFD}', '\u{0301}', '\u{0308}', '\u{20DD}',
            '\u{3000}', '\u{FF21}', '\u{2460}', 'ß', 'İ', 'ﬁ', 'Σ', '上', '海', '長', '〇', '二',
            '、', '，', '；', ' ', 'a', 'A', '1', '-', '.',
        ]),
        2 => prop::char::range('\u{4E00}', '\u{9FFF}'),
    ]
}

fn nasty_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn grading_any_text_never_panics_and_an_answer_is_correct_against_itself(
        expected in nasty_string(60),
        given in nasty_string(60),
        other in nasty_string(20),
    ) {
        let lex = lexicon();
        let g = grade(&[&expected], &given, lex);
        prop_assert_eq!(g.expected, expected.clone());
        // Against itself: always correct, whatever the text, and with other accepted answers
        // around it in either order.
        prop_assert_eq!(grade(&[&expected], &expected, lex).verdict, Verdict::Correct);
        prop_assert_eq!(grade(&[&other, &expected], &expected, lex).verdict, Verdict::Correct);
        prop_assert_eq!(grade(&[&expected, &other], &expected, lex).verdict, Verdict::Correct);
        prop_assert_eq!(grade(&[&given], &given, lex).verdict, Verdict::Correct);
        // No accepted answers: wrong, never a panic.
        prop_assert_eq!(grade(&[], &given, lex).verdict, Verdict::Wrong);
        // The study session's wrappers take the same text.
        let t = grading::grade_typed(&[expected.clone(), other.clone()], &given, lex);
        prop_assert!(!t.step.is_empty());
        let items = vec![vec![expected.clone()], vec![other.clone()]];
        let l = grading::grade_list(&items, &given, lex);
        prop_assert!(l.found <= l.total);
        let _ = grading::grade_order(&[1, 0, 2], &given);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The second pass: any question description (who, how many, a year, a noun, other
    /// meetings' wordings), any whole list, open or closed, with any other lists' items.
    #[test]
    fn grading_for_a_question_never_panics(
        expected in nasty_string(40),
        given in nasty_string(40),
        other in nasty_string(20),
        noun in nasty_string(4),
        who in any::<bool>(),
        counts in any::<bool>(),
        closed in any::<bool>(),
        year in prop::option::of(-3000i32..3000),
    ) {
        let lex = lexicon();
        let others = vec![
            Wording { text: other.clone(), whose: "X".into(), also_true: false },
            Wording { text: given.clone(), whose: "Y".into(), also_true: true },
        ];
        let ask = Ask {
            who,
            titles: vec![noun.clone()],
            counts,
            noun: Some(noun.clone()),
            year,
            others,
        };
        let g = grade_for(&[&expected, &other], &given, &ask, lex);
        prop_assert!(!g.step.code().is_empty());
        // The answer itself is right, whatever else is known of the question.
        prop_assert_eq!(grade_for(&[&expected], &expected, &ask, lex).verdict, Verdict::Correct);
        let items = vec![vec![expected.clone()], vec![other.clone(), noun.clone()]];
        let l = grade_list(&items, closed, &ask.others, &given, lex);
        prop_assert!(l.found <= l.total && l.items.len() == l.total);
        prop_assert_eq!(l.shortfall, l.total - l.found + l.extras.iter().filter(|e| e.penalised).count());
    }
}

proptest! {
    // Long inputs cost tens of milliseconds each in a debug build: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn long_answers_never_panic(
        expected in nasty_string(1_500),
        given in nasty_string(1_500),
    ) {
        let lex = lexicon();
        let _ = grade(&[&expected], &given, lex);
        prop_assert_eq!(grade(&[&expected], &expected, lex).verdict, Verdict::Correct);
    }
}

#[test]
fn very_long_answers_are_graded_quickly() {
    let lex = lexicon();
    let long: String = "上海合作组织成员国\u{202E}\u{0301}\0".repeat(5_000);
    let mut other = long.clone();
    other.push('x');
    let start = std::time::Instant::now();
    assert_eq!(grade(&[&long], &long, lex).verdict, Verdict::Correct);
    assert_ne!(grade(&[&long], &other, lex).verdict, Verdict::Correct);
    let _ = grade(&[&long], "上海", lex);
    let _ = grading::grade_list(&[vec![long.clone()]], &other, lex);
    // Generous, for a debug build on a busy machine: the point is "not quadratic".
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}
