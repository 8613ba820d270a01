//! `quiz grade`: shows how the grader treats an answer, so that an instructor can check a
//! deck's accepted answers before students meet them.
//!
//! `quiz grade --question UID GIVEN` grades exactly as `quiz study` would for that question:
//! the deck's aliases, the question's date context, who- and how-many questions, whole-list
//! scoring, and the other meetings' wordings. `quiz grade EXPECTED GIVEN` grades against an
//! answer typed on the command line, with the built-in aliases and those of every deck in the
//! database (when there is one), knowing nothing of the question.

use std::io::Write;

use crate::error::{Error, Result};
use crate::grade::{Lexicon, grade};
use crate::question::Kind;
use crate::session::grading::Grader;
use crate::session::verdict_words;
use crate::t;

use super::Ctx;

/// Grade an answer as `quiz study` would, and show the step that decided.
///
/// Prints the verdict (correct, almost or wrong), the deciding step of the grading pipeline and,
/// where there is one, the difference between the accepted answer and the given one. With
/// --question, a whole-list answer is shown item by item, with its extras and whose wording
/// each is.
#[derive(Debug, clap::Args)]
#[command(override_usage = "quiz grade [OPTIONS] EXPECTED GIVEN\n       \
                            quiz grade [OPTIONS] --question UID GIVEN")]
pub struct GradeArgs {
    /// EXPECTED GIVEN: the accepted answer as written in the deck, then the answer to grade
    /// as a student would type it. With --question: GIVEN only.
    #[arg(value_name = "ANSWER", num_args = 1..=2, required = true)]
    pub answers: Vec<String>,
    /// Grade for this question of the database, as a session would (its id, as `quiz
    /// questions DECK` prints it: DECK/FACT/KIND/VARIANT).
    #[arg(long, value_name = "UID")]
    pub question: Option<String>,
    /// Another accepted answer; repeat for more (not with --question).
    #[arg(long = "accept", value_name = "ALT")]
    pub accept: Vec<String>,
    /// Print one JSON object (verdict, step, expected, diff; for a list also `list`: each
    /// item, the extras and the shortfall) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Grades and writes the result to `out`.
pub fn run(ctx: &Ctx, args: &GradeArgs, out: &mut dyn Write) -> Result<()> {
    // JSON is for scripts: the grader's words in it (`diff`, a list's `why`) stay English.
    let _english = args.json.then(crate::i18n::english_here);
    match &args.question {
        Some(uid) => by_question(ctx, args, uid, out),
        None => plain(ctx, args, out),
    }
}

fn plain(ctx: &Ctx, args: &GradeArgs, out: &mut dyn Write) -> Result<()> {
    let [expected, given] = args.answers.as_slice() else {
        return Err(Error::Usage(t!("grade.two_answers")));
    };
    let mut lexicon = Lexicon::builtin();
    // The decks' own aliases apply as in a session; without a database, the built-in ones.
    if ctx.db_path.exists() {
        lexicon.extend(ctx.open_db()?.deck_aliases()?);
    }
    let mut accepted: Vec<&str> = vec![expected.as_str()];
    accepted.extend(args.accept.iter().map(String::as_str));
    let graded = grade(&accepted, given, &lexicon);
    let io = |e| Error::io("stdout", e);
    if args.json {
        serde_json::to_writer(&mut *out, &graded).map_err(|e| io(e.into()))?;
        return writeln!(out).map_err(io);
    }
    let verdict = verdict_words(graded.verdict);
    put(
        out,
        &t!("grade.verdict", verdict = verdict, step = graded.step),
    )?;
    if accepted.len() > 1 {
        put(out, &t!("grade.closest", answer = graded.expected))?;
    }
    if let Some(diff) = &graded.diff {
        put(out, &t!("note.difference", diff = diff))?;
    }
    Ok(())
}

fn by_question(ctx: &Ctx, args: &GradeArgs, uid: &str, out: &mut dyn Write) -> Result<()> {
    let [given] = args.answers.as_slice() else {
        return Err(Error::Usage(t!("grade.one_answer")));
    };
    if !args.accept.is_empty() {
        return Err(Error::Usage(t!("grade.accept_with_question")));
    }
    let unknown = || Error::Usage(t!("grade.no_question", uid = uid));
    let mut parts = uid.splitn(4, '/');
    let (Some(deck), Some(_fact), Some(kind)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(unknown());
    };
    let kind = Kind::parse(kind).ok_or_else(unknown)?;
    let db = ctx.open_db()?;
    if !db.deck_exists(deck)? {
        return Err(unknown());
    }
    let q = db
        .questions(deck, Some(kind))?
        .into_iter()
        .find(|q| q.uid == uid)
        .ok_or_else(unknown)?;
    let grader = Grader::load(&db)?;
    let answered = grader
        .grade(&q, given, &[])
        .ok_or_else(|| Error::Usage(t!("grade.not_typed", uid = uid)))?;
    let io = |e| Error::io("stdout", e);
    if args.json {
        serde_json::to_writer(&mut *out, &answered).map_err(|e| io(e.into()))?;
        return writeln!(out).map_err(io);
    }
    let verdict = verdict_words(answered.verdict);
    let step = &answered.step_words;
    put(out, &t!("grade.verdict", verdict = verdict, step = step))?;
    if answered.list.is_none()
        && let Some(e) = &answered.expected
    {
        put(out, &t!("grade.closest", answer = e))?;
    }
    for n in answered
        .notes()
        .iter()
        .skip(usize::from(answered.list.is_none()))
    {
        put(out, &n.to_string())?;
    }
    Ok(())
}

/// Writes one line of the report, cleaned of control characters: it quotes the deck's and
/// the student's text.
fn put(out: &mut dyn Write, line: &str) -> Result<()> {
    writeln!(out, "{}", crate::term::clean_line(line)).map_err(|e| Error::io("stdout", e))
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: GradeArgs,
    }

    fn output(argv: &[&str]) -> String {
        let cli = Cli::try_parse_from(std::iter::once("grade").chain(argv.iter().copied()))
            .expect("the test arguments parse");
        let dir = tempfile::tempdir().expect("a temp dir");
        let ctx = Ctx::from_env(Some(dir.path().join("none.db"))).expect("a context");
        let mut out = Vec::new();
        run(&ctx, &cli.args, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("output is UTF-8")
    }

    #[test]
    fn human_output_names_verdict_step_and_difference() {
        assert_eq!(
            output(&["鲁班工坊", "鲁班工房"]),
            "almost (spelling)\ndifference: 坊 ≠ 房\n"
        );
        assert_eq!(output(&["上海合作组织", "上合组织"]), "correct (alias)\n");
    }

    #[test]
    fn alternatives_and_json() {
        let out = output(&[
            "多边主义",
            "unilateralism",
            "--accept",
            "multilateralism",
            "--json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
        assert_eq!(v["verdict"], "wrong");
        assert_eq!(v["step"], "opposite");
        assert!(v["diff"].is_string());
        assert!(v.get("expected").is_some());
    }
}
