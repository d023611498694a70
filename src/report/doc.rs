//! The page of one document (statements are documents): its titles, the side it takes, its
//! signatories as printed in their printed groups and order, later subscriptions with their
//! dates, the stances quoted from it, and its stored texts (`add text`), when there are any.
use super::Site;
use super::evidence::{self, Show, org_link};
use super::html::{E, L, Nav, O, Page, V, put};
use crate::error::Result;
use crate::store::report::{self as q, Doc, Merged, Signature};
use crate::store::texts;

/// The per-document tables, read beside the documents.
struct Cursors<'a> {
    titles: Merged<'a, q::Text>,
    sides: Merged<'a, q::Side>,
    signatories: Merged<'a, Signature>,
    quoted: Merged<'a, q::Evidence>,
}

/// Write doc/ID.html for every document; returns how many.
pub fn pages(site: &Site) -> Result<usize> {
    let s = site.store;
    let (mut titles, mut sides) = (q::titles(s)?, q::sides(s)?);
    let (mut signatories, mut quoted) = (q::signatories_by_doc(s)?, q::quoted(s)?);
    let mut c = Cursors {
        titles: titles.open()?,
        sides: sides.open()?,
        signatories: signatories.open()?,
        quoted: quoted.open()?,
    };
    let mut n = 0;
    q::documents_by_id(site.store, |d| {
        page(site, &d, &mut c)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

fn page(site: &Site, d: &Doc, c: &mut Cursors) -> Result<()> {
    let mut p = Page::create(
        &site.dir,
        &format!("doc/{}.html", d.id),
        &d.title,
        Nav::None,
    )?;
    put!(p, "<h1>{}</h1>\n", L(&d.title, d.title_lang.as_deref()))?;
    facts(site, &mut p, d)?;
    titles(&mut p, &d.id, &mut c.titles)?;
    sides(site, &mut p, &d.id, &mut c.sides)?;
    signatories(site, &mut p, &d.id, d.signatories, &mut c.signatories)?;
    quoted(site, &mut p, &d.id, &mut c.quoted)?;
    stored_texts(site, &mut p, &d.id)?;
    p.finish()
}

/// The document's stored texts (one per language version or copy), each folded away under its
/// file name and language, paragraph by paragraph.
fn stored_texts(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    let texts = texts::own_texts(site.store.conn(), id)?;
    if texts.is_empty() {
        return Ok(());
    }
    p.raw("<section><h2 id=\"text\">Text</h2>\n")?;
    for t in &texts {
        let what = [t.file.as_deref(), t.lang.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        put!(
            p,
            "<details class=\"stored-text\"><summary>Stored text {}</summary>",
            E(&what)
        )?;
        match t.lang.as_deref() {
            Some(lang) => put!(p, "<div lang=\"{}\" dir=\"auto\">", E(lang))?,
            None => p.raw("<div dir=\"auto\">")?,
        }
        for para in t
            .text
            .split("\n\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            put!(p, "<p>{}</p>", E(para))?;
        }
        p.raw("</div></details>\n")?;
    }
    p.raw("</section>\n")
}

fn facts(site: &Site, p: &mut Page, d: &Doc) -> Result<()> {
    put!(
        p,
        "<dl class=\"meta\"><dt>Kind</dt><dd>{}</dd><dt>Date</dt><dd>{}",
        E(&d.kind.replace('_', " ")),
        d.date.as_deref().map_or("undated", |s| s)
    )?;
    if let Some(n) = &d.date_note {
        put!(p, " ({})", E(n))?;
    }
    put!(p, "</dd><dt>Languages</dt><dd>{}</dd>", E(&d.languages))?;
    if let (Some(id), Some(name)) = (&d.author_id, &d.author) {
        p.raw("<dt>Author</dt><dd>")?;
        org_link(p, site, id, name)?;
        p.raw("</dd>")?;
    } else if let Some(name) = &d.author {
        put!(p, "<dt>Author</dt><dd><bdi>{}</bdi></dd>", E(name))?;
    }
    if d.publisher.is_some() {
        put!(
            p,
            "<dt>Publisher</dt><dd><bdi>{}</bdi></dd>",
            O(&d.publisher)
        )?;
    }
    if let Some(url) = &d.url {
        let href = if url.starts_with("www.") {
            format!("https://{url}")
        } else {
            url.clone()
        };
        put!(
            p,
            "<dt>Address</dt><dd><a href=\"{}\" rel=\"noopener noreferrer external\">{}</a></dd>",
            E(&href),
            E(url)
        )?;
    }
    if let Some(via) = &d.cited_in {
        put!(
            p,
            "<dt>Known through</dt><dd><a href=\"{}.html\">{}</a> (we hold no text of it ourselves)</dd>",
            E(via),
            E(via)
        )?;
    }
    if d.open == Some(1) {
        p.raw("<dt>Signatures</dt><dd>open for further subscriptions</dd>")?;
    }
    p.raw("</dl>\n")?;
    if let Some(n) = &d.note {
        put!(p, "<p class=\"meta\">{}</p>\n", E(n))?;
    }
    Ok(())
}

fn titles(p: &mut Page, id: &str, rows: &mut Merged<q::Text>) -> Result<()> {
    let mut any = false;
    rows.take(id, |t| {
        if !any {
            p.raw("<h2>Titles as printed</h2>\n<ul class=\"names\">\n")?;
            any = true;
        }
        put!(
            p,
            "<li>{} <span class=\"meta\">{} · {}</span></li>\n",
            L(&t.text, Some(&t.lang)),
            E(&t.lang),
            E(&t.kind)
        )
    })?;
    if any {
        p.raw("</ul>\n")?;
    }
    Ok(())
}

fn sides(site: &Site, p: &mut Page, id: &str, rows: &mut Merged<q::Side>) -> Result<()> {
    let mut any = false;
    rows.take(id, |s| {
        if !site.has_issue(&s.issue_id) {
            return Ok(());
        }
        if !any {
            p.raw("<h2>The side it takes</h2>\n<ul class=\"pos\">\n")?;
            any = true;
        }
        put!(
            p,
            "<li><a href=\"../issue/{}.html\">{}</a> {}\n<blockquote class=\"own\" dir=\"auto\">{}</blockquote></li>\n",
            E(&s.issue_id),
            E(&s.issue),
            V(&s.value),
            E(&s.quote)
        )
    })?;
    if any {
        p.raw("</ul>\n<p class=\"meta\">Every signatory takes this side by its signature.</p>\n")?;
    }
    Ok(())
}

fn signatories(
    site: &Site,
    p: &mut Page,
    id: &str,
    count: i64,
    rows: &mut Merged<Signature>,
) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    put!(
        p,
        "<h2 id=\"signatories\">Signatories ({count})</h2>\n<p class=\"meta\">As printed, in the printed groups \
         and order; each name links to its organisation.</p>\n"
    )?;
    let mut group: Option<Option<String>> = None;
    let mut later: Vec<Signature> = Vec::new();
    rows.take(id, |g| {
        if g.signed_on.is_some() {
            later.push(g);
            return Ok(());
        }
        if group.as_ref() != Some(&g.group) {
            if group.is_some() {
                p.raw("</ol>\n")?;
            }
            put!(
                p,
                "<h3>{}</h3>\n<ol class=\"signatories\">\n",
                E(g.group.as_deref().unwrap_or("Signatories"))
            )?;
            group = Some(g.group.clone());
        }
        signatory(site, p, &g)
    })?;
    if group.is_some() {
        p.raw("</ol>\n")?;
    }
    if !later.is_empty() {
        later.sort_by(|a, b| (&a.signed_on, &a.org_id).cmp(&(&b.signed_on, &b.org_id)));
        p.raw("<h3 id=\"later\">Later subscriptions</h3>\n<ul class=\"signatories later\">\n")?;
        for g in &later {
            signatory(site, p, g)?;
        }
        p.raw("</ul>\n")?;
    }
    Ok(())
}

fn signatory(site: &Site, p: &mut Page, g: &Signature) -> Result<()> {
    match g.position {
        Some(n) if g.signed_on.is_none() => put!(p, "<li value=\"{n}\">")?,
        _ => p.raw("<li>")?,
    }
    org_link(p, site, &g.org_id, &g.as_printed)?;
    if g.as_printed != g.organisation {
        put!(
            p,
            " <span class=\"meta\">(<bdi>{}</bdi>)</span>",
            E(&g.organisation)
        )?;
    }
    if let Some(c) = &g.country {
        put!(p, " <span class=\"meta\">{}</span>", E(c))?;
    }
    if let Some(d) = &g.signed_on {
        put!(
            p,
            " <span class=\"tag\">signed on <time>{}</time></span>",
            E(d)
        )?;
    }
    p.raw("</li>\n")
}

fn quoted(site: &Site, p: &mut Page, id: &str, rows: &mut Merged<q::Evidence>) -> Result<()> {
    let mut any = false;
    rows.take(id, |e| {
        if !site.has_issue(&e.issue_id) {
            return Ok(());
        }
        if !any {
            p.raw("<h2>Stances quoted from this document</h2>\n<ul class=\"pos\">\n")?;
            any = true;
        }
        let show = Show {
            org: true,
            issue: true,
            changed: false,
        };
        evidence::item(p, site, &e, show)
    })?;
    if any {
        p.raw("</ul>\n")?;
    }
    Ok(())
}
