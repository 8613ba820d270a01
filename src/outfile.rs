//! Output files (`-o FILE`), written so that nothing is half-written, replaced by mistake or
//! left behind:
//! - a regular file (or a symbolic link to one) is replaced atomically: the new content goes
//!   to a temporary file in the target's own folder, which is renamed over the target at the
//!   end, keeping the target's permissions and leaving a symbolic link a link;
//! - a FIFO or a terminal/character device (`/dev/stdout`, `/dev/null`, a named pipe) is
//!   written into, as the user asked, never replaced;
//! - anything else (a folder, a socket, a block device, a link to nothing) is refused.
//!
//! On Linux the temporary file has no name until its content is complete (`O_TMPFILE`), so a
//! process killed by any signal leaves nothing behind; elsewhere it is a uniquely named,
//! exclusively created file from the `tempfile` crate, removed on every error.

use std::fs::{File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where an output goes.
enum Target {
    /// A regular file, to replace atomically: its real path (links followed) and its
    /// permissions, if it exists.
    File {
        real: PathBuf,
        perms: Option<Permissions>,
    },
    /// A FIFO or a character device: written into.
    Stream,
    /// `/dev/stdout` (or another name of an open file descriptor) that the shell redirected
    /// to a regular file: appended to, as the shell's `>` or `>>` left it.
    Descriptor,
}

/// Writes `bytes` to `target` (see the module's description).
pub fn write(target: &Path, bytes: &[u8]) -> Result<()> {
    write_with(target, false, |f| {
        f.write_all(bytes).map_err(|e| Error::io(target, e))
    })
}

/// Writes `target` through `fill`, which gets the file to write (and seek) in. With
/// `regular_only`, a FIFO or device is refused too (a zip archive needs a seekable file).
pub fn write_with(
    target: &Path,
    regular_only: bool,
    fill: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    match classify(target)? {
        Target::Stream if regular_only => Err(Error::Usage(crate::t!(
            "outfile.needs_regular",
            path = target.display()
        ))),
        Target::Descriptor if regular_only => Err(Error::Usage(crate::t!(
            "outfile.needs_own_file",
            path = target.display()
        ))),
        Target::Stream | Target::Descriptor => {
            let mut f = OpenOptions::new()
                .write(true)
                .append(target_kind_is_descriptor(target))
                .open(target)
                .map_err(|e| Error::io(target, e))?;
            fill(&mut f)?;
            f.flush().map_err(|e| Error::io(target, e))
        }
        Target::File { real, perms } => atomic(target, &real, perms, fill),
    }
}

/// Has the system start writing what was written to `file` so far to disk, and returns at
/// once: for a big file written in parts, so that the final sync has less to wait for. It
/// only starts writes the system could make at any moment; where there is no such call, it
/// does nothing.
pub fn start_write_back(file: &File) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for as long as `file` is; the call only reads it.
        // A failure is only a missed chance: the sync writes everything anyway.
        let _ =
            unsafe { libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE) };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

fn classify(target: &Path) -> Result<Target> {
    let refuse = |what: String| {
        Err(Error::Usage(crate::t!(
            "outfile.refused",
            path = target.display(),
            what = what
        )))
    };
    match std::fs::metadata(target) {
        Ok(m) if m.is_file() => {
            // `/dev/stdout` redirected to a file is a link to that file, which the shell
            // holds open: write into it rather than replace it under the shell.
            if target_kind_is_descriptor(target) {
                return Ok(Target::Descriptor);
            }
            let real = std::fs::canonicalize(target).map_err(|e| Error::io(target, e))?;
            Ok(Target::File {
                real,
                perms: Some(m.permissions()),
            })
        }
        Ok(m) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                let t = m.file_type();
                if t.is_fifo() || t.is_char_device() {
                    return Ok(Target::Stream);
                }
            }
            if m.is_dir() {
                refuse(crate::t!("outfile.is_folder"))
            } else {
                refuse(crate::t!("outfile.not_regular"))
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(target).is_ok() {
                return refuse(crate::t!("outfile.dangling_link"));
            }
            Ok(Target::File {
                real: target.to_owned(),
                perms: None,
            })
        }
        Err(e) => Err(Error::io(target, e)),
    }
}

