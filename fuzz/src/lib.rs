//! Pieces the stancedb fuzz targets share: the seeded database every execution runs against,
//! its fingerprint, the import input format and its header-aware mutator, a small random source.
pub mod fingerprint;
pub mod import_input;
pub mod mutator;
pub mod tokens;

/// A xorshift random source, seeded by libFuzzer's mutator seed (reproducible mutations).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u32) -> Rng {
        Rng(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Whether the target should print its outcome counts (`STANCEDB_FUZZ_STATS=1`).
pub fn stats_wanted() -> bool {
    std::env::var_os("STANCEDB_FUZZ_STATS").is_some()
}
