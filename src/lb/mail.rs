//! Alert mail, in keepalived's format, sent over SMTP with lettre. The messages are built
//! by pure functions; sending is at the edge (blocking, run off the checker's thread).

use std::net::SocketAddr;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::transport::smtp::extension::ClientId;
use lettre::{Message, SmtpTransport, Transport};

use crate::error::{Error, Result};

/// Where alerts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    pub server: SocketAddr,
    pub from: String,
    pub to: Vec<String>,
    pub connect_timeout: Duration,
    /// keepalived's smtp_helo_name (default: the router_id).
    pub helo: Option<String>,
}

/// A mail to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub subject: String,
    pub body: String,
}

/// This host's name as mails name it (keepalived's default router_id), or localhost.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        })
        .unwrap_or_else(|| "localhost".into())
}

/// `[IP]:PORT` as keepalived writes a server in its mails.
fn server(addr: std::net::IpAddr, port: u16) -> String {
    format!("[{addr}]:{port}")
}

/// A real server went down or came back.
pub fn real_alert(
    router_id: &str,
    addr: std::net::IpAddr,
    port: u16,
    up: bool,
    reason: &str,
) -> Alert {
    let s = server(addr, port);
    let (state, what) = if up {
        ("UP", "succeed")
    } else {
        ("DOWN", "failed")
    };
    Alert {
        subject: format!("[{router_id}] Realserver {s} - {state}"),
        body: format!("=> CHECK {what} on service : {reason} <=\n"),
    }
}

/// A virtual service lost or regained its quorum.
pub fn quorum_alert(
    router_id: &str,
    service: &str,
    up: bool,
    alive: u32,
    quorum: u32,
    hysteresis: u32,
) -> Alert {
    let (state, what) = if up {
        (
            "UP",
            format!("Gained quorum: alive weight {alive} >= {quorum}+{hysteresis}"),
        )
    } else {
        (
            "DOWN",
            format!("Lost quorum: alive weight {alive} < {quorum}-{hysteresis}"),
        )
    };
    Alert {
        subject: format!("[{router_id}] Virtualserver {service} - {state}"),
        body: format!("=> {what} <=\n"),
    }
}

/// A VRRP instance (or a sync `group`) entered `state` (MASTER, BACKUP, FAULT, STOP,
/// DELETED), in keepalived's words. None for a state keepalived does not mail.
pub fn vrrp_alert(router_id: &str, group: bool, name: &str, state: &str) -> Option<Alert> {
    let (what, owning) = if group {
        ("Group", "All VRRP group instances are now")
    } else {
        ("Instance", "VRRP Instance is")
    };
    let (subject, body) = match (state, group) {
        ("MASTER", false) => (
            "Entering MASTER state",
            "VRRP Instance is now owning VRRP VIPs".to_string(),
        ),
        ("BACKUP", false) => (
            "Entering BACKUP state",
            "VRRP Instance is no longer owning VRRP VIPs".to_string(),
        ),
        ("FAULT", false) => (
            "Entering FAULT state",
            "VRRP Instance is no longer owning VRRP VIPs".to_string(),
        ),
        ("STOP", false) => ("Stopping", "VRRP Instance stopping".to_string()),
        ("DELETED", false) => ("Deleted", "VRRP Deleted at reload".to_string()),
        ("MASTER" | "BACKUP" | "FAULT", true) => (
            match state {
                "MASTER" => "Entering MASTER state",
                "BACKUP" => "Entering BACKUP state",
                _ => "Entering FAULT state",
            },
            format!("{owning} in {state} state"),
        ),
        ("STOP", true) => ("Stopping", format!("{owning} stopping")),
        _ => return None,
    };
    Some(Alert {
        subject: format!("[{router_id}] VRRP {what} {name} - {subject}"),
        body: format!("=> {body} <=\n"),
    })
}

