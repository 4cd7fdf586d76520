//! A VRRP instance's configuration: validation before anything is sent, and the checks a
//! received advertisement must pass against it (keepalived's drop rules).

use std::net::IpAddr;

use serde::Serialize;

use super::packet::{Advert, Auth, Drop, Version, PASS_MAX};
use crate::error::{Error, Result};
use crate::vip::IpNet;

/// One VRRP instance as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instance {
    /// Name used in notify arguments, logs and the state file (keepalived's VI_1).
    pub name: String,
    pub interface: String,
    pub vrid: u8,
    pub priority: u8,
    pub version: Version,
    /// Advertisement interval in centiseconds.
    pub interval_cs: u16,
    pub vips: Vec<IpNet>,
    #[serde(skip)]
    pub auth: Auth,
    pub unicast_peers: Vec<IpAddr>,
    pub unicast_src: Option<IpAddr>,
    pub preempt: bool,
    pub preempt_delay_ms: u64,
    /// Where multicast adverts go (keepalived's vrrp_mcast_group4/6; None: 224.0.0.18 or
    /// ff02::12).
    pub mcast_group: Option<IpAddr>,
    /// TTL / hop limit of unicast adverts (keepalived's unicast_ttl; multicast ones are
    /// always 255).
    pub unicast_ttl: u8,
    /// Added and removed with the VIPs but not advertised (virtual_ipaddress_excluded),
    /// of either family.
    pub excluded: Vec<IpNet>,
}

impl Instance {
    /// The address family of the instance (that of its VIPs).
    pub fn is_ipv6(&self) -> bool {
        self.vips.first().is_some_and(|v| v.addr.is_ipv6())
    }

    /// Where multicast adverts go.
    pub fn group(&self) -> IpAddr {
        self.mcast_group.unwrap_or(if self.is_ipv6() {
            IpAddr::V6(super::packet::MCAST_V6)
        } else {
            IpAddr::V4(super::packet::MCAST_V4)
        })
    }

    /// The VIP list as advertised.
    pub fn addrs(&self) -> Vec<IpAddr> {
        self.vips.iter().map(|v| v.addr).collect()
    }
}

/// Parse an advertisement interval given in seconds (`1`, `0.1`, `100ms`) into
/// centiseconds, for `version`.
pub fn parse_interval(s: &str, version: Version) -> Result<u16> {
    let d = crate::units::parse_duration(s)?;
    let ms = d.as_millis();
    match version {
        Version::V2 => {
            if ms % 1000 != 0 || ms == 0 || ms > 255_000 {
                return Err(Error::invalid(format!(
                    "advert interval \"{s}\": VRRPv2 takes whole seconds from 1 to 255"
                )));
            }
            Ok((ms / 10) as u16)
        }
        Version::V3 => {
            if ms % 10 != 0 || !(10..=40_950).contains(&ms) {
                return Err(Error::invalid(format!(
                    "advert interval \"{s}\": VRRPv3 takes 0.01 to 40.95 seconds in steps of 0.01"
                )));
            }
            Ok((ms / 10) as u16)
        }
    }
}

