//! The network: organisations linked by memberships and by shared signatures, drawn as an SVG
//! laid out here in Rust (deterministic), one page per issue colouring each node by its stance.
use std::collections::{BTreeMap, HashMap};

use super::Site;
use super::html::{E, Nav, Page, V, VALUES, put, value_label};
use super::layout::{self, Edge, HEIGHT, WIDTH};
use crate::error::Result;
use crate::store::report as q;

/// At most this many organisations are drawn (those with the most links).
const MAX_NODES: usize = 300;
/// How strongly one shared statement pulls two signatories together (a membership pulls 1).
const SHARED_PULL: f64 = 0.06;

struct Node {
    id: String,
    name: String,
    label: (String, String),
    links: usize,
}

struct Graph {
    nodes: Vec<Node>,
    members: Vec<Edge>,
    shared: Vec<Edge>,
    /// Organisations with links that were left out (beyond MAX_NODES).
    left_out: usize,
    pos: Vec<(f64, f64)>,
}

/// Write network.html (coloured by the issue with the most positions) and network-ID.html
/// for every issue; returns how many pages.
pub fn pages(site: &Site) -> Result<usize> {
    let g = graph(site)?;
    let mut counts: BTreeMap<&String, usize> = site.issues.keys().map(|i| (i, 0)).collect();
    let mut values: HashMap<(String, String), String> = HashMap::new();
    let index: HashMap<&str, usize> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    q::cells(site.store, |(org, _, _, issue, value)| {
        if index.contains_key(org.as_str()) {
            if let Some(c) = counts.get_mut(&issue) {
                *c += 1;
            }
            values.insert((org, issue), value);
        }
        Ok(())
    })?;
    let default = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(i, _)| (*i).clone());
    let mut n = 0;
    for issue in site.issues.keys() {
        page(
            site,
            &g,
            &values,
            Some(issue),
            &format!("network-{issue}.html"),
        )?;
        n += 1;
    }
    page(site, &g, &values, default.as_ref(), "network.html")?;
    Ok(n + 1)
}

fn graph(site: &Site) -> Result<Graph> {
    let mut links: BTreeMap<String, usize> = BTreeMap::new();
    let mut member_pairs = Vec::new();
    q::member_links(site.store, |(a, b)| {
        if site.has_org(&a) && site.has_org(&b) {
            *links.entry(a.clone()).or_default() += 1;
            *links.entry(b.clone()).or_default() += 1;
            member_pairs.push((a, b));
        }
        Ok(())
    })?;
    q::signature_links(site.store, |(_, org)| {
        if site.has_org(&org) {
            *links.entry(org).or_default() += 1;
        }
        Ok(())
    })?;
    let mut ranked: Vec<(String, usize)> = links.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let left_out = ranked.len().saturating_sub(MAX_NODES);
    ranked.truncate(MAX_NODES);
    ranked.sort();
    let index: HashMap<String, usize> = ranked
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i))
        .collect();
    let members = member_pairs
        .iter()
        .filter_map(|(a, b)| {
            let (i, j) = (*index.get(a)?, *index.get(b)?);
            Some(Edge {
                a: i.min(j),
                b: i.max(j),
                weight: 1.0,
            })
        })
        .collect();
    let shared = shared_edges(site, &index)?;
    let mut nodes = Vec::with_capacity(ranked.len());
    q::organisations(site.store, |o| {
        if let Some(&i) = index.get(&o.id) {
            let label = q::label(site.store, &o.id)?
                .unwrap_or_else(|| (short(&o.name), o.name_lang.clone().unwrap_or_default()));
            nodes.push((
                i,
                Node {
                    id: o.id,
                    name: o.name,
                    label,
                    links: ranked[i].1,
                },
            ));
        }
        Ok(())
    })?;
    nodes.sort_by_key(|(i, _)| *i);
    let nodes: Vec<Node> = nodes.into_iter().map(|(_, n)| n).collect();
    let all: Vec<Edge> = [&members, &shared]
        .into_iter()
        .flatten()
        .copied()
        .collect::<Vec<Edge>>();
    let pos = layout::layout(nodes.len(), &all);
    Ok(Graph {
        nodes,
        members,
        shared,
        left_out,
        pos,
    })
}

