//! `hakit ipvs` against the real kernel IPVS and the real ipvsadm, in one boot of Debian's
//! stock kernel under qemu (scripts/vm/run.sh): the host kernel has no IPVS.

use std::fmt::Write;

use crate::support::{hakit, privileged, project_dir};

/// Deterministic pseudo-random numbers (xorshift) for generated tables.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len() as u64) as usize]
    }
}

/// A random table as ipvsadm rules: services of every kind (TCP/UDP/SCTP, IPv4/IPv6,
/// fwmark), schedulers with their flags, persistence with masks, one-packet scheduling,
/// real servers in NAT, DR and tunnel modes with weights, thresholds and tunnel types.
/// Addresses straddle 10.x and 200.x so ipvsadm's sort quirk is exercised.
fn table(seed: u64, services: usize) -> String {
    let mut r = Rng(seed);
    let mut out = String::new();
    let scheds = [
        "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh",
    ];
    let mut used = std::collections::HashSet::new();
    for i in 0..services {
        let v6 = r.below(4) == 0;
        let fw = r.below(6) == 0;
        let addr = |r: &mut Rng, v6: bool| {
            if v6 {
                format!("[2001:db8::{:x}]", r.below(4000) + 1)
            } else {
                let first = ["10", "200", "192", "172"][r.below(4) as usize];
                format!(
                    "{first}.{}.{}.{}",
                    r.below(256),
                    r.below(256),
                    r.below(254) + 1
                )
            }
        };
        let (sel, port) = if fw {
            let mark = i as u64 + 1;
            (format!("-f {mark}{}", if v6 { " -6" } else { "" }), 0)
        } else {
            let proto = r.pick(&["-t", "-t", "-u", "--sctp-service"]);
            let port = [80, 443, 53, 8080, 1][r.below(5) as usize];
            (format!("{proto} {}:{port}", addr(&mut r, v6)), port)
        };
        if !used.insert(sel.clone()) {
            continue;
        }
        let sched = r.pick(&scheds);
        let mut line = format!("-A {sel} -s {sched}");
        if r.below(3) == 0 {
            let _ = write!(line, " -p {}", r.below(3000) + 1);
            if r.below(2) == 0 {
                if v6 {
                    let _ = write!(line, " -M {}", [64, 96, 120][r.below(3) as usize]);
                } else {
                    let _ = write!(
                        line,
                        " -M {}",
                        r.pick(&["255.255.255.0", "255.255.0.0", "255.255.255.240"])
                    );
                }
            }
        }
        let fl = match sched {
            "sh" => r.pick(&["", "sh-fallback", "sh-port", "sh-fallback,sh-port"]),
            "mh" => r.pick(&["", "mh-fallback", "mh-port"]),
            _ => r.pick(&["", "", "flag-1", "flag-2,flag-3"]),
        };
        if !fl.is_empty() {
            let _ = write!(line, " -b {fl}");
        }
        if sel.starts_with("-u") && r.below(2) == 0 {
            line.push_str(" -o");
        }
        out.push_str(&line);
        out.push('\n');
        let mut dused = std::collections::HashSet::new();
        for _ in 0..r.below(5) {
            let a = addr(&mut r, v6);
            if !dused.insert(a.clone()) {
                continue;
            }
            let fwd = r.pick(&["-g", "-m", "-i"]);
            let dport = if fw {
                0
            } else if fwd == "-m" {
                [80, 8080, 81][r.below(3) as usize]
            } else {
                port
            };
            let mut d = format!("-a {sel} -r {a}:{dport} {fwd} -w {}", r.below(200));
            if r.below(3) == 0 {
                let _ = write!(d, " -x {} -y {}", r.below(1000) + 10, r.below(10));
            }
            if fwd == "-i" && r.below(2) == 0 {
                match r.below(3) {
                    0 => d.push_str(" --tun-type ipip"),
                    1 => {
                        let _ = write!(d, " --tun-type gue --tun-port {}", 6000 + r.below(100));
                        d.push_str(r.pick(&["", " --tun-csum", " --tun-remcsum", " --tun-nocsum"]));
                    }
                    _ => {
                        d.push_str(" --tun-type gre");
                        d.push_str(r.pick(&["", " --tun-csum", " --tun-nocsum"]));
                    }
                }
            }
            out.push_str(&d);
            out.push('\n');
        }
    }
    out
}

#[test]
fn without_ipvs_the_error_says_so() {
    if std::path::Path::new("/proc/net/ip_vs").exists() {
        eprintln!("SKIP without_ipvs_the_error_says_so: this kernel has IPVS");
        return;
    }
    hakit(&["ipvs", "list"])
        .code(1)
        .one_line_error("this kernel has no IPVS")
        .one_line_error("modprobe ip_vs");
}

