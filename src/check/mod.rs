//! Health checks with keepalived's semantics: a check is tried, and retried `retry` times
//! with `delay_before_retry` between tries, before it counts as failed; each try is bounded
//! by `connect_timeout`. The verdict carries the reason and the timings.
//!
//! Every check is a [`Check`]: a [`Probe`] (what to ask) and a [`Policy`] (how to try).
//! Tries are async (tokio), so the checker loop of `lb` runs thousands at once on one
//! thread; one-shot callers use [`Check::run_blocking`]. The protocol pieces (request
//! builders, response parsers) are pure functions in the per-checker modules.

pub mod args;
pub mod http;
pub mod misc;
pub mod simple;
pub mod ssl;
pub mod tcp;

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::net::{TcpSocket, TcpStream};

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
    /// Wall time of the whole check, at full resolution (for latency histograms).
    #[serde(skip)]
    pub elapsed: Duration,
    /// keepalived's dynamic MISC_CHECK weight (exit status - 2), when the check sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
}

/// A single try's result: success text, or the failure reason.
pub type Try = std::result::Result<String, String>;

/// What a check asks.
#[derive(Debug, Clone)]
pub enum Probe {
    /// TCP_CHECK: a connection opens.
    Tcp {
        addr: SocketAddr,
        bindto: Option<IpAddr>,
    },
    /// HTTP_GET.
    Http(http::HttpCheck),
    /// SSL_GET: HTTP over TLS (its client boxed: it would make every check's probe, HTTP
    /// ones too, 136 bytes larger; a checker holds one per real server).
    Ssl(http::HttpCheck, Box<ssl::TlsClient>),
    /// MISC_CHECK: a command (its timeout is the policy's connect_timeout).
    Misc { argv: Vec<String>, dynamic: bool },
    /// SMTP_CHECK: banner and HELO.
    Smtp {
        addr: SocketAddr,
        bindto: Option<IpAddr>,
        helo: String,
    },
    /// DNS_CHECK.
    Dns {
        addr: SocketAddr,
        bindto: Option<IpAddr>,
        name: String,
        qtype: u16,
    },
    /// UDP_CHECK.
    Udp {
        addr: SocketAddr,
        bindto: Option<IpAddr>,
        payload: Vec<u8>,
        reply: simple::UdpReply,
    },
    /// PING_CHECK.
    Ping { addr: IpAddr },
    /// Several checks that must all pass, each under its own policy (keepalived's several
    /// url blocks of one HTTP_GET, and several checkers on one real server). They run in
    /// order and the first failure decides; the outer policy should not retry.
    All(Vec<Check>),
}

impl Probe {
    /// Short name, as keepalived's checker keywords.
    pub fn kind(&self) -> &'static str {
        match self {
            Probe::Tcp { .. } => "TCP_CHECK",
            Probe::Http(_) => "HTTP_GET",
            Probe::Ssl(..) => "SSL_GET",
            Probe::Misc { .. } => "MISC_CHECK",
            Probe::Smtp { .. } => "SMTP_CHECK",
            Probe::Dns { .. } => "DNS_CHECK",
            Probe::Udp { .. } => "UDP_CHECK",
            Probe::Ping { .. } => "PING_CHECK",
            Probe::All(_) => "ALL",
        }
    }

    /// The checkers as keepalived names them, several joined with "+" (HTTP_GET+TCP_CHECK;
    /// several urls of one HTTP_GET show once per url).
    pub fn describe(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Probe::All(checks) => checks
                .iter()
                .map(|c| c.probe.describe())
                .collect::<Vec<_>>()
                .join("+")
                .into(),
            p => p.kind().into(),
        }
    }

    /// One try, bounded by `timeout`, with the dynamic weight a misc check sets. The
    /// rarer probes run boxed, so that the state of every check in flight is the size of
    /// an HTTP one, not of the largest (a TLS handshake is some 9 KiB).
    pub async fn try_once(&self, timeout: Duration) -> (Try, Option<i32>) {
        let r = match self {
            Probe::Tcp { addr, bindto } => tcp::try_once(*addr, *bindto, timeout).await,
            Probe::Http(c) => http::try_once(c, timeout).await,
            Probe::Ssl(c, t) => Box::pin(ssl::try_once(c, t, timeout)).await,
            Probe::Misc { argv, dynamic } => {
                return Box::pin(misc::try_once(argv, timeout, *dynamic)).await
            }
            Probe::Smtp { addr, bindto, helo } => {
                Box::pin(bounded(timeout, &format!("SMTP {addr}"), async {
                    simple::smtp(*addr, *bindto, helo, timeout).await
                }))
                .await
            }
            Probe::Dns {
                addr,
                bindto,
                name,
                qtype,
            } => {
                Box::pin(bounded(timeout, &format!("DNS {addr}"), async {
                    simple::dns(*addr, *bindto, name, *qtype).await
                }))
                .await
            }
            Probe::Udp {
                addr,
                bindto,
                payload,
                reply: simple::UdpReply::Optional,
            } => {
                // keepalived's UDP_CHECK without require_reply: silence is success.
                match Box::pin(tokio::time::timeout(
                    timeout,
                    simple::udp(*addr, *bindto, payload, &simple::UdpReply::Optional),
                ))
                .await
                {
                    Ok(r) => r,
                    Err(_) => Ok(format!(
                        "UDP {addr}: no ICMP error within {}s",
                        timeout.as_secs_f64()
                    )),
                }
            }
            Probe::Udp {
                addr,
                bindto,
                payload,
                reply,
            } => {
                Box::pin(bounded(timeout, &format!("UDP {addr}"), async {
                    simple::udp(*addr, *bindto, payload, reply).await
                }))
                .await
            }
            Probe::Ping { addr } => {
                Box::pin(bounded(timeout, &format!("ping {addr}"), async {
                    simple::ping(*addr).await
                }))
                .await
            }
            Probe::All(checks) => return all(checks).await,
        };
        (r, None)
    }
}

