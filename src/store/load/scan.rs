//! The file as it streams past the CSV reader, byte by byte, in constant memory:
//! - lines, counted as Python's `csv` and editors count them (LF, CRLF and a lone CR each end
//!   one line, also inside a quoted field), so every record is placed on the line it starts;
//! - quoting the lenient reader would silently repair (an unclosed quote swallowing the rest of
//!   the file, text glued after a closing quote), placed where the quoted field starts;
//! - limits: a row that never ends or has more fields than any table has columns stops the
//!   read right there, before it fills memory.
//!
//! A quote inside an unquoted field (`He said "no"`) is kept as text, as spreadsheets read it.
use std::collections::VecDeque;

use crate::problem::{Kind, Problem};

/// No table has anywhere near this many columns.
pub const MAX_FIELDS: u64 = 1_000;
/// A row (every field, with its separators) is at most this long: fields are at most 100 kB.
pub const MAX_RECORD_BYTES: u64 = 4_000_000;
/// Quoting problems kept (the rest are counted).
const MAX_QUOTING: usize = 5;

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

/// The scanning state machine.
pub(super) struct Scan {
    state: State,
    /// Bytes seen.
    offset: u64,
    line: u64,
    field: u64,
    after_cr: bool,
    /// At the start of a record (after a line end outside quotes, or at the start).
    new_record: bool,
    record_bytes: u64,
    opened: (u64, u64),
    /// (offset, line) of the records started and not yet claimed by the reader.
    starts: VecDeque<(u64, u64)>,
    last_line: u64,
    pub(super) quoting: Vec<Problem>,
    pub(super) quoting_more: u64,
    /// The limit that stopped the read, if one did (taken when reported).
    pub(super) limit: Option<Problem>,
    /// A limit stopped the read: the rest of the file was never seen.
    stopped: bool,
}

impl Scan {
    pub(super) fn new() -> Self {
        Scan {
            state: State::Start,
            offset: 0,
            line: 1,
            field: 1,
            after_cr: false,
            new_record: true,
            record_bytes: 0,
            opened: (1, 1),
            starts: VecDeque::new(),
            last_line: 1,
            quoting: Vec::new(),
            quoting_more: 0,
            limit: None,
            stopped: false,
        }
    }

    fn end_line(&mut self, b: u8) {
        if !(b == b'\n' && self.after_cr) {
            self.line += 1;
        }
    }

    /// Feed bytes; false once a limit is reached (the read must stop).
    fn feed(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            let is_end = b == b'\n' || b == b'\r';
            if self.state == State::Start && self.new_record && !is_end {
                self.starts.push_back((self.offset, self.line));
                self.new_record = false;
                self.record_bytes = 0;
            }
            self.offset += 1;
            self.record_bytes += 1;
            self.state = self.step(b);
            self.after_cr = b == b'\r';
            if let Some(kind) = self.over_limit() {
                self.limit = Some(Problem::at(self.last_start_line(), self.field, kind));
                self.stopped = true;
                return false;
            }
        }
        true
    }

    fn step(&mut self, b: u8) -> State {
        match (self.state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, b'\n' | b'\r') => {
                self.end_line(b);
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
            (_, b'\n' | b'\r') => {
                self.end_line(b);
                self.field = 1;
                self.new_record = true;
                State::Start
            }
            (State::QuoteInQuoted, _) => {
                let p = Problem::at(self.opened.0, self.opened.1, Kind::AfterQuote);
                if self.quoting.len() < MAX_QUOTING {
                    self.quoting.push(p);
                } else {
                    self.quoting_more += 1;
                }
                State::Unquoted
            }
            (State::Start | State::Unquoted, _) => State::Unquoted,
        }
    }

    fn over_limit(&self) -> Option<Kind> {
        if self.field > MAX_FIELDS {
            Some(Kind::TooManyFields {
                limit: MAX_FIELDS as usize,
            })
        } else if self.record_bytes > MAX_RECORD_BYTES {
            Some(Kind::RecordTooLong {
                limit: MAX_RECORD_BYTES as usize,
            })
        } else {
            None
        }
    }

    fn last_start_line(&self) -> u64 {
        self.starts.back().map_or(self.last_line, |s| s.1)
    }

    /// The line of the record the reader positions at byte `offset` (the reader's position may
    /// point at the line end or blank lines before the record: the record is the first to
    /// start at or after it).
    pub(super) fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&(start, line)) = self.starts.front() {
            if start >= offset {
                self.last_line = line;
                return line;
            }
            self.starts.pop_front();
        }
        self.last_line
    }

    /// The quoting problems, with the whole file seen (a quote still open when a limit
    /// stopped the read is not known to be unclosed).
    pub(super) fn finish(&mut self) {
        if self.state == State::Quoted && !self.stopped {
            self.quoting
                .push(Problem::at(self.opened.0, self.opened.1, Kind::Unclosed));
            self.state = State::Start;
        }
    }
}

/// A reader that scans what passes through it.
pub(super) struct Scanned<R> {
    inner: R,
    pub(super) scan: Scan,
}

impl<R> Scanned<R> {
    pub(super) fn new(inner: R) -> Self {
        Scanned {
            inner,
            scan: Scan::new(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Scanned<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.scan.stopped {
            return Err(std::io::Error::other("input limit reached"));
        }
        let n = loop {
            match self.inner.read(buf) {
                // A signal interrupts a blocked read (no SA_RESTART): stop if it was ours.
                Err(e)
                    if e.kind() == std::io::ErrorKind::Interrupted
                        && crate::signals::received().is_none() => {}
                other => break other?,
            }
        };
        if !self.scan.feed(&buf[..n]) {
            return Err(std::io::Error::other("input limit reached"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::Scan;

    /// Where the first quoting problem of `body` is, as LINE:FIELD.
    fn place(body: &str) -> Option<String> {
        let mut s = Scan::new();
        s.feed(body.as_bytes());
        s.finish();
        s.quoting
            .first()
            .map(|p| format!("{}:{}", p.line, p.column))
    }

    /// The line of each record start.
    fn lines(body: &str) -> Vec<u64> {
        let mut s = Scan::new();
        s.feed(body.as_bytes());
        s.starts.iter().map(|&(_, l)| l).collect()
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
        assert_eq!(place("a,b\nx,\"open\ny,z\n").as_deref(), Some("2:2"));
        assert_eq!(place("a,b\n\"x\"y,z\n").as_deref(), Some("2:1"));
        assert_eq!(
            place("a,b\n\"two\nlines\",\"q\"!\n").as_deref(),
            Some("3:2")
        );
    }

    #[test]
    fn every_line_end_counts_once() {
        assert_eq!(lines("a\nb\nc\n"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc\r\n"), [1, 2, 3]);
        assert_eq!(lines("a\rb\rc\r"), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\rc\nd"), [1, 2, 3, 4]);
        assert_eq!(lines("a\n\n\r\nb\n"), [1, 4]);
        assert_eq!(lines("a\n\"x\r\ny\",z\nb\n"), [1, 2, 4]);
    }

    #[test]
    fn a_row_without_end_stops_at_the_limit() {
        let mut s = Scan::new();
        let chunk = vec![b'x'; 1 << 20];
        let mut fed = 0;
        while s.feed(&chunk) {
            fed += 1;
            assert!(fed < 10, "never stopped");
        }
        assert!(s.limit.is_some());
        let mut s = Scan::new();
        assert!(!s.feed(",".repeat(2_000).as_bytes()));
    }
}
