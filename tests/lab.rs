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
        .stdout_has("client resolves 192.168.139.100 to")
        .stdout_has("client now resolves 192.168.139.100")
        .stdout_has("done; tearing the namespaces down");
    // Its namespaces are gone (their prefix carries the script's pid, so only its own).
    let left = run("ip", ["netns", "list"], &[]).stdout;
    assert!(
        !left.contains("hklab"),
        "lab namespaces left behind:\n{left}"
    );
}
