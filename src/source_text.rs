//! Reading a document text a user names: UTF-8 plain text as it is, Markdown and HTML turned
//! into the plain text a reader sees (pulldown-cmark, html2text), so quotes are matched
//! against words, not markup. PDF-derived text keeps its line breaks: `quotes` folds them.
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::output::{Cell, Rows};
use crate::store::texts::{self, NewText};

/// What the input was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Read `path` and turn it into plain text.
pub fn read(path: &Path) -> Result<(Format, String)> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::input(format!("{}: cannot read: {e}", path.display())))?;
    convert(&bytes, path)
}

/// Turn the bytes of `path` into plain text (the format from the extension or the content).
pub fn convert(bytes: &[u8], path: &Path) -> Result<(Format, String)> {
    let name = path.display();
    if bytes.starts_with(b"%PDF") {
        return Err(Error::input(format!(
            "{name}: is a PDF; extract its text first (e.g. pdftotext -layout) and add the text file"
        )));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::input(format!("{name}: is UTF-16; save it as UTF-8")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::input(format!(
            "{name}: is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.valid_up_to()
        ))
    })?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let head = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        _ if head.starts_with("<!doctype html") || head.starts_with("<html") => Format::Html,
        _ => Format::Text,
    };
    let plain = match format {
        Format::Text => text.to_string(),
        Format::Markdown => markdown(text),
        Format::Html => html(text, &name.to_string())?,
    };
    if plain.trim().is_empty() {
        return Err(Error::input(format!("{name}: has no text")));
    }
    Ok((format, plain))
}

/// Store the text of `path` as a text of `document_id` inside the caller's transaction, and
/// prove against it every verbatim row quoted from the document; a row of `stored_rows`.
pub fn store_file(
    conn: &Connection,
    document_id: &str,
    path: &Path,
    lang: Option<&str>,
) -> Result<Vec<Cell>> {
    let (format, text) = read(path)?;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if let Some(f) = &file
        && f.contains('/')
    {
        return Err(Error::input(format!(
            "{}: a file name with '/'",
            path.display()
        )));
    }
    let id = texts::store_text(
        conn,
        &NewText {
            document_id,
            lang,
            file: file.as_deref(),
            format: format.as_str(),
            text: &text,
        },
    )?;
    let (found, missing) = crate::quotes::prove_stored(conn, document_id)?;
    Ok(vec![
        Cell::from(id),
        Cell::from(document_id),
        Cell::from(file),
        Cell::from(format.as_str()),
        Cell::from(text.chars().count() as i64),
        Cell::from(found as i64),
        Cell::from(missing as i64),
    ])
}

/// The table `store_file` rows go in.
pub fn stored_rows() -> Rows {
    Rows::new(
        "texts",
        &[
            "text_id",
            "document",
            "file",
            "format",
            "characters",
            "proven",
            "not_found",
        ],
    )
}

fn html(text: &str, name: &str) -> Result<String> {
    let fail = |e: html2text::Error| Error::input(format!("{name}: cannot read the HTML: {e}"));
    let config = html2text::config::plain_no_decorate();
    let dom = config.parse_html(text.as_bytes()).map_err(fail)?;
    strip_unseen(&dom.document);
    let tree = config.dom_to_render_tree(&dom).map_err(fail)?;
    // Wide enough that html2text never wraps a paragraph: line breaks stay the document's.
    config.render_to_string(tree, 100_000).map_err(fail)
}

/// Take out what a reader of the page does not see, so no quote is proven by it: script,
/// style and template elements, and elements marked `hidden` or `aria-hidden="true"` or
/// styled `display: none` or `visibility: hidden`. Iterative: nesting depth costs no stack.
fn strip_unseen(root: &html2text::Handle) {
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        node.children.borrow_mut().retain(|c| !unseen(c));
        stack.extend(node.children.borrow().iter().cloned());
    }
}

fn unseen(node: &html2text::Handle) -> bool {
    let html2text::Element { name, attrs, .. } = &node.data else {
        return false;
    };
    if matches!(&*name.local, "script" | "style" | "template") {
        return true;
    }
    attrs.borrow().iter().any(|a| match &*a.name.local {
        "hidden" => true,
        "aria-hidden" => a.value.trim().eq_ignore_ascii_case("true"),
        "style" => {
            let style: String = a
                .value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        _ => false,
    })
}

fn markdown(text: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(text.len());
    for ev in Parser::new(text) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_),
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::CodeBlock) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Format, convert};
    use std::path::Path;

    #[test]
    fn markdown_and_html_become_plain_text() {
        let (f, t) = convert(
            b"# Title\n\nWe *strongly* denounce [it](http://x).",
            Path::new("a.md"),
        )
        .expect("markdown");
        assert_eq!(f, Format::Markdown);
        assert!(t.contains("We strongly denounce it."), "{t}");
        let (f, t) = convert(
            b"<html><body><p>Kick out all <b>Russian</b> troops!</p></body></html>",
            Path::new("a.html"),
        )
        .expect("html");
        assert_eq!(f, Format::Html);
        assert!(t.contains("Kick out all Russian troops!"), "{t}");
    }

    #[test]
    fn hidden_script_and_style_text_is_not_kept() {
        let page = "<p>Seen words.</p><div hidden>Hidden one.</div>\
            <span style=\"display: none\">Hidden two.</span><p aria-hidden=\"true\">Hidden three.</p>\
            <script>var hiddenFour = 1;</script><style>p { color: red }</style><p>More seen.</p>";
        let (_, text) = convert(page.as_bytes(), Path::new("page.html")).expect("converts");
        assert!(
            text.contains("Seen words.") && text.contains("More seen."),
            "{text}"
        );
        assert!(
            !text.contains("Hidden") && !text.contains("color"),
            "{text}"
        );
    }

    #[test]
    fn refuses_what_is_not_utf8_text() {
        assert!(convert(b"%PDF-1.4", Path::new("a.pdf")).is_err());
        assert!(convert(b"\xff\xfeh\x00", Path::new("a.txt")).is_err());
        assert!(convert(b"caf\xe9", Path::new("a.txt")).is_err());
        assert!(convert(b"  \n", Path::new("a.txt")).is_err());
    }
}
