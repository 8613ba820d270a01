//! The interface language through the real binary: chosen by the locale (LC_ALL, LC_MESSAGES,
//! LANG) or `quiz config ui_language`; deck text and JSON never change with it.

mod common;

use common::{Env, fixture, fixture_text};

const ZH: &str = "zh_CN.UTF-8";

fn env_with_two_questions() -> Env {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    // A typed count (four areas) and a true/false whose statement is false.
    common::keep_only(
        &env.db(),
        &[
            "mini/areas/how_many/count",
            "mini/countries/true_false/false",
        ],
    );
    env
}

/// `quiz ARGS` with `vars` set; (stdout, stderr), the command having succeeded.
fn run(env: &Env, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> (String, String) {
    let out = env
        .quiz()
        .envs(vars.iter().copied())
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "quiz {args:?}: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

fn assert_all(text: &str, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(text.contains(p), "missing {p:?} in:\n{text}");
    }
    for a in absent {
        assert!(!text.contains(a), "unexpected {a:?} in:\n{text}");
    }
}

const ENGLISH_SESSION: &[&str] = &[
    "Session over",
    "Answer:",
    "Source:",
    "Comes back",
    "done ·",
    "correct →",
    "wrong →",
];

#[test]
fn a_piped_session_under_a_chinese_locale_speaks_chinese() {
    let env = env_with_two_questions();
    // Wrong (five areas), then an invalid pick, then the right option (错).
    let (out, _) = run(&env, &[("LANG", ZH)], &["study"], "五方面\n9\n2\n");
    assert_all(
        &out,
        &[
            "[已答 0 · 剩 2 个 · 正确率 0%]",
            "错误 → 重来",
            "答案:4",
            "出处:",
            "再次出现;下次:",
            "  1) 对\n  2) 错\n",
            "请用 1 到 2 之间的数字作答。",
            "正确 → ",
            "本次学习结束:回答 2 题,正确 1 题(50%),2 个新知识点",
        ],
        ENGLISH_SESSION,
    );
    // Deck text is never translated.
    assert!(out.contains("中俄外长商定在几方面加强合作?"), "{out}");
    // What is stored does not depend on the language.
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let given: Vec<String> = c
        .prepare("SELECT given FROM review ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(given, ["五方面", "错 (false)"]);
}

#[test]
fn lc_all_and_lc_messages_come_before_lang() {
    let env = env_with_two_questions();
    let (out, _) = run(
        &env,
        &[("LC_ALL", "C"), ("LANG", ZH)],
        &["study", "--limit", "1"],
        "4\n",
    );
    assert_all(&out, &["Session over", "Answer: 4"], &["本次学习结束"]);
    let (out, _) = run(
        &env,
        &[("LC_ALL", ""), ("LC_MESSAGES", ZH), ("LANG", "en_US.UTF-8")],
        &["study", "--limit", "1"],
        "4\n",
    );
    assert_all(&out, &["本次学习结束"], &["Session over"]);
}

#[test]
fn help_under_a_chinese_locale_is_chinese() {
    let env = Env::new();
    let (out, _) = run(&env, &[("LANG", ZH)], &["--help"], "");
    assert_all(
        &out,
        &[
            "用法: quiz",
            "命令:",
            "选项:",
            "环境变量:",
            "学习知识点",
            "显示帮助",
        ],
        &[
            "Usage:",
            "Commands:",
            "Options:",
            "Print help",
            "Environment:",
        ],
    );
    let (out, _) = run(&env, &[("LANG", ZH)], &["study", "--help"], "");
    assert_all(
        &out,
        &[
            "用法: quiz study",
            "参数:",
            "选项:",
            "每道题输出一个 JSON 对象",
            "回答这么多题后停止",
        ],
        &[
            "Usage:",
            "Arguments:",
            "Options:",
            "Stop after",
            "Print one JSON",
        ],
    );
    // `quiz help COMMAND` and `-h` too.
    let (out, _) = run(&env, &[("LANG", ZH)], &["help", "config"], "");
    assert_all(&out, &["查看或修改设置"], &["Show or set"]);
    let (out, _) = run(&env, &[("LANG", ZH)], &["export", "-h"], "");
    assert_all(&out, &["导出格式"], &["What to write"]);
    // And English otherwise.
    let (out, _) = run(&env, &[], &["study", "--help"], "");
    assert_all(&out, &["Usage: quiz study", "Options:"], &["用法"]);
}

#[test]
fn the_ui_language_setting_wins_over_the_locale() {
    let env = env_with_two_questions();
    let (out, _) = run(&env, &[("LANG", ZH)], &["config", "ui_language", "en"], "");
    assert_eq!(out, "ui_language = en\n");
    let (out, _) = run(&env, &[("LANG", ZH)], &["study", "--limit", "1"], "4\n");
    assert_all(
        &out,
        &["Session over", "Answer: 4"],
        &["本次学习结束", "答案"],
    );
    let (out, _) = run(&env, &[("LANG", ZH)], &["--help"], "");
    assert_all(&out, &["Usage:"], &["用法"]);

    // `zh` under an English locale, with the database named by --db as well.
    env.ok(&["config", "ui_language", "zh"]);
    let db = env.db();
    let out = env
        .quiz()
        .env_remove("QUIZ_DB")
        .env("LANG", "en_US.UTF-8")
        .args(["--db", db.to_str().unwrap(), "study", "--limit", "1"])
        .write_stdin("1\n")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert_all(&out, &["本次学习结束"], &["Session over"]);

    // `auto` gives the choice back to the locale.
    env.ok(&["config", "ui_language", "auto"]);
    let (out, _) = run(&env, &[("LANG", "C")], &["study", "--limit", "1"], "1\n");
    assert_all(&out, &["Session over"], &["本次学习结束"]);
    let bad = env
        .quiz()
        .args(["config", "ui_language", "fr"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8(bad.stderr).unwrap(),
        "quiz: ui_language must be en, zh or auto, got \"fr\"\n"
    );
}

#[test]
fn errors_and_settings_are_described_in_chinese() {
    let env = env_with_two_questions();
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["study", "nosuch"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "quiz: 没有题库 `nosuch`(见 `quiz decks`,或用 `quiz add-deck --builtin` 添加)\n"
    );
    let out = env
        .quiz()
        .env("LANG", ZH)
        .env("QUIZ_SEED", "x")
        .args(["decks"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "quiz: QUIZ_SEED:`x` 不是数字\n"
    );
    // A file that is not there: the path as given, the reason in Chinese.
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["add-deck", "missing.toml"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("quiz: missing.toml:没有这个文件、文件夹或内置题库"),
        "{err}"
    );

    let (out, _) = run(&env, &[("LANG", ZH)], &["config"], "");
    assert_all(
        &out,
        &[
            "desired_retention = 0.9\n    题目再次出现时能回忆起来的概率",
            "ui_language = auto\n    界面语言",
        ],
        &["chance of recalling"],
    );
}

/// Scripts read JSON: its events, field names and values (messages included) are the same
/// whatever the language.
#[test]
fn json_is_the_same_in_every_language() {
    let mut outs = Vec::new();
    for lang in ["C", ZH] {
        let env = env_with_two_questions();
        let (out, _) = run(
            &env,
            &[("LANG", lang)],
            &["study", "--json"],
            "五方面\n:right\n9\n:skip\n2\n",
        );
        outs.push(out);
    }
    assert_eq!(outs[0], outs[1]);
    let out = &outs[0];
    assert!(
        out.contains(r#""event":"invalid","message":"Answer with a number"#),
        "{out}"
    );
    assert!(out.contains(r#""message":"Counted as right."#), "{out}");
    assert!(out.contains(r#""event":"summary""#), "{out}");
}

#[test]
fn instructor_commands_report_in_chinese() {
    let env = Env::new();
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["add-deck", fixture("mini.toml").to_str().unwrap()],
        "",
    );
    assert_eq!(out, "mini:新题库,新增 138 题\n");
    let (out, _) = run(&env, &[("LANG", ZH)], &["decks"], "");
    let head = out.lines().next().unwrap();
    assert!(head.starts_with("题库") && head.ends_with("标题"), "{out}");
    assert!(!out.contains("questions"), "{out}");
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["grade", "鲁班工坊", "鲁班工房"],
        "",
    );
    assert_eq!(out, "基本正确(拼写)\n差别:坊 ≠ 房\n");
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["questions", "mini", "--kind", "how_many"],
        "",
    );
    assert_all(&out, &["出处:", "共 "], &["from:", " questions"]);
}

#[test]
fn check_reports_its_findings_in_chinese() {
    let env = Env::new();
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["check", fixture("mini.toml").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    // File, line, fact and rule as they are; the message in Chinese.
    assert!(
        stdout.contains(":82: meanings: [no-meeting] 题库有多个会议:请为这个知识点写明 `context`"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("the deck has several meetings"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("quiz: ") && stderr.contains("个问题"),
        "{stderr}"
    );
}

#[test]
fn grade_explains_in_chinese_but_its_json_stays_english() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let uid = "mini/areas/list_recall/all";
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["grade", "--question", uid, "甲;乙"],
        "",
    );
    assert!(out.contains("不在列表中"), "{out}");
    assert!(!out.contains("not in the list"), "{out}");
    let json: Vec<String> = ["C", ZH]
        .iter()
        .map(|l| {
            run(
                &env,
                &[("LANG", l)],
                &["grade", "--question", uid, "甲;乙", "--json"],
                "",
            )
            .0
        })
        .collect();
    assert_eq!(json[0], json[1]);
    assert!(json[0].contains("not in the list"), "{}", json[0]);
}

#[test]
fn a_self_graded_question_takes_the_rating_words_of_the_language() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    common::keep_only(&env.db(), &["mini/why-xian/reveal/1"]);
    // 良好 is Good in Chinese; `good` is accepted whatever the language.
    let (out, _) = run(&env, &[("LANG", ZH)], &["study"], "良好\n");
    assert!(out.contains("自评:良好"), "{out}");
    let rating: i64 = rusqlite::Connection::open(env.db())
        .unwrap()
        .query_row("SELECT rating FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rating, 3);
}

#[test]
fn a_bad_deck_is_refused_in_chinese_naming_file_line_and_field() {
    let env = Env::new();
    let text = fixture_text("mini.toml").replacen("count = 4", "count = 5", 1);
    let deck = env.write("bad.toml", &text);
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["add-deck", deck.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad.toml:38:9: list `areas`: 字段 `count`:声明 5 个条目,实际列出 4 个"),
        "{err}"
    );
}

#[test]
fn cramming_speaks_chinese_too() {
    let env = env_with_two_questions();
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["study", "--cram", "mini"],
        "4\n:bury\n:quit\n",
    );
    assert_all(
        &out,
        &[
            "[突击 · 第 1 轮 · 第 1 个",
            "答案:",
            "突击时不可用",
            "突击结束:",
        ],
        &["Cram over", "[cram ·", "Answer:", "Not while cramming"],
    );
}

/// After a session, `quiz stats` under a Chinese locale: every heading in Chinese, none of
/// the English ones; the numbers and deck ids are the same.
#[test]
fn stats_read_in_chinese_after_a_chinese_session() {
    let env = env_with_two_questions();
    env.ok(&["config", "exam_date", "2026-04-01"]);
    let (out, _) = run(&env, &[("LANG", ZH)], &["study"], "4\n2\n");
    assert!(out.contains("本次学习结束"), "{out}");
    let (zh, _) = run(&env, &[("LANG", ZH)], &["stats"], "");
    assert_all(
        &zh,
        &[
            "2026-03-02 的学习统计",
            "考试日期 2026-04-01(还有 30 天;mini)",
            "如果现在停止学习:",
            "回答数",
            "实际保持率",
            "\n今天           2",
            "近 30 天",
            "到期的复习",
            "今天 0 · 明天 0 · 未来 7 天 2 · 未来 30 天 2",
            "学习日历",
            "\n  一  ",
            "3月",
            "连续学习:1 天(最长 1 天;累计学习 1 天)",
            "各题库的知识点",
            "各次会议的知识点",
            "当前回忆率",
            "考试时须完整写出的列表 (2)",
            "已掌握      100%",
            "最常遗忘的知识点",
            "难点 (0)",
            "已暂停的知识点 (0)",
            "  无\n",
        ],
        &[
            "Study statistics",
            "Exam on",
            "answers",
            "true retention",
            "today",
            "Reviews due",
            "Study calendar",
            "Mon",
            "Streak",
            "Facts per",
            "recall now",
            "Lists",
            "Hardest",
            "Leeches",
            "Suspended",
            "none",
            " day",
            " min ",
            " min)",
        ],
    );
    // The same figures as in English: the deck's row and the forecast chart are unchanged.
    let (en, _) = run(&env, &[("LANG", "C")], &["stats"], "");
    let chart = |l: &str| l.chars().all(|c| " ▁▂▃▄▅▆▇█·0123456789".contains(c));
    let same = |l: &&str| l.starts_with("  mini ") || (l.contains('█') && chart(l));
    let rows = |s: &str| {
        s.lines()
            .filter(same)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(rows(&zh).len() > 3, "{zh}");
    assert_eq!(rows(&en), rows(&zh), "{en}\n{zh}");

    // The HTML page too, its language declared; the English one says `en`.
    let (page, _) = run(&env, &[("LANG", ZH)], &["stats", "--html"], "");
    assert_all(
        &page,
        &[
            "<html lang=\"zh\">",
            "<title>quiz:学习统计</title>",
            "近期学习",
            "<th>当前回忆率</th>",
            "考试日期 2026-04-01(还有 30 天)",
            "data-period=\"today\"><td>今天</td>",
        ],
        &["Recent study", "Facts per deck", "Streak", "recall now"],
    );
    let (page, _) = run(&env, &[("LANG", "C")], &["stats", "--html"], "");
    assert_all(
        &page,
        &["<html lang=\"en\">", "Recent study"],
        &["近期学习"],
    );

    // A column heading stands over its column (a Chinese character is two columns wide).
    let width = |s: &str| console_width(s);
    let head = zh.lines().find(|l| l.contains("当前回忆率")).unwrap();
    let row = zh.lines().find(|l| l.starts_with("  mini ")).unwrap();
    assert_eq!(width(head), width(row), "{head}\n{row}");
}

/// Terminal columns taken by `s`: two for a CJK character, one otherwise.
fn console_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{2e80}'..='\u{ffef}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `quiz stats --json` and `quiz browse --json` are for scripts: the same bytes, English
/// labels and states, whatever the language.
#[test]
fn stats_and_browse_json_are_the_same_in_every_language() {
    let env = env_with_two_questions();
    run(&env, &[("LANG", ZH)], &["study"], "4\n2\n");
    for args in [&["stats", "--json"][..], &["browse", "--json"]] {
        let (en, _) = run(&env, &[("LANG", "C")], args, "");
        let (zh, _) = run(&env, &[("LANG", ZH)], args, "");
        assert_eq!(en, zh, "{args:?}");
    }
    let (stats, _) = run(&env, &[("LANG", ZH)], &["stats", "--json"], "");
    assert!(stats.contains(r#""label": "today""#), "{stats}");
    assert!(stats.contains(r#""state": "known""#), "{stats}");
}

/// `quiz browse` pages and actions in Chinese; its JSON (an action's report too) in English.
#[test]
fn browse_speaks_chinese_but_its_json_stays_english() {
    let env = env_with_two_questions();
    run(&env, &[("LANG", ZH)], &["study"], "五方面\n2\n");
    let (out, _) = run(&env, &[("LANG", ZH)], &["browse", "--id", "mini/areas"], "");
    assert_all(
        &out,
        &[
            "状态:",
            "下次出题的阶段:",
            "记忆:稳定度 ",
            "当前回忆率 ",
            "题目:\n",
            "历史记录:\n",
            "作答:五方面  错误 → 重来,间隔 ",
        ],
        &[
            "State:",
            "Memory:",
            "Questions:",
            "History:",
            "given:",
            "again",
        ],
    );
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["browse", "--id", "mini/areas", "--suspend"],
        "",
    );
    assert_eq!(out, "已暂停: mini/areas 中俄外长商定在四方面加强合作\n");
    let (out, _) = run(
        &env,
        &[("LANG", ZH)],
        &["browse", "--id", "mini/areas", "--unsuspend", "--json"],
        "",
    );
    assert_eq!(
        out,
        "{\"event\":\"unsuspend\",\"fact\":\"mini/areas\",\"message\":\"Unsuspended: it is asked again\"}\n"
    );
    let err = env
        .quiz()
        .env("LANG", ZH)
        .args(["browse", "没有这种东西"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(err.stderr).unwrap(),
        "quiz: 没有匹配的内容\n"
    );
}

/// Refusals of `quiz optimize` and of the sheet and LMS selection flags, in Chinese.
#[test]
fn optimize_and_export_selection_refuse_in_chinese() {
    let env = env_with_two_questions();
    let refusal = |args: &[&str]| {
        let out = env.quiz().env("LANG", ZH).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let err = refusal(&["optimize"]);
    assert!(err.starts_with("quiz: optimize 至少需要 "), "{err}");
    assert!(err.contains("请继续学习,以后再试。"), "{err}");
    let err = refusal(&["export", "mini", "--format", "gift", "--kinds", "essay"]);
    assert!(
        err.starts_with("quiz: --kinds:没有题型 `essay`(题型有:recall, "),
        "{err}"
    );
    let err = refusal(&["export", "mini", "--format", "sheet", "--lists", "nope"]);
    assert_eq!(err, "quiz: --lists:题库 `mini` 中没有列表 `nope`\n");
    let err = refusal(&["export", "mini", "--format", "csv", "--versions", "2"]);
    assert_eq!(
        err,
        "quiz: --versions 只适用于 --format sheet 或 sheet-html\n"
    );
    let err = refusal(&["config", "exam_date", "next week"]);
    assert!(
        err.contains("YYYY-MM-DD 格式的日期(例如 2026-12-20),或 none"),
        "{err}"
    );
}

/// The class report's headings, notes and warnings in Chinese; students' names and deck text
/// as they are.
#[test]
fn the_class_report_reads_in_chinese() {
    let env = env_with_two_questions();
    run(&env, &[("LANG", ZH)], &["study"], "五方面\n2\n");
    let file = env.tmp().join("li.json");
    let f = file.to_str().unwrap();
    run(
        &env,
        &[("LANG", ZH)],
        &["export-results", "--name", "李明", "-o", f],
        "",
    );
    let (out, _) = run(&env, &[("LANG", ZH)], &["class-report", f, f], "");
    assert_all(
        &out,
        &[
            "班级报告:1 名学生(李明),2 个回答,正确率 50%",
            "警告:",
            "只算一次",
            "\n学生\n",
            "正确率",
            "预测回忆率",
            "\n各列表\n",
            "中俄外长商定在四方面加强合作",
            "\n题库版本\n",
            "(无)",
        ],
        &[
            "Class report",
            "warning:",
            "Students",
            "accuracy",
            "predicted recall",
            "Per list",
            "Deck versions",
            "(none)",
        ],
    );
    let (md, _) = run(
        &env,
        &[("LANG", ZH)],
        &["class-report", f, "--format", "md"],
        "",
    );
    assert!(md.starts_with("# 班级报告\n"), "{md}");
    let bad = env.tmp().join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["class-report", bad.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("不是 quiz 结果文件"), "{err}");
}

/// A file that is no Anki package, and an output that is a folder, are refused in Chinese.
#[test]
fn a_bad_package_and_a_bad_output_are_refused_in_chinese() {
    let env = env_with_two_questions();
    let pkg = env.tmp().join("notes.apkg");
    std::fs::write(&pkg, "not a zip").unwrap();
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["add-deck", pkg.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("quiz: ") && err.contains("notes.apkg:不是 Anki 包(不是 zip 压缩文件:"),
        "{err}"
    );
    let dir = env.tmp();
    let out = env
        .quiz()
        .env("LANG", ZH)
        .args(["stats", "-o", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("quiz: {}:是一个文件夹;拒绝替换它\n", dir.display())
    );
}
