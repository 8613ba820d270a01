//! Reading an article: the size cap, UTF-8, and HTML pages turned into text blocks with a
//! real HTML parser (`scraper`, on html5ever: the browsers' parsing algorithm, so a page saved
//! from a browser parses as the browser showed it). Elements that are never article text
//! (scripts, navigation, share bars, captions, related-article boxes, footers) are left out
//! here; what remains goes through the line rules of `text`.

use scraper::{Html, Node};

use super::DraftError;

/// The largest article read (bytes of the file, HTML included). A 20,000-character article is
/// about 60 KB; a saved page with its scripts rarely passes 2 MB.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// The article as lines of text plus what the page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub lines: Vec<String>,
    pub html: bool,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Text blocks left out because of the element they sat in (nav, share bar, caption…).
    pub dropped: usize,
}

pub(crate) fn read(bytes: &[u8]) -> Result<Page, DraftError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(DraftError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| DraftError::NotUtf8 {
        line: bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    })?;
    if looks_like_html(text) {
        let depth = nesting(text);
        if depth > MAX_DEPTH {
            return Err(DraftError::TooDeep {
                depth,
                limit: MAX_DEPTH,
            });
        }
        Ok(from_html(text))
    } else {
        Ok(Page {
            lines: text.lines().map(str::to_owned).collect(),
            ..Page::default()
        })
    }
}

/// The deepest element nesting an HTML page may have. The parser's scope checks walk the
/// open elements, so cost grows with depth × elements; real pages stay under a few dozen.
pub const MAX_DEPTH: usize = 1000;

/// Elements without content or closed by the parser on its own: not counted as nesting.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt",
    "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body", "!doctype",
];

/// The deepest nesting of elements, estimated in one pass over the tags.
fn nesting(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + p + 1;
        i = start;
        let closing = b.get(start) == Some(&b'/');
        let name_at = (start + usize::from(closing)).min(b.len());
        let name: String = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!')
            .take(12)
            .map(|c| c.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || UNNESTED.contains(&name.as_str()) {
            continue;
        }
        // `<x/>` closes itself.
        let end = b[start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |q| start + q);
        if end > start && b[end - 1] == b'/' {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with('<')
        && [
            "<html",
            "<body",
            "<!doctype html",
            "<p>",
            "<p ",
            "<div",
            "<head",
        ]
        .iter()
        .any(|t| head.contains(t))
}

/// Elements whose text is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "select",
    "option",
    "figcaption",
    "iframe",
    "svg",
    "canvas",
    "object",
    "head",
    "menu",
    "dialog",
    "input",
    "textarea",
    "label",
];

/// Class or id words that mark page furniture.
const SKIP_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "recommended",
    "comment",
    "comments",
    "footer",
    "copyright",
    "sidebar",
    "aside",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "toolbar",
    "pager",
    "pagination",
    "subscribe",
    "login",
    "caption",
    "figcaption",
    "editor",
    "hot",
    "tags",
    "print",
    "qrcode",
    "popup",
    "modal",
    "cookie",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "figure",
    "table",
    "ul",
    "ol",
    "main",
    "header",
    "hr",
    "td",
    "th",
    "center",
];

fn is_furniture(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo")
    ) {
        return true;
    }
    let words = el
        .attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .map(str::to_ascii_lowercase);
    for w in words {
        if SKIP_WORDS.contains(&w.as_str()) {
            return true;
        }
    }
    false
}

