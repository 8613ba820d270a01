//! The interface language: every user-facing message of the CLI, looked up by id in one
//! catalogue per language (`en.rs`, `zh.rs`), with named placeholders (`{answered}`).
//!
//! The language is process-wide: read from the environment at start-up (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, as POSIX orders them; `zh*` is Chinese, anything else English),
//! and replaced by the database's `ui_language` setting when it is `en` or `zh`. Deck text
//! (questions, answers, sources) and JSON for scripts are never translated.
//!
//! How to add a message or a language: see the header of `en.rs`.

mod en;
pub mod help;
mod zh;

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used by `quiz config ui_language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The catalogue: (id, text) pairs.
    pub fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::MESSAGES,
            Lang::Zh => zh::MESSAGES,
        }
    }

    fn table(self) -> &'static HashMap<&'static str, &'static str> {
        static TABLES: [OnceLock<HashMap<&str, &str>>; 2] = [OnceLock::new(), OnceLock::new()];
        // Built at the first message, not at start-up: a few hundred entries, microseconds.
        TABLES[self as usize].get_or_init(|| self.catalogue().iter().copied().collect())
    }
}

/// 0 = not chosen: English. The binary chooses at start-up ([`crate::cli::choose_language`]);
/// the library alone (its tests) speaks English whatever the developer's locale.
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language forced for a stretch of work on this thread ([`english_here`]).
    static FORCED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language messages are written in now.
pub fn lang() -> Lang {
    if let Some(l) = FORCED.with(Cell::get) {
        return l;
    }
    match CURRENT.load(Ordering::Relaxed) {
        2 => Lang::Zh,
        _ => Lang::En,
    }
}

/// Messages on this thread are English until the guard is dropped: for text that scripts
/// read (JSON), which must not change with the interface language.
pub fn english_here() -> EnglishGuard {
    EnglishGuard(FORCED.replace(Some(Lang::En)))
}

pub struct EnglishGuard(Option<Lang>);

impl Drop for EnglishGuard {
    fn drop(&mut self) {
        FORCED.set(self.0);
    }
}

/// Chooses the language for the rest of the process.
pub fn set(l: Lang) {
    CURRENT.store(l as u8 + 1, Ordering::Relaxed);
}

/// The language the locale variables ask for. POSIX: the first of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` that is set and not empty decides (`LANGUAGE`, a GNU extension, is not read).
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty());
    match locale {
        Some(l) if l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) => Lang::Zh,
        _ => Lang::En,
    }
}

/// Applies a `ui_language` setting value: `en`/`zh` choose, `auto` (or anything else) leaves
/// the environment's choice.
pub fn apply_setting(value: &str) {
    match value {
        "en" => set(Lang::En),
        "zh" => set(Lang::Zh),
        _ => set(from_env(|k| std::env::var(k).ok())),
    }
}

/// The text of message `id` in the current language (English when the language lacks it;
/// the id itself when no catalogue has it, which the catalogue tests rule out).
pub fn text(id: &'static str) -> &'static str {
    text_in(lang(), id)
}

pub fn text_in(l: Lang, id: &'static str) -> &'static str {
    l.table()
        .get(id)
        .or_else(|| Lang::En.table().get(id))
        .copied()
        .unwrap_or(id)
}

/// The description `quiz config` shows for setting `key`: `setting.KEY` in the catalogue
/// of a translation, else `english` (the English lives with the setting, in
/// [`crate::schedule::SETTING_KEYS`]).
pub fn setting_help<'a>(key: &str, english: &'a str) -> &'a str {
    match lang() {
        Lang::En => english,
        l => l
            .table()
            .get(format!("setting.{key}").as_str())
            .copied()
            .unwrap_or(english),
    }
}

/// Message `id` with its `{name}` placeholders replaced by `args`.
pub fn format(id: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(text(id), args)
}

