//! The writers of the 15 CSV files: one loop per table, each row written as soon as it is made.
use std::fs::File;
use std::io::BufWriter;

use super::corpus::Corpus;
use super::words::*;
use super::{ID0, Rng, SYNTH_ISSUES};

pub(crate) type Out = csv::Writer<BufWriter<File>>;
pub(crate) type Res = anyhow::Result<()>;

pub(crate) fn rec(w: &mut Out, fields: &[&str]) -> Res {
    w.write_record(fields)?;
    Ok(())
}

pub(crate) fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

impl Corpus {
    pub(crate) fn write(&self, table: &str, w: &mut Out) -> Res {
        match table {
            "organisations" => self.organisations(w),
            "people" => self.people(w, 0),
            "documents" => self.documents(w),
            "issues" => self.issues(w),
            "document_titles" => self.document_titles(w),
            "document_copies" => self.document_copies(w),
            "names" => self.names(w),
            "person_names" => self.people(w, 1),
            "roles" => self.people(w, 2),
            "memberships" => self.memberships(w),
            "signatures" => self.signatures(w),
            "statement_positions" => self.statement_positions(w),
            "stances" => self.stances(w),
            // No synthetic document people, country memberships, successions or
            // interpretations: header only.
            "document_people" | "country_memberships" | "successions" | "interpretations" => Ok(()),
            _ => anyhow::bail!("unknown table {table}"),
        }
    }

    pub(crate) fn n_issues(&self) -> u64 {
        SEED_ISSUES.len() as u64 + SYNTH_ISSUES
    }
    pub(crate) fn any_doc(&self, r: &mut Rng) -> String {
        self.doc_id(r.below(self.n_docs()))
    }

    fn organisations(&self, w: &mut Out) -> Res {
        for i in 0..self.a.orgs {
            let o = self.org(i);
            let mut r = Rng::new(self.a.seed, 20, i);
            let fy = 1900 + r.below(121);
            let founded = r.chance(70).then(|| r.date(fy, fy));
            let dissolved = (founded.is_some() && r.chance(5))
                .then(|| (fy + 1 + r.below(2024 - fy)).to_string());
            let note = r.chance(10).then(|| {
                format!(
                    "Synthetic {} ({}).",
                    o.kind.replace('_', " "),
                    o.country.unwrap_or("international")
                )
            });
            rec(
                w,
                &[
                    &o.id,
                    &o.en,
                    o.kind,
                    o.country.unwrap_or(""),
                    opt(&founded),
                    opt(&dissolved),
                    opt(&note),
                ],
            )?;
        }
        Ok(())
    }

