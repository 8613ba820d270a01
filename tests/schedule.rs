//! The scheduler's behaviour through its public API: the FSRS-6 reference example, learning
//! and relearning steps, interval ordering, fuzz, limits, day rollover, leeches and settings.

// Reference values are quoted digit for digit as guides/fsrs.md prints them.
#![allow(clippy::excessive_precision)]

use quiz::schedule::{
    Answered, CardState, FuzzFactor, Queue, Rating, SECS_PER_DAY, ScheduleError, Settings, answer,
    answer_with_fuzz, day_number, day_start, preview, retrievability,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// 2026-03-10 10:00:00 UTC.
const T0: i64 = 1_773_136_800;
const MIN: i64 = 60;
const HOUR: i64 = 3_600;

/// The pure algorithm: no steps, no fuzz, as in the reference example.
fn bare() -> Settings {
    Settings {
        learning_steps: vec![],
        relearning_steps: vec![],
        fuzz: false,
        ..Settings::default()
    }
}

/// Anki's default steps (1m 10m), without fuzz. quiz's own default is one 10m step (a right
/// first answer graduates a fact: docs/learning.md); these tests check the Anki mechanics.
fn no_fuzz() -> Settings {
    Settings {
        fuzz: false,
        learning_steps: vec![60, 600],
        ..Settings::default()
    }
}

fn rng() -> StdRng {
    StdRng::seed_from_u64(7)
}

fn ans(card: &CardState, rating: Rating, now: i64, settings: &Settings) -> Answered {
    answer(card, rating, now, settings, 0, &mut rng()).expect("valid card and settings")
}

fn assert_close(what: &str, got: f32, want: f32) {
    let rel = ((got - want) / want).abs();
    assert!(
        rel <= 1e-4,
        "{what}: got {got}, want {want} (relative error {rel})"
    );
}

/// The instant in the middle of the study day a review card is due.
fn due_midday(card: &CardState) -> i64 {
    card.due + 6 * HOUR
}

#[test]
fn worked_example_matches_the_fsrs6_reference() {
    // guides/fsrs.md §6.4: Good, Good, Again, Good, each on its due day.
    let s = bare();
    let steps = [
        (Rating::Good, 0, 2.306_500_0, 2.118_104_0, 2),
        (Rating::Good, 2, 10.964_341_2, 2.111_214_2, 11),
        (Rating::Again, 11, 1.538_337_7, 7.392_237_7, 2),
        (Rating::Good, 2, 4.876_262_7, 7.380_074_0, 5),
    ];
    let mut card = CardState::new();
    let mut now = T0;
    for (i, (rating, elapsed, stability, difficulty, interval)) in steps.into_iter().enumerate() {
        let out = ans(&card, rating, now, &s);
        let what = format!("step {}", i + 1);
        assert_eq!(out.elapsed_days, elapsed, "{what}: elapsed days");
        assert_close(&what, out.card.stability.unwrap(), stability);
        assert_close(&what, out.card.difficulty.unwrap(), difficulty);
        assert_eq!(out.card.interval_days, interval, "{what}: interval");
        assert_eq!(out.card.queue, Queue::Review);
        assert_eq!(out.is_lapse, rating == Rating::Again);
        let today = day_number(now, s.rollover_hour, 0);
        assert_eq!(
            out.card.due,
            day_start(today + i64::from(interval), s.rollover_hour, 0),
            "{what}: due at the start of the due day"
        );
        card = out.card;
        now = due_midday(&card);
    }
    assert_eq!((card.reps, card.lapses), (4, 1));
}

#[test]
fn worked_example_relearning_variant() {
    // §6.4 row 4′: Good ten minutes after the Again, as a relearning step.
    let s = Settings {
        relearning_steps: vec![600],
        ..bare()
    };
    let mut card = ans(&CardState::new(), Rating::Good, T0, &s).card;
    card = ans(&card, Rating::Good, due_midday(&card), &s).card;
    let lapse_at = due_midday(&card);
    let lapsed = ans(&card, Rating::Again, lapse_at, &s);
    assert!(lapsed.is_lapse);
    assert_eq!(lapsed.card.queue, Queue::Relearning);
    assert_eq!(lapsed.card.due, lapse_at + 10 * MIN);
    let back = ans(&lapsed.card, Rating::Good, lapse_at + 10 * MIN, &s);
    assert_eq!(back.elapsed_days, 0);
    assert_close("relearned S", back.card.stability.unwrap(), 1.571_197_6);
    assert_close("relearned D", back.card.difficulty.unwrap(), 7.380_074_0);
    assert_eq!(
        (back.card.queue, back.card.interval_days),
        (Queue::Review, 2)
    );
}

#[test]
fn new_card_buttons_without_steps_match_the_reference() {
    let outs = preview(&CardState::new(), T0, &bare(), 0, None).unwrap();
    let want = [
        (0.212, 6.4133, 1),
        (1.2931, 5.1122, 1),
        (2.3065, 2.1181, 2),
        (8.2956, 1.0, 8),
    ];
    for (out, (s, d, days)) in outs.iter().zip(want) {
        assert_close("S", out.card.stability.unwrap(), s);
        assert_close("D", out.card.difficulty.unwrap(), d);
        assert_eq!(out.card.interval_days, days);
    }
}

#[test]
fn new_card_goes_through_the_learning_steps_and_graduates() {
    let s = no_fuzz(); // steps 1m 10m
    let new = CardState::new();

    let again = ans(&new, Rating::Again, T0, &s).card;
    assert_eq!(
        (again.queue, again.step, again.due),
        (Queue::Learning, 0, T0 + MIN)
    );
    let hard = ans(&new, Rating::Hard, T0, &s).card;
    assert_eq!(
        (hard.queue, hard.step, hard.due),
        (Queue::Learning, 0, T0 + 330)
    );
    let good = ans(&new, Rating::Good, T0, &s).card;
    assert_eq!(
        (good.queue, good.step, good.due),
        (Queue::Learning, 1, T0 + 10 * MIN)
    );
    assert_eq!(
        good.stability,
        Some(2.3065),
        "memory state is stored on every step"
    );
    let easy = ans(&new, Rating::Easy, T0, &s).card;
    assert_eq!((easy.queue, easy.interval_days), (Queue::Review, 8));

    // On the last step: Hard repeats it, Again restarts, Good graduates.
    let t1 = T0 + 10 * MIN;
    let hard = ans(&good, Rating::Hard, t1, &s).card;
    assert_eq!(
        (hard.queue, hard.step, hard.due),
        (Queue::Learning, 1, t1 + 10 * MIN)
    );
    let again = ans(&good, Rating::Again, t1, &s).card;
    assert_eq!(
        (again.queue, again.step, again.due),
        (Queue::Learning, 0, t1 + MIN)
    );
    let graduated = ans(&good, Rating::Good, t1, &s);
    assert_eq!(graduated.elapsed_days, 0);
    assert_eq!(graduated.card.queue, Queue::Review);
    assert_eq!(graduated.card.interval_days, 2);
    // Same-day Good keeps S and nudges D (guides/fsrs.md §3.1).
    assert_close("S", graduated.card.stability.unwrap(), 2.3065);
    assert_close("D", graduated.card.difficulty.unwrap(), 2.1112);
    assert_eq!(graduated.card.reps, 2);
    assert_eq!(graduated.card.last_review, Some(t1));
}

#[test]
fn a_single_learning_step_graduates_a_new_card_on_good() {
    let s = Settings {
        learning_steps: vec![600],
        ..no_fuzz()
    };
    let new = CardState::new();
    assert_eq!(ans(&new, Rating::Good, T0, &s).card.queue, Queue::Review);
    // Hard on a single step waits 1.5 times it.
    assert_eq!(ans(&new, Rating::Hard, T0, &s).card.due, T0 + 900);
}

#[test]
fn a_step_ending_after_rollover_is_due_at_the_start_of_that_day() {
    let s = Settings {
        learning_steps: vec![600, 86_400],
        ..no_fuzz()
    };
    let card = ans(&CardState::new(), Rating::Good, T0, &s).card;
    let tomorrow = day_start(day_number(T0, 4, 0) + 1, 4, 0);
    assert_eq!((card.step, card.due), (1, tomorrow));
    // Answered at 03:55, a 10-minute step lands in the next day, which starts at 04:00.
    let late = day_start(day_number(T0, 4, 0) + 1, 4, 0) - 5 * MIN;
    let card = ans(&CardState::new(), Rating::Again, late, &s).card;
    assert_eq!(card.due, late + 5 * MIN);
}

#[test]
fn steps_shortened_after_the_card_entered_them_are_clamped() {
    let card = CardState {
        step: 5,
        ..ans(&CardState::new(), Rating::Good, T0, &no_fuzz()).card
    };
    let out = ans(&card, Rating::Good, T0 + 10 * MIN, &no_fuzz());
    assert_eq!(out.card.queue, Queue::Review);
}

#[test]
fn a_lapse_goes_through_relearning_and_back() {
    let s = no_fuzz(); // relearning step 10m
    let mut card = ans(&CardState::new(), Rating::Easy, T0, &s).card;
    let now = due_midday(&card);
    let lapse = ans(&card, Rating::Again, now, &s);
    assert!(lapse.is_lapse && !lapse.became_leech);
    assert_eq!(lapse.elapsed_days, 8);
    assert_eq!((lapse.card.queue, lapse.card.step), (Queue::Relearning, 0));
    assert_eq!((lapse.card.due, lapse.card.lapses), (now + 10 * MIN, 1));
    assert!(lapse.card.interval_days >= 1);
    card = lapse.card;

    // Again while relearning is not another lapse.
    let again = ans(&card, Rating::Again, now + 10 * MIN, &s);
    assert!(!again.is_lapse);
    assert_eq!(
        (again.card.queue, again.card.lapses),
        (Queue::Relearning, 1)
    );
    assert_eq!(again.card.due, now + 20 * MIN);

    let hard = ans(&card, Rating::Hard, now + 10 * MIN, &s).card;
    assert_eq!((hard.queue, hard.due), (Queue::Relearning, now + 25 * MIN));

    let good = ans(&card, Rating::Good, now + 10 * MIN, &s).card;
    assert_eq!(good.queue, Queue::Review);
    assert!(good.interval_days >= 1);
    let easy = ans(&card, Rating::Easy, now + 10 * MIN, &s).card;
    assert!(easy.interval_days > good.interval_days);
}

#[test]
fn without_relearning_steps_a_lapse_is_scheduled_in_days() {
    let s = Settings {
        relearning_steps: vec![],
        ..no_fuzz()
    };
    let card = ans(&CardState::new(), Rating::Easy, T0, &s).card;
    let lapse = ans(&card, Rating::Again, due_midday(&card), &s);
    assert!(lapse.is_lapse);
    assert_eq!(lapse.card.queue, Queue::Review);
    assert!(lapse.card.interval_days >= 1);
}

/// A review card with a random memory state, last answered `elapsed` days before `now`.
fn random_review_card(rng: &mut StdRng, now: i64) -> CardState {
    let stability = 10f32.powf(rng.random_range(-1.0..4.5));
    let elapsed = (f64::from(stability) * rng.random_range(0.0..3.0)) as i64;
    let last = now - elapsed * SECS_PER_DAY;
    CardState {
        queue: Queue::Review,
        stability: Some(stability),
        difficulty: Some(rng.random_range(1.0..10.0)),
        last_review: Some(last),
        due: last,
        interval_days: 1,
        reps: 5,
        ..CardState::new()
    }
}

#[test]
fn review_intervals_keep_hard_before_good_before_easy() {
    let mut rng = StdRng::seed_from_u64(2026);
    for i in 0..3_000 {
        let s = Settings {
            desired_retention: rng.random_range(0.70..=0.97),
            maximum_interval_days: if i % 3 == 0 {
                36_500
            } else {
                rng.random_range(1..400)
            },
            fuzz: i % 2 == 0,
            ..Settings::default()
        };
        let card = random_review_card(&mut rng, T0);
        let fuzz = FuzzFactor::draw(&mut rng);
        let outs = preview(&card, T0, &s, 0, Some(fuzz)).unwrap();
        let [_, hard, good, easy] = outs.map(|o| o.card.interval_days);
        let max = s.maximum_interval_days;
        assert!(
            1 <= hard && hard <= good && good <= easy && easy <= max,
            "{card:?} {s:?}"
        );
        // The order is strict unless the maximum interval squeezes it.
        assert!(
            hard < good || good == max,
            "hard {hard} good {good} {card:?}"
        );
        assert!(
            good < easy || easy == max,
            "good {good} easy {easy} {card:?}"
        );
    }
}

#[test]
fn intervals_never_exceed_the_maximum() {
    for max in [1, 7, 30, 365, 36_500] {
        let s = Settings {
            maximum_interval_days: max,
            ..Settings::default()
        };
        let mut rng = StdRng::seed_from_u64(u64::from(max));
        let mut card = CardState::new();
        let mut now = T0;
        let mut longest = 0;
        for _ in 0..40 {
            let out = answer(&card, Rating::Easy, now, &s, 0, &mut rng).unwrap();
            assert!(out.card.interval_days <= max);
            longest = longest.max(out.card.interval_days);
            let today = day_number(now, 4, 0);
            assert!(out.card.due <= day_start(today + i64::from(max), 4, 0));
            card = out.card;
            now = card.due + HOUR;
        }
        // A run of Easy reaches the cap, give or take the fuzz (about 5 % at long intervals).
        assert!(
            f64::from(longest) >= f64::from(max) * 0.94 - 1.5,
            "longest {longest} of {max}"
        );
    }
}

#[test]
fn fuzz_is_deterministic_for_a_seed_and_stays_in_range() {
    let s = Settings::default();
    let card = CardState {
        queue: Queue::Review,
        stability: Some(40.0),
        difficulty: Some(5.0),
        last_review: Some(T0 - 40 * SECS_PER_DAY),
        due: T0,
        interval_days: 40,
        ..CardState::new()
    };
    let plain = preview(&card, T0, &s, 0, None).unwrap()[2]
        .card
        .interval_days;
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..500 {
        let a = answer(
            &card,
            Rating::Good,
            T0,
            &s,
            0,
            &mut StdRng::seed_from_u64(seed),
        )
        .unwrap();
        let b = answer(
            &card,
            Rating::Good,
            T0,
            &s,
            0,
            &mut StdRng::seed_from_u64(seed),
        )
        .unwrap();
        assert_eq!(a, b, "same seed, same result");
        let days = a.card.interval_days;
        // Anki's fuzz around an interval near 40 days reaches ±(1 + 0.675 + 1.3 + 0.05·20) days.
        let spread = 1.0 + 0.15 * 4.5 + 0.1 * 13.0 + 0.05 * (f64::from(plain) - 20.0);
        assert!(
            (f64::from(days) - f64::from(plain)).abs() <= spread + 1.0,
            "{days} vs {plain}"
        );
        seen.insert(days);
    }
    assert!(seen.len() >= 6, "fuzz spreads the interval: {seen:?}");

    // Short intervals are not fuzzed (graduating from Anki's 1m 10m steps: 2 days).
    let anki_steps = Settings {
        learning_steps: vec![60, 600],
        ..Settings::default()
    };
    let young = ans(&CardState::new(), Rating::Good, T0, &anki_steps);
    let fuzzed = (0..50).map(|seed| {
        let mut rng = StdRng::seed_from_u64(seed);
        let c = answer(
            &young.card,
            Rating::Good,
            T0 + 10 * MIN,
            &anki_steps,
            0,
            &mut rng,
        );
        c.unwrap().card.interval_days
    });
    assert!(fuzzed.into_iter().all(|d| d == 2));
}

#[test]
fn preview_with_the_same_factor_is_what_answer_does() {
    let mut rng = StdRng::seed_from_u64(99);
    let s = Settings::default();
    for _ in 0..200 {
        let card = random_review_card(&mut rng, T0);
        let mut for_answer = rng.clone();
        let factor = FuzzFactor::draw(&mut rng);
        let shown = preview(&card, T0, &s, 0, Some(factor)).unwrap();
        for (r, promised) in Rating::ALL.into_iter().zip(&shown) {
            assert_eq!(
                &answer_with_fuzz(&card, r, T0, &s, 0, factor).unwrap(),
                promised
            );
            let mut rng_copy = for_answer.clone();
            assert_eq!(
                &answer(&card, r, T0, &s, 0, &mut rng_copy).unwrap(),
                promised
            );
        }
        let _ = FuzzFactor::draw(&mut for_answer);
    }
}

#[test]
fn day_rollover_puts_0359_in_the_previous_day() {
    // China Standard Time, rollover at 04:00.
    let offset = 8 * 3_600;
    let s = bare();
    // 2026-03-11 03:59 and 04:00 local = 2026-03-10 19:59 / 20:00 UTC.
    let before = 1_773_172_740;
    let after = before + MIN;
    assert_eq!(
        day_number(before, 4, offset) + 1,
        day_number(after, 4, offset)
    );

    let a = answer(
        &CardState::new(),
        Rating::Good,
        before,
        &s,
        offset,
        &mut rng(),
    )
    .unwrap();
    let b = answer(
        &CardState::new(),
        Rating::Good,
        after,
        &s,
        offset,
        &mut rng(),
    )
    .unwrap();
    assert_eq!(a.card.interval_days, 2);
    assert_eq!(b.card.interval_days, 2);
    // Both due at 04:00 local; the one answered at 03:59 a day earlier.
    assert_eq!(b.card.due - a.card.due, SECS_PER_DAY);
    assert_eq!(a.card.due, 1_773_172_800 + SECS_PER_DAY);

    // Two minutes apart across the rollover count as a day elapsed for FSRS.
    let again = answer(
        &a.card,
        Rating::Good,
        before + 2 * MIN,
        &s,
        offset,
        &mut rng(),
    )
    .unwrap();
    assert_eq!(again.elapsed_days, 1);
    // Two minutes apart on the same side count as none, even across local midnight.
    let midnight = 1_773_158_400; // 2026-03-11 00:00 local
    let first = answer(
        &CardState::new(),
        Rating::Good,
        midnight - MIN,
        &s,
        offset,
        &mut rng(),
    );
    let second = answer(
        &first.unwrap().card,
        Rating::Good,
        midnight + MIN,
        &s,
        offset,
        &mut rng(),
    );
    assert_eq!(second.unwrap().elapsed_days, 0);
}

#[test]
fn a_card_becomes_a_leech_at_the_threshold_and_every_half_threshold_after() {
    let s = Settings {
        leech_threshold: 4,
        relearning_steps: vec![],
        ..no_fuzz()
    };
    let mut card = ans(&CardState::new(), Rating::Easy, T0, &s).card;
    let mut leech_at = Vec::new();
    for _ in 0..8 {
        let out = ans(&card, Rating::Again, due_midday(&card), &s);
        assert!(out.is_lapse);
        if out.became_leech {
            leech_at.push(out.card.lapses);
        }
        card = out.card;
    }
    assert_eq!(leech_at, [4, 6, 8]);

    let off = Settings {
        leech_threshold: 0,
        ..s.clone()
    };
    let out = ans(&card, Rating::Again, due_midday(&card), &off);
    assert!(out.is_lapse && !out.became_leech);
}

#[test]
fn retrievability_uses_fractional_days() {
    let s = Settings::default();
    assert_eq!(retrievability(&CardState::new(), T0, &s), None);
    let card = CardState {
        queue: Queue::Review,
        stability: Some(10.0),
        difficulty: Some(5.0),
        last_review: Some(T0),
        ..CardState::new()
    };
    let r = |days: f64| retrievability(&card, T0 + (days * 86_400.0) as i64, &s).unwrap();
    // guides/fsrs.md §3.2 gives these to three decimals.
    for (days, want) in [(0.0, 1.0), (5.0, 0.940), (10.0, 0.900), (20.0, 0.846)] {
        assert!((r(days) - want).abs() < 5e-4, "R({days}) = {}", r(days));
    }
    assert!(r(0.5) < 1.0 && r(0.5) > r(1.0));
}

#[test]
fn card_state_round_trips_through_json() {
    let card = ans(&CardState::new(), Rating::Good, T0, &no_fuzz()).card;
    let json = serde_json::to_string(&card).unwrap();
    assert!(json.contains("\"queue\":\"learning\""), "{json}");
    let back: CardState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, card);
}