/// Message `id.one` when `n` is 1, else `id.other`, with `{n}` and `args` filled in.
pub fn plural(id: &'static str, n: i64, args: &[(&str, &dyn Display)]) -> String {
    let key = format!("{id}.{}", if n == 1 { "one" } else { "other" });
    let msg = lang()
        .table()
        .get(key.as_str())
        .or_else(|| Lang::En.table().get(key.as_str()))
        .copied()
        .unwrap_or(id);
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &n)];
    all.extend_from_slice(args);
    fill(msg, &all)
}

/// Replaces each `{name}` of `msg` by its value; `{{` and `}}` are literal braces.
pub fn fill(msg: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(msg.len() + 16);
    let mut rest = msg;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) {
            let name = &tail[1..end];
            match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => {
                    use std::fmt::Write;
                    let _ = write!(out, "{v}");
                }
                None => {
                    debug_assert!(false, "no value for {{{name}}} in {msg:?}");
                    out.push_str(&tail[..=end]);
                }
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a message, in order.
pub fn placeholders(msg: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = msg;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) {
            names.push(&tail[1..end]);
            rest = &tail[end + 1..];
        } else {
            rest = &tail[1..];
        }
    }
    names
}

/// An error as the binary prints it after `quiz: `, in the interface language. The library's
/// `Display` stays English; file names, line numbers and deck text are kept as they are.
pub fn error(e: &crate::Error) -> String {
    use crate::Error as E;
    match e {
        // Already one line per fault, each naming file, line and field.
        E::Deck(lines) => lines.join("\n"),
        E::Io { path, source } => crate::t!(
            "error.io",
            path = path.display(),
            reason = io_reason(source)
        ),
        E::NotQuizDb { path, reason } => {
            crate::t!("error.not_quiz_db", path = path.display(), reason = reason)
        }
        E::TooNew { path, found, known } => crate::t!(
            "error.too_new",
            path = path.display(),
            found = found,
            known = known
        ),
        E::Db(source) => crate::t!("error.db", reason = source),
        E::Busy(path) => crate::t!("error.busy", path = path.display()),
        E::ReadOnly(path) => crate::t!("error.read_only", path = path.display()),
        E::CannotOpen(path) => crate::t!("error.cannot_open", path = path.display()),
        E::Damaged(path) => crate::t!("error.damaged", path = path.display()),
        E::DiskFull(path) => crate::t!("error.disk_full", path = path.display()),
        E::UnknownDeck(deck) => crate::t!("error.unknown_deck", deck = deck),
        // Worded where they arose, in the interface language already.
        E::Usage(s) | E::Other(s) => s.clone(),
    }
}

/// The common reasons a file cannot be read or written, translated; others as the system
/// words them.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang() == Lang::En {
        return e.to_string();
    }
    match e.kind() {
        K::NotFound => crate::t!("io.not_found"),
        K::PermissionDenied => crate::t!("io.permission_denied"),
        K::AlreadyExists => crate::t!("io.already_exists"),
        K::IsADirectory => crate::t!("io.is_a_directory"),
        K::StorageFull => crate::t!("io.storage_full"),
        _ => e.to_string(),
    }
}

/// A message of the catalogue, as a `String`: `t!("session.nothing_left")`, or with named
/// values for its placeholders: `t!("session.undone", prompt = q.prompt)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id).to_owned()
    };
    ($id:literal, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::format($id, &[$((stringify!($name), &$val as &dyn ::std::fmt::Display)),+])
    };
}