    /// people (part 0), person_names (1) and roles (2): one role per person.
    fn people(&self, w: &mut Out, part: u8) -> Res {
        let (first, last) = (table(FIRST), table(LAST));
        let roles = [
            "General Secretary",
            "Chairperson",
            "Spokesperson",
            "International Secretary",
            "Editor-in-chief",
        ];
        let mut id = ID0;
        for k in 0..self.people {
            let mut r = Rng::new(self.a.seed, 21, k);
            let (f, l) = (r.pick(&first), r.pick(&last));
            let pid = self.person_id(k);
            let en = format!("{} {}", f[0], l[0]);
            match part {
                0 => {
                    let note = r.chance(10).then(|| "Synthetic person.".to_string());
                    rec(w, &[&pid, &en, opt(&note)])?;
                }
                1 => {
                    let (lang, other) = if r.chance(50) {
                        ("ru", format!("{} {}", f[1], l[1]))
                    } else {
                        ("ko", format!("{}{}", l[2], f[2]))
                    };
                    for (name, lang) in [(en, "en"), (other, lang)] {
                        rec(
                            w,
                            &[&id.to_string(), &pid, &name, lang, &self.any_doc(&mut r)],
                        )?;
                        id += 1;
                    }
                }
                _ => {
                    let org = self.org(r.below(self.a.orgs)).id;
                    let note = r
                        .chance(10)
                        .then(|| "As signed under the statement.".to_string());
                    rec(
                        w,
                        &[
                            &(ID0 + k).to_string(),
                            &pid,
                            &org,
                            *r.pick(&roles),
                            &self.any_doc(&mut r),
                            opt(&note),
                            "office",
                        ],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// (kind, English title, title in another language, languages) of document `d`.
    fn doc_text(&self, d: u64) -> (&'static str, String, Option<(&'static str, String)>, String) {
        let (_, c, ev) = self.doc_facts(d);
        let mut r = Rng::new(self.a.seed, 23, d);
        let (kind, en, ru, ko) = if d < self.a.statements {
            let joint = self.counts[d as usize] > 1;
            let (k, en, ru, ko) = if joint {
                (
                    "joint_statement",
                    "Joint Statement",
                    "Совместное заявление",
                    "공동성명",
                )
            } else {
                ("statement", "Statement", "Заявление", "성명")
            };
            (
                k,
                format!("{en} on {} in {}", ev[0], c[1]),
                format!("{ru} по ситуации вокруг {}: {}", c[2], ev[1]),
                format!("{} {}에 관한 {ko}", c[3], ev[2]),
            )
        } else {
            let kind = *r.pick(&["article", "news", "theses", "pamphlet", "book"]);
            let tails = [
                "a first assessment",
                "lessons for the workers' movement",
                "what position should socialists take?",
                "a reply to our critics",
            ];
            let tail = r.pick(&tails);
            (
                kind,
                format!("{} in {}: {tail}", first_upper(ev[0]), c[1]),
                format!("{}: ситуация вокруг {}", first_upper(ev[1]), c[2]),
                format!("{} {}: 평가", c[3], ev[2]),
            )
        };
        let lang = match (c[7], r.below(10)) {
            ("en", 0 | 1) => "ru",
            ("en", 2) => "ko",
            (l, _) => l,
        };
        let other = match lang {
            "ru" => Some(("ru", ru)),
            "ko" => Some(("ko", ko)),
            _ => None,
        };
        let languages = if lang == "en" {
            "en".to_string()
        } else {
            format!("en {lang}")
        };
        (kind, en, other, languages)
    }

    fn documents(&self, w: &mut Out) -> Res {
        let publishers = ["Solidarity Press", "Red Star Publishers", "Workers' Voice"];
        for d in 0..self.n_docs() {
            let (date, _, _) = self.doc_facts(d);
            let (kind, title, _, languages) = self.doc_text(d);
            let mut r = Rng::new(self.a.seed, 24, d);
            let stmt = d < self.a.statements;
            let id = self.doc_id(d);
            let date_note = date.is_none().then(|| "Undated; synthetic.".to_string());
            let author = (r.chance(if stmt { 40 } else { 70 }) && kind != "joint_statement")
                .then(|| self.org(r.below(self.a.orgs)).id);
            let person = (!stmt && r.chance(40)).then(|| self.person_id(r.below(self.people)));
            let publisher = r.chance(20).then(|| r.pick(&publishers).to_string());
            let url = r
                .chance(70)
                .then(|| format!("https://example.org/synth/{id}"));
            let cited = (!stmt && r.chance(5)).then(|| self.doc_id(r.below(self.a.statements)));
            let open = match (stmt, r.below(10)) {
                (true, 0..=2) => "1",
                (true, 3..=4) => "0",
                _ => "",
            };
            let note = r.chance(3).then(|| "Synthetic document.".to_string());
            let fields: [&str; _] = [
                &id,
                &title,
                kind,
                opt(&date),
                opt(&date_note),
                &languages,
                opt(&author),
                opt(&person),
                opt(&publisher),
                opt(&url),
                opt(&cited),
                open,
                opt(&note),
                "",
                "",
            ];
            rec(w, &fields)?;
        }
        Ok(())
    }

    fn issues(&self, w: &mut Out) -> Res {
        for k in SEED_ISSUES.len() as u64..self.n_issues() {
            let mut r = Rng::new(self.a.seed, 25, k);
            let (id, topic, _) = self.issue(k);
            let question = format!("Should {topic} be supported by the workers' movement?");
            let start = r.chance(50).then(|| r.date(1990, 2024));
            let end = match &start {
                Some(s) if r.chance(40) => {
                    Some((s[..4].parse::<u64>()? + 1 + r.below(3)).to_string())
                }
                _ => None,
            };
            let source = self.doc_id(k % self.a.statements);
            rec(
                w,
                &[
                    &id,
                    &first_upper(&topic),
                    &question,
                    opt(&start),
                    opt(&end),
                    &source,
                    "",
                ],
            )?;
        }
        Ok(())
    }

    fn document_titles(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        for d in 0..self.n_docs() {
            let (_, en, other, _) = self.doc_text(d);
            let doc = self.doc_id(d);
            for (lang, title) in std::iter::once(("en", en)).chain(other) {
                rec(w, &[&id.to_string(), &doc, lang, "title", &title])?;
                id += 1;
            }
        }
        Ok(())
    }

    fn document_copies(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        for d in 0..self.n_docs() {
            let mut r = Rng::new(self.a.seed, 26, d);
            if r.chance(10) {
                let file = format!("synth_{d:06}_{:08x}.txt", r.next() as u32);
                let note = r
                    .chance(30)
                    .then(|| "Plain text copy; synthetic.".to_string());
                rec(w, &[&id.to_string(), &self.doc_id(d), &file, opt(&note)])?;
                id += 1;
            }
        }
        Ok(())
    }

    fn names(&self, w: &mut Out) -> Res {
        let mut id = ID0;
        for i in 0..self.a.orgs {
            let o = self.org(i);
            let mut r = Rng::new(self.a.seed, 27, i);
            for (name, lang, kind) in &o.names {
                let note = r.chance(5).then(|| "As printed in the source.".to_string());
                rec(
                    w,
                    &[
                        &id.to_string(),
                        &o.id,
                        name,
                        lang,
                        kind,
                        &self.any_doc(&mut r),
                        opt(&note),
                        "",
                        "",
                    ],
                )?;
                id += 1;
            }
        }
        Ok(())
    }
}
