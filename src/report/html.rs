//! HTML building blocks for the report: escaping every text, the page frame (head, navigation,
//! footer) written straight to its file, and small pieces used on every page.
use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::Result;

/// Text escaped for HTML content and attribute values (`& < > " '`).
pub struct E<'a>(pub &'a str);

impl fmt::Display for E<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// An optional text, escaped; nothing when absent.
pub struct O<'a>(pub &'a Option<String>);

impl fmt::Display for O<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(s) => E(s).fmt(f),
            None => Ok(()),
        }
    }
}

/// A text in its language: `<span lang=… dir=auto>` unless it is the page's language
/// (English); always isolated so right-to-left text keeps its order.
pub struct L<'a>(pub &'a str, pub Option<&'a str>);

impl fmt::Display for L<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(lang) if lang != "en" => {
                write!(f, "<bdi lang=\"{}\">{}</bdi>", E(lang), E(self.0))
            }
            _ => write!(f, "<bdi>{}</bdi>", E(self.0)),
        }
    }
}

/// A stance value as a coloured badge that also says it in words.
pub struct V<'a>(pub &'a str);

impl fmt::Display for V<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<span class=\"v v-{}\">{}</span>",
            E(self.0),
            E(&value_label(self.0))
        )
    }
}

/// How a stance value is written for readers.
pub fn value_label(v: &str) -> String {
    v.replace('_', " ")
}

/// The order of the camps.
pub const VALUES: [&str; 4] = ["support", "oppose", "ambivalent", "none_found"];

/// One HTML page being written to its file.
pub struct Page {
    w: BufWriter<File>,
    /// "" for the top folder, "../" for a page one folder down.
    pub root: &'static str,
}

/// Which top-level page the navigation marks as current.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Index,
    Matrix,
    Network,
    None,
}

impl Page {
    /// Create `dir/rel` and write the page head up to the start of `<main>`.
    pub fn create(dir: &Path, rel: &str, title: &str, nav: Nav) -> Result<Page> {
        let root = if rel.contains('/') { "../" } else { "" };
        let file = File::create(dir.join(rel))?;
        let mut page = Page {
            w: BufWriter::with_capacity(64 * 1024, file),
            root,
        };
        page.head(title, nav)?;
        Ok(page)
    }

    fn head(&mut self, title: &str, nav: Nav) -> Result<()> {
        let r = self.root;
        let cur = |n: Nav| {
            if n == nav {
                " aria-current=\"page\""
            } else {
                ""
            }
        };
        write!(
            self.w,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"stancedb\">\n\
             <title>{t} · stancedb report</title>\n\
             <link rel=\"stylesheet\" href=\"{r}assets/style.css\">\n\
             <script src=\"{r}assets/report.js\" defer></script>\n</head>\n<body>\n\
             <header class=\"top\"><nav aria-label=\"Report\"><a href=\"{r}index.html\"{a}>Overview</a> \
             <a href=\"{r}matrix.html\"{b}>Matrix</a> <a href=\"{r}network.html\"{c}>Network</a></nav></header>\n\
             <main>\n",
            t = E(title),
            a = cur(Nav::Index),
            b = cur(Nav::Matrix),
            c = cur(Nav::Network),
        )?;
        Ok(())
    }

    /// Close `<main>`, write the footer and flush the file.
    pub fn finish(mut self) -> Result<()> {
        self.w.write_all(
            b"</main>\n<footer>Written by stancedb from its database. Every stance links to the \
              document that proves it.</footer>\n</body>\n</html>\n",
        )?;
        self.w.flush()?;
        Ok(())
    }

    /// Write formatted HTML (the caller escapes every text with `E`, `O`, `L`).
    pub fn put(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        self.w.write_fmt(args)?;
        Ok(())
    }

    /// Write literal HTML.
    pub fn raw(&mut self, s: &str) -> Result<()> {
        self.w.write_all(s.as_bytes())?;
        Ok(())
    }
}

/// `write!` into a page, escaping being the caller's business.
macro_rules! put {
    ($page:expr, $($arg:tt)*) => { $page.put(format_args!($($arg)*)) };
}
pub(crate) use put;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_markup_character_is_escaped() {
        let hostile = "\"><img src=x onerror=alert(1)><script>alert('x')</script>&";
        let out = E(hostile).to_string();
        assert_eq!(
            out,
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
    }

    #[test]
    fn texts_in_another_language_carry_their_lang() {
        assert_eq!(
            L("КПРФ", Some("ru")).to_string(),
            "<bdi lang=\"ru\">КПРФ</bdi>"
        );
        assert_eq!(L("KPRF", Some("en")).to_string(), "<bdi>KPRF</bdi>");
    }
}
