//! The page of one organisation: every name form in every script, memberships, the statements
//! it signed as printed, where it dissents from its alliances, and its stance timeline per issue.
use super::Site;
use super::evidence::{self, Show, org_link};
use super::html::{E, L, Nav, O, Page, V, put};
use crate::error::Result;
use crate::store::report::{self as q, Org};

/// Write org/ID.html for every organisation in the report; returns how many.
pub fn pages(site: &Site) -> Result<usize> {
    let mut n = 0;
    q::organisations(site.store, |o| {
        if site.has_org(&o.id) {
            page(site, &o)?;
            n += 1;
        }
        Ok(())
    })?;
    Ok(n)
}

fn page(site: &Site, o: &Org) -> Result<()> {
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
    names(site, &mut p, &o.id)?;
    memberships(site, &mut p, &o.id)?;
    dissent(site, &mut p, &o.id)?;
    signed(site, &mut p, &o.id)?;
    timeline(site, &mut p, &o.id)?;
    p.finish()
}

fn names(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    p.raw("<h2>Names</h2>\n<ul class=\"names\">\n")?;
    q::names(site.store, id, |n| {
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

fn memberships(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    let mut any = false;
    q::memberships(site.store, id, |m| {
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
    })?;
    if any {
        p.raw("</tbody></table></div>\n")?;
    }
    Ok(())
}

fn dissent(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    let mut any = false;
    q::dissent(site.store, site.src, id, |d| {
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
            E(site.issues.get(&d.issue_id).map_or(&d.issue_id, |t| t)),
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

fn signed(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    let mut any = false;
    q::signed_by(site.store, id, |g| {
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

fn timeline(site: &Site, p: &mut Page, id: &str) -> Result<()> {
    let mut open: Option<String> = None;
    q::history(site.store, id, |e| {
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
                E(site.issues.get(&e.issue_id).map_or(&e.issue_id, |t| t))
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
