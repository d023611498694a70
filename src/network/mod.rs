//! Questions across statements: who signs with whom (co-signature), the blocs the signatures
//! draw (community detection), how cohesive an alliance is on an issue, and the graph files
//! for Gephi and networkx. The store gives the signatures (src/store/cosign.rs); the measures
//! are computed here.
pub mod blocs;
pub mod cohesion;
pub mod cosign;
pub mod graph;
pub mod louvain;
pub mod window;
