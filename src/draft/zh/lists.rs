//! Enumerations: ordinal markers (一是, 第一, 首先, (一), 1.), paragraphs that open alike,
//! series joined by 、, quoted pairs.

use super::*;

// ------------------------------------------------------------------ enumerations

/// One list marker: `一是`, `第二,`, `其次,`, `(三)`, `4.`.
#[derive(Debug, Clone)]
pub(super) struct Marker {
    li: usize,
    /// Byte range of the marker in the line's shadow; the item starts at `end`.
    start: usize,
    end: usize,
    n: u32,
    form: u8,
    last: bool,
}

pub(super) static MARK_SHI: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[。;；:：!?！？,，])\s*([一二三四五六七八九十]{1,3})(?:是|要|方面)")
});
pub(super) static MARK_DI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[。;；:：!?！？,，])\s*(?:第([一二三四五六七八九十]{1,3})|其([一二三四五六七八九十]))[,，、:：]",
    )
});
pub(super) static MARK_SEQ: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[。;；:：!?！？])\s*(首先|其次|再次|然后|最后)[,，、:：]"));
pub(super) static MARK_PAREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[(（]([一二三四五六七八九十]{1,3})[)）]\s*"));
pub(super) static MARK_NUM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(\d{1,2})\s*[.、．]\s*(?:\p{Han}|“)"));
pub(super) static MARK_SECTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([一二三四五六七八九十]{1,3})、\s*"));

pub(super) const FORM_SHI: u8 = 0;
pub(super) const FORM_SEQ: u8 = 2;

pub(super) fn markers(doc: &Doc) -> Vec<Marker> {
    let mut out = Vec::new();
    for (li, l) in doc.lines.iter().enumerate() {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        let mut push = |start: usize, end: usize, n: Option<u64>, form: u8, last: bool| {
            if let Some(n) = n.filter(|&n| (1..=30).contains(&n) || last) {
                out.push(Marker {
                    li,
                    start,
                    end,
                    n: n as u32,
                    form,
                    last,
                });
            }
        };
        for c in MARK_SHI.captures_iter(s) {
            let g = c.get(1).expect("group");
            let whole = c.get(0).expect("match");
            push(g.start(), whole.end(), numeral(g.as_str()), FORM_SHI, false);
        }
        for c in MARK_DI.captures_iter(s) {
            let g = c.get(1).or(c.get(2)).expect("group");
            let whole = c.get(0).expect("match");
            let start = whole.start() + s[whole.start()..].find(['第', '其']).unwrap_or(0);
            push(start, whole.end(), numeral(g.as_str()), 1, false);
        }
        for c in MARK_SEQ.captures_iter(s) {
            let g = c.get(1).expect("group");
            let whole = c.get(0).expect("match");
            let n = match g.as_str() {
                "首先" => 1,
                "其次" | "然后" => 2,
                "再次" => 3,
                _ => 0,
            };
            push(
                g.start(),
                whole.end(),
                Some(n),
                FORM_SEQ,
                g.as_str() == "最后",
            );
        }
        if let Some(c) = MARK_PAREN.captures(s) {
            let whole = c.get(0).expect("match");
            push(whole.start(), whole.end(), numeral(&c[1]), 3, false);
        }
        if let Some(c) = MARK_NUM.captures(s) {
            let whole = c.get(0).expect("match");
            let g = c.get(1).expect("group");
            let end = s[g.end()..]
                .char_indices()
                .find(|(_, ch)| !matches!(ch, '.' | '、' | '．' | ' '))
                .map_or(s.len(), |(i, _)| g.end() + i);
            let _ = whole;
            push(g.start(), end, numeral(&c[1]), 4, false);
        }
        if let Some(c) = MARK_SECTION.captures(s) {
            let whole = c.get(0).expect("match");
            push(whole.start(), whole.end(), numeral(&c[1]), 5, false);
        }
    }
    out.sort_by_key(|m| (m.li, m.start));
    out
}

