//! VRRP advertisements: VRRPv2 (RFC 3768, with keepalived's simple-password auth) and
//! VRRPv3 (RFC 5798) over IPv4 and IPv6, encoded and decoded exactly as keepalived does.
//!
//! - v2: checksum over the VRRP message only; advert interval in whole seconds; 8 bytes of
//!   authentication data follow the addresses (the password, zero-padded, for PASS).
//! - v3: 4 reserved bits + a 12-bit max advert interval in centiseconds; checksum over a
//!   pseudo-header (source, destination, length, protocol 112) and the message. In unicast
//!   mode the pseudo-header carries the unicast destination, so the caller passes the
//!   addresses the packet travels with.
//!
//! Decoding never panics, whatever the bytes (tested with random and mutated input).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Serialize;

use crate::checksum;

/// IP protocol number of VRRP.
pub const IPPROTO_VRRP: u8 = 112;
/// The IPv4 multicast group of VRRP.
pub const MCAST_V4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 18);
/// The IPv6 multicast group of VRRP.
pub const MCAST_V6: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x12);
/// Length of v2 authentication data.
pub const AUTH_LEN: usize = 8;
/// The longest v2 password (keepalived truncates longer ones).
pub const PASS_MAX: usize = 8;
const HDR_LEN: usize = 8;

/// Protocol version (2 or 3 in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    V2,
    V3,
}

impl Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl Version {
    pub fn number(self) -> u8 {
        match self {
            Version::V2 => 2,
            Version::V3 => 3,
        }
    }
}

/// VRRPv2 authentication ("none" or "pass" in JSON: the password itself is not shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    None,
    /// Simple text password (auth type 1), zero-padded to 8 bytes.
    Pass([u8; AUTH_LEN]),
}

impl Serialize for Auth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Auth::None => "none",
            Auth::Pass(_) => "pass",
        })
    }
}

impl Auth {
    /// A PASS auth from a password of at most 8 bytes.
    pub fn pass(password: &str) -> Result<Auth, String> {
        let b = password.as_bytes();
        if b.is_empty() || b.len() > PASS_MAX {
            return Err(format!(
                "password must be 1-{PASS_MAX} bytes, got {}",
                b.len()
            ));
        }
        let mut a = [0u8; AUTH_LEN];
        a[..b.len()].copy_from_slice(b);
        Ok(Auth::Pass(a))
    }

    fn type_code(&self) -> u8 {
        match self {
            Auth::None => 0,
            Auth::Pass(_) => 1,
        }
    }
}

/// One advertisement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advert {
    pub version: Version,
    pub vrid: u8,
    pub priority: u8,
    /// Advertisement interval in centiseconds (v2 carries whole seconds: a multiple of 100).
    pub interval_cs: u16,
    pub addrs: Vec<IpAddr>,
    /// v2 only; v3 has none.
    pub auth: Auth,
}

/// Why a received packet was dropped. keepalived logs these; hakit counts them per cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Drop {
    /// Shorter than its header or its address list says.
    Truncated,
    /// A version other than 2 or 3 (or not the one configured).
    Version,
    /// Packet type other than 1 (advertisement).
    Type,
    /// v2 over IPv6, or addresses of the other family.
    Family,
    Checksum,
    /// IP TTL / hop limit other than 255.
    Ttl,
    /// Auth type or password different from ours.
    Auth,
    /// Advert interval different from ours (v2), or zero.
    Interval,
    /// The VIP list differs from ours.
    Addresses,
    /// Carried a VRID we do not run (ignored silently, as keepalived does).
    Vrid,
    /// With unicast peers: from an address that is none of them.
    Peer,
}

impl Drop {
    pub fn describe(self) -> &'static str {
        match self {
            Drop::Truncated => "truncated packet",
            Drop::Version => "VRRP version mismatch",
            Drop::Type => "not an advertisement",
            Drop::Family => "address family mismatch",
            Drop::Checksum => "bad checksum",
            Drop::Ttl => "TTL/hop limit is not 255",
            Drop::Auth => "authentication mismatch",
            Drop::Interval => "advertisement interval mismatch",
            Drop::Addresses => "virtual address list mismatch",
            Drop::Vrid => "unknown VRID",
            Drop::Peer => "not from a unicast peer",
        }
    }
}

