//! One piece of evidence as the pages show it: value, date, how we know (own words, words
//! attributed by a third party, or a signature), the quote and the document that proves it.
use super::Site;
use super::html::{E, O, Page, V, put};
use crate::error::Result;
use crate::store::report::Evidence;

/// What an evidence item shows besides the stance itself.
#[derive(Clone, Copy, Default)]
pub struct Show {
    /// Name the organisation (on issue and document pages).
    pub org: bool,
    /// Name the issue (on document pages).
    pub issue: bool,
    /// The organisation changed position on this issue.
    pub changed: bool,
}

/// How the evidence is known, in words.
pub fn basis_label(e: &Evidence) -> &'static str {
    match (e.basis.as_str(), e.evidence.as_str()) {
        ("signature", _) => "by signature only",
        (_, "attributed") => "attributed words",
        _ => "own words",
    }
}

/// Write `e` as a list item.
pub fn item(p: &mut Page, site: &Site, e: &Evidence, show: Show) -> Result<()> {
    let r = p.root;
    p.raw("<li>")?;
    if show.org {
        org_link(p, site, &e.org_id, &e.organisation)?;
        p.raw(" ")?;
    }
    if show.issue {
        if site.has_issue(&e.issue_id) {
            put!(
                p,
                "<a href=\"{r}issue/{}.html\">{}</a> ",
                E(&e.issue_id),
                E(site.issues.get(&e.issue_id).map_or(&e.issue_id, |t| t))
            )?;
        } else {
            put!(p, "{} ", E(&e.issue_id))?;
        }
    }
    let sig = if e.basis == "signature" { " sig" } else { "" };
    put!(
        p,
        "{} <time>{}</time> <span class=\"tag{sig}\">{}</span>",
        V(&e.value),
        E(if e.as_of.is_empty() {
            "undated"
        } else {
            &e.as_of
        }),
        basis_label(e)
    )?;
    if show.changed {
        put!(
            p,
            " <a class=\"tag changed\" href=\"{r}org/{}.html#issue-{}\">changed position</a>",
            E(&e.org_id),
            E(&e.issue_id)
        )?;
    }
    if let Some(quote) = &e.quote {
        let class = if e.evidence == "attributed" {
            "attributed"
        } else {
            "own"
        };
        put!(
            p,
            "\n<blockquote class=\"{class}\" dir=\"auto\">{}</blockquote>",
            E(quote)
        )?;
    }
    put!(
        p,
        "\n<div class=\"meta\">{} <a href=\"{r}doc/{}.html\"><bdi>{}</bdi></a>",
        if e.basis == "signature" {
            "Signed:"
        } else {
            "Source:"
        },
        E(&e.document_id),
        E(&e.document)
    )?;
    if let Some(s) = &e.speaker {
        put!(p, "; speaker: <bdi>{}</bdi>", E(s))?;
    }
    if e.note.is_some() {
        put!(p, "; {}", O(&e.note))?;
    }
    p.raw("</div></li>\n")
}

/// A link to an organisation's page, or its name alone when it has none in this report.
pub fn org_link(p: &mut Page, site: &Site, id: &str, name: &str) -> Result<()> {
    let r = p.root;
    if site.has_org(id) {
        put!(
            p,
            "<a href=\"{r}org/{}.html\"><bdi>{}</bdi></a>",
            E(id),
            E(name)
        )
    } else {
        put!(p, "<bdi>{}</bdi>", E(name))
    }
}
