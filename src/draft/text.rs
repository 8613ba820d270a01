//! The article as the rules read it: normalised lines, each with a simplified "shadow" of the
//! same characters one for one (so a rule written for simplified text finds a traditional
//! phrase and the draft still quotes it in the characters the article used), web noise
//! dropped, speaker labels recognised, sentences.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::input::Page;
use super::is_han;

/// One line of article text.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based number in the text as read (file line, or HTML text block).
    pub no: usize,
    /// The text in the article's own characters (after NFKC, pinyin and labels removed).
    pub text: String,
    /// The same text in simplified characters, character for character.
    pub shadow: String,
    /// Byte offset of each character (plus the end) in `text` and in `shadow`.
    tb: Vec<usize>,
    sb: Vec<usize>,
    /// A journalist's question (`问:`, `记者:`, `Q:`): structure, not facts.
    pub question: bool,
    /// Words restored from censored characters (`*治` → 政治) in this line.
    pub censored: Vec<&'static str>,
    /// Draft in simplified characters even if the article is traditional.
    simplified_out: bool,
    sents: Vec<(usize, usize)>,
}

impl Line {
    fn new(no: usize, text: String, simplified_out: bool) -> Line {
        let mut shadow = to_simplified(&text);
        if shadow.chars().count() != text.chars().count() {
            // A phrase conversion changed the length: convert character by character instead.
            shadow = text
                .chars()
                .map(|c| {
                    let s = to_simplified(c.encode_utf8(&mut [0; 4]));
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(x), None) => x,
                        _ => c,
                    }
                })
                .collect();
        }
        let tb = offsets(&text);
        let sb = offsets(&shadow);
        let mut line = Line {
            no,
            text,
            shadow,
            tb,
            sb,
            question: false,
            censored: Vec::new(),
            simplified_out,
            sents: Vec::new(),
        };
        line.sents = line.split_sentences();
        line
    }

    /// The article's wording of a byte range of `shadow`.
    pub fn out(&self, a: usize, b: usize) -> String {
        if self.simplified_out || self.text.len() == self.shadow.len() && self.text == self.shadow {
            return self.shadow.get(a..b).unwrap_or("").to_owned();
        }
        let ca = self.sb.partition_point(|&x| x < a);
        let cb = self.sb.partition_point(|&x| x < b);
        let (ta, tb) = (
            self.tb.get(ca).copied().unwrap_or(self.text.len()),
            self.tb.get(cb).copied().unwrap_or(self.text.len()),
        );
        self.text.get(ta..tb).unwrap_or("").to_owned()
    }

    /// The whole line in the article's wording.
    pub fn out_all(&self) -> String {
        self.out(0, self.shadow.len())
    }

    /// Drops the first `n` characters (a speaker label).
    fn drop_chars(&mut self, n: usize) {
        let keep_t = self.text[self.tb[n.min(self.tb.len() - 1)]..].to_owned();
        let keep_s = self.shadow[self.sb[n.min(self.sb.len() - 1)]..].to_owned();
        self.text = keep_t;
        self.shadow = keep_s;
        self.tb = offsets(&self.text);
        self.sb = offsets(&self.shadow);
        self.sents = self.split_sentences();
    }

    /// Sentences: byte ranges of `shadow`, without the closing punctuation (worked out once).
    pub fn sentences(&self) -> &[(usize, usize)] {
        &self.sents
    }

    fn split_sentences(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let s = &self.shadow;
        let b = s.as_bytes();
        for (i, c) in s.char_indices() {
            let end = match c {
                '。' | '!' | '?' | ';' | '！' | '？' | '；' => true,
                // An English full stop: followed by a space or the end, not inside `5.5`.
                '.' => b.get(i + 1).is_none_or(|&n| n == b' ') && !ends_with_abbrev(&s[start..i]),
                _ => false,
            };
            if end {
                if s[start..i].trim().chars().count() > 0 {
                    let (a, z) = trim_range(s, start, i);
                    out.push((a, z));
                }
                start = i + c.len_utf8();
            }
        }
        if start < s.len() && !s[start..].trim().is_empty() {
            let (a, z) = trim_range(s, start, s.len());
            out.push((a, z));
        }
        out
    }
}

fn ends_with_abbrev(s: &str) -> bool {
    let w = s.rsplit(' ').next().unwrap_or("");
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "No"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "U.S"
            | "U.N"
            | "e.g"
            | "i.e"
    ) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

fn trim_range(s: &str, a: usize, b: usize) -> (usize, usize) {
    let t = &s[a..b];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (a + lead, b - trail)
}

