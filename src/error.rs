//! The library's error type.
//!
//! Every error knows the exit code it maps to (see `hakit(1)`, EXIT STATUS) and, where one
//! exists, a hint that tells the user what to do next. The CLI prints an error once, as
//! `hakit: <operation>: <error> (hint: ...)`, and exits with [`Error::exit_code`].

use std::io;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: negative result (unhealthy, not prepared) or the operation failed.
pub const EXIT_FAIL: u8 = 1;
/// Exit code: usage error or invalid input.
pub const EXIT_USAGE: u8 = 2;

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in a hakit operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is invalid (bad address, out-of-range value, conflicting options).
    #[error("{0}")]
    Invalid(String),

    /// An interface named by the user does not exist.
    #[error("no such interface \"{name}\" (interfaces here: {})", existing.join(", "))]
    NoSuchInterface { name: String, existing: Vec<String> },

    /// The kernel refused a request because the caller lacks privileges.
    #[error("{what}: permission denied")]
    Permission { what: String },

    /// The kernel answered a netlink request with an error.
    #[error("{what}: {}{}", errno_text(*errno), ext.as_deref().map(|m| format!(" ({m})")).unwrap_or_default())]
    Netlink {
        what: String,
        errno: i32,
        /// The kernel's extended-ack message, when it sent one.
        ext: Option<String>,
    },

    /// A system call or file operation failed.
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: io::Error,
    },

    /// The operation ran but its answer is negative, or it could not be carried out.
    #[error("{0}")]
    Failed(String),

    /// An error with a note on what was and was not applied; keeps its exit code and hint.
    #[error("{source}; {note}")]
    Noted { source: Box<Error>, note: String },
}

impl Error {
    /// The process exit code this error maps to.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid(_) | Error::NoSuchInterface { .. } => EXIT_USAGE,
            Error::Noted { source, .. } => source.exit_code(),
            _ => EXIT_FAIL,
        }
    }

    /// A hint on how to fix the cause, when there is one.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::Noted { source, .. } => source.hint(),
            // Error::io turns EPERM/EACCES into Permission, so that is the one place to look.
            Error::Permission { .. } => Some("run as root or grant CAP_NET_ADMIN"),
            Error::Netlink { errno, .. } if *errno == libc_errno::EPERM => {
                Some("run as root or grant CAP_NET_ADMIN")
            }
            _ => None,
        }
    }

    /// Build an [`Error::Io`], turning EPERM/EACCES into [`Error::Permission`].
    pub fn io(what: impl Into<String>, source: io::Error) -> Self {
        let what = what.into();
        match source.raw_os_error() {
            Some(libc_errno::EPERM) | Some(libc_errno::EACCES) => Error::Permission { what },
            _ => Error::Io { what, source },
        }
    }

    /// Attach a note on what was and was not applied.
    pub fn noted(self, note: impl Into<String>) -> Self {
        Error::Noted {
            source: Box::new(self),
            note: note.into(),
        }
    }

    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }
}

/// The errno values the library reasons about (kept here so no module needs `libc`).
pub mod libc_errno {
    pub const EPERM: i32 = 1;
    pub const ENOENT: i32 = 2;
    pub const ESRCH: i32 = 3;
    pub const EACCES: i32 = 13;
    pub const EEXIST: i32 = 17;
    pub const ENODEV: i32 = 19;
    pub const EINVAL: i32 = 22;
    pub const ENETDOWN: i32 = 100;
    pub const EADDRNOTAVAIL: i32 = 99;
    pub const EOPNOTSUPP: i32 = 95;
    pub const ENOBUFS: i32 = 105;
}

/// The C library's text for an errno, without the "(os error N)" suffix.
pub fn errno_text(errno: i32) -> String {
    let s = io::Error::from_raw_os_error(errno).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        assert_eq!(Error::invalid("x").exit_code(), EXIT_USAGE);
        let nsi = Error::NoSuchInterface {
            name: "eth9".into(),
            existing: vec!["lo".into(), "eth0".into()],
        };
        assert_eq!(nsi.exit_code(), EXIT_USAGE);
        assert_eq!(
            nsi.to_string(),
            "no such interface \"eth9\" (interfaces here: lo, eth0)"
        );
        assert_eq!(Error::Failed("x".into()).exit_code(), EXIT_FAIL);
    }

    #[test]
    fn permission_errors_carry_the_capability_hint() {
        let e = Error::io("write x", io::Error::from_raw_os_error(libc_errno::EPERM));
        assert!(matches!(e, Error::Permission { .. }));
        assert_eq!(e.hint(), Some("run as root or grant CAP_NET_ADMIN"));
        assert_eq!(e.to_string(), "write x: permission denied");
    }

    #[test]
    fn notes_keep_exit_code_and_hint() {
        let e = Error::Permission {
            what: "set x".into(),
        }
        .noted("nothing was changed");
        assert_eq!(
            e.to_string(),
            "set x: permission denied; nothing was changed"
        );
        assert_eq!(e.exit_code(), EXIT_FAIL);
        assert!(e.hint().is_some());
        assert_eq!(Error::invalid("bad").noted("n").exit_code(), EXIT_USAGE);
    }

    #[test]
    fn netlink_errors_read_like_the_c_library() {
        let e = Error::Netlink {
            what: "add address".into(),
            errno: libc_errno::EEXIST,
            ext: Some("ipv4: Address already assigned".into()),
        };
        assert_eq!(
            e.to_string(),
            "add address: File exists (ipv4: Address already assigned)"
        );
    }
}
