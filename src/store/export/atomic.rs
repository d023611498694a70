//! Export files are written under a temporary name beside their destination and renamed into
//! place only once complete, so an error, a signal or a full disk never leaves a partial file.
//! Only a regular file (or nothing) is ever replaced: a device, FIFO, socket or directory is
//! refused, a symbolic link is written through to its target, and the open database and its
//! side files are never an output, whatever path or link reaches them.
use std::fs::{self, File};
use std::os::unix::fs::MetadataExt;
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

/// A file the user named cannot be created: bad input (exit 2), not a failure.
fn cannot_create(path: &Path, e: std::io::Error) -> Error {
    Error::input(format!("{}: cannot create: {e}", path.display()))
}

/// The file an output path really writes (the target of a link), checked: a regular file or
/// nothing, in a folder that exists and is not write-protected, and not `database` or one of
/// its side files.
pub fn output_target(dest: &Path, database: Option<&Path>) -> Result<PathBuf> {
    let shown = dest.display();
    let link = fs::symlink_metadata(dest).is_ok_and(|m| m.file_type().is_symlink());
    let target = match fs::metadata(dest) {
        Ok(m) => {
            if let Some(kind) = crate::store::kind_of(&m) {
                return Err(Error::input(format!(
                    "{shown}: not a regular file ({kind}); give a file name, or - for standard output"
                )));
            }
            fs::canonicalize(dest).map_err(|e| Error::input(format!("{shown}: {e}")))?
        }
        Err(_) if link => {
            return Err(Error::input(format!(
                "{shown}: is a symbolic link to nothing; give a file name"
            )));
        }
        Err(_) => dest.to_path_buf(),
    };
    let dir = folder_of(&target);
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "{shown}: the folder {} does not exist",
            dir.display()
        )));
    }
    if crate::store::write_protected(&dir) {
        return Err(Error::input(format!(
            "{shown}: the folder {} is write-protected; nothing was written",
            dir.display()
        )));
    }
    if let Some(db) = database
        && is_database(&target, db)
    {
        return Err(Error::input(format!(
            "{shown}: is the database being read (or one of its -wal, -shm or -journal files); \
             write the export to another file"
        )));
    }
    Ok(target)
}

/// `target` is `db` or one of its side files: the same file (device and inode, so through any
/// path or hard link), or the same name in the same folder.
fn is_database(target: &Path, db: &Path) -> bool {
    let id = |p: &Path| fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
    let canonical = |p: &Path| {
        let dir = fs::canonicalize(folder_of(p)).ok()?;
        Some(dir.join(p.file_name()?))
    };
    let (real_target, real_db) = (canonical(target), fs::canonicalize(db).ok());
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let side = crate::store::side_file(db, suffix);
        let by_name = real_db
            .as_ref()
            .map(|d| crate::store::side_file(d, suffix))
            .is_some_and(|d| real_target.as_ref() == Some(&d));
        by_name || id(&side).is_some_and(|s| id(target) == Some(s))
    })
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl TempFile {
    /// A temporary file in the directory of `dest`, to become `dest` on commit (`dest` as
    /// returned by `output_target`).
    pub fn beside(dest: &Path) -> Result<TempFile> {
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
            .map_err(|e| cannot_create(target, e))
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
