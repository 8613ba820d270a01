"""Reads quiz's Moodle XML with independent parsers and prints what it holds as JSON, for
tests/lms.rs to compare with the deck (gift_check.js does the same for GIFT).

    python lms_check.py moodle FILE    # Python's XML library, checking the structure Moodle's
                                       # XML import requires; multiple choice also read by
                                       # moodle-xml-parser and compared

Output: {"questions": [{"name", "type", "text", "feedback", ...}]} with, by type:
choice: options, correct (index); true_false: value; short: answers; numerical: values;
matching: pairs ([left, right]); essay: key (Moodle's grader information).
Any departure from the format is an error (exit status 1, a message on stderr).
"""

import json
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


REQUIRED = ["name/text", "questiontext/text", "generalfeedback/text", "defaultgrade",
            "penalty", "hidden"]


def text_of(el, path):
    node = el.find(path)
    if node is None:
        return None
    return node.text or ""


def moodle(path):
    root = ET.parse(path).getroot()
    if root.tag != "quiz":
        fail(f"root element is <{root.tag}>, not <quiz>")
    out = []
    for q in root:
        if q.tag != "question":
            fail(f"<{q.tag}> inside <quiz>")
        ty = q.get("type")
        if ty == "category":
            if text_of(q, "category/text") is None:
                fail("a category without category/text")
            continue
        for p in REQUIRED:
            if q.find(p) is None:
                fail(f"{ty} question without <{p}>")
        name = text_of(q, "name/text")
        if q.find("questiontext").get("format") != "html":
            fail(f"{name}: questiontext is not html")
        float(text_of(q, "defaultgrade"))
        float(text_of(q, "penalty"))
        item = {"name": name, "text": text_of(q, "questiontext/text"),
                "feedback": text_of(q, "generalfeedback/text"),
                "idnumber": text_of(q, "idnumber"),
                "points": float(text_of(q, "defaultgrade"))}
        answers = q.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        if ty == "multichoice":
            if text_of(q, "single") != "true":
                fail(f"{name}: not single-answer")
            if len(answers) < 2 or fractions.count(100.0) != 1:
                fail(f"{name}: {len(answers)} options, {fractions.count(100.0)} right")
            item.update(type="choice", options=[text_of(a, "text") for a in answers],
                        correct=fractions.index(100.0))
        elif ty == "truefalse":
            words = [text_of(a, "text") for a in answers]
            if sorted(words) != ["false", "true"] or sorted(fractions) != [0.0, 100.0]:
                fail(f"{name}: true/false answers {words} {fractions}")
            item.update(type="true_false", value=words[fractions.index(100.0)] == "true")
        elif ty == "shortanswer":
            if not answers or any(f != 100.0 for f in fractions):
                fail(f"{name}: short answers {fractions}")
            if text_of(q, "usecase") not in ("0", "1"):
                fail(f"{name}: no usecase")
            item.update(type="short", answers=[text_of(a, "text") for a in answers])
        elif ty == "numerical":
            if not answers or any(a.find("tolerance") is None for a in answers):
                fail(f"{name}: numerical answer without tolerance")
            item.update(type="numerical", values=[float(text_of(a, "text")) for a in answers])
        elif ty == "matching":
            subs = q.findall("subquestion")
            pairs = [[text_of(s, "text"), text_of(s, "answer/text")] for s in subs]
            # Moodle's matching question wants two subquestions and three answers at least.
            if len(subs) < 2 or len({p[1] for p in pairs}) < 3:
                fail(f"{name}: matching with {len(subs)} pairs")
            item.update(type="matching", pairs=pairs)
        elif ty == "essay":
            if text_of(q, "graderinfo/text") is None or text_of(q, "responseformat") is None:
                fail(f"{name}: essay without graderinfo or responseformat")
            item.update(type="essay", key=text_of(q, "graderinfo/text"))
        else:
            fail(f"{name}: unexpected question type {ty}")
        out.append(item)

    # The same multiple-choice questions, read by moodle-xml-parser.
    from moodle_xml_parser import parser as mxp
    parsed = mxp.parse_file(path)["multichoice"]
    mine = [x for x in out if x["type"] == "choice"]
    if len(parsed) != len(mine):
        fail(f"moodle-xml-parser read {len(parsed)} multiple choice, ElementTree {len(mine)}")
    for p, m in zip(parsed, mine):
        opts = [o.answer for o in p.options]
        right = [i for i, o in enumerate(p.options) if o.score_fraction == 100]
        if p.name != m["name"] or opts != m["options"] or right != [m["correct"]]:
            fail(f"moodle-xml-parser disagrees on {m['name']}")
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "moodle":
        fail("usage: lms_check.py moodle FILE")
    qs = moodle(sys.argv[2])
    json.dump({"questions": qs}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
