//! 简体中文。How to add a message: see en.rs.
//!
//! 术语表 (use these consistently):
//!   fact 知识点 · new fact 新知识点 · question 题目 · deck 题库 · session 本次学习
//!   correct 正确 · almost 基本正确 · wrong 错误 · due 到期 · review 复习
//!   again/hard/good/easy 重来/困难/良好/简单 (as Anki's Chinese interface)
//!   skip 跳过 · bury 搁置到明天 · suspend 暂停 · undo 撤销 · leech 难点 (屡次遗忘)
//!   source 出处 · setting 设置 · database 数据库 · rung (of the ladder) 阶段
//! Commands typed in a session (:show, :skip, …), setting names and values, option names
//! and file formats stay as they are: they are what the user types.

pub const MESSAGES: &[(&str, &str)] = &[
    ("heading.usage", "用法"),
    ("heading.options", "选项"),
    ("heading.arguments", "参数"),
    ("heading.commands", "命令"),
    ("session.nothing_left", "现在没有要学习的内容了。"),
    (
        "session.conflict",
        "另一个 quiz 会话刚刚回答了这个知识点:你的答案没有保存。下面是下一题。",
    ),
    (
        "session.over",
        "本次学习结束:回答 {answered} 题,正确 {correct} 题({pct}%),{new},用时 {time}。明天:{due}到期,另有新知识点。",
    ),
    ("session.new_facts.one", "{n} 个新知识点"),
    ("session.new_facts.other", "{n} 个新知识点"),
    ("session.facts.one", "{n} 个知识点"),
    ("session.facts.other", "{n} 个知识点"),
    ("session.skipped", "已跳过:接下来是另一个知识点。"),
    ("session.buried", "已搁置到明天:这个知识点及其所有题目。"),
    (
        "session.suspend_confirm",
        "暂停这个知识点?在取消暂停之前,它的题目都不会再出现。",
    ),
    ("session.suspended", "已暂停:这个知识点及其所有题目。"),
    ("session.not_suspended", "未暂停。"),
    ("session.counted_right", "已算作正确。{back}再次出现。"),
    ("session.nothing_to_overrule", "没有可以改判的答案。"),
    ("session.undone", "已撤销:{prompt}"),
    ("session.unburied", "已取消搁置。"),
    ("session.unsuspended", "已取消暂停。"),
    (
        "session.undone_earlier",
        "已撤销(今天早些时候的回答):{prompt}",
    ),
    ("session.nothing_to_undo", "今天没有可以撤销的回答。"),
    ("session.left", "剩 {n} 个"),
    ("session.left_many", "剩 {n}+ 个"),
    (
        "session.progress",
        "[已答 {answered} · {left} · 正确率 {pct}%]",
    ),
    (
        "session.early",
        "(提前 {time} 出现:没有其他到期内容,而它仍在学习中。)",
    ),
    ("session.true", "对"),
    ("session.false", "错"),
    (
        "session.type_answer",
        "请输入答案,或输入 :show 查看答案(算作不会)。",
    ),
    ("session.pick_number", "请用 1 到 {n} 之间的数字作答。"),
    (
        "session.rate_with",
        "请用 again、hard、good、easy 或 1-4 自评。",
    ),
    ("session.rating_label", "{rating}({when})"),
    ("session.verdict", "{verdict} → {rating}"),
    ("session.rated", "自评:{rating}"),
    ("session.answer", "答案:{answer}"),
    ("session.source", "出处:{source}"),
    ("session.comes_back", "{back}再次出现;下次:{next}。"),
    ("session.leech", "这个知识点是难点(屡次遗忘):已暂停。"),
    ("session.type_right", "(如果你答对了,请输入 :right)"),
    ("verdict.correct", "正确"),
    ("verdict.almost", "基本正确"),
    ("verdict.wrong", "错误"),
    ("rating.again", "重来"),
    ("rating.hard", "困难"),
    ("rating.good", "良好"),
    ("rating.easy", "简单"),
    ("rung.recognition", "辨认"),
    ("rung.cued", "根据提示回忆"),
    ("rung.free", "按考试要求完整写出"),
    ("hint.list", "所有条目,用 、 , 或 ; 分隔"),
    ("hint.order", "用字母表示顺序,例如 BADC"),
    ("hint.date", "日期,例如 2021-05-12"),
    ("hint.answer", "答案"),
    ("note.items", "{found}/{total} 项"),
    ("note.wrong_extras.one", ",多写错误 {n} 项"),
    ("note.wrong_extras.other", ",多写错误 {n} 项"),
    ("note.almost", "基本正确:{given} 应为 {item}{diff}"),
    ("note.missing", "缺少:{items}"),
    ("note.extra", "多写:{given}:{why}"),
    ("note.decided_by", "判定依据:{step}"),
    ("note.difference", "差别:{diff}"),
    ("when.tomorrow", "明天"),
    ("when.under_a_minute", "不到一分钟后"),
    ("when.minutes.one", "{n} 分钟后"),
    ("when.minutes.other", "{n} 分钟后"),
    ("when.hours.one", "{n} 小时后"),
    ("when.hours.other", "{n} 小时后"),
    ("when.days.one", "{n} 天后"),
    ("when.days.other", "{n} 天后"),
    ("time.seconds.one", "{n} 秒"),
    ("time.seconds.other", "{n} 秒"),
    ("time.minutes.one", "{n} 分钟"),
    ("time.minutes.other", "{n} 分钟"),
    ("time.short_seconds", "{s} 秒"),
    ("time.short_minutes", "{m} 分 {s} 秒"),
    ("prompt.your_answer", "你的答案"),
    ("prompt.rate", "你掌握得怎么样?"),
    ("prompt.think", "先想出答案"),
    ("prompt.show_answer", "显示答案"),
    ("prompt.continue", "继续"),
    ("prompt.i_was_right", "我答对了(算作正确)"),
    ("prompt.undo_answer", "撤销这次回答"),
    ("prompt.quit", "退出"),
    (
        "prompt.type",
        "{hint}(或 :show :skip :bury :suspend :undo :quit)",
    ),
    ("prompt.cmd.skip", "· 跳过(现在换一个知识点)"),
    ("prompt.cmd.bury", "· 把这个知识点搁置到明天"),
    ("prompt.cmd.suspend", "· 暂停这个知识点"),
    ("prompt.cmd.undo", "· 撤销"),
    ("prompt.cmd.quit", "· 退出"),
    ("study.offer_builtin", "还没有题库。添加内置题库吗?"),
    (
        "study.no_decks",
        "没有可学习的题库;请用 `quiz add-deck` 添加",
    ),
    ("config.unknown_key", "没有设置项 `{key}`"),
    ("config.unknown", "没有设置项 `{key}`;已有的设置项:{known}"),
    ("config.invalid", "{key} 必须是 {expected},而不是 {got}"),
    ("error.io", "{path}:{reason}"),
    (
        "error.not_quiz_db",
        "{path}:不是 quiz 数据库({reason});拒绝改动",
    ),
    (
        "error.too_new",
        "{path}:由更新版本的 quiz 写入(结构版本 {found},本程序最高支持 {known});拒绝改动",
    ),
    ("error.db", "数据库:{reason}"),
    (
        "error.busy",
        "{path}:数据库正忙(另一个 quiz 正在写入);请稍后再试",
    ),
    (
        "error.read_only",
        "{path}:数据库是只读的(无法写入该文件或其所在文件夹)",
    ),
    (
        "error.cannot_open",
        "{path}:无法打开数据库(文件或其所在文件夹是否只读或不存在?)",
    ),
    (
        "error.damaged",
        "{path}:数据库文件已损坏(页面损坏或数据无法读取);已停止,最后一次改动没有保存",
    ),
    ("error.disk_full", "{path}:磁盘已满;最后一次改动没有保存"),
    (
        "error.unknown_deck",
        "没有题库 `{deck}`(见 `quiz decks`,或用 `quiz add-deck --builtin` 添加)",
    ),
    ("error.stored_setting", "已保存的设置:{reason}"),
    (
        "error.no_current_question",
        "知识点 {deck}/{fact} 没有当前题目",
    ),
    ("error.empty_db", "--db / QUIZ_DB 不能为空"),
    (
        "error.quiz_now",
        "QUIZ_NOW:`{value}` 不是 1970 到 9999 年之间的 unix 秒数或 YYYY-MM-DDTHH:MM:SSZ",
    ),
    ("error.quiz_seed", "QUIZ_SEED:`{value}` 不是数字"),
    (
        "error.tz",
        "TZ:`{tz}` 不是时区文件(小于 1 MiB 的普通文件);请取消 TZ 或指定时区,例如 Asia/Shanghai",
    ),
    (
        "error.no_data_dir",
        "找不到数据目录({reason});请用 --db PATH 或设置 QUIZ_DB",
    ),
    ("io.not_found", "没有这个文件或文件夹"),
    ("io.permission_denied", "没有权限"),
    ("io.already_exists", "文件已存在"),
    ("io.is_a_directory", "这是一个文件夹"),
    ("io.storage_full", "磁盘空间不足"),
    ("db.not_regular_file", "不是普通文件"),
    ("db.not_sqlite", "不是 SQLite 数据库"),
    ("db.corrupt", "文件已损坏(SQLite 报告它已损坏或不是数据库)"),
    ("db.foreign", "它属于另一个程序(application id {app})"),
    // --help (English: the doc comments of src/cli.rs and src/cmd/*.rs; ids: i18n/help.rs).
    ("help.flag.help", "显示帮助"),
    ("help.flag.help_more", "显示帮助(--help 显示更多)"),
    ("help.flag.help_more.long", "显示帮助(-h 显示摘要)"),
    ("help.flag.version", "显示版本"),
    (
        "help.quiz.about",
        "快速、离线的终端测验与记忆卡片工具,用于学习官方文本",
    ),
    (
        "help.quiz.after_help",
        "环境变量:\n  QUIZ_DB      数据库文件(同 --db)\n  QUIZ_NOW     假定当前时间(unix 秒数或 YYYY-MM-DDTHH:MM:SSZ,1970 到 9999);\n               整个学习过程中时钟保持不动;用于测试\n  QUIZ_SEED    学习时打乱顺序的随机种子;用于测试\n  LC_ALL, LC_MESSAGES, LANG\n               界面语言(zh_* 为中文,其他为英文),除非 `quiz config ui_language` 另行指定\n",
    ),
    (
        "help.quiz.arg.db",
        "数据库文件 [默认:平台数据目录,例如 ~/.local/share/quiz/quiz.db]",
    ),
    (
        "help.quiz.study.about",
        "学习知识点:先是学习中已到期的,再是今天的复习,然后是每日限额内的新知识点,各题库的新知识点交替出现",
    ),
    (
        "help.quiz.study.long_about",
        "学习知识点:先是学习中已到期的,再是今天的复习,然后是每日限额内的新知识点,各题库的新知识点交替出现。\n\n每个知识点每次只用一种方式提问,按阶梯递进:先辨认(选择题、判断题),再根据提示回忆,最后按考试要求完整写出(整个列表、顺序、完整日期);答对升一级,答错降一级(见 docs/learning.md)。\n\n在终端中,用方向键选择选项,在提示处输入答案;输入(或从列表中选择)`:show`(放弃并查看答案)、`:skip`(换一个知识点)、`:bury`(把这个知识点搁置到明天)、`:suspend`(暂停)、`:undo`(撤销;也可撤销搁置、暂停或今天早些时候的回答)和 `:quit`(退出)代替答案;Ctrl-C 结束学习,所有回答都会保留。没有终端时,从标准输入每行读一个答案(见 docs/scripting.md)。",
    ),
    ("help.quiz.study.arg.decks", "只学这些题库 [默认:全部]"),
    (
        "help.quiz.study.arg.json",
        "每道题输出一个 JSON 对象(供脚本使用)",
    ),
    ("help.quiz.study.arg.limit", "回答这么多题后停止"),
    (
        "help.quiz.add-deck.about",
        "导入题库文件、存放题库文件的文件夹、按名称指定的内置题库或 Anki 包(.apkg)",
    ),
    (
        "help.quiz.add-deck.long_about",
        "导入题库文件、存放题库文件的文件夹、按名称指定的内置题库或 Anki 包(.apkg)。\n\nAnki 包中的 Basic、Basic-and-reversed 和 Cloze 笔记会成为 qa 和 cloze 知识点;媒体、学习进度和其他笔记类型不会导入,输出中会说明。\n\n再次添加题库即更新它:知识点未改动的题目保留学习进度,修改过的知识点也保留进度,删除的知识点其题目会停用(历史记录保留)。题库的干扰项来自题库本身及其在 `related` 中指定的题库(在本次添加的题库、数据库和内置题库中查找)。`quiz check` 会发现的问题以警告形式输出。",
    ),
    (
        "help.quiz.add-deck.arg.decks",
        "题库文件(.toml)、存放题库文件的文件夹、Anki 包(.apkg)或内置题库的名称",
    ),
    ("help.quiz.add-deck.arg.builtin", "添加所有内置题库"),
    (
        "help.quiz.add-deck.arg.as_id",
        "Anki 包:以这个 id 添加题库(当它自己的 id 已被其他题库占用时)",
    ),
    (
        "help.quiz.add-deck.arg.replace",
        "Anki 包:即使同 id 的题库来自别处也替换它(包中没有的题目会停用,历史记录保留)",
    ),
    (
        "help.quiz.decks.about",
        "列出题库及其知识点(新、学习中、今天到期、暂停、总数)和题目数",
    ),
    (
        "help.quiz.decks.long_about",
        "列出题库及其知识点(新、学习中、今天到期、暂停、总数)和题目数。\n\n知识点(一个列表、一个事件、一个术语……)是学习和安排复习的单位;它的各道题目是对它的不同问法。",
    ),
    (
        "help.quiz.decks.arg.json",
        "每个题库输出一个 JSON 对象,而不是表格",
    ),
    ("help.quiz.questions.about", "列出题库生成的题目及其答案"),
    ("help.quiz.questions.arg.deck", "题库 id(见 `quiz decks`)"),
    ("help.quiz.questions.arg.kind", "只列出这一类题目"),
    ("help.quiz.questions.arg.json", "每道题输出一个 JSON 对象"),
    ("help.quiz.check.about", "找出老师会在题库题目中发现的问题"),
    (
        "help.quiz.check.long_about",
        "找出老师会在题库题目中发现的问题。\n\n像 `add-deck` 那样生成题库的题目,并逐条报告问题,注明文件、行号和知识点:答案出现在自己的题目中;所问的日期或地点出现在题库任一题目的标签中;错误选项其实也正确,或与正确答案近义;标题中留有数目;引号嵌套;标题不能独立成立;一个知识点问法过多;文件并非由会议通过;知识点没有指明会议。发现任何问题时以状态 1 退出。规则见 docs/deck-format.md。",
    ),
    (
        "help.quiz.check.arg.deck",
        "题库文件(.toml)、内置题库的名称,或数据库中题库的 id",
    ),
    ("help.quiz.config.about", "查看或修改设置"),
    (
        "help.quiz.config.long_about",
        "查看或修改设置。\n\n`quiz config` 列出每项设置及其值和含义;`quiz config KEY` 显示一项;`quiz config KEY VALUE` 修改它(无效的值会被拒绝,不保存任何内容)。",
    ),
    ("help.quiz.config.arg.key", "设置项"),
    (
        "help.quiz.config.arg.value",
        "新的值(\"\" 表示空的间隔列表)",
    ),
    (
        "help.quiz.grade.about",
        "像 `quiz study` 那样判定一个答案,并显示起决定作用的步骤",
    ),
    (
        "help.quiz.grade.long_about",
        "像 `quiz study` 那样判定一个答案,并显示起决定作用的步骤。\n\n输出判定结果(correct、almost 或 wrong)、判分流程中起决定作用的步骤,以及(如有)标准答案与所给答案的差别。使用 --question 时,整个列表的答案逐项显示,包括多写的条目以及每条是谁的措辞。",
    ),
    (
        "help.quiz.grade.arg.answers",
        "EXPECTED GIVEN:题库中写的标准答案,然后是学生会输入的待判答案。使用 --question 时只给 GIVEN",
    ),
    (
        "help.quiz.grade.arg.question",
        "按数据库中这道题判定,与学习时相同(题目 id,即 `quiz questions DECK` 输出的 DECK/FACT/KIND/VARIANT)",
    ),
    (
        "help.quiz.grade.arg.accept",
        "另一个可接受的答案;可重复(不能与 --question 同用)",
    ),
    (
        "help.quiz.grade.arg.json",
        "输出一个 JSON 对象(verdict、step、expected、diff;列表另有 `list`:每一项、多写的条目和缺少的条目),而不是文本",
    ),
    ("help.quiz.draft-deck.about", "根据文章起草题库,供老师审核"),
    (
        "help.quiz.draft-deck.long_about",
        "根据文章起草题库,供老师审核。\n\n读取纯文本或从浏览器保存的 HTML 网页(简体中文、繁体中文或英文);去除网页杂项(导航、分享按钮、图片说明、编辑和版权行、相关文章列表、行内拼音);把列举、会议、日期、数字、文件、人物和引号中的术语起草为题库格式的知识点。每个没有把握的知识点都标有 `# REVIEW:` 及原因。请审核、修改草稿,然后用 `quiz add-deck` 添加(见 docs/drafting.md)。",
    ),
    (
        "help.quiz.draft-deck.arg.article",
        "文章:文本或 HTML 文件,或用 `-` 表示标准输入",
    ),
    (
        "help.quiz.draft-deck.arg.output",
        "把草稿写入这个文件(原子写入),而不是标准输出",
    ),
    (
        "help.quiz.draft-deck.arg.id",
        "题库 id [默认:由文件名生成,例如 `draft-wang-yi-2020`]",
    ),
    (
        "help.quiz.draft-deck.arg.lang",
        "文章的语言 [默认:自动检测]",
    ),
    (
        "help.quiz.draft-deck.arg.simplified",
        "把繁体文章起草为简体",
    ),
    (
        "help.quiz.export.about",
        "导出题库,供其他工具或 Anki 使用,或导出为附答案的可打印试卷",
    ),
    (
        "help.quiz.export.long_about",
        "导出题库,供其他工具或 Anki 使用,或导出为附答案的可打印试卷。\n\n文本格式写到标准输出,除非 -o 指定文件;Anki 包必须用 -o。各种格式见 docs/export.md。",
    ),
    ("help.quiz.export.arg.deck", "题库 id(见 `quiz decks`)"),
    ("help.quiz.export.arg.format", "导出格式"),
    ("help.quiz.export.arg.output", "写入这个文件,而不是标准输出"),
    (
        "help.quiz.export.arg.with_scheduling",
        "apkg:带上本数据库的卡片状态和复习记录(用于把自己的进度转到 Anki;分享题库时不要用)",
    ),
    ("help.quiz.export.arg.count", "sheet:题目数量"),
    (
        "help.quiz.export.arg.seed",
        "sheet:选题和排序的随机种子 [默认:新生成一个,印在试卷上以便重新生成]",
    ),
    (
        "help.quiz.export-results.about",
        "把你的学习结果写成 JSON 文件,交给老师",
    ),
    (
        "help.quiz.export-results.long_about",
        "把你的学习结果写成 JSON 文件,交给老师。\n\n每道回答过的题目:复习次数、遗忘次数、最后一次评分、回忆概率、你改判为正确的答案。文件只用 --name 给出的名字(如果给了)标识你,不含其他个人数据:没有学习时间,除了你改判为正确的答案外没有输入的答案。\n\n文件包含用 --deck 指定的题库;不指定时,包含内置题库和从题库文件添加的题库,从不包含从 Anki 包导入的题库(指定它才会包含)。写入前会列出所含的题库。",
    ),
    (
        "help.quiz.export-results.arg.output",
        "写入这个文件,而不是标准输出",
    ),
    (
        "help.quiz.export-results.arg.name",
        "在班级报告中显示的名字(任你选择)",
    ),
    (
        "help.quiz.export-results.arg.deck",
        "只包含这个题库的结果(可重复)[默认:内置题库和从题库文件添加的题库]",
    ),
    (
        "help.quiz.class-report.about",
        "把学生的结果文件合并成班级报告:最难的知识点和记忆保持率",
    ),
    (
        "help.quiz.class-report.long_about",
        "把学生的结果文件合并成班级报告:最难的知识点和记忆保持率。\n\n读取 `quiz export-results` 写出的文件,报告最难的知识点、每个列表和每个出处的记忆保持率,以及学生改判为正确的答案。",
    ),
    ("help.quiz.class-report.arg.files", "结果文件"),
    (
        "help.quiz.class-report.arg.format",
        "输出:终端表格、Markdown 或 HTML 网页",
    ),
    (
        "help.quiz.class-report.arg.output",
        "写入这个文件,而不是标准输出",
    ),
    ("help.quiz.class-report.arg.top", "列出多少个最难的知识点"),
    ("help.quiz.help.about", "显示本帮助或指定子命令的帮助"),
    // Settings, as `quiz config` describes them (English: schedule::SETTING_KEYS).
    (
        "setting.desired_retention",
        "题目再次出现时能回忆起来的概率(0.70 到 0.97)",
    ),
    (
        "setting.learning_steps",
        "新知识点最初几次回答之间的间隔,例如 \"10m\"(第一次答对后改在之后某天再出现);\"\" 表示没有",
    ),
    (
        "setting.relearning_steps",
        "复习时遗忘后、重新按天安排之前的间隔,例如 \"10m\"",
    ),
    (
        "setting.maximum_interval_days",
        "题目再次出现前最长的天数(1 到 36500)",
    ),
    ("setting.rollover_hour", "新的学习日从当地几点开始(0 到 23)"),
    ("setting.new_per_day", "每天最多引入的新知识点数"),
    ("setting.reviews_per_day", "每天最多复习的知识点数"),
    (
        "setting.new_order",
        "先学哪个题库的新知识点:interleave(每天每个题库都有)或 deck(按添加或指定的顺序一个题库接一个题库)",
    ),
    (
        "setting.leech_threshold",
        "复习中遗忘多少次后知识点成为难点(0 = 从不)",
    ),
    (
        "setting.fuzz",
        "把复习日期稍微错开,使一起学的题目不会同一天全部回来",
    ),
    (
        "setting.parameters",
        "FSRS 模型参数(17、19 或 21 个数);\"\" 表示 FSRS-6 默认值",
    ),
    (
        "setting.ui_language",
        "界面语言:en、zh 或 auto(根据 LC_ALL、LC_MESSAGES 或 LANG)",
    ),
];
