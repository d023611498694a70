//! The levels a printed name is tried at, strict to loose: exact (also with a recorded form
//! in brackets), the loose keys, then part of a name (candidates only, never a match), where a
//! qualifier one name lacks rules the candidate out.
use super::words::{
    exact_key, is_qualifier, loose_words, phonetic_key, sorted_key, without_countries,
};
use super::{Index, Printed, Proposal, Status};
use crate::lists::countries;

/// The most words a printed name is searched for recorded names inside it.
const MAX_SUBSET_WORDS: usize = 8;
/// The longest list of forms holding a word that is scanned for forms holding the name.
const MAX_POSTINGS: usize = 3000;

/// A name without its bracketed parts, and the parts.
fn brackets(name: &str) -> (String, Vec<String>) {
    let (mut bare, mut parts, mut cur, mut depth) = (String::new(), Vec::new(), String::new(), 0);
    for c in name.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                cur.clear();
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                parts.push(cur.trim().to_string());
            }
            _ if depth > 0 => cur.push(c),
            _ => bare.push(c),
        }
    }
    parts.retain(|p| !p.is_empty());
    (bare.split_whitespace().collect::<Vec<_>>().join(" "), parts)
}

impl Index {
    /// The proposal for one printed name.
    pub fn propose(&self, p: Printed) -> Proposal {
        let mut ruled_out: Vec<String> = Vec::new();
        let mut blocked: Vec<String> = Vec::new();
        if let Some(found) = self.exact_level(p, &mut ruled_out, &mut blocked) {
            return found;
        }
        let (loose, expanded) = loose_words(p.name);
        if !loose.is_empty()
            && let Some(found) = self.loose_levels(p, &loose, expanded, &mut ruled_out)
        {
            return found;
        }
        self.partial(p, &loose, ruled_out, blocked)
    }

