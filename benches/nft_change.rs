//! One real-server change on the nftables data plane, as `hakit lb run` makes it: the
//! tables read once, then each change one transaction computed from the state in memory.
//! Run by `scripts/bench-nft.sh` inside its namespace, after it loaded the services:
//!
//!   nft_change VIP:PORT REAL:PORT CHANGES    prints the median and the slowest, in ms
use std::time::{Duration, Instant};

use hakit::nft::Nft;
use hakit::service::{Change, DataPlane, Dest, Forward, Key, Protocol};

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    if args.iter().skip(1).any(|a| a.starts_with("--")) {
        // `cargo test --all-targets` runs benches with the test harness's options: this
        // one needs root, nft and a loaded table, so scripts/bench-nft.sh runs it.
        println!("nft_change: run by scripts/bench-nft.sh");
        return;
    }
    let [_, vip, real, n] = args.as_slice() else {
        eprintln!("usage: nft_change VIP:PORT REAL:PORT CHANGES");
        std::process::exit(2);
    };
    let vip: std::net::SocketAddr = vip.parse().expect("VIP:PORT");
    let real: std::net::SocketAddr = real.parse().expect("REAL:PORT");
    let n: u32 = n.parse().expect("CHANGES");
    let key = Key::Addr {
        protocol: Protocol::Tcp,
        addr: vip.ip(),
        port: vip.port(),
    };
    let mut nft = Nft::open(false).unwrap_or_else(|e| panic!("open: {e}"));
    let mut times: Vec<Duration> = Vec::new();
    for k in 0..n {
        let mut d = Dest::new(real.ip(), real.port());
        d.forward = Forward::Masq;
        d.weight = 10 + k % 7;
        let t = Instant::now();
        let r = nft.apply_batch(&[Change::EditDest(key, d)]).expect("apply");
        times.push(t.elapsed());
        if let Some(Err(e)) = r.into_iter().next() {
            panic!("change {k}: {e}");
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:.1} {:.1}",
        ms(times[times.len() / 2]),
        ms(*times.last().unwrap())
    );
}
