//! stancedb: political organisations, their alliances, the statements they sign and their
//! stances on issues — each with the verbatim quote and the document that prove it.
pub mod cli;
pub mod cmd;
pub mod error;
pub mod fold;
pub mod lists;
pub mod matching;
pub mod mentions;
pub mod network;
pub mod output;
pub mod problem;
pub mod quotes;
pub mod report;
pub mod resolve;
pub mod rows;
pub mod signals;
pub mod source_text;
pub mod store;
pub mod term;
pub mod values;
pub mod vocab;

pub use error::{Error, Result};
pub use store::Store;