    fn exact_level(
        &self,
        p: Printed,
        ruled_out: &mut Vec<String>,
        blocked: &mut Vec<String>,
    ) -> Option<Proposal> {
        let mut hits = self.hits(&self.exact, &exact_key(p.name));
        if let Some(t) = p.country_as_printed {
            for o in self.hits(&self.exact, &exact_key(&format!("{} {t}", p.name))) {
                if !hits.contains(&o) {
                    hits.push(o);
                }
            }
        }
        if hits.is_empty() {
            return self.bracketed(p, ruled_out, blocked);
        }
        let kept = self.by_country(hits, p.country, ruled_out);
        let country = |o: usize| self.orgs[o].country.as_deref();
        match kept.as_slice() {
            [] => None,
            [o] if p.country.is_some() && country(*o).is_none() => Some(self.proposal(
                Status::Likely,
                &kept,
                "a recorded name form; the printed country is not on record".to_string(),
            )),
            [_] => Some(self.proposal(Status::Exact, &kept, "a recorded name form".to_string())),
            many => {
                let same: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|o| p.country.is_some() && country(*o) == p.country)
                    .collect();
                if same.len() == 1 && many.iter().all(|o| country(*o).is_some()) {
                    Some(self.proposal(
                        Status::Exact,
                        &same,
                        "a recorded name form; the printed country tells it apart".to_string(),
                    ))
                } else {
                    Some(self.proposal(
                        Status::Ambiguous,
                        many,
                        "several organisations have this name form".to_string(),
                    ))
                }
            }
        }
    }

    /// "Name (ABBR)": exact when the name and every bracketed part are forms (or the
    /// country) of one organisation; a part that is neither blocks it.
    fn bracketed(
        &self,
        p: Printed,
        ruled_out: &mut Vec<String>,
        blocked: &mut Vec<String>,
    ) -> Option<Proposal> {
        let (bare, parts) = brackets(p.name);
        if parts.is_empty() || bare.is_empty() {
            return None;
        }
        let hits = self.by_country(
            self.hits(&self.exact, &exact_key(&bare)),
            p.country,
            ruled_out,
        );
        if let [o] = hits.as_slice() {
            let org = &self.orgs[*o];
            let unexplained: Vec<&str> = parts
                .iter()
                .filter(|part| {
                    let form = self.hits(&self.exact, &exact_key(part)).contains(o);
                    let country =
                        countries::code(part).is_some_and(|c| org.country.as_deref() == Some(c));
                    !(form || country)
                })
                .map(String::as_str)
                .collect();
            if unexplained.is_empty() {
                let why = "a recorded name form, with a recorded form in brackets".to_string();
                return Some(self.proposal(Status::Exact, &hits, why));
            }
            blocked.push(format!(
                "not {} ({}): “{}” is not in its names",
                org.id,
                org.name,
                unexplained.join("”, “")
            ));
            return None;
        }
        if hits.is_empty() {
            for part in &parts {
                let h = self.by_country(
                    self.hits(&self.exact, &exact_key(part)),
                    p.country,
                    ruled_out,
                );
                if h.len() == 1 {
                    let why = format!("the bracketed “{part}” is a recorded name form");
                    return Some(self.proposal(Status::Likely, &h, why));
                }
            }
        }
        None
    }

    fn loose_levels(
        &self,
        p: Printed,
        loose: &[String],
        expanded: bool,
        ruled_out: &mut Vec<String>,
    ) -> Option<Proposal> {
        let with = |why: &str| match expanded {
            true => format!("abbreviation expanded; {why}"),
            false => why.to_string(),
        };
        let (bare, named) = without_countries(loose);
        let bare_hits: Vec<usize> = match (p.country.or(named), bare.is_empty()) {
            (Some(c), false) => self
                .bare
                .get(&bare.join(" "))
                .map(|v| {
                    v.iter()
                        .filter(|(_, k)| *k == Some(c))
                        .map(|(o, _)| *o)
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let levels = [
            (
                self.hits(&self.loose, &loose.join(" ")),
                match expanded {
                    true => "abbreviation expanded".to_string(),
                    false => "article or preposition dropped".to_string(),
                },
            ),
            (bare_hits, with("printed country agrees")),
            (
                self.hits(&self.sorted, &sorted_key(loose)),
                with("word order"),
            ),
            (
                self.hits(&self.phonetic, &phonetic_key(loose)),
                with("transliteration"),
            ),
        ];
        for (hits, why) in levels {
            let mut hits = self.by_country(hits, p.country, ruled_out);
            hits.sort_unstable();
            hits.dedup();
            match hits.len() {
                0 => continue,
                1 => return Some(self.proposal(Status::Likely, &hits, why)),
                _ => {
                    let why = format!("several names equal once {why}");
                    return Some(self.proposal(Status::Ambiguous, &hits, why));
                }
            }
        }
        None
    }

    /// Recorded names inside the printed one, or holding all of it: candidates, unless the
    /// words between them hold a qualifier.
    fn partial(
        &self,
        p: Printed,
        loose: &[String],
        ruled_out: Vec<String>,
        mut blocked: Vec<String>,
    ) -> Proposal {
        let mut words: Vec<&str> = loose.iter().map(String::as_str).collect();
        words.sort_unstable();
        words.dedup();
        let mut found: Vec<(f64, usize)> = Vec::new();
        let mut consider = |key: &str, form: &[&str], blocked: &mut Vec<String>| {
            let extra: Vec<&str> = form
                .iter()
                .filter(|w| !words.contains(w))
                .chain(words.iter().filter(|w| !form.contains(w)))
                .copied()
                .collect();
            let Some(orgs) = self.sorted.get(key) else {
                return;
            };
            let score = (form.len() + words.len() - extra.len()) as f64
                / (form.len() + words.len() + extra.len()) as f64;
            for o in orgs {
                if let Some(q) = extra.iter().find(|w| is_qualifier(w)) {
                    let org = &self.orgs[*o];
                    let note = format!("not {} ({}): “{q}” is in one name only", org.id, org.name);
                    let noted = format!("not {} (", org.id);
                    if !blocked.iter().any(|b| b.starts_with(&noted)) && blocked.len() < 3 {
                        blocked.push(note);
                    }
                } else if !found.iter().any(|(_, f)| f == o) {
                    found.push((score, *o));
                }
            }
        };
        let n = words.len();
        if (2..=MAX_SUBSET_WORDS).contains(&n) {
            for mask in 1u32..(1 << n) - 1 {
                let sub: Vec<&str> = (0..n)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| words[i])
                    .collect();
                if sub.len() * 2 >= n {
                    consider(&sub.join(" "), &sub, &mut blocked);
                }
            }
        }
        let rarest = words
            .iter()
            .filter_map(|w| self.postings.get(*w))
            .min_by_key(|v| v.len());
        if let Some(ids) = rarest.filter(|v| v.len() <= MAX_POSTINGS && n > 0) {
            for id in ids {
                let (key, form) = &self.keys[*id as usize];
                let form: Vec<&str> = form.iter().map(String::as_str).collect();
                if form.len() > n && words.iter().all(|w| form.contains(w)) {
                    consider(key, &form, &mut blocked);
                }
            }
        }
        self.partial_result(p, found, ruled_out, blocked)
    }

    /// The best partial candidates as `ambiguous`, else `new` with why nothing matched.
    fn partial_result(
        &self,
        p: Printed,
        mut found: Vec<(f64, usize)>,
        mut ruled_out: Vec<String>,
        blocked: Vec<String>,
    ) -> Proposal {
        found.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.orgs[a.1].id.cmp(&self.orgs[b.1].id))
        });
        let hits = self.by_country(
            found.into_iter().map(|(_, o)| o).collect(),
            p.country,
            &mut ruled_out,
        );
        if !hits.is_empty() {
            let hits: Vec<usize> = hits.into_iter().take(5).collect();
            return self.proposal(
                Status::Ambiguous,
                &hits,
                "only part of a recorded name matches".to_string(),
            );
        }
        let mut why: Vec<String> = blocked;
        why.extend(ruled_out);
        Proposal {
            status: Status::New,
            org: None,
            candidates: Vec::new(),
            reason: if why.is_empty() {
                "no recorded name is close".to_string()
            } else {
                why.join("; ")
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::brackets;

    #[test]
    fn bracketed_parts_come_apart() {
        assert_eq!(
            brackets("Philippines Communist Party [PKP 1930]"),
            (
                "Philippines Communist Party".to_string(),
                vec!["PKP 1930".to_string()]
            )
        );
    }
}
