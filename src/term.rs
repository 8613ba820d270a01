//! Text bound for a terminal, made harmless: a deck, an Anki package or a result file may
//! hold escape sequences (a colour, a cursor move, OSC 52 writing to the clipboard, a title
//! change) or bidirectional overrides that make a line read other than it is. Everything
//! quiz prints from such a file goes through [`clean`].

use std::borrow::Cow;

/// `s` with every control character removed except line feed and tab: C0 controls, DEL,
/// C1 controls, and whole escape sequences (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings
/// up to their BEL or `ESC \`, two-byte `ESC x`), plus the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069). A carriage return becomes a line
/// feed's absence: it is dropped, so it cannot rewrite the start of the line. Text with none
/// of these is returned as is, without copying.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte in @..~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // Any other escape is two characters long.
                _ => {}
            },
            // C1 CSI: as ESC [.
            '\u{9b}' => {
                for c in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
            // C1 OSC, DCS, SOS, PM, APC.
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Skips a control string's body and its terminator (BEL, ESC \ or C1 ST).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// A character that must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// JSON text (as serde_json writes it, which escapes ASCII controls itself) with the other
/// characters [`is_unsafe`] finds, C1 controls and bidirectional overrides, written as
/// `\uXXXX` escapes: the same JSON value, harmless on a terminal. Such characters can only
/// stand inside JSON strings, where the escape means the same character.
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 12);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`clean`] for one line of a table or a list: line breaks and tabs become spaces too.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    match clean(s) {
        Cow::Borrowed(b) if !b.contains(['\n', '\t']) => Cow::Borrowed(b),
        c => Cow::Owned(c.replace(['\n', '\t'], " ")),
    }
}

/// Text already [`clean`]ed, with the generator's `**emphasis**` (the NOT of a which-is-NOT
/// question) in bold for a terminal. The escapes are added after cleaning, so a deck cannot
/// smuggle its own; an unpaired `**` stays as it is.
pub fn bold_emphasis(cleaned: &str) -> String {
    let parts: Vec<&str> = cleaned.split("**").collect();
    if parts.len() < 3 {
        return cleaned.to_owned();
    }
    let mut out = String::with_capacity(cleaned.len() + 16);
    let pairs = (parts.len() - 1) / 2;
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i <= 2 * pairs {
            out.push_str("\x1b[1m");
            out.push_str(part);
            out.push_str("\x1b[22m");
        } else {
            if i > 2 * pairs {
                out.push_str("**");
            }
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_is_bold_only_in_pairs_and_only_after_cleaning() {
        assert_eq!(
            bold_emphasis("下列哪一项**不**属于"),
            "下列哪一项\x1b[1m不\x1b[22m属于"
        );
        assert_eq!(bold_emphasis("no marks"), "no marks");
        assert_eq!(bold_emphasis("a **lone mark"), "a **lone mark");
        assert_eq!(
            bold_emphasis("**a** and **b** and **c"),
            "\x1b[1ma\x1b[22m and \x1b[1mb\x1b[22m and **c"
        );
        // A deck's own escape is gone before the bold is added.
        let cleaned = clean("**\x1b]52;c;aGk=\x07x**");
        assert_eq!(bold_emphasis(&cleaned), "\x1b[1mx\x1b[22m");
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(clean("plain 上海 text"), "plain 上海 text");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]52;c;aGk=\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]0;title\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{9b}2Jy\u{9d}8;;http://e\u{9c}z"), "xyz");
        assert_eq!(clean("a\rb\u{7}c\u{7f}d\u{8}e"), "abcde");
        assert_eq!(clean("\u{202e}evil\u{2066}x\u{2069}"), "evilx");
        assert_eq!(clean("line\n\tnext"), "line\n\tnext");
        assert_eq!(clean_line("a\nb\tc\u{1b}[K"), "a b c");
        // An escape at the very end is dropped, not kept half.
        assert_eq!(clean("end\u{1b}"), "end");
        assert_eq!(clean("end\u{1b}[12"), "end");
    }

    #[test]
    fn json_keeps_the_value_and_escapes_what_a_terminal_would_obey() {
        let v = serde_json::json!({"s": "a\u{1b}[2J\u{9b}31m\u{202e}b"});
        let text = serde_json::to_string(&v).unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}