pub(super) static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"([二两三四五六七八九十]{1,3}|\d{1,2})(个方面|方面|大方面|项举措|项措施|项成果|项共识|点共识|点建议|点主张|点意见|个领域|大领域|项任务|项原则|条原则|个国家|点|条|项|大|种|个|件)",
    )
});

/// A count word in a heading: `四方面` → (4, 方面).
pub(super) fn count_word(s: &str) -> Option<(u32, String)> {
    let mut best = None;
    for c in COUNT.captures_iter(s) {
        let g = c.get(0).expect("match");
        if s[..g.start()].ends_with('第') {
            continue;
        }
        let Some(n) = numeral(&c[1]) else { continue };
        let unit = &c[2];
        // `两国`, `三股势力`: the word after a bare 个/大/种 must not be a country or a set phrase.
        let after = &s[g.end()..];
        if matches!(unit, "个" | "大" | "种" | "条" | "件")
            && (after.starts_with('国') || after.is_empty())
        {
            continue;
        }
        let noun = unit
            .trim_start_matches(['个', '项', '点', '大', '条'])
            .to_owned();
        let noun = if noun.is_empty() {
            let n: String = after.chars().take_while(|c| is_han(*c)).take(2).collect();
            if n.is_empty() { unit.to_owned() } else { n }
        } else {
            noun
        };
        best = Some((n as u32, noun));
    }
    best
}

/// Cuts an item to what a student could be asked: the sentence if short, else its first
/// clauses.
pub(super) fn item_extent(content: &str) -> (String, Option<String>) {
    let content = trim_punct(content);
    let clauses: Vec<&str> = split_top(content, &[',', '，', ';', '；'])
        .into_iter()
        .map(trim_punct)
        .filter(|c| !c.is_empty())
        .collect();
    let first = clauses.first().copied().unwrap_or(content);
    let text = if clen(content) <= 30 || clauses.len() <= 1 {
        content.to_owned()
    } else if clauses.len() >= 2 && clen(clauses[0]) + clen(clauses[1]) < 40 {
        let end = content
            .find(clauses[1])
            .map_or(content.len(), |i| i + clauses[1].len());
        content[..end].to_owned()
    } else {
        first.to_owned()
    };
    let key = (first != text).then(|| first.to_owned());
    (text, key)
}

/// Splits at the given characters when outside quotes and book-title marks.
pub(super) fn split_top<'a>(s: &'a str, at: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '《' | '「' | '(' | '（' => depth += 1,
            '”' | '》' | '」' | ')' | '）' => depth = (depth - 1).max(0),
            _ if depth == 0 && at.contains(&c) => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// The sentence (byte range of the shadow) that contains `pos`.
pub(super) fn sentence_at(l: &Line, pos: usize) -> (usize, usize) {
    let s = l.sentences();
    // Sentences are in order: the first that ends at or after `pos` (binary search, so a
    // line of thousands of matches stays linear).
    let i = s.partition_point(|&(_, b)| b < pos);
    s.get(i)
        .copied()
        .filter(|&(a, _)| pos >= a)
        .unwrap_or((0, l.shadow.len()))
}

/// The heading of a list whose first marker is `m`: the words before it in its sentence, or
/// the sentence before, or the last sentence of the previous paragraph.
pub(super) fn heading_before(doc: &Doc, m: &Marker) -> Option<(String, usize, Vec<String>)> {
    let l = &doc.lines[m.li];
    let (sa, _) = sentence_at(l, m.start);
    let before = trim_punct(&l.shadow[sa..m.start]);
    let mut review = Vec::new();
    let (line, a, b) = if clen(before) >= 4 {
        (
            l,
            sa,
            sa + l.shadow[sa..m.start].trim_end_matches(CLAUSE_PUNCT).len(),
        )
    } else if let Some(&(a, b)) = l.sentences().iter().rev().find(|&&(_, b)| b <= sa) {
        (l, a, b)
    } else {
        let prev = doc.lines[..m.li]
            .iter()
            .rev()
            .find(|p| !p.shadow.trim().is_empty())?;
        if prev.question {
            review.push("heading taken from the interviewer's question".into());
        }
        let (a, b) = *prev.sentences().last()?;
        (prev, a, b)
    };
    let full = &line.shadow[a..b];
    let (h, shortened) = shorten_heading(full);
    if shortened {
        review.push(format!(
            "heading shortened from a {}-character sentence",
            clen(full)
        ));
    }
    let off = a + full.find(h.as_str()).unwrap_or(0);
    let text = trim_punct(&line.out(off, off + h.len())).to_owned();
    Some((text, line.no, review))
}

