//! One module per subcommand, each owning its arguments (doc comments are the help) and `run`.
pub mod init;
pub mod orgs;
pub mod show;
pub mod signatories;
pub mod statements;
pub mod verify_quotes;
