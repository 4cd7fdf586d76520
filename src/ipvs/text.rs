//! ipvsadm's text formats, byte for byte: `-Ln` and its `--stats`, `--rate`,
//! `--thresholds` and `--persistent-conn` variants, `-S -n`, `--timeout`; and ipvsadm's
//! sort order (which compares 32-bit address differences as signed integers, so 200.0.0.1
//! sorts before 10.0.0.10: kept, since scripts diff this output).

use std::cmp::Ordering;
use std::fmt::Write;
use std::net::IpAddr;

use super::Info;
use crate::addr::host_port;
use crate::service::{
    flags, Daemon, Dest, Entry, Forward, Key, Protocol, Scheduler, Service, Stats, Timeouts,
    TunType,
};

/// Which columns `list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Columns {
    #[default]
    Plain,
    Stats,
    Rate,
    Thresholds,
    PersistentConn,
}

/// ipvsadm compares `a - b` of host-order words as a signed int.
fn diff32(a: u32, b: u32) -> i32 {
    a.wrapping_sub(b) as i32
}

fn addr_cmp(a: IpAddr, b: IpAddr) -> i32 {
    let words = |x: IpAddr| -> Vec<u32> {
        match x {
            IpAddr::V4(v) => vec![u32::from(v)],
            IpAddr::V6(v) => v
                .octets()
                .chunks(4)
                .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        }
    };
    for (x, y) in words(a).iter().zip(words(b).iter()) {
        let r = diff32(*x, *y);
        if r != 0 {
            return r;
        }
    }
    0
}

fn sign(r: i32) -> Ordering {
    r.cmp(&0)
}

/// ipvsadm's service order: fwmark, family, protocol, address, port.
pub fn cmp_services(a: &Service, b: &Service) -> Ordering {
    let parts = |s: &Service| match s.key {
        Key::Addr {
            protocol,
            addr,
            port,
        } => (0u32, s.key.af(), protocol.number(), Some(addr), port),
        Key::Fwmark { mark, .. } => (mark, s.key.af(), 0, None, 0),
    };
    let (fa, afa, pa, aa, pta) = parts(a);
    let (fb, afb, pb, ab, ptb) = parts(b);
    let mut r = diff32(fa, fb);
    if r == 0 {
        r = i32::from(afa) - i32::from(afb);
    }
    if r == 0 {
        r = i32::from(pa) - i32::from(pb);
    }
    if r == 0 {
        if let (Some(x), Some(y)) = (aa, ab) {
            r = addr_cmp(x, y);
        }
    }
    if r == 0 {
        r = i32::from(pta) - i32::from(ptb);
    }
    sign(r)
}

/// ipvsadm's destination order: family, address, port.
pub fn cmp_dests(a: &Dest, b: &Dest) -> Ordering {
    let af = |d: &Dest| if d.addr.is_ipv6() { 10 } else { 2 };
    let mut r = af(a) - af(b);
    if r == 0 {
        r = addr_cmp(a.addr, b.addr);
    }
    if r == 0 {
        r = i32::from(a.port) - i32::from(b.port);
    }
    sign(r)
}

/// Sort a table the way ipvsadm lists it.
pub fn sort(table: &mut [Entry]) {
    table.sort_by(|a, b| cmp_services(&a.service, &b.service));
    for e in table.iter_mut() {
        e.dests.sort_by(cmp_dests);
    }
}

/// `TCP  10.0.0.10:80`, `FWM  7`, `FWM  8 IPv6`.
pub fn service_name(k: &Key) -> String {
    match k {
        Key::Addr {
            protocol,
            addr,
            port,
        } => format!("{:<4} {}", protocol.name(), host_port(*addr, *port)),
        Key::Fwmark { mark, ipv6 } => {
            format!("FWM  {mark}{}", if *ipv6 { " IPv6" } else { "" })
        }
    }
}