fn offsets(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

pub(crate) fn to_simplified(s: &str) -> String {
    if s.chars().any(is_han) {
        // The OpenCC tables keep 於 (a surname in simplified text too); in these articles it
        // is always the preposition 于 (關於, 致力於).
        zhconv::zhconv(s, zhconv::Variant::ZhHans).replace('於', "于")
    } else {
        s.to_owned()
    }
}

/// The article ready for the rules.
#[derive(Debug)]
pub(crate) struct Doc {
    pub lines: Vec<Line>,
    /// Lines dropped as web noise (navigation, share buttons, captions, footers…).
    pub noise: usize,
    /// Inline pinyin annotations removed (`國(guó)家`).
    pub pinyin: usize,
    /// The article is in traditional characters.
    pub traditional: bool,
    /// The last paragraph stops mid-sentence.
    pub truncated: bool,
    /// A title line at the top of a plain-text article.
    pub title: Option<String>,
    /// A date line at the top (`2021-05-19 18:10`), as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `来源:新华社` and the like.
    pub publisher: Option<String>,
    /// A dateline (`新华社北京9月16日电`) cut from the start of its line: the simplified text
    /// and the article's own, and the line number.
    pub dateline: Option<(String, String, usize)>,
}

static DATELINE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Han}{1,6}社\p{Han}{2,5}?\d{1,2}月\d{1,2}日电\s*").expect("static regex")
});

static PINYIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})\(((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[1-5]?[ '’]?){1,8})\)")
        .expect("static regex")
});

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]+、)?(?:(问|记者|主持人|Q|Question|Reporter)|(答|A|Answer|\p{Han}{2,4}))[:：]\s*",
    )
    .expect("static regex")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:发布时间|时间|日期|Published|Date)?[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
        .expect("static regex")
});

static PUBLISHER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[(（【\[]?\s*(?:来源|来源于|出处|Source)\s*[:：]\s*([^)）】\]]{1,30}?)\s*[)）】\]]?\s*$",
    )
    .expect("static regex")
});

impl Doc {
    pub fn build(page: &Page, simplified_out: bool) -> Doc {
        let mut doc = Doc {
            lines: Vec::new(),
            noise: page.dropped,
            pinyin: 0,
            traditional: false,
            truncated: false,
            title: None,
            date: None,
            publisher: None,
            dateline: None,
        };
        let mut lines = Vec::new();
        for (i, raw) in page.lines.iter().enumerate() {
            let t: String = raw.nfkc().collect();
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            let mut n = 0;
            let t = PINYIN.replace_all(t, |c: &regex::Captures| {
                let inner = &c[2];
                let toned = inner
                    .chars()
                    .any(|ch| !ch.is_ascii() || ch.is_ascii_digit());
                if toned || is_reading(c[1].chars().next(), inner) {
                    n += 1;
                    c[1].to_owned()
                } else {
                    c[0].to_owned()
                }
            });
            doc.pinyin += n;
            let (t, censored) = restore_censored(&t);
            let mut line = Line::new(i + 1, t, simplified_out);
            line.censored = censored;
            if line.text != line.shadow {
                doc.traditional = true;
            }
            lines.push(line);
        }
        let noise = super::noise::classify(&lines);
        let mut body_started = false;
        for (line, is_noise) in lines.into_iter().zip(noise) {
            if is_noise {
                if let Some(c) = PUBLISHER_LINE.captures(&line.shadow) {
                    let a = c.get(1).map_or(0..0, |m| m.range());
                    doc.publisher.get_or_insert(line.out(a.start, a.end));
                }
                doc.noise += 1;
                continue;
            }
            if !body_started && doc.lines.len() < 3 {
                if let Some(c) = DATE_LINE.captures(&line.shadow) {
                    doc.date = Some(format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]));
                    continue;
                }
                if doc.title.is_none() && page.title.is_none() && is_title_line(&line) {
                    doc.title = Some(line.out_all());
                    continue;
                }
            }
            body_started = true;
            doc.lines.push(line);
        }
        for line in doc.lines.iter_mut().take(5) {
            if doc.dateline.is_some() {
                break;
            }
            if let Some(m) = DATELINE_START.find(&line.shadow) {
                let n = line.shadow[..m.end()].chars().count();
                let own = line.out(0, m.end()).trim().to_owned();
                doc.dateline = Some((m.as_str().trim().to_owned(), own, line.no));
                line.drop_chars(n);
            }
        }
        for line in &mut doc.lines {
            if let Some(c) = LABEL.captures(&line.shadow) {
                let whole = c.get(0).map_or(0, |m| m.end());
                let label_chars = line.shadow[..whole].chars().count();
                let rest = line.shadow[whole..].chars().count();
                if c.get(1).is_some() || (rest >= 8 && line.shadow[whole..].chars().any(is_han)) {
                    line.question = c.get(1).is_some()
                        || line.shadow[whole..].trim_end().ends_with(['?', '？']);
                    line.drop_chars(label_chars);
                }
            } else if line.shadow.trim_end().ends_with(['?', '？'])
                && line.shadow.chars().count() < 200
                && line.sentences().len() <= 3
            {
                line.question = true;
            }
        }
        doc.lines.retain(|l| !l.shadow.trim().is_empty());
        if let Some(last) = doc.lines.last() {
            let t = last.shadow.trim_end();
            doc.truncated = !t.ends_with([
                '。', '!', '?', '！', '？', '”', '」', '.', '"', ')', '）', '…',
            ]);
        }
        doc
    }

    /// More Latin letters than Han characters, by a wide margin.
    pub fn looks_english(&self) -> bool {
        let (mut han, mut latin) = (0usize, 0usize);
        for l in &self.lines {
            for c in l.shadow.chars() {
                if is_han(c) {
                    han += 1;
                } else if c.is_ascii_alphabetic() {
                    latin += 1;
                }
            }
        }
        latin > han * 3
    }
}

