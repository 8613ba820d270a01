//! Web noise: the lines of a scraped page that are not the article (breadcrumbs, share
//! buttons, advertisements with links, user and time stamps, page numbers, image captions,
//! editor and copyright lines, related-article lists, "view full version" footers). Rules
//! from ../shared/guides/text.md §2.4 step 0, widened to the usual furniture of news sites;
//! they read the simplified shadow, so traditional pages are cleaned the same way.

use std::sync::LazyLock;

use regex::Regex;

use super::text::Line;

static RULES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // Breadcrumbs: 首页 » 常识 », 当前位置: 首页 > 新闻, Home > World.
        r"^\s*(?:首页|主页|网站首页|当前位置|您的位置|你的位置|您现在的位置|位置|Home)\s*[»>›/:|]",
        r"[»›]\s*\S{1,8}\s*[»›]",
        r"^\S{1,8}\s*>\s*\S{1,8}\s*>\s*",
        // A link or a web address: advertisements, "原文链接".
        r"https?://|www\.\S+\.\S+",
        // User id and a time stamp: `TUhjnbcbe - 2023/5/30 21:45:00`.
        r"^\S+\s+-\s+\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}",
        // Page numbers and pagers.
        r"^\s*(?:\d{1,3}|第\s*\d+\s*页|上一页.*|下一页.*|\d+\s*/\s*\d+\s*页?|Page \d+(?: of \d+)?)\s*$",
        // Footers, tools and share bars: the word alone (or two of them), or the word and a
        // colon; never a sentence that merely opens with such a word (分享发展经验…).
        r"^\s*[【\[(（]?\s*(?:推荐给朋友|打印文字稿|全文打印|打印本页|打印|查看完整版本|返回顶部|返回首页|关闭窗口|关闭|上一篇|下一篇|分享到|分享至|分享|收藏|点赞|纠错|字号|扫一扫|扫码|扫描二维码|关注我们|责任编辑|编辑|校对|审核|审校|监制|制作|值班编辑|作者|出品|策划|Share|Print|Email|Editor|Editors)(?:\s*[:：】\]）)].*|\s*(?:推荐给朋友|打印文字稿|全文打印|打印本页|打印|关闭窗口|关闭|返回顶部|收藏|纠错)?\s*)$",
        r"^\s*(?:Edited|Written|Reporting|Photo|Photos|Compiled) by\s",
        // Image captions: 图源: 新华社, (图片来源:…), 资料图, 图为…, 新华社记者 某某 摄.
        r"^\s*[【\[(（]?\s*(?:图源|图片来源|资料图|资料图片|图为)",
        r"^\s*[【\[(（]?\s*(?:图片|Photo|Image|Picture|File photo|Credit)\s*[:：)）】\]]",
        r"\p{Han}{1,4}\s*摄\s*[)）】\]]?\s*$",
        r"[(（【\[]\s*(?:图源|图片来源|图片|摄影|来源|责任编辑|编辑)\s*[:：][^)）】\]]{0,30}[)）】\]]",
        // Copyright and reprint notices.
        r"版权所有|Copyright|©|All [Rr]ights [Rr]eserved|未经授权|不得转载|禁止转载|转载请注明|ICP备|网安备",
        // Source lines: `来源:新华社` (kept as the publisher, dropped from the body).
        r"^\s*[(（【\[]?\s*(?:来源|来源于|出处|Source)\s*[:：]",
        // Advertising and app prompts.
        r"^\s*(?:广告|下载客户端|打开APP|打开App|点击进入|点击查看|立即下载|阅读全文|展开全文|阅读原文|更多精彩|Advertisement|Read more|Continue reading|Sign up|Subscribe)\b",
    ]
    .iter()
    .map(|r| Regex::new(r).expect("static regex"))
    .collect()
});

