//! Community detection by the Louvain method (Blondel, Guillaume, Lambiotte, Lefebvre,
//! "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, P10008), written
//! out here: no well-kept Rust crate offered it (petgraph has none), and the method is short.
//!
//! Phase 1: every node starts alone; nodes are visited in index order and each moves to the
//! neighbouring community with the largest modularity gain ΔQ ∝ k_i,C − Σ_tot(C)·k_i / 2m
//! (staying where it is unless a move is strictly better), until a full pass moves nothing.
//! Phase 2: each community becomes one node (its internal weight a self-loop) and phase 1
//! runs again, until nothing moves. No randomness: the same graph gives the same partition.
//!
//! Modularity Q = Σ_C [ in_C / 2m − (tot_C / 2m)² ], in_C the weight of edges inside C counted
//! from both ends, tot_C the sum of its nodes' strengths, 2m the sum of all strengths.

/// Gains closer than this are ties (floating-point noise must not decide a move).
const EPS: f64 = 1e-12;
/// A bound on passes of phase 1 (each pass that moves strictly raises Q, so it ends anyway).
const MAX_PASSES: usize = 1000;

/// The communities found: one per node, numbered from 0 in order of their first node.
pub struct Partition {
    pub community: Vec<u32>,
    pub modularity: f64,
    /// How many times phase 2 merged communities into nodes.
    pub levels: usize,
}

/// Adjacency lists (each edge from both ends; a self-loop listed once with its full weight).
struct Graph {
    adj: Vec<Vec<(u32, f64)>>,
    strength: Vec<f64>,
    m2: f64,
}

impl Graph {
    fn new(adj: Vec<Vec<(u32, f64)>>) -> Graph {
        let strength: Vec<f64> = adj.iter().map(|r| r.iter().map(|e| e.1).sum()).collect();
        let m2 = strength.iter().sum();
        Graph { adj, strength, m2 }
    }
}

/// Phase 1 on `g`: the community of each node (not yet numbered densely), and whether any moved.
fn local_moves(g: &Graph) -> (Vec<u32>, bool) {
    let n = g.adj.len();
    let mut comm: Vec<u32> = (0..n as u32).collect();
    let mut tot = g.strength.clone();
    let mut w_to = vec![0.0f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut any = false;
    for _ in 0..MAX_PASSES {
        let mut moved = false;
        for i in 0..n {
            let (ki, old) = (g.strength[i], comm[i]);
            for &(j, w) in &g.adj[i] {
                if j as usize == i {
                    continue;
                }
                let c = comm[j as usize];
                if !seen[c as usize] {
                    seen[c as usize] = true;
                    touched.push(c);
                }
                w_to[c as usize] += w;
            }
            tot[old as usize] -= ki;
            let gain = |c: u32| w_to[c as usize] - tot[c as usize] * ki / g.m2;
            let (mut best, mut best_gain) = (old, gain(old));
            for &c in &touched {
                let x = gain(c);
                if x > best_gain + EPS {
                    (best, best_gain) = (c, x);
                }
            }
            tot[best as usize] += ki;
            comm[i] = best;
            moved |= best != old;
            for &c in &touched {
                w_to[c as usize] = 0.0;
                seen[c as usize] = false;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
        any = true;
    }
    (comm, any)
}

/// Communities renumbered 0.. in order of their first node; returns how many.
fn renumber(comm: &mut [u32]) -> usize {
    let mut new = vec![u32::MAX; comm.len()];
    let mut k = 0u32;
    for c in comm.iter_mut() {
        if new[*c as usize] == u32::MAX {
            new[*c as usize] = k;
            k += 1;
        }
        *c = new[*c as usize];
    }
    k as usize
}

/// Phase 2: one node per community, edges summed (inside ones as a self-loop).
fn aggregate(g: &Graph, comm: &[u32], k: usize) -> Graph {
    let mut rows: Vec<std::collections::BTreeMap<u32, f64>> = vec![Default::default(); k];
    for (i, r) in g.adj.iter().enumerate() {
        for &(j, w) in r {
            *rows[comm[i] as usize].entry(comm[j as usize]).or_default() += w;
        }
    }
    Graph::new(rows.into_iter().map(|r| r.into_iter().collect()).collect())
}

/// Modularity of a partition of the graph `adj`.
pub fn modularity(adj: &[Vec<(u32, f64)>], community: &[u32]) -> f64 {
    let g = Graph::new(adj.to_vec());
    if g.m2 <= 0.0 {
        return 0.0;
    }
    let k = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let (mut inside, mut tot) = (vec![0.0f64; k], vec![0.0f64; k]);
    for (i, r) in adj.iter().enumerate() {
        let c = community[i] as usize;
        tot[c] += g.strength[i];
        for &(j, w) in r {
            if community[j as usize] as usize == c {
                inside[c] += w;
            }
        }
    }
    (0..k)
        .map(|c| inside[c] / g.m2 - (tot[c] / g.m2).powi(2))
        .sum()
}

/// The Louvain partition of `adj` (nodes in the order given decide ties).
pub fn louvain(adj: &[Vec<(u32, f64)>]) -> Partition {
    let mut community: Vec<u32> = (0..adj.len() as u32).collect();
    let mut g = Graph::new(adj.to_vec());
    let mut levels = 0;
    while g.m2 > 0.0 {
        let (mut comm, moved) = local_moves(&g);
        if !moved {
            break;
        }
        let k = renumber(&mut comm);
        for c in community.iter_mut() {
            *c = comm[*c as usize];
        }
        g = aggregate(&g, &comm, k);
        levels += 1;
    }
    renumber(&mut community);
    let modularity = modularity(adj, &community);
    Partition {
        community,
        modularity,
        levels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32, f64)], n: usize) -> Vec<Vec<(u32, f64)>> {
        let mut adj = vec![Vec::new(); n];
        for &(a, b, w) in edges {
            adj[a as usize].push((b, w));
            adj[b as usize].push((a, w));
        }
        for r in &mut adj {
            r.sort_by_key(|e| e.0);
        }
        adj
    }

    #[test]
    fn two_triangles_joined_by_one_edge_split_into_the_two_triangles() {
        let adj = graph(
            &[
                (0, 1, 1.),
                (1, 2, 1.),
                (0, 2, 1.),
                (3, 4, 1.),
                (4, 5, 1.),
                (3, 5, 1.),
                (2, 3, 1.),
            ],
            6,
        );
        let p = louvain(&adj);
        assert_eq!(p.community, [0, 0, 0, 1, 1, 1]);
        // in = 6 each (3 edges from both ends), tot = 7 each, 2m = 14: 2·(6/14 − (7/14)²).
        assert!(
            (p.modularity - (12.0 / 14.0 - 0.5)).abs() < 1e-12,
            "{}",
            p.modularity
        );
    }

    #[test]
    fn a_graph_without_edges_leaves_every_node_alone_with_modularity_zero() {
        let p = louvain(&[Vec::new(), Vec::new()]);
        assert_eq!(p.community, [0, 1]);
        assert_eq!(p.modularity, 0.0);
    }
}
