//! Progress bars on stderr for long exports and imports: drawn only when the terminal context
//! allows (stderr a terminal, no --quiet) and the work has already taken a moment, so quick
//! commands and pipes stay silent.
use std::io::Read;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Result;
use crate::rows::{Cell, Sink};
use crate::term::Term;

/// How long work runs before a bar appears.
const DELAY: Duration = Duration::from_millis(500);
/// Test hook: milliseconds each read of an import's input waits (unset in normal use), so a
/// small file is read slowly enough for the bar to appear (tests/progress.rs) instead of a
/// file large enough to take half a second on any machine.
const READ_PACE_VAR: &str = "STANCEDB_TEST_READ_PACE_MS";

fn bar(total: Option<u64>, template: &str, start: Instant, pos: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    // Started late: it begins where the work already is.
    bar.with_position(pos).with_elapsed(start.elapsed())
}

/// A sink that counts the rows passing through to `inner` and shows them as a bar.
pub struct Counted<'a> {
    inner: &'a mut dyn Sink,
    enabled: bool,
    name: String,
    total: Option<Box<dyn FnOnce() -> Option<u64> + 'a>>,
    start: Instant,
    n: u64,
    bar: Option<ProgressBar>,
}

impl<'a> Counted<'a> {
    /// `total` counts the rows to come; it is asked only if a bar is drawn.
    pub fn new(
        inner: &'a mut dyn Sink,
        term: &Term,
        name: &str,
        total: impl FnOnce() -> Option<u64> + 'a,
    ) -> Self {
        Counted {
            inner,
            enabled: term.progress(),
            name: name.to_string(),
            total: Some(Box::new(total)),
            start: Instant::now(),
            n: 0,
            bar: None,
        }
    }

    fn tick(&mut self) {
        if !self.enabled || !self.n.is_multiple_of(1024) {
            return;
        }
        if self.bar.is_none() && self.start.elapsed() >= DELAY {
            let total = self.total.take().and_then(|f| f());
            let template = match total {
                Some(_) => "{msg} {wide_bar} {human_pos}/{human_len} rows ({per_sec}, {eta} left)",
                None => "{msg} {spinner} {human_pos} rows ({per_sec}, {elapsed})",
            };
            let b = bar(total, template, self.start, self.n);
            b.set_message(self.name.clone());
            self.bar = Some(b);
        }
        if let Some(b) = &self.bar {
            b.set_position(self.n);
        }
    }
}

impl Sink for Counted<'_> {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        self.inner.begin(name, columns)
    }
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        self.inner.row(cells)?;
        self.n += 1;
        self.tick();
        Ok(())
    }
    fn end(&mut self) -> Result<()> {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        self.inner.end()
    }
    fn finish(&mut self) -> Result<()> {
        self.inner.finish()
    }
}

/// A reader that shows how far through its input an import is: bytes read of the file's size
/// (the ETA), lines read (about the rows) and the rate.
pub struct Reading<R: Read> {
    inner: R,
    enabled: bool,
    label: String,
    size: Option<u64>,
    start: Instant,
    bytes: u64,
    lines: u64,
    bar: Option<ProgressBar>,
    /// The wait before each read (the test hook), if any.
    pace: Option<Duration>,
}

impl<R: Read> Reading<R> {
    /// `size`: the input's length when known (a regular file).
    pub fn new(inner: R, term: &Term, label: &str, size: Option<u64>) -> Self {
        Reading {
            inner,
            enabled: term.progress(),
            label: label.to_string(),
            size,
            start: Instant::now(),
            bytes: 0,
            lines: 0,
            bar: None,
            pace: std::env::var(READ_PACE_VAR)
                .ok()
                .and_then(|v| v.parse().ok())
                .map(Duration::from_millis),
        }
    }

    fn show(&mut self) {
        if self.bar.is_none() && self.start.elapsed() >= DELAY {
            let template = match self.size {
                Some(_) => {
                    "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta} left)"
                }
                None => "{msg} {spinner} {binary_bytes} ({binary_bytes_per_sec}, {elapsed})",
            };
            self.bar = Some(bar(self.size, template, self.start, self.bytes));
        }
        if let Some(b) = &self.bar {
            let rate = self.lines as f64 / self.start.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!(
                "{}: {} rows ({:.0} rows/s)",
                self.label,
                self.lines.saturating_sub(1),
                rate
            ));
            b.set_position(self.bytes);
        }
    }

    /// Take the bar off the screen (the import is read; checking and committing follow).
    pub fn done(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }
}

impl<R: Read> Read for Reading<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(pace) = self.pace {
            std::thread::sleep(pace);
        }
        let n = self.inner.read(buf)?;
        if self.enabled {
            self.bytes += n as u64;
            self.lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
            self.show();
        }
        if n == 0 {
            self.done();
        }
        Ok(n)
    }
}
