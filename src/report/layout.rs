//! A deterministic force-directed layout (Fruchterman–Reingold) for the network drawing: the
//! same graph always gives the same coordinates, since the start positions come from the node
//! order (a sunflower spiral), the number of steps is fixed and nothing is random.

/// An undirected edge between two node indices; `weight` scales its pull.
#[derive(Clone, Copy, Debug)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: f64,
}

/// Width and height of the drawing, in SVG user units.
pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 700.0;
const MARGIN: f64 = 40.0;
const STEPS: usize = 300;
const GRAVITY: f64 = 1.5;

/// Positions for `n` nodes joined by `edges`, inside WIDTH × HEIGHT, rounded to 0.1.
pub fn layout(n: usize, edges: &[Edge]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = (i as f64 + 0.5).sqrt();
            let t = i as f64 * golden;
            (r * t.cos(), r * t.sin())
        })
        .collect();
    // Ideal distance for unit area per node.
    let area = n as f64;
    let k = (area / n as f64).sqrt();
    let mut temp = (n as f64).sqrt() / 4.0 + 0.5;
    let cool = temp / STEPS as f64;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for _ in 0..STEPS {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-4);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for e in edges {
            let (dx, dy) = (pos[e.a].0 - pos[e.b].0, pos[e.a].1 - pos[e.b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-2);
            let f = d / k * e.weight;
            disp[e.a].0 -= dx * f;
            disp[e.a].1 -= dy * f;
            disp[e.b].0 += dx * f;
            disp[e.b].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            // Gravity keeps separate groups on the page.
            let (gx, gy) = (d.0 - p.0 * GRAVITY * k, d.1 - p.1 * GRAVITY * k);
            let len = (gx * gx + gy * gy).sqrt().max(1e-9);
            let step = len.min(temp);
            p.0 += gx / len * step;
            p.1 += gy / len * step;
        }
        temp = (temp - cool).max(0.01);
    }
    fit(&pos)
}

/// Scale the positions into the drawing area, keeping the aspect, rounded to 0.1.
fn fit(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pos {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let (w, h) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    let s = ((WIDTH - 2.0 * MARGIN) / w).min((HEIGHT - 2.0 * MARGIN) / h);
    let (ox, oy) = (
        (WIDTH - w * s) / 2.0 - x0 * s,
        (HEIGHT - h * s) / 2.0 - y0 * s,
    );
    let round = |v: f64| (v * 10.0).round() / 10.0;
    pos.iter()
        .map(|&(x, y)| (round(x * s + ox), round(y * s + oy)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Vec<Edge> {
        (0..n)
            .map(|i| Edge {
                a: i,
                b: (i + 1) % n,
                weight: 1.0,
            })
            .collect()
    }

    #[test]
    fn the_same_graph_gives_the_same_layout() {
        assert_eq!(layout(40, &ring(40)), layout(40, &ring(40)));
    }

    #[test]
    fn every_node_lies_inside_the_drawing() {
        for &(x, y) in &layout(25, &ring(25)) {
            assert!((MARGIN - 0.1..=WIDTH - MARGIN + 0.1).contains(&x), "x {x}");
            assert!((MARGIN - 0.1..=HEIGHT - MARGIN + 0.1).contains(&y), "y {y}");
        }
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // Two triangles joined by nothing: nodes within a triangle sit closer than across.
        let tri = |o: usize| {
            [(0, 1), (1, 2), (0, 2)].map(|(a, b)| Edge {
                a: a + o,
                b: b + o,
                weight: 1.0,
            })
        };
        let edges: Vec<Edge> = tri(0).into_iter().chain(tri(3)).collect();
        let p = layout(6, &edges);
        let d = |i: usize, j: usize| ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 4), "{p:?}");
    }
}
