//! Numbers with their measure word, documents with their verb, people with titles, quoted
//! terms.

use super::*;

// ------------------------------------------------------------------ numbers

pub(super) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(逾|近|约|超过|多达|将近)?(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿零]+)(多|余)?(个|项|所|名|家|位|批|成|倍|%|亿|万|人|吨|架|艘|座|条|份|部|套|枚|剂|只)",
    )
});

pub(super) static MISSING_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:近|逾|约|超过)(?:名|个|项|所|家)"));

/// Words after a number that make it a set phrase, not a quantity.
pub(super) const NOT_QUANTITY: &[&str] = &[
    "个别", "项目", "批准", "名义", "家庭", "位置", "部分", "条件", "份额", "成为", "成果", "成员",
    "倍增", "人民", "人类", "条约", "部长", "家乡", "名单",
];

pub(super) fn numbers(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for m in MISSING_NUMBER.find_iter(s) {
            let (a, b) = (m.start(), (m.end() + 12).min(s.len()));
            let b = (b..=s.len())
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(s.len());
            found.remarks.push(format!(
                "line {}: a number seems to be missing in “{}”: nothing drafted from it",
                l.no,
                l.out(a, b)
            ));
        }
        for c in NUMBER.captures_iter(s) {
            let whole = c.get(0).expect("match");
            let num = &c[2];
            let unit = &c[4];
            if s[..whole.start()].ends_with('第') || inside_quotes(s, whole.start()) {
                continue;
            }
            let Some(v) = numeral(num) else { continue };
            let digits = num.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if v <= 1 && !digits {
                continue;
            }
            let rest = &s[whole.end()..];
            if NOT_QUANTITY
                .iter()
                .any(|w| format!("{unit}{rest}").starts_with(w))
            {
                continue;
            }
            // `四个方面`, `三项举措`: the count of a list, drafted with the list.
            if LIST_NOUNS.iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            // A date or a part of a name: 5月, 2025年, 5G.
            if rest.starts_with(['月', '日', 'G']) {
                continue;
            }
            let value: f64 = if digits {
                num.parse().unwrap_or(v as f64)
            } else {
                v as f64
            };
            let (counts_range, review) = if unit == "成" || unit == "%" || unit == "倍" {
                // 复工率已达九成: what is counted stands before the number.
                let (sa, _) = sentence_at(l, whole.start());
                let before = &s[sa..whole.start()];
                let clause_start = before.rfind(CLAUSE_PUNCT).map_or(sa, |i| {
                    sa + i + before[i..].chars().next().map_or(1, char::len_utf8)
                });
                let b = trim_verbs(&s[clause_start..whole.start()]);
                (
                    (clause_start, clause_start + b.len()),
                    "what is counted stands before the number: check the phrase",
                )
            } else {
                let n: usize = rest
                    .char_indices()
                    .take_while(|(i, ch)| {
                        (is_han(*ch) || matches!(ch, '“' | '”'))
                            && !"和的等与及或齐将已在为是有参出到回应均共都也被从向对于并还就"
                                .contains(*ch)
                            && *i < 30
                    })
                    .map(|(_, ch)| ch.len_utf8())
                    .sum();
                ((whole.end(), whole.end() + n), "")
            };
            let counts = l.out(counts_range.0, counts_range.1);
            let counts = counts.trim_matches(|c| c == '“' || c == '”').to_owned();
            if clen(&counts) < 2 {
                continue;
            }
            let (sa, sb) = sentence_at(l, whole.start());
            let clause = clause_around(s, sa, sb, whole.start());
            let mut qualifier = c.get(1).map(|q| q.as_str().to_owned());
            if let Some(x) = c.get(3) {
                qualifier = Some(x.as_str().to_owned());
            }
            if rest.starts_with("左右") {
                qualifier = Some("左右".into());
            }
            let mut rv = Vec::new();
            if !review.is_empty() {
                rv.push(review.to_owned());
            }
            found.facts.push(Drafted {
                fact: Fact::Number(Number {
                    value,
                    unit: l.out(
                        c.get(4).expect("group").start(),
                        c.get(4).expect("group").end(),
                    ),
                    counts,
                    qualifier,
                    text: l.out(clause.0, clause.1),
                }),
                lines: (l.no, l.no),
                review: rv,
            });
        }
    }
}