pub(super) static HEADING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"商定|达成|采取|提出|确定|包括|宣布|决定|同意|强调|主张|一致认为|就此|重点|主要|如下")
});

pub(super) fn shorten_heading(full: &str) -> (String, bool) {
    let full = trim_punct(full);
    if clen(full) <= 40 {
        return (full.to_owned(), false);
    }
    // The clause with a count word, else from the last heading verb: up to two clauses.
    let clauses: Vec<&str> = split_top(full, &[',', '，', ';', '；'])
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect();
    if let Some(c) = clauses.iter().rev().find(|c| count_word(c).is_some()) {
        return (trim_punct(c).to_owned(), true);
    }
    if let Some(m) = HEADING_VERB.find_iter(full).last() {
        let rest = &full[m.start()..];
        let parts = split_top(rest, &[',', '，', ';', '；']);
        let two = if parts.len() >= 2 && clen(parts[0]) + clen(parts[1]) < 50 {
            &rest[..parts[0].len() + 1 + parts[1].len()]
        } else {
            parts[0]
        };
        return (trim_punct(two).to_owned(), true);
    }
    (
        trim_punct(clauses.last().copied().unwrap_or(full)).to_owned(),
        true,
    )
}

pub(super) fn ordinal_lists(doc: &Doc, found: &mut Found, used: &mut Vec<usize>) {
    let ms = markers(doc);
    // Runs per form: 1, 2, 3… in document order, at most three paragraphs apart.
    let mut runs: Vec<Vec<Marker>> = Vec::new();
    for form in 0..6u8 {
        let mut cur: Vec<Marker> = Vec::new();
        for m in ms.iter().filter(|m| m.form == form) {
            let next = cur.last().map(|p| p.n + 1);
            let close = cur.last().is_none_or(|p| m.li <= p.li + 3);
            let fits = match (form, next) {
                (FORM_SEQ, Some(n)) => (m.last || m.n == n) && close,
                (_, Some(n)) => m.n == n && close,
                _ => false,
            };
            let after_last = cur.last().is_some_and(|p| p.last);
            if fits && !after_last {
                let mut m = m.clone();
                if m.last {
                    m.n = next.unwrap_or(1);
                }
                cur.push(m);
            } else {
                if cur.len() >= 2 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
                if m.n == 1 {
                    cur.push(m.clone());
                }
            }
        }
        if cur.len() >= 2 {
            runs.push(cur);
        }
    }
    runs.sort_by_key(|r| (r[0].li, r[0].start));
    for run in runs {
        let mut items = Vec::new();
        let mut review = Vec::new();
        for (k, m) in run.iter().enumerate() {
            let l = &doc.lines[m.li];
            let (_, send) = sentence_at(l, m.end);
            let mut end = send.max(m.end);
            if let Some(nx) = run.get(k + 1).filter(|nx| nx.li == m.li && nx.start < end) {
                end = nx.start;
            }
            let (text, key) = item_extent(&l.shadow[m.end..end]);
            if text.is_empty() {
                continue;
            }
            let off = m.end + l.shadow[m.end..].find(text.as_str()).unwrap_or(0);
            let body_text = l.out(off, off + text.len());
            let key = key.map(|k| l.out(off, off + k.len()));
            let text = if m.form == FORM_SHI {
                format!(
                    "{}{}",
                    l.out(m.start, m.end)
                        .trim_start_matches(CLAUSE_PUNCT)
                        .trim(),
                    body_text
                )
            } else {
                body_text.clone()
            };
            let key = match (m.form, key) {
                (FORM_SHI, None) => Some(body_text.clone()),
                (_, k) => k,
            };
            items.push(Item { text, key });
            if clen(&l.shadow[m.end..end]) > 60 {
                review.push(format!("item {} cut to its first clauses", k + 1));
            }
        }
        if items.len() < 2 {
            continue;
        }
        let first = &run[0];
        let last = &run[run.len() - 1];
        let (heading, hline, mut hreview) = heading_before(doc, first).unwrap_or_else(|| {
            (
                "(标题)".into(),
                doc.lines[first.li].no,
                vec!["no heading found: write one".into()],
            )
        });
        review.append(&mut hreview);
        let declared = count_word(&to_shadow(doc, &heading));
        let found_n = items.len() as u32;
        let (count, closed) = match &declared {
            Some((n, _)) if *n == found_n => (Some(found_n), true),
            Some((n, _)) if *n > found_n => {
                review.push(format!(
                    "the heading says {n} but {found_n} items were found: the list is drafted as open"
                ));
                (Some(*n), false)
            }
            Some((n, _)) => {
                review.push(format!(
                    "the heading says {n} but {found_n} items were found"
                ));
                (Some(found_n), true)
            }
            None => (Some(found_n), true),
        };
        if first.form == FORM_SEQ && !last.last {
            review.push("no 最后 closes the series: the list may continue".into());
        }
        if doc.truncated && last.li + 1 == doc.lines.len() {
            review.push("the article stops after this list: it may continue".into());
        }
        if first.form == 5 {
            review.push(
                "numbered 一、二、 sections: check this is a list, not the article's outline"
                    .into(),
            );
        }
        let lines = (hline.min(doc.lines[first.li].no), doc.lines[last.li].no);
        for li in first.li..=last.li {
            used.push(li);
        }
        found.facts.push(Drafted {
            fact: Fact::List(List {
                heading,
                noun: declared.map(|(_, n)| n),
                count,
                ordered: true,
                closed,
                items,
            }),
            lines,
            review,
        });
    }
}