/// Scheduler flag names as ipvsadm spells them for `sched`.
pub fn sched_flag_names(sched: &Scheduler, f: u32) -> Vec<String> {
    let names = sched.flag_names();
    [flags::SCHED1, flags::SCHED2, flags::SCHED3]
        .iter()
        .zip(names)
        .filter(|(bit, _)| f & **bit != 0)
        .map(|(_, n)| n.to_string())
        .collect()
}

fn mask_text(s: &Service) -> Option<String> {
    if s.key.is_ipv6() {
        (s.netmask != 128).then(|| s.netmask.to_string())
    } else {
        let bytes = s.netmask.to_ne_bytes();
        (s.netmask != u32::MAX).then(|| std::net::Ipv4Addr::from(bytes).to_string())
    }
}

fn service_line(s: &Service) -> String {
    let mut l = format!("{} {}", service_name(&s.key), s.scheduler);
    let sf = sched_flag_names(&s.scheduler, s.flags);
    if !sf.is_empty() {
        let _ = write!(l, " ({})", sf.join(","));
    }
    if s.persistent() {
        let _ = write!(l, " persistent {}", s.timeout);
        if let Some(m) = mask_text(s) {
            let _ = write!(l, " mask {m}");
        }
        if let Some(pe) = &s.pe {
            let _ = write!(l, " pe {pe}");
        }
    }
    if s.flags & flags::ONEPACKET != 0 {
        l.push_str(" ops");
    }
    l
}

/// ipvsadm's large-number column: 9 characters with K/M/G/T suffixes, or exact.
pub fn largenum(n: u64, exact: bool) -> String {
    if exact {
        let s = n.to_string();
        let w = if s.len() <= 8 { 9 } else { s.len() + 1 };
        return format!("{n:>w$}");
    }
    if n < 100_000_000 {
        format!("{n:>9}")
    } else if n < 1_000_000_000 {
        format!("{:>8}K", n / 1_000)
    } else if n < 100_000_000_000 {
        format!("{:>8}M", n / 1_000_000)
    } else if n < 100_000_000_000_000 {
        format!("{:>8}G", n / 1_000_000_000)
    } else {
        format!("{:>8}T", n / 1_000_000_000_000)
    }
}

fn counters(st: &Stats, rate: bool, exact: bool) -> String {
    let v = if rate {
        [st.cps, st.inpps, st.outpps, st.inbps, st.outbps]
    } else {
        [st.conns, st.inpkts, st.outpkts, st.inbytes, st.outbytes]
    };
    v.iter().map(|n| largenum(*n, exact)).collect()
}

/// `IP Virtual Server version 1.2.1 (size=4096)`
pub fn version_line(info: &Info) -> String {
    format!(
        "IP Virtual Server version {} (size={})",
        info.version_string(),
        info.conn_tab_size
    )
}

/// The listing of `ipvsadm -Ln` (with `columns` and `--exact`). A heading (IPVS's version
/// line) leads a listing of the whole table, not of one service (`ipvsadm -Ln -t ...`).
pub fn list(heading: Option<&str>, table: &[Entry], columns: Columns, exact: bool) -> String {
    let mut o = match heading {
        Some(h) => format!("{h}\n"),
        None => String::new(),
    };
    o.push_str(match columns {
        Columns::Plain => {
            "Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
        }
        Columns::Stats => {
            "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n"
        }
        Columns::Rate => {
            "Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n  -> RemoteAddress:Port\n"
        }
        Columns::Thresholds => {
            "Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n  -> RemoteAddress:Port\n"
        }
        Columns::PersistentConn => {
            "Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n  -> RemoteAddress:Port\n"
        }
    });
    for e in table {
        let s = &e.service;
        match columns {
            Columns::Stats | Columns::Rate => {
                let _ = writeln!(
                    o,
                    "{:<33}{}",
                    service_name(&s.key),
                    counters(&s.stats, columns == Columns::Rate, exact)
                );
            }
            _ => {
                o.push_str(&service_line(s));
                o.push('\n');
            }
        }
        for d in &e.dests {
            let name = host_port(d.addr, d.port);
            let _ = match columns {
                Columns::Plain => writeln!(
                    o,
                    "  -> {:<28} {:<7} {:<6} {:<10} {:<10}",
                    name,
                    d.forward.name(),
                    d.weight as i32,
                    d.active,
                    d.inactive
                ),
                Columns::Stats | Columns::Rate => writeln!(
                    o,
                    "  -> {:<28}{}",
                    name,
                    counters(&d.stats, columns == Columns::Rate, exact)
                ),
                Columns::Thresholds => writeln!(
                    o,
                    "  -> {:<28} {:<10} {:<10} {:<10} {:<10}",
                    name, d.u_thresh, d.l_thresh, d.active, d.inactive
                ),
                Columns::PersistentConn => writeln!(
                    o,
                    "  -> {:<28} {:<9} {:<11} {:<10} {:<10}",
                    name, d.weight as i32, d.persistent, d.active, d.inactive
                ),
            };
        }
    }
    o
}

