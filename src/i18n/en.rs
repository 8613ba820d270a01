//! English: the reference catalogue. Every message id used in the code is here.
//!
//! Adding a message: put `("area.name", "Text with {placeholder}.")` here and in every other
//! language file (zh.rs), then write `t!("area.name", placeholder = value)` where it is said.
//! A count that changes the English word takes two entries, `area.name.one` and
//! `area.name.other`, and `tn!("area.name", n)` (the count is `{n}`). The tests in
//! i18n/mod.rs fail on an id missing from a language, on differing placeholders, and on an
//! id used in src/ that is not here.
//!
//! Help text is not here: its English is the doc comments of the clap definitions, and other
//! languages translate it under `help.*` ids (see i18n/help.rs). Descriptions of settings are
//! likewise English in `schedule::SETTING_KEYS` and translated under `setting.KEY`.
//!
//! Adding a language: copy zh.rs to xx.rs, translate the texts, and add the variant to
//! `Lang` (code, catalogue, and `from_env` for its locale prefix).

pub const MESSAGES: &[(&str, &str)] = &[
    // clap's headings (English is clap's own; used by translations of the help).
    ("heading.usage", "Usage"),
    ("heading.options", "Options"),
    ("heading.arguments", "Arguments"),
    ("heading.commands", "Commands"),
    // A study session.
    ("session.nothing_left", "Nothing more to study now."),
    (
        "session.conflict",
        "Another quiz session answered this fact meanwhile: your answer was not stored. Here is the next question.",
    ),
    (
        "session.over",
        "Session over: {answered} answered, {correct} right ({pct}%), {new}, {time}. Tomorrow: {due} due, plus new ones.",
    ),
    ("session.new_facts.one", "{n} new fact"),
    ("session.new_facts.other", "{n} new facts"),
    ("session.facts.one", "{n} fact"),
    ("session.facts.other", "{n} facts"),
    ("session.skipped", "Skipped: another fact comes next."),
    (
        "session.buried",
        "Buried until tomorrow: this fact and every question about it.",
    ),
    (
        "session.suspend_confirm",
        "Suspend this fact? None of its questions will be asked until you unsuspend it.",
    ),
    (
        "session.suspended",
        "Suspended: this fact and every question about it.",
    ),
    ("session.not_suspended", "Not suspended."),
    (
        "session.counted_right",
        "Counted as right. Comes back {back}.",
    ),
    ("session.nothing_to_overrule", "Nothing to overrule."),
    ("session.undone", "Undone: {prompt}"),
    ("session.unburied", "Unburied."),
    ("session.unsuspended", "Unsuspended."),
    (
        "session.undone_earlier",
        "Undone (answered earlier today): {prompt}",
    ),
    ("session.nothing_to_undo", "Nothing to undo today."),
    ("session.left", "{n} left"),
    ("session.left_many", "{n}+ left"),
    (
        "session.progress",
        "[{answered} done · {left} · {pct}% right]",
    ),
    (
        "session.early",
        "(Shown {time} early: nothing else is due, and it is still being learned.)",
    ),
    ("session.true", "对 (true)"),
    ("session.false", "错 (false)"),
    (
        "session.type_answer",
        "Type your answer, or :show to see it (counts as not known).",
    ),
    ("session.pick_number", "Answer with a number from 1 to {n}."),
    (
        "session.rate_with",
        "Rate with again, hard, good, easy or 1-4.",
    ),
    ("session.rating_label", "{rating} ({when})"),
    ("session.verdict", "{verdict} → {rating}"),
    ("session.rated", "rated {rating}"),
    ("session.answer", "Answer: {answer}"),
    ("session.source", "Source: {source}"),
    (
        "session.comes_back",
        "Comes back {back}; next time: {next}.",
    ),
    (
        "session.leech",
        "This fact is a leech (forgotten many times): suspended.",
    ),
    ("passage.from", "From the source: {body}"),
    ("passage.from_part", "From the source ({part}): {body}"),
    ("session.type_right", "(type :right if you were right)"),
    // The grader's steps (`quiz grade`, "decided by").
    ("step.exact", "exact"),
    ("step.nfkc", "character forms"),
    ("step.case", "letter case"),
    ("step.width", "full/half width"),
    ("step.punctuation", "punctuation and spaces"),
    ("step.articles", "articles"),
    ("step.traditional_to_simplified", "traditional characters"),
    ("step.numerals", "numbers"),
    ("step.date", "date"),
    ("step.ordinal", "ordinal"),
    ("step.alias", "alias"),
    ("step.title", "name with title"),
    ("step.order", "word order"),
    ("step.pinyin", "pinyin"),
    ("step.edit_distance", "spelling"),
    ("step.opposite", "opposite"),
    ("step.confusable", "a different name"),
    ("step.interference", "another wording"),
    ("step.no_match", "no match"),
    ("step.list", "list"),
    ("step.put_in_order", "order"),
    ("verdict.correct", "correct"),
    ("verdict.almost", "almost"),
    ("verdict.wrong", "wrong"),
    ("rating.again", "again"),
    ("rating.hard", "hard"),
    ("rating.good", "good"),
    ("rating.easy", "easy"),
    ("rung.recognition", "recognise it"),
    ("rung.cued", "recall it from a cue"),
    ("rung.free", "write it out as an exam asks"),
    ("hint.list", "every item, separated by 、 , or ;"),
    ("hint.order", "the order as letters, e.g. BADC"),
    ("hint.date", "the date, e.g. 2021-05-12"),
    ("hint.answer", "answer"),
    ("note.items", "{found}/{total} items"),
    ("note.wrong_extras.one", ", {n} wrong extra"),
    ("note.wrong_extras.other", ", {n} wrong extras"),
    ("note.almost", "almost: {given} for {item}{diff}"),
    ("note.missing", "missing: {items}"),
    ("note.extra", "extra: {given}: {why}"),
    ("note.decided_by", "decided by: {step}"),
    ("note.difference", "difference: {diff}"),
    ("when.tomorrow", "tomorrow"),
    ("when.under_a_minute", "in under a minute"),
    ("when.minutes.one", "in {n} minute"),
    ("when.minutes.other", "in {n} minutes"),
    ("when.hours.one", "in {n} hour"),
    ("when.hours.other", "in {n} hours"),
    ("when.days.one", "in {n} day"),
    ("when.days.other", "in {n} days"),
    ("time.seconds.one", "{n} second"),
    ("time.seconds.other", "{n} seconds"),
    ("time.minutes.one", "{n} minute"),
    ("time.minutes.other", "{n} minutes"),
    ("time.short_seconds", "{s} s"),
    ("time.short_minutes", "{m} min {s} s"),
    // The terminal's prompts.
    ("prompt.your_answer", "your answer"),
    ("prompt.rate", "how well did you know it?"),
    ("prompt.think", "think of the answer"),
    ("prompt.show_answer", "show the answer"),
    ("prompt.continue", "continue"),
    ("prompt.i_was_right", "I was right (count it as right)"),
    ("prompt.undo_answer", "undo this answer"),
    ("prompt.quit", "quit"),
    (
        "prompt.type",
        "{hint} (or :show :skip :bury :suspend :undo :quit)",
    ),
    ("prompt.cmd.skip", "· skip (another fact now)"),
    ("prompt.cmd.bury", "· bury this fact until tomorrow"),
    ("prompt.cmd.suspend", "· suspend this fact"),
    ("prompt.cmd.undo", "· undo"),
    ("prompt.cmd.quit", "· quit"),
    // `quiz study --cram`.
    (
        "cram.no_target",
        "--cram `{target}` is not a deck, a fact id or a meeting named by a question",
    ),
    (
        "cram.no_kind",
        "--cram `{target}`: no fact of it has a question of the kind asked",
    ),
    ("cram.header", "[cram · round {round} · {n} of {total}]"),
    (
        "cram.not_while",
        "Not while cramming: nothing is scheduled here. :skip, :show or :quit.",
    ),
    ("cram.again", "{n} missed: asked again"),
    (
        "cram.over",
        "Cram over: {facts}, {answers}, {first} right the first time, {missed} missed ({still} still missed). Nothing was scheduled or stored.",
    ),
    ("cram.answers.one", "{n} answer"),
    ("cram.answers.other", "{n} answers"),
    // `quiz study` before a session.
    (
        "study.offer_builtin",
        "No decks yet. Add the built-in decks?",
    ),
    (
        "study.no_decks",
        "no decks to study; add some with `quiz add-deck`",
    ),
    // Shared.
    ("common.warning", "warning: {text}"),
    ("common.list_separator", ", "),
    // `quiz add-deck`.
    (
        "add_deck.nothing_named",
        "name deck files, folders or built-in decks, or pass --builtin (built-in: {builtin})",
    ),
    (
        "add_deck.as_one_package",
        "--as and --replace apply to one Anki package (.apkg) added on its own",
    ),
    (
        "add_deck.id_twice",
        "deck id `{id}` is used by both {first} and {second}",
    ),
    ("add_deck.added", "{n} added"),
    ("add_deck.updated", "{n} updated"),
    ("add_deck.retired", "{n} retired"),
    ("add_deck.restored", "{n} restored"),
    ("add_deck.unchanged", "{n} unchanged"),
    ("add_deck.no_questions", "no questions"),
    ("add_deck.new_deck", "new deck, "),
    ("add_deck.report", "{deck}: {head}{parts}"),
    (
        "add_deck.empty_folder",
        "{name}: no .toml deck files in this folder",
    ),
    (
        "add_deck.not_found",
        "{name}: no such file, folder or built-in deck (built-in: {builtin})",
    ),
    // `quiz decks`.
    (
        "decks.none",
        "no decks yet: `quiz add-deck --builtin` adds the built-in ones",
    ),
    ("decks.deck", "deck"),
    ("decks.new", "new"),
    ("decks.learning", "learning"),
    ("decks.due", "due"),
    ("decks.suspended", "suspended"),
    ("decks.facts", "facts"),
    ("decks.questions", "questions"),
    ("decks.title", "title"),
    // `quiz questions`.
    ("questions.count.one", "{n} question"),
    ("questions.count.other", "{n} questions"),
    ("questions.also_accepted", "also accepted: {answers}"),
    ("questions.from", "from: {source}"),
    (
        "questions.unknown_kind",
        "unknown kind `{kind}` (one of: {kinds})",
    ),
    // `quiz check`.
    // `quiz check` findings (and `add-deck` warnings).
    (
        "check.related_missing",
        "related deck `{deck}` is not available: its facts give no distractors",
    ),
    (
        "check.no_context",
        "the deck has several meetings: name this fact's `context`",
    ),
    (
        "check.heading_fragment",
        "heading `{heading}` is a fragment: write a noun phrase that stands alone",
    ),
    (
        "check.heading_dangling",
        "heading `{heading}` uses `{word}`, which has no antecedent in a question: name who or what",
    ),
    (
        "check.not_a_document",
        "`{title}` is {verb}, not adopted, signed or issued by a meeting ({verbs}): model it as a cloze or qa that keeps the text's wording",
    ),
    (
        "check.too_many_questions",
        "{n} questions (at most {max}): split the fact or ask it fewer ways",
    ),
    (
        "check.question_no_meeting",
        "{uid}: the question names no meeting",
    ),
    (
        "check.nested_quotes",
        "{uid}: `{text}` nests “…“…”…”: use ‘ ’ inside “ ”",
    ),
    (
        "check.answer_in_question",
        "{uid}: the answer `{answer}` stands in the question `{prompt}`",
    ),
    (
        "check.answer_in_label",
        "{uid}: the answer `{answer}` stands in the label 【{label}】 of a question on the same sheet",
    ),
    (
        "check.wrong_option",
        "{uid}: wrong option `{wrong}` {why} `{right}`",
    ),
    ("check.why_overlaps", "equals or overlaps the right answer"),
    (
        "check.why_declared_near",
        "is a declared near-synonym of the right answer",
    ),
    (
        "check.why_similar",
        "is a near-synonym of the right answer (declare a [[near]] set, or keep the lists in different families):",
    ),
    (
        "check.not_found",
        "{deck}: no such file, built-in deck or deck in the database",
    ),
    ("check.none", "{origin}: no findings"),
    ("check.findings.one", "{origin}: {n} finding"),
    ("check.findings.other", "{origin}: {n} findings"),
    // `quiz grade`.
    ("grade.wording_of", "that is the wording of {whose}"),
    (
        "grade.close_to_wording",
        "close to the wording of {whose} ({text})",
    ),
    ("list.named_twice", "named twice (as {first})"),
    (
        "list.also_true",
        "true of the list too (listed under {whose})",
    ),
    (
        "list.not_in_list_nearest",
        "not in the list (nearest: {nearest}{diff})",
    ),
    ("list.not_in_list", "not in the list"),
    ("grade.verdict", "{verdict} ({step})"),
    ("grade.closest", "closest accepted answer: {answer}"),
    (
        "grade.two_answers",
        "give the accepted answer and the answer to grade: quiz grade EXPECTED GIVEN (or quiz grade --question UID GIVEN)",
    ),
    (
        "grade.one_answer",
        "with --question, give only the answer to grade: quiz grade --question UID GIVEN",
    ),
    (
        "grade.accept_with_question",
        "--accept does not go with --question: the question's accepted answers are used",
    ),
    (
        "grade.no_question",
        "no question `{uid}`; hint: `quiz questions DECK` lists the ids",
    ),
    (
        "grade.not_typed",
        "question `{uid}` is answered by picking an option or by rating yourself: nothing typed to grade",
    ),
    // `quiz export`.
    (
        "export.with_scheduling_apkg",
        "--with-scheduling only applies to --format apkg",
    ),
    (
        "export.apkg_needs_file",
        "an Anki package is a binary file: name it with -o FILE.apkg",
    ),
    (
        "export.with_reviews",
        ", with scheduling and {reviews} reviews",
    ),
    (
        "export.apkg_written",
        "{path}: {notes} notes (one per fact) with {cards} cards in {types} note types{extra}",
    ),
    // `quiz export-results`.
    (
        "export_results.cannot_write",
        "cannot write results: {reason}",
    ),
    ("export_results.no_decks", "(none)"),
    (
        "export_results.said_one_deck.one",
        "results of {n} answered question in deck {decks}",
    ),
    (
        "export_results.said_one_deck.other",
        "results of {n} answered questions in deck {decks}",
    ),
    (
        "export_results.said.one",
        "results of {n} answered question in decks {decks}",
    ),
    (
        "export_results.said.other",
        "results of {n} answered questions in decks {decks}",
    ),
    (
        "export_results.memory.one",
        "; the memory of {n} fact, each with the time of its last answer",
    ),
    (
        "export_results.memory.other",
        "; the memory of {n} facts, each with the time of its last answer",
    ),
    (
        "export_results.left_out",
        "; left out, as imported from Anki packages: {decks} (name one with --deck to include it)",
    ),
    // `quiz draft-deck`.
    ("draft.folder", "{name}: is a folder, not an article"),
    (
        "draft.summary",
        "{facts} facts drafted ({lists} lists, {items} items), {review} marked for review, {noise} noise lines dropped{pinyin}{script}",
    ),
    ("draft.pinyin_removed", ", {n} pinyin annotations removed"),
    ("draft.english", " (English)"),
    ("draft.traditional", " (traditional)"),
    (
        "draft.too_large",
        "{name}: larger than {max} bytes; draft-deck reads at most that much (split the article)",
    ),
    (
        "draft.not_regular",
        "{path}: exists and is not a regular file; refusing to replace it",
    ),
    // `quiz config`.
    (
        "settings.expected.days",
        "a whole number of days from 1 to 36500",
    ),
    ("settings.expected.hour", "a whole hour from 0 to 23"),
    ("settings.expected.count", "a whole number, 0 or more"),
    (
        "settings.expected.lapses",
        "a whole number of lapses, 0 to turn leeches off",
    ),
    ("settings.expected.new_order", "interleave or deck"),
    ("settings.expected.ui_language", "en, zh or auto"),
    (
        "settings.expected.retention",
        "a number between 0.70 and 0.97",
    ),
    ("settings.expected.retention_range", "between 0.70 and 0.97"),
    (
        "settings.expected.bool",
        "true or false (or on/off, yes/no)",
    ),
    (
        "settings.expected.parameters",
        "17, 19 or 21 numbers separated by commas, or \"\" for the defaults",
    ),
    (
        "settings.expected.parameter_count",
        "empty or 17, 19 or 21 numbers",
    ),
    ("settings.expected.finite", "finite numbers"),
    (
        "settings.expected.steps",
        "durations separated by spaces, like \"1m 10m\" (units s, m, h, d; a bare number is minutes), or \"\" for none",
    ),
    (
        "settings.stored_unknown",
        "warning: the database holds an unknown setting `{key}` (from a newer quiz?); ignored",
    ),
    (
        "settings.stored_invalid",
        "warning: stored setting: {reason}; using the default ({default}) until `quiz config {key} VALUE` sets it",
    ),
    // indicatif's template: `{{eta}}` is its placeholder, kept as is.
    ("progress.eta", "({{eta}} left)"),
    // Deck validation (after `file:line:col: `; what names the fact and field stays as is).
    ("validate.empty", "field `{field}`: must not be empty"),
    ("validate.field", "field `{field}`: {msg}"),
    (
        "validate.language",
        "field `language`: `{language}` is not supported (zh or en)",
    ),
    (
        "validate.duplicate_source",
        "source `{id}`: field `id`: duplicate id",
    ),
    ("validate.no_source", "a deck needs at least one [[source]]"),
    (
        "validate.duplicate_context",
        "context `{id}`: field `id`: duplicate id",
    ),
    (
        "validate.context_name_empty",
        "context `{id}`: field `name`: must not be empty",
    ),
    (
        "validate.terms",
        "field `terms`: needs two or more non-empty terms, got {got}",
    ),
    (
        "validate.related_self",
        "field `related`: a deck cannot name itself",
    ),
    (
        "validate.reserved_id",
        "field `id`: ids starting with `_` are reserved",
    ),
    (
        "validate.duplicate_id",
        "field `id`: duplicate id (also a {kind})",
    ),
    (
        "validate.unknown_source",
        "field `source`: unknown source `{id}`",
    ),
    (
        "validate.unknown_context",
        "field `context`: unknown context `{id}`",
    ),
    (
        "validate.no_items",
        "field `item`: a list needs at least one item",
    ),
    (
        "validate.too_many_items",
        "field `item`: {n} items; a list holds at most {max} (split it into lists of its parts)",
    ),
    (
        "validate.closed_count",
        "field `count`: a closed list must declare its count",
    ),
    (
        "validate.count_mismatch",
        "field `count`: declares {declared} items but lists {listed}",
    ),
    (
        "validate.item_empty",
        "item {n}: field `text`: must not be empty",
    ),
    (
        "validate.item_twice",
        "item {n}: field `key`: `{key}` is listed twice",
    ),
    ("validate.finite", "field `value`: must be a finite number"),
    (
        "validate.too_many_gaps",
        "field `text`: {n} gaps; a cloze text holds at most {max} (split it into sentences)",
    ),
    (
        "validate.bad_id",
        "field `id`: `{id}` is not a valid id (lower-case letters, digits, `-` and `_`, at most 64)",
    ),
    (
        "validate.bad_date",
        "field `date`: `{date}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
    ),
    // Anki packages (`quiz add-deck FILE.apkg`).
    (
        "apkg.taken_hint",
        "add it under another id with `--as NEW_ID`, or replace that deck (retiring its questions) with `--replace`",
    ),
    (
        "apkg.taken_by_own",
        "{origin}: its deck would be `{id}`, which is already a deck of yours that did not come from an Anki package; {hint}",
    ),
    (
        "apkg.taken_by_other",
        "{origin}: its deck would be `{id}`, which is already a deck converted from a different Anki deck ({other}); {hint}",
    ),
    ("apkg.another_package", "another package"),
    (
        "apkg.scheduling_ignored.one",
        "{origin}: scheduling of {n} studied card ignored: the questions start new in quiz",
    ),
    (
        "apkg.scheduling_ignored.other",
        "{origin}: scheduling of {n} studied cards ignored: the questions start new in quiz",
    ),
    (
        "apkg.note_type_left_out.one",
        "{origin}: {n} note of note type `{name}` left out (quiz reads Basic, Basic (and reversed card), Basic (optional reversed card), Basic (type in the answer) and Cloze)",
    ),
    (
        "apkg.note_type_left_out.other",
        "{origin}: {n} notes of note type `{name}` left out (quiz reads Basic, Basic (and reversed card), Basic (optional reversed card), Basic (type in the answer) and Cloze)",
    ),
    (
        "apkg.empty_left_out.one",
        "{origin}: {n} note left out: a side is empty once markup is removed",
    ),
    (
        "apkg.empty_left_out.other",
        "{origin}: {n} notes left out: a side is empty once markup is removed",
    ),
    (
        "apkg.media_dropped.one",
        "{origin}: {n} note had images or sounds beside its text, which were dropped",
    ),
    (
        "apkg.media_dropped.other",
        "{origin}: {n} notes had images or sounds beside their text, which were dropped",
    ),
    ("config.unknown_key", "unknown setting `{key}`"),
    (
        "config.unknown",
        "unknown setting `{key}`; known settings: {known}",
    ),
    ("config.invalid", "{key} must be {expected}, got {got}"),
    // Errors (after `quiz: `).
    ("error.io", "{path}: {reason}"),
    (
        "error.not_quiz_db",
        "{path}: not a quiz database ({reason}); refusing to touch it",
    ),
    (
        "error.too_new",
        "{path}: written by a newer version of quiz (schema {found}, this binary knows up to {known}); refusing to touch it",
    ),
    ("error.db", "database: {reason}"),
    (
        "error.busy",
        "{path}: the database is busy (another quiz is writing to it); try again",
    ),
    (
        "error.read_only",
        "{path}: the database is read-only (cannot write to the file or its folder)",
    ),
    (
        "error.cannot_open",
        "{path}: cannot open the database (is the file or its folder read-only or missing?)",
    ),
    (
        "error.damaged",
        "{path}: the database file is damaged (a corrupt page or unreadable data); stopped, the last change was not saved",
    ),
    (
        "error.disk_full",
        "{path}: the disk is full; the last change was not saved",
    ),
    (
        "error.unknown_deck",
        "no deck `{deck}` (see `quiz decks`, or `quiz add-deck --builtin`)",
    ),
    ("error.stored_setting", "stored setting: {reason}"),
    (
        "error.no_current_question",
        "fact {deck}/{fact} has no current question",
    ),
    ("error.empty_db", "--db / QUIZ_DB must not be empty"),
    (
        "error.quiz_now",
        "QUIZ_NOW: `{value}` is not unix seconds or YYYY-MM-DDTHH:MM:SSZ between 1970 and 9999",
    ),
    ("error.quiz_seed", "QUIZ_SEED: `{value}` is not a number"),
    (
        "error.tz",
        "TZ: `{tz}` is not a time zone file (a regular file under 1 MiB); unset TZ or name a zone such as Europe/Paris",
    ),
    (
        "error.no_data_dir",
        "cannot find a data directory ({reason}); pass --db PATH or set QUIZ_DB",
    ),
    ("io.not_found", "No such file or directory"),
    ("io.permission_denied", "Permission denied"),
    ("io.already_exists", "File exists"),
    ("io.is_a_directory", "Is a directory"),
    ("io.storage_full", "No space left on device"),
    ("db.not_regular_file", "not a regular file"),
    ("db.not_sqlite", "not an SQLite database"),
    (
        "db.corrupt",
        "the file is damaged (SQLite reports it as corrupt or not a database)",
    ),
    (
        "db.foreign",
        "it belongs to another program (application id {app})",
    ),
    // `quiz stats` in the terminal (stats/text.rs). Headings of columns are aligned over them.
    (
        "stats.title",
        "Study statistics for {today} (study days begin at {hour}:00)",
    ),
    (
        "stats.period_head",
        "answers      time  new facts    true retention: young          mature             all",
    ),
    ("stats.period.today", "today"),
    ("stats.period.week", "7 days"),
    ("stats.period.month", "30 days"),
    ("stats.seconds", "{n} s"),
    ("stats.minutes", "{n} min"),
    ("stats.hours", "{h} h {m} min"),
    ("stats.days.one", "{n} day"),
    ("stats.days.other", "{n} days"),
    (
        "stats.forecast",
        "Reviews due (today, overdue included, then the next 29 days)",
    ),
    (
        "stats.forecast_sum",
        "today {today} · tomorrow {tomorrow} · next 7 days {week} · next 30 days {month}",
    ),
    (
        "stats.calendar",
        "Study calendar (last 26 weeks; darker = more answers)",
    ),
    (
        "stats.calendar_key",
        "· none  ░ few  ▒  ▓  █ most ({max} answers in a day)",
    ),
    ("stats.weekdays", "Mon Tue Wed Thu Fri Sat Sun"),
    (
        "stats.months",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    (
        "stats.streak",
        "Streak: {current} (longest {longest}; {studied} studied in all)",
    ),
    ("stats.decks", "Facts per deck"),
    ("stats.meetings", "Facts per meeting"),
    (
        "stats.group_head",
        "facts    new  learning  known  suspended  leeches  recall now",
    ),
    ("stats.lists", "Lists (asked whole in an exam)"),
    ("stats.hardest", "Hardest facts (forgotten most often)"),
    ("stats.leeches", "Leeches"),
    ("stats.suspended", "Suspended facts"),
    ("stats.none", "none"),
    ("stats.fact_head", "state      recall  lapses  due"),
    ("stats.state.new", "new"),
    ("stats.state.learning", "learning"),
    ("stats.state.known", "known"),
    ("stats.exam", "Exam on {date} (in {days}; {decks})"),
    (
        "stats.ready",
        "ready: {pct}% of facts at ≥ {target}% on the exam day at your pace ({ready} of {facts}; {pace} a day)",
    ),
    (
        "stats.ready_now",
        "if you stopped studying now: {pct}% ready ({ready} of {facts})",
    ),
    (
        "stats.needed",
        "to recall {target}% of them on the day: about {minutes} a day (at {spa} s per answer, {from})",
    ),
    (
        "stats.needed_none",
        "to recall {target}% of them on the day: more than {minutes} minutes a day",
    ),
    (
        "stats.not_planned",
        "no plan at your pace: the exam is {why}",
    ),
    ("stats.too_far", "more than a year ahead"),
    ("stats.spa_history", "your own pace"),
    ("stats.spa_default", "the default: no answer timed yet"),
    (
        "stats.no_facts",
        "No facts yet: `quiz add-deck --builtin` adds the built-in decks.",
    ),
    ("error.json", "cannot write JSON: {reason}"),
    // `quiz browse` (cmd/browse.rs).
    ("browse.nothing", "nothing matches"),
    (
        "browse.many",
        "{n} facts match; an action applies to one fact unless --all is given",
    ),
    (
        "browse.reset_needs_yes",
        "reset forgets what you learned of a fact; without a terminal, confirm with --yes",
    ),
    (
        "browse.flag_needs_question",
        "a flag names a question: give --id DECK/FACT/KIND/VARIANT (see a fact's questions with `quiz browse --id DECK/FACT`)",
    ),
    (
        "browse.flag_empty",
        "a flag needs a comment saying what is wrong",
    ),
    (
        "browse.search",
        "find (Chinese, pinyin, English or an id; empty: every fact)",
    ),
    ("browse.new_search", "· new search"),
    ("browse.back", "· back"),
    (
        "browse.reset_confirm",
        "Reset this fact? It becomes new again; its answers stay in the history.",
    ),
    ("browse.which_question", "which question is wrong?"),
    ("browse.comment", "what is wrong with it?"),
    ("browse.no_match_terminal", "Nothing matches."),
    ("browse.nothing_reset", "Nothing reset."),
    ("browse.done_reset", "Reset: new again, its history kept"),
    ("browse.done_suspend", "Suspended"),
    ("browse.done_unsuspend", "Unsuspended: it is asked again"),
    ("browse.menu_unsuspend", "unsuspend (ask it again)"),
    ("browse.menu_suspend", "suspend (stop asking it)"),
    (
        "browse.menu_reset",
        "reset (forget: new again, history kept)",
    ),
    ("browse.menu_flag", "flag a question as wrong"),
    ("browse.menu_prompt", "action (Esc or q: back)"),
    ("browse.never_answered", "History: never answered.\n"),
    (
        "browse.flagged",
        "Flagged {uid}: your comment goes into `quiz export-results` for your instructor",
    ),
    ("browse.found", "{n} found (Esc or q: quit)"),
    ("browse.state.suspended", "suspended"),
    ("browse.state.buried", "buried"),
    ("browse.state.new", "new"),
    ("browse.state.learning", "learning"),
    ("browse.state.review", "review"),
    ("browse.state.relearning", "relearning"),
    ("browse.state.leech", ", leech"),
    ("browse.page.state", "State: {state}; next asked at: {rung}"),
    (
        "browse.page.memory",
        "Memory: stability {stability} days, difficulty {difficulty}, due {due} ({when}), recall now {recall}",
    ),
    ("browse.page.unknown", "unknown"),
    ("browse.page.questions", "Questions:"),
    ("browse.page.history", "History:"),
    (
        "browse.page.answer",
        "given: {given}  {verdict} → {rating}, interval {days} d",
    ),
    ("browse.page.self_rated", "(self-rated)"),
    ("browse.page.overruled", " (overruled)"),
    ("browse.page.manual", "manual"),
    // `quiz optimize` (cmd/optimize.rs); the exam date expected.
    (
        "optimize.too_few",
        "optimize needs at least {min} answers given on a later study day than the previous answer to the same fact; this database has {items} (of {answers} answers in all). Keep studying and try again later.",
    ),
    (
        "optimize.data",
        "{answers} answers to {facts} facts; {items} of them on a later day than the fact's previous answer (what the fit predicts)",
    ),
    ("optimize.header", "parameters             log loss    RMSE"),
    ("optimize.current_default", "current (defaults)"),
    ("optimize.current", "current"),
    ("optimize.fitted", "fitted"),
    ("optimize.fitted_parameters", "fitted parameters: {text}"),
    (
        "optimize.stored",
        "Stored the fitted parameters (`quiz config parameters` shows them; `quiz config parameters \"\"` returns to the defaults).",
    ),
    ("optimize.dry_run", "Dry run: nothing stored."),
    (
        "optimize.not_better",
        "The fitted parameters predict your answers no better than the current ones: nothing stored.",
    ),
    (
        "optimize.bad_current",
        "the stored parameters cannot be used ({reason}); fix them with `quiz config parameters`",
    ),
    (
        "settings.expected.exam_date",
        "a date YYYY-MM-DD (e.g. 2026-12-20), or none",
    ),
    // Importing an Anki package (import/apkg.rs, import/package.rs).
    (
        "apkg.own_package.one",
        "{n} note exported by quiz (deck {decks}): quiz does not read its own packages back, whose notes hold generated questions, not the deck's facts; share the deck file instead (`quiz export {d} -o {d}.toml` where it was exported, then `quiz add-deck {d}.toml`)",
    ),
    (
        "apkg.own_package.other",
        "{n} notes exported by quiz (deck {decks}): quiz does not read its own packages back, whose notes hold generated questions, not the deck's facts; share the deck file instead (`quiz export {d} -o {d}.toml` where it was exported, then `quiz add-deck {d}.toml`)",
    ),
    ("apkg.own_refused", "{origin}: {what}"),
    ("apkg.own_left_out", "{origin}: {what} left out"),
    (
        "apkg.media_only_left_out.one",
        "{origin}: {n} note left out: a side holds only images or sounds, which a terminal cannot show",
    ),
    (
        "apkg.media_only_left_out.other",
        "{origin}: {n} notes left out: a side holds only images or sounds, which a terminal cannot show",
    ),
    (
        "apkg.formatting_dropped.one",
        "{origin}: {n} note had formatting (bold, colours, links, tables), kept as plain text",
    ),
    (
        "apkg.formatting_dropped.other",
        "{origin}: {n} notes had formatting (bold, colours, links, tables), kept as plain text",
    ),
    (
        "apkg.nothing_to_import",
        "{origin}: no Basic, Basic-and-reversed or Cloze notes to import",
    ),
    (
        "apkg.nothing_to_import_found",
        "{origin}: no Basic, Basic-and-reversed or Cloze notes to import (note types found: {types})",
    ),
    (
        "apkg.in_note",
        "{origin}: Anki note {nid} (`nid:{nid}` in Anki's browser): {msg}",
    ),
    (
        "apkg.media_files_ignored.one",
        "{origin}: {n} media file ignored (quiz decks hold text only)",
    ),
    (
        "apkg.media_files_ignored.other",
        "{origin}: {n} media files ignored (quiz decks hold text only)",
    ),
    // Choosing questions for sheets and LMS exports (export/select.rs).
    (
        "select.unknown_fact",
        "--facts: no fact `{id}` in deck `{deck}` (see `quiz questions {deck}`)",
    ),
    (
        "select.not_a_list",
        "--lists: `{id}` is a fact of kind `{kind}`, not a list (use --facts for it)",
    ),
    (
        "select.unknown_list",
        "--lists: no list `{id}` in deck `{deck}`",
    ),
    (
        "select.unknown_kind",
        "--kinds: no question kind `{kind}` (kinds: {all})",
    ),
    (
        "select.unknown_meeting",
        "--meeting: no meeting `{meeting}` in deck `{deck}` (its meetings: {known})",
    ),
    (
        "select.empty",
        "the selection holds no question of deck `{deck}`",
    ),
    (
        "sheet.bad_points",
        "--points: `{value}` is not a whole number from 1 to 1000",
    ),
    ("sheet.bad_kind", "--points: no question kind `{kind}`"),
    // Sheets and LMS exports (cmd/export.rs).
    (
        "export.seed_only_sheets",
        "--seed only applies to --format sheet or sheet-html",
    ),
    (
        "export.only_sheets",
        "{flag} only applies to --format sheet or sheet-html",
    ),
    (
        "export.only_selecting",
        "{flag} only applies to --format sheet, sheet-html, moodle or gift",
    ),
    (
        "export.points_only",
        "--points only applies to --format sheet, sheet-html or moodle",
    ),
    (
        "export.versions_need_output",
        "--versions {n} writes one file per version: name them with -o FILE (FILE-A…, FILE-B…)",
    ),
    (
        "export.too_many",
        "--count {asked}: the selection holds only {have} questions of deck `{deck}` (ask for at most {have}, or --count all)",
    ),
    (
        "export.key_is_output",
        "--key {path}: the key would overwrite the sheet; name another file",
    ),
    (
        "export.wrote_sheet_version",
        "{path}: version {version}, {n} questions, {points} points",
    ),
    (
        "export.wrote_sheet",
        "{path}: {n} questions, {points} points",
    ),
    (
        "export.wrote_key_version",
        "{path}: answer key of version {version}",
    ),
    ("export.wrote_key", "{path}: answer key"),
    ("export.wrote_lms", "{path}: {n} questions ({kinds})"),
    ("export.count_zero", "must be at least 1"),
    ("export.count_bad", "`{value}` is not a number or `all`"),
    // `quiz stats --html` (stats/html.rs). Column headings are `|`-separated.
    ("stats.html.title", "quiz: study statistics"),
    (
        "stats.html.subtitle",
        "Study day {today}; days begin at {hour}:00.",
    ),
    ("stats.html.recent", "Recent study"),
    (
        "stats.html.period_cols",
        "|answers|minutes|new facts|true retention, young|mature|all reviews",
    ),
    ("stats.html.answers", "Answers per day (last 30 days)"),
    (
        "stats.html.forecast",
        "Reviews due per day (next 30 days; overdue counted today)",
    ),
    ("stats.html.calendar", "Study calendar (last 26 weeks)"),
    (
        "stats.html.streak",
        "Streak: {current} days in a row (longest {longest}; {studied} days studied).",
    ),
    ("stats.html.decks", "Facts per deck"),
    ("stats.html.meetings", "Facts per meeting"),
    (
        "stats.html.group_cols",
        "|facts|new|learning|known|suspended|leeches|recall now",
    ),
    ("stats.html.lists", "Lists"),
    ("stats.html.hardest", "Hardest facts"),
    ("stats.html.leeches", "Leeches"),
    ("stats.html.suspended", "Suspended facts"),
    (
        "stats.html.fact_cols",
        "fact|deck|state|recall now|lapses|due",
    ),
    ("stats.html.none", "None."),
    ("stats.html.exam", "Exam on {date} (in {days} days)"),
    (
        "stats.html.ready",
        "Ready: {pct}% of facts at ≥ {target}% on the exam day at your pace ({ready} of {facts}; {pace} min a day).",
    ),
    (
        "stats.html.ready_now",
        "If you stopped studying now: {pct}% ready ({ready} of {facts}).",
    ),
    (
        "stats.html.needed",
        "To recall {target}% of them on the day: about {minutes} min a day ({spa} s per answer).",
    ),
    (
        "stats.html.not_planned",
        "No plan at your pace: the exam is {why}.",
    ),
    (
        "stats.html.needed_none",
        "To recall {target}% of them on the day: more than {minutes} minutes a day.",
    ),
    // quiz man, config --deck, study --kind.
    ("man.unknown", "no command `{name}`; `quiz man` lists them"),
    ("man.written", "wrote {pages} manual pages to {dir}"),
    (
        "config.deck_only_exam_date",
        "--deck goes with exam_date only: quiz config exam_date DATE --deck ID",
    ),
    (
        "study.bad_kind",
        "--kind `{kind}`: not `recall` or a question kind (choice, list_recall, …)",
    ),
    // The class report (results/report.rs).
    ("report.col.student", "student"),
    ("report.col.answers", "answers"),
    ("report.col.accuracy", "accuracy"),
    ("report.col.facts_reached", "facts reached"),
    ("report.col.at_free_recall", "at free recall"),
    ("report.col.predicted_recall", "predicted recall"),
    ("report.col.last_active", "last active"),
    ("report.col.vs_median", "vs median"),
    ("report.col.behind", "behind"),
    ("report.col.students", "students"),
    ("report.col.fact", "fact"),
    ("report.col.kind", "kind"),
    ("report.col.what", "what"),
    ("report.col.meeting", "meeting"),
    ("report.col.list", "list"),
    ("report.col.heading", "heading"),
    ("report.col.facts", "facts"),
    ("report.col.deck", "deck"),
    ("report.col.source", "source"),
    ("report.col.version", "version"),
    ("report.col.question", "question"),
    ("report.col.prompt", "prompt"),
    ("report.col.expected", "expected"),
    ("report.col.overruled_answer", "overruled answer"),
    ("report.col.comments", "comments"),
    (
        "report.predicted_note",
        "accuracy: share of answers that were right (measured); predicted recall: FSRS's prediction that a student recalls the fact now, from their memory of it, averaged over students (a model, not a measurement)",
    ),
    ("report.unknown", "unknown"),
    (
        "report.behind_note",
        "vs median: the student's {measure} minus the class median ({median}); behind: below three quarters of that median",
    ),
    ("report.title.students", "Students"),
    ("report.title.hardest", "Hardest facts"),
    ("report.title.per_list", "Per list"),
    ("report.title.deck_versions", "Deck versions"),
    (
        "report.title.overrides",
        "Answers students overruled as right",
    ),
    ("report.title.flags", "Questions students flagged"),
    ("report.title.per_meeting", "Per meeting"),
    ("report.title.per_source", "Per source"),
    ("report.behind", "behind"),
    (
        "report.hardest_note",
        "lowest accuracy first, among facts with at least {min} answers; {predicted}",
    ),
    (
        "report.list_note",
        "at free recall: students whose memory of the list has reached the free-recall rung (writing it out whole)",
    ),
    (
        "report.version_note",
        "version: the first 12 digits of the SHA-256 of the deck file as stored, as quiz export DECK | sha256sum shows it",
    ),
    (
        "report.overrides_note",
        "worth a look: add them to the deck's accepted answers, or explain why not",
    ),
    (
        "report.flags_note",
        "flagged as wrong by students (quiz browse), with their comments",
    ),
    (
        "report.summary.one",
        "{n} student ({names}), {answers} answers, accuracy {accuracy}; predicted recall as of {at}",
    ),
    (
        "report.summary.other",
        "{n} students ({names}), {answers} answers, accuracy {accuracy}; predicted recall as of {at}",
    ),
    ("report.text_title", "Class report: {summary}"),
    ("report.warning", "warning: {warning}"),
    ("report.none", "(none)"),
    ("report.title", "Class report"),
    ("report.warning_label", "warning:"),
    ("report.student_n", "student {n}"),
    (
        "report.same_file",
        "{file} is the same file as {other}: counted once",
    ),
    (
        "report.same_results",
        "{file} ({name}) holds the same results as {other} ({other_name}): counted once, as {other_name}",
    ),
    (
        "report.earlier_export",
        "{file} is an earlier export of {name}'s results than {other}: counted once, from {other}",
    ),
    (
        "report.same_name",
        "{file} and {other} both name {name}, with different answers: counted as two students",
    ),
    (
        "report.several_versions",
        "students used {known} versions of deck {deck}: compare figures across them with care (see {versions})",
    ),
    (
        "report.no_versions",
        "deck version unknown for {students} (files from an older quiz)",
    ),
    (
        "report.no_memory",
        "predicted recall, rungs and last activity unknown for {students} (files from an older quiz)",
    ),
    (
        "report.not_utf8",
        "{path}: not a result file (not UTF-8 text)",
    ),
    (
        "report.not_json",
        "{path}:{line}:{column}: not a quiz result file: {reason}",
    ),
    (
        "report.wrong_format",
        "{path}: not a quiz result file (format `{format}`)",
    ),
    (
        "report.too_new",
        "{path}: written by a newer quiz (result format {found}, this one reads up to {known})",
    ),
    (
        "report.bad_decay",
        "{path}: field `fsrs_decay`: {value} is not a forgetting-curve decay",
    ),
    ("report.bad_fact", "{path}: fact {n} (`{id}`): {why}"),
    (
        "report.bad_question",
        "{path}: question {n} (`{id}`): {why}",
    ),
    (
        "report.field.recall",
        "field `recall`: {value} is not a probability between 0 and 1",
    ),
    (
        "report.field.last_rating",
        "field `last_rating`: {value} is not a rating 1 to 4",
    ),
    (
        "report.field.reviews",
        "field `reviews`: {value} is more than any question is reviewed",
    ),
    (
        "report.field.again",
        "field `again`: {value} is more than the question's {reviews} reviews",
    ),
    (
        "report.field.rung",
        "field `rung`: {value} is not a rung 0 to 2",
    ),
    (
        "report.field.stability",
        "field `stability`: {value} is not a positive number of days",
    ),
    (
        "report.field.difficulty",
        "field `difficulty`: {value} is not between 1 and 10",
    ),
    (
        "report.field.last_review",
        "field `last_review`: `{value}` is not an RFC 3339 time",
    ),
    (
        "report.field.lapses",
        "field `lapses`: {value} is more than the fact's {reps} answers",
    ),
    // Writing -o FILE (outfile.rs).
    (
        "outfile.needs_regular",
        "{path}: not a regular file; this format needs one (it is written in several passes)",
    ),
    (
        "outfile.needs_own_file",
        "{path}: a name of standard output; this format needs a file of its own (it is written in several passes)",
    ),
    ("outfile.refused", "{path}: {what}; refusing to replace it"),
    ("outfile.is_folder", "is a folder"),
    (
        "outfile.not_regular",
        "is not a regular file (a socket or a block device)",
    ),
    (
        "outfile.dangling_link",
        "is a symbolic link to a file that does not exist",
    ),
    // A damaged or oversized Anki package (import/package.rs, import/apkg.rs).
    (
        "package.not_zip",
        "{origin}: not an Anki package (it is not a zip archive: {reason})",
    ),
    (
        "package.duplicate_entries",
        "{origin}: not a valid Anki package: two of its entries have the same name (a damaged or tampered archive); refusing to guess which one is meant",
    ),
    (
        "package.no_collection",
        "{origin}: not an Anki package (no collection.anki2, collection.anki21 or collection.anki21b inside)",
    ),
    (
        "package.unreadable",
        "{origin}: cannot read {entry}: {reason}",
    ),
    (
        "package.too_big",
        "{origin}: {entry} unpacks to more than {mib} MiB; refusing it (quiz reads Anki collections up to that size)",
    ),
    (
        "package.not_sqlite",
        "{origin}: {entry} is not an SQLite database, so not an Anki collection",
    ),
    (
        "package.too_much_work",
        "reading it took far more work than a collection of its size needs (a damaged or hostile package); stopped",
    ),
    (
        "package.too_much_memory",
        "reading it needed far more memory than a collection of its size needs (a damaged or hostile package); stopped",
    ),
    (
        "package.value_too_big",
        "a value in it is larger than {mib} MiB",
    ),
    ("package.damaged", "the database is damaged"),
    (
        "package.not_a_collection",
        "{origin}: {entry} is not an Anki collection quiz can read: {why}",
    ),
    ("package.no_table", "it has no `{name}` table"),
    (
        "package.not_plain_table",
        "`{name}` is a {what}, not a plain table",
    ),
    (
        "package.computed_column",
        "`{name}` has a computed column `{column}`",
    ),
    ("package.no_column", "`{name}` has no column `{column}`"),
    (
        "apkg.note_types_unreadable",
        "{origin}: note types are unreadable: {reason}",
    ),
    (
        "apkg.decks_unreadable",
        "{origin}: decks are unreadable: {reason}",
    ),
    (
        "apkg.too_many_cards",
        "{origin}: more than {cards} cards; refusing the package (quiz reads up to {notes} notes and {cards} cards)",
    ),
    (
        "apkg.too_many_notes",
        "{origin}: more than {notes} notes; refusing the package (quiz reads up to {notes} notes and {cards} cards)",
    ),
    (
        "apkg.too_much_text",
        "{origin}: its notes make more than {mib} MiB of text; refusing the package",
    ),
    // Reading a file of bounded size (input.rs).
    ("input.folder", "{path}: is a folder, not a {what}"),
    (
        "input.too_large",
        "{path}: larger than {mib} MiB, which is more than any {what} should be; refusing it",
    ),
    ("input.deck_file", "deck file"),
    ("input.source_text", "source text"),
    ("input.result_file", "result file"),
];
