//! The writers of the linking tables: memberships, signatures, statement positions, stances.
use super::corpus::Corpus;
use super::rows::{Out, Res, opt, rec};
use super::words::*;
use super::{ID0, Rng};

impl Corpus {
    pub(crate) fn memberships(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        let regular = self.a.orgs - self.alliances;
        for a in 0..self.alliances {
            let alliance = self.org(a);
            let mut r = Rng::new(self.a.seed, 28, a);
            let (pa, pb) = r.permutation(regular);
            let members = (5 + r.below(regular / self.alliances / 5 + 1)).min(regular);
            for m in 0..members {
                let org = self.org(self.alliances + (pa * m + pb) % regular);
                let role = match (m, r.below(100)) {
                    (0..=1, _) => "leading_member",
                    (_, 0..=9) => "section",
                    (_, 10..=14) => "observer",
                    _ => "member",
                };
                let start = r.chance(60).then(|| r.date(1990, 2015));
                let end = match &start {
                    Some(s) if r.chance(15) => {
                        Some((s[..4].parse::<u64>()? + 1 + r.below(9)).to_string())
                    }
                    _ => None,
                };
                let quote = r
                    .chance(50)
                    .then(|| format!("The {} is a member of the {}.", org.en, alliance.en));
                let note = r.chance(3).then(|| "Synthetic membership.".to_string());
                let fields: [&str; _] = [
                    &id.to_string(),
                    &org.id,
                    &alliance.id,
                    role,
                    opt(&start),
                    opt(&end),
                    &self.any_doc(&mut r),
                    opt(&quote),
                    opt(&note),
                ];
                rec(w, &fields)?;
                id += 1;
            }
        }
        Ok(())
    }

    pub(crate) fn signatures(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        let sets = [
            [
                "Parties signing",
                "Youth organisations",
                "Other organisations",
            ],
            ["SolidNet parties", "Other parties", "Organisations"],
        ];
        for s in 0..self.a.statements {
            let c = self.counts[s as usize];
            let mut r = Rng::new(self.a.seed, 29, s);
            let (pa, pb) = r.permutation(self.a.orgs);
            let (doc, (date, _, _)) = (self.doc_id(s), self.doc_facts(s));
            let year: u64 = date.as_deref().map_or(Ok(2000), |d| d[..4].parse())?;
            let groups = r.pick(&sets);
            let sizes = match c {
                20.. => vec![c * 6 / 10, c * 3 / 10, c - c * 6 / 10 - c * 3 / 10],
                5.. if r.chance(50) => vec![c / 2, c - c / 2],
                _ => vec![c],
            };
            let mut k = 0;
            for (g, &size) in sizes.iter().enumerate() {
                let group = if sizes.len() > 1 { groups[g] } else { "" };
                for pos in 1..=size {
                    let o = self.org((pa * k + pb) % self.a.orgs);
                    k += 1;
                    let printed = if r.chance(50) {
                        &o.names[0].0
                    } else {
                        &r.pick(&o.names).0
                    };
                    let signed_on = r.chance(8).then(|| r.date(year, year + 1));
                    let note = r.chance(1).then(|| "Added after publication.".to_string());
                    let fields: [&str; _] = [
                        &id.to_string(),
                        &doc,
                        &o.id,
                        printed,
                        group,
                        &pos.to_string(),
                        opt(&signed_on),
                        &doc,
                        opt(&note),
                    ];
                    rec(w, &fields)?;
                    id += 1;
                }
            }
        }
        Ok(())
    }

    pub(crate) fn statement_positions(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        let n = self.n_issues();
        for s in 0..self.a.statements {
            let mut r = Rng::new(self.a.seed, 30, s);
            let first = r.below(n);
            let issues = if r.chance(40) {
                vec![first, (first + 1 + r.below(n - 1)) % n]
            } else {
                vec![first]
            };
            for k in issues {
                let (issue, en, ru) = self.issue(k);
                let value = r.below(3) as usize;
                let quote = self.quote(&mut r, value, &en, &ru);
                let note = r.chance(5).then(|| "Synthetic position.".to_string());
                rec(
                    w,
                    &[
                        &id.to_string(),
                        &self.doc_id(s),
                        &issue,
                        VALUES[value],
                        &quote,
                        opt(&note),
                    ],
                )?;
                id += 1;
            }
        }
        Ok(())
    }

    /// Each organisation gets stances in rounds; rounds 2k and 2k+1 are on the same issue from
    /// different documents, so a stance can change over time. (org, issue, document) is unique.
    pub(crate) fn stances(&self, w: &mut Out) -> Res {
        let (orgs, n) = (self.a.orgs, self.n_issues());
        let (pa, pb) = Rng::new(self.a.seed, 31, 0).permutation(orgs);
        for j in 0..self.a.stances {
            let (slot, round) = (j % orgs, j / orgs);
            let i = (pa * slot + pb) % orgs;
            let h = Rng::new(self.a.seed, 32, i).next();
            let issue_k = (h % n + round / 2) % n;
            let d = (h / n % self.n_docs() + round) % self.n_docs();
            let mut base = Rng::new(self.a.seed, 33, i * n + issue_k);
            let mut r = Rng::new(self.a.seed, 34, j);
            let mut value = if base.chance(8) {
                3
            } else {
                base.below(3) as usize
            };
            if round % 2 == 1 && r.chance(30) {
                value = (value + 1) % 3;
            }
            let (issue, en, ru) = self.issue(issue_k);
            let quote = (value != 3 || r.chance(50)).then(|| self.quote(&mut r, value, &en, &ru));
            let as_of = self
                .doc_facts(d)
                .0
                .unwrap_or_else(|| (2000 + r.below(25)).to_string());
            let speaker = r.chance(10).then(|| self.person_id(r.below(self.people)));
            let evidence = if r.chance(85) { "own" } else { "attributed" };
            let note = r.chance(3).then(|| "Synthetic stance.".to_string());
            let fields: [&str; _] = [
                &(ID0 + j).to_string(),
                &self.org(i).id,
                &issue,
                &as_of,
                VALUES[value],
                opt(&quote),
                &self.doc_id(d),
                opt(&speaker),
                evidence,
                opt(&note),
                "",
            ];
            rec(w, &fields)?;
        }
        Ok(())
    }
}
