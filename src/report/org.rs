//! The page of one organisation: every name form in every script, memberships, the statements
//! it signed as printed, where it dissents from its alliances, and its stance timeline per issue.
use super::Site;
use super::evidence::{self, Show, org_link};
use super::html::{E, L, Nav, O, Page, V, put};
use crate::error::Result;
use crate::store::report::{self as q, Merged, Org};

/// The per-organisation tables, read beside the organisations.
struct Cursors<'a> {
    names: Merged<'a, q::Text>,
    member_of: Merged<'a, q::Membership>,
    has_member: Merged<'a, q::Membership>,
    dissent: Merged<'a, q::Dissent>,
    signed: Merged<'a, q::Signature>,
    history: Merged<'a, q::Evidence>,
}

/// Write org/ID.html for every organisation in the report; returns how many.
pub fn pages(site: &Site) -> Result<usize> {
    let s = site.store;
    let (mut names, mut member_of, mut has_member) =
        (q::names(s)?, q::member_of(s)?, q::has_member(s)?);
    let (mut dissent, mut signed, mut history) = (q::dissent(s)?, q::signed(s)?, q::history(s)?);
    let mut c = Cursors {
        names: names.open()?,
        member_of: member_of.open()?,
        has_member: has_member.open()?,
        dissent: dissent.open()?,
        signed: signed.open()?,
        history: history.open()?,
    };
    let mut n = 0;
    q::organisations(site.store, |o| {
        if site.has_org(&o.id) {
            page(site, &o, &mut c)?;
            n += 1;
        }
        Ok(())
    })?;
    Ok(n)
}

fn page(site: &Site, o: &Org, c: &mut Cursors) -> Result<()> {
    let mut p = Page::create(&site.dir, &format!("org/{}.html", o.id), &o.name, Nav::None)?;
    put!(
        p,
        "<h1>{}</h1>\n<p class=\"lede\">{}",
        L(&o.name, o.name_lang.as_deref()),
        E(&o.kind.replace('_', " "))
    )?;
    if let Some(c) = &o.country {
        put!(p, " · country {}", E(c))?;
    }
    if o.founded.is_some() || o.dissolved.is_some() {
        put!(p, " · {} – {}", O(&o.founded), O(&o.dissolved))?;
    }
    p.raw("</p>\n")?;
    if let Some(n) = &o.note {
        put!(p, "<p class=\"meta\">{}</p>\n", E(n))?;
    }
    names(&mut p, &o.id, &mut c.names)?;
    memberships(site, &mut p, &o.id, c)?;
    dissent(site, &mut p, &o.id, &mut c.dissent)?;
    signed(&mut p, &o.id, &mut c.signed)?;
    timeline(site, &mut p, &o.id, &mut c.history)?;
    p.finish()
}

fn names(p: &mut Page, id: &str, rows: &mut Merged<q::Text>) -> Result<()> {
    p.raw("<h2>Names</h2>\n<ul class=\"names\">\n")?;
    rows.take(id, |n| {
        put!(
            p,
            "<li>{} <span class=\"meta\">{} · {}",
            L(&n.text, Some(&n.lang)),
            E(&n.lang),
            E(&n.kind)
        )?;
        if let Some(s) = &n.source {
            put!(
                p,
                " · printed in <a href=\"../doc/{}.html\">{}</a>",
                E(s),
                E(s)
            )?;
        }
        p.raw("</span></li>\n")
    })?;
    p.raw("</ul>\n")
}