/// [`Probe::All`]: every check in turn, up to the first failure. Successes are joined
/// with "; "; the weight is the first a misc check set.
async fn all(checks: &[Check]) -> (Try, Option<i32>) {
    let mut done = Vec::new();
    let mut weight = None;
    for c in checks {
        // Boxed: a check may itself be an All (the future would be infinitely sized).
        let v = Box::pin(c.run()).await;
        if !v.healthy {
            return (Err(v.reason), weight);
        }
        weight = weight.or(v.weight);
        done.push(v.reason);
    }
    (Ok(done.join("; ")), weight)
}

/// Several checks as one: itself when there is one, [`Probe::All`] (not retried as a
/// whole) otherwise.
pub fn all_of(mut checks: Vec<Check>) -> Option<Check> {
    match checks.len() {
        0 => None,
        1 => checks.pop(),
        _ => Some(Check {
            policy: Policy {
                connect_timeout: checks
                    .iter()
                    .map(|c| c.policy.connect_timeout)
                    .max()
                    .unwrap_or_default(),
                retry: 0,
                delay_before_retry: Duration::ZERO,
            },
            probe: Probe::All(checks),
        }),
    }
}

/// A probe with its policy.
#[derive(Debug, Clone)]
pub struct Check {
    pub probe: Probe,
    pub policy: Policy,
}

impl Check {
    /// Try, and retry under the policy: the first success wins; after `retry` further
    /// failures the check fails with the last reason.
    pub async fn run(&self) -> Verdict {
        let p = &self.policy;
        let start = Instant::now();
        let mut tries = 0;
        loop {
            tries += 1;
            let t = if tries == 1 { start } else { Instant::now() };
            let (r, weight) = self.probe.try_once(p.connect_timeout).await;
            let end = Instant::now();
            let (healthy, reason) = match r {
                Ok(s) => (true, s),
                Err(e) => (false, e),
            };
            if healthy || tries > p.retry {
                let elapsed = end - start;
                return Verdict {
                    healthy,
                    reason,
                    tries,
                    elapsed_ms: elapsed.as_millis() as u64,
                    last_try_ms: (end - t).as_millis() as u64,
                    elapsed,
                    weight,
                };
            }
            tokio::time::sleep(p.delay_before_retry).await;
        }
    }

    /// [`Check::run`] for a daemon: a panic inside the check (a bug) is a failed check
    /// that says so, and the caller goes on checking, instead of a task that ends
    /// without a verdict and a real server nobody checks again.
    pub async fn run_caught(&self) -> Verdict {
        let start = Instant::now();
        caught(self.run()).await.unwrap_or_else(|why| {
            let elapsed = start.elapsed();
            Verdict {
                healthy: false,
                reason: format!("the check panicked ({why}); a bug in hakit"),
                tries: 1,
                elapsed_ms: elapsed.as_millis() as u64,
                last_try_ms: elapsed.as_millis() as u64,
                elapsed,
                weight: None,
            }
        })
    }

    /// [`Check::run`] on a runtime of its own, for one-shot callers.
    pub fn run_blocking(&self) -> Result<Verdict> {
        Ok(runtime()?.block_on(self.run()))
    }
}

/// Await `f`; a panic while polling it is its message instead (`f` is not polled again).
async fn caught<T>(f: impl std::future::Future<Output = T>) -> std::result::Result<T, String> {
    let mut f = std::pin::pin!(f);
    std::future::poll_fn(|cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.as_mut().poll(cx))) {
            Ok(p) => p.map(Ok),
            Err(e) => std::task::Poll::Ready(Err(e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into()))),
        }
    })
    .await
}

/// A single-threaded runtime with I/O and timers (what checks need).
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("start the check runtime", e))
}

/// `fut` bounded by `timeout`: its result, or a timeout reason for `what`.
pub async fn bounded<T>(
    timeout: Duration,
    what: &str,
    fut: impl std::future::Future<Output = std::result::Result<T, String>>,
) -> std::result::Result<T, String> {
    match tokio::time::timeout(timeout, fut).await {
        Ok(r) => r,
        Err(_) => Err(format!(
            "{what}: timed out after {}s",
            timeout.as_secs_f64()
        )),
    }
}