pub(super) fn to_shadow(_doc: &Doc, s: &str) -> String {
    crate::draft::text::to_simplified(s)
}

/// Paragraphs that open with the same words (`这是一次致力于…`, `两国应…`), three or more in
/// a row: a list without numbers.
pub(super) fn parallel_lists(doc: &Doc, found: &mut Found, used: &[usize]) {
    let n = doc.lines.len();
    let first_clause = |l: &Line| -> String {
        let s = &l.shadow;
        let end = s.find(CLAUSE_PUNCT).unwrap_or(s.len());
        s[..end].to_owned()
    };
    let eligible = |i: usize| -> bool {
        let l = &doc.lines[i];
        !l.question && !used.contains(&i) && clen(&l.shadow) >= 15
    };
    let mut i = 0;
    while i < n {
        if !eligible(i) {
            i += 1;
            continue;
        }
        let mut prefix: Vec<char> = first_clause(&doc.lines[i]).chars().collect();
        let mut j = i + 1;
        while j < n && eligible(j) {
            let c: Vec<char> = first_clause(&doc.lines[j]).chars().collect();
            let k = prefix.iter().zip(&c).take_while(|(a, b)| a == b).count();
            if k < 3 {
                break;
            }
            prefix.truncate(k);
            j += 1;
        }
        if j - i >= 3 && !prefix.iter().all(|c| !is_han(*c)) {
            parallel_list(doc, found, i, j, &prefix.iter().collect::<String>());
            i = j;
        } else {
            i += 1;
        }
    }
}