/// Nouns that follow the count of a list rather than a quantity.
pub(super) const LIST_NOUNS: &[&str] = &[
    "方面", "举措", "措施", "成果", "共识", "领域", "主张", "建议", "原则", "任务", "重点", "意见",
];

pub(super) fn trim_verbs(s: &str) -> &str {
    let mut t = s;
    for w in [
        "已达", "达到", "已经", "约为", "约", "为", "达", "超过", "近", "逾",
    ] {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    t
}

pub(super) fn clause_around(s: &str, sa: usize, sb: usize, pos: usize) -> (usize, usize) {
    let a = s[sa..pos]
        .rfind([',', '，', ';', '；', ':', '：'])
        .map_or(sa, |i| sa + i + 1);
    let b = s[pos..sb]
        .find([',', '，', ';', '；'])
        .map_or(sb, |i| pos + i);
    (a, b)
}

pub(super) fn inside_quotes(s: &str, pos: usize) -> bool {
    let before = &s[..pos];
    before.matches('“').count() > before.matches('”').count()
        || before.matches('《').count() > before.matches('》').count()
}

// ------------------------------------------------------------------ documents

pub(super) const GENRES: &[&str] = &[
    "谅解备忘录",
    "联合声明",
    "联合公报",
    "新闻公报",
    "行动计划",
    "合作规划",
    "白皮书",
    "议定书",
    "备忘录",
    "文件草案",
    "路线图",
    "声明",
    "公报",
    "宣言",
    "协定",
    "协议",
    "条约",
    "规划",
    "纲要",
    "计划",
    "倡议",
    "报告",
    "宪章",
    "决议",
    "纪要",
    "方案",
    "文件",
];

pub(super) const MEDIA: &[&str] = &[
    "日报",
    "时报",
    "晚报",
    "报",
    "周刊",
    "杂志",
    "通讯社",
    "电视台",
    "电台",
    "网",
];

pub(super) static DOC_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"审议通过|共同发表|发表|通过|批准|签署|签订|发布|启动|提出|商签|制定|宣布|达成")
});
pub(super) static RECOMMEND: LazyLock<Regex> =
    LazyLock::new(|| re(r"确定请|提请|建议|倡议|推荐|请求|呼吁|拟"));

pub(super) static UNBRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(发表|通过|批准|签署|签订|发布|商签)了?(一份|一项|\d+多?项|[二两三四五六七八九十]+项)?([^,，。、;；《》“”]{0,30}?(?:联合声明|联合公报|新闻公报|声明|公报|宣言|备忘录|协定|协议|条约|文件草案))",
    )
});

pub(super) fn genre_of(title: &str) -> Option<&'static str> {
    GENRES.iter().copied().find(|g| title.ends_with(g))
}

/// The verb before `pos` in its sentence, and whether the meeting only recommended it.
pub(super) fn verb_before(s: &str, sa: usize, pos: usize) -> Option<(usize, usize, bool)> {
    // Titles already passed (`《A》、《B》`) hold no verbs for the later ones.
    let window = &s[sa..pos];
    let masked = mask_titles(window);
    let m = DOC_VERB.find_iter(&masked).last()?;
    let recommended = RECOMMEND
        .find_iter(&masked[..m.start()])
        .last()
        .is_some_and(|r| clen(&masked[r.end()..m.start()]) <= 8);
    Some((sa + m.start(), sa + m.end(), recommended))
}

