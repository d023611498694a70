//! The matcher as bytes, so it is built once and kept in the database (`mention_index`):
//! written after a build, read back as it is on every later run. Anything that does not read
//! back whole and checked (another version's image, a damaged one) is simply not used: the
//! caller builds the matcher again.
use super::index::Index;

/// Names the format; a stancedb that matches differently writes another.
const MAGIC: &[u8; 8] = b"SDBMIX01";

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.extend_from_slice(&(v.len() as u64).to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

fn put_bytes(out: &mut Vec<u8>, v: &[u8]) {
    out.extend_from_slice(&(v.len() as u64).to_le_bytes());
    out.extend_from_slice(v);
}

/// Reads sections off the front of an image.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn len(&mut self, unit: usize) -> Option<usize> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        let n = usize::try_from(u64::from_le_bytes(*head)).ok()?;
        (n.checked_mul(unit)? <= rest.len()).then(|| {
            self.0 = rest;
            n
        })
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len(1)?;
        let (v, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(v)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        let (v, rest) = self.0.split_at(n * 4);
        self.0 = rest;
        Some(
            v.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
}

impl Index {
    /// The bytes `from_image` reads back.
    pub fn image(&self) -> Vec<u8> {
        let fst = self.map.as_fst().as_bytes();
        let mut out = Vec::with_capacity(fst.len() + self.owners.len() + 64);
        out.extend_from_slice(MAGIC);
        put_bytes(&mut out, fst);
        put_u32s(&mut out, &self.shared);
        put_u32s(&mut out, &self.ends);
        put_bytes(&mut out, &self.owners);
        out
    }

    /// The index an image holds; None when it is not a whole, intact image of this format.
    pub fn from_image(bytes: &[u8]) -> Option<Index> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let mut r = Reader(rest);
        let fst = r.bytes()?.to_vec();
        let shared = r.u32s()?;
        let ends = r.u32s()?;
        let owners = r.bytes()?.to_vec();
        let consistent = r.0.is_empty()
            && ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_none_or(|&e| e as usize == owners.len());
        if !consistent {
            return None;
        }
        let map = fst::Map::new(fst).ok()?;
        // The transducer's own checksum: a damaged one would walk wrong states.
        map.as_fst().verify().ok()?;
        Some(Index {
            map,
            shared,
            ends,
            owners,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::index::{Builder, Index};
    use crate::mentions::words::name_key;

    #[test]
    fn an_image_reads_back_and_a_damaged_one_does_not() {
        let mut b = Builder::default();
        let o = b.owner("organisation", "kprf", "KPRF");
        b.add(&name_key("Communist Party of the Russian Federation"), o);
        b.add(&name_key("KPRF"), o);
        let ix = b.build().expect("built");
        let bytes = ix.image();
        let back = Index::from_image(&bytes).expect("reads back");
        assert_eq!(back.find("the KPRF said").len(), 1);
        assert_eq!(back.owner(0).map(|o| o.id), Some("kprf".to_string()));
        assert!(Index::from_image(&bytes[..bytes.len() - 1]).is_none());
        let mut bad = bytes.clone();
        let mid = 8 + 8 + 10;
        bad[mid] ^= 0xff;
        assert!(Index::from_image(&bad).is_none());
        assert!(Index::from_image(b"SDBMIX00").is_none());
    }
}
