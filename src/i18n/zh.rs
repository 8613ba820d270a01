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
    ("passage.from", "原文:{body}"),
    ("passage.from_part", "原文({part}):{body}"),
    ("session.type_right", "(如果你答对了,请输入 :right)"),
    ("step.exact", "完全一致"),
    ("step.nfkc", "字符形式"),
    ("step.case", "大小写"),
    ("step.width", "全角/半角"),
    ("step.punctuation", "标点和空格"),
    ("step.articles", "冠词"),
    ("step.traditional_to_simplified", "繁体字"),
    ("step.numerals", "数字"),
    ("step.date", "日期"),
    ("step.ordinal", "序数"),
    ("step.alias", "别称"),
    ("step.title", "姓名加职务"),
    ("step.order", "词序"),
    ("step.pinyin", "拼音"),
    ("step.edit_distance", "拼写"),
    ("step.opposite", "意思相反"),
    ("step.confusable", "另一个名称"),
    ("step.interference", "另一种措辞"),
    ("step.no_match", "不匹配"),
    ("step.list", "逐项"),
    ("step.put_in_order", "顺序"),
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
    (
        "cram.no_target",
        "--cram `{target}` 不是题库、知识点 id,也不是题目中提到的会议",
    ),
    (
        "cram.no_kind",
        "--cram `{target}`:其中没有知识点有所要求题型的题目",
    ),
    (
        "cram.header",
        "[突击 · 第 {round} 轮 · 第 {n} 个,共 {total} 个]",
    ),
    (
        "cram.not_while",
        "突击时不可用:这里不安排复习。可用 :skip、:show 或 :quit。",
    ),
    ("cram.again", "答错 {n} 个:再问一遍"),
    (
        "cram.over",
        "突击结束:{facts},{answers},第一次就答对 {first} 个,答错 {missed} 个(仍未答对 {still} 个)。没有安排复习,也没有保存任何内容。",
    ),
    ("cram.answers.one", "回答 {n} 次"),
    ("cram.answers.other", "回答 {n} 次"),
    ("study.offer_builtin", "还没有题库。添加内置题库吗?"),
    (
        "study.no_decks",
        "没有可学习的题库;请用 `quiz add-deck` 添加",
    ),
    ("common.warning", "警告:{text}"),
    ("common.list_separator", ","),
    (
        "add_deck.nothing_named",
        "请指定题库文件、文件夹或内置题库,或使用 --builtin(内置题库:{builtin})",
    ),
    (
        "add_deck.as_one_package",
        "--as 和 --replace 只用于单独添加的一个 Anki 包(.apkg)",
    ),
    (
        "add_deck.id_twice",
        "题库 id `{id}` 同时被 {first} 和 {second} 使用",
    ),
    ("add_deck.added", "新增 {n} 题"),
    ("add_deck.updated", "更新 {n} 题"),
    ("add_deck.retired", "停用 {n} 题"),
    ("add_deck.restored", "恢复 {n} 题"),
    ("add_deck.unchanged", "{n} 题未变"),
    ("add_deck.no_questions", "没有题目"),
    ("add_deck.new_deck", "新题库,"),
    ("add_deck.report", "{deck}:{head}{parts}"),
    (
        "add_deck.empty_folder",
        "{name}:这个文件夹里没有 .toml 题库文件",
    ),
    (
        "add_deck.not_found",
        "{name}:没有这个文件、文件夹或内置题库(内置题库:{builtin})",
    ),
    (
        "decks.none",
        "还没有题库:`quiz add-deck --builtin` 可添加内置题库",
    ),
    ("decks.deck", "题库"),
    ("decks.new", "新"),
    ("decks.learning", "学习中"),
    ("decks.due", "到期"),
    ("decks.suspended", "暂停"),
    ("decks.facts", "知识点"),
    ("decks.questions", "题目"),
    ("decks.title", "标题"),
    ("questions.count.one", "共 {n} 题"),
    ("questions.count.other", "共 {n} 题"),
    ("questions.also_accepted", "也接受:{answers}"),
    ("questions.from", "出处:{source}"),
    ("questions.unknown_kind", "没有题型 `{kind}`(可选:{kinds})"),
    (
        "check.related_missing",
        "相关题库 `{deck}` 不可用:无法从它的知识点取干扰项",
    ),
    (
        "check.no_context",
        "题库有多个会议:请为这个知识点写明 `context`",
    ),
    (
        "check.heading_fragment",
        "标题 `{heading}` 是片段:请写成能独立成立的名词短语",
    ),
    (
        "check.heading_dangling",
        "标题 `{heading}` 用了 `{word}`,在题目中没有所指:请写明是谁或什么",
    ),
    (
        "check.not_a_document",
        "`{title}` 是“{verb}”,不是会议通过、签署或发表的({verbs}):请改为保留原文措辞的 cloze 或 qa",
    ),
    (
        "check.too_many_questions",
        "{n} 道题(最多 {max} 道):请拆分知识点或减少问法",
    ),
    ("check.question_no_meeting", "{uid}:题目没有指明会议"),
    (
        "check.nested_quotes",
        "{uid}:`{text}` 中“…“…”…”嵌套:请在“ ”内用‘ ’",
    ),
    (
        "check.answer_in_question",
        "{uid}:答案 `{answer}` 出现在题目 `{prompt}` 中",
    ),
    (
        "check.answer_in_label",
        "{uid}:答案 `{answer}` 出现在同一份试卷上某题的标签【{label}】中",
    ),
    (
        "check.wrong_option",
        "{uid}:错误选项 `{wrong}` {why} `{right}`",
    ),
    ("check.why_overlaps", "等同于或包含正确答案"),
    ("check.why_declared_near", "是声明过的正确答案近义词"),
    (
        "check.why_similar",
        "是正确答案的近义词(请声明 [[near]] 组,或把列表放在不同的 family 中):",
    ),
    (
        "check.not_found",
        "{deck}:没有这个文件、内置题库或数据库中的题库",
    ),
    ("check.none", "{origin}:没有发现问题"),
    ("check.findings.one", "{origin}:发现 {n} 个问题"),
    ("check.findings.other", "{origin}:发现 {n} 个问题"),
    ("grade.wording_of", "这是{whose}的措辞"),
    ("grade.close_to_wording", "接近{whose}的措辞({text})"),
    ("list.named_twice", "重复(已写作 {first})"),
    ("list.also_true", "也符合本列表(列在{whose}之下)"),
    (
        "list.not_in_list_nearest",
        "不在列表中(最接近:{nearest}{diff})",
    ),
    ("list.not_in_list", "不在列表中"),
    ("grade.verdict", "{verdict}({step})"),
    ("grade.closest", "最接近的可接受答案:{answer}"),
    (
        "grade.two_answers",
        "请给出标准答案和待判答案:quiz grade EXPECTED GIVEN(或 quiz grade --question UID GIVEN)",
    ),
    (
        "grade.one_answer",
        "使用 --question 时只给出待判答案:quiz grade --question UID GIVEN",
    ),
    (
        "grade.accept_with_question",
        "--accept 不能与 --question 同用:使用该题本身的可接受答案",
    ),
    (
        "grade.no_question",
        "没有题目 `{uid}`;提示:`quiz questions DECK` 列出题目 id",
    ),
    (
        "grade.not_typed",
        "题目 `{uid}` 是选择题或自评题:没有可判定的输入",
    ),
    (
        "export.with_scheduling_apkg",
        "--with-scheduling 只用于 --format apkg",
    ),
    (
        "export.apkg_needs_file",
        "Anki 包是二进制文件:请用 -o FILE.apkg 指定文件名",
    ),
    ("export.with_reviews", ",含学习进度和 {reviews} 条复习记录"),
    (
        "export.apkg_written",
        "{path}:{notes} 条笔记(每个知识点一条),{cards} 张卡片,{types} 种笔记类型{extra}",
    ),
    ("export_results.cannot_write", "无法写出结果:{reason}"),
    ("export_results.no_decks", "(无)"),
    (
        "export_results.said_one_deck.one",
        "题库 {decks} 中 {n} 道已答题目的结果",
    ),
    (
        "export_results.said_one_deck.other",
        "题库 {decks} 中 {n} 道已答题目的结果",
    ),
    (
        "export_results.said.one",
        "题库 {decks} 中 {n} 道已答题目的结果",
    ),
    (
        "export_results.said.other",
        "题库 {decks} 中 {n} 道已答题目的结果",
    ),
    (
        "export_results.memory.one",
        ";{n} 个知识点的记忆状态,各附最后一次回答的时间",
    ),
    (
        "export_results.memory.other",
        ";{n} 个知识点的记忆状态,各附最后一次回答的时间",
    ),
    (
        "export_results.left_out",
        ";未包含从 Anki 包导入的题库:{decks}(用 --deck 指定即可包含)",
    ),
    ("draft.folder", "{name}:这是文件夹,不是文章"),
    (
        "draft.summary",
        "起草了 {facts} 个知识点({lists} 个列表,{items} 个条目),{review} 个待审核,去除 {noise} 行网页杂项{pinyin}{script}",
    ),
    ("draft.pinyin_removed", ",去除 {n} 处拼音注音"),
    ("draft.english", "(英文)"),
    ("draft.traditional", "(繁体)"),
    (
        "draft.too_large",
        "{name}:超过 {max} 字节;draft-deck 最多读取这么多(请拆分文章)",
    ),
    ("draft.not_regular", "{path}:已存在且不是普通文件;拒绝替换"),
    ("settings.expected.days", "1 到 36500 之间的整天数"),
    ("settings.expected.hour", "0 到 23 之间的整点"),
    ("settings.expected.count", "0 或更大的整数"),
    (
        "settings.expected.lapses",
        "遗忘次数(整数),0 表示不判定难点",
    ),
    ("settings.expected.new_order", "interleave 或 deck"),
    ("settings.expected.ui_language", "en、zh 或 auto"),
    ("settings.expected.retention", "0.70 到 0.97 之间的数"),
    ("settings.expected.retention_range", "在 0.70 到 0.97 之间"),
    ("settings.expected.bool", "true 或 false(或 on/off、yes/no)"),
    (
        "settings.expected.parameters",
        "用逗号分隔的 17、19 或 21 个数,或用 \"\" 表示默认值",
    ),
    ("settings.expected.parameter_count", "空,或 17、19、21 个数"),
    ("settings.expected.finite", "有限的数"),
    (
        "settings.expected.steps",
        "用空格分隔的时长,例如 \"1m 10m\"(单位 s、m、h、d;只写数字表示分钟),或用 \"\" 表示没有",
    ),
    (
        "settings.stored_unknown",
        "警告:数据库中有未知的设置项 `{key}`(来自更新版本的 quiz?);已忽略",
    ),
    (
        "settings.stored_invalid",
        "警告:已保存的设置:{reason};在用 `quiz config {key} VALUE` 重新设置之前使用默认值({default})",
    ),
    ("progress.eta", "(还剩 {{eta}})"),
    ("validate.empty", "字段 `{field}`:不能为空"),
    ("validate.field", "字段 `{field}`:{msg}"),
    (
        "validate.language",
        "字段 `language`:不支持 `{language}`(zh 或 en)",
    ),
    (
        "validate.duplicate_source",
        "source `{id}`:字段 `id`:id 重复",
    ),
    ("validate.no_source", "题库至少需要一个 [[source]]"),
    (
        "validate.duplicate_context",
        "context `{id}`:字段 `id`:id 重复",
    ),
    (
        "validate.context_name_empty",
        "context `{id}`:字段 `name`:不能为空",
    ),
    (
        "validate.terms",
        "字段 `terms`:需要两个或更多非空词语,而不是 {got}",
    ),
    ("validate.related_self", "字段 `related`:题库不能指定自己"),
    (
        "validate.reserved_id",
        "字段 `id`:以 `_` 开头的 id 是保留的",
    ),
    (
        "validate.duplicate_id",
        "字段 `id`:id 重复(已用于一个 {kind})",
    ),
    (
        "validate.unknown_source",
        "字段 `source`:没有 source `{id}`",
    ),
    (
        "validate.unknown_context",
        "字段 `context`:没有 context `{id}`",
    ),
    ("validate.no_items", "字段 `item`:列表至少需要一个条目"),
    (
        "validate.too_many_items",
        "字段 `item`:{n} 个条目;一个列表最多 {max} 个(请拆分为各部分的列表)",
    ),
    (
        "validate.closed_count",
        "字段 `count`:封闭列表必须声明条目数",
    ),
    (
        "validate.count_mismatch",
        "字段 `count`:声明 {declared} 个条目,实际列出 {listed} 个",
    ),
    ("validate.item_empty", "第 {n} 个条目:字段 `text`:不能为空"),
    (
        "validate.item_twice",
        "第 {n} 个条目:字段 `key`:`{key}` 重复列出",
    ),
    ("validate.finite", "字段 `value`:必须是有限的数"),
    (
        "validate.too_many_gaps",
        "字段 `text`:{n} 个空;一段填空文本最多 {max} 个(请拆分为句子)",
    ),
    (
        "validate.bad_id",
        "字段 `id`:`{id}` 不是有效的 id(小写字母、数字、`-` 和 `_`,最多 64 个)",
    ),
    (
        "validate.bad_date",
        "字段 `date`:`{date}` 不是日期(YYYY-MM-DD、YYYY-MM 或 YYYY)",
    ),
    (
        "apkg.taken_hint",
        "请用 `--as NEW_ID` 以另一个 id 添加,或用 `--replace` 替换那个题库(停用其题目)",
    ),
    (
        "apkg.taken_by_own",
        "{origin}:它的题库会是 `{id}`,而这已是你的一个并非来自 Anki 包的题库;{hint}",
    ),
    (
        "apkg.taken_by_other",
        "{origin}:它的题库会是 `{id}`,而这已是由另一个 Anki 牌组转换来的题库({other});{hint}",
    ),
    ("apkg.another_package", "另一个包"),
    (
        "apkg.scheduling_ignored.one",
        "{origin}:忽略了 {n} 张已学卡片的学习进度:这些题目在 quiz 中从新开始",
    ),
    (
        "apkg.scheduling_ignored.other",
        "{origin}:忽略了 {n} 张已学卡片的学习进度:这些题目在 quiz 中从新开始",
    ),
    (
        "apkg.note_type_left_out.one",
        "{origin}:未导入笔记类型 `{name}` 的 {n} 条笔记(quiz 读取 Basic、Basic (and reversed card)、Basic (optional reversed card)、Basic (type in the answer) 和 Cloze)",
    ),
    (
        "apkg.note_type_left_out.other",
        "{origin}:未导入笔记类型 `{name}` 的 {n} 条笔记(quiz 读取 Basic、Basic (and reversed card)、Basic (optional reversed card)、Basic (type in the answer) 和 Cloze)",
    ),
    (
        "apkg.empty_left_out.one",
        "{origin}:未导入 {n} 条笔记:去掉标记后有一面为空",
    ),
    (
        "apkg.empty_left_out.other",
        "{origin}:未导入 {n} 条笔记:去掉标记后有一面为空",
    ),
    (
        "apkg.media_dropped.one",
        "{origin}:{n} 条笔记的文字旁有图片或声音,已去掉",
    ),
    (
        "apkg.media_dropped.other",
        "{origin}:{n} 条笔记的文字旁有图片或声音,已去掉",
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
        "学习知识点:先是学习中已到期的,再是今天的复习,然后是每日限额内的新知识点,各题库的新知识点交替出现。\n\n每个知识点每次只用一种方式提问,按阶梯递进:先辨认(选择题、判断题),再根据提示回忆,最后按考试要求完整写出(整个列表、顺序、完整日期);答对升一级,答错降一级(见 docs/learning.md)。\n\n在终端中,用方向键选择选项,在提示处输入答案;输入(或从列表中选择)`:show`(放弃并查看答案)、`:skip`(换一个知识点)、`:bury`(把这个知识点搁置到明天)、`:suspend`(暂停)、`:undo`(撤销;也可撤销搁置、暂停或今天早些时候的回答)和 `:quit`(退出)代替答案;Ctrl-C 结束学习,所有回答都会保留。没有终端时,从标准输入每行读一个答案(见 docs/scripting.md)。\n\n使用 --cram 用于考前突击:一个题库、一个知识点或一次会议的知识点,各在最高阶段问一次,答错的再问;不安排复习,不保存任何内容。",
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
        "导出题库,供其他工具、Anki 或学习管理系统(Moodle XML、GIFT)使用,或导出为所选题目的可打印试卷(A/B 卷,单独的答案附所有可接受的写法)",
    ),
    (
        "help.quiz.export.long_about",
        "导出题库,供其他工具、Anki 或学习管理系统(Moodle XML、GIFT)使用,或导出为所选题目的可打印试卷(A/B 卷,单独的答案附所有可接受的写法)。\n\n文本格式写到标准输出,除非 -o 指定文件;Anki 包必须用 -o。各种格式见 docs/export.md。",
    ),
    ("help.quiz.export.arg.deck", "题库 id(见 `quiz decks`)"),
    ("help.quiz.export.arg.format", "导出格式"),
    ("help.quiz.export.arg.output", "写入这个文件,而不是标准输出"),
    (
        "help.quiz.export.arg.with_scheduling",
        "apkg:带上本数据库的卡片状态和复习记录(用于把自己的进度转到 Anki;分享题库时不要用)",
    ),
    (
        "help.quiz.export.arg.count",
        "sheet:题目数量 [默认:20,所选题目不足时为全部];`all` 表示所有所选题目。超过所选题目数量会报错",
    ),
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
        "把你的学习结果写成 JSON 文件,交给老师。\n\n每道回答过的题目:复习次数、遗忘次数、“重来”次数、最后一次评分、你改判的答案(附题目和标准答案)。每个学过的知识点:它的记忆状态(阶段、FSRS 稳定度和难度、最后一次回答的时间),以便报告预测你的回忆率;每个题库的版本;以及你标记为有误的题目(`quiz browse --flag`)和你的说明。文件只用 --name 给出的名字(如果给了)标识你,不含其他个人数据:学习时间只有每个知识点最后一次回答和每次标记的时间,除了你改判为正确的答案和标记说明外没有输入的答案。\n\n文件包含用 --deck 指定的题库;不指定时,包含内置题库和从题库文件添加的题库,从不包含从 Anki 包导入的题库(指定它才会包含)。写入前会列出所含的题库。",
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
        "把学生的结果文件合并成班级报告:谁落后了,哪些知识点难",
    ),
    (
        "help.quiz.class-report.long_about",
        "把学生的结果文件合并成班级报告:谁落后了,哪些知识点难。\n\n读取 `quiz export-results` 写出的文件,报告每个学生的回答数、正确率、学到的知识点数和达到完整回忆阶段的知识点数、最近一次学习,以及谁落后于全班中位数;最难的知识点;每个列表、会议和出处的正确率和预测回忆率;学生所用的题库版本;学生改判为正确的答案(附题目和标准答案)以及他们标记的题目。\n\n正确率是实测的(答对的比例);预测回忆率是 FSRS 根据每个学生对每个知识点的记忆状态,对报告生成时刻的预测。同一文件给了两次,或同一结果用了两个名字,只算一次,并给出警告。",
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
    (
        "help.quiz.class-report.arg.top",
        "列出多少个最难的知识点(0:全部)",
    ),
    (
        "help.quiz.study.arg.cram",
        "考前突击,不按复习计划:把一个题库、一个知识点(`DECK/FACT`,例如一个列表)或一次会议(按题目中的名称)的每个知识点在其最高阶段各问一次,答错的再问直到答对。不改变记忆状态,不保存任何回答:复习计划保持原样(docs/learning.md,“Cramming”)",
    ),
    (
        "help.quiz.study.arg.kind",
        "与 --cram 同用:只问这一类题目;`recall` 表示所有要求回忆而非辨认的题型",
    ),
    (
        "help.quiz.browse.about",
        "查找知识点和题目;查看一个知识点的题目、历史记录和当前记忆状态;暂停、取消暂停、重置或标记找到的内容",
    ),
    (
        "help.quiz.browse.long_about",
        "查找知识点和题目;查看一个知识点的题目、历史记录和当前记忆状态;暂停、取消暂停、重置或标记找到的内容。\n\nQUERY 与知识点的措辞、题目和答案匹配:中文、不带声调的拼音(可带或不带空格:`waizhang`、`wai zhang`)、英文,或 id(知识点 `DECK/FACT` 或题目 `DECK/FACT/KIND/VARIANT`)。不给 QUERY:所有知识点。\n\n在终端中(且未指定操作时):列出匹配的内容;选一个知识点查看其页面并进行操作;Esc 或 q 返回。否则:每个知识点一行(只匹配一个时显示整页),或用 --json 每个知识点输出一个 JSON 对象;操作以选项给出,作用于匹配的内容(多于一个知识点时须加 --all)。\n\n重置即忘掉一个知识点:它重新成为新知识点(阶段、稳定度、遗忘次数和难点标记清除;已暂停的仍保持暂停);所有回答都保留在历史记录中。这些操作都不能用学习中的 `:undo` 撤销:暂停和取消暂停互相抵消;重置不可撤销。",
    ),
    (
        "help.quiz.browse.arg.query",
        "要查找的文字(中文、拼音、英文)或 id",
    ),
    ("help.quiz.browse.arg.deck", "只在这个题库中查找(可重复)"),
    (
        "help.quiz.browse.arg.kind",
        "只查这一类知识点:list、event、number、term、document、person、qa、cloze",
    ),
    ("help.quiz.browse.arg.state", "只查处于这种状态的知识点"),
    (
        "help.quiz.browse.arg.id",
        "正好这个知识点(`DECK/FACT`)或题目(`DECK/FACT/KIND/VARIANT`)",
    ),
    (
        "help.quiz.browse.arg.json",
        "每个知识点输出一个 JSON 对象(含其题目、历史记录和记忆状态)",
    ),
    (
        "help.quiz.browse.arg.suspend",
        "暂停匹配的内容:在取消暂停之前不再出现",
    ),
    (
        "help.quiz.browse.arg.unsuspend",
        "取消暂停匹配的内容:`quiz study` 会再次出题",
    ),
    (
        "help.quiz.browse.arg.reset",
        "忘掉匹配的内容:重新成为新知识点,历史记录保留(会先询问;没有终端时须加 --yes)",
    ),
    (
        "help.quiz.browse.arg.flag",
        "把 --id 指定的题目标记为有误,附上这条说明(它会写进你交给老师的结果文件)",
    ),
    (
        "help.quiz.browse.arg.all",
        "让操作作用于所有匹配的知识点,而不只是一个",
    ),
    ("help.quiz.browse.arg.yes", "重置前不询问"),
    (
        "help.quiz.export.arg.versions",
        "sheet:生成这么多个版本(A、B……),题目相同但题序和选项顺序不同,每个版本一个文件:`-o test.html` 写出 test-A.html、test-B.html……",
    ),
    (
        "help.quiz.export.arg.key",
        "sheet:把答案写到这个文件,而不是放在题目之后(每个版本一个:key-A.html、key-B.html……);试卷上就不带答案",
    ),
    (
        "help.quiz.export.arg.points",
        "sheet、moodle:每题分值:`2` 表示全部,`choice=1,list_recall=6` 按题型,或两者兼用 [默认:判断题和选择题 1 分,填写题 2 分,排序题 3 分,整个列表每项 1 分,自由作答 4 分]",
    ),
    (
        "help.quiz.export.arg.facts",
        "sheet、moodle、gift:只要这些知识点(id,逗号分隔;与 --lists 合并)",
    ),
    (
        "help.quiz.export.arg.lists",
        "sheet、moodle、gift:只要这些列表(列表的知识点 id;与 --facts 合并)",
    ),
    (
        "help.quiz.export.arg.kinds",
        "sheet、moodle、gift:只要这些题型(recall、choice、true_false、not_in_list、item_at、position_of、how_many、order、list_recall、when、what_on_date、where、chronology、cloze、reveal)",
    ),
    (
        "help.quiz.export.arg.meeting",
        "sheet、moodle、gift:只要这次会议的知识点(context 的 id、名称或英文名称;可重复)",
    ),
    (
        "help.quiz.class-report.arg.min_answers",
        "知识点至少要有多少个回答才参与最难排名",
    ),
    (
        "help.quiz.stats.about",
        "查看学习进展:回答数、用时、实际记忆保持率和新知识点(今天、最近 7 天和 30 天),未来 30 天每天到期的复习数,每个题库、每次会议和每个列表的新/学习中/已掌握知识点数及其当前回忆率,最难的知识点、难点和已暂停的知识点,连续学习天数和最近 26 周的日历",
    ),
    (
        "help.quiz.stats.long_about",
        "查看学习进展:回答数、用时、实际记忆保持率和新知识点(今天、最近 7 天和 30 天),未来 30 天每天到期的复习数,每个题库、每次会议和每个列表的新/学习中/已掌握知识点数及其当前回忆率,最难的知识点、难点和已暂停的知识点,连续学习天数和最近 26 周的日历。\n\n设了考试日期(`quiz config exam_date YYYY-MM-DD`)时,还会显示按你现在的进度考试当天能回忆起多少个知识点,以及每天学习多少分钟才能达到你的期望记忆保持率(docs/exam.md)。每个数字的定义见 docs/stats.md。",
    ),
    ("help.quiz.stats.arg.decks", "只统计这些题库 [默认:全部]"),
    ("help.quiz.stats.arg.json", "把各项数字输出为一个 JSON 对象"),
    (
        "help.quiz.stats.arg.html",
        "写出一个带图表的独立 HTML 网页,而不是文本",
    ),
    ("help.quiz.stats.arg.output", "写入这个文件,而不是标准输出"),
    (
        "help.quiz.decks.arg.names",
        "只输出题库 id,每行一个,供 shell 补全使用;数据库还不存在时什么也不输出(也不新建数据库)",
    ),
    (
        "help.quiz.config.arg.deck",
        "查看或设置这个题库自己的考试日期(只能与 `exam_date` 同用)",
    ),
    (
        "help.quiz.optimize.about",
        "用你自己的回答拟合复习计划的记忆模型(FSRS 参数)",
    ),
    (
        "help.quiz.optimize.long_about",
        "用你自己的回答拟合复习计划的记忆模型(FSRS 参数)。\n\n同一知识点上,凡是与上一次回答不在同一学习日的回答,都是对模型的一次检验:该知识点预测的回忆率是否应验?程序在同一批回答上分别输出当前参数和拟合参数的拟合情况;只有拟合参数预测得更好时才保存(即 `parameters` 设置,见 `quiz config`),并用它重新计算每个知识点的记忆状态。`quiz config parameters \"\"` 恢复默认值。",
    ),
    (
        "help.quiz.optimize.arg.dry_run",
        "只输出拟合情况,不保存任何内容",
    ),
    (
        "help.quiz.completions.about",
        "输出 shell 补全脚本(子命令、选项和题库名)",
    ),
    (
        "help.quiz.completions.long_about",
        "输出 shell 补全脚本(子命令、选项和题库名)。\n\n安装:bash 用 `quiz completions bash > ~/.local/share/bash-completion/completions/quiz`;zsh 用 `quiz completions zsh > ~/.zfunc/_quiz`(在 `compinit` 之前加上 `fpath+=(~/.zfunc)`);fish 用 `quiz completions fish > ~/.config/fish/completions/quiz.fish`。",
    ),
    ("help.quiz.completions.arg.shell", "shell 的种类"),
    (
        "help.quiz.man.about",
        "输出手册页(roff 格式):`quiz man | man -l -`",
    ),
    (
        "help.quiz.man.long_about",
        "输出手册页(roff 格式):`quiz man | man -l -`。\n\n`quiz man` 是 quiz(1),列出所有命令;`quiz man COMMAND` 是该命令自己的手册页 quiz-COMMAND(1),含其全部选项。`quiz man --dir ~/.local/share/man/man1` 把所有手册页写到该目录。",
    ),
    (
        "help.quiz.man.arg.command",
        "显示某个命令自己的手册页,而不是 quiz(1)",
    ),
    (
        "help.quiz.man.arg.dir",
        "把 quiz.1 和每个 quiz-COMMAND.1 写到这个目录,而不是输出一页",
    ),
    ("help.quiz.help.about", "显示本帮助或指定子命令的帮助"),
    // `quiz stats` in the terminal (stats/text.rs). Headings of columns are aligned over them.
    ("stats.title", "{today} 的学习统计(学习日从 {hour}:00 开始)"),
    (
        "stats.period_head",
        " 回答数      用时   新知识点          实际保持率:较新            成熟            全部",
    ),
    ("stats.period.today", "今天"),
    ("stats.period.week", "近 7 天"),
    ("stats.period.month", "近 30 天"),
    ("stats.seconds", "{n}秒"),
    ("stats.minutes", "{n}分钟"),
    ("stats.hours", "{h}小时{m}分"),
    ("stats.days.one", "{n} 天"),
    ("stats.days.other", "{n} 天"),
    (
        "stats.forecast",
        "到期的复习(今天,含已逾期的,然后是之后 29 天)",
    ),
    (
        "stats.forecast_sum",
        "今天 {today} · 明天 {tomorrow} · 未来 7 天 {week} · 未来 30 天 {month}",
    ),
    ("stats.calendar", "学习日历(最近 26 周;颜色越深,回答越多)"),
    (
        "stats.calendar_key",
        "· 无  ░ 少  ▒  ▓  █ 最多(一天 {max} 个回答)",
    ),
    ("stats.weekdays", "一 二 三 四 五 六 日"),
    (
        "stats.months",
        "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    ),
    (
        "stats.streak",
        "连续学习:{current}(最长 {longest};累计学习 {studied})",
    ),
    ("stats.decks", "各题库的知识点"),
    ("stats.meetings", "各次会议的知识点"),
    (
        "stats.group_head",
        " 总数     新    学习中 已掌握     已暂停     难点  当前回忆率",
    ),
    ("stats.lists", "考试时须完整写出的列表"),
    ("stats.hardest", "最常遗忘的知识点"),
    ("stats.leeches", "难点"),
    ("stats.suspended", "已暂停的知识点"),
    ("stats.none", "无"),
    ("stats.fact_head", "状态      回忆率  遗忘数  到期"),
    ("stats.state.new", "新"),
    ("stats.state.learning", "学习中"),
    ("stats.state.known", "已掌握"),
    ("stats.exam", "考试日期 {date}(还有 {days};{decks})"),
    (
        "stats.ready",
        "准备情况:按你现在的进度(每天 {pace}),考试当天回忆率 ≥ {target}% 的知识点占 {pct}%({facts} 个中的 {ready} 个)",
    ),
    (
        "stats.ready_now",
        "如果现在停止学习:准备好的占 {pct}%({facts} 个中的 {ready} 个)",
    ),
    (
        "stats.needed",
        "要在考试当天回忆起其中 {target}%:每天约 {minutes}(每个回答 {spa} 秒,{from})",
    ),
    (
        "stats.needed_none",
        "要在考试当天回忆起其中 {target}%:每天需要超过 {minutes} 分钟",
    ),
    ("stats.not_planned", "无法按你的进度推算:考试{why}"),
    ("stats.too_far", "在一年以后"),
    ("stats.spa_history", "按你自己的速度"),
    ("stats.spa_default", "默认值:还没有计时的回答"),
    (
        "stats.no_facts",
        "还没有知识点:`quiz add-deck --builtin` 可添加内置题库。",
    ),
    ("error.json", "无法写出 JSON:{reason}"),
    // `quiz browse` (cmd/browse.rs).
    ("browse.nothing", "没有匹配的内容"),
    (
        "browse.many",
        "有 {n} 个知识点匹配;除非加 --all,操作只作用于一个知识点",
    ),
    (
        "browse.reset_needs_yes",
        "重置会忘掉你对一个知识点的学习记录;没有终端时,请用 --yes 确认",
    ),
    (
        "browse.flag_needs_question",
        "标记针对的是一道题目:请用 --id DECK/FACT/KIND/VARIANT 指定(用 `quiz browse --id DECK/FACT` 查看一个知识点的题目)",
    ),
    ("browse.flag_empty", "标记须附说明,指出哪里有误"),
    (
        "browse.search",
        "查找(中文、拼音、英文或 id;留空:所有知识点)",
    ),
    ("browse.new_search", "· 重新查找"),
    ("browse.back", "· 返回"),
    (
        "browse.reset_confirm",
        "重置这个知识点?它将重新成为新知识点;它的回答仍保留在历史记录中。",
    ),
    ("browse.which_question", "哪道题目有误?"),
    ("browse.comment", "哪里有误?"),
    ("browse.no_match_terminal", "没有匹配的内容。"),
    ("browse.nothing_reset", "未重置任何内容。"),
    ("browse.done_reset", "已重置:重新成为新知识点,历史记录保留"),
    ("browse.done_suspend", "已暂停"),
    ("browse.done_unsuspend", "已取消暂停:会再次出题"),
    ("browse.menu_unsuspend", "取消暂停(再次出题)"),
    ("browse.menu_suspend", "暂停(不再出题)"),
    (
        "browse.menu_reset",
        "重置(忘掉:重新成为新知识点,历史记录保留)",
    ),
    ("browse.menu_flag", "把一道题目标记为有误"),
    ("browse.menu_prompt", "操作(Esc 或 q:返回)"),
    ("browse.never_answered", "历史记录:从未回答。\n"),
    (
        "browse.flagged",
        "已标记 {uid}:你的说明会写进 `quiz export-results` 的结果文件,交给老师",
    ),
    ("browse.found", "找到 {n} 个(Esc 或 q:退出)"),
    ("browse.state.suspended", "已暂停"),
    ("browse.state.buried", "已搁置到明天"),
    ("browse.state.new", "新知识点"),
    ("browse.state.learning", "学习中"),
    ("browse.state.review", "复习中"),
    ("browse.state.relearning", "重新学习中"),
    ("browse.state.leech", ",难点"),
    ("browse.page.state", "状态:{state};下次出题的阶段:{rung}"),
    (
        "browse.page.memory",
        "记忆:稳定度 {stability} 天,难度 {difficulty},到期 {due}({when}),当前回忆率 {recall}",
    ),
    ("browse.page.unknown", "未知"),
    ("browse.page.questions", "题目:"),
    ("browse.page.history", "历史记录:"),
    (
        "browse.page.answer",
        "作答:{given}  {verdict} → {rating},间隔 {days} 天",
    ),
    ("browse.page.self_rated", "(自评)"),
    ("browse.page.overruled", "(已改判)"),
    ("browse.page.manual", "手动"),
    // `quiz optimize` (cmd/optimize.rs); the exam date expected.
    (
        "optimize.too_few",
        "optimize 至少需要 {min} 个回答,且每个回答与同一知识点的上一次回答不在同一学习日;本数据库只有 {items} 个(共 {answers} 个回答)。请继续学习,以后再试。",
    ),
    (
        "optimize.data",
        "{facts} 个知识点共 {answers} 个回答;其中 {items} 个与该知识点的上一次回答不在同一天(拟合所预测的就是这些)",
    ),
    ("optimize.header", "参数                   对数损失    RMSE"),
    ("optimize.current_default", "当前(默认值)"),
    ("optimize.current", "当前"),
    ("optimize.fitted", "拟合"),
    ("optimize.fitted_parameters", "拟合参数:{text}"),
    (
        "optimize.stored",
        "已保存拟合参数(`quiz config parameters` 可查看;`quiz config parameters \"\"` 恢复默认值)。",
    ),
    ("optimize.dry_run", "试运行:未保存任何内容。"),
    (
        "optimize.not_better",
        "拟合参数对你的回答的预测并不比当前参数更好:未保存任何内容。",
    ),
    (
        "optimize.bad_current",
        "已保存的参数无法使用({reason});请用 `quiz config parameters` 修正",
    ),
    (
        "settings.expected.exam_date",
        "YYYY-MM-DD 格式的日期(例如 2026-12-20),或 none",
    ),
    // Importing an Anki package (import/apkg.rs, import/package.rs).
    (
        "apkg.own_package.one",
        "{n} 条笔记由 quiz 导出(题库 {decks}):quiz 不读回自己导出的包,因为其中的笔记是生成的题目,而不是题库的知识点;请改为分享题库文件(在导出的地方运行 `quiz export {d} -o {d}.toml`,再运行 `quiz add-deck {d}.toml`)",
    ),
    (
        "apkg.own_package.other",
        "{n} 条笔记由 quiz 导出(题库 {decks}):quiz 不读回自己导出的包,因为其中的笔记是生成的题目,而不是题库的知识点;请改为分享题库文件(在导出的地方运行 `quiz export {d} -o {d}.toml`,再运行 `quiz add-deck {d}.toml`)",
    ),
    ("apkg.own_refused", "{origin}:{what}"),
    ("apkg.own_left_out", "{origin}:{what};这些笔记未导入"),
    (
        "apkg.media_only_left_out.one",
        "{origin}:未导入 {n} 条笔记:有一面只有图片或声音,终端无法显示",
    ),
    (
        "apkg.media_only_left_out.other",
        "{origin}:未导入 {n} 条笔记:有一面只有图片或声音,终端无法显示",
    ),
    (
        "apkg.formatting_dropped.one",
        "{origin}:{n} 条笔记带有格式(粗体、颜色、链接、表格),已保留为纯文本",
    ),
    (
        "apkg.formatting_dropped.other",
        "{origin}:{n} 条笔记带有格式(粗体、颜色、链接、表格),已保留为纯文本",
    ),
    (
        "apkg.nothing_to_import",
        "{origin}:没有可导入的 Basic、Basic-and-reversed 或 Cloze 笔记",
    ),
    (
        "apkg.nothing_to_import_found",
        "{origin}:没有可导入的 Basic、Basic-and-reversed 或 Cloze 笔记(找到的笔记类型:{types})",
    ),
    (
        "apkg.in_note",
        "{origin}:Anki 笔记 {nid}(在 Anki 浏览器中搜索 `nid:{nid}`):{msg}",
    ),
    (
        "apkg.media_files_ignored.one",
        "{origin}:忽略了 {n} 个媒体文件(quiz 题库只含文字)",
    ),
    (
        "apkg.media_files_ignored.other",
        "{origin}:忽略了 {n} 个媒体文件(quiz 题库只含文字)",
    ),
    // Choosing questions for sheets and LMS exports (export/select.rs).
    (
        "select.unknown_fact",
        "--facts:题库 `{deck}` 中没有知识点 `{id}`(见 `quiz questions {deck}`)",
    ),
    (
        "select.not_a_list",
        "--lists:`{id}` 是 `{kind}` 类知识点,不是列表(请用 --facts 指定它)",
    ),
    (
        "select.unknown_list",
        "--lists:题库 `{deck}` 中没有列表 `{id}`",
    ),
    (
        "select.unknown_kind",
        "--kinds:没有题型 `{kind}`(题型有:{all})",
    ),
    (
        "select.unknown_meeting",
        "--meeting:题库 `{deck}` 中没有会议 `{meeting}`(其中的会议:{known})",
    ),
    ("select.empty", "所选范围内没有题库 `{deck}` 的题目"),
    (
        "sheet.bad_points",
        "--points:`{value}` 不是 1 到 1000 之间的整数",
    ),
    ("sheet.bad_kind", "--points:没有题型 `{kind}`"),
    // Sheets and LMS exports (cmd/export.rs).
    (
        "export.seed_only_sheets",
        "--seed 只适用于 --format sheet 或 sheet-html",
    ),
    (
        "export.only_sheets",
        "{flag} 只适用于 --format sheet 或 sheet-html",
    ),
    (
        "export.only_selecting",
        "{flag} 只适用于 --format sheet、sheet-html、moodle 或 gift",
    ),
    (
        "export.points_only",
        "--points 只适用于 --format sheet、sheet-html 或 moodle",
    ),
    (
        "export.versions_need_output",
        "--versions {n} 为每个版本写一个文件:请用 -o FILE 指定文件名(FILE-A…、FILE-B…)",
    ),
    (
        "export.too_many",
        "--count {asked}:所选范围内只有题库 `{deck}` 的 {have} 道题目(最多要 {have} 道,或用 --count all)",
    ),
    (
        "export.key_is_output",
        "--key {path}:答案会覆盖试卷;请另指定一个文件",
    ),
    (
        "export.wrote_sheet_version",
        "{path}:{version} 卷,{n} 道题,共 {points} 分",
    ),
    ("export.wrote_sheet", "{path}:{n} 道题,共 {points} 分"),
    ("export.wrote_key_version", "{path}:{version} 卷答案"),
    ("export.wrote_key", "{path}:答案"),
    ("export.wrote_lms", "{path}:{n} 道题({kinds})"),
    ("export.count_zero", "至少为 1"),
    ("export.count_bad", "`{value}` 不是数字,也不是 `all`"),
    // `quiz stats --html` (stats/html.rs). Column headings are `|`-separated.
    ("stats.html.title", "quiz:学习统计"),
    (
        "stats.html.subtitle",
        "学习日 {today};每个学习日从 {hour}:00 开始。",
    ),
    ("stats.html.recent", "近期学习"),
    (
        "stats.html.period_cols",
        "|回答数|分钟|新知识点|实际保持率(较新)|成熟|全部复习",
    ),
    ("stats.html.answers", "每天的回答数(最近 30 天)"),
    (
        "stats.html.forecast",
        "每天到期的复习(未来 30 天;逾期的算在今天)",
    ),
    ("stats.html.calendar", "学习日历(最近 26 周)"),
    (
        "stats.html.streak",
        "连续学习 {current} 天(最长 {longest} 天;累计学习 {studied} 天)。",
    ),
    ("stats.html.decks", "各题库的知识点"),
    ("stats.html.meetings", "各次会议的知识点"),
    (
        "stats.html.group_cols",
        "|总数|新|学习中|已掌握|已暂停|难点|当前回忆率",
    ),
    ("stats.html.lists", "列表"),
    ("stats.html.hardest", "最难的知识点"),
    ("stats.html.leeches", "难点"),
    ("stats.html.suspended", "已暂停的知识点"),
    (
        "stats.html.fact_cols",
        "知识点|题库|状态|当前回忆率|遗忘次数|到期",
    ),
    ("stats.html.none", "无。"),
    ("stats.html.exam", "考试日期 {date}(还有 {days} 天)"),
    (
        "stats.html.ready",
        "准备情况:按你现在的进度(每天 {pace} 分钟),考试当天回忆率 ≥ {target}% 的知识点占 {pct}%({facts} 个中的 {ready} 个)。",
    ),
    (
        "stats.html.ready_now",
        "如果现在停止学习:准备好的占 {pct}%({facts} 个中的 {ready} 个)。",
    ),
    (
        "stats.html.needed",
        "要在考试当天回忆起其中 {target}%:每天约 {minutes} 分钟(每个回答 {spa} 秒)。",
    ),
    ("stats.html.not_planned", "无法按你的进度推算:考试{why}。"),
    (
        "stats.html.needed_none",
        "要在考试当天回忆起其中 {target}%:每天需要超过 {minutes} 分钟。",
    ),
    // quiz man, config --deck, study --kind.
    ("man.unknown", "没有命令 `{name}`;`quiz man` 列出了所有命令"),
    ("man.written", "已把 {pages} 个手册页写到 {dir}"),
    (
        "config.deck_only_exam_date",
        "--deck 只能与 exam_date 同用:quiz config exam_date DATE --deck ID",
    ),
    (
        "study.bad_kind",
        "--kind `{kind}`:既不是 `recall`,也不是题型(choice、list_recall……)",
    ),
    // The class report (results/report.rs).
    ("report.col.student", "学生"),
    ("report.col.answers", "回答数"),
    ("report.col.accuracy", "正确率"),
    ("report.col.facts_reached", "学到的知识点"),
    ("report.col.at_free_recall", "达到完整回忆"),
    ("report.col.predicted_recall", "预测回忆率"),
    ("report.col.last_active", "最近学习"),
    ("report.col.vs_median", "与中位数之差"),
    ("report.col.behind", "落后"),
    ("report.col.students", "学生数"),
    ("report.col.fact", "知识点"),
    ("report.col.kind", "类型"),
    ("report.col.what", "内容"),
    ("report.col.meeting", "会议"),
    ("report.col.list", "列表"),
    ("report.col.heading", "标题"),
    ("report.col.facts", "知识点数"),
    ("report.col.deck", "题库"),
    ("report.col.source", "出处"),
    ("report.col.version", "版本"),
    ("report.col.question", "题目"),
    ("report.col.prompt", "题干"),
    ("report.col.expected", "标准答案"),
    ("report.col.overruled_answer", "改判的答案"),
    ("report.col.comments", "说明"),
    (
        "report.predicted_note",
        "正确率:答对的回答所占比例(实测);预测回忆率:FSRS 根据学生对该知识点的记忆状态,预测其现在能回忆起来的概率,按学生取平均(是模型推算,不是实测)",
    ),
    ("report.unknown", "未知"),
    (
        "report.behind_note",
        "与中位数之差:该学生的“{measure}”减去全班中位数({median});落后:低于该中位数的四分之三",
    ),
    ("report.title.students", "学生"),
    ("report.title.hardest", "最难的知识点"),
    ("report.title.per_list", "各列表"),
    ("report.title.deck_versions", "题库版本"),
    ("report.title.overrides", "学生改判为正确的答案"),
    ("report.title.flags", "学生标记的题目"),
    ("report.title.per_meeting", "各次会议"),
    ("report.title.per_source", "各出处"),
    ("report.behind", "落后"),
    (
        "report.hardest_note",
        "正确率最低的在前,只计至少有 {min} 个回答的知识点;{predicted}",
    ),
    (
        "report.list_note",
        "达到完整回忆:对该列表的记忆已到达完整回忆阶段(能完整写出)的学生",
    ),
    (
        "report.version_note",
        "版本:所存题库文件 SHA-256 的前 12 位,即 quiz export DECK | sha256sum 显示的值",
    ),
    (
        "report.overrides_note",
        "值得一看:把它们加入题库的可接受答案,或说明为什么不行",
    ),
    (
        "report.flags_note",
        "学生(用 quiz browse)标记为有误的题目,附他们的说明",
    ),
    (
        "report.summary.one",
        "{n} 名学生({names}),{answers} 个回答,正确率 {accuracy};预测回忆率的时间点为 {at}",
    ),
    (
        "report.summary.other",
        "{n} 名学生({names}),{answers} 个回答,正确率 {accuracy};预测回忆率的时间点为 {at}",
    ),
    ("report.text_title", "班级报告:{summary}"),
    ("report.warning", "警告:{warning}"),
    ("report.none", "(无)"),
    ("report.title", "班级报告"),
    ("report.warning_label", "警告:"),
    ("report.student_n", "学生 {n}"),
    (
        "report.same_file",
        "{file} 与 {other} 是同一个文件:只算一次",
    ),
    (
        "report.same_results",
        "{file}({name})与 {other}({other_name})的结果相同:只算一次,记在 {other_name} 名下",
    ),
    (
        "report.earlier_export",
        "{file} 是 {name} 的结果比 {other} 更早的一次导出:只算一次,以 {other} 为准",
    ),
    (
        "report.same_name",
        "{file} 和 {other} 都署名 {name},但回答不同:算作两名学生",
    ),
    (
        "report.several_versions",
        "学生使用了题库 {deck} 的 {known} 个版本:跨版本比较数字时要谨慎(见“{versions}”)",
    ),
    (
        "report.no_versions",
        "{students} 的题库版本未知(由较旧的 quiz 写出的文件)",
    ),
    (
        "report.no_memory",
        "{students} 的预测回忆率、阶段和最近学习时间未知(由较旧的 quiz 写出的文件)",
    ),
    ("report.not_utf8", "{path}:不是结果文件(不是 UTF-8 文本)"),
    (
        "report.not_json",
        "{path}:{line}:{column}:不是 quiz 结果文件:{reason}",
    ),
    (
        "report.wrong_format",
        "{path}:不是 quiz 结果文件(格式为 `{format}`)",
    ),
    (
        "report.too_new",
        "{path}:由较新的 quiz 写出(结果格式 {found},本版本最多读取 {known})",
    ),
    (
        "report.bad_decay",
        "{path}:字段 `fsrs_decay`:{value} 不是遗忘曲线的衰减值",
    ),
    ("report.bad_fact", "{path}:第 {n} 个知识点(`{id}`):{why}"),
    ("report.bad_question", "{path}:第 {n} 道题目(`{id}`):{why}"),
    (
        "report.field.recall",
        "字段 `recall`:{value} 不是 0 到 1 之间的概率",
    ),
    (
        "report.field.last_rating",
        "字段 `last_rating`:{value} 不是 1 到 4 的评分",
    ),
    (
        "report.field.reviews",
        "字段 `reviews`:{value} 超过了任何题目可能的复习次数",
    ),
    (
        "report.field.again",
        "字段 `again`:{value} 超过了该题目的复习次数 {reviews}",
    ),
    (
        "report.field.rung",
        "字段 `rung`:{value} 不是 0 到 2 的阶段",
    ),
    (
        "report.field.stability",
        "字段 `stability`:{value} 不是正的天数",
    ),
    (
        "report.field.difficulty",
        "字段 `difficulty`:{value} 不在 1 到 10 之间",
    ),
    (
        "report.field.last_review",
        "字段 `last_review`:`{value}` 不是 RFC 3339 时间",
    ),
    (
        "report.field.lapses",
        "字段 `lapses`:{value} 超过了该知识点的回答数 {reps}",
    ),
    // Writing -o FILE (outfile.rs).
    (
        "outfile.needs_regular",
        "{path}:不是普通文件;这种格式需要普通文件(分几遍写入)",
    ),
    (
        "outfile.needs_own_file",
        "{path}:这是标准输出的名字;这种格式需要单独的文件(分几遍写入)",
    ),
    ("outfile.refused", "{path}:{what};拒绝替换它"),
    ("outfile.is_folder", "是一个文件夹"),
    ("outfile.not_regular", "不是普通文件(是套接字或块设备)"),
    ("outfile.dangling_link", "是指向不存在文件的符号链接"),
    // A damaged or oversized Anki package (import/package.rs, import/apkg.rs).
    (
        "package.not_zip",
        "{origin}:不是 Anki 包(不是 zip 压缩文件:{reason})",
    ),
    (
        "package.duplicate_entries",
        "{origin}:不是有效的 Anki 包:其中两个条目同名(压缩文件已损坏或被篡改);拒绝猜测用哪一个",
    ),
    (
        "package.no_collection",
        "{origin}:不是 Anki 包(其中没有 collection.anki2、collection.anki21 或 collection.anki21b)",
    ),
    ("package.unreadable", "{origin}:无法读取 {entry}:{reason}"),
    (
        "package.too_big",
        "{origin}:{entry} 解压后超过 {mib} MiB;拒绝读取(quiz 只读取不超过这个大小的 Anki 集合)",
    ),
    (
        "package.not_sqlite",
        "{origin}:{entry} 不是 SQLite 数据库,因而不是 Anki 集合",
    ),
    (
        "package.too_much_work",
        "读取它所需的工作量远超同样大小的集合(包已损坏或带有恶意);已停止",
    ),
    (
        "package.too_much_memory",
        "读取它所需的内存远超同样大小的集合(包已损坏或带有恶意);已停止",
    ),
    ("package.value_too_big", "其中有一个值大于 {mib} MiB"),
    ("package.damaged", "数据库已损坏"),
    (
        "package.not_a_collection",
        "{origin}:{entry} 不是 quiz 能读取的 Anki 集合:{why}",
    ),
    ("package.no_table", "其中没有 `{name}` 表"),
    ("package.not_plain_table", "`{name}` 是 {what},不是普通表"),
    ("package.computed_column", "`{name}` 有计算列 `{column}`"),
    ("package.no_column", "`{name}` 没有 `{column}` 列"),
    (
        "apkg.note_types_unreadable",
        "{origin}:笔记类型无法读取:{reason}",
    ),
    ("apkg.decks_unreadable", "{origin}:牌组无法读取:{reason}"),
    (
        "apkg.too_many_cards",
        "{origin}:卡片超过 {cards} 张;拒绝读取该包(quiz 最多读取 {notes} 条笔记和 {cards} 张卡片)",
    ),
    (
        "apkg.too_many_notes",
        "{origin}:笔记超过 {notes} 条;拒绝读取该包(quiz 最多读取 {notes} 条笔记和 {cards} 张卡片)",
    ),
    (
        "apkg.too_much_text",
        "{origin}:其笔记的文字超过 {mib} MiB;拒绝读取该包",
    ),
    // Reading a file of bounded size (input.rs).
    ("input.folder", "{path}:是一个文件夹,不是{what}"),
    (
        "input.too_large",
        "{path}:大于 {mib} MiB,超出了{what}应有的大小;拒绝读取",
    ),
    ("input.deck_file", "题库文件"),
    ("input.source_text", "原文文件"),
    ("input.result_file", "结果文件"),
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
        "setting.exam_date",
        "你的考试日期,YYYY-MM-DD,或 none:在此之前,到那天有遗忘风险的知识点优先出现(docs/exam.md);`--deck ID` 设置单个题库的考试日期",
    ),
    (
        "setting.ui_language",
        "界面语言:en、zh 或 auto(根据 LC_ALL、LC_MESSAGES 或 LANG)",
    ),
];
