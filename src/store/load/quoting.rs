//! The file's quoting, checked before its rows are read. The csv reader is lenient where that
//! would store what the file does not say: an unclosed quote swallows the rest of the file into
//! one field, and text after a closing quote is glued onto the field (`"x"y` → `xy`). Both are
//! reported here at the line and field where the quoted field starts. A quote inside an
//! unquoted field (`He said "no"`) is kept as text, as spreadsheets read it.
use super::{MAX_PROBLEMS, problem};
use crate::error::{Error, Result};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the first byte of a field.
    Start,
    /// Inside a field that does not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: the closing quote, or the first of two.
    QuoteInQuoted,
}

/// Every quoting problem of `body` (CSV, comma-separated, LF or CRLF), located.
pub(super) fn check(file: &str, body: &[u8]) -> Result<()> {
    let mut state = State::Start;
    let (mut line, mut field) = (1u64, 1u64);
    let mut opened = (1u64, 1u64);
    let mut problems: Vec<Error> = Vec::new();
    for &b in body {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, b'\n') => {
                line += 1;
                State::Quoted
            }
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::Start, b'"') => {
                opened = (line, field);
                State::Quoted
            }
            (_, b',') => {
                field += 1;
                State::Start
            }
            (_, b'\n') => {
                line += 1;
                field = 1;
                State::Start
            }
            (_, b'\r') => {
                field = 1;
                State::Start
            }
            (State::QuoteInQuoted, _) => {
                if problems.len() < MAX_PROBLEMS {
                    problems.push(problem(
                        file,
                        opened.0,
                        opened.1,
                        "malformed CSV: text after the closing quote (a quote inside a quoted \
                         field is written twice: \"\")",
                    ));
                }
                State::Unquoted
            }
            (State::Start | State::Unquoted, _) => State::Unquoted,
        };
    }
    if state == State::Quoted {
        problems.push(problem(
            file,
            opened.0,
            opened.1,
            "malformed CSV: the quoted field that starts here is never closed",
        ));
    }
    match problems.len() {
        0 => Ok(()),
        1 => Err(problems.remove(0)),
        _ => Err(Error::Many(problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    fn place(body: &str) -> Option<String> {
        check("f", body.as_bytes()).err().map(|e| {
            let s = e.to_string();
            s.split(": ").next().unwrap_or_default().to_string()
        })
    }

    #[test]
    fn well_formed_quoting_passes() {
        assert_eq!(place("a,b\n\"x\",\"y \"\"z\"\"\"\n"), None);
        assert_eq!(place("a,b\r\n\"two\r\nlines\",\"\"\r\n"), None);
        assert_eq!(place("a,b\nHe said \"no\",x\n"), None);
        assert_eq!(place("a,b\n\"last\""), None);
    }

    #[test]
    fn problems_are_placed_where_the_quoted_field_starts() {
        assert_eq!(place("a,b\nx,\"open\ny,z\n").as_deref(), Some("f:2:2"));
        assert_eq!(place("a,b\n\"x\"y,z\n").as_deref(), Some("f:2:1"));
        assert_eq!(
            place("a,b\n\"two\nlines\",\"q\"!\n").as_deref(),
            Some("f:3:2")
        );
    }
}
