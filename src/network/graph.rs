//! The co-signature graph: organisations as nodes (in id order), an edge between two that
//! signed a statement together, weighted by how many statements they signed together.
//! Organisations with no co-signer in the window are not nodes.
use std::collections::HashMap;

use crate::error::Result;
use crate::network::window::Window;
use crate::store::{Store, cosign};

/// An undirected weighted graph as adjacency lists (each edge listed from both ends, sorted
/// by neighbour); node `i` is the organisation `ids[i]`.
pub struct CoGraph {
    pub ids: Vec<String>,
    pub adj: Vec<Vec<(u32, f64)>>,
    /// Statements in the window with at least two signatories among the nodes.
    pub statements: usize,
}

impl CoGraph {
    /// The number of edges (each pair once).
    pub fn edges(&self) -> usize {
        self.adj.iter().map(Vec::len).sum::<usize>() / 2
    }
    /// The sum of a node's edge weights (statements signed together, over all partners).
    pub fn strength(&self, i: usize) -> f64 {
        self.adj[i].iter().map(|e| e.1).sum()
    }
}

/// The signers of each statement in the window, as indexes into the sorted organisation ids.
fn statement_lists(store: &Store, w: &Window) -> Result<(Vec<String>, Vec<Vec<u32>>)> {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let mut current: Option<String> = None;
    cosign::signatures(store, w, |doc, org| {
        if current.as_deref() != Some(doc) {
            current = Some(doc.to_string());
            lists.push(Vec::new());
        }
        let next = index.len() as u32;
        let i = *index.entry(org.to_string()).or_insert(next);
        if let Some(l) = lists.last_mut() {
            l.push(i);
        }
        Ok(())
    })?;
    lists.retain(|l| l.len() > 1);
    // Renumber in id order, so everything downstream is ordered by id.
    let mut ids: Vec<(String, u32)> = index.into_iter().collect();
    ids.sort();
    let mut rank = vec![0u32; ids.len()];
    for (r, (_, old)) in ids.iter().enumerate() {
        rank[*old as usize] = r as u32;
    }
    for l in &mut lists {
        for x in l.iter_mut() {
            *x = rank[*x as usize];
        }
    }
    Ok((ids.into_iter().map(|(id, _)| id).collect(), lists))
}

/// The graph of the signatures in the window: for each organisation, one pass over the
/// signers of its statements with a counter per partner (no table of all pairs is held).
pub fn build(store: &Store, w: &Window) -> Result<CoGraph> {
    let (all_ids, lists) = statement_lists(store, w)?;
    let n = all_ids.len();
    let mut signed: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (s, l) in lists.iter().enumerate() {
        for &i in l {
            signed[i as usize].push(s as u32);
        }
    }
    let mut count = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut adj_all: Vec<Vec<(u32, f64)>> = Vec::with_capacity(n);
    for (i, stmts) in signed.iter().enumerate() {
        for &s in stmts {
            for &j in &lists[s as usize] {
                if j as usize != i {
                    if count[j as usize] == 0 {
                        touched.push(j);
                    }
                    count[j as usize] += 1;
                }
            }
        }
        touched.sort_unstable();
        let row = touched
            .iter()
            .map(|&j| (j, f64::from(std::mem::take(&mut count[j as usize]))))
            .collect();
        touched.clear();
        adj_all.push(row);
    }
    // Keep the organisations with a co-signer, renumbered densely (order kept).
    let mut new = vec![u32::MAX; n];
    let mut ids = Vec::new();
    for (i, id) in all_ids.into_iter().enumerate() {
        if !adj_all[i].is_empty() {
            new[i] = ids.len() as u32;
            ids.push(id);
        }
    }
    let adj = adj_all
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().map(|(j, x)| (new[j as usize], x)).collect())
        .collect();
    Ok(CoGraph {
        ids,
        adj,
        statements: lists.len(),
    })
}
