//! The terminal context, computed once per run from the global flags, the environment and the
//! ttys: the width a layout may use, whether to colour, whether stdout and stderr are
//! terminals, and quiet. Every layout and progress decision reads it; this is the only file
//! that asks whether a stream is a terminal.
use std::io::IsTerminal;

/// When to colour (bold headers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)
    #[default]
    Auto,
    Always,
    Never,
}

/// The global flags that shape what a person sees.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct TermArgs {
    /// Lay tables out for this many columns [default: the terminal's, or $COLUMNS; when
    /// stdout is not a terminal and $COLUMNS is unset, nothing is cut]
    #[arg(long, global = true, value_name = "COLUMNS", help_heading = crate::cli::GLOBAL)]
    pub width: Option<usize>,
    /// Show every column in full: no text cut to fit the width
    #[arg(long, global = true, help_heading = crate::cli::GLOBAL)]
    pub wide: bool,
    /// Bold table headers: auto (a terminal, without NO_COLOR or TERM=dumb), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = crate::cli::GLOBAL)]
    pub color: ColorChoice,
    /// No progress bars and no notices on stderr (errors are still printed)
    #[arg(long, short = 'q', global = true, help_heading = crate::cli::GLOBAL)]
    pub quiet: bool,
}

/// The resolved terminal context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The width to fit tables to; None: never cut.
    pub width: Option<usize>,
    /// Every column in full (--wide).
    pub wide: bool,
    /// Bold headers.
    pub color: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub quiet: bool,
}

/// What the environment says, read once (so `resolve` stays a pure function).
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub columns: Option<String>,
    pub no_color: Option<String>,
    pub clicolor_force: Option<String>,
    pub term: Option<String>,
    /// The terminal's own width, when stdout is one.
    pub tty_width: Option<usize>,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
}

impl Env {
    /// The real process environment and streams.
    pub fn read() -> Env {
        let var = |k: &str| std::env::var(k).ok();
        let stdout_tty = std::io::stdout().is_terminal();
        let tty_width = stdout_tty
            .then(|| terminal_size::terminal_size_of(std::io::stdout()))
            .flatten()
            .map(|(w, _)| usize::from(w.0));
        Env {
            columns: var("COLUMNS"),
            no_color: var("NO_COLOR"),
            clicolor_force: var("CLICOLOR_FORCE"),
            term: var("TERM"),
            tty_width,
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }
}

/// The width a narrow terminal is assumed to have at least (below it, layouts go to records).
const MIN_WIDTH: usize = 20;

impl Term {
    /// The context for this run.
    pub fn detect(args: &TermArgs) -> Term {
        Term::resolve(args, &Env::read())
    }

    /// The context from flags and environment: a pure function.
    pub fn resolve(args: &TermArgs, env: &Env) -> Term {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        let columns = env
            .columns
            .as_deref()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|c| *c > 0);
        let width = match (args.width, columns, env.stdout_tty) {
            (Some(0), _, _) => None,
            (Some(w), _, _) => Some(w),
            (None, Some(c), _) => Some(c),
            (None, None, true) => Some(env.tty_width.filter(|w| *w > 0).unwrap_or(80)),
            (None, None, false) => None,
        };
        let forced = set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0");
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set(&env.no_color) => false,
            ColorChoice::Auto if forced => true,
            ColorChoice::Auto => env.stdout_tty && env.term.as_deref() != Some("dumb"),
        };
        Term {
            width: width.map(|w| w.max(MIN_WIDTH)),
            wide: args.wide,
            color,
            stdout_tty: env.stdout_tty,
            stderr_tty: env.stderr_tty,
            quiet: args.quiet,
        }
    }

    /// Not a terminal, nothing cut, no colour (output into a file or a test buffer).
    pub fn plain() -> Term {
        Term::resolve(&TermArgs::default(), &Env::default())
    }

    /// Whether a progress bar may be drawn on stderr.
    pub fn progress(&self) -> bool {
        self.stderr_tty && !self.quiet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tty(width: usize) -> Env {
        Env {
            tty_width: Some(width),
            stdout_tty: true,
            stderr_tty: true,
            term: Some("xterm".into()),
            ..Env::default()
        }
    }

    #[test]
    fn width_from_flag_then_columns_then_tty_and_uncut_when_piped() {
        let args = TermArgs::default();
        assert_eq!(Term::resolve(&args, &tty(132)).width, Some(132));
        let env = Env {
            columns: Some("100".into()),
            ..tty(132)
        };
        assert_eq!(Term::resolve(&args, &env).width, Some(100));
        let flag = TermArgs {
            width: Some(90),
            ..args.clone()
        };
        assert_eq!(Term::resolve(&flag, &env).width, Some(90));
        assert_eq!(Term::resolve(&args, &Env::default()).width, None);
        let piped = Env {
            columns: Some("70".into()),
            ..Env::default()
        };
        assert_eq!(Term::resolve(&args, &piped).width, Some(70));
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color_or_dumb() {
        let args = TermArgs::default();
        assert!(Term::resolve(&args, &tty(80)).color);
        assert!(!Term::resolve(&args, &Env::default()).color);
        let no_color = Env {
            no_color: Some("1".into()),
            ..tty(80)
        };
        assert!(!Term::resolve(&args, &no_color).color);
        let dumb = Env {
            term: Some("dumb".into()),
            ..tty(80)
        };
        assert!(!Term::resolve(&args, &dumb).color);
        let forced = Env {
            clicolor_force: Some("1".into()),
            ..Env::default()
        };
        assert!(Term::resolve(&args, &forced).color);
        let never = TermArgs {
            color: ColorChoice::Never,
            ..args
        };
        assert!(!Term::resolve(&never, &tty(80)).color);
    }

    #[test]
    fn no_color_does_not_change_the_width() {
        let env = Env {
            no_color: Some("1".into()),
            ..tty(100)
        };
        assert_eq!(Term::resolve(&TermArgs::default(), &env).width, Some(100));
    }
}
