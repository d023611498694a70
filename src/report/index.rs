//! The front page: issues, statements and organisations with their counts, and the search
//! box fed by a small client-side index (assets/search-index.js, written alongside).
use std::fs::File;
use std::io::{BufWriter, Write};

use super::Site;
use super::html::{E, L, Nav, O, Page, put};
use crate::error::Result;
use crate::store::report as q;

/// The client-side search index: one `[text, href, what, lang]` entry per line.
struct SearchIndex(BufWriter<File>);

impl SearchIndex {
    fn create(site: &Site) -> Result<Self> {
        let mut w = BufWriter::new(File::create(site.dir.join("assets/search-index.js"))?);
        w.write_all(b"// stancedb report: names and titles for the search box.\nwindow.STANCEDB_INDEX = [\n")?;
        Ok(SearchIndex(w))
    }
    fn add(&mut self, text: &str, href: &str, what: &str, lang: Option<&str>) -> Result<()> {
        serde_json::to_writer(&mut self.0, &(text, href, what, lang.unwrap_or("")))?;
        self.0.write_all(b",\n")?;
        Ok(())
    }
    fn finish(mut self) -> Result<()> {
        self.0.write_all(b"];\n")?;
        self.0.flush()?;
        Ok(())
    }
}

pub fn page(site: &Site) -> Result<()> {
    let mut p = Page::create(&site.dir, "index.html", "Overview", Nav::Index)?;
    let mut idx = SearchIndex::create(site)?;
    p.raw(
        "<h1>Who stands where</h1>\n<p class=\"lede\">Organisations, the statements they signed and \
         their stances on each issue, every claim one click from the document that proves it.</p>\n\
         <div id=\"search\" hidden><label for=\"q\">Search names in any script, titles and issues</label><br>\
         <input id=\"q\" type=\"search\" autocomplete=\"off\"><ul id=\"hits\" aria-live=\"polite\"></ul></div>\n",
    )?;
    issues(site, &mut p, &mut idx)?;
    statements(site, &mut p, &mut idx)?;
    organisations(site, &mut p, &mut idx)?;
    idx.finish()?;
    p.raw("<script src=\"assets/search-index.js\" defer></script>\n")?;
    p.finish()
}

fn issues(site: &Site, p: &mut Page, idx: &mut SearchIndex) -> Result<()> {
    p.raw(
        "<h2 id=\"issues\">Issues</h2>\n<div class=\"scroll\"><table class=\"wide\"><thead><tr><th>Issue</th>\
         <th>Question</th><th>Period</th><th class=\"num\">Organisations with a position</th></tr></thead><tbody>\n",
    )?;
    q::issues(site.store, |i| {
        if !site.has_issue(&i.id) {
            return Ok(());
        }
        let href = format!("issue/{}.html", i.id);
        idx.add(&i.title, &href, "issue", None)?;
        put!(
            p,
            "<tr><td data-label=\"Issue\"><a href=\"{}\">{}</a></td><td data-label=\"Question\">{}</td>\
             <td data-label=\"Period\">{}{}{}</td><td class=\"num\" data-label=\"Organisations\">{}</td></tr>\n",
            E(&href),
            E(&i.title),
            E(&i.question),
            O(&i.start),
            if i.start.is_some() || i.end.is_some() {
                " – "
            } else {
                ""
            },
            O(&i.end),
            i.organisations
        )
    })?;
    p.raw("</tbody></table></div>\n")
}

/// Statements (anything signed, or of a statement kind) with their signatories, then the
/// other sources.
fn statements(site: &Site, p: &mut Page, idx: &mut SearchIndex) -> Result<()> {
    let is_statement =
        |d: &q::Doc| d.signatories > 0 || d.kind == "statement" || d.kind == "joint_statement";
    p.raw(
        "<h2 id=\"statements\">Statements</h2>\n<div class=\"scroll\"><table class=\"wide\">\
         <thead><tr><th>Date</th><th>Title</th><th>Kind</th><th class=\"num\">Signatories</th></tr></thead><tbody>\n",
    )?;
    q::documents(site.store, |d| {
        if !is_statement(&d) || !site.lists_statement(&d.id) {
            return Ok(());
        }
        doc_row(p, idx, &d, true)
    })?;
    p.raw(
        "</tbody></table></div>\n<h2 id=\"sources\">Other sources</h2>\n<div class=\"scroll\"><table class=\"wide\">\
         <thead><tr><th>Date</th><th>Title</th><th>Kind</th></tr></thead><tbody>\n",
    )?;
    q::documents(site.store, |d| {
        if is_statement(&d) {
            return Ok(());
        }
        doc_row(p, idx, &d, false)
    })?;
    p.raw("</tbody></table></div>\n")
}

fn doc_row(p: &mut Page, idx: &mut SearchIndex, d: &q::Doc, count: bool) -> Result<()> {
    let href = format!("doc/{}.html", d.id);
    let kind = d.kind.replace('_', " ");
    idx.add(&d.title, &href, &kind, d.title_lang.as_deref())?;
    put!(
        p,
        "<tr><td class=\"date\" data-label=\"Date\">{}</td><td data-label=\"Title\"><a href=\"{}\">{}</a></td>\
         <td data-label=\"Kind\">{}</td>",
        d.date.as_deref().map_or("undated", |s| s),
        E(&href),
        L(&d.title, d.title_lang.as_deref()),
        E(&kind),
    )?;
    if count {
        put!(
            p,
            "<td class=\"num\" data-label=\"Signatories\">{}</td>",
            d.signatories
        )?;
    }
    p.raw("</tr>\n")
}

fn organisations(site: &Site, p: &mut Page, idx: &mut SearchIndex) -> Result<()> {
    p.raw(
        "<h2 id=\"organisations\">Organisations</h2>\n<div class=\"scroll\"><table class=\"wide sortable\">\
         <thead><tr><th>Organisation</th><th>Kind</th><th>Country</th><th class=\"num\">Signatures</th>\
         <th class=\"num\">Stances</th><th class=\"num\">Memberships</th></tr></thead><tbody>\n",
    )?;
    let mut names = q::names(site.store)?;
    let mut names = names.open()?;
    q::organisations(site.store, |o| {
        if !site.has_org(&o.id) {
            return Ok(());
        }
        let href = format!("org/{}.html", o.id);
        let mut named = false;
        names.take(&o.id, |n| {
            named |= n.text == o.name;
            idx.add(&n.text, &href, "organisation", Some(&n.lang))
        })?;
        if !named {
            idx.add(&o.name, &href, "organisation", o.name_lang.as_deref())?;
        }
        put!(
            p,
            "<tr><td data-label=\"Organisation\"><a href=\"{}\">{}</a></td><td data-label=\"Kind\">{}</td>\
             <td data-label=\"Country\">{}</td><td class=\"num\" data-label=\"Signatures\" data-sort=\"{:08}\">{}</td>\
             <td class=\"num\" data-label=\"Stances\" data-sort=\"{:08}\">{}</td>\
             <td class=\"num\" data-label=\"Memberships\" data-sort=\"{:08}\">{}</td></tr>\n",
            E(&href),
            L(&o.name, o.name_lang.as_deref()),
            E(&o.kind.replace('_', " ")),
            O(&o.country),
            o.signatures,
            o.signatures,
            o.stances,
            o.stances,
            o.memberships,
            o.memberships
        )
    })?;
    p.raw("</tbody></table></div>\n")
}