#[test]
fn inconsistent_cards_and_settings_are_errors_not_panics() {
    let half = CardState {
        stability: Some(3.0),
        ..CardState::new()
    };
    let err = answer(&half, Rating::Good, T0, &Settings::default(), 0, &mut rng()).unwrap_err();
    assert!(matches!(err, ScheduleError::InvalidCard(_)), "{err}");

    let nan = CardState {
        queue: Queue::Review,
        stability: Some(f32::NAN),
        difficulty: Some(5.0),
        last_review: Some(T0 - SECS_PER_DAY),
        ..CardState::new()
    };
    assert!(answer(&nan, Rating::Good, T0, &Settings::default(), 0, &mut rng()).is_err());

    let bad = Settings {
        desired_retention: 1.0,
        ..Settings::default()
    };
    let err = answer(&CardState::new(), Rating::Good, T0, &bad, 0, &mut rng()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid scheduling settings: desired_retention must be between 0.70 and 0.97, got 1"
    );
}

#[test]
fn settings_reject_bad_values_with_clear_messages() {
    let mut s = Settings::default();
    let cases = [
        (
            "desired_retention",
            "1.5",
            "desired_retention must be between 0.70 and 0.97, got 1.5",
        ),
        (
            "desired_retention",
            "high",
            "desired_retention must be a number between 0.70 and 0.97, got \"high\"",
        ),
        (
            "learning_steps",
            "1m 10x",
            "learning_steps must be durations separated by spaces, like \"1m 10m\" (units s, m, \
             h, d; a bare number is minutes), or \"\" for none, got \"10x\" in \"1m 10x\"",
        ),
        (
            "relearning_steps",
            "0m",
            "relearning_steps must be durations separated by spaces, like \"1m 10m\" (units s, \
             m, h, d; a bare number is minutes), or \"\" for none, got \"0m\" in \"0m\"",
        ),
        (
            "maximum_interval_days",
            "0",
            "maximum_interval_days must be a whole number of days from 1 to 36500, got 0",
        ),
        (
            "rollover_hour",
            "24",
            "rollover_hour must be a whole hour from 0 to 23, got 24",
        ),
        (
            "new_per_day",
            "-1",
            "new_per_day must be a whole number, 0 or more, got -1",
        ),
        (
            "fuzz",
            "maybe",
            "fuzz must be true or false (or on/off, yes/no), got \"maybe\"",
        ),
        (
            "parameters",
            "1, 2, 3",
            "parameters must be empty or 17, 19 or 21 numbers, got 3 numbers",
        ),
        (
            "colour",
            "blue",
            "unknown setting `colour`; known settings: desired_retention, learning_steps, \
             relearning_steps, maximum_interval_days, rollover_hour, new_per_day, \
             reviews_per_day, new_order, leech_threshold, fuzz, parameters, exam_date, ui_language",
        ),
        (
            "exam_date",
            "2026-02-29",
            "exam_date must be a date YYYY-MM-DD (e.g. 2026-12-20), or none, got \"2026-02-29\"",
        ),
        (
            "exam_date",
            "next week",
            "exam_date must be a date YYYY-MM-DD (e.g. 2026-12-20), or none, got \"next week\"",
        ),
    ];
    for (key, value, message) in cases {
        let err = s.set(key, value).unwrap_err();
        assert_eq!(err.to_string(), message, "set({key:?}, {value:?})");
    }
    assert_eq!(s, Settings::default(), "failed sets change nothing");
}

