//! ipvsadm's command line (1.31), parsed into operations: the `ipvsadm` personality and
//! `restore` (whose lines are ipvsadm command lines without the program name) share it.
//! Short options may be bundled (`-Ln`); `-p` takes an optional timeout.

use std::net::IpAddr;

use super::codec::Timeouts;
use super::model::{flags, parse_host_port, Dest, Forward, Key, Protocol, Service, TunType};
use super::text::Columns;
use crate::error::{Error, Result};

/// A sync daemon's settings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Daemon {
    /// "master" or "backup".
    pub state: String,
    pub mcast_ifn: String,
    pub syncid: u32,
    pub maxlen: u16,
    pub group: Option<IpAddr>,
    pub port: u16,
    pub ttl: u8,
}

impl Daemon {
    /// Only the state: what stopping a daemon needs.
    pub fn state_only(state: &str) -> Daemon {
        Daemon {
            state: state.into(),
            mcast_ifn: String::new(),
            syncid: 0,
            maxlen: 0,
            group: None,
            port: 0,
            ttl: 0,
        }
    }
}

/// What one ipvsadm command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    AddService(Service),
    EditService(Service),
    DelService(Key),
    AddDest(Key, Dest),
    EditDest(Key, Dest),
    DelDest(Key, Dest),
    Clear,
    Restore,
    Save,
    Zero(Option<Key>),
    List {
        key: Option<Key>,
        columns: Columns,
        exact: bool,
        sort: bool,
    },
    ListTimeout,
    ListDaemon,
    ListConnections,
    SetTimeout(Timeouts),
    StartDaemon(Daemon),
    StopDaemon(String),
    Help,
    Version,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    A,
    E,
    D,
    C,
    R,
    S,
    Ra,
    Re,
    Rd,
    L,
    Z,
    Set,
    Start,
    Stop,
    Help,
    Version,
}

/// Options that take a value.
fn takes_value(long: &str) -> bool {
    matches!(
        long,
        "tcp-service"
            | "udp-service"
            | "sctp-service"
            | "fwmark-service"
            | "scheduler"
            | "netmask"
            | "pe"
            | "real-server"
            | "weight"
            | "u-threshold"
            | "l-threshold"
            | "tun-type"
            | "tun-port"
            | "sched-flags"
            | "syncid"
            | "sync-maxlen"
            | "mcast-interface"
            | "mcast-group"
            | "mcast-port"
            | "mcast-ttl"
            | "start-daemon"
            | "stop-daemon"
    )
}

fn long_of(short: char) -> Option<&'static str> {
    Some(match short {
        'A' => "add-service",
        'E' => "edit-service",
        'D' => "delete-service",
        'C' => "clear",
        'R' => "restore",
        'S' => "save",
        'a' => "add-server",
        'e' => "edit-server",
        'd' => "delete-server",
        'L' | 'l' => "list",
        'Z' => "zero",
        'h' => "help",
        'v' => "version",
        't' => "tcp-service",
        'u' => "udp-service",
        'f' => "fwmark-service",
        '6' => "ipv6",
        's' => "scheduler",
        'p' => "persistent",
        'M' => "netmask",
        'r' => "real-server",
        'g' => "gatewaying",
        'i' => "ipip",
        'm' => "masquerading",
        'w' => "weight",
        'x' => "u-threshold",
        'y' => "l-threshold",
        'c' => "connection",
        'o' => "ops",
        'n' => "numeric",
        'b' => "sched-flags",
        _ => return None,
    })
}

const KNOWN_FLAGS: &[&str] = &[
    "add-service",
    "edit-service",
    "delete-service",
    "clear",
    "restore",
    "save",
    "add-server",
    "edit-server",
    "delete-server",
    "list",
    "zero",
    "help",
    "version",
    "set",
    "ipv6",
    "persistent",
    "gatewaying",
    "ipip",
    "masquerading",
    "connection",
    "timeout",
    "daemon",
    "stats",
    "rate",
    "exact",
    "thresholds",
    "persistent-conn",
    "tun-info",
    "nosort",
    "sort",
    "ops",
    "numeric",
    "tun-nocsum",
    "tun-csum",
    "tun-remcsum",
];

