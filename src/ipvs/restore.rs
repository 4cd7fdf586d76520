//! `restore` (ipvsadm -R): rules in, applied pipelined, with an exact account of what was
//! and was not applied.
//!
//! 1. Every line is parsed first: a malformed line stops everything before anything is sent.
//! 2. The rules are checked against the current table by simulation (service exists, no such
//!    service, real server exists, ...), so predictable failures also stop before anything is
//!    sent; with `continue_on_error` those lines are skipped instead.
//! 3. The rest goes to the data plane in batches of its [`DataPlane::batch_size`] (IPVS:
//!    pipelined chunks; nftables: one transaction). A rule that brings a new scheduler or
//!    persistence engine goes alone (the kernel may lack its module), so a failure there
//!    stops exactly at its line.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::ipvsadm::{self, Command};
use crate::addr::host_port;
use crate::error::{Error, Result};
use crate::service::{Change, DataPlane, Entry, Key};

/// One rule of the input.
#[derive(Debug, Clone)]
pub struct Rule {
    /// 1-based line number.
    pub line: usize,
    pub change: Change,
}

/// What became of a restore.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub applied: usize,
    /// Line numbers and reasons of the rules that failed.
    pub failed: Vec<(usize, String)>,
    /// Line numbers of the rules that were not sent.
    pub not_applied: Vec<usize>,
}

/// Parse a rules file; the first malformed line is an error naming it.
pub fn parse(input: &str) -> Result<Vec<Rule>> {
    let mut out = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cmd = ipvsadm::parse(&ipvsadm::split_line(line)).map_err(|e| {
            Error::invalid(format!(
                "line {}: {e} (in \"{line}\"); nothing was applied",
                i + 1
            ))
        })?;
        match cmd {
            Command::Change(change) => out.push(Rule {
                line: i + 1,
                change,
            }),
            _ => {
                return Err(Error::invalid(format!(
                    "line {}: \"{line}\" is not a rule (only -A -E -D -a -e -d -C -Z --set --start-daemon --stop-daemon); nothing was applied",
                    i + 1
                )))
            }
        }
    }
    Ok(out)
}

/// The table as sets, for simulation.
#[derive(Debug, Default, Clone)]
pub struct Shadow {
    services: HashMap<Key, HashSet<(std::net::IpAddr, u16)>>,
}

impl Shadow {
    pub fn from_table(t: &[Entry]) -> Shadow {
        Shadow {
            services: t
                .iter()
                .map(|e| {
                    (
                        e.service.key,
                        e.dests.iter().map(|d| (d.addr, d.port)).collect(),
                    )
                })
                .collect(),
        }
    }

    /// Apply `op` to the shadow table, or say why the kernel would refuse it.
    pub fn apply(&mut self, c: &Change) -> std::result::Result<(), String> {
        match c {
            Change::AddService(s) => {
                if self.services.contains_key(&s.key) {
                    return Err(format!("service {} already exists", s.key));
                }
                self.services.insert(s.key, HashSet::new());
            }
            Change::EditService(s) if !self.services.contains_key(&s.key) => {
                return Err(format!("no such service: {}", s.key));
            }
            Change::DelService(k) => {
                self.services
                    .remove(k)
                    .ok_or_else(|| format!("no such service: {k}"))?;
            }
            Change::AddDest(k, d) | Change::EditDest(k, d) | Change::DelDest(k, d) => {
                let set = self
                    .services
                    .get_mut(k)
                    .ok_or_else(|| format!("no such service: {k}"))?;
                let hp = host_port(d.addr, d.port);
                let present = set.contains(&(d.addr, d.port));
                match c {
                    Change::AddDest(..) if present => {
                        return Err(format!("real server {hp} of {k} already exists"))
                    }
                    Change::AddDest(..) => {
                        set.insert((d.addr, d.port));
                    }
                    _ if !present => return Err(format!("no such real server {hp} in {k}")),
                    Change::DelDest(..) => {
                        set.remove(&(d.addr, d.port));
                    }
                    _ => {}
                }
            }
            Change::Flush => self.services.clear(),
            Change::Zero(Some(k)) if !self.services.contains_key(k) => {
                return Err(format!("no such service: {k}"))
            }
            _ => {}
        }
        Ok(())
    }
}

