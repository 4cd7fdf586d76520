//! ipvsadm's command line (1.31), parsed into the service model at the edge: the
//! `ipvsadm` personality and `restore` (whose lines are ipvsadm command lines without the
//! program name) share it. Short options may be bundled (`-Ln`); `-p` takes an optional
//! timeout.

use super::text::Columns;
use crate::addr::parse_host_port;
use crate::error::{Error, Result};
use crate::service::{
    flags, parse_netmask, Change, Daemon, Dest, Forward, Key, Protocol, Service, SyncState,
    Timeouts, TunType,
};

/// What one ipvsadm command line asks for: a change to the table, or something to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Change(Change),
    Restore,
    Save,
    List {
        key: Option<Key>,
        columns: Columns,
        exact: bool,
        sort: bool,
    },
    ListTimeout,
    ListDaemon,
    ListConnections,
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
pub fn parse(args: &[String]) -> Result<Command> {
    // ipvsadm alone lists the table, as -L does.
    if args.is_empty() {
        return parse(&["-L".to_string()]);
    }
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
    let mut dm = Daemon::new(SyncState::Master, "");
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
        let k = need_key()?;
        let mut s = Service::new(k);
        if let Some(sc) = &sched {
            s.scheduler = sc.parse()?;
        }
        match &persistent {
            Some(Some(t)) => s.set_persistent(num(t, "persistence timeout")?),
            Some(None) => s.set_persistent(300),
            None => {}
        }
        if let Some(m) = &netmask {
            s.netmask = parse_netmask(m, k.is_ipv6())?;
        }
        if let Some(f) = &sflags {
            s.flags |= s.scheduler.parse_flags(f)?;
        }
        if ops {
            s.flags |= flags::ONEPACKET;
        }
        s.pe = pe.clone();
        Ok(s)
    };
    // Without `full` only the address matters (delete).
    let dest = |k: &Key, full: bool| -> Result<Dest> {
        let r = real
            .as_ref()
            .ok_or_else(|| Error::invalid("a real server is needed (-r ADDR[:PORT])"))?;
        let (addr, port) = parse_host_port(r, Some(k.port()))?;
        if !full {
            return Ok(Dest::new(addr, port));
        }
        let n = |v: &Option<String>, what: &str| v.as_deref().map(|x| num(x, what)).transpose();
        let mut d = Dest::of(
            k,
            addr,
            Some(port),
            forward.unwrap_or(Forward::Route),
            n(&weight, "weight")?.unwrap_or(1),
        )?;
        d.u_thresh = n(&ux, "upper threshold")?.unwrap_or(0);
        d.l_thresh = n(&ly, "lower threshold")?.unwrap_or(0);
        if let Some(t) = &tun_type {
            d.tun_type = t.parse::<TunType>()?;
        }
        if let Some(p) = &tun_port {
            d.tun_port = num::<u16>(p, "tunnel port")?;
        }
        d.tun_flags = tun_flags.unwrap_or(0);
        Ok(d)
    };
    let change = |c: Change| Command::Change(c);
    Ok(match cmd {
        Cmd::A => change(Change::AddService(service()?)),
        Cmd::E => change(Change::EditService(service()?)),
        Cmd::D => change(Change::DelService(need_key()?)),
        Cmd::C => change(Change::Flush),
        Cmd::R => Command::Restore,
        Cmd::S => Command::Save,
        Cmd::Ra => {
            let k = need_key()?;
            change(Change::AddDest(k, dest(&k, true)?))
        }
        Cmd::Re => {
            let k = need_key()?;
            change(Change::EditDest(k, dest(&k, true)?))
        }
        Cmd::Rd => {
            let k = need_key()?;
            change(Change::DelDest(k, dest(&k, false)?))
        }
        Cmd::Z => change(Change::Zero(key()?)),
        Cmd::L if timeout => Command::ListTimeout,
        Cmd::L if daemon => Command::ListDaemon,
        Cmd::L if conn => Command::ListConnections,
        Cmd::L => Command::List {
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
            change(Change::SetTimeouts(Timeouts {
                tcp: n[0],
                tcp_fin: n[1],
                udp: n[2],
            }))
        }
        Cmd::Start => {
            dm.state = cmd_val.unwrap_or_default().parse()?;
            if dm.mcast_ifn.is_empty() {
                return Err(Error::invalid("--start-daemon needs --mcast-interface"));
            }
            change(Change::StartDaemon(dm))
        }
        Cmd::Stop => change(Change::StopDaemon(cmd_val.unwrap_or_default().parse()?)),
        Cmd::Help => Command::Help,
        Cmd::Version => Command::Version,
    })
}