/// (option, value) pairs in order.
fn tokenize(args: &[String]) -> Result<Vec<(String, Option<String>)>> {
    let mut out = Vec::new();
    let mut i = 0;
    let next_value = |i: &mut usize, opt: &str| -> Result<String> {
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| Error::invalid(format!("option --{opt} needs a value")))
    };
    while i < args.len() {
        let a = &args[i];
        if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (long.to_string(), None),
            };
            if name == "set" {
                let mut v = Vec::new();
                for _ in 0..3 {
                    v.push(next_value(&mut i, "set")?);
                }
                out.push((name, Some(v.join(" "))));
            } else if name == "persistent" {
                let v = inline.or_else(|| optional_number(args, &mut i));
                out.push((name, v));
            } else if takes_value(&name) {
                let v = match inline {
                    Some(v) => v,
                    None => next_value(&mut i, &name)?,
                };
                out.push((name, Some(v)));
            } else if KNOWN_FLAGS.contains(&name.as_str()) {
                out.push((name, None));
            } else {
                return Err(Error::invalid(format!("unknown option --{name}")));
            }
        } else if let Some(shorts) = a.strip_prefix('-').filter(|s| !s.is_empty()) {
            let chars: Vec<char> = shorts.chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                let long =
                    long_of(c).ok_or_else(|| Error::invalid(format!("unknown option -{c}")))?;
                if takes_value(long) || long == "persistent" {
                    let rest: String = chars[j + 1..].iter().collect();
                    let v = if !rest.is_empty() {
                        Some(rest)
                    } else if long == "persistent" {
                        optional_number(args, &mut i)
                    } else {
                        Some(next_value(&mut i, long)?)
                    };
                    out.push((long.to_string(), v));
                    break;
                }
                out.push((long.to_string(), None));
                j += 1;
            }
        } else {
            return Err(Error::invalid(format!("unexpected argument \"{a}\"")));
        }
        i += 1;
    }
    Ok(out)
}

/// `-p` takes the next argument when it is a number.
fn optional_number(args: &[String], i: &mut usize) -> Option<String> {
    let n = args.get(*i + 1)?;
    if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
        *i += 1;
        Some(n.clone())
    } else {
        None
    }
}

fn num<T: std::str::FromStr>(v: &str, what: &str) -> Result<T> {
    v.parse()
        .map_err(|_| Error::invalid(format!("{what} \"{v}\" is not a valid number")))
}

