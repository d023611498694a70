//! Which signatures a question across statements counts: the statements' dates (--since,
//! --until) and the kind of organisation (--kind). One home for these filters: `cosign`,
//! `blocs` and the graph export all read them from here.
use crate::error::{Error, Result};
use crate::values::PartialDate;
use crate::vocab::OrgKind;

/// The filters as typed on the command line (doc comments are the help).
#[derive(clap::Args, Debug, Default, Clone)]
pub struct WindowArgs {
    /// Only statements dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); a statement
    /// whose date is less precise than the bound, or not known, is left out
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only statements dated on or before this date (same rules as --since)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only organisations of this kind
    #[arg(long, value_enum)]
    pub kind: Option<OrgKind>,
}

/// The checked filters, the dates as typed (the store reads each as the first or last day it
/// may mean).
#[derive(Debug, Default, Clone)]
pub struct Window {
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
}

impl WindowArgs {
    /// The filters checked: dates parse, --since is not after --until, (clap knows the kinds).
    pub fn window(&self) -> Result<Window> {
        let date = |flag: &str, v: &Option<String>| -> Result<Option<PartialDate>> {
            v.as_deref()
                .map(|d| {
                    PartialDate::parse(d.trim()).map_err(|_| {
                        Error::input(format!(
                            "--{flag}: '{d}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
                        ))
                    })
                })
                .transpose()
        };
        let (since, until) = (date("since", &self.since)?, date("until", &self.until)?);
        if let (Some(s), Some(u)) = (since, until)
            && s.earliest() > u.latest()
        {
            return Err(Error::input(format!(
                "--since {} is after --until {}",
                self.since.as_deref().unwrap_or_default(),
                self.until.as_deref().unwrap_or_default()
            )));
        }
        Ok(Window {
            since: since.map(|d| d.to_string()),
            until: until.map(|d| d.to_string()),
            kind: self.kind.map(|k| k.as_str().to_string()),
        })
    }
}
