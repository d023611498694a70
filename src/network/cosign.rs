//! Who signs with an organisation: per partner the statements signed together, the shares of
//! each side's statements they are, Jaccard, and the first and last statement together.
use std::collections::BTreeMap;

use crate::error::Result;
use crate::network::window::Window;
use crate::store::{Store, cosign};

/// One co-signer of the organisation asked about.
#[derive(Clone, Debug)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    /// Statements in the window both signed.
    pub together: i64,
    /// Statements in the window the partner signed.
    pub partner_signed: i64,
    /// The first and last statement signed together: (id, date). Dated statements come
    /// before undated ones; a date is ordered as written ('2022' before '2022-03-01').
    pub first: (String, Option<String>),
    pub last: (String, Option<String>),
}

/// The organisation's statements in the window and its co-signers there, most statements
/// together first (then Jaccard, then id); only partners with at least `min` together.
pub struct Cosigners {
    pub org_signed: i64,
    pub partners: Vec<Partner>,
}

impl Partner {
    /// Share of the organisation's statements signed with this partner.
    pub fn share_of_org(&self, org_signed: i64) -> f64 {
        ratio(self.together, org_signed)
    }
    /// Share of the partner's statements signed with the organisation.
    pub fn share_of_partner(&self) -> f64 {
        ratio(self.together, self.partner_signed)
    }
    /// |A ∩ B| / |A ∪ B| over the statements each signed in the window.
    pub fn jaccard(&self, org_signed: i64) -> f64 {
        ratio(
            self.together,
            org_signed + self.partner_signed - self.together,
        )
    }
}

fn ratio(a: i64, b: i64) -> f64 {
    if b <= 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The sort key of "first": dated before undated, then date as written, then id.
fn early(s: &(String, Option<String>)) -> (bool, Option<&str>, &str) {
    (s.1.is_none(), s.1.as_deref(), s.0.as_str())
}
/// The sort key of "last": undated below every dated one.
fn late(s: &(String, Option<String>)) -> (bool, Option<&str>, &str) {
    (s.1.is_some(), s.1.as_deref(), s.0.as_str())
}

pub fn cosigners(store: &Store, org: &str, w: &Window, min: i64) -> Result<Cosigners> {
    let mut by_id: BTreeMap<String, Partner> = BTreeMap::new();
    cosign::shared_with(store, org, w, |s| {
        let here = (s.statement, s.date);
        match by_id.get_mut(&s.partner) {
            Some(p) => {
                p.together += 1;
                if early(&here) < early(&p.first) {
                    p.first = here.clone();
                }
                if late(&here) > late(&p.last) {
                    p.last = here;
                }
            }
            None => {
                let p = Partner {
                    id: s.partner.clone(),
                    name: s.name,
                    kind: s.kind,
                    country: s.country,
                    together: 1,
                    partner_signed: 0,
                    first: here.clone(),
                    last: here,
                };
                by_id.insert(s.partner, p);
            }
        }
        Ok(())
    })?;
    let org_signed = cosign::signed_count(store, org, w)?;
    let mut partners: Vec<Partner> = by_id.into_values().filter(|p| p.together >= min).collect();
    for p in &mut partners {
        p.partner_signed = cosign::signed_count(store, &p.id, w)?;
    }
    partners.sort_by(|a, b| {
        b.together
            .cmp(&a.together)
            .then(b.jaccard(org_signed).total_cmp(&a.jaccard(org_signed)))
            .then(a.id.cmp(&b.id))
    });
    Ok(Cosigners {
        org_signed,
        partners,
    })
}
