//! Noisy variants of an article, made from the two source texts by the tests and by
//! `examples/draft_eval.rs`: traditional characters, and inline pinyin after characters as
//! some scraped pages carry it (國(guó)家). Line numbers are kept, so the noise lines and the
//! source line ranges stay where they were.

use pinyin::ToPinyin;

/// The article in traditional characters, line by line.
pub fn traditional(s: &str) -> String {
    s.split('\n')
        .map(|l| zhconv::zhconv(l, zhconv::Variant::ZhHant))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The article with a pinyin reading (tone marks) after every `every`-th Han character.
pub fn with_pinyin(s: &str, every: usize) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut n = 0;
    for c in s.chars() {
        out.push(c);
        if let Some(p) = c.to_pinyin() {
            n += 1;
            if n % every == 0 {
                out.push('(');
                out.push_str(p.with_tone());
                out.push(')');
            }
        }
    }
    out
}
