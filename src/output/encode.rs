//! The one encoder per machine format, used by command output and by `export` alike: CSV (raw,
//! or the `--excel` spreadsheet profile), TSV, JSON (an array, or an object of arrays for
//! several sections) and JSON Lines. Nothing is collected: each row is written as it arrives.
use std::borrow::Cow;
use std::io::Write;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::Result;
use crate::rows::{Cell, Sink};
use crate::values::FORMULA_STARTS;

/// A text cell made safe for a spreadsheet: a leading `'` when it begins like a formula.
pub fn neutralize(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// CSV (RFC 4180, minimal quoting, NULL = empty field) or TSV (backslash escapes).
///
/// Raw, it is exactly the seed/ format: UTF-8, LF. The Excel profile adds a UTF-8 BOM, CRLF
/// line ends and neutralises text cells that begin like a formula.
pub struct Delimited<W: Write> {
    csv: Option<csv::Writer<W>>,
    tsv: Option<W>,
    excel: bool,
}

impl<W: Write> Delimited<W> {
    pub fn csv(mut out: W, excel: bool) -> Result<Self> {
        if excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let terminator = if excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let w = csv::WriterBuilder::new()
            .terminator(terminator)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        Ok(Delimited {
            csv: Some(w),
            tsv: None,
            excel,
        })
    }

    pub fn tsv(mut out: W, excel: bool) -> Result<Self> {
        if excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        Ok(Delimited {
            csv: None,
            tsv: Some(out),
            excel,
        })
    }

    fn text<'a>(&self, cell: &'a Cell) -> Cow<'a, str> {
        match cell {
            Cell::Text(s) if self.excel => neutralize(s),
            Cell::Text(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.text()),
        }
    }

    fn write_tsv_line<'a>(&mut self, fields: impl Iterator<Item = Cow<'a, str>>) -> Result<()> {
        let end: &[u8] = if self.excel { b"\r\n" } else { b"\n" };
        if let Some(out) = self.tsv.as_mut() {
            for (i, f) in fields.enumerate() {
                if i > 0 {
                    out.write_all(b"\t")?;
                }
                out.write_all(tsv_escape(&f).as_bytes())?;
            }
            out.write_all(end)?;
        }
        Ok(())
    }
}

/// Backslash, tab, newline and CR become \\ \t \n \r.
pub(crate) fn tsv_escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return Cow::Borrowed(s);
    }
    let mut o = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    Cow::Owned(o)
}

impl<W: Write> Sink for Delimited<W> {
    fn begin(&mut self, _name: &str, columns: &[String]) -> Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.write_record(columns)?;
            return Ok(());
        }
        self.write_tsv_line(columns.iter().map(|c| Cow::Borrowed(c.as_str())))
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let fields: Vec<Cow<'_, str>> = cells.iter().map(|c| self.text(c)).collect();
        if let Some(w) = self.csv.as_mut() {
            w.write_record(fields.iter().map(|f| f.as_bytes()))?;
            return Ok(());
        }
        self.write_tsv_line(fields.into_iter())
    }

    fn end(&mut self) -> Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
        }
        if let Some(out) = self.tsv.as_mut() {
            out.flush()?;
        }
        Ok(())
    }
}

/// The shape of a JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonShape {
    /// One array of objects, an object per line.
    Array,
    /// One object per line (JSON Lines), nothing around them.
    Lines,
    /// One object whose keys are the block names, each an array of objects.
    Sections,
}

/// JSON: each row an object whose keys keep the column order, serialised by serde_json.
pub struct Json<W: Write> {
    out: W,
    shape: JsonShape,
    columns: Vec<String>,
    rows: u64,
    blocks: u64,
}

impl<W: Write> Json<W> {
    pub fn new(out: W, shape: JsonShape) -> Self {
        Json {
            out,
            shape,
            columns: Vec::new(),
            rows: 0,
            blocks: 0,
        }
    }
}

/// One row as a JSON object, keys in column order.
struct Object<'a> {
    columns: &'a [String],
    cells: &'a [Cell],
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.columns.len()))?;
        for (c, v) in self.columns.iter().zip(self.cells) {
            m.serialize_entry(c, v)?;
        }
        m.end()
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_unit(),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Int(i) => s.serialize_i64(*i),
            Cell::Real(f) if f.is_finite() => s.serialize_f64(*f),
            Cell::Real(_) => s.serialize_unit(),
            Cell::Blob(_) => s.serialize_str(&self.text()),
        }
    }
}

impl<W: Write> Sink for Json<W> {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        self.columns = columns.to_vec();
        self.rows = 0;
        if self.shape == JsonShape::Sections {
            self.out
                .write_all(if self.blocks == 0 { b"{\n" } else { b",\n" })?;
            serde_json::to_writer(&mut self.out, name)?;
            self.out.write_all(b": ")?;
        }
        if self.shape != JsonShape::Lines {
            self.out.write_all(b"[")?;
        }
        self.blocks += 1;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let before: &[u8] = match (self.shape, self.rows) {
            (JsonShape::Lines, _) => b"",
            (_, 0) => b"\n",
            _ => b",\n",
        };
        self.out.write_all(before)?;
        let object = Object {
            columns: &self.columns,
            cells,
        };
        serde_json::to_writer(&mut self.out, &object)?;
        if self.shape == JsonShape::Lines {
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        match self.shape {
            JsonShape::Lines => {}
            JsonShape::Array => {
                self.out
                    .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?
            }
            JsonShape::Sections => {
                self.out
                    .write_all(if self.rows == 0 { b"]" } else { b"\n]" })?
            }
        }
        self.out.flush()?;
        Ok(())
    }

    /// Close the object of sections; nothing to do for the other shapes.
    fn finish(&mut self) -> Result<()> {
        if self.shape == JsonShape::Sections {
            self.out
                .write_all(if self.blocks == 0 { b"{}\n" } else { b"\n}\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(shape: JsonShape, blocks: &[(&str, &[&[Cell]])]) -> String {
        let mut buf = Vec::new();
        let mut j = Json::new(&mut buf, shape);
        for (name, rows) in blocks {
            j.begin(name, &["b".to_string(), "a".to_string()]).unwrap();
            for r in *rows {
                j.row(r).unwrap();
            }
            j.end().unwrap();
        }
        j.finish().unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let row: &[Cell] = &[Cell::Int(2), Cell::from("x")];
        let text = encode(JsonShape::Array, &[("t", &[row, row])]);
        assert_eq!(
            text,
            "[\n{\"b\":2,\"a\":\"x\"},\n{\"b\":2,\"a\":\"x\"}\n]\n"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[1]["b"], 2);
    }

    #[test]
    fn json_sections_are_an_object_of_arrays() {
        let row: &[Cell] = &[Cell::Null, Cell::Real(0.5)];
        let text = encode(JsonShape::Sections, &[("one", &[row]), ("two", &[])]);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["one"][0]["a"], 0.5);
        assert!(v["one"][0]["b"].is_null());
        assert_eq!(v["two"], serde_json::json!([]));
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let row: &[Cell] = &[Cell::Blob(vec![1]), Cell::Int(-1)];
        let text = encode(JsonShape::Lines, &[("t", &[row, row])]);
        assert_eq!(text, "{\"b\":\"x'01'\",\"a\":-1}\n".repeat(2));
    }
}