fn from_html(text: &str) -> Page {
    let html = Html::parse_document(text);
    let mut page = Page {
        html: true,
        ..Page::default()
    };
    let mut h1: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut title_tag: Option<String> = None;
    let mut cur = String::new();
    // Depth inside a skipped element (0: not skipped), inside <title>, inside an <h1>.
    let mut skip = 0usize;
    let mut visible_skip = false;
    let mut in_title = false;
    let mut in_h1 = 0usize;
    let mut h1_text = String::new();
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "meta" {
                        meta(el, &mut page, &mut og_title);
                    } else if name == "link" && el.attr("rel") == Some("canonical") {
                        page.url = page.url.take().or(el.attr("href").map(clean));
                    } else if name == "time" && page.date.is_none() {
                        page.date = el.attr("datetime").map(clean);
                    }
                    if name == "title" {
                        in_title = true;
                    }
                    if skip > 0 || is_furniture(el) {
                        if skip == 0 {
                            // Scripts and the head are not text a reader saw: not counted.
                            visible_skip = !matches!(
                                name,
                                "script"
                                    | "style"
                                    | "noscript"
                                    | "template"
                                    | "head"
                                    | "svg"
                                    | "iframe"
                                    | "object"
                                    | "canvas"
                            );
                        }
                        skip += 1;
                        continue;
                    }
                    if name == "h1" {
                        in_h1 += 1;
                    }
                    if BLOCK_TAGS.contains(&name) {
                        flush(&mut cur, &mut page.lines);
                    }
                }
                Node::Text(t) => {
                    let s: &str = t;
                    if in_title {
                        title_tag.get_or_insert_with(String::new).push_str(s);
                    }
                    if skip > 0 {
                        if visible_skip && !s.trim().is_empty() {
                            page.dropped += 1;
                        }
                        continue;
                    }
                    if in_h1 > 0 {
                        h1_text.push_str(s);
                    }
                    push_text(&mut cur, s);
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "title" {
                        in_title = false;
                    }
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    if name == "h1" && in_h1 > 0 {
                        in_h1 -= 1;
                        if in_h1 == 0 && h1.is_none() && !h1_text.trim().is_empty() {
                            h1 = Some(clean(&h1_text));
                        }
                        h1_text.clear();
                    }
                    if BLOCK_TAGS.contains(&name) {
                        flush(&mut cur, &mut page.lines);
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut page.lines);
    page.title = h1
        .or(og_title)
        .or(title_tag.map(|t| clean(&t)))
        .filter(|t| !t.is_empty());
    // The page title repeated as the first block is the title, not body text.
    if let (Some(t), Some(first)) = (&page.title, page.lines.first())
        && first.trim() == t
    {
        page.lines.remove(0);
    }
    page
}

fn meta(el: &scraper::node::Element, page: &mut Page, og_title: &mut Option<String>) {
    let key = el
        .attr("property")
        .or(el.attr("name"))
        .or(el.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(v) = el.attr("content").map(clean).filter(|v| !v.is_empty()) else {
        return;
    };
    match key.as_str() {
        "og:title" => *og_title = og_title.take().or(Some(v)),
        "og:site_name" | "publisher" | "source" | "author" if page.publisher.is_none() => {
            page.publisher = Some(v);
        }
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "date"
        | "publish_date"
        | "dc.date"
        | "dc.date.issued"
            if page.date.is_none() =>
        {
            page.date = Some(v);
        }
        "og:url" if page.url.is_none() => page.url = Some(v),
        _ => {}
    }
}

/// Whitespace collapsed; a space between two Han characters (a line break inside a Chinese
/// paragraph) dropped.
fn clean(s: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, s);
    out.trim().to_owned()
}

fn push_text(cur: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
            if !cur.is_empty() && !cur.ends_with(' ') {
                cur.push(' ');
            }
        } else {
            if cur.ends_with(' ') && super::is_han(c) {
                let before = cur[..cur.len() - 1].chars().next_back();
                if before.is_some_and(super::is_han) {
                    cur.pop();
                }
            }
            cur.push(c);
        }
    }
}

fn flush(cur: &mut String, lines: &mut Vec<String>) {
    let t = cur.trim();
    if !t.is_empty() {
        lines.push(t.to_owned());
    }
    cur.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_without_furniture() {
        let page = read(
            "<!doctype html><html><head><title>T - Site</title>\
             <meta property=\"og:site_name\" content=\"新华网\">\
             <meta name=\"pubdate\" content=\"2021-05-19\"></head><body>\
             <nav>首页 新闻</nav><h1>标题</h1><p>第一段\n文字。</p>\
             <div class=\"share-bar\">微信 微博</div><p>第二段。</p>\
             <script>var x = 1;</script><footer>版权所有</footer></body></html>"
                .as_bytes(),
        )
        .unwrap();
        assert!(page.html);
        assert_eq!(page.lines, ["第一段文字。", "第二段。"]);
        assert_eq!(page.title.as_deref(), Some("标题"));
        assert_eq!(page.publisher.as_deref(), Some("新华网"));
        assert_eq!(page.date.as_deref(), Some("2021-05-19"));
        assert_eq!(page.dropped, 3);
    }

    #[test]
    fn limits_and_encoding() {
        assert!(matches!(
            read(&vec![b'a'; MAX_INPUT_BYTES as usize + 1]),
            Err(DraftError::TooLarge { .. })
        ));
        assert!(matches!(
            read(b"ok\nline\n\xff"),
            Err(DraftError::NotUtf8 { line: 3 })
        ));
        assert_eq!(
            read("\u{feff}一\n二".as_bytes()).unwrap().lines,
            ["一", "二"]
        );
        let deep = format!("<html><body>{}x", "<div>".repeat(MAX_DEPTH + 1));
        assert!(matches!(
            read(deep.as_bytes()),
            Err(DraftError::TooDeep { .. })
        ));
        let wide = format!(
            "<html><body>{}",
            "<p>x<br><img src=a><div>y</div>".repeat(5000)
        );
        assert!(read(wide.as_bytes()).is_ok());
    }
}
