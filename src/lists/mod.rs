//! Reading the signatory lists printed in a text: numbered, bulleted or plain lines under a
//! heading, "Country, Party" and "Party (Country)" lines, inline lists after "signed by",
//! several groups, and the same in stored HTML. A list ends at the first line that is not an
//! entry (prose, a date, a closing formula). Where none is found, `NotFound` says which forms
//! were looked for and which lines came close.
pub mod countries;
pub mod forms;
mod html;
mod inline;

use forms::Line;

/// One row of a printed list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of the text the entry is printed on.
    pub line: usize,
    pub group: Option<String>,
    /// The printed number, else the place in its group.
    pub position: i64,
    /// The party part of the entry, as printed.
    pub name: String,
    /// The country printed with it ("Greece" of "Greece, Communist Party of Greece").
    pub country: Option<String>,
}

/// The forms a reader looks for, for the message when none is found.
pub const FORMS_LOOKED_FOR: &str = "numbered (1. 1) (1)) or bulleted lines; plain lines under a heading ending in \":\" or such as \"Signatories\"; \"Country, Party\", \"Country – Party\", \"Country: Party\", \"Party (Country)\" lines; an inline list after \"signed by\"; the same in HTML (<ol>, <ul>, <p>, <br>)";

/// No list in a text: the lines that came closest, each with why it was not taken.
#[derive(Debug, Default)]
pub struct NotFound {
    pub near_misses: Vec<(usize, String, &'static str)>,
}

impl NotFound {
    /// The near misses as one clause ("line 3 'x' (a sentence); …").
    pub fn describe(&self) -> String {
        if self.near_misses.is_empty() {
            return "no line came close".to_string();
        }
        let shown: Vec<String> = self
            .near_misses
            .iter()
            .take(3)
            .map(|(l, t, why)| format!("line {l} “{}” ({why})", crate::error::clip(t)))
            .collect();
        format!("lines it almost took: {}", shown.join("; "))
    }
}

/// A list being read.
#[derive(Default)]
struct Block {
    group: Option<String>,
    signatory: bool,
    /// Entries need no marker: the block is plain lines under a heading (or country lines).
    plain: bool,
    entries: Vec<Entry>,
}

/// The reader's state over the lines of a text.
#[derive(Default)]
struct Reader {
    out: Vec<Entry>,
    block: Option<Block>,
    /// The last heading (text, names signatories, takes plain lines).
    heading: Option<(String, bool, bool)>,
    misses: NotFound,
}

impl Reader {
    fn close(&mut self) {
        let Some(b) = self.block.take() else { return };
        let like = b
            .entries
            .iter()
            .filter(|e| forms::organisation_like(&e.name) || e.country.is_some())
            .count();
        let enough = b.signatory
            || (like * 2 >= b.entries.len()
                && (!b.plain || b.entries.len() >= 2 || b.group.is_some()));
        if enough {
            self.out.extend(b.entries);
        } else if let Some(e) = b.entries.first() {
            self.miss(
                e.line,
                &e.name,
                "a list that does not read as organisations",
            );
        }
    }

    fn miss(&mut self, line: usize, text: &str, why: &'static str) {
        if self.misses.near_misses.len() < 10 {
            self.misses.near_misses.push((line, text.to_string(), why));
        }
    }

    /// Start a block under the last heading unless one is open.
    fn open(&mut self, plain: bool) -> &mut Block {
        if self.block.is_none() {
            let (group, signatory, _) = self.heading.take().unwrap_or_default();
            self.block = Some(Block {
                group: (!group.is_empty()).then_some(group),
                signatory,
                plain,
                entries: Vec::new(),
            });
        }
        self.block.as_mut().expect("just opened")
    }

    fn push(&mut self, line: usize, number: Option<i64>, text: &str, plain: bool) {
        let (name, country) = forms::split_country(text);
        let block = self.open(plain);
        let position = number.unwrap_or(block.entries.len() as i64 + 1);
        let group = block.group.clone();
        block.entries.push(Entry {
            line,
            group,
            position,
            name: name.to_string(),
            country: country.map(str::to_string),
        });
    }

    fn plain_line(&mut self, line: usize, t: &str) {
        if let Some(at) = inline::lead_in(t) {
            let names = inline::names(&t[at..]);
            if names.is_empty() {
                self.close();
                self.heading = Some((forms::heading(t).unwrap_or_default(), true, true));
                return;
            }
            if names.len() >= 2 || forms::entry(names[0]).is_some() {
                self.close();
                self.heading = Some((String::new(), true, false));
                for n in names {
                    if let Some(e) = forms::entry(n) {
                        self.push(line, None, e, false);
                    }
                }
                self.close();
                return;
            }
        }
        if let Some(group) = forms::heading(t) {
            self.close();
            let signatory = forms::signatory_heading(t);
            self.heading = Some((group, signatory, true));
            return;
        }
        let in_plain = self.block.as_ref().is_some_and(|b| b.plain);
        let after_heading = self.block.is_none() && self.heading.as_ref().is_some_and(|h| h.2);
        let entry = forms::entry(t);
        let country_line = entry.is_some_and(|e| forms::split_country(e).1.is_some());
        match entry {
            Some(e) if in_plain || after_heading || (self.block.is_none() && country_line) => {
                self.push(line, None, e, true)
            }
            Some(e) => {
                // A short line between lists: the heading of the next one ("Other Parties").
                self.close();
                self.heading = Some((e.to_string(), forms::signatory_heading(e), false));
            }
            None => {
                if self.block.is_some() || self.heading.is_some() {
                    self.miss(line, t, "not an entry: the list ends here");
                }
                self.close();
                self.heading = None;
            }
        }
    }

    fn line(&mut self, line: usize, text: &str) {
        match forms::classify(text) {
            Line::Blank => {}
            Line::Item(number, t) => match forms::entry(t) {
                Some(e) => self.push(line, number, e, false),
                None => {
                    if t.split_whitespace().count() <= 16 {
                        self.miss(line, t, "an item that reads as a sentence, date or closing");
                    }
                    self.close();
                    self.heading = None;
                }
            },
            Line::Plain(t) => self.plain_line(line, t),
        }
    }
}

/// Every entry of every signatory list in `text`, in printed order; or what came close.
pub fn read(text: &str) -> Result<Vec<Entry>, NotFound> {
    let mut r = Reader::default();
    if html::is_html(text) {
        for (line, t) in html::lines(text) {
            r.line(line, &t);
        }
    } else {
        for (i, t) in text.lines().enumerate() {
            r.line(i + 1, t);
        }
    }
    r.close();
    if r.out.is_empty() {
        Err(r.misses)
    } else {
        Ok(r.out)
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn reads_groups_and_skips_numbered_paragraphs() {
        let text = "Title\n\n1.   At the beginning of 2022, things happened and more things happened in many places of the country.\n\nThe statement is open.\n\nSolidNet Parties signing \n\n  1. Communist Party of Albania\n  2. Party of Labour of Austria\n\nOther Parties\n\n  1. Communist Front (Italy)\n";
        let got = read(text).expect("a list");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].group.as_deref(), Some("SolidNet Parties signing"));
        assert_eq!(got[1].position, 2);
        assert_eq!(got[2].group.as_deref(), Some("Other Parties"));
        assert_eq!(
            (got[2].name.as_str(), got[2].country.as_deref()),
            ("Communist Front", Some("Italy"))
        );
    }
}