/// Parse one ipvsadm command line (without the program name).
pub fn parse(args: &[String]) -> Result<Op> {
    let toks = tokenize(args)?;
    let mut cmd: Option<(Cmd, Option<String>)> = None;
    let mut set = |c: Cmd, v: Option<String>| -> Result<()> {
        if cmd.is_some() {
            return Err(Error::invalid("more than one command given"));
        }
        cmd = Some((c, v));
        Ok(())
    };
    let (mut tcp, mut udp, mut sctp, mut fwmark) = (None, None, None, None);
    let mut v6 = false;
    let mut sched = None;
    let mut persistent: Option<Option<String>> = None;
    let (mut netmask, mut pe, mut real, mut sflags) = (None, None, None, None);
    let mut forward = None;
    let (mut weight, mut ux, mut ly) = (None, None, None);
    let (mut tun_type, mut tun_port, mut tun_flags) = (None, None, None);
    let mut ops = false;
    let mut columns = Columns::Plain;
    let (mut exact, mut sort, mut timeout, mut daemon, mut conn) =
        (false, true, false, false, false);
    let mut dm = Daemon::state_only("");
    for (name, v) in toks {
        let val = || v.clone().unwrap_or_default();
        match name.as_str() {
            "add-service" => set(Cmd::A, None)?,
            "edit-service" => set(Cmd::E, None)?,
            "delete-service" => set(Cmd::D, None)?,
            "clear" => set(Cmd::C, None)?,
            "restore" => set(Cmd::R, None)?,
            "save" => set(Cmd::S, None)?,
            "add-server" => set(Cmd::Ra, None)?,
            "edit-server" => set(Cmd::Re, None)?,
            "delete-server" => set(Cmd::Rd, None)?,
            "list" => set(Cmd::L, None)?,
            "zero" => set(Cmd::Z, None)?,
            "help" => set(Cmd::Help, None)?,
            "version" => set(Cmd::Version, None)?,
            "set" => set(Cmd::Set, v.clone())?,
            "start-daemon" => set(Cmd::Start, v.clone())?,
            "stop-daemon" => set(Cmd::Stop, v.clone())?,
            "tcp-service" => tcp = Some(val()),
            "udp-service" => udp = Some(val()),
            "sctp-service" => sctp = Some(val()),
            "fwmark-service" => fwmark = Some(val()),
            "ipv6" => v6 = true,
            "scheduler" => sched = Some(val()),
            "persistent" => persistent = Some(v.clone()),
            "netmask" => netmask = Some(val()),
            "pe" => pe = Some(val()),
            "real-server" => real = Some(val()),
            "gatewaying" => forward = Some(Forward::Route),
            "ipip" => forward = Some(Forward::Tunnel),
            "masquerading" => forward = Some(Forward::Masq),
            "weight" => weight = Some(val()),
            "u-threshold" => ux = Some(val()),
            "l-threshold" => ly = Some(val()),
            "tun-type" => tun_type = Some(val()),
            "tun-port" => tun_port = Some(val()),
            "tun-nocsum" => tun_flags = Some(0u16),
            "tun-csum" => tun_flags = Some(1),
            "tun-remcsum" => tun_flags = Some(2),
            "sched-flags" => sflags = Some(val()),
            "ops" => ops = true,
            "stats" => columns = Columns::Stats,
            "rate" => columns = Columns::Rate,
            "thresholds" => columns = Columns::Thresholds,
            "persistent-conn" => columns = Columns::PersistentConn,
            "exact" => exact = true,
            "nosort" => sort = false,
            "timeout" => timeout = true,
            "daemon" => daemon = true,
            "connection" => conn = true,
            "numeric" | "sort" | "tun-info" => {}
            "syncid" => dm.syncid = num(&val(), "syncid")?,
            "sync-maxlen" => dm.maxlen = num(&val(), "sync-maxlen")?,
            "mcast-interface" => dm.mcast_ifn = val(),
            "mcast-group" => {
                dm.group = Some(val().parse().map_err(|_| {
                    Error::invalid(format!("mcast-group \"{}\" is not an address", val()))
                })?)
            }
            "mcast-port" => dm.port = num(&val(), "mcast-port")?,
            "mcast-ttl" => dm.ttl = num(&val(), "mcast-ttl")?,
            _ => return Err(Error::invalid(format!("unknown option --{name}"))),
        }
    }
    let (cmd, cmd_val) = cmd.ok_or_else(|| {
        Error::invalid("no command given (one of -A -E -D -C -R -S -a -e -d -L -Z --set --start-daemon --stop-daemon -h)")
    })?;

    let key = || -> Result<Option<Key>> {
        let n = [
            tcp.is_some(),
            udp.is_some(),
            sctp.is_some(),
            fwmark.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if n > 1 {
            return Err(Error::invalid(
                "give only one of -t, -u, --sctp-service, -f",
            ));
        }
        let addr = |p: Protocol, s: &String| -> Result<Key> {
            let (addr, port) = parse_host_port(s, Some(0))?;
            Ok(Key::Addr {
                protocol: p,
                addr,
                port,
            })
        };
        Ok(Some(if let Some(t) = &tcp {
            addr(Protocol::Tcp, t)?
        } else if let Some(u) = &udp {
            addr(Protocol::Udp, u)?
        } else if let Some(s) = &sctp {
            addr(Protocol::Sctp, s)?
        } else if let Some(f) = &fwmark {
            let mark: u32 = num(f, "fwmark")?;
            if mark == 0 {
                return Err(Error::invalid("fwmark must be greater than zero"));
            }
            Key::Fwmark { mark, ipv6: v6 }
        } else {
            return Ok(None);
        }))
    };
    let need_key = || -> Result<Key> {
        key()?.ok_or_else(|| {
            Error::invalid("a virtual service is needed (-t, -u, --sctp-service or -f)")
        })
    };
    let service = || -> Result<Service> {
        let timeout = match &persistent {
            Some(Some(t)) => Some(num(t, "persistence timeout")?),
            Some(None) => Some(300),
            None => None,
        };
        build_service(
            need_key()?,
            &ServiceOpts {
                scheduler: sched.as_deref(),
                persistent: timeout,
                netmask: netmask.as_deref(),
                sched_flags: sflags.as_deref(),
                ops,
                pe: pe.as_deref(),
            },
        )
    };
    let dest = |k: &Key, full: bool| -> Result<Dest> {
        let r = real
            .as_ref()
            .ok_or_else(|| Error::invalid("a real server is needed (-r ADDR[:PORT])"))?;
        let n = |v: &Option<String>, what: &str| v.as_deref().map(|x| num(x, what)).transpose();
        build_dest(
            k,
            &DestOpts {
                real: r,
                forward: forward.unwrap_or(Forward::Route),
                weight: n(&weight, "weight")?,
                u_thresh: n(&ux, "upper threshold")?,
                l_thresh: n(&ly, "lower threshold")?,
                tun_type: tun_type.as_deref(),
                tun_port: tun_port
                    .as_deref()
                    .map(|x| num::<u16>(x, "tunnel port"))
                    .transpose()?,
                tun_flags,
            },
            full,
        )
    };
    Ok(match cmd {
        Cmd::A => Op::AddService(service()?),
        Cmd::E => Op::EditService(service()?),
        Cmd::D => Op::DelService(need_key()?),
        Cmd::C => Op::Clear,
        Cmd::R => Op::Restore,
        Cmd::S => Op::Save,
        Cmd::Ra => {
            let k = need_key()?;
            Op::AddDest(k, dest(&k, true)?)
        }
        Cmd::Re => {
            let k = need_key()?;
            Op::EditDest(k, dest(&k, true)?)
        }
        Cmd::Rd => {
            let k = need_key()?;
            Op::DelDest(k, dest(&k, false)?)
        }
        Cmd::Z => Op::Zero(key()?),
        Cmd::L if timeout => Op::ListTimeout,
        Cmd::L if daemon => Op::ListDaemon,
        Cmd::L if conn => Op::ListConnections,
        Cmd::L => Op::List {
            key: key()?,
            columns,
            exact,
            sort,
        },
        Cmd::Set => {
            let v = cmd_val.unwrap_or_default();
            let n: Vec<u32> = v
                .split(' ')
                .map(|x| num(x, "timeout"))
                .collect::<Result<_>>()?;
            Op::SetTimeout(Timeouts {
                tcp: n[0],
                tcp_fin: n[1],
                udp: n[2],
            })
        }
        Cmd::Start => {
            let st = cmd_val.unwrap_or_default();
            if st != "master" && st != "backup" {
                return Err(Error::invalid(format!(
                    "sync daemon state \"{st}\": master or backup"
                )));
            }
            if dm.mcast_ifn.is_empty() {
                return Err(Error::invalid("--start-daemon needs --mcast-interface"));
            }
            dm.state = st;
            Op::StartDaemon(dm)
        }
        Cmd::Stop => {
            let st = cmd_val.unwrap_or_default();
            if st != "master" && st != "backup" {
                return Err(Error::invalid(format!(
                    "sync daemon state \"{st}\": master or backup"
                )));
            }
            Op::StopDaemon(st)
        }
        Cmd::Help => Op::Help,
        Cmd::Version => Op::Version,
    })
}

/// What the service options say (shared by the ipvsadm personality and `hakit ipvs`).
#[derive(Debug, Clone, Default)]
pub struct ServiceOpts<'a> {
    pub scheduler: Option<&'a str>,
    /// Persistence timeout in seconds.
    pub persistent: Option<u32>,
    pub netmask: Option<&'a str>,
    pub sched_flags: Option<&'a str>,
    pub ops: bool,
    pub pe: Option<&'a str>,
}