impl fmt::Display for Drop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

fn pseudo_header(src: IpAddr, dst: IpAddr, len: usize) -> Vec<u8> {
    let mut p = Vec::with_capacity(40);
    match (src, dst) {
        (IpAddr::V4(s), IpAddr::V4(d)) => {
            p.extend_from_slice(&s.octets());
            p.extend_from_slice(&d.octets());
            p.extend_from_slice(&[0, IPPROTO_VRRP]);
            p.extend_from_slice(&(len as u16).to_be_bytes());
        }
        _ => {
            let v6 = |a: IpAddr| match a {
                IpAddr::V6(v) => v.octets(),
                IpAddr::V4(v) => v.to_ipv6_mapped().octets(),
            };
            p.extend_from_slice(&v6(src));
            p.extend_from_slice(&v6(dst));
            p.extend_from_slice(&(len as u32).to_be_bytes());
            p.extend_from_slice(&[0, 0, 0, IPPROTO_VRRP]);
        }
    }
    p
}

/// Reasons an advertisement cannot be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    #[error("VRRPv2 runs over IPv4 only")]
    V2OverIpv6,
    #[error("the addresses must all be of the packet's family")]
    MixedFamilies,
    #[error("at most 255 addresses fit an advertisement")]
    TooManyAddresses,
    #[error("VRRPv2 advert interval must be whole seconds (1-255)")]
    V2Interval,
    #[error("VRRPv3 advert interval must be 1-4095 centiseconds")]
    V3Interval,
    #[error("VRRPv3 has no authentication")]
    V3Auth,
}

/// Encode `a` as sent from `src` to `dst` (the checksum depends on both for v3).
pub fn encode(a: &Advert, src: IpAddr, dst: IpAddr) -> Result<Vec<u8>, EncodeError> {
    let v6 = src.is_ipv6();
    if a.version == Version::V2 && v6 {
        return Err(EncodeError::V2OverIpv6);
    }
    if a.addrs.iter().any(|x| x.is_ipv6() != v6) || dst.is_ipv6() != v6 {
        return Err(EncodeError::MixedFamilies);
    }
    if a.addrs.len() > 255 {
        return Err(EncodeError::TooManyAddresses);
    }
    let mut m = Vec::with_capacity(HDR_LEN + a.addrs.len() * 16 + AUTH_LEN);
    m.push((a.version.number() << 4) | 1);
    m.push(a.vrid);
    m.push(a.priority);
    m.push(a.addrs.len() as u8);
    match a.version {
        Version::V2 => {
            if a.interval_cs % 100 != 0 || a.interval_cs == 0 || a.interval_cs > 25_500 {
                return Err(EncodeError::V2Interval);
            }
            m.push(a.auth.type_code());
            m.push((a.interval_cs / 100) as u8);
        }
        Version::V3 => {
            if a.auth != Auth::None {
                return Err(EncodeError::V3Auth);
            }
            if a.interval_cs == 0 || a.interval_cs > 0x0fff {
                return Err(EncodeError::V3Interval);
            }
            m.extend_from_slice(&a.interval_cs.to_be_bytes());
        }
    }
    m.extend_from_slice(&[0, 0]);
    for x in &a.addrs {
        match x {
            IpAddr::V4(v) => m.extend_from_slice(&v.octets()),
            IpAddr::V6(v) => m.extend_from_slice(&v.octets()),
        }
    }
    if a.version == Version::V2 {
        match a.auth {
            Auth::Pass(p) => m.extend_from_slice(&p),
            Auth::None => m.extend_from_slice(&[0; AUTH_LEN]),
        }
    }
    let sum = match a.version {
        Version::V2 => checksum::inet(&[&m]),
        Version::V3 => checksum::inet(&[&pseudo_header(src, dst, m.len()), &m]),
    };
    m[6..8].copy_from_slice(&sum.to_be_bytes());
    Ok(m)
}

