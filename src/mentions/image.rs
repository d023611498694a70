//! The matcher as bytes, so it is built once and kept in the database (`mention_index`):
//! written after a build, read back as it is on every later run. Anything that does not read
//! back whole and checked (another version's image, a damaged one) is simply not used: the
//! caller builds the matcher again.
use std::ops::Range;
use std::rc::Rc;

use super::index::{Index, Part};

/// Names the format; a stancedb that matches differently writes another.
const MAGIC: &[u8; 8] = b"SDBMIX01";

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.extend_from_slice(&(v.len() as u64 * 4).to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

fn put_bytes(out: &mut Vec<u8>, v: &[u8]) {
    out.extend_from_slice(&(v.len() as u64).to_le_bytes());
    out.extend_from_slice(v);
}

/// The image of an index's parts: the format's name, then each part's length and bytes.
pub(super) fn write(fst: &[u8], shared: &[u32], ends: &[u32], owners: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 32 + fst.len() + owners.len() + 4 * ends.len());
    out.extend_from_slice(MAGIC);
    put_bytes(&mut out, fst);
    put_u32s(&mut out, shared);
    put_u32s(&mut out, ends);
    put_bytes(&mut out, owners);
    out
}

/// The byte ranges of the parts of an image, in order; None unless they fill it exactly.
fn parts(image: &[u8]) -> Option<[Range<usize>; 4]> {
    let mut at = MAGIC.len();
    (image.get(..at)? == MAGIC).then_some(())?;
    let mut next = || -> Option<Range<usize>> {
        let head: [u8; 8] = image.get(at..at + 8)?.try_into().ok()?;
        let n = usize::try_from(u64::from_le_bytes(head)).ok()?;
        let start = at + 8;
        let end = start.checked_add(n)?;
        (end <= image.len()).then_some(())?;
        at = end;
        Some(start..end)
    };
    let found = [next()?, next()?, next()?, next()?];
    let whole = at == image.len() && found[1].len() % 4 == 0 && found[2].len() % 4 == 0;
    whole.then_some(found)
}

impl Index {
    /// The bytes `from_image` reads back.
    pub fn image(&self) -> &[u8] {
        &self.owners.image
    }

    /// The index an image holds, used in place; None when it is not a whole, intact image of
    /// this format.
    pub fn from_image(image: Vec<u8>) -> Option<Index> {
        let [fst, shared, ends, owners] = parts(&image)?;
        let image = Rc::new(image);
        let part = |range| Part {
            image: image.clone(),
            range,
        };
        let map = fst::Map::new(part(fst)).ok()?;
        // The transducer's own checksum: a damaged one would walk wrong states.
        map.as_fst().verify().ok()?;
        // The other parts are read with bounds checked (`Index::owner`): no check here.
        Some(Index {
            map,
            shared: part(shared),
            ends: part(ends),
            owners: part(owners),
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
        let bytes = ix.image().to_vec();
        let back = Index::from_image(bytes.clone()).expect("reads back");
        assert_eq!(back.find("the KPRF said").len(), 1);
        assert_eq!(back.owner(0).map(|o| o.id), Some("kprf".to_string()));
        assert!(Index::from_image(bytes[..bytes.len() - 1].to_vec()).is_none());
        let mut bad = bytes.clone();
        let mid = 8 + 8 + 10;
        bad[mid] ^= 0xff;
        assert!(Index::from_image(bad).is_none());
        assert!(Index::from_image(b"SDBMIX00".to_vec()).is_none());
    }
}
