//! `quiz grade EXPECTED GIVEN`: shows how the grader treats an answer, so that an instructor can
//! check a deck's accepted answers before students meet them.
//! It uses the built-in lexicon only; a deck's own `[[alias]]` sets apply in `quiz study`.

use std::io::Write;

use crate::grade::{Lexicon, grade};

/// Grade an answer as `quiz study` would, and show the step that decided.
///
/// Prints the verdict (correct, almost or wrong), the deciding step of the grading pipeline and,
/// where there is one, the difference between the accepted answer and the given one.
#[derive(Debug, clap::Args)]
pub struct GradeArgs {
    /// The accepted answer, as written in the deck.
    pub expected: String,
    /// The answer to grade, as a student would type it.
    pub given: String,
    /// Another accepted answer; repeat for more.
    #[arg(long = "accept", value_name = "ALT")]
    pub accept: Vec<String>,
    /// Print one JSON object (verdict, step, expected, diff) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Grades `args.given` with the built-in lexicon and writes the result to `out`. Errors are
/// write errors only.
pub fn run(args: &GradeArgs, out: &mut dyn Write) -> std::io::Result<()> {
    let lexicon = Lexicon::builtin();
    let mut accepted: Vec<&str> = vec![args.expected.as_str()];
    accepted.extend(args.accept.iter().map(String::as_str));
    let graded = grade(&accepted, &args.given, &lexicon);
    if args.json {
        serde_json::to_writer(&mut *out, &graded).map_err(std::io::Error::other)?;
        return writeln!(out);
    }
    writeln!(out, "{} ({})", graded.verdict, graded.step)?;
    if accepted.len() > 1 {
        writeln!(out, "closest accepted answer: {}", graded.expected)?;
    }
    if let Some(diff) = &graded.diff {
        writeln!(out, "difference: {diff}")?;
    }
    Ok(())
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
        let mut out = Vec::new();
        run(&cli.args, &mut out).expect("writing to a Vec cannot fail");
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
