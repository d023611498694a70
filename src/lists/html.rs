//! Stored HTML as lines a list reader can read: each block (`<p>`, `<li>`, `<br>`, `<div>`,
//! headings, table rows) one line, kept at the line of the source where its text starts; an
//! `<li>` of an `<ol>` numbered, of a `<ul>` bulleted; entities decoded, other tags dropped.

/// Whether `text` is HTML holding blocks a list can be printed in.
pub fn is_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["<li", "<br", "<p>", "<p ", "</p>", "<ol", "<ul"]
        .iter()
        .any(|t| lower.contains(t))
}

/// Tags that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "li",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "ol",
    "ul",
    "table",
    "blockquote",
    "section",
    "article",
    "dd",
    "dt",
];

/// (1-based source line, text) of each block's text.
pub fn lines(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut cur = String::new();
    let mut cur_line = 0;
    let mut started = false;
    let mut line = 1;
    // One counter per open list: Some(n) for <ol>, None for <ul>.
    let mut lists: Vec<Option<i64>> = Vec::new();
    let mut rest = text;
    let flush = |cur: &mut String, cur_line: usize, out: &mut Vec<(usize, String)>| {
        let t = decode(cur.trim());
        if !t.trim().is_empty() {
            out.push((cur_line, t.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        cur.clear();
    };
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let tag = &rest[1..end];
            line += tag.matches('\n').count();
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if BLOCKS.contains(&name.as_str()) {
                flush(&mut cur, cur_line, &mut out);
                started = false;
                match (name.as_str(), closing) {
                    ("ol", false) => lists.push(Some(0)),
                    ("ul", false) => lists.push(None),
                    ("ol" | "ul", true) => {
                        lists.pop();
                    }
                    ("li", false) => match lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            cur.push_str(&format!("{n}. "));
                        }
                        _ => cur.push_str("- "),
                    },
                    _ => {}
                }
            } else if matches!(name.as_str(), "script" | "style") && !closing {
                let close = format!("</{name}");
                let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                line += rest[..skip].matches('\n').count();
                rest = &rest[skip..];
                continue;
            }
            rest = &rest[end + 1..];
            continue;
        }
        if c == '\n' {
            line += 1;
            cur.push(' ');
        } else {
            if !started && !c.is_whitespace() {
                cur_line = line;
                started = true;
            }
            cur.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut cur, cur_line, &mut out);
    out
}

/// The text with its character references decoded.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let ch = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn list_items_become_numbered_lines_at_their_source_line() {
        let html = "<p>Signatories:</p>\n<ol>\n<li>Party A &amp; B</li>\n<li>Party C</li></ol><ul><li>Party D<br>Party E</li></ul>";
        let got = lines(html);
        assert_eq!(got[0], (1, "Signatories:".to_string()));
        assert_eq!(got[1], (3, "1. Party A & B".to_string()));
        assert_eq!(got[2], (4, "2. Party C".to_string()));
        assert_eq!(got[3], (4, "- Party D".to_string()));
        assert_eq!(got[4], (4, "Party E".to_string()));
    }
}