/// Words that share bars and tool rows are made of; a line of nothing else is noise.
const SHARE_WORDS: &[&str] = &[
    "微信",
    "微博",
    "朋友圈",
    "QQ",
    "QQ空间",
    "新浪微博",
    "腾讯微博",
    "豆瓣",
    "人人网",
    "分享",
    "分享到",
    "收藏",
    "打印",
    "纠错",
    "字号",
    "大",
    "中",
    "小",
    "评论",
    "点赞",
    "复制链接",
    "Facebook",
    "Twitter",
    "X",
    "WeChat",
    "Weibo",
    "LinkedIn",
    "WhatsApp",
    "Telegram",
    "Email",
    "E-mail",
    "Print",
    "Share",
    "Copy",
    "link",
    "Comment",
    "Comments",
    "Reddit",
    "|",
    "·",
];

/// Headings of related-article boxes: the short lines after one are other articles' titles.
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[【\[]?\s*(?:相关阅读|相关新闻|相关文章|相关报道|相关链接|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|更多新闻|往期回顾|热门文章|精彩推荐|Related|Related articles|Related stories|Read more|More on this|More stories|You may also like)\s*[】\]:：]?\s*$")
        .expect("static regex")
});

/// A dateline (`新华社北京9月16日电`) marks the start of the body.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}+社\p{Han}*\d+月\d+日电").expect("static regex"));

/// For each line, whether it is noise.
pub(crate) fn classify(lines: &[Line]) -> Vec<bool> {
    let mut noise: Vec<bool> = lines.iter().map(|l| is_noise_line(&l.shadow)).collect();
    // Short lines before the body starts (site labels, category names).
    let body = lines.iter().position(|l| {
        l.shadow.matches('。').count() >= 2
            || DATELINE.is_match(&l.shadow)
            || (l.shadow.len() > 120 && l.shadow.matches(". ").count() >= 1)
    });
    if let Some(body) = body {
        for (i, l) in lines.iter().enumerate().take(body) {
            let n = l.shadow.chars().count();
            let words = l.shadow.split_whitespace().count();
            let chinese = l.shadow.chars().any(super::is_han);
            let short = if chinese { n < 8 } else { words < 3 };
            if short
                && !l.shadow.contains(['。', '.'])
                && !l.shadow.chars().any(|c| c.is_ascii_digit())
            {
                noise[i] = true;
            }
        }
    }
    // Related-article lists: after their heading, the titles until real prose returns.
    let mut in_related = false;
    for (i, l) in lines.iter().enumerate() {
        if RELATED.is_match(&l.shadow) {
            noise[i] = true;
            in_related = true;
            continue;
        }
        if in_related {
            let prose = l.shadow.chars().count() >= 40
                && (l.shadow.contains('。') || l.shadow.matches(". ").count() >= 2);
            if prose {
                in_related = false;
            } else {
                noise[i] = true;
            }
        }
    }
    noise
}

fn is_noise_line(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return false;
    }
    let long = t.chars().count() > 60;
    // Prose is never furniture, whatever word it opens with; only short lines are tested
    // against the furniture rules (a caption or a footer is a line of its own).
    if !long && RULES.iter().any(|r| r.is_match(t)) {
        return true;
    }
    if long && (t.contains("http://") || t.contains("https://")) && !t.contains('。') {
        return true;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| SHARE_WORDS.contains(w))
        && (words.len() >= 2 || t.chars().count() <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for s in [
            "首页 » 常识 » 常识 » 上海合作组织成员国外长理事会会议并",
            "TUhjnbcbe - 2023/5/30 21:45:00",
            "白癜风丸价格\u{a0}https://m-mip.39.net/news/mipso_4342726.html",
            "1",
            "查看完整版本: 上海合作组织成员国外长理事会会议并",
            "推荐给朋友",
            "打印文字稿 全文打印",
            "(责任编辑:王小明)",
            "责任编辑:王小明",
            "图源:新华社",
            "新华社记者 李明 摄",
            "微信 微博 QQ空间",
            "Share Print Email",
            "版权所有 © 2021 某某网",
            "来源:新华社",
            "当前位置:首页 > 新闻 > 正文",
        ] {
            assert!(is_noise_line(s), "{s}");
        }
        for s in [
            "中俄外长商定在四方面加强合作。",
            "一是支持国际抗疫合作。",
            "编辑部认为,这次会议取得了重要成果,各方同意继续加强合作并推动落实这些成果,为地区和平发展作出贡献。",
            "The ministers agreed to cooperate in four areas.",
        ] {
            assert!(!is_noise_line(s), "{s}");
        }
    }
}
