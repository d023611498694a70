//! Text as a terminal shows it: display width (wide scripts count double), control
//! characters escaped, prose cut with `…` or wrapped at word boundaries.
use unicode_width::UnicodeWidthStr;

use crate::rows::Cell;

/// The text of a cell as a terminal shows it: control characters escaped, one line.
pub fn display(cell: &Cell) -> String {
    let text = cell.text();
    if !text.chars().any(char::is_control) {
        return text;
    }
    let mut o = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if c.is_control() => o.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => o.push(c),
        }
    }
    o
}

/// How many terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `w` columns, ending in `…` when cut (at a word boundary when one is near).
/// A snippet that marks its match in »…« is cut at both ends around the match, which stays
/// whole (a match wider than `w` keeps its start).
pub fn cut(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    if let Some(open) = s.find('»')
        && let Some(close) = s[open..].find('«').map(|c| c + open + '«'.len_utf8())
    {
        return around(&s[..open], &s[open..close], &s[close..], w);
    }
    head(s, w)
}

/// A snippet cut to `w` columns keeping `mid` whole and as much of either side as fits,
/// the room shared evenly (a side that needs less gives the rest to the other).
fn around(before: &str, mid: &str, after: &str, w: usize) -> String {
    if width(mid) > w {
        return s_head(mid, w.saturating_sub(1)) + "…";
    }
    let room = w.saturating_sub(width(mid));
    let (bw, aw) = (width(before), width(after));
    let a_room = aw.min(room - (room / 2).min(bw));
    let b_room = bw.min(room - a_room);
    let left = match b_room {
        r if r >= bw => before.to_string(),
        0 => String::new(),
        r => format!("…{}", tail_width(before, r - 1).trim_start()),
    };
    let right = match a_room {
        r if r >= aw => after.to_string(),
        0 => String::new(),
        r => {
            let mut h = s_head(after, r - 1);
            h.truncate(h.trim_end().len());
            h + "…"
        }
    };
    format!("{left}{mid}{right}")
}

/// The first characters of `s` that fit in `w` columns (maybe none).
fn s_head(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out
}

/// The last characters of `s` that fit in `w` columns.
fn tail_width(s: &str, w: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.into_iter().rev().collect()
}

/// `s` cut from its end to `w` columns.
fn head(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if let Some(i) = out.rfind(' ').filter(|i| *i * 3 >= out.len() * 2) {
        out.truncate(i);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `text` wrapped at word boundaries to `w` columns (a word longer than `w` is broken).
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ').filter(|s| !s.is_empty()) {
        let mut word = word.to_string();
        while width(&word) > w {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let head: String = take_width(&word, w);
            word = word[head.len()..].to_string();
            lines.push(head);
        }
        if cur.is_empty() {
            cur = word;
        } else if width(&cur) + 1 + width(&word) <= w {
            cur.push(' ');
            cur.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut cur, word));
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

fn take_width(s: &str, w: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) > w {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        out.extend(s.chars().next());
    }
    out
}
