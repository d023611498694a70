//! Matching a printed name (and the country printed with it) against every recorded name
//! form, with a status and the reason for it: `exact` (a recorded form equals the name after
//! folding), `likely` (equal once an abbreviation is expanded, an article dropped, the words
//! reordered, the printed country read, or spelled as another transliteration), `ambiguous`
//! (several candidates, or only part of a name matches) or `new`. A printed country that
//! differs from an organisation's rules it out; a qualifier one name has and the other lacks
//! ("(Marxist)", "of the Workers of", "New") keeps them apart.
pub mod words;

use std::collections::HashMap;

mod levels;

use words::{exact_key, loose_words, phonetic_key, sorted_key, without_countries};

/// What a printed name is proposed to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Exact,
    Likely,
    Ambiguous,
    New,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "exact",
            Status::Likely => "likely",
            Status::Ambiguous => "ambiguous",
            Status::New => "new",
        }
    }
}

/// A recorded organisation, as matching sees it.
#[derive(Clone, Debug)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
}

/// A name as a list prints it. (A date the list was printed on can join here, for forms
/// valid at a date.)
#[derive(Clone, Copy, Debug)]
pub struct Printed<'a> {
    pub name: &'a str,
    /// The country code of the country printed with the name, if any.
    pub country: Option<&'a str>,
    /// That country as printed.
    pub country_as_printed: Option<&'a str>,
}

/// One proposal: the status, the organisation (exact or likely), the candidates best first
/// and why.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub status: Status,
    pub org: Option<Org>,
    pub candidates: Vec<Org>,
    pub reason: String,
}

/// Every recorded name form, keyed for each level of matching.
#[derive(Default)]
pub struct Index {
    orgs: Vec<Org>,
    ids: HashMap<String, usize>,
    exact: HashMap<String, Vec<usize>>,
    loose: HashMap<String, Vec<usize>>,
    /// Loose key without country names -> (organisation, the country its form names).
    bare: HashMap<String, Vec<(usize, Option<&'static str>)>>,
    sorted: HashMap<String, Vec<usize>>,
    phonetic: HashMap<String, Vec<usize>>,
    /// Loose word -> the sorted keys of the forms holding it.
    postings: HashMap<String, Vec<u32>>,
    keys: Vec<(String, Vec<String>)>,
}

fn add<K: std::hash::Hash + Eq, V: PartialEq>(map: &mut HashMap<K, Vec<V>>, k: K, v: V) {
    let e = map.entry(k).or_default();
    if !e.contains(&v) {
        e.push(v);
    }
}

impl Index {
    /// An index of `forms`: (organisation, one of its names).
    pub fn new(forms: impl IntoIterator<Item = (Org, String)>) -> Index {
        let mut ix = Index::default();
        let mut sorted_ids: HashMap<String, u32> = HashMap::new();
        for (org, form) in forms {
            let o = *ix.ids.entry(org.id.clone()).or_insert_with(|| {
                ix.orgs.push(org.clone());
                ix.orgs.len() - 1
            });
            add(&mut ix.exact, exact_key(&form), o);
            let (loose, _) = loose_words(&form);
            if loose.is_empty() {
                continue;
            }
            add(&mut ix.loose, loose.join(" "), o);
            let (bare, code) = without_countries(&loose);
            let code = code.or_else(|| {
                let c = ix.orgs[o].country.as_deref()?;
                crate::lists::countries::known(c)
            });
            add(&mut ix.bare, bare.join(" "), (o, code));
            let sk = sorted_key(&loose);
            add(&mut ix.sorted, sk.clone(), o);
            add(&mut ix.phonetic, phonetic_key(&loose), o);
            if !sorted_ids.contains_key(&sk) {
                let id = ix.keys.len() as u32;
                sorted_ids.insert(sk.clone(), id);
                for w in &loose {
                    add(&mut ix.postings, w.clone(), id);
                }
                ix.keys.push((sk, loose));
            }
        }
        ix
    }

    /// The organisation with id `id`, if indexed.
    pub fn org(&self, id: &str) -> Option<&Org> {
        self.ids.get(id).map(|o| &self.orgs[*o])
    }

    pub(crate) fn hits(&self, map: &HashMap<String, Vec<usize>>, key: &str) -> Vec<usize> {
        map.get(key).cloned().unwrap_or_default()
    }

    /// `hits` without the organisations whose recorded country differs from the printed
    /// one (each noted in `ruled_out`).
    pub(crate) fn by_country(
        &self,
        hits: Vec<usize>,
        printed: Option<&str>,
        ruled_out: &mut Vec<String>,
    ) -> Vec<usize> {
        let Some(code) = printed else { return hits };
        hits.into_iter()
            .filter(|o| {
                let org = &self.orgs[*o];
                let same = org.country.as_deref().is_none_or(|c| c == code);
                if !same {
                    let note = format!(
                        "{} is in {}, the list prints {code}",
                        org.id,
                        org.country.as_deref().unwrap_or("?")
                    );
                    if !ruled_out.contains(&note) {
                        ruled_out.push(note);
                    }
                }
                same
            })
            .collect()
    }

    pub(crate) fn proposal(&self, status: Status, hits: &[usize], reason: String) -> Proposal {
        let candidates: Vec<Org> = hits.iter().map(|o| self.orgs[*o].clone()).collect();
        Proposal {
            status,
            org: matches!(status, Status::Exact | Status::Likely).then(|| candidates[0].clone()),
            candidates,
            reason,
        }
    }
}