fn memberships(site: &Site, p: &mut Page, id: &str, c: &mut Cursors) -> Result<()> {
    let mut any = false;
    let mut row = |m: q::Membership| {
        if !any {
            p.raw(
                "<h2>Alliances and members</h2>\n<div class=\"scroll\"><table class=\"wide\"><thead><tr>\
                 <th>Relation</th><th>Organisation</th><th>Role</th><th>From</th><th>To</th><th>Source</th>\
                 </tr></thead><tbody>\n",
            )?;
            any = true;
        }
        let rel = if m.member_of {
            "member of"
        } else {
            "has member"
        };
        put!(
            p,
            "<tr><td data-label=\"Relation\">{rel}</td><td data-label=\"Organisation\">"
        )?;
        org_link(p, site, &m.other_id, &m.other)?;
        put!(
            p,
            "</td><td data-label=\"Role\">{}</td><td data-label=\"From\">{}</td><td data-label=\"To\">{}</td>\
             <td data-label=\"Source\"><a href=\"../doc/{}.html\">{}</a>",
            E(&m.role.replace('_', " ")),
            O(&m.start),
            O(&m.end),
            E(&m.source),
            E(&m.source)
        )?;
        if let Some(quote) = &m.quote {
            put!(p, "<blockquote dir=\"auto\">{}</blockquote>", E(quote))?;
        }
        p.raw("</td></tr>\n")
    };
    c.member_of.take(id, &mut row)?;
    c.has_member.take(id, &mut row)?;
    if any {
        p.raw("</tbody></table></div>\n")?;
    }
    Ok(())
}

fn dissent(site: &Site, p: &mut Page, id: &str, rows: &mut Merged<q::Dissent>) -> Result<()> {
    let mut any = false;
    rows.take(id, |d| {
        if !site.has_issue(&d.issue_id) {
            return Ok(());
        }
        if !any {
            p.raw("<h2>Where it differs from its alliances</h2>\n<ul>\n")?;
            any = true;
        }
        put!(
            p,
            "<li>On <a href=\"../issue/{}.html\">{}</a>: {} (as of {}) while ",
            E(&d.issue_id),
            E(site.title(&d.issue_id)),
            V(&d.value),
            E(&d.as_of)
        )?;
        org_link(p, site, &d.alliance_id, &d.alliance)?;
        put!(
            p,
            " holds {} (as of {})</li>\n",
            V(&d.alliance_value),
            E(&d.alliance_as_of)
        )
    })?;
    if any {
        p.raw("</ul>\n")?;
    }
    Ok(())
}

fn signed(p: &mut Page, id: &str, rows: &mut Merged<q::Signature>) -> Result<()> {
    let mut any = false;
    rows.take(id, |g| {
        if !any {
            p.raw(
                "<h2>Statements signed</h2>\n<div class=\"scroll\"><table class=\"wide\"><thead><tr><th>Date</th>\
                 <th>Statement</th><th>Signed as printed</th><th>Group and place</th><th>Signed later on</th>\
                 </tr></thead><tbody>\n",
            )?;
            any = true;
        }
        put!(
            p,
            "<tr><td data-label=\"Date\">{}</td><td data-label=\"Statement\"><a href=\"../doc/{}.html\"><bdi>{}</bdi></a></td>\
             <td data-label=\"Signed as\"><bdi>{}</bdi></td><td data-label=\"Group\">{}{}</td>\
             <td data-label=\"Signed later\">{}</td></tr>\n",
            O(&g.date),
            E(&g.doc_id),
            E(&g.title),
            E(&g.as_printed),
            O(&g.group),
            g.position.map(|n| format!(" #{n}")).unwrap_or_default(),
            O(&g.signed_on)
        )
    })?;
    if any {
        p.raw("</tbody></table></div>\n")?;
    }
    Ok(())
}

fn timeline(site: &Site, p: &mut Page, id: &str, rows: &mut Merged<q::Evidence>) -> Result<()> {
    let mut open: Option<String> = None;
    rows.take(id, |e| {
        if !site.has_issue(&e.issue_id) {
            return Ok(());
        }
        if open.as_deref() != Some(e.issue_id.as_str()) {
            if open.is_some() {
                p.raw("</ol></section>\n")?;
            } else {
                p.raw(
                    "<h2>Stances over time</h2>\n<p class=\"meta\">A solid bar marks the organisation's own words; \
                     a dashed bar and italics mark words a third party attributes to it.</p>\n",
                )?;
            }
            put!(
                p,
                "<section id=\"issue-{}\"><h3><a href=\"../issue/{}.html\">{}</a></h3>\n<ol class=\"timeline\">\n",
                E(&e.issue_id),
                E(&e.issue_id),
                E(site.title(&e.issue_id))
            )?;
            open = Some(e.issue_id.clone());
        }
        evidence::item(p, site, &e, Show::default())
    })?;
    if open.is_some() {
        p.raw("</ol></section>\n")?;
    }
    Ok(())
}
