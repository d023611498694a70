//! The synthetic corpus: every row derived from (seed, table, index), so any row can be
//! regenerated on demand and nothing large is held in memory.
use anyhow::ensure;

use super::words::*;
use super::{Args, Rng};

/// Everything the generator derives from the options; rows are computed from indexes.
pub(crate) struct Corpus {
    pub(crate) a: Args,
    pub(crate) countries: Vec<Vec<&'static str>>,
    pub(crate) adjectives: Vec<Vec<&'static str>>,
    pub(crate) ideologies: Vec<Vec<&'static str>>,
    pub(crate) types: Vec<Vec<&'static str>>,
    pub(crate) alliance: Vec<&'static str>,
    pub(crate) events: Vec<Vec<&'static str>>,
    pub(crate) alliances: u64,
    pub(crate) people: u64,
    pub(crate) articles: u64,
    /// signatures per statement
    pub(crate) counts: Vec<u64>,
    pub(crate) org_perm: (u64, u64),
}

/// One organisation: its id, English name, kind, country and every (name, lang, kind).
pub(crate) struct Org {
    pub(crate) id: String,
    pub(crate) en: String,
    pub(crate) kind: &'static str,
    pub(crate) country: Option<&'static str>,
    pub(crate) names: Vec<(String, &'static str, &'static str)>,
}

impl Corpus {
    pub(crate) fn new(a: Args) -> anyhow::Result<Corpus> {
        ensure!(
            a.orgs >= 20 && a.statements >= 2,
            "need --orgs >= 20 and --statements >= 2"
        );
        ensure!(
            a.signatures <= a.statements * a.orgs,
            "more signatures than statements × organisations"
        );
        let articles = (a.statements / 2).max(1);
        ensure!(
            a.stances / a.orgs < a.statements + articles,
            "too many stances per organisation"
        );
        let mut c = Corpus {
            countries: table(COUNTRIES),
            adjectives: table(ADJECTIVES),
            ideologies: table(IDEOLOGIES),
            types: table(TYPES),
            alliance: ALLIANCE.split('|').collect(),
            events: table(EVENTS),
            alliances: (a.orgs / 5000).clamp(3, 40),
            people: (a.orgs / 50).max(5),
            articles,
            counts: Vec::new(),
            org_perm: (1, 0),
            a,
        };
        let mut r = Rng::new(c.a.seed, 1, 0);
        c.org_perm = r.permutation(c.combos());
        // Signatories per statement: a flattened Zipf law over a shuffled rank, integers only.
        let n = c.a.statements;
        let (pa, pb) = r.permutation(n);
        let w: Vec<u64> = (0..n)
            .map(|s| 1_000_000_000 / ((pa * s + pb) % n + 10))
            .collect();
        let sum: u64 = w.iter().sum();
        let total = u128::from(c.a.signatures);
        c.counts = w
            .iter()
            .map(|&x| ((total * u128::from(x) / u128::from(sum)) as u64).min(c.a.orgs))
            .collect();
        let mut left = c.a.signatures - c.counts.iter().sum::<u64>();
        while left > 0 {
            for x in c.counts.iter_mut().filter(|x| **x < c.a.orgs) {
                if left == 0 {
                    break;
                }
                *x += 1;
                left -= 1;
            }
        }
        Ok(c)
    }

    pub(crate) fn combos(&self) -> u64 {
        (self.adjectives.len() * self.ideologies.len() * self.types.len() * self.countries.len())
            as u64
    }
    pub(crate) fn n_docs(&self) -> u64 {
        self.a.statements + self.articles
    }
    pub(crate) fn doc_id(&self, d: u64) -> String {
        match d.checked_sub(self.a.statements) {
            None => format!("synth-stmt-{d}"),
            Some(k) => format!("synth-art-{k}"),
        }
    }
    pub(crate) fn issue(&self, k: u64) -> (String, String, String) {
        if let Some((id, en, ru)) = SEED_ISSUES.get(k as usize) {
            return (id.to_string(), en.to_string(), ru.to_string());
        }
        let k = k - SEED_ISSUES.len() as u64;
        let ev = &self.events[(k % self.events.len() as u64) as usize];
        let c = &self.countries[((k * 7 + 3) % self.countries.len() as u64) as usize];
        let id = format!(
            "synth-{k}-{}-{}",
            slug(ev[0].trim_start_matches("the ")),
            c[0].to_lowercase()
        );
        (
            id,
            format!("{} in {}", ev[0], c[1]),
            format!("{} вокруг {}", ev[1], c[2]),
        )
    }
    pub(crate) fn person_id(&self, k: u64) -> String {
        format!("synth-person-{k}")
    }