/// Decode a VRRP message that arrived from `src` to `dst`.
pub fn decode(m: &[u8], src: IpAddr, dst: IpAddr) -> Result<Advert, Drop> {
    if m.len() < HDR_LEN {
        return Err(Drop::Truncated);
    }
    let version = match m[0] >> 4 {
        2 => Version::V2,
        3 => Version::V3,
        _ => return Err(Drop::Version),
    };
    if m[0] & 0x0f != 1 {
        return Err(Drop::Type);
    }
    let v6 = src.is_ipv6();
    if dst.is_ipv6() != v6 || (version == Version::V2 && v6) {
        return Err(Drop::Family);
    }
    let n = usize::from(m[3]);
    let alen = if v6 { 16 } else { 4 };
    let body = HDR_LEN + n * alen;
    let need = body + if version == Version::V2 { AUTH_LEN } else { 0 };
    // keepalived accepts v2 packets without auth data when no auth is configured;
    // we need the full length for the type the packet itself declares.
    let need = if version == Version::V2 && m[4] == 0 && m.len() == body {
        body
    } else {
        need
    };
    if m.len() < need {
        return Err(Drop::Truncated);
    }
    let m = &m[..need];
    let ok = match version {
        Version::V2 => checksum::inet(&[m]) == 0,
        Version::V3 => checksum::inet(&[&pseudo_header(src, dst, m.len()), m]) == 0,
    };
    if !ok {
        return Err(Drop::Checksum);
    }
    let (interval_cs, auth) = match version {
        Version::V2 => {
            let auth = match m[4] {
                0 => Auth::None,
                1 => {
                    let mut p = [0u8; AUTH_LEN];
                    p.copy_from_slice(&m[body..body + AUTH_LEN]);
                    Auth::Pass(p)
                }
                _ => return Err(Drop::Auth),
            };
            (u16::from(m[5]) * 100, auth)
        }
        Version::V3 => (u16::from_be_bytes([m[4], m[5]]) & 0x0fff, Auth::None),
    };
    if interval_cs == 0 {
        return Err(Drop::Interval);
    }
    let addrs = m[HDR_LEN..body]
        .chunks_exact(alen)
        .map(|c| {
            if v6 {
                let mut o = [0u8; 16];
                o.copy_from_slice(c);
                IpAddr::V6(Ipv6Addr::from(o))
            } else {
                IpAddr::V4(Ipv4Addr::new(c[0], c[1], c[2], c[3]))
            }
        })
        .collect();
    Ok(Advert {
        version,
        vrid: m[1],
        priority: m[2],
        interval_cs,
        addrs,
        auth,
    })
}

/// What the IPv4 header of a received datagram says (raw IPv4 sockets deliver it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ipv4Meta {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub ttl: u8,
    pub tos: u8,
    pub protocol: u8,
}