#[test]
fn settings_parse_and_print_canonically() {
    let mut s = Settings::default();
    let defaults: Vec<(&str, String)> = s.entries();
    let shown: Vec<(&str, &str)> = defaults.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        shown,
        [
            ("desired_retention", "0.9"),
            ("learning_steps", "10m"),
            ("relearning_steps", "10m"),
            ("maximum_interval_days", "36500"),
            ("rollover_hour", "4"),
            ("new_per_day", "20"),
            ("reviews_per_day", "200"),
            ("new_order", "interleave"),
            ("leech_threshold", "8"),
            ("fuzz", "true"),
            ("parameters", ""),
            ("exam_date", "none"),
            ("ui_language", "auto"),
        ]
    );
    s.set("exam_date", "2028-02-29").unwrap();
    assert_eq!(s.get("exam_date").unwrap(), "2028-02-29");
    s.set("exam_date.sco-fm-2020", "2027-01-15").unwrap();
    assert_eq!(
        s.exam_day_for("sco-fm-2020"),
        s.deck_exam_dates.get("sco-fm-2020").copied()
    );
    assert_eq!(s.get("exam_date.sco-fm-2020").unwrap(), "2027-01-15");
    assert_ne!(s.exam_day_for("other"), s.exam_day_for("sco-fm-2020"));
    s.set("exam_date.sco-fm-2020", "none").unwrap();
    assert!(s.deck_exam_dates.is_empty());
    s.set("learning_steps", "30s, 1.5m 1h 2d 10").unwrap();
    assert_eq!(s.learning_steps, [30, 90, 3_600, 172_800, 600]);
    assert_eq!(s.get("learning_steps").unwrap(), "30s 90s 1h 2d 10m");
    s.set("relearning_steps", "").unwrap();
    assert!(s.relearning_steps.is_empty());
    s.set("desired_retention", "85%").unwrap();
    assert_close("retention", s.desired_retention, 0.85);
    s.set("fuzz", "off").unwrap();
    assert!(!s.fuzz);
    let params = "0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, \
                  0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, \
                  0.1542";
    s.set("parameters", &format!("[{params}]")).unwrap();
    assert_eq!(s.parameters.len(), 21);
    assert_eq!(s.get("parameters").unwrap(), params);
    // Every printed value sets back to the same settings.
    let mut again = Settings::default();
    for (k, v) in s.entries() {
        again.set(k, &v).unwrap();
    }
    assert_eq!(again, s);
    s.set("parameters", "default").unwrap();
    assert!(s.parameters.is_empty());
    assert_eq!(s.get("nope"), None);
}
