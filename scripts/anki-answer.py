#!/usr/bin/env python3
"""Anki's engine answering cards, for scripts/bench to time beside `quiz study`.

  anki-answer.py import COLLECTION CSV   # make a collection from quiz's Anki CSV export
  anki-answer.py answer COLLECTION N     # open it, answer N cards (Again), close
  anki-answer.py export COLLECTION OUT   # write the collection as an .apkg (no media)

`answer` is what a study session does per card: get the next queued card, show it (render
its question), answer it. Run by scripts/bench as a whole process with N = 1 and N = 1001,
like quiz, so that the difference divided by 1000 is the cost of one answer plus the next.
"""
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions, ImportCsvRequest


def do_import(path, csv):
    csv = os.path.abspath(csv)
    col = Collection(path)
    meta = col.get_csv_metadata(csv, None)
    col.import_csv(ImportCsvRequest(path=csv, metadata=meta))
    for d in col.decks.all_names_and_ids():
        if d.name != "Default":
            # Study the imported deck, as a student would.
            col.decks.select(d.id)
        dconf = col.decks.config_dict_for_deck_id(d.id)
        dconf["new"]["perDay"] = 9999
        dconf["rev"]["perDay"] = 9999
        col.decks.update_config(dconf)
    col.close()


def do_answer(path, n):
    col = Collection(path)
    sched = col.sched
    answered = 0
    for _ in range(n):
        queued = sched.get_queued_cards()
        if not queued.cards:
            break
        top = queued.cards[0]
        card = col.get_card(top.card.id)
        card.start_timer()
        card.question()
        sched.answer_card(sched.build_answer(card=card, states=top.states, rating=1))
        answered += 1
    col.close()
    print(answered)


def do_export(path, out):
    # What `quiz export --format apkg` does, by Anki's own engine, for the same deck.
    col = Collection(path)
    options = ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
    )
    col.export_anki_package(out_path=os.path.abspath(out), options=options, limit=None)
    col.close()


if __name__ == "__main__":
    if sys.argv[1] == "import":
        do_import(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "export":
        do_export(sys.argv[2], sys.argv[3])
    else:
        do_answer(sys.argv[2], int(sys.argv[3]))