/// Split a raw IPv4 datagram into its header facts and payload.
pub fn split_ipv4(d: &[u8]) -> Result<(Ipv4Meta, &[u8]), Drop> {
    if d.len() < 20 || d[0] >> 4 != 4 {
        return Err(Drop::Truncated);
    }
    let ihl = usize::from(d[0] & 0x0f) * 4;
    let total = usize::from(u16::from_be_bytes([d[2], d[3]]));
    if ihl < 20 || d.len() < ihl || total < ihl {
        return Err(Drop::Truncated);
    }
    let end = total.min(d.len());
    let meta = Ipv4Meta {
        src: Ipv4Addr::new(d[12], d[13], d[14], d[15]),
        dst: Ipv4Addr::new(d[16], d[17], d[18], d[19]),
        ttl: d[8],
        tos: d[1],
        protocol: d[9],
    };
    Ok((meta, &d[ihl..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    const SRC: &str = "10.99.0.1";
    const GRP: &str = "224.0.0.18";

    /// keepalived 2.2.7 on the wire (shared/docs/keepalived-wire-facts.md).
    const KA_V2: &str = "21 33 65 01 01 01 00b7 0a630064 7365637265743100";
    const KA_V3: &str = "31 33 65 01 000a 7407 0a630064";

    fn v2_advert() -> Advert {
        Advert {
            version: Version::V2,
            vrid: 51,
            priority: 101,
            interval_cs: 100,
            addrs: vec![ip("10.99.0.100")],
            auth: Auth::pass("secret1").unwrap(),
        }
    }

    fn v3_advert() -> Advert {
        Advert {
            version: Version::V3,
            vrid: 51,
            priority: 101,
            interval_cs: 10,
            addrs: vec![ip("10.99.0.100")],
            auth: Auth::None,
        }
    }

    #[test]
    fn v2_pass_matches_keepalived_byte_for_byte() {
        let m = encode(&v2_advert(), ip(SRC), ip(GRP)).unwrap();
        assert_eq!(m, unhex(KA_V2));
        assert_eq!(decode(&m, ip(SRC), ip(GRP)).unwrap(), v2_advert());
    }

    #[test]
    fn v3_matches_keepalived_byte_for_byte() {
        let m = encode(&v3_advert(), ip(SRC), ip(GRP)).unwrap();
        assert_eq!(m, unhex(KA_V3));
        assert_eq!(decode(&m, ip(SRC), ip(GRP)).unwrap(), v3_advert());
    }

    #[test]
    fn v3_checksum_covers_the_pseudo_header() {
        let m = unhex(KA_V3);
        // Same bytes, another destination (unicast): the checksum no longer holds.
        assert_eq!(decode(&m, ip(SRC), ip("10.99.0.2")), Err(Drop::Checksum));
        // A v3 checksum computed without the pseudo-header is bad, as keepalived says.
        let mut bare = m.clone();
        bare[6..8].copy_from_slice(&[0, 0]);
        let sum = checksum::inet(&[&bare]);
        bare[6..8].copy_from_slice(&sum.to_be_bytes());
        assert_eq!(decode(&bare, ip(SRC), ip(GRP)), Err(Drop::Checksum));
        // Unicast: encoded for the peer, it decodes for the peer.
        let u = encode(&v3_advert(), ip(SRC), ip("10.99.0.2")).unwrap();
        assert!(decode(&u, ip(SRC), ip("10.99.0.2")).is_ok());
    }

    #[test]
    fn v3_over_ipv6() {
        let a = Advert {
            addrs: vec![ip("2001:db8::100"), ip("2001:db8::101")],
            ..v3_advert()
        };
        let src = ip("fe80::1");
        let m = encode(&a, src, IpAddr::V6(MCAST_V6)).unwrap();
        assert_eq!(m.len(), 8 + 32);
        assert_eq!(decode(&m, src, IpAddr::V6(MCAST_V6)).unwrap(), a);
        assert_eq!(
            decode(&m, ip("fe80::2"), IpAddr::V6(MCAST_V6)),
            Err(Drop::Checksum)
        );
    }

    #[test]
    fn encode_refuses_what_keepalived_would_not_send() {
        let v2 = v2_advert();
        let bad = |a: Advert| encode(&a, ip(SRC), ip(GRP)).unwrap_err();
        assert_eq!(
            bad(Advert {
                interval_cs: 150,
                ..v2.clone()
            }),
            EncodeError::V2Interval
        );
        assert_eq!(
            bad(Advert {
                interval_cs: 0,
                ..v2.clone()
            }),
            EncodeError::V2Interval
        );
        assert_eq!(
            bad(Advert {
                addrs: vec![ip("2001:db8::1")],
                ..v2.clone()
            }),
            EncodeError::MixedFamilies
        );
        assert_eq!(
            encode(&v2, ip("fe80::1"), IpAddr::V6(MCAST_V6)).unwrap_err(),
            EncodeError::V2OverIpv6
        );
        let v3 = v3_advert();
        assert_eq!(
            bad(Advert {
                auth: v2.auth,
                ..v3.clone()
            }),
            EncodeError::V3Auth
        );
        assert_eq!(
            bad(Advert {
                interval_cs: 4096,
                ..v3.clone()
            }),
            EncodeError::V3Interval
        );
        assert!(Auth::pass("123456789").is_err());
        assert!(Auth::pass("").is_err());
        assert_eq!(Auth::pass("12345678").unwrap(), Auth::Pass(*b"12345678"));
    }

    #[test]
    fn decode_names_each_cause() {
        let good = unhex(KA_V2);
        let with = |i: usize, v: u8| {
            let mut m = good.clone();
            m[i] = v;
            m
        };
        assert_eq!(decode(&good[..7], ip(SRC), ip(GRP)), Err(Drop::Truncated));
        assert_eq!(decode(&good[..12], ip(SRC), ip(GRP)), Err(Drop::Truncated));
        assert_eq!(decode(&with(0, 0x41), ip(SRC), ip(GRP)), Err(Drop::Version));
        assert_eq!(decode(&with(0, 0x22), ip(SRC), ip(GRP)), Err(Drop::Type));
        assert_eq!(decode(&with(2, 100), ip(SRC), ip(GRP)), Err(Drop::Checksum));
        assert_eq!(
            decode(&good, ip("fe80::1"), IpAddr::V6(MCAST_V6)),
            Err(Drop::Family)
        );
    }

    #[test]
    fn v2_without_auth_data_is_accepted_for_auth_none() {
        let a = Advert {
            auth: Auth::None,
            ..v2_advert()
        };
        let full = encode(&a, ip(SRC), ip(GRP)).unwrap();
        assert_eq!(full.len(), 20);
        assert_eq!(decode(&full, ip(SRC), ip(GRP)).unwrap(), a);
        // Trailing bytes beyond the declared message (padding) are ignored.
        let mut padded = full.clone();
        padded.extend_from_slice(&[0; 6]);
        assert_eq!(decode(&padded, ip(SRC), ip(GRP)).unwrap(), a);
    }

    #[test]
    fn ipv4_header_split() {
        let vrrp = unhex(KA_V2);
        let mut d = unhex("45c0 0028 1234 0000 ff70 0000 0a630001 e0000012");
        d.extend_from_slice(&vrrp);
        let (meta, payload) = split_ipv4(&d).unwrap();
        assert_eq!(meta.ttl, 255);
        assert_eq!(meta.tos, 0xc0);
        assert_eq!(meta.protocol, IPPROTO_VRRP);
        assert_eq!(meta.src, Ipv4Addr::new(10, 99, 0, 1));
        assert_eq!(payload, &vrrp[..]);
        assert_eq!(split_ipv4(&d[..10]), Err(Drop::Truncated));
        let mut bad_ihl = d.clone();
        bad_ihl[0] = 0x44;
        assert_eq!(split_ipv4(&bad_ihl), Err(Drop::Truncated));
    }

    /// xorshift64*: deterministic pseudo-random bytes without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn byte(&mut self) -> u8 {
            (self.next() >> 56) as u8
        }
    }

    #[test]
    fn no_input_makes_the_parsers_panic() {
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        let seeds = [unhex(KA_V2), unhex(KA_V3)];
        let v6 = encode(
            &Advert {
                addrs: vec![ip("2001:db8::1")],
                ..v3_advert()
            },
            ip("fe80::1"),
            IpAddr::V6(MCAST_V6),
        )
        .unwrap();
        let pairs = [
            (ip(SRC), ip(GRP)),
            (ip("fe80::1"), IpAddr::V6(MCAST_V6)),
            (ip(SRC), IpAddr::V6(MCAST_V6)),
        ];
        for i in 0..200_000u32 {
            let mut m: Vec<u8> = match i % 4 {
                0 => (0..(r.byte() % 64)).map(|_| r.byte()).collect(),
                1 => seeds[0].clone(),
                2 => seeds[1].clone(),
                _ => v6.clone(),
            };
            // Mutate a few bytes, sometimes the length too.
            for _ in 0..(r.byte() % 4) {
                if !m.is_empty() {
                    let at = r.next() as usize % m.len();
                    m[at] = r.byte();
                }
            }
            if r.byte() % 8 == 0 {
                let cut = r.next() as usize % (m.len() + 1);
                m.truncate(cut);
            }
            let (s, d) = pairs[i as usize % pairs.len()];
            if let Ok(a) = decode(&m, s, d) {
                // Whatever decodes re-encodes to something that decodes the same.
                if let Ok(again) = encode(&a, s, d) {
                    assert_eq!(decode(&again, s, d).unwrap(), a);
                }
            }
            let _ = split_ipv4(&m);
        }
    }
}