/// The message as lettre builds it.
pub fn message(cfg: &MailConfig, a: &Alert) -> Result<Message> {
    let bad = |what: &str, v: &str, e: &dyn std::fmt::Display| {
        Error::invalid(format!("mail {what} \"{v}\": {e}"))
    };
    let mut b = Message::builder()
        .from(cfg.from.parse().map_err(|e| bad("sender", &cfg.from, &e))?)
        .subject(a.subject.clone())
        .header(ContentType::TEXT_PLAIN);
    for t in &cfg.to {
        b = b.to(t.parse().map_err(|e| bad("recipient", t, &e))?);
    }
    b.body(a.body.clone())
        .map_err(|e| Error::invalid(format!("mail: {e}")))
}

/// Check the addresses once, at start, so a typo is a usage error and not a lost alert.
pub fn validate(cfg: &MailConfig) -> Result<()> {
    if cfg.to.is_empty() {
        return Err(Error::invalid(
            "--mail-from/--smtp-server need at least one --mail-to",
        ));
    }
    message(
        cfg,
        &Alert {
            subject: String::new(),
            body: String::new(),
        },
    )
    .map(|_| ())
}

/// Send one alert (blocking), saying HELO with the configured name or `helo`.
pub fn send(cfg: &MailConfig, helo: &str, a: &Alert) -> Result<()> {
    let m = message(cfg, a)?;
    let t = SmtpTransport::builder_dangerous(cfg.server.ip().to_string())
        .port(cfg.server.port())
        .timeout(Some(cfg.connect_timeout))
        .hello_name(ClientId::Domain(
            cfg.helo.clone().unwrap_or_else(|| helo.to_string()),
        ))
        .build();
    t.send(&m)
        .map(|_| ())
        .map_err(|e| Error::Failed(format!("mail \"{}\" to {}: {e}", a.subject, cfg.server)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vrrp_mails_follow_keepalived() {
        let a = vrrp_alert("lb1", false, "VI_1", "MASTER").unwrap();
        assert_eq!(
            a.subject,
            "[lb1] VRRP Instance VI_1 - Entering MASTER state"
        );
        assert_eq!(a.body, "=> VRRP Instance is now owning VRRP VIPs <=\n");
        let a = vrrp_alert("lb1", false, "VI_1", "FAULT").unwrap();
        assert_eq!(
            a.body,
            "=> VRRP Instance is no longer owning VRRP VIPs <=\n"
        );
        assert_eq!(
            vrrp_alert("lb1", false, "VI_1", "STOP").unwrap().subject,
            "[lb1] VRRP Instance VI_1 - Stopping"
        );
        let g = vrrp_alert("lb1", true, "G1", "BACKUP").unwrap();
        assert_eq!(g.subject, "[lb1] VRRP Group G1 - Entering BACKUP state");
        assert_eq!(
            g.body,
            "=> All VRRP group instances are now in BACKUP state <=\n"
        );
        assert_eq!(
            vrrp_alert("lb1", true, "G1", "STOP").unwrap().body,
            "=> All VRRP group instances are now stopping <=\n"
        );
        assert!(vrrp_alert("lb1", false, "VI_1", "MASTER_PRIORITY").is_none());
        assert!(vrrp_alert("lb1", true, "G1", "DELETED").is_none());
    }

    #[test]
    fn subjects_follow_keepalived() {
        let a = real_alert(
            "LVS_DEVEL",
            "192.168.139.8".parse().unwrap(),
            80,
            false,
            "GET http://192.168.139.8/: connection refused",
        );
        assert_eq!(
            a.subject,
            "[LVS_DEVEL] Realserver [192.168.139.8]:80 - DOWN"
        );
        assert!(a.body.contains("CHECK failed") && a.body.contains("connection refused"));
        let a = real_alert("X", "fd00::1".parse().unwrap(), 443, true, "ok");
        assert_eq!(a.subject, "[X] Realserver [fd00::1]:443 - UP");
    }

    #[test]
    fn bad_addresses_are_usage_errors() {
        let cfg = MailConfig {
            server: "127.0.0.1:25".parse().unwrap(),
            from: "not an address".into(),
            to: vec!["ops@example.test".into()],
            connect_timeout: Duration::from_secs(1),
            helo: None,
        };
        assert_eq!(validate(&cfg).unwrap_err().exit_code(), 2);
        let cfg = MailConfig {
            from: "lb@example.test".into(),
            to: vec![],
            ..cfg
        };
        assert_eq!(validate(&cfg).unwrap_err().exit_code(), 2);
    }
}
