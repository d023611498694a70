//! The renderers for people: an aligned table for the terminal and a GitHub Markdown table.
use std::io::Write;

use comfy_table::{Attribute, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::error::Result;
use crate::rows::{Cell, Rows};

pub(super) fn table(out: &mut dyn Write, rows: &Rows, styled: bool) -> Result<()> {
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

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

pub(super) fn markdown(out: &mut dyn Write, rows: &Rows) -> Result<()> {
    let header: Vec<String> = rows.columns.iter().map(|c| md_escape(c)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(rows.columns.len()))?;
    for r in &rows.rows {
        let line: Vec<String> = r.iter().map(|c| md_escape(&c.text())).collect();
        writeln!(out, "| {} |", line.join(" | "))?;
    }
    Ok(())
}

/// Several blocks for people: each under its name ("## name" in Markdown), "(none)" if empty.
pub(super) fn sections(out: &mut dyn Write, blocks: &[Rows], md: bool, styled: bool) -> Result<()> {
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if md {
            writeln!(out, "## {}\n", b.name)?;
        } else {
            writeln!(out, "{}", b.name)?;
        }
        if b.is_empty() {
            writeln!(out, "(none)")?;
        } else if md {
            markdown(out, b)?;
        } else {
            table(out, b, styled)?;
        }
    }
    Ok(())
}

/// Several blocks as one rectangular sheet: a `section` column, then the union of all columns.
pub(super) fn merged(blocks: &[Rows]) -> Rows {
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
    merged
}
