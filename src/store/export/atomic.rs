//! Export files are written under a temporary name beside their destination and renamed into
//! place only once complete, so an error, a signal or a full disk never leaves a partial file.
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Error, Result};

static SERIAL: AtomicU32 = AtomicU32::new(0);

/// A file being written; removed on drop unless `commit` moved it into place.
pub struct TempFile {
    tmp: PathBuf,
    dest: Option<PathBuf>,
    committed: bool,
}

fn io_context(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::Io(std::io::Error::new(
        e.kind(),
        format!("{}: cannot {what}: {e}", path.display()),
    ))
}

impl TempFile {
    /// A temporary file in the directory of `dest`, to become `dest` on commit.
    pub fn beside(dest: &Path) -> Result<TempFile> {
        if dest.is_dir() {
            return Err(Error::input(format!(
                "{} is a directory: give a file name",
                dest.display()
            )));
        }
        let name = dest
            .file_name()
            .ok_or_else(|| Error::input(format!("{} is not a file name", dest.display())))?
            .to_string_lossy()
            .into_owned();
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = dir.join(format!(
            ".{name}.{}-{}.tmp",
            std::process::id(),
            SERIAL.fetch_add(1, Ordering::Relaxed)
        ));
        Ok(TempFile {
            tmp,
            dest: Some(dest.to_path_buf()),
            committed: false,
        })
    }

    /// A scratch file in the system temporary directory (XLSX on its way to stdout).
    pub fn scratch(suffix: &str) -> TempFile {
        let tmp = std::env::temp_dir().join(format!(
            "stancedb-export-{}-{}{suffix}",
            std::process::id(),
            SERIAL.fetch_add(1, Ordering::Relaxed)
        ));
        TempFile {
            tmp,
            dest: None,
            committed: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// The directory the temporary file lives in.
    pub fn dir(&self) -> &Path {
        self.tmp.parent().unwrap_or(Path::new("."))
    }

    /// Create the temporary file for writing (it must not exist yet).
    pub fn create(&self) -> Result<File> {
        let target = self.dest.as_deref().unwrap_or(&self.tmp);
        File::options()
            .write(true)
            .create_new(true)
            .open(&self.tmp)
            .map_err(|e| io_context(target, "create", e))
    }

    /// Flush the finished file to disk and move it into place.
    pub fn commit(mut self) -> Result<()> {
        super::check_interrupted()?;
        let Some(dest) = self.dest.clone() else {
            return Ok(());
        };
        File::open(&self.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_context(&dest, "write", e))?;
        fs::rename(&self.tmp, &dest).map_err(|e| io_context(&dest, "write", e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