/// The service `o` describes for `k`.
pub fn build_service(k: Key, o: &ServiceOpts) -> Result<Service> {
    let mut s = Service::new(k);
    if let Some(sc) = o.scheduler {
        s.scheduler = sc.to_string();
    }
    if let Some(t) = o.persistent {
        s.flags |= flags::PERSISTENT;
        s.timeout = t;
    }
    if let Some(m) = o.netmask {
        s.netmask = parse_mask(m, k.is_ipv6())?;
    }
    if let Some(f) = o.sched_flags {
        s.flags |= parse_flags(&s.scheduler, f)?;
    }
    if o.ops {
        s.flags |= flags::ONEPACKET;
    }
    s.pe = o.pe.map(str::to_string);
    Ok(s)
}

/// What the real-server options say.
#[derive(Debug, Clone)]
pub struct DestOpts<'a> {
    /// ADDR[:PORT]; the port defaults to the service's.
    pub real: &'a str,
    pub forward: Forward,
    pub weight: Option<u32>,
    pub u_thresh: Option<u32>,
    pub l_thresh: Option<u32>,
    pub tun_type: Option<&'a str>,
    pub tun_port: Option<u16>,
    /// IP_VS_TUNNEL_ENCAP_FLAG_*: 0 no checksum (the default), 1 checksum, 2 remote.
    pub tun_flags: Option<u16>,
}

