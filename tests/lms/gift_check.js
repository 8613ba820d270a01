// Reads a GIFT file with gift-pegjs (a PEG grammar of Moodle's GIFT format, from the npm
// registry, installed by scripts/lms-venv) and prints what it holds as JSON in the shape of
// lms_check.py: {"questions": [{"name", "type", "text", "feedback", ...}]}.
//
//     NODE_PATH=target/lms-venv/node/node_modules node gift_check.js FILE
//
// Any question the grammar does not read is an error (exit status 1, a message on stderr).
const fs = require("fs");
const { parse } = require("gift-pegjs");

function fail(msg) {
  process.stderr.write(msg + "\n");
  process.exit(1);
}

let parsed;
try {
  parsed = parse(fs.readFileSync(process.argv[2], "utf8"));
} catch (e) {
  fail(`gift-pegjs: ${e.message} at ${JSON.stringify(e.location && e.location.start)}`);
}

const out = [];
let category = null;
for (const q of parsed) {
  if (q.type === "Category") {
    category = q.title;
    continue;
  }
  const item = {
    name: q.title,
    text: q.stem.text,
    markup: q.stem.format,
    feedback: q.globalFeedback ? q.globalFeedback.text : "",
    category,
  };
  switch (q.type) {
    case "MC": {
      const right = q.choices.flatMap((c, i) => (c.isCorrect ? [i] : []));
      if (right.length !== 1) fail(`${q.title}: ${right.length} right options`);
      Object.assign(item, { type: "choice", options: q.choices.map((c) => c.text.text), correct: right[0] });
      break;
    }
    case "TF":
      Object.assign(item, { type: "true_false", value: q.isTrue });
      break;
    case "Short":
      if (!q.choices.every((c) => c.isCorrect)) fail(`${q.title}: a wrong short answer`);
      Object.assign(item, { type: "short", answers: q.choices.map((c) => c.text.text) });
      break;
    case "Numerical": {
      const cs = Array.isArray(q.choices) ? q.choices.map((c) => c.text) : [q.choices];
      Object.assign(item, { type: "numerical", values: cs.map((c) => c.number) });
      break;
    }
    case "Matching":
      Object.assign(item, { type: "matching", pairs: q.matchPairs.map((p) => [p.subquestion.text, p.subanswer]) });
      break;
    case "Essay":
      item.type = "essay";
      break;
    default:
      fail(`${q.title}: unexpected question type ${q.type}`);
  }
  out.push(item);
}
process.stdout.write(JSON.stringify({ questions: out }));