/// Connect to `addr` within `timeout`, from `bindto` when given.
pub async fn connect(
    addr: SocketAddr,
    bindto: Option<IpAddr>,
    timeout: Duration,
) -> std::io::Result<TcpStream> {
    let s = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    if let Some(b) = bindto {
        s.bind(SocketAddr::new(b, 0))?;
    }
    match tokio::time::timeout(timeout, s.connect(addr)).await {
        Ok(r) => r,
        Err(_) => Err(std::io::Error::from(std::io::ErrorKind::TimedOut)),
    }
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

    fn rt() -> tokio::runtime::Runtime {
        runtime().unwrap()
    }

    #[test]
    fn a_panic_while_checking_is_its_message_and_a_finished_future_its_value() {
        let rt = rt();
        assert_eq!(rt.block_on(caught(async { 7 })), Ok(7));
        // After an await, as a panic inside a check would come.
        let r = rt.block_on(caught(async {
            tokio::task::yield_now().await;
            let v: Vec<u8> = Vec::new();
            v[3]
        }));
        assert!(r.unwrap_err().contains("index out of bounds"));
        let r = rt.block_on(caught(async { panic!("plain") }));
        assert_eq!(r, Err::<(), _>("plain".into()));
    }

    #[test]
    fn retries_follow_keepalived() {
        let policy = Policy {
            connect_timeout: Duration::from_secs(1),
            retry: 2,
            delay_before_retry: Duration::ZERO,
        };
        let c = Check {
            probe: Probe::Misc {
                argv: vec!["false".into()],
                dynamic: false,
            },
            policy,
        };
        let v = rt().block_on(c.run());
        assert!(!v.healthy);
        assert_eq!(v.tries, 3, "one try and two retries");
        assert_eq!(v.reason, "false exited 1");
        let c = Check {
            probe: Probe::Misc {
                argv: vec!["true".into()],
                dynamic: false,
            },
            policy,
        };
        let v = rt().block_on(c.run());
        assert!(v.healthy);
        assert_eq!(v.tries, 1);
    }

    #[test]
    fn dynamic_weight_reaches_the_verdict() {
        let c = Check {
            probe: Probe::Misc {
                argv: vec!["sh".into(), "-c".into(), "exit 7".into()],
                dynamic: true,
            },
            policy: Policy::default(),
        };
        let v = c.run_blocking().unwrap();
        assert!(v.healthy);
        assert_eq!(v.weight, Some(5));
    }

    fn misc(cmd: &str) -> Check {
        Check {
            probe: Probe::Misc {
                argv: vec!["sh".into(), "-c".into(), cmd.into()],
                dynamic: true,
            },
            policy: Policy {
                connect_timeout: Duration::from_secs(2),
                retry: 1,
                delay_before_retry: Duration::ZERO,
            },
        }
    }

    #[test]
    fn all_passes_only_when_every_check_passes() {
        assert!(all_of(vec![]).is_none());
        let one = all_of(vec![misc("exit 0")]).unwrap();
        assert!(
            matches!(one.probe, Probe::Misc { .. }),
            "one check stays itself"
        );
        let c = all_of(vec![misc("exit 0"), misc("exit 4"), misc("exit 0")]).unwrap();
        assert_eq!(c.policy.retry, 0, "each part retries under its own policy");
        assert_eq!(c.probe.describe(), "MISC_CHECK+MISC_CHECK+MISC_CHECK");
        let v = c.run_blocking().unwrap();
        assert!(v.healthy);
        assert_eq!(v.weight, Some(2), "the first dynamic weight");
        assert_eq!(v.reason.matches("; ").count(), 2, "{}", v.reason);
        let dir = std::env::temp_dir().join(format!("hakit-all-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mark = dir.join("ran");
        let c = all_of(vec![
            misc("exit 1"),
            misc(&format!("touch {}", mark.display())),
        ])
        .unwrap();
        let v = c.run_blocking().unwrap();
        assert!(!v.healthy);
        assert_eq!(v.reason, "sh exited 1");
        assert_eq!(v.tries, 1);
        assert!(
            !mark.exists(),
            "the first failure decides; the rest are not run"
        );
        std::fs::remove_dir_all(&dir).unwrap();
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

    /// A checker with a thousand servers holds a thousand checks in flight when its
    /// servers are slow: the state of one (what `run` keeps between polls) stays small,
    /// the rarer probes (TLS, DNS, ping, ...) being boxed in their own arm.
    #[test]
    fn a_check_in_flight_is_small() {
        let c = Check {
            probe: Probe::Tcp {
                addr: "127.0.0.1:1".parse().unwrap(),
                bindto: None,
            },
            policy: Policy {
                connect_timeout: Duration::from_secs(1),
                retry: 0,
                delay_before_retry: Duration::ZERO,
            },
        };
        let f = c.run();
        assert!(
            std::mem::size_of_val(&f) <= 1024,
            "{}",
            std::mem::size_of_val(&f)
        );
    }
}
