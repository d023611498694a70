//! Rendering of rows into each output format.
use std::io::Write;

use comfy_table::{Attribute, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::{Map, Value};

use super::sink::tsv_escape;
use super::{Cell, Format, Rows};
use crate::error::Result;

pub(super) fn one(out: &mut dyn Write, format: Format, rows: &Rows, styled: bool) -> Result<()> {
    match format {
        Format::Table => table(out, rows, styled),
        Format::Csv => delimited(out, rows, b','),
        Format::Tsv => tsv(out, rows),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_rows(rows))?;
            writeln!(out)?;
            Ok(())
        }
        Format::Jsonl => jsonl(out, rows, None),
        Format::Md => markdown(out, rows),
        Format::Xlsx => workbook(out, std::slice::from_ref(rows)),
    }
}

pub(super) fn many(
    out: &mut dyn Write,
    format: Format,
    blocks: &[Rows],
    styled: bool,
) -> Result<()> {
    match format {
        Format::Xlsx => workbook(out, blocks),
        Format::Table | Format::Md => {
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                if format == Format::Md {
                    writeln!(out, "## {}\n", b.name)?;
                } else {
                    writeln!(out, "{}", b.name)?;
                }
                if b.is_empty() {
                    writeln!(out, "(none)")?;
                } else if format == Format::Md {
                    markdown(out, b)?;
                } else {
                    table(out, b, styled)?;
                }
            }
            Ok(())
        }
        Format::Json => {
            let mut obj = Map::new();
            for b in blocks {
                obj.insert(b.name.clone(), json_rows(b));
            }
            serde_json::to_writer_pretty(&mut *out, &Value::Object(obj))?;
            writeln!(out)?;
            Ok(())
        }
        Format::Jsonl => {
            for b in blocks {
                jsonl(out, b, Some(&b.name))?;
            }
            Ok(())
        }
        Format::Csv | Format::Tsv => {
            // One rectangular sheet: a `section` column, then the union of all columns.
            let mut columns: Vec<String> = vec!["section".to_string()];
            for b in blocks {
                for c in &b.columns {
                    if !columns.contains(c) {
                        columns.push(c.clone());
                    }
                }
            }
            let mut merged = Rows {
                name: String::new(),
                columns: columns.clone(),
                rows: Vec::new(),
            };
            for b in blocks {
                for r in &b.rows {
                    let mut row = vec![Cell::Null; columns.len()];
                    row[0] = Cell::Text(b.name.clone());
                    for (c, v) in b.columns.iter().zip(r) {
                        if let Some(i) = columns.iter().position(|x| x == c) {
                            row[i] = v.clone();
                        }
                    }
                    merged.rows.push(row);
                }
            }
            if format == Format::Csv {
                delimited(out, &merged, b',')
            } else {
                tsv(out, &merged)
            }
        }
    }
}

fn table(out: &mut dyn Write, rows: &Rows, styled: bool) -> Result<()> {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    if styled {
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_header(
            rows.columns
                .iter()
                .map(|c| comfy_table::Cell::new(c).add_attribute(Attribute::Bold)),
        );
    } else {
        t.force_no_tty();
        t.set_header(rows.columns.iter().map(comfy_table::Cell::new));
    }
    for r in &rows.rows {
        t.add_row(r.iter().map(|c| comfy_table::Cell::new(c.text())));
    }
    writeln!(out, "{t}")?;
    Ok(())
}

fn delimited(out: &mut dyn Write, rows: &Rows, delimiter: u8) -> Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    w.write_record(&rows.columns)?;
    for r in &rows.rows {
        w.write_record(r.iter().map(Cell::text))?;
    }
    w.flush()?;
    Ok(())
}

fn tsv(out: &mut dyn Write, rows: &Rows) -> Result<()> {
    let header: Vec<String> = rows
        .columns
        .iter()
        .map(|c| tsv_escape(c).into_owned())
        .collect();
    writeln!(out, "{}", header.join("\t"))?;
    for r in &rows.rows {
        let line: Vec<String> = r
            .iter()
            .map(|c| tsv_escape(&c.text()).into_owned())
            .collect();
        writeln!(out, "{}", line.join("\t"))?;
    }
    Ok(())
}

fn json_value(c: &Cell) -> Value {
    match c {
        Cell::Null => Value::Null,
        Cell::Text(s) => Value::String(s.clone()),
        Cell::Int(i) => Value::from(*i),
        Cell::Real(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
    }
}

fn json_object(columns: &[String], r: &[Cell], section: Option<&str>) -> Value {
    let mut m = Map::new();
    if let Some(s) = section {
        m.insert("section".to_string(), Value::String(s.to_string()));
    }
    for (c, v) in columns.iter().zip(r) {
        m.insert(c.clone(), json_value(v));
    }
    Value::Object(m)
}

fn json_rows(rows: &Rows) -> Value {
    Value::Array(
        rows.rows
            .iter()
            .map(|r| json_object(&rows.columns, r, None))
            .collect(),
    )
}

fn jsonl(out: &mut dyn Write, rows: &Rows, section: Option<&str>) -> Result<()> {
    for r in &rows.rows {
        serde_json::to_writer(&mut *out, &json_object(&rows.columns, r, section))?;
        writeln!(out)?;
    }
    Ok(())
}

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

fn markdown(out: &mut dyn Write, rows: &Rows) -> Result<()> {
    let header: Vec<String> = rows.columns.iter().map(|c| md_escape(c)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(rows.columns.len()))?;
    for r in &rows.rows {
        let line: Vec<String> = r.iter().map(|c| md_escape(&c.text())).collect();
        writeln!(out, "| {} |", line.join(" | "))?;
    }
    Ok(())
}

/// An XLSX workbook with one sheet per block, through the same writer `export` uses, built
/// in a temporary file and then copied to `out`.
fn workbook(out: &mut dyn Write, blocks: &[Rows]) -> Result<()> {
    use super::sink::Sink;
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = dir.join(format!(".stancedb-{}-{nanos}.xlsx", std::process::id()));
    let result = (|| -> Result<Vec<u8>> {
        let mut book = super::xlsx::Xlsx::new(&dir)?;
        for b in blocks {
            book.begin(if b.name.is_empty() { "rows" } else { &b.name }, &b.columns)?;
            for r in &b.rows {
                book.row(r)?;
            }
            book.end()?;
        }
        book.save(&path)?;
        Ok(std::fs::read(&path)?)
    })();
    let _ = std::fs::remove_file(&path);
    out.write_all(&result?)?;
    Ok(())
}