/// The real server `o` describes for service `k`. With `full` false only the address
/// matters (delete); otherwise direct routing and tunnelling take the service's port, as
/// ipvsadm does, since they cannot change it.
pub fn build_dest(k: &Key, o: &DestOpts, full: bool) -> Result<Dest> {
    let svc_port = match k {
        Key::Addr { port, .. } => *port,
        Key::Fwmark { .. } => 0,
    };
    let (addr, mut port) = parse_host_port(o.real, Some(svc_port))?;
    if full && matches!(k, Key::Addr { .. }) && o.forward != Forward::Masq {
        port = svc_port;
    }
    let mut d = Dest::new(addr, port);
    d.forward = o.forward;
    if let Some(w) = o.weight {
        if w > 65535 {
            return Err(Error::invalid(format!("weight {w} out of range 0-65535")));
        }
        d.weight = w;
    }
    d.u_thresh = o.u_thresh.unwrap_or(0);
    d.l_thresh = o.l_thresh.unwrap_or(0);
    if let Some(t) = o.tun_type {
        d.tun_type = t.parse::<TunType>()?;
    }
    d.tun_port = o.tun_port.unwrap_or(0);
    d.tun_flags = o.tun_flags.unwrap_or(0);
    if full && addr.is_ipv6() != k.is_ipv6() && o.forward != Forward::Tunnel {
        return Err(Error::invalid(format!(
            "real server {} is not of the service's family (only tunnelling mixes families)",
            o.real
        )));
    }
    Ok(d)
}

/// Scheduler flags by name, for `sched`.
pub fn parse_flags(sched: &str, s: &str) -> Result<u32> {
    let mut f = 0;
    for name in s.split(',').filter(|n| !n.is_empty()) {
        f |= match (sched, name) {
            (_, "flag-1") | ("sh", "sh-fallback") | ("mh", "mh-fallback") => flags::SCHED1,
            (_, "flag-2") | ("sh", "sh-port") | ("mh", "mh-port") => flags::SCHED2,
            (_, "flag-3") => flags::SCHED3,
            _ => {
                return Err(Error::invalid(format!(
                    "unknown scheduler flag \"{name}\" for {sched}"
                )))
            }
        };
    }
    Ok(f)
}

/// Parse -M for a service of family `v6`: a dotted mask (IPv4) or a prefix length (IPv6).
pub fn parse_mask(s: &str, v6: bool) -> Result<u32> {
    if v6 {
        match s.parse::<u32>() {
            Ok(n) if n <= 128 => Ok(n),
            _ => Err(Error::invalid(format!(
                "netmask \"{s}\": an IPv6 service takes a prefix length 0-128"
            ))),
        }
    } else {
        let m: std::net::Ipv4Addr = s.parse().map_err(|_| {
            Error::invalid(format!(
                "netmask \"{s}\": an IPv4 service takes a dotted mask"
            ))
        })?;
        let bits = u32::from(m);
        if bits.leading_ones() + bits.trailing_zeros() != 32 {
            return Err(Error::invalid(format!("netmask \"{s}\" is not contiguous")));
        }
        Ok(u32::from_ne_bytes(m.octets()))
    }
}

