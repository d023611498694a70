//! The page of one issue: its camps, one block per value with a count and a bar, and in each
//! every organisation with its current value, date, quote, how we know it and the source.
use std::collections::HashSet;

use super::Site;
use super::evidence::{self, Show};
use super::html::{E, Nav, O, Page, V, VALUES, put, value_label};
use crate::error::Result;
use crate::store::report as q;

/// Write issue/ID.html.
pub fn page(site: &Site, issue: &q::Issue, changed: &mut q::Merged<String>) -> Result<()> {
    let id = issue.id.as_str();
    let mut counts = [0usize; 4];
    let mut add = |value: &str, n: usize| {
        counts[VALUES.iter().position(|v| *v == value).unwrap_or(3)] += n;
    };
    if site.orgs.is_none() {
        q::camp_counts(site.store, id, |(v, n)| {
            add(&v, usize::try_from(n).unwrap_or(0));
            Ok(())
        })?;
    } else {
        // Only the organisations in the report are counted.
        q::camps(site.store, id, |e| {
            if site.has_org(&e.org_id) {
                add(&e.value, 1);
            }
            Ok(())
        })?;
    }
    let shown: usize = counts.iter().sum();
    let mut orgs_changed = HashSet::new();
    changed.take(id, |o| {
        orgs_changed.insert(o);
        Ok(())
    })?;
    let changed = orgs_changed;
    let mut p = Page::create(
        &site.dir,
        &format!("issue/{id}.html"),
        &issue.title,
        Nav::None,
    )?;
    put!(
        p,
        "<h1>{}</h1>\n<p class=\"lede\"><strong>Question:</strong> {}</p>\n<p class=\"meta\">",
        E(&issue.title),
        E(&issue.question)
    )?;
    if issue.start.is_some() || issue.end.is_some() {
        put!(p, "Period: {} – {}. ", O(&issue.start), O(&issue.end))?;
    }
    put!(
        p,
        "{shown} organisations with a current stance; {} changed position. \
         <a href=\"../network-{}.html\">See them on the network</a>.</p>\n",
        changed.len(),
        E(id)
    )?;
    if let Some(n) = &issue.note {
        put!(p, "<p class=\"meta\">{}</p>\n", E(n))?;
    }
    summary(&mut p, &counts, shown)?;
    camps(site, &mut p, id, &counts, shown, &changed)?;
    p.finish()
}

/// The camps at a glance: a legend with counts and one stacked bar.
fn summary(p: &mut Page, counts: &[usize; 4], total: usize) -> Result<()> {
    p.raw("<div class=\"legend\">")?;
    for (v, n) in VALUES.iter().zip(counts) {
        if *n > 0 {
            put!(p, "<a href=\"#camp-{v}\">{} {n}</a>", V(v))?;
        }
    }
    p.raw("</div>\n<div class=\"bar\" style=\"display:flex\" aria-hidden=\"true\">")?;
    for (v, n) in VALUES.iter().zip(counts) {
        if *n > 0 {
            put!(
                p,
                "<span class=\"b-{v}\" style=\"width:{:.1}%\"></span>",
                pct(*n, total)
            )?;
        }
    }
    p.raw("</div>\n")
}

fn pct(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 * 100.0 / total as f64
    }
}

/// Where the camp list stands: the open camp, and the statement whose signatories are listed.
#[derive(Default)]
struct Open {
    camp: Option<String>,
    signed: Option<String>,
}

impl Open {
    fn close_signed(&mut self, p: &mut Page) -> Result<()> {
        if self.signed.take().is_some() {
            p.raw("</ul></li>\n")?;
        }
        Ok(())
    }
    fn close(&mut self, p: &mut Page) -> Result<()> {
        self.close_signed(p)?;
        if self.camp.take().is_some() {
            p.raw("</ul></section>\n")?;
        }
        Ok(())
    }
}

fn camps(
    site: &Site,
    p: &mut Page,
    id: &str,
    counts: &[usize; 4],
    total: usize,
    changed: &HashSet<String>,
) -> Result<()> {
    let mut open = Open::default();
    let mut any = false;
    q::camps(site.store, id, |e| {
        if !site.has_org(&e.org_id) {
            return Ok(());
        }
        any = true;
        if open.camp.as_deref() != Some(e.value.as_str()) {
            open.close(p)?;
            camp_head(p, &e.value, counts, total)?;
            open.camp = Some(e.value.clone());
        }
        let changed = changed.contains(&e.org_id);
        if e.basis != "signature" {
            let show = Show {
                org: true,
                issue: false,
                changed,
            };
            return evidence::item(p, site, &e, show);
        }
        // Organisations known only by their signature: one block per statement.
        if open.signed.as_deref() != Some(e.document_id.as_str()) {
            open.close_signed(p)?;
            signed_head(p, &e)?;
            open.signed = Some(e.document_id.clone());
        }
        p.raw("<li>")?;
        evidence::org_link(p, site, &e.org_id, &e.organisation)?;
        if changed {
            put!(
                p,
                " <a class=\"tag changed\" href=\"../org/{}.html#issue-{}\">changed position</a>",
                E(&e.org_id),
                E(&e.issue_id)
            )?;
        }
        p.raw("</li>\n")
    })?;
    open.close(p)?;
    if !any {
        p.raw("<p>No organisation has a recorded stance on this issue.</p>\n")?;
    }
    Ok(())
}

fn camp_head(p: &mut Page, value: &str, counts: &[usize; 4], total: usize) -> Result<()> {
    let k = VALUES.iter().position(|v| *v == value).unwrap_or(3);
    put!(
        p,
        "<section class=\"camp\" id=\"camp-{v}\"><h3>{} <span>{n} organisation{s} ({:.0}%)</span></h3>\n\
         <div class=\"bar\" role=\"img\" aria-label=\"{n} of {total} organisations: {label}\">\
         <span class=\"b-{v}\" style=\"width:{:.1}%\"></span></div>\n<ul class=\"pos\">\n",
        V(value),
        pct(counts[k], total),
        pct(counts[k], total),
        v = E(value),
        n = counts[k],
        s = if counts[k] == 1 { "" } else { "s" },
        label = E(&value_label(value)),
    )
}

/// The head of a block of organisations that take this side only by signing a statement.
fn signed_head(p: &mut Page, e: &q::Evidence) -> Result<()> {
    put!(
        p,
        "<li class=\"signed\">{} <time>{}</time> <span class=\"tag sig\">by signature only</span> \
         signatories of <a href=\"../doc/{}.html\"><bdi>{}</bdi></a>, which says:",
        V(&e.value),
        E(&e.as_of),
        E(&e.document_id),
        E(&e.document)
    )?;
    if let Some(quote) = &e.quote {
        put!(
            p,
            "\n<blockquote class=\"own\" dir=\"auto\">{}</blockquote>",
            E(quote)
        )?;
    }
    p.raw("\n<ul class=\"signers\">\n")
}
