#!/usr/bin/env python3
"""A scripted student studying the built-in decks with `quiz study --json`, day after day.

A benchmark of the learning design, not a test: it prints, per simulated day, what the
student was asked. The student is a model, seeded: every fact has a memory of its own in the
student's head (py-fsrs with its default parameters, no steps, no fuzz), updated by each
answer and by the answer shown after it. The student answers right with the probability
that memory predicts for the moment of asking; recognition (multiple choice, true/false) is
easier: a student who does not recall can still guess or recognise, so it is right with
probability 1 - (1 - R) * 0.6. A fact never seen before is recalled with R = 0 (so chosen
right 40% of the time, typed right never).

It drives the real binary through the line protocol (docs/scripting.md), answering each
question from `quiz questions DECK --json` by the option's text, so it works the same on
any build: run it on a checkout of an older release to compare designs.

Usage: scripts/simulate [DAYS] [--bin PATH] [--seed N] [--decks A,B] [--json]
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

SESSION_LIMIT_SECS = 300
RECOGNITION = {"choice", "true_false", "not_in_list", "what_on_date"}
FREE = {"list_recall", "order", "chronology", "when"}


def rung_of(kind):
    if kind in RECOGNITION:
        return "recognition"
    if kind in FREE:
        return "free"
    return "cued"


def right_answer(q, shown_options):
    a = q["answer"]
    t = a["type"]
    if t == "choice":
        return a["options"][a["correct"]]
    if t == "true_false":
        return "true" if a["value"] else "false"
    if t == "text":
        return a["accepted"][0]
    if t == "number":
        v = a["value"]
        return str(int(v)) if float(v).is_integer() else str(v)
    if t == "date":
        return a["date"]
    if t == "list":
        return "；".join(forms[0] for forms in a["items"])
    if t == "order":
        texts = [a["shown"][i] for i in a["correct"]]
        opts = shown_options or a["shown"]
        return "".join(chr(ord("A") + opts.index(x)) for x in texts)
    if t == "reveal":
        return "good"
    raise ValueError(t)


def wrong_answer(q, shown_options, rng):
    a = q["answer"]
    t = a["type"]
    if t == "choice":
        opts = [o for i, o in enumerate(a["options"]) if i != a["correct"]]
        return rng.choice(opts)
    if t == "true_false":
        return "false" if a["value"] else "true"
    if t == "list":
        return a["items"][0][0]  # half a list (or less)
    if t == "order":
        return right_answer(q, shown_options)[::-1] if len(a["shown"]) > 1 else "A"
    if t == "number":
        return str(int(a["value"]) + 1)
    if t == "date":
        return "1999"
    if t == "reveal":
        return "again"
    return "不知道"


class Student:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.sched = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
        self.memory = {}  # fact -> py-fsrs Card

    def knows(self, fact, rung, now):
        card = self.memory.get(fact)
        r = 0.0 if card is None else self.sched.get_card_retrievability(card, now)
        p = 1 - (1 - r) * 0.6 if rung == "recognition" else r
        return self.rng.random() < p

    def saw(self, fact, right, now):
        card = self.memory.get(fact) or Card()
        card, _ = self.sched.review_card(card, Rating.Good if right else Rating.Again, now)
        self.memory[fact] = card


def study_day(bin_path, env, questions, student, now):
    """One session: answers until the session says nothing is left. Returns the answers."""
    p = subprocess.Popen([bin_path, "study", "--json"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
                         bufsize=1)
    answers = []
    current = None
    # A session that stops answering is killed and reported, not waited for forever.
    hung = []
    watchdog = threading.Timer(SESSION_LIMIT_SECS, lambda: (hung.append(True), p.kill()))
    watchdog.start()
    for line in p.stdout:
        ev = json.loads(line)
        kind = ev.get("event")
        if kind == "question":
            q = questions[ev["id"]]
            rung = rung_of(q["kind"])
            right = student.knows(q["fact_key"], rung, now)
            text = right_answer(q, ev.get("options")) if right else \
                wrong_answer(q, ev.get("options"), student.rng)
            current = (q, rung, right)
            p.stdin.write(text + "\n")
            p.stdin.flush()
        elif kind == "invalid":
            p.stdin.write(":skip\n")
            p.stdin.flush()
        elif kind == "summary":
            break
        elif "verdict" in ev and current is not None:
            q, rung, intended = current
            ok = ev["verdict"] in ("correct", "almost") or ev.get("rating") in ("good", "easy")
            student.saw(q["fact_key"], ok, now)
            answers.append({"fact": q["fact_key"], "deck": q["deck"], "kind": q["kind"],
                            "rung": rung, "ok": ok, "list": q["fact_kind"] == "list"})
            current = None
    watchdog.cancel()
    if hung:
        print(f"  (the session made no progress for {SESSION_LIMIT_SECS} s and was killed)")
        return answers
    p.stdin.close()
    p.wait()
    if p.returncode != 0:
        sys.exit("quiz study failed: " + p.stderr.read())
    return answers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("days", type=int, nargs="?", default=30)
    ap.add_argument("--bin", default="target/release/quiz")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--decks", default="cc5-xian-2021,sco-fm-2020")
    ap.add_argument("--json", action="store_true", help="one JSON object per day")
    ap.add_argument("--db", help="the database to study in (a fresh one in a temp dir by "
                    "default); kept afterwards, e.g. for `quiz stats`")
    args = ap.parse_args()

    work = tempfile.mkdtemp()
    env = dict(os.environ, QUIZ_DB=args.db or os.path.join(work, "quiz.db"), TZ="UTC",
               QUIZ_SEED=str(args.seed))
    decks = args.decks.split(",")
    subprocess.run([args.bin, "add-deck", *decks], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    questions, list_facts = {}, set()
    for d in decks:
        out = subprocess.run([args.bin, "questions", d, "--json"], env=env, check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            q = json.loads(line)
            q["fact_key"] = q["deck"] + "/" + q["fact"]
            q["fact_kind"] = "list" if q["kind"] in ("list_recall", "order", "item_at") \
                or q["answer"]["type"] == "list" else q.get("fact_kind", "")
            questions[q["uid"]] = q
            if q["kind"] == "list_recall":
                list_facts.add(q["fact_key"])
    for q in questions.values():
        if q["fact_key"] in list_facts:
            q["fact_kind"] = "list"

    student = Student(args.seed)
    start = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)
    seen, at_free, whole_list_asked = set(), set(), set()
    all_lists_day = None
    if not args.json:
        print("day  answers  new facts per deck       recognition  cued  free  free%  "
              "facts at free  lists asked whole  repeats")
    for day in range(1, args.days + 1):
        now = start + timedelta(days=day - 1)
        env["QUIZ_NOW"] = str(int(now.timestamp()))
        answers = study_day(args.bin, env, questions, student, now)
        new_by_deck = collections.Counter()
        rungs = collections.Counter()
        shown_today = collections.defaultdict(list)
        repeats = 0
        for a in answers:
            if a["fact"] not in seen:
                seen.add(a["fact"])
                new_by_deck[a["deck"]] += 1
            rungs[a["rung"]] += 1
            if a["rung"] == "free":
                at_free.add(a["fact"])
            if a["kind"] == "list_recall":
                whole_list_asked.add(a["fact"])
            history = shown_today[a["fact"]]
            # A fact shown again today is fine only to relearn a failure.
            if history and all(history):
                repeats += 1
            history.append(a["ok"])
        if all_lists_day is None and list_facts <= whole_list_asked:
            all_lists_day = day
        n = len(answers)
        free_share = rungs["free"] / n if n else 0.0
        recall_share = (rungs["cued"] + rungs["free"]) / n if n else 0.0
        row = {"day": day, "answers": n, "new_facts": dict(new_by_deck),
               "recognition": rungs["recognition"], "cued": rungs["cued"],
               "free": rungs["free"], "free_share": round(free_share, 3),
               "recall_share": round(recall_share, 3), "facts_at_free": len(at_free),
               "lists_asked_whole": len(whole_list_asked), "lists": len(list_facts),
               "repeats_without_failure": repeats}
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            per_deck = " ".join(f"{d.split('-')[0]}:{new_by_deck.get(d, 0)}" for d in decks)
            print(f"{day:3}  {n:7}  {per_deck:23}  {rungs['recognition']:11}  "
                  f"{rungs['cued']:4}  {rungs['free']:4}  {free_share:5.0%}  "
                  f"{len(at_free):13}  {len(whole_list_asked):3}/{len(list_facts):<13}  "
                  f"{repeats:7}")
    print(f"every list fact's whole-list question asked by day: "
          f"{all_lists_day if all_lists_day else 'never (within ' + str(args.days) + ' days)'}")


if __name__ == "__main__":
    main()