pub(super) fn parallel_list(doc: &Doc, found: &mut Found, i: usize, j: usize, prefix: &str) {
    let mut raw = Vec::new();
    for l in &doc.lines[i..j] {
        let (a, b) = l
            .sentences()
            .first()
            .copied()
            .unwrap_or((0, l.shadow.len()));
        let s = &l.shadow[a..b];
        let (text, _) = if clen(s) <= 40 {
            (s.to_owned(), None)
        } else {
            let end = s.find(CLAUSE_PUNCT).unwrap_or(s.len());
            (s[..end].to_owned(), None::<String>)
        };
        raw.push((l, a, text));
    }
    // A shared ending (`…的会晤`) is part of the frame, not of the key.
    let rev: Vec<Vec<char>> = raw
        .iter()
        .map(|(_, _, t)| t.chars().rev().collect())
        .collect();
    let mut suffix = rev[0].len();
    for r in &rev[1..] {
        suffix = suffix.min(rev[0].iter().zip(r).take_while(|(a, b)| a == b).count());
    }
    let plen = clen(prefix);
    let mut items = Vec::new();
    for (l, a, t) in &raw {
        let tl = clen(t);
        let text = l.out(*a, *a + t.len());
        let sfx = if suffix >= 2 && tl > plen + suffix {
            suffix
        } else {
            0
        };
        let key_start = a + head(t, plen).len();
        let key_end = a + head(t, tl - sfx).len();
        let key = trim_punct(&l.out(key_start, key_end)).to_owned();
        let key = (!key.is_empty() && key != text).then_some(key);
        items.push(Item { text, key });
    }
    let mut review = vec![
        "paragraphs that open alike, with no number or count: check the list is complete"
            .to_owned(),
    ];
    let pl = &doc.lines[i];
    let prefix_out = pl.out(0, head(&pl.shadow, plen).len());
    let frame = if suffix >= 2 {
        let t = &raw[0].2;
        format!(
            "{prefix_out}……{}",
            tail(&raw[0].0.out(raw[0].1, raw[0].1 + t.len()), suffix)
        )
    } else {
        format!("{prefix_out}……")
    };
    let question = doc.lines[..i]
        .iter()
        .rev()
        .take(3)
        .find(|l| l.question)
        .map(|l| trim_punct(&l.out_all()).to_owned());
    let heading = match question {
        Some(q) => {
            review.push("heading made from the interviewer's question".into());
            format!("{q}:{frame}")
        }
        None => {
            review.push("no heading in the text: name the list".into());
            frame
        }
    };
    let n = items.len() as u32;
    found.facts.push(Drafted {
        fact: Fact::List(List {
            heading,
            noun: None,
            count: Some(n),
            ordered: false,
            closed: true,
            items,
        }),
        lines: (doc.lines[i].no, doc.lines[j - 1].no),
        review,
    });
}

/// Words after which a series' first item starts (`访问`俄罗斯、…, `包括`物资采购、…).
pub(super) const LEFT_CUTS: &[&str] = &[
    "推动建设",
    "有效地",
    "积极地",
    "不断地",
    "切实地",
    "更好地",
    "访问",
    "包括",
    "深化",
    "拓展",
    "加强",
    "开展",
    "建设",
    "推动",
    "打造",
    "派出",
    "接受",
    "依托",
    "发表",
    "以及",
    "涉及",
    "覆盖",
    "鼓励",
    "如何在",
    "形势下",
    "认为应",
    "同",
    "与",
    "在",
    "向",
    "和",
    "应",
    "愿",
    "将",
    "要",
    "于",
    "对",
    "从",
    "即",
    "如",
    "由",
    "及",
];

/// Words where a series' last item ends.
pub(super) const RIGHT_STOPS: &[&str] = &["等", "的", "是", "之际", "出席", "保持", "进行"];

/// Generic words a series' last item carries on into (`信息技术领域合作`).
pub(super) const RIGHT_SUFFIXES: &[&str] = &[
    "领域合作",
    "方面合作",
    "发展迈进",
    "领域",
    "方面",
    "合作",
    "交往",
    "对接",
    "迈进",
    "外长",
    "关系",
    "国家",
    "建设",
    "工作",
    "问题",
];

/// Series joined by `、` inside one clause: `俄罗斯、哈萨克斯坦、吉尔吉斯斯坦、蒙古国`.
pub(super) fn series_lists(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        for (sa, sb) in l.sentences().iter().copied() {
            let sent = &l.shadow[sa..sb];
            let mut off = sa;
            let mut prev = sa;
            for clause in split_top(sent, &[',', '，', ':', '：', ';', '；']) {
                let start = off;
                let before_prev = prev;
                prev = start;
                off += clause.len();
                off += sent[off - sa..].chars().next().map_or(1, char::len_utf8);
                let c = clause.trim_end();
                if !c.contains('、') {
                    if let Some(d) = quoted_pair(l, start, c) {
                        found.facts.push(d);
                    }
                    continue;
                }
                if let Some(d) = series(l, before_prev, start, c) {
                    found.facts.push(d);
                }
            }
        }
    }
}