/// Pairs of drawn organisations that signed the same statements, weighted by how many.
fn shared_edges(site: &Site, index: &HashMap<String, usize>) -> Result<Vec<Edge>> {
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut doc = String::new();
    let mut signers: Vec<usize> = Vec::new();
    let mut flush = |signers: &mut Vec<usize>| {
        signers.sort_unstable();
        for (k, &a) in signers.iter().enumerate() {
            for &b in &signers[k + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
        signers.clear();
    };
    q::signature_links(site.store, |(d, org)| {
        if d != doc {
            flush(&mut signers);
            doc = d;
        }
        if let Some(&i) = index.get(&org) {
            signers.push(i);
        }
        Ok(())
    })?;
    flush(&mut signers);
    Ok(pairs
        .into_iter()
        .map(|((a, b), w)| Edge {
            a,
            b,
            weight: SHARED_PULL * (1.0 + (w as f64).ln()),
        })
        .collect())
}

/// A name cut to fit a drawing.
fn short(name: &str) -> String {
    if name.chars().count() <= 24 {
        name.to_string()
    } else {
        format!("{}…", name.chars().take(23).collect::<String>())
    }
}

fn page(
    site: &Site,
    g: &Graph,
    values: &HashMap<(String, String), String>,
    issue: Option<&String>,
    rel: &str,
) -> Result<()> {
    let mut p = Page::create(&site.dir, rel, "Network", Nav::Network)?;
    p.raw("<h1>Network of alliances and shared signatures</h1>\n")?;
    let title = issue.and_then(|i| site.issues.get(i)).map(|i| &i.title);
    if let (Some(i), Some(t)) = (issue, title) {
        put!(
            p,
            "<p class=\"lede\">Colour: the current stance on <a href=\"issue/{}.html\">{}</a>.",
            E(i),
            E(t)
        )?;
    } else {
        p.raw("<p class=\"lede\">")?;
    }
    p.raw(" Colour by another issue:")?;
    for (id, i) in &site.issues {
        let t = &i.title;
        if Some(id) == issue {
            put!(p, " <strong>{}</strong>", E(t))?;
        } else {
            put!(p, " <a href=\"network-{}.html\">{}</a>", E(id), E(t))?;
        }
    }
    p.raw("</p>\n")?;
    let vals: Vec<Option<&str>> = g
        .nodes
        .iter()
        .map(|n| issue.and_then(|i| values.get(&(n.id.clone(), i.clone())).map(String::as_str)))
        .collect();
    legend(&mut p, &vals)?;
    svg(&mut p, g, &vals)?;
    put!(
        p,
        "<p class=\"meta\">{} organisations linked by {} memberships (solid lines) and {} pairs that signed the \
         same statements (thin grey lines, thicker for more). The layout is computed by stancedb and is the same \
         for the same database.",
        g.nodes.len(),
        g.members.len(),
        g.shared.len()
    )?;
    if g.left_out > 0 {
        put!(
            p,
            " Only the {MAX_NODES} best-linked organisations are drawn; {} more are left out.",
            g.left_out
        )?;
    }
    p.raw("</p>\n<details><summary>The organisations drawn, as a list</summary><ul>\n")?;
    for (n, v) in g.nodes.iter().zip(&vals) {
        put!(
            p,
            "<li><a href=\"org/{}.html\"><bdi>{}</bdi></a> ",
            E(&n.id),
            E(&n.name)
        )?;
        match v {
            Some(v) => put!(p, "{}", V(v))?,
            None => p.raw("<span class=\"meta\">no stance</span>")?,
        }
        put!(p, " <span class=\"meta\">{} links</span></li>\n", n.links)?;
    }
    p.raw("</ul></details>\n")?;
    p.finish()
}

fn legend(p: &mut Page, vals: &[Option<&str>]) -> Result<()> {
    p.raw("<div class=\"legend\">")?;
    for v in VALUES {
        let n = vals.iter().filter(|x| **x == Some(v)).count();
        if n > 0 {
            put!(p, "<span>{} {n}</span>", V(v))?;
        }
    }
    let none = vals.iter().filter(|x| x.is_none()).count();
    put!(
        p,
        "<span><span class=\"v v-nostance\">no stance</span> {none}</span></div>\n"
    )
}

fn svg(p: &mut Page, g: &Graph, vals: &[Option<&str>]) -> Result<()> {
    put!(
        p,
        "<figure class=\"net\"><svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" aria-label=\"Network of {} organisations\">\n\
         <g class=\"shared\">",
        g.nodes.len()
    )?;
    for e in &g.shared {
        let ((x1, y1), (x2, y2)) = (g.pos[e.a], g.pos[e.b]);
        put!(
            p,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke-width=\"{:.1}\"/>",
            0.6 + 2.0 * e.weight
        )?;
    }
    p.raw("</g>\n<g class=\"members\">")?;
    for e in &g.members {
        let ((x1, y1), (x2, y2)) = (g.pos[e.a], g.pos[e.b]);
        put!(p, "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>")?;
    }
    p.raw("</g>\n<g class=\"nodes\">\n")?;
    for ((n, &(x, y)), v) in g.nodes.iter().zip(&g.pos).zip(vals) {
        let v = v.unwrap_or("nostance");
        let r = 5.0 + (n.links as f64).sqrt().min(6.0);
        put!(
            p,
            "<a href=\"org/{}.html\"><title>{}: {}</title><circle cx=\"{x}\" cy=\"{y}\" r=\"{r:.1}\" class=\"n-{}\"/>\
             <text x=\"{x}\" y=\"{:.1}\"{}>{}</text></a>\n",
            E(&n.id),
            E(&n.name),
            E(&value_label(if v == "nostance" { "no stance" } else { v })),
            E(v),
            y - r - 3.0,
            lang_attr(&n.label.1),
            E(&n.label.0)
        )?;
    }
    p.raw("</g></svg></figure>\n")
}

/// ` lang="…"` for a text not in English.
fn lang_attr(lang: &str) -> String {
    if lang.is_empty() || lang == "en" {
        String::new()
    } else {
        format!(" lang=\"{}\"", E(lang))
    }
}
