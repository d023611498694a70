//! Blocs: the Louvain communities of the co-signature graph, numbered by size, each member
//! with its strength (statements signed together, summed over partners).
use crate::error::Result;
use crate::network::graph::{self, CoGraph};
use crate::network::louvain::{self, Partition};
use crate::network::window::Window;
use crate::store::Store;

/// The graph, its partition, and the blocs in the order they are shown.
pub struct Blocs {
    pub graph: CoGraph,
    pub partition: Partition,
    /// Bloc number (1 = largest) of each node.
    pub bloc: Vec<usize>,
    /// The nodes of each bloc (bloc 1 first), strongest first, then by id.
    pub members: Vec<Vec<usize>>,
}

impl Blocs {
    /// The weight of edges inside bloc `b` (each pair once) and leaving it.
    pub fn ties(&self, b: usize) -> (f64, f64) {
        let (mut inside, mut across) = (0.0, 0.0);
        for &i in &self.members[b] {
            for &(j, w) in &self.graph.adj[i] {
                if self.bloc[j as usize] == b + 1 {
                    inside += w / 2.0;
                } else {
                    across += w;
                }
            }
        }
        (inside, across)
    }
}

/// The blocs of the signatures in the window: larger blocs first (ties: the bloc whose
/// first organisation id sorts first).
pub fn blocs(store: &Store, w: &Window) -> Result<Blocs> {
    let graph = graph::build(store, w)?;
    let partition = louvain::louvain(&graph.adj);
    let k = partition
        .community
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in partition.community.iter().enumerate() {
        members[c as usize].push(i);
    }
    // Nodes are in id order, so a community's first node is its smallest id.
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let strength: Vec<f64> = (0..graph.ids.len()).map(|i| graph.strength(i)).collect();
    let mut bloc = vec![0; graph.ids.len()];
    for (b, m) in members.iter_mut().enumerate() {
        m.sort_by(|&x, &y| strength[y].total_cmp(&strength[x]).then(x.cmp(&y)));
        for &i in m.iter() {
            bloc[i] = b + 1;
        }
    }
    Ok(Blocs {
        graph,
        partition,
        bloc,
        members,
    })
}
