//! Health checks with keepalived's semantics: a check is tried, and retried `retry` times
//! with `delay_before_retry` between tries, before it counts as failed; each try is bounded
//! by `connect_timeout`. The verdict carries the reason and the timings.
//!
//! `tcp`, `http` (HTTP/1.0 and 1.1, status lists, MD5 digest, regex, virtual host), `misc`
//! (a command, with keepalived's dynamic weight), and in `simple` smtp, dns, udp and ping.
//! `ssl` is the http check over TLS.

pub mod http;
pub mod misc;
pub mod simple;
pub mod ssl;
pub mod tcp;

use std::net::{IpAddr, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};

/// How a check is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Bound of one try (connect, and for http the whole exchange).
    pub connect_timeout: Duration,
    /// Further tries after a failure (keepalived's retry, alias nb_get_retry).
    pub retry: u32,
    /// Pause between tries.
    pub delay_before_retry: Duration,
}

impl Default for Policy {
    /// keepalived's defaults: 5 s connect timeout, 1 retry, 1 s between tries.
    fn default() -> Policy {
        Policy {
            connect_timeout: Duration::from_secs(5),
            retry: 1,
            delay_before_retry: Duration::from_secs(1),
        }
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub healthy: bool,
    /// Why (the last try's failure, or what succeeded).
    pub reason: String,
    pub tries: u32,
    /// Wall time of the whole check, retries included.
    pub elapsed_ms: u64,
    /// Duration of the last try.
    pub last_try_ms: u64,
    /// keepalived's dynamic MISC_CHECK weight (exit status - 2), when the check sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
}

/// A single try's result: success text, or the failure reason.
pub type Try = std::result::Result<String, String>;

/// Run `attempt` under `policy`: the first success wins; after `retry` further failures the
/// check fails with the last reason.
pub fn with_retries(policy: &Policy, mut attempt: impl FnMut() -> Try) -> Verdict {
    let start = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let t = Instant::now();
        let r = attempt();
        let last_try_ms = t.elapsed().as_millis() as u64;
        let (healthy, reason) = match r {
            Ok(s) => (true, s),
            Err(e) => (false, e),
        };
        if healthy || tries > policy.retry {
            return Verdict {
                healthy,
                reason,
                tries,
                elapsed_ms: start.elapsed().as_millis() as u64,
                last_try_ms,
                weight: None,
            };
        }
        thread::sleep(policy.delay_before_retry);
    }
}

/// Connect to `addr` within `timeout`, from `bindto` when given.
pub fn connect(
    addr: SocketAddr,
    bindto: Option<IpAddr>,
    timeout: Duration,
) -> std::io::Result<TcpStream> {
    use socket2::{Domain, Socket, Type};
    let s = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    if let Some(b) = bindto {
        s.bind(&SocketAddr::new(b, 0).into())?;
    }
    s.connect_timeout(&addr.into(), timeout)?;
    let s: TcpStream = s.into();
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    Ok(s)
}

/// Describe a connection error the way an admin reads it.
pub fn io_reason(what: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let why = match e.kind() {
        ConnectionRefused => "connection refused".to_string(),
        TimedOut | WouldBlock => "timed out".to_string(),
        ConnectionReset => "connection reset".to_string(),
        _ => crate::error::errno_text(e.raw_os_error().unwrap_or(0)),
    };
    let why = if why.is_empty() || why.starts_with("Success") {
        e.to_string()
    } else {
        why
    };
    format!("{what}: {why}")
}

/// Validate a policy from the command line: timeouts must be positive.
pub fn policy(connect_timeout: Duration, retry: u32, delay: Duration) -> Result<Policy> {
    if connect_timeout.is_zero() {
        return Err(Error::invalid(
            "--connect-timeout must be greater than zero",
        ));
    }
    Ok(Policy {
        connect_timeout,
        retry,
        delay_before_retry: delay,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_keepalived() {
        let p = Policy {
            connect_timeout: Duration::from_secs(1),
            retry: 2,
            delay_before_retry: Duration::ZERO,
        };
        let mut n = 0;
        let v = with_retries(&p, || {
            n += 1;
            Err(format!("fail {n}"))
        });
        assert!(!v.healthy);
        assert_eq!(v.tries, 3, "one try and two retries");
        assert_eq!(v.reason, "fail 3");
        let mut n = 0;
        let v = with_retries(&p, || {
            n += 1;
            if n == 2 {
                Ok("up".into())
            } else {
                Err("down".into())
            }
        });
        assert!(v.healthy);
        assert_eq!(v.tries, 2);
    }

    #[test]
    fn zero_timeout_is_a_usage_error() {
        assert_eq!(
            policy(Duration::ZERO, 1, Duration::ZERO)
                .unwrap_err()
                .exit_code(),
            2
        );
    }
}