/// Split a restore line into arguments (ipvsadm -R lines have no quoting).
pub fn split_line(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Scheduler;

    fn p(s: &str) -> Result<Command> {
        parse(&split_line(s))
    }

    #[test]
    fn the_seeds_rules_parse() {
        let op = p("-A -t 192.168.139.100:80 -s wrr").unwrap();
        let Command::Change(Change::AddService(s)) = op else {
            panic!()
        };
        assert_eq!(s.scheduler, Scheduler::Wrr);
        let op = p("-a -t 192.168.139.100:80 -r 192.168.139.7 -g").unwrap();
        let Command::Change(Change::AddDest(_, d)) = op else {
            panic!()
        };
        assert_eq!((d.port, d.forward, d.weight), (80, Forward::Route, 1));
    }

    #[test]
    fn bundled_short_options_and_optional_persistence() {
        assert!(matches!(p("-Ln").unwrap(), Command::List { key: None, .. }));
        assert!(
            matches!(p("").unwrap(), Command::List { key: None, .. }),
            "ipvsadm alone lists"
        );
        assert!(matches!(
            p("-L -n --timeout").unwrap(),
            Command::ListTimeout
        ));
        let Command::Change(Change::AddService(s)) = p("-A -t 10.0.0.1:80 -p -s rr").unwrap()
        else {
            panic!()
        };
        assert_eq!(s.timeout, 300, "-p without a number: 300 s");
        let Command::Change(Change::AddService(s)) = p("-A -t 10.0.0.1:80 -p 60").unwrap() else {
            panic!()
        };
        assert_eq!(s.timeout, 60);
        let Command::Change(Change::AddService(s)) = p("-A -f 8 -6 -s mh -b mh-port").unwrap()
        else {
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
            Command::Change(Change::SetTimeouts(Timeouts {
                tcp: 900,
                tcp_fin: 120,
                udp: 300
            }))
        ));
    }

    #[test]
    fn nat_keeps_the_port_dr_takes_the_services() {
        let Command::Change(Change::AddDest(_, d)) =
            p("-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m").unwrap()
        else {
            panic!()
        };
        assert_eq!(d.port, 8080);
        let Command::Change(Change::AddDest(_, d)) =
            p("-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -g").unwrap()
        else {
            panic!()
        };
        assert_eq!(d.port, 80);
    }

    #[test]
    fn services_carry_masks_flags_and_engines() {
        let Command::Change(Change::AddService(s)) =
            p("-A -t 10.0.0.1:80 -s sh -b sh-port -p 60 -M 255.255.255.0 --pe sip").unwrap()
        else {
            panic!()
        };
        assert_eq!(s.scheduler, Scheduler::Sh);
        assert_eq!(s.flags, flags::PERSISTENT | flags::SCHED2);
        assert_eq!(s.netmask.to_ne_bytes(), [255, 255, 255, 0]);
        assert_eq!(s.pe.as_deref(), Some("sip"));
        let Command::Change(Change::StopDaemon(st)) = p("--stop-daemon backup").unwrap() else {
            panic!()
        };
        assert_eq!(st, SyncState::Backup);
    }

    #[test]
    fn bad_input_is_a_usage_error() {
        for (line, why) in [
            ("-A", "a virtual service is needed"),
            ("-t 10.0.0.1:80", "no command given"),
            ("-n", "no command given"),
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
            ("--start-daemon slave", "master or backup"),
            (
                "-A -t 10.0.0.1:80 -s sh -b mh-port",
                "unknown scheduler flag",
            ),
            ("-A -t 10.0.0.1:80 extra", "unexpected argument"),
        ] {
            let e = p(line).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{line}");
            assert!(e.to_string().contains(why), "{line}: {e}");
        }
    }
}