/// The `-t/-u/--sctp-service/-f` option naming a service, as `-S -n` writes it.
pub fn service_option(k: &Key) -> String {
    match k {
        Key::Addr {
            protocol,
            addr,
            port,
        } => {
            let opt = match protocol {
                Protocol::Tcp => "-t",
                Protocol::Udp => "-u",
                Protocol::Sctp => "--sctp-service",
            };
            format!("{opt} {}", host_port(*addr, *port))
        }
        Key::Fwmark { mark, ipv6 } => format!("-f {mark}{}", if *ipv6 { " -6" } else { "" }),
    }
}

/// The rules of `ipvsadm -S -n`, which `ipvsadm -R` and `hakit ipvs restore` read back.
pub fn save(table: &[Entry]) -> String {
    let mut o = String::new();
    for e in table {
        let s = &e.service;
        let so = service_option(&s.key);
        let _ = write!(o, "-A {so} -s {}", s.scheduler);
        if s.persistent() {
            let _ = write!(o, " -p {}", s.timeout);
            if let Some(m) = mask_text(s) {
                let _ = write!(o, " -M {m}");
            }
            if let Some(pe) = &s.pe {
                let _ = write!(o, " --pe {pe}");
            }
        }
        if s.flags & flags::ONEPACKET != 0 {
            o.push_str(" -o");
        }
        let sf = sched_flag_names(&s.scheduler, s.flags);
        if !sf.is_empty() {
            let _ = write!(o, " -b {}", sf.join(","));
        }
        o.push('\n');
        for d in &e.dests {
            let fwd = match d.forward {
                Forward::Masq => "-m",
                Forward::Tunnel => "-i",
                _ => "-g",
            };
            let _ = write!(
                o,
                "-a {so} -r {} {fwd} -w {}",
                host_port(d.addr, d.port),
                d.weight as i32
            );
            if d.forward == Forward::Tunnel {
                let _ = write!(o, " --tun-type {}", tun_name(d));
                if d.tun_type != TunType::Ipip {
                    if d.tun_type == TunType::Gue {
                        let _ = write!(o, " --tun-port {}", d.tun_port);
                    }
                    match d.tun_flags {
                        0 => o.push_str(" --tun-nocsum"),
                        1 => o.push_str(" --tun-csum"),
                        2 => o.push_str(" --tun-remcsum"),
                        _ => {}
                    }
                }
            }
            o.push('\n');
        }
    }
    o
}

fn tun_name(d: &Dest) -> &'static str {
    d.tun_type.name()
}

/// `master sync daemon (mcast=lo, syncid=0, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)`
pub fn daemon_line(d: &Daemon) -> String {
    let group = d
        .group
        .map(|g| g.to_string())
        .unwrap_or_else(|| "224.0.0.81".into());
    format!(
        "{} sync daemon (mcast={}, syncid={}, maxlen={}, group={group}, port={}, ttl={})\n",
        d.state, d.mcast_ifn, d.syncid, d.maxlen, d.port, d.ttl
    )
}