pub(super) static QUOTED_PAIR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(“[^”“]{1,16}”)(?:和|与|以及|及)(\p{Han}{0,4}“[^”“]{1,16}”)"));

/// Two quoted terms joined by 和 (`反对“疫苗民族主义”和制造“免疫鸿沟”`).
pub(super) fn quoted_pair(l: &Line, start: usize, clause: &str) -> Option<Drafted> {
    let c = QUOTED_PAIR.captures(clause)?;
    let (a, b) = (c.get(1)?, c.get(2)?);
    let whole = c.get(0)?;
    let prefix = trim_punct(&clause[..whole.start()]);
    if prefix.is_empty() {
        return None;
    }
    let heading = format!(
        "{}……{}",
        trim_punct(&l.out(start, start + whole.start())),
        trim_punct(&l.out(start + whole.end(), start + clause.len()))
    );
    Some(Drafted {
        fact: Fact::List(List {
            heading,
            noun: None,
            count: Some(2),
            ordered: false,
            closed: true,
            items: vec![
                Item {
                    text: l.out(start + a.start(), start + a.end()),
                    key: None,
                },
                Item {
                    text: l.out(start + b.start(), start + b.end()),
                    key: None,
                },
            ],
        }),
        lines: (l.no, l.no),
        review: vec!["two quoted terms joined by 和: check they make a list, and name it".into()],
    })
}

/// Verbs that show a long part of a series is a clause of its own.
pub(super) const RESTART_VERBS: &[&str] = &[
    "违背", "反对", "支持", "推动", "促进", "实现", "坚持", "需要", "导致", "造成", "符合", "成为",
];

/// Whether the `和` (or `及`) at `p` joins two items rather than being part of a word
/// (和平, 和谐, 零和, 缓和).
pub(super) fn conjunction(seg: &str, p: usize, w: &str) -> bool {
    if w != "和" {
        return p > 0;
    }
    let next = seg[p + w.len()..].chars().next();
    let prev = seg[..p].chars().next_back();
    p > 0
        && !matches!(
            next,
            Some('平' | '谐' | '睦' | '衷' | '解' | '善' | '美' | '气')
        )
        && !matches!(
            prev,
            Some('零' | '温' | '总' | '饱' | '缓' | '柔' | '平' | '调' | '共' | '讲' | '祥')
        )
}

/// Words that hold a cut character without it being a cut (`应对`, `和平`, `共同`).
pub(super) const PROTECTED: &[&str] = &[
    "应对", "对接", "对话", "对外", "面对", "针对", "相对", "对于", "关于", "在于", "存在", "现在",
    "正在", "同时", "共同", "相同", "同舟", "如何", "例如", "由于", "将来", "向前", "及时", "和平",
    "和谐", "于是", "应该", "应当", "要求", "重要", "主要", "需要", "以及", "涉及", "即将", "立即",
    "提及", "普及", "向往", "方向", "倾向", "意向", "走向", "内在", "所在", "自由", "理由",
];

/// Whether the one-character cut `w` at `p` sits inside a protected word.
pub(super) fn in_word(seg: &str, p: usize, w: &str) -> bool {
    if clen(w) > 1 {
        return false;
    }
    PROTECTED.iter().any(|pw| {
        let Some(i) = pw.find(w) else { return false };
        p >= i && seg.get(p - i..).is_some_and(|t| t.starts_with(pw))
    })
}

pub(super) fn strip_suffix_once<'a>(s: &'a str, list: &[&str]) -> &'a str {
    for w in list {
        if let Some(x) = s.strip_suffix(w)
            && clen(x) >= 1
        {
            return x;
        }
    }
    s
}

