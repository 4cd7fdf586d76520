//! Property tests of every parser of outside input (proptest): what arrives from the
//! network, the kernel, a file or another program never makes hakit panic, what hakit
//! encodes reads back the same, and what it rejects it rejects with a place or a reason.
//!
//! CI runs proptest's default 256 cases per property; the long run is
//! `PROPTEST_CASES=100000 cargo test --lib props` (README, Tests).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;

use crate::vrrp::packet::{self, Advert, Auth, Version, MCAST_V4, MCAST_V6};

fn v4() -> impl Strategy<Value = IpAddr> {
    any::<[u8; 4]>().prop_map(|o| IpAddr::V4(Ipv4Addr::from(o)))
}

fn v6() -> impl Strategy<Value = IpAddr> {
    any::<[u8; 16]>().prop_map(|o| IpAddr::V6(Ipv6Addr::from(o)))
}

/// Adverts hakit can send: v2 over IPv4 (whole seconds, a password or none), v3 over
/// either family.
fn advert() -> impl Strategy<Value = (Advert, IpAddr, IpAddr)> {
    let v2 = (
        1u8..=255,
        any::<u8>(),
        1u16..=255,
        prop::collection::vec(v4(), 1..=20),
        prop::option::of("[a-zA-Z0-9]{1,8}"),
        v4(),
    )
        .prop_map(|(vrid, priority, secs, addrs, pass, src)| {
            let auth = pass.map(|p| Auth::pass(&p).unwrap()).unwrap_or(Auth::None);
            (
                Advert {
                    version: Version::V2,
                    vrid,
                    priority,
                    interval_cs: secs * 100,
                    addrs,
                    auth,
                },
                src,
                IpAddr::V4(MCAST_V4),
            )
        });
    let v3 = (
        1u8..=255,
        any::<u8>(),
        1u16..=0x0fff,
        any::<bool>(),
        prop::collection::vec(any::<[u8; 16]>(), 1..=10),
        any::<[u8; 16]>(),
        prop::option::of(v4()),
    )
        .prop_map(|(vrid, priority, interval_cs, six, raw, src, unicast)| {
            let (addrs, src, dst) = if six {
                (
                    raw.iter().map(|o| IpAddr::V6(Ipv6Addr::from(*o))).collect(),
                    IpAddr::V6(Ipv6Addr::from(src)),
                    IpAddr::V6(MCAST_V6),
                )
            } else {
                let four = |o: &[u8; 16]| IpAddr::V4(Ipv4Addr::new(o[0], o[1], o[2], o[3]));
                (
                    raw.iter().map(four).collect(),
                    four(&src),
                    unicast.unwrap_or(IpAddr::V4(MCAST_V4)),
                )
            };
            (
                Advert {
                    version: Version::V3,
                    vrid,
                    priority,
                    interval_cs,
                    addrs,
                    auth: Auth::None,
                },
                src,
                dst,
            )
        });
    prop_oneof![v2, v3]
}

/// keepalived.conf words, values and characters that break it.
const WORDS: &str = "global_defs vrrp_instance vrrp_script vrrp_sync_group virtual_server \
real_server HTTP_GET TCP_CHECK url interface virtual_router_id priority advert_int state \
virtual_ipaddress virtual_routes virtual_rules track_script track_process \
vrrp_track_process static_routes use_vmac unicast_peer authentication auth_type auth_pass \
include notify weight script 10.0.0.1/24 10.0.0.1 2001:db8::1 eth0 MASTER BACKUP 300 -5 0.1 \
via table dev from to lb_algo rr delay_loop @ \\ '";

/// Words of keepalived.conf, its punctuation and some that break it.
fn conf_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just("#".to_string()),
        Just("!".to_string()),
        prop::sample::select(WORDS.split(' ').collect::<Vec<_>>()).prop_map(str::to_string),
        "[ -~]{0,12}",
    ];
    prop::collection::vec(token, 0..80).prop_map(|t| t.join(" "))
}

