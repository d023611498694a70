//! Synthetic corpus for the benchmarks (issue #6): writes a deterministic, realistic seed-format
//! CSV set (all 15 tables, streamed row by row) meant to load on top of the seed, and with
//! `--db PATH` also builds a stancedb database from it. Integer ids start at 1,000,000 and text
//! ids with `synth-`, so nothing collides with the seed; stances reuse the 4 seed issues.
//!
//! cargo run --release --example synth -- --out DIR [--db PATH] [--orgs 100000 --statements 10000
//! --signatures 1000000 --stances 200000 --seed 42]
//!
//! Files: words.rs (word lists, grammar), corpus.rs (organisations, documents, quotes derived
//! from indexes), rows.rs and links.rs (one writer per table). Every row comes from its own
//! splitmix64 stream keyed by (seed, table, index), so output is byte-identical per seed.
use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use clap::Parser;
use stancedb::store::load::{self, OnConflict};
use stancedb::store::{Store, fts, tables};

/// Generate a synthetic stancedb corpus.
#[derive(Parser, Debug, Clone)]
pub struct Args {
    /// Directory to write one CSV per table into (default: the --db path with extension .synth-csv)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also build a stancedb database here (replaced if it exists): seed + the synthetic set
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Organisations (the first few are international alliances with members)
    #[arg(long, default_value_t = 100_000)]
    pub orgs: u64,
    /// Statements that organisations sign (plus half as many articles, news items …)
    #[arg(long, default_value_t = 10_000)]
    pub statements: u64,
    /// Signatures, spread over the statements by a flattened Zipf law
    #[arg(long, default_value_t = 1_000_000)]
    pub signatures: u64,
    /// Stances with quotes of 1–3 sentences
    #[arg(long, default_value_t = 200_000)]
    pub stances: u64,
    /// Seed of the random generator: same seed, same bytes
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

#[path = "corpus.rs"]
mod corpus;
#[path = "links.rs"]
mod links;
#[path = "rows.rs"]
mod rows;
#[path = "words.rs"]
mod words;

use corpus::Corpus;

pub(crate) const SYNTH_ISSUES: u64 = 20;
pub(crate) const ID0: u64 = 1_000_000;
/// The exact CSV header of every table (checked against the schema at start).
const HEADERS: [(&str, &str); 17] = [
    (
        "organisations",
        "id,name,kind,country,founded,dissolved,note",
    ),
    ("people", "id,name,note"),
    (
        "documents",
        "id,title,kind,date,date_note,languages,author_org_id,author_person_id,publisher,url,cited_in_id,open_for_signatures,note,not_before,not_after",
    ),
    ("issues", "id,title,question,start,end,source_id,note"),
    ("document_titles", "id,document_id,lang,kind,title"),
    ("document_copies", "id,document_id,file,note"),
    (
        "names",
        "id,org_id,name,lang,kind,source_id,note,valid_from,valid_until",
    ),
    ("person_names", "id,person_id,name,lang,source_id"),
    (
        "document_people",
        "id,document_id,person_id,role,source_id,note",
    ),
    ("roles", "id,person_id,org_id,role,source_id,note,kind"),
    (
        "memberships",
        "id,org_id,alliance_id,role,start,end,source_id,quote,note",
    ),
    (
        "country_memberships",
        "id,country,bloc_id,role,source_id,quote,note",
    ),
    (
        "successions",
        "id,org_id,kind,other_id,date,name_before,name_after,source_id,quote,note",
    ),
    (
        "signatures",
        "id,document_id,org_id,name_as_printed,printed_group,position,signed_on,source_id,note",
    ),
    (
        "statement_positions",
        "id,document_id,issue_id,value,quote,note",
    ),
    (
        "stances",
        "id,org_id,issue_id,as_of,value,quote,document_id,speaker_id,evidence,note,seq",
    ),
    ("interpretations", "id,tbl,row_id,decision_id,note"),
];

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64, one independent stream per (seed, purpose, index): any row can be regenerated.
pub(crate) struct Rng(u64);
impl Rng {
    pub(crate) fn new(seed: u64, stream: u64, index: u64) -> Rng {
        Rng(mix(
            seed ^ mix(stream.wrapping_mul(0x9E37_79B9) ^ mix(index))
        ))
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// A coprime multiplier and an offset: `(a*i + b) % n` visits 0..n once each.
    pub(crate) fn permutation(&mut self, n: u64) -> (u64, u64) {
        let gcd = |mut a: u64, mut b: u64| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        let mut a = 1 + self.below(n.max(2) - 1);
        while gcd(a, n) != 1 {
            a = a % n + 1;
        }
        (a, self.below(n))
    }
    /// A valid ISO date of year, month or day precision in [from, to].
    pub(crate) fn date(&mut self, from: u64, to: u64) -> String {
        let y = from + self.below(to - from + 1);
        let (m, d) = (1 + self.below(12), 1 + self.below(28));
        match self.below(20) {
            0..=2 => format!("{y}"),
            3..=6 => format!("{y}-{m:02}"),
            _ => format!("{y}-{m:02}-{d:02}"),
        }
    }
}

fn main() -> anyhow::Result<()> {
    run(Args::parse())
}

/// Generate the CSV set (and the database when asked).
pub fn run(a: Args) -> anyhow::Result<()> {
    let out = match (&a.out, &a.db) {
        (Some(o), _) => o.clone(),
        (None, Some(db)) => db.with_extension("synth-csv"),
        (None, None) => bail!("give --out DIR and/or --db PATH"),
    };
    check_headers()?;
    std::fs::create_dir_all(&out).with_context(|| format!("create {}", out.display()))?;
    let corpus = Corpus::new(a.clone())?;
    for (name, header) in HEADERS {
        let path = out.join(format!("{name}.csv"));
        let file = File::create(&path).with_context(|| format!("create {}", path.display()))?;
        let mut w = csv::Writer::from_writer(BufWriter::with_capacity(1 << 16, file));
        w.write_record(header.split(','))?;
        corpus.write(name, &mut w)?;
        w.flush()?;
    }
    eprintln!("synth: wrote {} tables to {}", HEADERS.len(), out.display());
    if let Some(db) = &a.db {
        build_db(db, &out)?;
        eprintln!("synth: built {}", db.display());
    }
    Ok(())
}

fn check_headers() -> anyhow::Result<()> {
    let store = Store::in_memory_empty()?;
    ensure!(
        tables::TABLES.len() == HEADERS.len(),
        "table list changed: update synth"
    );
    for (t, (name, header)) in tables::TABLES.iter().zip(HEADERS) {
        let cols = tables::columns(store.conn(), tables::table(t)?)?;
        let have: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
        ensure!(
            *t == name && have.join(",") == header,
            "schema of {t} is now {have:?}: update synth"
        );
    }
    Ok(())
}

/// A fresh seeded database, then every CSV loaded in one transaction with the import loader.
pub fn build_db(db: &Path, dir: &Path) -> anyhow::Result<()> {
    let store = Store::init(db, true)?;
    // A large page cache for this one bulk load (the benchmark database is built once).
    store.conn().execute_batch("PRAGMA cache_size = -262144;")?;
    let tx = store.conn().unchecked_transaction()?;
    let mut loaded = Vec::new();
    for t in tables::TABLES {
        let path = dir.join(format!("{t}.csv"));
        let file =
            BufReader::new(File::open(&path).with_context(|| format!("open {}", path.display()))?);
        let report = load::load_csv(
            &tx,
            tables::table(t)?,
            &path.to_string_lossy(),
            file,
            load::Options::new(OnConflict::Error),
        )?;
        loaded.push((*t, report.inserted));
    }
    tables::refresh_search_keys(&tx)?;
    // As `import` does after a load: the full-text indexes merged.
    for (t, rows) in loaded {
        fts::after_load(&tx, t, rows)?;
    }
    tx.commit()?;
    // As `import` does after a load: planner statistics, so queries are timed as a user's
    // database would run them.
    store.conn().execute_batch("PRAGMA optimize;")?;
    Ok(())
}
