//! Every validation error, with its exact message, and a bad deck changing nothing.

mod common;

use common::{Env, fixture, fixture_text};

/// Writes `text` as `bad.toml`, adds it, and returns the error output.
fn error_for(env: &Env, text: &str) -> String {
    let p = env.write("bad.toml", text);
    env.fails(&["add-deck", p.to_str().unwrap()])
}

const HEAD: &str = "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2021-05-19\"\n";

#[test]
fn each_validation_error_names_file_line_column_and_field() {
    let env = Env::new();
    let cases: &[(&str, &str)] = &[
        (
            "[deck]\nid = \"d\"\nheding = \"x\"\n",
            "bad.toml:3:1: unknown field `heding`, expected one of `id`, `title`, `title_en`, `description`, `language`, `author`, `related`",
        ),
        (
            "[deck]\ntitle = \"T\"\n",
            "bad.toml:1:1: missing field `id`",
        ),
        (
            "[deck]\nid = 5\ntitle = \"T\"\n",
            "bad.toml:2:6: invalid type: integer `5`, expected a string",
        ),
        (
            &format!(
                "{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = 3\n[[list.item]]\ntext = \"a\"\n[[list.item]]\ntext = \"b\"\n"
            ),
            "bad.toml:15:9: list `l`: field `count`: declares 3 items but lists 2",
        ),
        (
            &format!(
                "{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\n[[list.item]]\ntext = \"a\"\n"
            ),
            "bad.toml:12:6: list `l`: field `count`: a closed list must declare its count",
        ),
        (
            &format!(
                "{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = 2\n[[list.item]]\ntext = \"a\"\n[[list.item]]\ntext = \"  \"\n"
            ),
            "bad.toml:19:8: list `l`: item 2: field `text`: must not be empty",
        ),
        (
            &format!(
                "{HEAD}\n[[term]]\nid = \"t\"\nsource = \"s\"\nterm = \"A\"\ndenotes = \"B\"\n[[qa]]\nid = \"t\"\nsource = \"s\"\nquestion = \"Q\"\nanswer = \"A\"\n"
            ),
            "bad.toml:17:6: qa `t`: field `id`: duplicate id (also a term)",
        ),
        (
            &format!(
                "{HEAD}\n[[event]]\nid = \"e\"\nsource = \"s\"\ndate = \"2021-13-01\"\nwhat = \"W\"\n"
            ),
            "bad.toml:14:8: event `e`: field `date`: `2021-13-01` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        (
            &format!(
                "{HEAD}\n[[term]]\nid = \"t\"\nsource = \"s9\"\nterm = \"A\"\ndenotes = \"B\"\n"
            ),
            "bad.toml:13:10: term `t`: field `source`: unknown source `s9`",
        ),
        (
            &format!(
                "{HEAD}\n[[term]]\nid = \"t\"\nsource = \"s\"\ncontext = \"m\"\nterm = \"A\"\ndenotes = \"B\"\n"
            ),
            "bad.toml:14:11: term `t`: field `context`: unknown context `m`",
        ),
        (
            &format!(
                "{HEAD}\n[[term]]\nid = \"\"\nsource = \"s\"\nterm = \"A\"\ndenotes = \"B\"\n"
            ),
            "bad.toml:12:6: term: field `id`: `` is not a valid id (lower-case letters, digits, `-` and `_`, at most 64)",
        ),
        (
            &format!("{HEAD}\n[[cloze]]\nid = \"c\"\nsource = \"s\"\ntext = \"no gap here\"\n"),
            "bad.toml:14:8: cloze `c`: field `text`: no gap: mark at least one answer as {{answer}}",
        ),
        (
            &HEAD.replace("id = \"d\"\n", "id = \"d\"\nrelated = [\"d\"]\n"),
            "bad.toml:3:12: deck: field `related`: a deck cannot name itself",
        ),
        (
            &format!(
                "{HEAD}\n[[number]]\nid = \"n\"\nsource = \"s\"\nvalue = nan\nunit = \"个\"\ncounts = \"C\"\n"
            ),
            "bad.toml:14:9: number `n`: field `value`: must be a finite number",
        ),
    ];
    for (text, want) in cases {
        let got = error_for(&env, text);
        let path = env.path("bad.toml").display().to_string();
        assert_eq!(
            got,
            format!("quiz: {}\n", want.replacen("bad.toml", &path, 1)),
            "for deck:\n{text}"
        );
    }
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let env = Env::new();
    let p = env.path("bad.toml");
    std::fs::write(&p, b"[deck]\nid = \"d\xff\"\n").unwrap();
    let err = env.fails(&["add-deck", p.to_str().unwrap()]);
    assert_eq!(
        err,
        format!("quiz: {}:2:8: the file is not valid UTF-8\n", p.display())
    );
}

#[test]
fn a_bad_deck_leaves_the_database_byte_for_byte_unchanged() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let before = std::fs::read(env.db()).unwrap();
    // A good deck and a bad one in one call: neither is added.
    let good = env.write(
        "good.toml",
        &fixture_text("mini.toml").replace("id = \"mini\"", "id = \"other\""),
    );
    let bad = env.write(
        "bad.toml",
        &fixture_text("mini.toml").replace(
            "count = 4\nordered = true\nclosed = true",
            "count = 5\nordered = true\nclosed = true",
        ),
    );
    let err = env.fails(&["add-deck", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert!(err.contains("declares 5 items but lists 4"), "{err}");
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert!(!env.ok(&["decks"]).contains("other"));
}

#[test]
fn a_database_that_is_not_ours_or_is_newer_is_refused_untouched() {
    let env = Env::new();
    std::fs::write(
        env.db(),
        b"hello, I am a text file and not a database at all",
    )
    .unwrap();
    let err = env.fails(&["decks"]);
    assert_eq!(
        err,
        format!(
            "quiz: {}: not a quiz database (not an SQLite database); refusing to touch it\n",
            env.db().display()
        )
    );

    let other = env.path("other.db");
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE notes (x); INSERT INTO notes VALUES (1);")
        .unwrap();
    drop(c);
    let before = std::fs::read(&other).unwrap();
    let out = env
        .quiz()
        .args(["decks", "--db", other.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("belongs to another program"));
    assert_eq!(std::fs::read(&other).unwrap(), before);

    let newer = env.path("newer.db");
    env.quiz()
        .args(["decks", "--db", newer.to_str().unwrap()])
        .assert()
        .success();
    let c = rusqlite::Connection::open(&newer).unwrap();
    c.pragma_update(None, "user_version", 999).unwrap();
    drop(c);
    let before = std::fs::read(&newer).unwrap();
    let out = env
        .quiz()
        .args(["decks", "--db", newer.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("written by a newer version of quiz (schema 999"),
        "{err}"
    );
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}
