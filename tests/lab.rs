//! The README's main command, `scripts/lab.sh`, runs end to end.

use crate::support::{privileged, project_dir, run};

#[test]
fn lab_demo_runs_and_cleans_up() {
    if !privileged("lab_demo_runs_and_cleans_up") {
        return;
    }
    let script = project_dir().join("scripts/lab.sh");
    let bin = crate::support::hakit_bin();
    let r = run(
        "bash",
        [script.to_str().unwrap()],
        &[("HAKIT", bin.to_str().unwrap())],
    );
    r.ok()
        .stdout_has("dir1 is MASTER, dir2 is BACKUP; the VIP is on dir1")
        .stdout_has("client: curl http://192.168.139.100/ -> served by dir1")
        .stdout_has("dir2 is MASTER and holds the VIP")
        .stdout_has("last: served by dir2")
        .stdout_has("dir1 is MASTER, dir2 is BACKUP; client: served by dir1")
        .stdout_has("SIGTERM (priority 0: only the skew, 0.061 s); client: served by dir2")
        .stdout_has("dir1: INSTANCE VI_51 STOP 101")
        .stdout_has("done; tearing the namespaces down");
    // Its namespaces are gone (their prefix carries the script's pid, so only its own).
    let left = run("ip", ["netns", "list"], &[]).stdout;
    assert!(
        !left.contains("hklab"),
        "lab namespaces left behind:\n{left}"
    );
}