proptest! {
    #[test]
    fn vrrp_adverts_read_back_as_they_were_written((a, src, dst) in advert()) {
        let m = packet::encode(&a, src, dst).unwrap();
        prop_assert_eq!(packet::decode(&m, src, dst), Ok(a));
    }

    /// The checksum covers every byte (v3: with the pseudo-header of both families).
    #[test]
    fn a_changed_byte_never_passes_as_an_advert(
        (a, src, dst) in advert(),
        at in any::<prop::sample::Index>(),
        x in 1u8..=255,
    ) {
        let mut m = packet::encode(&a, src, dst).unwrap();
        let i = at.index(m.len());
        m[i] ^= x;
        prop_assert!(packet::decode(&m, src, dst).is_err());
    }

    #[test]
    fn no_bytes_make_the_vrrp_decoders_panic(
        m in prop::collection::vec(any::<u8>(), 0..600),
        src in prop_oneof![v4(), v6()],
        dst in prop_oneof![v4(), v6()],
    ) {
        let _ = packet::decode(&m, src, dst);
        let _ = packet::split_ipv4(&m);
    }

    /// Never a panic, and every finding points inside the file.
    #[test]
    fn keepalived_conf_findings_have_a_place_in_the_file(text in conf_text()) {
        let f: Arc<Path> = Arc::from(Path::new("k.conf"));
        let mut d = Vec::new();
        let nodes = crate::conf::parse::parse_text(&text, &f, &mut d);
        let _ = crate::conf::model::read(&nodes, &mut d);
        let lines = text.lines().count().max(1) as u32 + 1;
        for x in &d {
            prop_assert!(x.loc.line >= 1 && x.loc.line <= lines, "{} in {:?}", x, text);
            prop_assert!(x.loc.col >= 1, "{} in {:?}", x, text);
        }
    }

    #[test]
    fn no_line_makes_the_ipvsadm_parsers_panic(
        lines in prop::collection::vec(
            prop_oneof![
                "-[AaEeDdr] (-[tuf] )?[0-9.:\\[\\]a-f]{0,20}( -[srwmgixyp] [a-z0-9.:]{0,8}){0,4}",
                "[ -~]{0,40}",
            ],
            0..20,
        ),
    ) {
        let text = lines.join("\n");
        let _ = crate::ipvs::restore::parse(&text);
        for l in &lines {
            let _ = crate::ipvs::ipvsadm::parse(&crate::ipvs::ipvsadm::split_line(l));
        }
    }

    #[test]
    fn no_bytes_make_the_netlink_decoders_panic(a in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = crate::ipvs::codec::parse_service(&a);
        let _ = crate::ipvs::codec::parse_dest(&a, false);
        let _ = crate::ipvs::codec::parse_dest(&a, true);
        let _ = crate::ipvs::codec::parse_info(&a);
        let _ = crate::ipvs::codec::parse_daemon(&a);
        let _ = crate::ipvs::codec::parse_timeouts(&a);
        let _ = crate::proctrack::parse_events(&a);
        let mut r = crate::iproute::Removed::default();
        crate::iproute::removed(&a, &mut r);
        // The same bytes behind a whole RTM_DELADDR header, so the message parser sees them.
        let mut m = ((a.len() + 16) as u32).to_ne_bytes().to_vec();
        m.extend(21u16.to_ne_bytes());
        m.extend([0; 10]);
        m.extend(&a);
        crate::iproute::removed(&m, &mut r);
    }

    #[test]
    fn no_answer_makes_the_http_parser_panic(
        head in "HTTP/1\\.[01] [0-9]{1,4}[ -~]{0,20}\r\n([A-Za-z-]{1,12}: [ -~]{0,20}\r\n){0,5}(\r\n)?",
        body in prop::collection::vec(any::<u8>(), 0..200),
        raw in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut r = head.into_bytes();
        r.extend(body);
        let _ = crate::check::http::parse_response(&r);
        let _ = crate::check::http::parse_response(&raw);
    }

    #[test]
    fn no_output_makes_the_rsync_parser_panic(
        out in prop::collection::vec(
            prop_oneof![
                "Number of [a-z ]{0,20}: [0-9,]{0,12}( \\([a-z: 0-9,]{0,30}\\))?",
                "Total [a-z ]{0,20}: [0-9,.]{0,12}[A-Z]? bytes",
                "[ -~]{0,60}",
            ],
            0..20,
        ),
    ) {
        let _ = crate::sync::rsync::parse_stats(&out.join("\n"));
    }
}
