//! `quiz grade` through the real binary, on a real database with the built-in decks: with
//! `--question` it grades as a session does (deck aliases, the question's year, who- and
//! position questions, whole lists item by item, other meetings' wordings); plain `quiz grade`
//! uses the decks' aliases too. And a session offers "I was right" only for typed answers.

mod common;

use common::{Env, fixture};
use serde_json::Value;

fn with_builtin() -> Env {
    let env = Env::new();
    env.ok(&["add-deck", "--builtin"]);
    env
}

fn grade(env: &Env, args: &[&str]) -> String {
    let mut a = vec!["grade"];
    a.extend_from_slice(args);
    env.ok(&a)
}

#[test]
fn a_question_is_graded_as_a_session_would() {
    let env = with_builtin();
    let q = |uid: &str, given: &str| grade(&env, &["--question", uid, given]);
    // Whole lists: padding a three-item list fails and names the extra.
    assert_eq!(
        q(
            "cc5-xian-2021/s-frameworks/list_recall/all",
            "SCO;UN;亚信;金砖国家"
        ),
        "wrong (list)\n3/3 items, 1 wrong extra\nextra: 金砖国家: not in the list\n"
    );
    // The SCO meeting's wording in the Xi'an list: wrong, and says whose.
    assert_eq!(
        q(
            "cc5-xian-2021/e5-significance/list_recall/all",
            "维护地区安全稳定;提升务实合作水平;推动国际抗疫合作;构建人类命运共同体"
        ),
        "wrong (list)\n3/4 items, 1 wrong extra\nmissing: 团结抗击疫情\n\
         extra: 推动国际抗疫合作: that is the wording of \
         上合组织成员国外长理事会会议(2020年)\n"
    );
    // One item: the China–Russia wording for an SCO outcome.
    assert!(
        q("sco-fm-2020/e1-sco-outcomes/item_at/3", "支持国际抗疫合作").starts_with(
            "wrong (another wording)\nclosest accepted answer: 推动国际抗疫合作\n\
             difference: that is the wording of 王毅访俄会谈"
        )
    );
    assert_eq!(
        q("cc5-xian-2021/s-unshakable/position_of/1", "第一项"),
        "correct (ordinal)\nclosest accepted answer: 1\n"
    );
    assert_eq!(
        q("cc5-xian-2021/qa-who-chaired/recall/1", "王毅外长"),
        "correct (name with title)\nclosest accepted answer: 王毅\n"
    );
    // The text's own 5月12日: the year is not in the text's sentence.
    assert_eq!(
        q("cc5-xian-2021/ev-xian/when/date", "5月12日"),
        "correct (date)\nclosest accepted answer: 2021-05-12\n"
    );
    assert_eq!(
        q("cc5-xian-2021/ev-video-2020/when/date", "2020年7月1日"),
        "correct (date)\nclosest accepted answer: 2020-07\n"
    );
}

#[test]
fn json_gives_each_item_and_extra() {
    let env = with_builtin();
    let out = grade(
        &env,
        &[
            "--question",
            "cc5-xian-2021/e5-significance/list_recall/all",
            "维护地区安全稳定、提升务实合作水平、团结抗疫、推动国际抗疫合作",
            "--json",
        ],
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    // One item missing and one wrong extra: two short of four.
    assert_eq!(v["verdict"], "wrong");
    let l = &v["list"];
    assert_eq!(
        (l["found"].as_u64(), l["total"].as_u64()),
        (Some(3), Some(4))
    );
    assert_eq!(l["shortfall"].as_u64(), Some(2));
    let items = l["items"].as_array().unwrap();
    assert_eq!(items[2]["item"], "团结抗击疫情");
    assert_eq!(items[2]["given"], "团结抗疫");
    assert_eq!(items[3]["item"], "构建人类命运共同体");
    assert!(items[3]["given"].is_null());
    let extras = l["extras"].as_array().unwrap();
    assert_eq!(extras.len(), 1);
    assert_eq!(extras[0]["given"], "推动国际抗疫合作");
    assert_eq!(extras[0]["whose"], "上合组织成员国外长理事会会议(2020年)");
    assert_eq!(extras[0]["penalised"], true);
}

#[test]
fn plain_grade_uses_the_decks_aliases() {
    let env = Env::new();
    // 第十四个五年规划 is an alias of the Xi'an deck, not a built-in one.
    assert_eq!(
        grade(&env, &["十四五", "第十四个五年规划"]),
        "wrong (no match)\n"
    );
    env.ok(&["add-deck", "--builtin"]);
    assert_eq!(
        grade(&env, &["十四五", "第十四个五年规划"]),
        "correct (alias)\n"
    );
    assert_eq!(grade(&env, &["2020-07", "2020年7月"]), "correct (date)\n");
    assert_eq!(grade(&env, &["1", "第一"]), "correct (ordinal)\n");
}

#[test]
fn bad_question_arguments_are_usage_errors() {
    let env = with_builtin();
    let err = env.fails(&["grade", "--question", "nope/x/recall/1", "a"]);
    assert!(err.contains("no question `nope/x/recall/1`"), "{err}");
    let err = env.fails(&["grade", "--question", "cc5-xian-2021/ev-xian/when/date"]);
    assert!(err.contains("error") || err.contains("quiz:"), "{err}");
    let err = env.fails(&[
        "grade",
        "--question",
        "cc5-xian-2021/ev-xian/when/date",
        "5月12日",
        "extra",
    ]);
    assert!(err.contains("only the answer"), "{err}");
    let uid = env
        .ok(&["questions", "cc5-xian-2021", "--kind", "choice", "--json"])
        .lines()
        .next()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["uid"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .unwrap();
    let err = env.fails(&["grade", "--question", &uid, "1"]);
    assert!(err.contains("nothing typed to grade"), "{err}");
}

/// "I was right" (`:right`) after every answer: it overrules typed answers only; a picked
/// option stays as graded and is never stored as an accepted answer.
#[test]
fn i_was_right_is_only_for_typed_answers() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let stdin = "1\n:right\n".repeat(60) + ":quit\n";
    let out = env
        .quiz()
        .args(["study", "--json", "--limit", "60"])
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let objs: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (mut picked_wrong, mut typed_overruled) = (0, 0);
    // `:right` is read as the reply to the next question; it speaks of the last answer.
    let mut last: Option<&Value> = None;
    for o in &objs {
        if o.get("event").is_none() {
            last = Some(o);
            continue;
        }
        if o["event"] != "overrule" {
            continue;
        }
        let Some(a) = last.take() else {
            continue;
        };
        // A picked option (multiple choice, true/false, which-is-NOT, what happened then).
        let picked = a["step"] == "choice";
        let message = o["message"].as_str().unwrap_or("");
        if picked && a["verdict"] == "wrong" {
            picked_wrong += 1;
            assert_eq!(message, "Nothing to overrule.", "{a}");
        }
        if !picked && a["step"] != "order" && a["verdict"] == "wrong" {
            typed_overruled += 1;
            assert!(message.starts_with("Counted as right"), "{a} {o}");
            // The event names the question overruled, not the one already on screen.
            assert_eq!(o["id"], a["id"], "{a} {o}");
        }
    }
    // New facts start at recognition, so most first answers are picked; typed answers being
    // overruled is also tested in tests/study.rs.
    assert!(picked_wrong >= 5, "{picked_wrong} {typed_overruled}");
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let stored: i64 = c
        .query_row(
            "SELECT count(*) FROM accepted_answer a JOIN question q ON q.id = a.question_id
             WHERE q.answer ->> 0 IN ('c', 'b')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0);
}