/// Validate an instance before anything is sent. (Priority 255 on a node that owns none
/// of the VIPs is not refused: keepalived runs it, as a backup first; so does hakit.)
pub fn validate(i: &Instance) -> Result<()> {
    if i.vrid == 0 {
        return Err(Error::invalid("VRID must be 1-255"));
    }
    if i.priority == 0 {
        return Err(Error::invalid(
            "priority must be 1-255 (0 is reserved for a master that is leaving)",
        ));
    }
    if i.vips.is_empty() {
        return Err(Error::invalid("an instance needs at least one --vip"));
    }
    let v6 = i.is_ipv6();
    if let Some(bad) = i.vips.iter().find(|v| v.addr.is_ipv6() != v6) {
        return Err(Error::invalid(format!(
            "VIP {bad} is not of the instance's family ({}): run one instance per family",
            if v6 { "IPv6" } else { "IPv4" }
        )));
    }
    if v6 && i.version == Version::V2 {
        return Err(Error::invalid(
            "VRRPv2 is IPv4 only: use --version 3 for IPv6 VIPs",
        ));
    }
    if i.version == Version::V3 && i.auth != Auth::None {
        return Err(Error::invalid(
            "VRRPv3 has no authentication (RFC 5798): drop --auth-pass or use --version 2",
        ));
    }
    if let Some(bad) = i.unicast_peers.iter().find(|p| p.is_ipv6() != v6) {
        return Err(Error::invalid(format!(
            "unicast peer {bad} is not of the VIPs' family"
        )));
    }
    if let Some(g) = i.mcast_group {
        if g.is_ipv6() != v6 || !g.is_multicast() {
            return Err(Error::invalid(format!(
                "multicast group {g} is not an {} multicast address",
                if v6 { "IPv6" } else { "IPv4" }
            )));
        }
    }
    if let Some(src) = i.unicast_src {
        if src.is_ipv6() != v6 {
            return Err(Error::invalid(format!(
                "unicast source {src} is not of the VIPs' family"
            )));
        }
    }
    Ok(())
}

/// Parse a PASS password (1-8 bytes).
pub fn parse_password(p: &str) -> Result<Auth> {
    Auth::pass(p).map_err(|e| {
        Error::invalid(format!(
            "--auth-pass: {e}{}",
            if p.len() > PASS_MAX {
                " (keepalived would silently use the first 8)"
            } else {
                ""
            }
        ))
    })
}

/// Would keepalived accept `a` for instance `i`? (The codec already checked version,
/// type and checksum; the caller checked TTL.)
pub fn check(a: &Advert, i: &Instance) -> std::result::Result<(), Drop> {
    if a.vrid != i.vrid {
        return Err(Drop::Vrid);
    }
    if a.version != i.version {
        return Err(Drop::Version);
    }
    if a.version == Version::V2 {
        if a.auth != i.auth {
            return Err(Drop::Auth);
        }
        if a.interval_cs != i.interval_cs {
            return Err(Drop::Interval);
        }
    }
    let mut theirs = a.addrs.clone();
    let mut ours = i.addrs();
    theirs.sort();
    ours.sort();
    // A priority-0 advert may carry the list too; keepalived compares in every case.
    if theirs != ours {
        return Err(Drop::Addresses);
    }
    Ok(())
}

