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

/// The quoting state machine, fed byte by byte as the file streams past.
pub(super) struct Quoting {
    state: State,
    line: u64,
    field: u64,
    opened: (u64, u64),
    problems: Vec<Error>,
}

impl Quoting {
    pub(super) fn new() -> Self {
        Quoting {
            state: State::Start,
            line: 1,
            field: 1,
            opened: (1, 1),
            problems: Vec::new(),
        }
    }

    fn feed(&mut self, file: &str, bytes: &[u8]) {
        for &b in bytes {
            self.state = match (self.state, b) {
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, b'\n') => {
                    self.line += 1;
                    State::Quoted
                }
                (State::Quoted, _) => State::Quoted,
                (State::QuoteInQuoted, b'"') => State::Quoted,
                (State::Start, b'"') => {
                    self.opened = (self.line, self.field);
                    State::Quoted
                }
                (_, b',') => {
                    self.field += 1;
                    State::Start
                }
                (_, b'\n') => {
                    self.line += 1;
                    self.field = 1;
                    State::Start
                }
                (_, b'\r') => {
                    self.field = 1;
                    State::Start
                }
                (State::QuoteInQuoted, _) => {
                    if self.problems.len() < MAX_PROBLEMS {
                        self.problems.push(problem(
                            file,
                            self.opened.0,
                            self.opened.1,
                            "malformed CSV: text after the closing quote (a quote inside a quoted \
                             field is written twice: \"\")",
                        ));
                    }
                    State::Unquoted
                }
                (State::Start | State::Unquoted, _) => State::Unquoted,
            };
        }
    }

    /// Every quoting problem of the bytes fed so far, taken as the whole file.
    pub(super) fn finish(mut self, file: &str) -> Result<()> {
        if self.state == State::Quoted {
            self.problems.push(problem(
                file,
                self.opened.0,
                self.opened.1,
                "malformed CSV: the quoted field that starts here is never closed",
            ));
        }
        match self.problems.len() {
            0 => Ok(()),
            1 => Err(self.problems.remove(0)),
            _ => Err(Error::Many(self.problems)),
        }
    }
}

/// A reader that checks the quoting of what passes through it.
pub(super) struct Checked<'a, R> {
    inner: R,
    file: &'a str,
    pub(super) quoting: Quoting,
}

impl<'a, R> Checked<'a, R> {
    pub(super) fn new(inner: R, file: &'a str) -> Self {
        Checked {
            inner,
            file,
            quoting: Quoting::new(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Checked<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quoting.feed(self.file, &buf[..n]);
        Ok(n)
    }
}

/// Every quoting problem of a whole `body` (CSV, comma-separated, LF or CRLF), located.
#[cfg(test)]
fn check(file: &str, body: &[u8]) -> Result<()> {
    let mut q = Quoting::new();
    q.feed(file, body);
    q.finish(file)
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