/// `Timeout (tcp tcpfin udp): 900 120 300`
pub fn timeout_line(t: &Timeouts) -> String {
    format!(
        "Timeout (tcp tcpfin udp): {} {} {}\n",
        t.tcp, t.tcp_fin, t.udp
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svc(addr: &str, port: u16) -> Service {
        Service::new(Key::Addr {
            protocol: Protocol::Tcp,
            addr: addr.parse().unwrap(),
            port,
        })
    }

    #[test]
    fn sort_keeps_ipvsadms_signed_difference_quirk() {
        // Measured on ipvsadm 1.31: 200.0.0.1 lists before 10.0.0.10.
        let a = svc("200.0.0.1", 80);
        let b = svc("10.0.0.10", 80);
        assert_eq!(cmp_services(&a, &b), Ordering::Less);
        let fw = Service::new(Key::Fwmark {
            mark: 7,
            ipv6: false,
        });
        assert_eq!(
            cmp_services(&b, &fw),
            Ordering::Less,
            "fwmark services last"
        );
        let d1 = Dest::new("200.1.1.1".parse().unwrap(), 80);
        let d2 = Dest::new("10.1.1.1".parse().unwrap(), 80);
        assert_eq!(cmp_dests(&d1, &d2), Ordering::Less);
    }

    #[test]
    fn plain_listing_matches_the_reference_output() {
        // shared/docs/ipvs-under-qemu.md, ipvsadm 1.31 in the VM.
        let info = Info {
            version: 0x010201,
            conn_tab_size: 4096,
        };
        let mut s = svc("10.0.0.10", 80);
        s.scheduler = Scheduler::Wrr;
        let mut d1 = Dest::new("192.168.1.11".parse().unwrap(), 80);
        d1.weight = 2;
        let mut d2 = Dest::new("192.168.1.12".parse().unwrap(), 80);
        d2.forward = Forward::Masq;
        let t = vec![Entry {
            service: s,
            dests: vec![d1, d2],
        }];
        assert_eq!(
            list(Some(&version_line(&info)), &t, Columns::Plain, false),
            "IP Virtual Server version 1.2.1 (size=4096)\n\
             Prot LocalAddress:Port Scheduler Flags\n  \
             -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n\
             TCP  10.0.0.10:80 wrr\n  \
             -> 192.168.1.11:80              Route   2      0          0         \n  \
             -> 192.168.1.12:80              Masq    1      0          0         \n"
        );
        assert_eq!(
            save(&t),
            "-A -t 10.0.0.10:80 -s wrr\n\
             -a -t 10.0.0.10:80 -r 192.168.1.11:80 -g -w 2\n\
             -a -t 10.0.0.10:80 -r 192.168.1.12:80 -m -w 1\n"
        );
    }

    #[test]
    fn large_numbers_abbreviate_unless_exact() {
        assert_eq!(largenum(0, false), "        0");
        assert_eq!(largenum(99_999_999, false), " 99999999");
        assert_eq!(largenum(123_456_789, false), "  123456K");
        assert_eq!(largenum(12_345_678_901, false), "   12345M");
        assert_eq!(largenum(123_456_789, true), " 123456789");
        assert_eq!(largenum(5, true), "        5");
    }

    #[test]
    fn service_flags_and_options() {
        let mut s = svc("10.0.0.11", 443);
        s.scheduler = Scheduler::Sh;
        s.flags = flags::PERSISTENT | flags::SCHED1 | flags::SCHED2;
        s.timeout = 60;
        s.netmask = u32::from_ne_bytes([255, 255, 255, 0]);
        assert_eq!(
            service_line(&s),
            "TCP  10.0.0.11:443 sh (sh-fallback,sh-port) persistent 60 mask 255.255.255.0"
        );
        assert_eq!(
            save(&[Entry {
                service: s,
                dests: vec![]
            }]),
            "-A -t 10.0.0.11:443 -s sh -p 60 -M 255.255.255.0 -b sh-fallback,sh-port\n"
        );
    }
}