    /// Organisation `i`: the first few are international alliances, the rest national bodies
    /// whose name (adjective, ideology, type, country) is unique for the first `combos()`.
    pub(crate) fn org(&self, i: u64) -> Org {
        let mut r = Rng::new(self.a.seed, 2, i);
        let (na, ni) = (self.adjectives.len() as u64, self.ideologies.len() as u64);
        let (adj, ideo, ty, country, cycle) = if i < self.alliances {
            (
                &self.adjectives[(i % na) as usize],
                &self.ideologies[((i / na + i) % ni) as usize],
                &self.alliance,
                None,
                0,
            )
        } else {
            let j = i - self.alliances;
            let mut p = (self.org_perm.0 * (j % self.combos()) + self.org_perm.1) % self.combos();
            let mut digit = |n: usize| {
                let d = (p % n as u64) as usize;
                p /= n as u64;
                d
            };
            let (a, b) = (digit(self.adjectives.len()), digit(self.ideologies.len()));
            let (t, c) = (digit(self.types.len()), digit(self.countries.len()));
            (
                &self.adjectives[a],
                &self.ideologies[b],
                &self.types[t],
                Some(&self.countries[c]),
                j / self.combos(),
            )
        };
        let suffix = if cycle > 0 {
            format!(" [{}]", cycle + 1)
        } else {
            String::new()
        };
        let name = |lang: &str| -> String {
            let base = match lang {
                "ru" => format!(
                    "{} {} {}",
                    first_upper(&ru_adj(adj[1], ty[2])),
                    ru_adj(ideo[1], ty[2]).to_lowercase(),
                    ty[1]
                ),
                "ko" => format!("{} {}{}", adj[2], ideo[2], ty[3]),
                "el" => format!(
                    "{} {} {}",
                    el_adj(adj[3], ty[5]),
                    el_adj(ideo[3], ty[5]),
                    ty[4]
                ),
                "de" => format!(
                    "{} {} {}",
                    de_adj(adj[4], ty[7]),
                    de_adj(ideo[4], ty[7]),
                    ty[6]
                ),
                "es" => format!(
                    "{} {} {}",
                    ty[8],
                    es_adj(ideo[5], ty[9]),
                    es_adj(adj[5], ty[9])
                ),
                _ => format!("{} {} {}", adj[0], ideo[0], ty[0]),
            };
            let place = match (lang, country) {
                (_, None) => String::new(),
                ("ru", Some(c)) => format!(" {}", c[2]),
                ("ko", Some(c)) => return format!("{} {base}{suffix}", c[3]),
                ("el", Some(c)) => format!(" {}", c[4]),
                ("de", Some(c)) => format!(" {}", c[5]),
                ("es", Some(c)) => format!(" de {}", c[6]),
                (_, Some(c)) => format!(" of {}", c[1]),
            };
            format!("{base}{place}{suffix}")
        };
        let native = country.map_or("en", |c| c[7]);
        let en = name("en");
        let mut names = vec![(name(native), native, "official")];
        let others = ["ru", "ko", "el", "de", "es"];
        if native == "en" {
            let l = *r.pick(&others);
            names.push((name(l), l, "translation"));
        } else {
            names.push((en.clone(), "en", "translation"));
        }
        let abbr_lang = if native == "ko" { "en" } else { native };
        let abbr = initials(&name(abbr_lang));
        if native == "ru" && r.chance(40) {
            names.push((any_ascii::any_ascii(&abbr), "ru-Latn", "transliteration"));
        }
        names.push((abbr, abbr_lang, "abbreviation"));
        if r.chance(15) {
            let l = *r.pick(&others);
            if !names.iter().any(|n| n.1 == l) {
                names.push((name(l), l, "translation"));
            }
        }
        Org {
            id: format!("synth-{}-{i}", slug(&initials(&en))),
            en,
            kind: ty[10],
            country: country.map(|c| c[0]),
            names,
        }
    }

    /// (date, country, event) of document `d`.
    pub(crate) fn doc_facts(
        &self,
        d: u64,
    ) -> (Option<String>, &Vec<&'static str>, &Vec<&'static str>) {
        let mut r = Rng::new(self.a.seed, 3, d);
        let date = if r.chance(95) {
            Some(r.date(1990, 2024))
        } else {
            None
        };
        (date, r.pick(&self.countries), r.pick(&self.events))
    }

    /// 1–3 sentences; Russian for one quote in ten.
    pub(crate) fn quote(&self, r: &mut Rng, value: usize, en: &str, ru: &str) -> String {
        let (say, t) = if r.chance(10) {
            (&SAY_RU, ru)
        } else {
            (&SAY_EN, en)
        };
        let lines: Vec<&str> = say[value].lines().collect();
        let mut out = r
            .pick(&lines)
            .replace("{T}", &first_upper(t))
            .replace("{t}", t);
        let filler: Vec<&str> = say[4].lines().collect();
        for _ in 0..r.below(3) {
            out.push(' ');
            let f = *r.pick(&filler);
            out.push_str(f);
        }
        out
    }
}
