//! The matrix: organisations × issues, each cell its current value in words and colour
//! (a colour-blind-safe palette), linking to the evidence; columns sortable with the script.
use super::Site;
use super::html::{E, Nav, O, Page, V, VALUES, put};
use crate::error::Result;
use crate::store::report as q;

/// Write matrix.html.
pub fn page(site: &Site) -> Result<()> {
    let mut p = Page::create(&site.dir, "matrix.html", "Matrix", Nav::Matrix)?;
    p.raw(
        "<h1>Organisations × issues</h1>\n<p class=\"lede\">Each cell is the organisation's current \
         stance; it links to the evidence on the organisation's page. Organisations are in alphabetical \
         order of their id; with the script on, a click on a column heading sorts by it.</p>\n<div class=\"legend\">",
    )?;
    for v in VALUES {
        put!(p, "{}", V(v))?;
    }
    p.raw(
        "<span class=\"meta\">· no stance recorded</span></div>\n<div class=\"scroll\">\
         <table class=\"matrix sortable\"><thead><tr><th>Organisation</th><th>Country</th>",
    )?;
    let issues: Vec<&String> = site.issues.keys().collect();
    for id in &issues {
        put!(
            p,
            "<th><a href=\"issue/{}.html\">{}</a></th>",
            E(id),
            E(site.title(id))
        )?;
    }
    p.raw("</tr></thead><tbody>\n")?;
    let mut row: Option<Line> = None;
    q::cells(site.store, |(org, name, country, issue, value)| {
        if !site.has_org(&org) {
            return Ok(());
        }
        let Some(col) = issues.iter().position(|i| **i == issue) else {
            return Ok(());
        };
        if row.as_ref().is_none_or(|r| r.0 != org) {
            if let Some(r) = row.take() {
                line(&mut p, &r, &issues)?;
            }
            row = Some((org, name, country, vec![None; issues.len()]));
        }
        if let Some(r) = row.as_mut() {
            r.3[col] = Some(value);
        }
        Ok(())
    })?;
    if let Some(r) = row.take() {
        line(&mut p, &r, &issues)?;
    }
    p.raw("</tbody></table></div>\n")?;
    p.finish()
}

type Line = (String, String, Option<String>, Vec<Option<String>>);

/// One organisation's row; each cell links to its stance timeline on that issue.
fn line(p: &mut Page, r: &Line, issues: &[&String]) -> Result<()> {
    put!(
        p,
        "<tr><th scope=\"row\"><a href=\"org/{}.html\"><bdi>{}</bdi></a></th><td>{}</td>",
        E(&r.0),
        E(&r.1),
        O(&r.2)
    )?;
    for (v, issue) in r.3.iter().zip(issues) {
        match v {
            Some(v) => {
                let k = VALUES.iter().position(|x| x == v).unwrap_or(4);
                put!(
                    p,
                    "<td class=\"cell\" data-sort=\"{k}\"><a href=\"org/{}.html#issue-{}\">{}</a></td>",
                    E(&r.0),
                    E(issue),
                    V(v)
                )?;
            }
            None => {
                p.raw("<td class=\"cell\" data-sort=\"9\"><span class=\"meta\">·</span></td>")?
            }
        }
    }
    p.raw("</tr>\n")
}
