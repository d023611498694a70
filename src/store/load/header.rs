//! The start of a file: its encoding and profile sniffed from the first bytes (UTF-16 with or
//! without a BOM refused, a UTF-8 BOM taken off, the spreadsheet profile recognised), and its
//! header row mapped to the table's columns (a file in another separator gets a hint).
use std::io::{BufRead, BufReader, Read};

use csv::ByteRecord;

use super::tables::Column;
use crate::error::Result;
use crate::problem::{Collector, HeaderIssue, Kind, Problem};

/// Look at the first bytes: UTF-16 is refused, a UTF-8 BOM taken off, the spreadsheet profile
/// (BOM and CRLF) recognised. None when the file cannot be read as CSV at all.
pub(super) fn sniff<R: Read>(
    input: &mut BufReader<R>,
    problems: &mut Collector,
) -> Result<Option<bool>> {
    let head = input.fill_buf()?;
    let refuse = |problems: &mut Collector, kind| {
        problems.push(Problem::at(1, 1, kind));
        Ok(None)
    };
    for (bom, name) in [(b"\xFF\xFE", "FF FE"), (b"\xFE\xFF", "FE FF")] {
        if head.starts_with(bom) {
            let kind = Kind::Utf16 {
                bom: Some(name),
                endian: "",
            };
            return refuse(problems, kind);
        }
    }
    // ASCII text in UTF-16 without a BOM: every other byte is NUL.
    let pairs: Vec<&[u8]> = head.chunks_exact(2).take(8).collect();
    if pairs.len() >= 2 {
        for (zero, endian) in [(1, "little-endian"), (0, "big-endian")] {
            if pairs.iter().all(|p| p[zero] == 0 && p[1 - zero] != 0) {
                let kind = Kind::Utf16 { bom: None, endian };
                return refuse(problems, kind);
            }
        }
    }
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let crlf = head
        .iter()
        .position(|b| *b == b'\n')
        .is_some_and(|i| i > 0 && head[i - 1] == b'\r');
    if bom {
        input.consume(3);
    }
    Ok(Some(bom && crlf))
}

/// Map header fields to schema columns; reject unknown, duplicate and missing required ones.
/// The header is one line: its problems (a misspelt column is both unknown and missing) are
/// one problem, at the first place at fault.
pub(super) fn map_header(header: &ByteRecord, cols: &[Column]) -> Result<Vec<usize>, (u64, Kind)> {
    if header.len() == 1 {
        let only = header.get(0).unwrap_or_default();
        for (sep, words) in [(b';', "semicolons (;)"), (b'\t', "tabs")] {
            if only.contains(&sep) {
                return Err((1, Kind::Separator(words)));
            }
        }
    }
    let mut mapping = Vec::with_capacity(header.len());
    let mut issues = Vec::new();
    let mut first = None;
    let expected = || {
        cols.iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (i, raw) in header.iter().enumerate() {
        let issue = match std::str::from_utf8(raw).map(str::trim) {
            Err(_) => HeaderIssue::NotUtf8,
            Ok(name) => match cols.iter().position(|c| c.name == name) {
                Some(idx) if mapping.contains(&idx) => HeaderIssue::Twice(name.to_string()),
                Some(idx) => {
                    mapping.push(idx);
                    continue;
                }
                None => HeaderIssue::Unknown {
                    name: name.to_string(),
                    expected: expected(),
                },
            },
        };
        first.get_or_insert(i as u64 + 1);
        issues.push(issue);
    }
    for (idx, c) in cols.iter().enumerate() {
        if c.required && !mapping.contains(&idx) {
            first.get_or_insert(1);
            issues.push(HeaderIssue::Missing(c.name.clone()));
        }
    }
    match first {
        None => Ok(mapping),
        Some(column) => Err((column, Kind::Header(issues))),
    }
}