/// Is `target` a name of an open file descriptor (`/dev/stdout`, `/dev/fd/N`,
/// `/proc/self/fd/N`)?
fn target_kind_is_descriptor(target: &Path) -> bool {
    let s = target.to_string_lossy();
    matches!(s.as_ref(), "/dev/stdout" | "/dev/stderr")
        || s.starts_with("/dev/fd/")
        || (s.starts_with("/proc/") && s.contains("/fd/"))
}

/// Writes a temporary file in `real`'s folder and renames it over `real`.
fn atomic(
    shown: &Path,
    real: &Path,
    perms: Option<Permissions>,
    fill: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    let dir = real
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = real
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    let io_err = |e: io::Error| Error::io(shown, e);
    #[cfg(target_os = "linux")]
    if let Ok(mut f) = linux::anonymous_in(dir) {
        fill(&mut f)?;
        f.sync_all().map_err(io_err)?;
        if let Some(p) = &perms {
            f.set_permissions(p.clone()).map_err(io_err)?;
        }
        match linux::link_over(&f, dir, &name, real) {
            Ok(()) => return Ok(()),
            // No /proc to name the file by: copy it to a named one below.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                use std::io::Seek;
                f.rewind().map_err(io_err)?;
                return named(shown, dir, &name, real, perms, |t| {
                    io::copy(&mut f, t).map(drop).map_err(io_err)
                });
            }
            Err(e) => return Err(io_err(e)),
        }
    }
    named(shown, dir, &name, real, perms, fill)
}

/// The portable way: a uniquely named temporary file (removed if anything fails) renamed
/// over the target.
fn named(
    shown: &Path,
    dir: &Path,
    name: &str,
    real: &Path,
    perms: Option<Permissions>,
    fill: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    let prefix = format!(".{name}.");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    let new_file_perms = {
        use std::os::unix::fs::PermissionsExt;
        Permissions::from_mode(0o666)
    };
    #[cfg(unix)]
    b.permissions(new_file_perms);
    let mut tmp = b
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, without_path(e)))?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all().map_err(|e| Error::io(shown, e))?;
    if let Some(p) = perms {
        tmp.as_file()
            .set_permissions(p)
            .map_err(|e| Error::io(shown, e))?;
    }
    tmp.persist(real).map_err(|e| Error::io(shown, e.error))?;
    Ok(())
}

/// An error from `tempfile` without the temporary file's name it adds ("… at path
/// \"dir/.name.XXXX.tmp\""): the user named the target, and the message names its folder.
fn without_path(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) => io::Error::new(e.kind(), &text[..at]),
        None => e,
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::CString;
    use std::fs::{File, OpenOptions};
    use std::io;
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::Path;

    /// A file in `dir` with no name: it vanishes with the process whatever ends it. Created
    /// as a new file would be (mode 0666 less the umask).
    pub(super) fn anonymous_in(dir: &Path) -> io::Result<File> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .mode(0o666)
            .custom_flags(libc::O_TMPFILE)
            .open(dir)
    }

    /// Gives `f` a fresh hidden name in `dir`, then renames it over `target`.
    pub(super) fn link_over(f: &File, dir: &Path, name: &str, target: &Path) -> io::Result<()> {
        let proc_path = CString::new(format!("/proc/self/fd/{}", f.as_raw_fd()))?;
        for _ in 0..32 {
            let tmp = dir.join(format!(".{name}.{:08x}.tmp", rand::random::<u32>()));
            let c_tmp = CString::new(tmp.as_os_str().as_bytes())?;
            // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
            let r = unsafe {
                libc::linkat(
                    libc::AT_FDCWD,
                    proc_path.as_ptr(),
                    libc::AT_FDCWD,
                    c_tmp.as_ptr(),
                    libc::AT_SYMLINK_FOLLOW,
                )
            };
            if r != 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::AlreadyExists {
                    continue;
                }
                return Err(e);
            }
            return std::fs::rename(&tmp, target).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            });
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free temporary name",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_keeping_its_mode_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        std::fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, Permissions::from_mode(0o600)).unwrap();
        }
        write(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(p.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(write(dir.path(), b"x").is_err());
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(write(&dangling, b"x").is_err());
        assert!(!dir.path().join("nowhere").exists());
    }
}
