//! `hakit nft`: the nftables data plane, with the verbs and options of `hakit ipvs`.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::service::{exec_table, selected, ListArgs, TableCmd};
use super::{Exit, Out};
use crate::ipvs::text;
use crate::nft::Nft;
use crate::service::{Change, DataPlane, Entry};

/// Virtual services and real servers in nftables, for kernels without IPVS.
///
/// The same services as `hakit ipvs`, with ipvsadm's options and columns, kept in two
/// tables of hakit's own (`inet hakit` for NAT, `netdev hakit` for direct routing) and never
/// in any other. Every change is one atomic transaction that touches only the service it
/// is about.
///
/// NAT (-m) DNATs to the real servers in the nat hook, conntrack keeping established
/// connections where they are. Direct routing (-g) rewrites the destination MAC at the
/// ingress hook of the device that reaches the real servers and forwards the frame there;
/// the servers must be on a directly connected network (their MACs come from the
/// neighbour table), and no connection table is kept, so every scheduler chooses by a hash
/// of the flow. Schedulers: rr, wrr, sh and mh (Maglev: 65537 slots, the same on every
/// director for the same servers). Persistence (-p, -M) keeps a client on its server.
/// A NAT connection that leaves by the interface it came in on (a one-armed director) is
/// masqueraded, since the server would otherwise answer the client straight.
/// Not here: other schedulers, tunnelling (-i), thresholds (-x/-y), one-packet scheduling
/// (-o), persistence engines, connection timeouts and sync daemons (IPVS has them).
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct NftArgs {
    /// Take over a table named hakit that hakit did not create.
    #[arg(long, global = true)]
    force: bool,
    #[command(subcommand)]
    cmd: NftCmd,
}

#[derive(Subcommand, Debug)]
enum NftCmd {
    /// List services and real servers, in ipvsadm -Ln's columns.
    ///
    /// Counters (--stats): a NAT real server counts its connections and every packet and
    /// byte of them both ways; a directly routed one every packet and byte towards it. A
    /// change to a service (weights, servers) starts the connection counts of the servers
    /// whose share moved again (of every server, for a service with a chain of its own:
    /// rr, mh, persistence, firewall marks, direct routing); packets and bytes go on.
    ///
    /// ActiveConn and InActConn of a NAT real server are its connections in the
    /// connection tracking table, counted as IPVS counts them: established TCP active,
    /// any other state and every UDP flow inactive. A directly routed server's stay 0:
    /// its connections never pass this host's connection tracking.
    List(ListArgs),
    #[command(flatten)]
    Table(TableCmd),
    /// Zero the counters.
    Zero,
}

#[derive(Serialize)]
struct Listing<'a> {
    dataplane: &'static str,
    services: &'a [Entry],
}

pub fn exec(a: &NftArgs, out: &Out) -> Exit {
    let force = a.force;
    let open = || Nft::open(force);
    match &a.cmd {
        NftCmd::Table(t) => exec_table(t, &mut || Ok(Box::new(open()?)), out),
        NftCmd::List(l) => {
            let only = l.only()?;
            let mut nft = open()?;
            let mut table = selected(&mut nft, only)?;
            if let Err(e) = crate::conntrack::fill(&mut table) {
                log::warn!("connections not counted: {e}");
            }
            if l.json {
                out.json(&Listing {
                    dataplane: "nftables",
                    services: &table,
                });
                return Ok(0);
            }
            let heading = nft.heading();
            let whole = only.is_none().then_some(heading.as_str());
            print!("{}", text::list(whole, &table, l.columns(), l.exact));
            Ok(0)
        }
        NftCmd::Zero => {
            open()?.apply(&Change::Zero(None))?;
            out.line("zeroed the counters of every service");
            Ok(0)
        }
    }
}