/// The text with the insides of 《》 and “” replaced by spaces of the same byte length.
pub(super) fn mask_titles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '《' | '“' => {
                depth += 1;
                out.push(c);
            }
            '》' | '”' => {
                depth -= 1;
                out.push(c);
            }
            _ if depth > 0 => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn documents(doc: &Doc, found: &mut Found) {
    let mut titles: Vec<String> = Vec::new();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        // Titles per sentence, for the list of a meeting's documents.
        let mut per_sentence: HashMap<usize, Vec<(String, String)>> = HashMap::new();
        let mut i = 0;
        while let Some(p) = s[i..].find('《') {
            let a = i + p;
            let Some(q) = s[a..].find('》') else { break };
            let b = a + q + '》'.len_utf8();
            i = b;
            let inner_a = a + '《'.len_utf8();
            let inner_b = a + q;
            let inner = &s[inner_a..inner_b];
            if MEDIA.iter().any(|m| inner.ends_with(m)) || clen(inner) < 2 {
                continue;
            }
            let (sa, _) = sentence_at(l, a);
            let title = l.out(inner_a, inner_b);
            let mut review = Vec::new();
            let genre = match genre_of(inner) {
                Some(g) => g.to_owned(),
                None => {
                    review.push("no genre word (声明, 备忘录…) at the end of the title: check it is a document".into());
                    "文件".to_owned()
                }
            };
            let verb = match verb_before(s, sa, a) {
                Some((_, _, true)) => {
                    found.remarks.push(format!(
                        "line {}: 《{title}》 was only recommended or requested, not adopted: not drafted as a document",
                        l.no
                    ));
                    continue;
                }
                Some((va, vb, false)) => l.out(va, vb),
                None => {
                    review.push("no verb (发表, 通过, 签署…) links it to the meeting".into());
                    "提及".to_owned()
                }
            };
            titles.push(inner.to_owned());
            per_sentence
                .entry(sa)
                .or_default()
                .push((title.clone(), verb.clone()));
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title,
                    genre: if inner.ends_with(genre.as_str()) {
                        l.out(inner_b - genre.len(), inner_b)
                    } else {
                        genre
                    },
                    verb,
                    by: None,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        for (sa, docs) in per_sentence {
            if docs.len() < 2 {
                continue;
            }
            let mut verbs: Vec<String> = Vec::new();
            for (_, v) in &docs {
                if !verbs.contains(v) {
                    verbs.push(v.clone());
                }
            }
            let subject_end = DOC_VERB.find(&s[sa..]).map_or(sa, |m| sa + m.start());
            let subject = trim_punct(&l.out(sa, subject_end)).to_owned();
            let subject = tail(&subject, 6).to_owned();
            let heading = format!("{subject}{}的文件", verbs.join("和"));
            let n = docs.len() as u32;
            found.facts.push(Drafted {
                fact: Fact::List(List {
                    heading,
                    noun: Some("文件".into()),
                    count: Some(n),
                    ordered: false,
                    closed: true,
                    items: docs
                        .into_iter()
                        .map(|(t, _)| Item {
                            text: format!("《{t}》"),
                            key: Some(t),
                        })
                        .collect(),
                }),
                lines: (l.no, l.no),
                review: vec![
                    "list made from the documents named in one sentence: check none is missing"
                        .into(),
                ],
            });
        }
        for c in UNBRACKETED.captures_iter(s) {
            let whole = c.get(0).expect("match");
            if inside_quotes(s, whole.start()) {
                continue;
            }
            let t = c.get(3).expect("group");
            let mut ta = t.start();
            let raw = t.as_str();
            // `内容广泛的两国外长联合声明` → `两国外长联合声明`; keep `…疫情的联合声明` whole.
            if let Some(p) = raw.rfind('的') {
                let before = &raw[..p];
                if ["一份", "一项", "内容", "重要", "广泛", "系列"]
                    .iter()
                    .any(|w| before.contains(w))
                {
                    ta += p + '的'.len_utf8();
                }
            }
            let inner = &s[ta..t.end()];
            if clen(inner) < 2
                || titles
                    .iter()
                    .any(|x| x.contains(inner) || inner.contains(x.as_str()))
            {
                continue;
            }
            let (sa, _) = sentence_at(l, whole.start());
            let v = c.get(1).expect("group");
            let recommended = RECOMMEND
                .find_iter(&s[sa..v.start()])
                .last()
                .is_some_and(|r| clen(&s[sa + r.end()..v.start()]) <= 8);
            let title = l.out(ta, t.end());
            if recommended {
                found.remarks.push(format!(
                    "line {}: “{title}” was only recommended or requested, not adopted: not drafted as a document",
                    l.no
                ));
                continue;
            }
            titles.push(inner.to_owned());
            let genre = genre_of(inner).unwrap_or("文件");
            let mut review = Vec::new();
            if let Some(q) = c.get(2) {
                review.push(format!(
                    "a quantity (“{}”) stands before the title",
                    l.out(q.start(), q.end())
                ));
            }
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title,
                    genre: l.out(t.end() - genre.len(), t.end()),
                    verb: l.out(v.start(), v.end()),
                    by: None,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        // Quoted names of initiatives and programmes: 中方提出的“全球数据安全倡议”.
        for (a, b) in quoted(s) {
            let inner = &s[a..b];
            let Some(g) = ["倡议", "计划", "规划", "战略", "宣言"]
                .iter()
                .find(|g| inner.ends_with(*g))
            else {
                continue;
            };
            if titles.iter().any(|x| x == inner) || clen(inner) < 4 {
                continue;
            }
            let (sa, _) = sentence_at(l, a);
            let Some((va, vb, rec)) = verb_before(s, sa, a) else {
                continue;
            };
            if rec {
                continue;
            }
            titles.push(inner.to_owned());
            let by = trim_punct(&s[sa..va]);
            let by = (clen(by) <= 4 && clen(by) >= 2).then(|| l.out(va - by.len(), va));
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title: l.out(a, b),
                    genre: l.out(b - g.len(), b),
                    verb: l.out(va, vb),
                    by,
                }),
                lines: (l.no, l.no),
                review: vec!["a quoted name: check it is a document of this meeting".into()],
            });
        }
    }
}