/// Does `op` need the kernel to load something it may not have?
fn risky(c: &Change, seen: &mut HashSet<String>) -> bool {
    match c {
        Change::AddService(s) | Change::EditService(s) => {
            let mut r = seen.insert(format!("sched:{}", s.scheduler));
            if let Some(pe) = &s.pe {
                r |= seen.insert(format!("pe:{pe}"));
            }
            r
        }
        Change::StartDaemon(_) | Change::StopDaemon(_) => true,
        _ => false,
    }
}

/// Restore `rules` into a data plane. `progress` is called with the number of rules done.
pub fn apply(
    dp: &mut dyn DataPlane,
    rules: &[Rule],
    continue_on_error: bool,
    mut progress: impl FnMut(usize),
) -> Result<Report> {
    let table = dp.table()?;
    let mut shadow = Shadow::from_table(&table);
    let mut report = Report::default();
    let mut todo: Vec<&Rule> = Vec::with_capacity(rules.len());
    for r in rules {
        match shadow.apply(&r.change) {
            Ok(()) => todo.push(r),
            Err(why) if continue_on_error => report.failed.push((r.line, why)),
            Err(why) => {
                report.not_applied = rules.iter().map(|r| r.line).collect();
                report.failed.push((r.line, why));
                return Ok(report);
            }
        }
    }
    if dp.atomic() {
        return apply_atomic(dp, todo, continue_on_error, report, progress);
    }
    // Schedulers and engines already in use are known to the kernel.
    let mut seen: HashSet<String> = table
        .iter()
        .flat_map(|e| {
            let mut v = vec![format!("sched:{}", e.service.scheduler)];
            if let Some(pe) = &e.service.pe {
                v.push(format!("pe:{pe}"));
            }
            v
        })
        .collect();
    let chunk_size = dp.batch_size().max(1);
    let mut i = 0;
    let mut done = 0;
    while i < todo.len() {
        // A chunk ends before a risky rule; a risky rule goes alone.
        let mut j = i;
        if risky(&todo[i].change, &mut seen) {
            j += 1;
        } else {
            while j < todo.len() && j - i < chunk_size {
                if j > i && risky(&todo[j].change, &mut seen.clone()) {
                    break;
                }
                j += 1;
            }
        }
        let chunk = &todo[i..j];
        let changes: Vec<Change> = chunk.iter().map(|r| r.change.clone()).collect();
        let results = dp.apply_batch(&changes)?;
        let mut stop = false;
        for (r, res) in chunk.iter().zip(results) {
            match res {
                Ok(()) => report.applied += 1,
                Err(e) => {
                    report.failed.push((r.line, e.to_string()));
                    stop |= !continue_on_error;
                }
            }
        }
        done += chunk.len();
        progress(done);
        i = j;
        if stop {
            report.not_applied = todo[i..].iter().map(|r| r.line).collect();
            break;
        }
    }
    report.failed.sort_by_key(|f| f.0);
    Ok(report)
}