/// The password in `path` (its first line, without the line end) for --auth-pass-file;
/// a file that others can read is warned about, as ssh does with keys.
pub fn read_password_file(path: &std::path::Path) -> Result<String> {
    use std::os::unix::fs::PermissionsExt;
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("read the password file {}", path.display()), e))?;
    if let Ok(m) = std::fs::metadata(path) {
        if m.permissions().mode() & 0o077 != 0 {
            log::warn!(
                "the password file {} can be read by others: chmod 600 it",
                path.display()
            );
        }
    }
    let first = text.lines().next().unwrap_or("");
    if first.is_empty() {
        return Err(Error::invalid(format!(
            "the password file {} is empty",
            path.display()
        )));
    }
    Ok(first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst() -> Instance {
        Instance {
            name: "VI_1".into(),
            interface: "eth0".into(),
            vrid: 51,
            priority: 100,
            version: Version::V3,
            interval_cs: 10,
            vips: vec!["10.99.0.100/24".parse().unwrap()],
            auth: Auth::None,
            unicast_peers: vec![],
            unicast_src: None,
            preempt: true,
            preempt_delay_ms: 0,
            mcast_group: None,
            unicast_ttl: 255,
            excluded: vec![],
        }
    }

    fn err(i: &Instance) -> String {
        let e = validate(i).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        e.to_string()
    }

    #[test]
    fn intervals_per_version() {
        assert_eq!(parse_interval("1", Version::V2).unwrap(), 100);
        assert!(parse_interval("1.5", Version::V2)
            .unwrap_err()
            .to_string()
            .contains("whole seconds"));
        assert!(parse_interval("0", Version::V2).is_err());
        assert!(parse_interval("256", Version::V2).is_err());
        assert_eq!(parse_interval("0.1", Version::V3).unwrap(), 10);
        assert_eq!(parse_interval("40.95", Version::V3).unwrap(), 4095);
        assert!(parse_interval("41", Version::V3)
            .unwrap_err()
            .to_string()
            .contains("0.01 to 40.95"));
        assert!(parse_interval("0.005", Version::V3).is_err());
        assert!(parse_interval("-1", Version::V3).is_err());
    }

    #[test]
    fn bad_instances_are_refused_before_anything_is_sent() {
        assert!(err(&Instance { vrid: 0, ..inst() }).contains("VRID must be 1-255"));
        assert!(err(&Instance {
            priority: 0,
            ..inst()
        })
        .contains("priority must be 1-255"));
        assert!(validate(&Instance {
            priority: 255,
            ..inst()
        })
        .is_ok());
        assert!(validate(&Instance {
            priority: 255,
            ..inst()
        })
        .is_ok());
        assert!(err(&Instance {
            auth: Auth::pass("x").unwrap(),
            ..inst()
        })
        .contains("VRRPv3 has no authentication"));
        assert!(err(&Instance {
            unicast_peers: vec!["2001:db8::1".parse().unwrap()],
            ..inst()
        })
        .contains("unicast peer 2001:db8::1"));
        assert!(err(&Instance {
            vips: vec![
                "10.0.0.1/24".parse().unwrap(),
                "2001:db8::1/64".parse().unwrap()
            ],
            ..inst()
        })
        .contains("not of the instance's family"));
        assert!(err(&Instance {
            version: Version::V2,
            interval_cs: 100,
            vips: vec!["2001:db8::1/64".parse().unwrap()],
            ..inst()
        })
        .contains("IPv4 only"));
        assert!(err(&Instance {
            vips: vec![],
            ..inst()
        })
        .contains("at least one --vip"));
        assert!(err(&Instance {
            mcast_group: Some("10.0.0.1".parse().unwrap()),
            ..inst()
        })
        .contains("not an IPv4 multicast address"));
        assert!(validate(&Instance {
            mcast_group: Some("224.0.0.19".parse().unwrap()),
            ..inst()
        })
        .is_ok());
        assert!(parse_password("123456789")
            .unwrap_err()
            .to_string()
            .contains("first 8"));
    }

    #[test]
    fn adverts_are_checked_like_keepalived() {
        let i = inst();
        let a = Advert {
            version: Version::V3,
            vrid: 51,
            priority: 101,
            interval_cs: 100, // v3: a different interval is adopted, not dropped
            addrs: vec!["10.99.0.100".parse().unwrap()],
            auth: Auth::None,
        };
        assert_eq!(check(&a, &i), Ok(()));
        assert_eq!(
            check(
                &Advert {
                    vrid: 52,
                    ..a.clone()
                },
                &i
            ),
            Err(Drop::Vrid)
        );
        assert_eq!(
            check(
                &Advert {
                    addrs: vec![],
                    ..a.clone()
                },
                &i
            ),
            Err(Drop::Addresses)
        );
        let v2 = Instance {
            version: Version::V2,
            interval_cs: 100,
            auth: Auth::pass("secret1").unwrap(),
            ..inst()
        };
        let a2 = Advert {
            version: Version::V2,
            interval_cs: 100,
            auth: Auth::pass("secret1").unwrap(),
            ..a.clone()
        };
        assert_eq!(check(&a2, &v2), Ok(()));
        assert_eq!(check(&a, &v2), Err(Drop::Version));
        assert_eq!(
            check(
                &Advert {
                    auth: Auth::pass("wrong").unwrap(),
                    ..a2.clone()
                },
                &v2
            ),
            Err(Drop::Auth)
        );
        assert_eq!(
            check(
                &Advert {
                    interval_cs: 200,
                    ..a2.clone()
                },
                &v2
            ),
            Err(Drop::Interval)
        );
    }
}