/// Byte ranges of the insides of “…” quotes.
pub(super) fn quoted(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = s[i..].find('“') {
        let a = i + p + '“'.len_utf8();
        let Some(q) = s[a..].find('”') else { break };
        let b = a + q;
        if !s[a..b].contains('“') && b > a {
            out.push((a, b));
        }
        i = b + '”'.len_utf8();
    }
    out
}

// ------------------------------------------------------------------ people

pub(super) const TITLES: &str = "国务委员兼外交部长|国务委员兼外长|副总理兼外交部长|副总理兼外长|外交部长|外交部发言人|发言人|国务卿|秘书长|副总统|总统|副主席|国家主席|主席|副总理|总理|首相|外长|大使|总书记|部长|特使|国王|议长";

pub(super) static NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[,，。、:：;；\s]|同|与|和|由|向|对|会见|会晤)(\p{{Han}}{{2,5}}?)({TITLES})(?:们)?(?:[,，、。;；进结同在就和与表示指出说会主出接访率等]|$)"
    ))
});

pub(super) static TITLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"((?:驻\p{{Han}}{{2,8}}?)?\p{{Han}}{{0,8}}?)({TITLES})(\p{{Han}}{{2,6}}?)(?:以及|主持|出席|就|在|同|和|与|等|表示|指出|说|强调|会见|会谈|[,，、。:：;；(（\s]|$)"
    ))
});

/// Characters that never stand in a person's name here (they are words of the sentence).
pub(super) const NOT_NAME_CHARS: &[char] = &[
    '们', '的', '了', '和', '与', '同', '在', '就', '将', '已', '由', '为', '是', '也', '都', '对',
    '国', '会', '方', '员', '次', '各', '这', '那', '本', '该', '此', '其', '两', '双', '中', '外',
    '我', '他', '您', '新', '前', '现', '副', '长', '兼',
];

pub(super) const NOT_NAME_WORDS: &[&str] = &[
    "结束", "出席", "访问", "会见", "会谈", "进行", "表示", "指出", "强调", "认为", "主持", "接受",
    "率团", "举行", "通过", "发表", "签署", "一行", "期间", "联合", "商定", "第一", "理事", "领导",
];

pub(super) fn is_name(n: &str) -> bool {
    (2..=6).contains(&clen(n))
        && n.chars().all(is_han)
        && !n.chars().any(|c| NOT_NAME_CHARS.contains(&c))
        && !NOT_NAME_WORDS.iter().any(|w| n.contains(w))
}

