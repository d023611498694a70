//! Alliance cohesion on an issue: the camp shares of its members and the Hix agreement index.
//!
//! Agreement index (Hix, Noury and Roland, "Power to the Parties", British Journal of
//! Political Science 35(2), 2005), for k possible positions with p_max the share of the
//! largest: AI = (k · p_max − 1) / (k − 1). It is 1 when all agree and 0 when the members are
//! split evenly over the k positions. Here k = 3 (support, oppose, ambivalent, as the
//! parliament's yes, no, abstain), where it reads AI = 1 − 1.5 · (1 − p_max).

/// The camps counted, in the order shown; `none_found` and no stance are not positions.
pub const CAMPS: [&str; 3] = ["support", "oppose", "ambivalent"];

/// The agreement index of camp counts (None when no member takes a position).
pub fn agreement_index(counts: &[i64]) -> Option<f64> {
    let total: i64 = counts.iter().sum();
    let max = counts.iter().copied().max()?;
    if total == 0 || counts.len() < 2 {
        return None;
    }
    let k = counts.len() as f64;
    let p = max as f64 / total as f64;
    Some((k * p - 1.0) / (k - 1.0))
}

#[cfg(test)]
mod tests {
    use super::agreement_index;

    #[test]
    fn the_index_is_one_for_unanimity_zero_for_an_even_split_and_the_three_value_form_between() {
        assert_eq!(agreement_index(&[5, 0, 0]), Some(1.0));
        assert_eq!(agreement_index(&[2, 2, 2]), Some(0.0));
        assert_eq!(agreement_index(&[0, 0, 0]), None);
        let p: f64 = 3.0 / 4.0;
        let ai = agreement_index(&[1, 3, 0]).unwrap();
        assert!((ai - (1.0 - 1.5 * (1.0 - p))).abs() < 1e-12);
    }
}