/// A message that depends on a count: `id.one` for 1, else `id.other`; the count is `{n}`.
/// `tn!("session.new_facts", count)`.
#[macro_export]
macro_rules! tn {
    ($id:literal, $n:expr) => {
        $crate::i18n::plural($id, ($n) as i64, &[])
    };
    ($id:literal, $n:expr, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::plural($id, ($n) as i64, &[$((stringify!($name), &$val as &dyn ::std::fmt::Display)),+])
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use super::*;

    #[test]
    fn every_message_exists_in_every_language_with_the_same_placeholders() {
        // Help entries exist only in translations: English help is clap's doc comments
        // (see help.rs), checked against the command tree by help's own test.
        let en: HashMap<_, _> = Lang::En.catalogue().iter().copied().collect();
        for l in Lang::ALL {
            let mut seen = HashSet::new();
            for (id, msg) in l.catalogue() {
                assert!(seen.insert(*id), "{}: {id} twice", l.code());
                if id.starts_with("help.") || id.starts_with("setting.") {
                    continue;
                }
                let Some(en_msg) = en.get(id) else {
                    panic!("{}: {id} is not in en.rs", l.code());
                };
                let mine: BTreeSet<_> = placeholders(msg).into_iter().collect();
                let theirs: BTreeSet<_> = placeholders(en_msg).into_iter().collect();
                assert_eq!(mine, theirs, "{}: placeholders of {id}", l.code());
            }
            let ids: HashSet<_> = l.catalogue().iter().map(|(k, _)| *k).collect();
            for id in en.keys() {
                assert!(ids.contains(id), "{}: {id} is missing", l.code());
            }
        }
    }

    /// Every `t!("…")` / `tn!("…")` id written in src/ is in the English catalogue (and so,
    /// by the test above, in every language).
    #[test]
    fn every_message_id_used_in_the_code_exists() {
        let re = regex::Regex::new(r#"\b(t|tn)!\(\s*"([a-z0-9_.]+)""#).unwrap();
        let en: HashSet<_> = Lang::En.catalogue().iter().map(|(k, _)| *k).collect();
        let mut files = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        let mut used = 0;
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap();
            // Comments show the macros with made-up ids.
            let code: String = src
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for c in re.captures_iter(&code) {
                let id = &c[2];
                used += 1;
                if &c[1] == "tn" {
                    for form in ["one", "other"] {
                        let key = format!("{id}.{form}");
                        assert!(
                            en.contains(key.as_str()),
                            "{}: {key} not in en.rs",
                            p.display()
                        );
                    }
                } else {
                    assert!(en.contains(id), "{}: {id} not in en.rs", p.display());
                }
            }
        }
        assert!(
            used > 100,
            "only {used} message uses found: is the pattern right?"
        );
    }

    #[test]
    fn every_setting_is_described_in_every_translation() {
        for l in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let ids: HashSet<_> = l.catalogue().iter().map(|(k, _)| *k).collect();
            let keys: HashSet<_> = crate::schedule::SETTING_KEYS
                .iter()
                .map(|(k, _)| *k)
                .collect();
            for key in &keys {
                assert!(
                    ids.contains(format!("setting.{key}").as_str()),
                    "{}: setting.{key}",
                    l.code()
                );
            }
            for id in ids.iter().filter_map(|i| i.strip_prefix("setting.")) {
                assert!(
                    keys.contains(id),
                    "{}: setting.{id} is no setting",
                    l.code()
                );
            }
        }
    }

    #[test]
    fn posix_precedence_chooses_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(from_env(env(&[("LANG", "zh_TW.UTF-8")])), Lang::Zh);
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_env(env(&[])), Lang::En);
        assert_eq!(from_env(env(&[("LANG", "C")])), Lang::En);
        // LC_ALL wins over LC_MESSAGES, which wins over LANG; empty ones do not count.
        let all = env(&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN"), ("LANG", "zh_CN")]);
        assert_eq!(from_env(all), Lang::En);
        let msgs = env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "zh_CN.UTF-8"),
            ("LANG", "en"),
        ]);
        assert_eq!(from_env(msgs), Lang::Zh);
        assert_eq!(
            from_env(env(&[("LC_MESSAGES", "fr_FR"), ("LANG", "zh_CN")])),
            Lang::En
        );
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_braces() {
        let n = 3;
        let msg = fill("{n} of {total} {{x}}", &[("n", &n), ("total", &"5")]);
        assert_eq!(msg, "3 of 5 {x}");
        assert_eq!(placeholders("{a} and {b} {{c}}"), ["a", "b"]);
    }
}