/// Finds `w` outside quotes and book titles: the byte offsets of each occurrence.
pub(super) fn find_top(s: &str, w: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '《' | '「' => depth += 1,
            '”' | '》' | '」' => depth = (depth - 1).max(0),
            _ if depth == 0 && s[i..].starts_with(w) => out.push(i),
            _ => {}
        }
    }
    out
}

pub(super) fn series(l: &Line, prev_clause: usize, start: usize, clause: &str) -> Option<Drafted> {
    let segs = split_top(clause, &['、']);
    if segs.len() < 2 {
        return None;
    }
    let mut review = Vec::new();
    // Items as byte ranges of the clause.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for s in &segs {
        items.push((pos, pos + s.len()));
        pos += s.len() + '、'.len_utf8();
    }
    // A series ends at the first 等 (`蒙古国等周边国家同舟共济、守望相助`).
    if let Some(i) = (1..items.len().saturating_sub(1)).find(|&i| {
        let (a, b) = items[i];
        find_top(&clause[a..b], "等")
            .first()
            .is_some_and(|&p| p > 0)
    }) {
        items.truncate(i + 1);
    }
    let mut open = false;
    let mut prefix_end = items[0].0;
    let suffix_start;
    // The last item: up to 等 / 的 / 是…, split at 和, generic words dropped.
    {
        let (a, b) = *items.last().expect("two or more");
        let seg = &clause[a..b];
        let mut end = seg.len();
        for w in RIGHT_STOPS {
            if let Some(&p) = find_top(seg, w).first()
                && p > 0
                && p < end
            {
                end = p;
                open = *w == "等";
            }
        }
        suffix_start = a + end;
        let seg = &seg[..end];
        let and = ["以及", "和", "及"].iter().find_map(|w| {
            find_top(seg, w)
                .into_iter()
                .find(|&p| conjunction(seg, p, w))
                .map(|p| (p, w.len()))
        });
        let n = items.len();
        match and {
            Some((p, wl)) if p > 0 && p + wl < seg.len() => {
                items[n - 1] = (a, a + p);
                items.push((a + p + wl, a + seg.len()));
            }
            _ => items[n - 1] = (a, a + seg.len()),
        }
    }
    // The first item: after the last word that introduces the series.
    {
        let (a, b) = items[0];
        let seg = &clause[a..b];
        if let Some(quoted_and) = seg.strip_prefix('“').and_then(|r| r.find("”和")) {
            // `“三股势力”和犯罪活动`: two items.
            let cut = '“'.len_utf8() + quoted_and + '”'.len_utf8();
            items[0] = (a, a + cut);
            items.insert(1, (a + cut + '和'.len_utf8(), b));
        } else {
            let mut cut = 0;
            for w in LEFT_CUTS {
                for p in find_top(seg, w) {
                    let e = p + w.len();
                    if e > cut && e < seg.len() && !in_word(seg, p, w) {
                        cut = e;
                    }
                }
            }
            items[0] = (a + cut, b);
            prefix_end = a + cut;
        }
    }
    // A middle part far longer than the rest starts the series anew
    // (`冷战思维、零和博弈违背和平、发展、合作`).
    let mut restart_tail = None;
    // The longest item after each position, computed once (linear in the series).
    let mut later_max = vec![0usize; items.len() + 1];
    for i in (0..items.len()).rev() {
        let (a, b) = items[i];
        later_max[i] = later_max[i + 1].max(clen(&clause[a..b]));
    }
    for i in 1..items.len().saturating_sub(1) {
        let later = later_max[i + 1];
        let (a, b) = items[i];
        let seg = &clause[a..b];
        if later > 0 && clen(seg) >= 2 * later + 2 && RESTART_VERBS.iter().any(|v| seg.contains(v))
        {
            restart_tail = Some((i, later));
        }
    }
    if let Some((i, later)) = restart_tail {
        items.drain(..i);
        let (a, b) = items[0];
        let t = tail(&clause[a..b], later);
        items[0] = (b - t.len(), b);
        prefix_end = b - t.len();
        review.push("the series' start was guessed".to_owned());
    }
    let lens: Vec<usize> = items.iter().map(|&(a, b)| clen(&clause[a..b])).collect();
    let n = items.len();
    let mut guessed = 0;
    // With two items there is no middle to measure against: no length cuts.
    let mid_max = if n > 2 {
        lens[1..n - 1].iter().copied().max().unwrap_or(0)
    } else {
        0
    };
    // Over-long ends: generic words dropped, then cut to the size of the others.
    {
        let (a, b) = items[n - 1];
        let mut s = &clause[a..b];
        if clen(s) > mid_max {
            s = strip_suffix_once(s, RIGHT_SUFFIXES);
        }
        if clen(s) > 2 * mid_max && clen(s) > mid_max + 1 && mid_max > 0 && !s.contains(['“', '《'])
        {
            s = head(s, mid_max);
            review.push("the last item's end was guessed".to_owned());
            guessed += 1;
        }
        items[n - 1] = (a, a + s.len());
        let (a, b) = items[0];
        let s = &clause[a..b];
        if clen(s) > mid_max + 2
            && mid_max > 0
            && (!s.contains(['“', '《']) || s.ends_with(['”', '》']))
        {
            let t = if s.ends_with(['”', '》']) {
                let open_ch = if s.ends_with('”') { "“" } else { "《" };
                &s[s.rfind(open_ch).unwrap_or(0)..]
            } else {
                tail(s, mid_max)
            };
            items[0] = (b - t.len(), b);
            review.push("the first item's start was guessed".to_owned());
            guessed += 1;
        }
    }
    if guessed == 2 {
        return None;
    }
    let texts: Vec<String> = items
        .iter()
        .map(|&(a, b)| trim_punct(&clause[a..b]).to_owned())
        .collect();
    let k = texts.len();
    if texts.iter().any(|t| t.is_empty() || clen(t) > 24) {
        return None;
    }
    // `A、B` alone is usually a pair of adjectives or verbs (高标准、惠民生); keep it only when
    // open (`农业、高科技等领域`). Items with 了 or 的 are clauses, not list items.
    if k == 2 && !open {
        return None;
    }
    if texts
        .iter()
        .any(|t| !find_top(t, "了").is_empty() || !find_top(t, "的").is_empty())
    {
        return None;
    }
    // A run of titles is the documents rule's job.
    if texts.iter().all(|t| t.starts_with('《')) {
        return None;
    }
    let mut seen = std::collections::HashSet::new();
    if !texts.iter().all(|t| seen.insert(t.clone())) {
        return None;
    }
    let items_out: Vec<Item> = items
        .iter()
        .map(|&(a, b)| {
            let t = trim_punct(&clause[a..b]);
            let off = start + a + clause[a..b].find(t).unwrap_or(0);
            Item {
                text: l.out(off, off + t.len()),
                key: None,
            }
        })
        .collect();
    // The heading: the clause around the series, the items replaced by ……
    // The words before the series in its clause; the clause before too when they are few.
    let before = if clen(trim_punct(&clause[..prefix_end])) < 4 {
        &l.shadow[prev_clause..start + prefix_end]
    } else {
        &clause[..prefix_end]
    };
    let bstart = start + prefix_end - before.len();
    let after = &clause[suffix_start.min(clause.len())..];
    let after = after.trim_start_matches('等');
    let astart = start + clause.len() - after.len();
    let heading = format!(
        "{}……{}",
        trim_punct(&l.out(bstart, start + prefix_end)),
        trim_punct(&l.out(astart, start + clause.len()))
    );
    review.push("heading made from the words around the series: name the list".into());
    let declared = count_word(before);
    let count = match declared {
        Some((d, _)) if d as usize != k && !open => {
            review.push(format!("the sentence says {d} but {k} items were found"));
            Some(k as u32)
        }
        Some((d, _)) if open && (d as usize) >= k => Some(d),
        _ if open => None,
        _ => Some(k as u32),
    };
    Some(Drafted {
        fact: Fact::List(List {
            heading,
            noun: declared.map(|(_, n)| n),
            count,
            ordered: false,
            closed: !open,
            items: items_out,
        }),
        lines: (l.no, l.no),
        review,
    })
}