#[test]
fn bad_input_is_refused_before_the_kernel_is_asked() {
    // These hold on any kernel, IPVS or not: nothing is sent.
    hakit(&[
        "ipvs",
        "real",
        "add",
        "-t",
        "10.0.0.1:80",
        "-r",
        "10.0.0.2",
        "-w",
        "70000",
    ])
    .code(2);
    hakit(&["ipvs", "service", "add", "-t", "10.0.0.300:80"])
        .code(2)
        .one_line_error("invalid address \"10.0.0.300:80\"");
    hakit(&["ipvs", "service", "add", "-t", "10.0.0.1:99999"])
        .code(2)
        .one_line_error("port must be 0-65535");
    hakit(&["ipvs", "service", "add", "-f", "1", "-M", "255.255.255.0"])
        .code(2)
        .one_line_error("-M sets persistence granularity: it needs -p");
    hakit(&[
        "ipvs",
        "service",
        "add",
        "-t",
        "10.0.0.1:80",
        "-p",
        "-M",
        "255.0.255.0",
    ])
    .code(2)
    .one_line_error("not contiguous");
    hakit(&[
        "ipvs",
        "real",
        "add",
        "-t",
        "10.0.0.1:80",
        "-r",
        "[2001:db8::2]:80",
        "-m",
    ])
    .code(2)
    .one_line_error("not of the service's family");
    hakit(&[
        "ipvs",
        "service",
        "add",
        "-t",
        "10.0.0.1:80",
        "-s",
        "sh",
        "-b",
        "mh-port",
    ])
    .code(2)
    .one_line_error("unknown scheduler flag \"mh-port\" for sh");
    let dir = std::env::temp_dir().join(format!("hakit-restore-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("rules");
    std::fs::write(
        &f,
        "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r nothost -g\n",
    )
    .unwrap();
    hakit(&["ipvs", "restore", f.to_str().unwrap()])
        .code(2)
        .one_line_error("line 2: ");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn vm_hakit_matches_ipvsadm_on_the_real_kernel() {
    if !privileged("vm_hakit_matches_ipvsadm_on_the_real_kernel") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("hakit-ipvs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The seeds' rules and every option, then generated tables.
    let mut files = vec![project_dir().join("tests/vm/ipvs-compare.sh")];
    let fixed = "-A -t 192.168.139.100:80 -s wrr\n\
                 -a -t 192.168.139.100:80 -r 192.168.139.7:80 -g -w 1\n\
                 -a -t 192.168.139.100:80 -r 192.168.139.8:80 -g -w 1\n\
                 -A -t 10.0.0.11:443 -s sh -b sh-fallback,sh-port -p 60 -M 255.255.255.0\n\
                 -A --sctp-service 10.0.0.12:9 -s nq --pe sip -p 10\n\
                 -A -t [2001:db8::1]:80 -s rr -p 100 -M 64\n\
                 -a -t [2001:db8::1]:80 -r [2001:db8::11]:80 -g\n\
                 -a -t 10.0.0.11:443 -r 10.1.1.1:443 -i --tun-type gue --tun-port 6080 --tun-nocsum\n\
                 -A -f 8 -6 -s mh -b mh-port\n\
                 -A -u 10.0.0.1:5060 -s sh -b sh-port -o -p 10 -M 255.255.255.0 --pe sip\n";
    std::fs::write(dir.join("table-0-seeds.txt"), fixed).unwrap();
    files.push(dir.join("table-0-seeds.txt"));
    for (i, seed) in [0x9e37_79b9_u64, 0xdead_beef, 0x1234_5678]
        .iter()
        .enumerate()
    {
        let f = dir.join(format!("table-{}-generated.txt", i + 1));
        std::fs::write(&f, table(*seed, 25)).unwrap();
        files.push(f);
    }
    let r = crate::support::vm_run(&files, "bash ./ipvs-compare.sh", 600);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        r.code, 0,
        "hakit and ipvsadm disagree in the VM:\n{}\n{}",
        r.stdout, r.stderr
    );
    let oks = r.stdout.lines().filter(|l| l.starts_with("ok ")).count();
    assert!(
        oks >= 4 * 15 + 20,
        "every check ran ({oks} passed):\n{}",
        r.stdout
    );
    assert!(!r.stdout.contains("FAIL"), "{}", r.stdout);
}

/// One VM boot for the data path and for `lb run` against the real table.
#[test]
fn vm_nat_and_dr_traffic_and_lb_keep_the_pool_in_line() {
    if !privileged("vm_nat_and_dr_traffic_and_lb_keep_the_pool_in_line") {
        return;
    }
    let vm = project_dir().join("tests/vm");
    let r = crate::support::vm_run(
        &[
            vm.join("ipvs-datapath.sh"),
            vm.join("lb.sh"),
            vm.join("smtp-sink.sh"),
        ],
        "bash ./ipvs-datapath.sh; a=$?; bash ./lb.sh; b=$?; exit $((a | b))",
        400,
    );
    assert_eq!(
        r.code, 0,
        "data path and lb in the VM:\n{}\n{}",
        r.stdout, r.stderr
    );
    for want in [
        "ok   NAT round robin: 5 5",
        "ok   NAT weight 0 drains rs2: 10 0",
        "ok   DR round robin: 5 5",
        "ok   DR: only the director answers ARP for the VIP",
        "ok   DR counters",
        "ok   metrics: backend weight",
        "ok   metrics: connections as ipvsadm counts them",
        "ok   lb run created the service with both real servers",
        "ok   round robin over both: 5 5 0",
        "ok   rs2 left the table in",
        "ok   inhibit_on_failure: rs2 at weight 0",
        "ok   mh: servers in address order whatever the configuration's",
        "ok   mh: rs2 inhibited, not removed",
        "ok   DOWN mail arrived",
        "ok   only rs1 serves: 10 0 0",
        "ok   sorry server in the table",
        "ok   the sorry page is served: 0 0 10",
        "ok   rs1 back, sorry server gone",
        "ok   UP mail arrived",
        "ok   lb status shows rs2 down",
        "ok   lb run exits 0 on SIGTERM",
        "ok   services removed at exit",
    ] {
        assert!(r.stdout.contains(want), "missing {want:?}:\n{}", r.stdout);
    }
}
