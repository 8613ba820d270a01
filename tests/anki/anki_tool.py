"""Drives Anki's own engine (the `anki` Python package) for tests/apkg.rs.

    anki_tool.py import PACKAGE COLLECTION [--with-scheduling]
        imports an .apkg into COLLECTION (created if missing) and prints, as JSON, the
        import log counts and every note: guid, note type, fields, tags, deck, card state.
    anki_tool.py import-csv CSV COLLECTION
        imports a text file with its header lines, as Anki's import dialog would preset it.
    anki_tool.py check-db COLLECTION
        runs Anki's Check Database and prints the problems it fixed and the cards it changed.
    anki_tool.py delete-notes COLLECTION QUERY
        deletes the notes a browser search finds (as a student would) and prints the rest.
    anki_tool.py make-apkg OUT.apkg legacy|current
        builds a collection with Basic, Basic (and reversed card) and Cloze notes (and one
        note of a custom note type) and exports it as a package.
"""

import json
import os
import sys

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)


def dump(col, log=None):
    notes = []
    for nid in sorted(col.find_notes("")):
        note = col.get_note(nid)
        cards = note.cards()
        notes.append(
            {
                "guid": note.guid,
                "notetype": note.note_type()["name"],
                "fields": dict(note.items()),
                "tags": sorted(note.tags),
                "deck": col.decks.name(cards[0].did) if cards else None,
                "cards": [
                    {
                        "ord": c.ord,
                        "template": c.template()["name"],
                        "type": c.type,
                        "due": c.due,
                        "data": col.db.scalar("select data from cards where id = ?", c.id),
                        "queue": c.queue,
                        "ivl": c.ivl,
                        "reps": c.reps,
                        "lapses": c.lapses,
                        "stability": c.memory_state.stability if c.memory_state else None,
                        "question": c.question(),
                        "answer": c.answer(),
                    }
                    for c in cards
                ],
            }
        )
    out = {"notes": notes, "revlog": col.db.scalar("select count() from revlog")}
    if log is not None:
        out["log"] = {
            "new": len(log.new),
            "updated": len(log.updated),
            "duplicate": len(log.duplicate),
            "conflicting": len(log.conflicting),
            "first_field_match": len(log.first_field_match),
            "missing_notetype": len(log.missing_notetype),
            "missing_deck": len(log.missing_deck),
            "empty_first_field": len(log.empty_first_field),
            "found_notes": log.found_notes,
        }
    return out


def cmd_import(pkg, path, with_scheduling=False):
    col = Collection(path)
    try:
        req = ImportAnkiPackageRequest(
            package_path=os.path.abspath(pkg),
            options=ImportAnkiPackageOptions(
                with_scheduling=with_scheduling, with_deck_configs=False
            ),
        )
        res = col.import_anki_package(req)
        print(json.dumps(dump(col, res.log), ensure_ascii=False))
    finally:
        col.close()


def cmd_import_csv(csv, path):
    col = Collection(path)
    try:
        meta = col.get_csv_metadata(os.path.abspath(csv), None)
        res = col.import_csv(ImportCsvRequest(path=os.path.abspath(csv), metadata=meta))
        print(json.dumps(dump(col, res.log), ensure_ascii=False))
    finally:
        col.close()


def cards_table(col):
    return col.db.all("select * from cards order by id")


def cmd_check_db(path):
    col = Collection(path)
    try:
        before = cards_table(col)
        problems, ok = col.fix_integrity()
        after = cards_table(col)
        changed = [b for b, a in zip(before, after) if b != a]
        print(
            json.dumps(
                {
                    "problems": [p for p in problems.splitlines() if p.strip()] if isinstance(problems, str) else list(problems),
                    "ok": ok,
                    "cards_before": len(before),
                    "cards_after": len(after),
                    "changed": [[str(x) for x in row] for row in changed],
                    "changed_after": [[str(x) for x in a] for b, a in zip(before, after) if b != a],
                },
                ensure_ascii=False,
            )
        )
    finally:
        col.close()


def cmd_delete_notes(path, query):
    col = Collection(path)
    try:
        nids = col.find_notes(query)
        col.remove_notes(nids)
        out = dump(col)
        out["deleted"] = len(nids)
        print(json.dumps(out, ensure_ascii=False))
    finally:
        col.close()


def cmd_make_apkg(out, flavour):
    path = out + ".collection.anki2"
    if os.path.exists(path):
        os.remove(path)
    col = Collection(path)
    try:
        did = col.decks.id("Diplomacy Basics")
        sub = col.decks.id("Diplomacy Basics::Treaties")

        def add(model, deck, tags, **fields):
            note = col.new_note(col.models.by_name(model))
            for k, v in fields.items():
                note[k] = v
            note.tags = tags
            col.add_note(note, deck)

        add("Basic", did, ["un"], Front="Where is the UN headquarters?", Back="New York")
        col.media.write_data("astana.jpg", b"\xff\xd8\xff not really a picture")
        add(
            "Basic",
            did,
            [],
            Front="Capital of <b>Kazakhstan</b>?",
            Back='Astana <img src="astana.jpg">',
        )
        add("Basic", did, ["flags"], Front="Flag of Kazakhstan?", Back='<img src="astana.jpg">')
        add(
            "Basic (and reversed card)",
            sub,
            [],
            Front="Treaty of Westphalia",
            Back="1648",
        )
        add(
            "Cloze",
            did,
            ["sco", "history::founding"],
            Text="The SCO was founded in {{c1::2001}} in {{c2::Shanghai::city}}.",
            **{"Back Extra": "Six founding members"},
        )
        mm = col.models
        vocab = mm.new("Vocab (custom)")
        for name in ["Word", "Meaning", "Example"]:
            mm.add_field(vocab, mm.new_field(name))
        tmpl = mm.new_template("Recognise")
        tmpl["qfmt"] = "{{Word}}<br>{{Example}}"
        tmpl["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}"
        mm.add_template(vocab, tmpl)
        mm.add(vocab)
        add("Vocab (custom)", did, [], Word="条约", Meaning="treaty", Example="《威斯特伐利亚和约》")
        opts = ExportAnkiPackageOptions(
            with_scheduling=False,
            with_deck_configs=False,
            with_media=True,
            legacy=(flavour == "legacy"),
        )
        col.export_anki_package(out_path=os.path.abspath(out), options=opts, limit=DeckIdLimit(did))
    finally:
        col.close()
        os.remove(path)


def main(argv):
    if len(argv) >= 3 and argv[0] == "import":
        cmd_import(argv[1], argv[2], "--with-scheduling" in argv[3:])
    elif len(argv) == 3 and argv[0] == "import-csv":
        cmd_import_csv(argv[1], argv[2])
    elif len(argv) == 2 and argv[0] == "check-db":
        cmd_check_db(argv[1])
    elif len(argv) == 3 and argv[0] == "delete-notes":
        cmd_delete_notes(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "make-apkg":
        cmd_make_apkg(argv[1], argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
