//! `hakit metrics`: the daemons' state files as Prometheus exposition, once.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, Global, Out};
use crate::error::Error;

/// Print the Prometheus metrics of every hakit daemon whose state is in --state-dir, once.
///
/// The same exposition as the daemons' --metrics-listen endpoints, read from their state
/// files: VRRP under mehdy/keepalived-exporter's names and labels (keepalived_vrrp_state
/// with 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, keepalived_advertisements_sent_total, ...),
/// the checkers under hakit_lb_*, the watch queues under hakit_sync_* (bgp run asks BIRD
/// at each scrape, so only its endpoint has hakit_bgp_*). For node_exporter's textfile
/// collector from cron, --textfile DIR writes DIR/hakit.prom atomically. An instance
/// whose process is gone is left out (keepalived_up says 0 when none runs); a watch
/// queue, which outlives its watcher, stays, with hakit_sync_watching 0.
///
/// The data plane's services follow under node_exporter's ipvs collector names
/// (node_ipvs_backend_weight, node_ipvs_backend_connections_active, ...) for hakit's
/// nftables tables when they exist: the NATed servers' connections counted in the
/// connection tracking table (directly routed ones never pass it, so they have a weight
/// but no connection series). IPVS is left to node_exporter's own ipvs collector, whose
/// names the textfile collector would refuse twice; --dataplane ipvs adds it where that
/// collector is off, --dataplane none leaves the data plane out.
///
/// Exit status: 0 written; 1 a state file could not be read or the file not written.
#[derive(Args, Debug)]
pub struct MetricsArgs {
    /// Write DIR/hakit.prom (through a temporary file and a rename) instead of printing.
    #[arg(long, value_name = "DIR")]
    textfile: Option<PathBuf>,

    /// The data plane to add: nft, ipvs, auto (IPVS where the kernel has it), or none.
    #[arg(long, value_name = "KIND", default_value = "nft")]
    dataplane: String,
}

pub fn exec(a: &MetricsArgs, g: &Global, out: &Out) -> Exit {
    let plane = match a.dataplane.as_str() {
        "none" => None,
        k => Some(
            k.parse()
                .map_err(|_| Error::invalid(format!("--dataplane {k}: nft, ipvs, auto or none")))?,
        ),
    };
    let text = crate::metrics::collect(&g.state_dir, plane)?;
    match &a.textfile {
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
        Some(dir) => {
            let path = dir.join("hakit.prom");
            // node_exporter reads only *.prom: the temporary name is never half read.
            let tmp = dir.join(".hakit.prom.tmp");
            std::fs::write(&tmp, &text)
                .and_then(|()| std::fs::rename(&tmp, &path))
                .map_err(|e| Error::io(format!("write {}", path.display()), e))?;
            out.line(format!("wrote {}", path.display()));
        }
    }
    Ok(0)
}
