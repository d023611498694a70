//! Interrupts: SIGINT, SIGTERM and SIGHUP only raise a flag. Every write checks it before it
//! commits, SQLite statements are stopped by a progress handler that reads it, a busy wait
//! gives up on it, and blocking reads return early (no SA_RESTART); the command then rolls
//! back and `main` exits 128 + the signal's number with one line. A second signal of the same
//! kind ends the process at once, as if stancedb had not caught the first.
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The first signal received (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The signals that stop a command.
const CAUGHT: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// How long a write waits for another writer to finish before giving up.
const BUSY_WAIT: Duration = Duration::from_secs(30);
const BUSY_STEP: Duration = Duration::from_millis(10);

extern "C" fn on_signal(signal: libc::c_int) {
    // Only async-signal-safe operations here: an atomic store, signal() and raise().
    if RECEIVED
        .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        // SAFETY: restoring the default action and re-raising are async-signal-safe.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}

/// Catch SIGINT, SIGTERM and SIGHUP for the rest of the process (called first thing by main).
pub fn install() {
    for signal in CAUGHT {
        // SAFETY: a zeroed sigaction is a valid starting value; the handler only touches an
        // atomic and async-signal-safe functions; no SA_RESTART, so a blocked read returns
        // EINTR and the command can stop.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as *const () as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            action.sa_flags = 0;
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// The signal received, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s),
    }
}

/// Stop here when a signal arrived.
pub fn check() -> Result<()> {
    match received() {
        Some(signal) => Err(Error::Interrupted(signal)),
        None => Ok(()),
    }
}

/// The signal's usual name.
pub fn name(signal: i32) -> &'static str {
    match signal {
        libc::SIGINT => "SIGINT",
        libc::SIGTERM => "SIGTERM",
        libc::SIGHUP => "SIGHUP",
        _ => "a signal",
    }
}

/// Make `conn` stop on a signal: a running statement is interrupted, and a wait for another
/// writer's lock gives up (it otherwise waits up to 30 s).
pub fn watch(conn: &mut Connection) -> Result<()> {
    conn.progress_handler(1_000, Some(|| received().is_some()))?;
    conn.busy_handler(Some(busy))?;
    Ok(())
}

fn busy(attempt: i32) -> bool {
    let waited = BUSY_STEP * u32::try_from(attempt).unwrap_or(u32::MAX);
    if received().is_some() || waited >= BUSY_WAIT {
        return false;
    }
    std::thread::sleep(BUSY_STEP);
    true
}