/// Split a restore line into arguments (ipvsadm -R lines have no quoting).
pub fn split_line(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Op> {
        parse(&split_line(s))
    }

    #[test]
    fn the_seeds_rules_parse() {
        let op = p("-A -t 192.168.139.100:80 -s wrr").unwrap();
        let Op::AddService(s) = op else { panic!() };
        assert_eq!(s.scheduler, "wrr");
        let op = p("-a -t 192.168.139.100:80 -r 192.168.139.7 -g").unwrap();
        let Op::AddDest(_, d) = op else { panic!() };
        assert_eq!((d.port, d.forward, d.weight), (80, Forward::Route, 1));
    }

    #[test]
    fn bundled_short_options_and_optional_persistence() {
        assert!(matches!(p("-Ln").unwrap(), Op::List { key: None, .. }));
        assert!(matches!(p("-L -n --timeout").unwrap(), Op::ListTimeout));
        let Op::AddService(s) = p("-A -t 10.0.0.1:80 -p -s rr").unwrap() else {
            panic!()
        };
        assert_eq!(s.timeout, 300, "-p without a number: 300 s");
        let Op::AddService(s) = p("-A -t 10.0.0.1:80 -p 60").unwrap() else {
            panic!()
        };
        assert_eq!(s.timeout, 60);
        let Op::AddService(s) = p("-A -f 8 -6 -s mh -b mh-port").unwrap() else {
            panic!()
        };
        assert_eq!(
            s.key,
            Key::Fwmark {
                mark: 8,
                ipv6: true
            }
        );
        assert!(matches!(
            p("--set 900 120 300").unwrap(),
            Op::SetTimeout(Timeouts {
                tcp: 900,
                tcp_fin: 120,
                udp: 300
            })
        ));
    }

    #[test]
    fn nat_keeps_the_port_dr_takes_the_services() {
        let Op::AddDest(_, d) = p("-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m").unwrap() else {
            panic!()
        };
        assert_eq!(d.port, 8080);
        let Op::AddDest(_, d) = p("-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -g").unwrap() else {
            panic!()
        };
        assert_eq!(d.port, 80);
    }

    #[test]
    fn netmasks_and_flags() {
        assert_eq!(
            parse_mask("255.255.255.0", false).unwrap().to_ne_bytes(),
            [255, 255, 255, 0]
        );
        assert!(parse_mask("255.0.255.0", false).is_err());
        assert_eq!(parse_mask("64", true).unwrap(), 64);
        assert!(parse_mask("129", true).is_err());
        assert_eq!(
            parse_flags("sh", "sh-fallback,sh-port").unwrap(),
            flags::SCHED1 | flags::SCHED2
        );
        assert!(parse_flags("rr", "sh-port").is_err());
    }

    #[test]
    fn bad_input_is_a_usage_error() {
        for (line, why) in [
            ("-A", "a virtual service is needed"),
            ("-t 10.0.0.1:80", "no command given"),
            ("-A -D -t 10.0.0.1:80", "more than one command"),
            ("-A -t 10.0.0.1:80 -u 10.0.0.1:80", "only one of"),
            ("-a -t 10.0.0.1:80 -r 10.0.0.2 -w 70000", "out of range"),
            (
                "-a -t 10.0.0.1:80 -r 2001:db8::2 -m",
                "not of the service's family",
            ),
            ("-A -f 0", "greater than zero"),
            ("-A -t 10.0.0.1:80 -M 255.0.255.0 -p", "not contiguous"),
            ("-A -t 10.0.0.1:80 -Q", "unknown option -Q"),
            ("-A -t 10.0.0.1:80 --frob", "unknown option --frob"),
            ("-A -t", "needs a value"),
            ("--start-daemon master", "needs --mcast-interface"),
            ("-A -t 10.0.0.1:80 extra", "unexpected argument"),
        ] {
            let e = p(line).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{line}");
            assert!(e.to_string().contains(why), "{line}: {e}");
        }
    }
}