/// Whether toneless `s` is a reading of `c` (`国(guo)`), not an abbreviation (`组织(SCO)`).
fn is_reading(c: Option<char>, s: &str) -> bool {
    use pinyin::ToPinyinMulti;
    let s = s.trim().to_ascii_lowercase();
    c.and_then(|c| c.to_pinyin_multi())
        .is_some_and(|m| m.into_iter().any(|p| p.plain() == s))
}

/// A short first line with no sentence punctuation: the headline of a plain-text article.
fn is_title_line(line: &Line) -> bool {
    let n = line.shadow.chars().count();
    (6..=80).contains(&n)
        && !line.shadow.contains(['。', ',', ':'])
        && !line.shadow.trim_end().ends_with(['.', '?', '？'])
}

/// Characters masked by a keyword filter (`*治` for 政治), restored from a small dictionary,
/// longest first, only where the neighbour makes the reading unique.
fn restore_censored(s: &str) -> (String, Vec<&'static str>) {
    if !s.contains('*') {
        return (s.to_owned(), Vec::new());
    }
    const FIX: &[(&str, &str)] = &[
        ("*治病*", "政治病毒"),
        ("*治", "政治"),
        ("病*", "病毒"),
        ("内*", "内政"),
        ("*府", "政府"),
        ("共产*", "共产党"),
        ("*策", "政策"),
        ("*权", "政权"),
        ("*党", "政党"),
        ("*協", "政协"),
        ("*协", "政协"),
    ];
    let mut out = s.to_owned();
    let mut restored = Vec::new();
    for (from, to) in FIX {
        if out.contains(from) {
            out = out.replace(from, to);
            restored.push(*to);
        }
    }
    (out, restored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let page = Page {
            lines: text.lines().map(str::to_owned).collect(),
            ..Page::default()
        };
        Doc::build(&page, false)
    }

    #[test]
    fn traditional_lines_keep_their_characters() {
        let d = doc("標題行在這裏\n\n中俄外長商定在四方面加強合作。一是支持國際抗疫合作。");
        assert!(d.traditional);
        let l = &d.lines[0];
        assert!(l.shadow.starts_with("中俄外长商定"));
        let a = l.shadow.find("中俄").unwrap();
        let b = l.shadow.find("加强").unwrap();
        assert_eq!(l.out(a, b), "中俄外長商定在四方面");
    }

    #[test]
    fn pinyin_and_censorship_are_cleaned() {
        // Toned readings and a toneless reading of the character before go; an
        // abbreviation and a word that is no reading of it stay.
        let d = doc(
            "正文行一:中(zhōng)国(guó)同各国深化*治互信,这(zhe)是一句话。\n另一句,有(SCO)缩写(abc)。",
        );
        assert_eq!(d.pinyin, 3);
        assert!(d.lines[0].text.contains("中国同各国深化政治互信"));
        assert_eq!(d.lines[0].censored, ["政治"]);
        assert!(
            d.lines[1].text.contains("有(SCO)缩写(abc)"),
            "{:?}",
            d.lines[1].text
        );
    }

    #[test]
    fn labels_and_questions() {
        let d = doc("一、记者:会议有何意义?\n\n王毅:这是一次重要的会议,取得很多成果。");
        assert!(d.lines[0].question);
        assert_eq!(d.lines[0].text, "会议有何意义?");
        assert!(!d.lines[1].question);
        assert!(d.lines[1].text.starts_with("这是一次"));
    }

    #[test]
    fn sentences_split_on_chinese_and_english_stops() {
        let d = doc("甲。乙!丙\nFirst, we met Mr. Li. Then 5.5 percent grew.");
        let l = &d.lines[0];
        assert_eq!(l.sentences().len(), 3);
        let e = &d.lines[1];
        let s: Vec<_> = e
            .sentences()
            .iter()
            .map(|&(a, b)| &e.shadow[a..b])
            .collect();
        assert_eq!(s, ["First, we met Mr. Li", "Then 5.5 percent grew"]);
    }
}