/// Restore into a data plane whose batch is one transaction (nftables): all the rules at
/// once, so that a refusal leaves the table as it was. With `continue_on_error` the rule
/// refused is dropped and the rest sent again.
fn apply_atomic(
    dp: &mut dyn DataPlane,
    mut todo: Vec<&Rule>,
    continue_on_error: bool,
    mut report: Report,
    mut progress: impl FnMut(usize),
) -> Result<Report> {
    while !todo.is_empty() {
        let changes: Vec<Change> = todo.iter().map(|r| r.change.clone()).collect();
        let results = dp.apply_batch(&changes)?;
        // The change that failed, if one did: the one whose error is its own.
        let cause = results.iter().position(|r| {
            r.as_ref()
                .is_err_and(|e| !e.to_string().starts_with(crate::service::NOT_APPLIED))
        });
        match cause {
            None if results.iter().all(|r| r.is_ok()) => {
                report.applied += todo.len();
                progress(todo.len());
                break;
            }
            // Failed without saying which: the first.
            c => {
                let i = c.unwrap_or(0);
                let why = match &results[i] {
                    Err(e) => e.to_string(),
                    Ok(()) => String::new(),
                };
                let bad = todo.remove(i);
                report.failed.push((bad.line, why));
                if !continue_on_error {
                    report.not_applied = todo.iter().map(|r| r.line).collect();
                    break;
                }
            }
        }
    }
    report.failed.sort_by_key(|f| f.0);
    Ok(report)
}

/// One line for a failed restore.
pub fn summary(r: &Report) -> String {
    let (line, why) = r.failed.first().cloned().unwrap_or_default();
    let mut s = format!(
        "restore stopped at line {line}: {why}; {} rule{} applied",
        r.applied,
        if r.applied == 1 { "" } else { "s" }
    );
    if !r.not_applied.is_empty() {
        let first = r.not_applied.first().unwrap();
        let last = r.not_applied.last().unwrap();
        s.push_str(&format!(
            ", {} not applied (lines {first}-{last})",
            r.not_applied.len()
        ));
    }
    if r.failed.len() > 1 {
        s.push_str(&format!(", {} failed", r.failed.len()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_line_is_named_and_nothing_is_applied() {
        let e =
            parse("-A -t 10.0.0.1:80 -s rr\n\n# comment\n-a -t 10.0.0.1:80 -r x\n").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let m = e.to_string();
        assert!(m.starts_with("line 4: "), "{m}");
        assert!(m.contains("nothing was applied"), "{m}");
        let e = parse("-L -n\n").unwrap_err();
        assert!(e.to_string().contains("not a rule"));
    }

    #[test]
    fn simulation_predicts_the_kernels_refusals() {
        let rules = parse(
            "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.2 -g\n-a -t 10.0.0.1:80 -r 10.0.0.2 -g\n",
        )
        .unwrap();
        let mut sh = Shadow::default();
        assert!(sh.apply(&rules[0].change).is_ok());
        assert!(sh.apply(&rules[1].change).is_ok());
        assert_eq!(
            sh.apply(&rules[2].change).unwrap_err(),
            "real server 10.0.0.2:80 of TCP 10.0.0.1:80 already exists"
        );
        let more =
            parse("-d -t 10.0.0.1:80 -r 10.0.0.9\n-D -t 10.0.0.5:80\n-C\n-A -t 10.0.0.1:80\n")
                .unwrap();
        assert!(sh
            .apply(&more[0].change)
            .unwrap_err()
            .contains("no such real server"));
        assert!(sh
            .apply(&more[1].change)
            .unwrap_err()
            .contains("no such service"));
        assert!(sh.apply(&more[2].change).is_ok());
        assert!(
            sh.apply(&more[3].change).is_ok(),
            "after -C the service can come back"
        );
    }

    #[test]
    fn new_schedulers_are_risky_once() {
        let rules =
            parse("-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.2:80 -s rr\n-A -t 10.0.0.3:80 -s sh\n")
                .unwrap();
        let mut seen = HashSet::new();
        assert!(risky(&rules[0].change, &mut seen));
        assert!(!risky(&rules[1].change, &mut seen));
        assert!(risky(&rules[2].change, &mut seen));
    }

    #[test]
    fn the_summary_says_what_was_and_was_not_applied() {
        let r = Report {
            applied: 3,
            failed: vec![(4, "unknown scheduler \"x\"".into())],
            not_applied: vec![5, 6, 7],
        };
        assert_eq!(
            summary(&r),
            "restore stopped at line 4: unknown scheduler \"x\"; 3 rules applied, 3 not applied (lines 5-7)"
        );
    }
}