pub(super) fn people(doc: &Doc, found: &mut Found) {
    let mut seen: Vec<String> = Vec::new();
    for l in &doc.lines {
        let s = &l.shadow;
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for c in NAME_FIRST.captures_iter(s) {
            let n = c.get(1).expect("group");
            let t = c.get(2).expect("group");
            if !is_name(n.as_str()) {
                continue;
            }
            taken.push((n.start(), t.end()));
            push_person(
                l,
                found,
                &mut seen,
                (n.start(), n.end()),
                (t.start(), t.end()),
                None,
            );
        }
        for c in TITLE_FIRST.captures_iter(s) {
            let p = c.get(1).expect("group");
            let t = c.get(2).expect("group");
            let n = c.get(3).expect("group");
            if !is_name(n.as_str()) || taken.iter().any(|&(a, b)| n.start() < b && a < n.end()) {
                continue;
            }
            // The words before the title that belong to it (国家 or office), cut at the
            // sentence's own words (会晤由…, …主席同…).
            let pre = &s[p.start()..p.end()];
            let cut = [
                "由", "同", "和", "与", "向", "对", "在", "的", "是", "了", "及", ",", "，", "、",
                "。",
            ]
            .iter()
            .filter_map(|w| pre.rfind(w).map(|i| i + w.len()))
            .max()
            .unwrap_or(0);
            let role = ["主持", "出席"]
                .iter()
                .find(|w| s[n.end()..].starts_with(*w))
                .map(|w| (*w).to_owned());
            push_person(
                l,
                found,
                &mut seen,
                (n.start(), n.end()),
                (p.start() + cut, t.end()),
                role,
            );
        }
    }
}

pub(super) fn push_person(
    l: &Line,
    found: &mut Found,
    seen: &mut Vec<String>,
    name: (usize, usize),
    title: (usize, usize),
    role: Option<String>,
) {
    let name_s = l.shadow[name.0..name.1].to_owned();
    if seen.contains(&name_s) {
        return;
    }
    seen.push(name_s);
    found.facts.push(Drafted {
        fact: Fact::Person(Person {
            name: l.out(name.0, name.1),
            title: l.out(title.0, title.1),
            role,
        }),
        lines: (l.no, l.no),
        review: Vec::new(),
    });
}

// ------------------------------------------------------------------ quoted terms

pub(super) static DENOTES_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(\p{Han}{2,8}?)(?:古称|旧称|又称|简称|别称|俗称|被称为|被誉为|称为|誉为|号称)$")
});
pub(super) static DENOTES_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:即|是指|指的是|意为)([^,，。;；]{2,20})"));

pub(super) fn quotes(doc: &Doc, found: &mut Found) {
    let mut seen = found.document_titles();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for (a, b) in quoted(s) {
            let inner = &s[a..b];
            let term = l.out(a, b);
            if seen.contains(&term) || inner.contains('*') || clen(inner) > 20 || clen(inner) < 2 {
                continue;
            }
            if inside_quotes(s, a - '“'.len_utf8()) {
                continue;
            }
            let after = &s[b + '”'.len_utf8()..];
            if MEDIA.iter().any(|m| after.starts_with(m)) {
                continue;
            }
            seen.push(term.clone());
            let before = &s[..a - '“'.len_utf8()];
            if let Some(c) = DENOTES_BEFORE.captures(before) {
                let g = c.get(1).expect("group");
                found.facts.push(Drafted {
                    fact: Fact::Term(Term {
                        term,
                        denotes: l.out(g.start(), g.end()),
                    }),
                    lines: (l.no, l.no),
                    review: vec!["what it denotes is the words before 古称/又称…: check".into()],
                });
                continue;
            }
            if let Some(c) = DENOTES_AFTER.captures(after) {
                let g = c.get(1).expect("group");
                let off = b + '”'.len_utf8();
                found.facts.push(Drafted {
                    fact: Fact::Term(Term {
                        term,
                        denotes: l.out(off + g.start(), off + g.end()),
                    }),
                    lines: (l.no, l.no),
                    review: Vec::new(),
                });
                continue;
            }
            // Otherwise a cloze: the clause with the term as the gap.
            let (sa, sb) = sentence_at(l, a);
            let (mut ca, mut cb) = clause_around(s, sa, sb, a);
            if cb < b {
                cb = sb;
            }
            if clen(&s[ca..cb]) < clen(inner) + 6 {
                ca = sa;
                cb = sb;
            }
            let clause = &s[ca..cb];
            if clen(clause) > 70 || clause.contains(['{', '}', '|']) {
                continue;
            }
            let text = format!(
                "{}{{{{{}}}}}{}",
                trim_punct_start(&l.out(ca, a)),
                term,
                l.out(b, cb)
            );
            found.facts.push(Drafted {
                fact: Fact::Cloze(Cloze { text }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}

pub(super) fn trim_punct_start(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || CLAUSE_PUNCT.contains(&c))
}
