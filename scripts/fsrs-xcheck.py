#!/usr/bin/env python3
"""Cross-check quiz's scheduler against py-fsrs, an independent FSRS-6 implementation.

Random review histories are played through py-fsrs (learning_steps=(), relearning_steps=(),
enable_fuzzing=False: the bare algorithm) and, answer for answer, through our scheduler via
`cargo run --example fsrs_xcheck`. py-fsrs's intervals drive the timing: most reviews on or
around the due day, some a little early or late, 5 % on the same day.

What must agree (guides/fsrs.md §6.2-6.3):
  - elapsed days: exactly (reviews are placed so py's 24-hour floor equals our day count);
  - stability and difficulty: within 1e-5 relative (py uses f64, the crate f32);
  - days: py rounds half to even, we round half away from zero, so our rounded raw interval
    must equal py's days except at a .5 boundary or above 1,000 days, where ±1 is allowed;
  - our scheduled days equal our rounded raw interval, except that a review answered Hard,
    Good or Easy may be raised by up to 2 days to keep hard < good < easy, which py does not.
Cards are dropped from the comparison once py's stability passes 36,500 days (py does not cap
it; the crate does).

Needs py-fsrs 6.3.x (`pip install fsrs==6.3.2`, in a venv) and cargo; see fsrs-xcheck.sh.
Prints one line per configuration and a closing `N passed, N failed` line; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

try:
    from fsrs import Card, Rating, Scheduler
except ImportError:
    sys.exit("fsrs-xcheck: needs py-fsrs: pip install fsrs==6.3.2 (see scripts/fsrs-xcheck.sh)")

REPO = Path(__file__).resolve().parent.parent
START = datetime(2026, 1, 1, tzinfo=timezone.utc)

# A plausible optimised parameter set, different from the defaults in every position and inside
# both implementations' bounds, so the check is not only of the default path.
ALT_PARAMETERS = [
    0.4, 0.9, 2.5, 10.0, 6.8, 0.6, 2.2, 0.01, 1.6, 0.15, 0.9,
    1.8, 0.08, 0.3, 1.4, 0.4, 2.2, 0.6, 0.15, 0.1, 0.3,
]
STABILITY_CAP = 36_500


def round_half_away(x: float) -> int:
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def simulate(rng: random.Random, scheduler: Scheduler, cards: int, reviews: int):
    """Yields (card, unix_secs, rating, py_stability, py_difficulty, py_days, py_elapsed)."""
    for card_id in range(1, cards + 1):
        card = Card(card_id=card_id, due=START)
        day = rng.randrange(0, 30)
        last = None
        for n in range(reviews):
            # The time of day grows by a minute per review, so that py's floor of 24-hour
            # periods and our count of midnights (rollover 0, UTC) give the same elapsed days.
            when = START + timedelta(days=day, hours=6, minutes=n)
            rating = rng.choices([1, 2, 3, 4], weights=[15, 15, 60, 10])[0]
            card, _ = scheduler.review_card(card, Rating(rating), when)
            if card.stability > STABILITY_CAP:
                break
            days = (card.due - when).days
            elapsed = (when - last).days if last else 0
            yield card_id, int(when.timestamp()), rating, card.stability, card.difficulty, days, elapsed
            last = when
            roll = rng.random()
            if roll < 0.05:
                pass  # again later the same day
            elif roll < 0.55:
                day += days
            else:
                day += max(1, round(days * rng.uniform(0.5, 1.8)))


def run_ours(retention: float, parameters: list[float], lines: list[str], binary: str | None):
    params = ",".join(str(p) for p in parameters)
    cmd = [binary] if binary else ["cargo", "run", "--quiet", "--example", "fsrs_xcheck", "--"]
    out = subprocess.run(
        cmd + [str(retention), params],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    return [line.split("\t") for line in out.stdout.splitlines()]


def check(name, retention, parameters, args, rng) -> bool:
    scheduler = Scheduler(
        parameters=parameters or Scheduler().parameters,
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=STABILITY_CAP,
        enable_fuzzing=False,
    )
    rows = list(simulate(rng, scheduler, args.cards, args.reviews))
    ours = run_ours(retention, parameters, [f"{r[0]} {r[1]} {r[2]}" for r in rows], args.bin)
    if len(ours) != len(rows):
        print(f"{name}: FAILED: {len(rows)} answers in, {len(ours)} out")
        return False

    failures = []
    max_ds = max_dd = 0.0
    boundary = raised = 0
    previous_rating = {}
    for (card, secs, rating, py_s, py_d, py_days, py_elapsed), mine in zip(rows, ours):
        m_card, m_s, m_d, m_days, m_raw, m_elapsed = mine
        assert int(m_card) == card
        s, d, days, raw, elapsed = float(m_s), float(m_d), int(m_days), float(m_raw), int(m_elapsed)
        ds, dd = abs(s - py_s) / py_s, abs(d - py_d) / py_d
        max_ds, max_dd = max(max_ds, ds), max(max_dd, dd)
        where = f"card {card} at {secs} rating {rating}"
        if elapsed != py_elapsed:
            failures.append(f"{where}: elapsed {elapsed} vs py {py_elapsed}")
        if ds > 1e-5 or dd > 1e-5:
            failures.append(f"{where}: S {s} vs {py_s}, D {d} vs {py_d}")
        rounded = min(max(round_half_away(raw), 1), STABILITY_CAP)
        if rounded != py_days:
            at_half = abs(raw - math.floor(raw) - 0.5) < 1e-3
            if abs(rounded - py_days) == 1 and (at_half or raw > 1000):
                boundary += 1
            else:
                failures.append(f"{where}: rounded raw {raw} -> {rounded} vs py {py_days}")
        # A review card (answered before) passing with Hard/Good/Easy may be raised for order.
        was_review = card in previous_rating
        if days != rounded:
            if was_review and rating > 1 and 0 < days - rounded <= 2:
                raised += 1
            else:
                failures.append(f"{where}: scheduled {days} vs rounded raw {rounded}")
        previous_rating[card] = rating

    status = "ok" if not failures else "FAILED"
    print(
        f"{name}: {status}: {len(rows)} answers, max rel diff S {max_ds:.1e} D {max_dd:.1e}, "
        f"{boundary} rounding-boundary ±1, {raised} raised for hard<good<easy"
    )
    for f in failures[:10]:
        print(f"  {f}")
    return not failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cards", type=int, default=300, help="cards per configuration")
    ap.add_argument("--reviews", type=int, default=12, help="answers per card at most")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--bin", help="a built fsrs_xcheck example (default: cargo run)")
    args = ap.parse_args()

    from importlib.metadata import version

    print(f"fsrs-xcheck: py-fsrs {version('fsrs')}, seed {args.seed}, {args.cards} cards per configuration")
    rng = random.Random(args.seed)
    passed = failed = 0
    for pname, parameters in [("default", []), ("alternative", ALT_PARAMETERS)]:
        for retention in (0.8, 0.9, 0.95):
            if check(f"{pname} parameters, DR {retention}", retention, parameters, args, rng):
                passed += 1
            else:
                failed += 1
    print(f"fsrs-xcheck: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
