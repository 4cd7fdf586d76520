//! Child processes at the edge: commands run without a shell, in their own process group,
//! killed as a group at their timeout; and command lines split into arguments the way a
//! shell would, without one. Shared by track scripts, notify scripts and checks.

use std::io;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;

/// Split a command line into arguments without a shell: whitespace separates, '...' and
/// "..." group, a backslash escapes the next character (not inside '...').
pub fn split_command(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                have = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => cur.push(x),
                        None => return Err(format!("unbalanced ' in \"{s}\"")),
                    }
                }
            }
            '"' => {
                have = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(x) => cur.push(x),
                            None => return Err(format!("trailing \\ in \"{s}\"")),
                        },
                        Some(x) => cur.push(x),
                        None => return Err(format!("unbalanced \" in \"{s}\"")),
                    }
                }
            }
            '\\' => match chars.next() {
                Some(x) => {
                    cur.push(x);
                    have = true;
                }
                None => return Err(format!("trailing \\ in \"{s}\"")),
            },
            c if c.is_whitespace() => {
                if have {
                    out.push(std::mem::take(&mut cur));
                    have = false;
                }
            }
            c => {
                cur.push(c);
                have = true;
            }
        }
    }
    if have {
        out.push(cur);
    }
    if out.is_empty() {
        return Err("empty command".into());
    }
    Ok(out)
}

const SHELL_SYNTAX: [&str; 10] = ["&&", "||", ";", "|", ">", "<", "$(", "`", "*", "~"];

/// Shell syntax in a command line: it means something only when a shell runs it. A
/// command that already is a shell's `-c` (`/bin/sh -c 'a && b'`) has its shell.
pub fn needs_shell(cmd: &str) -> bool {
    let syntax = |s: &str| SHELL_SYNTAX.iter().any(|p| s.contains(p));
    if !syntax(cmd) {
        return false;
    }
    match split_command(cmd) {
        Ok(v) if v.len() >= 3 => {
            let shell = v[0].rsplit('/').next().unwrap_or_default();
            let is_shell = ["sh", "bash", "dash", "ash", "zsh", "ksh"].contains(&shell);
            !(is_shell && v[1] == "-c" && !v[3..].iter().any(|w| syntax(w)))
        }
        _ => true,
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Exited(i32),
    Signalled,
    TimedOut,
    /// The program could not be started (not found, not executable).
    NotStarted,
}

impl Outcome {
    pub fn success(self) -> bool {
        self == Outcome::Exited(0)
    }
}

fn outcome(st: ExitStatus) -> Outcome {
    match st.code() {
        Some(c) => Outcome::Exited(c),
        None => Outcome::Signalled,
    }
}

/// The environment variable that may hold the VRRP password: never passed on to the
/// commands hakit starts (notify and track scripts, checks).
pub const SECRET_ENV: &str = "HAKIT_AUTH_PASS";

/// Start `argv` in its own process group with no stdin; output is discarded.
pub fn spawn(argv: &[String], extra_args: &[String]) -> io::Result<Child> {
    let (prog, args) = argv
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "empty command"))?;
    Command::new(prog)
        .args(args)
        .args(extra_args)
        .env_remove(SECRET_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
}

/// A command that is running with a deadline.
pub struct Running {
    child: Child,
    deadline: Instant,
}

impl Running {
    pub fn start(argv: &[String], timeout: Duration) -> Result<Running, Outcome> {
        let child = spawn(argv, &[]).map_err(|_| Outcome::NotStarted)?;
        Ok(Running {
            child,
            deadline: Instant::now() + timeout,
        })
    }

    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// `Some` once it has ended or been killed for running past its deadline.
    pub fn poll(&mut self) -> Option<Outcome> {
        match self.child.try_wait() {
            Ok(Some(st)) => Some(outcome(st)),
            Ok(None) if Instant::now() >= self.deadline => {
                kill_group(&mut self.child);
                Some(Outcome::TimedOut)
            }
            Ok(None) => None,
            Err(_) => Some(Outcome::NotStarted),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            kill_group(&mut self.child);
        }
    }
}

fn kill_group(child: &mut Child) {
    let _ = killpg(Pid::from_raw(child.id() as i32), Signal::SIGKILL);
    let _ = child.wait();
}

/// Run to completion or timeout on the tokio runtime (for the checker loop, where many
/// commands run at once). The group is killed at the deadline, as [`Running`] does.
pub async fn run_async(argv: &[String], timeout: Duration) -> Outcome {
    let Some((prog, args)) = argv.split_first() else {
        return Outcome::NotStarted;
    };
    let mut cmd = tokio::process::Command::new(prog);
    cmd.args(args)
        .env_remove(SECRET_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .kill_on_drop(true);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(_) => return Outcome::NotStarted,
    };
    match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(st)) => outcome(st),
        Ok(Err(_)) => Outcome::NotStarted,
        Err(_) => {
            if let Some(pid) = child.id() {
                let _ = killpg(Pid::from_raw(pid as i32), Signal::SIGKILL);
            }
            let _ = child.wait().await;
            Outcome::TimedOut
        }
    }
}

/// Fire-and-forget children (notify scripts): started, then reaped when they end.
#[derive(Default)]
pub struct Reaper {
    children: Vec<Child>,
}

impl Reaper {
    pub fn spawn(&mut self, argv: &[String], extra: &[String]) -> io::Result<()> {
        let c = spawn(argv, extra)?;
        self.children.push(c);
        Ok(())
    }

    /// Collect the children that have ended.
    pub fn reap(&mut self) {
        self.children
            .retain_mut(|c| matches!(c.try_wait(), Ok(None)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    /// Drive a [`Running`] to its end, as the VRRP daemon's poll loop does.
    fn run(argv: &[String], timeout: Duration) -> Outcome {
        let mut r = match Running::start(argv, timeout) {
            Ok(r) => r,
            Err(o) => return o,
        };
        loop {
            if let Some(o) = r.poll() {
                return o;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn run_async_blocking(argv: &[String], timeout: Duration) -> Outcome {
        crate::check::runtime()
            .unwrap()
            .block_on(run_async(argv, timeout))
    }

    #[test]
    fn commands_split_without_a_shell() {
        assert_eq!(
            split_command("hakit check http --path /").unwrap(),
            ["hakit", "check", "http", "--path", "/"]
        );
        assert_eq!(
            split_command("/bin/sh -c '[ -e /etc/keepalived/down ] && exit 1 || exit 0'").unwrap(),
            [
                "/bin/sh",
                "-c",
                "[ -e /etc/keepalived/down ] && exit 1 || exit 0"
            ]
        );
        assert_eq!(
            split_command(r#"a "b c" d\ e ''"#).unwrap(),
            ["a", "b c", "d e", ""]
        );
        assert!(split_command("a 'b").is_err());
        assert!(split_command("   ").is_err());
        assert!(split_command("a \\").is_err());
    }

    #[test]
    fn shell_syntax_is_noticed() {
        assert!(needs_shell("a && b"));
        assert!(needs_shell("echo $(date)"));
        assert!(!needs_shell("killall -0 nginx"));
        // Already a shell's: nothing to wrap.
        assert!(!needs_shell("/bin/sh -c 'test -e /x && exit 1 || exit 0'"));
        assert!(!needs_shell("bash -c \"pidof nginx | grep -q .\" check"));
        // But not a shell, or syntax outside its -c.
        assert!(needs_shell("/bin/echo -c 'a && b'"));
        assert!(needs_shell("sh -c 'a' && b"));
        assert!(needs_shell("sh -c 'unbalanced && b"));
    }

    #[test]
    fn async_runs_report_and_kill_the_same_way() {
        let t = Duration::from_secs(5);
        assert_eq!(
            run_async_blocking(&v(&["sh", "-c", "exit 3"]), t),
            Outcome::Exited(3)
        );
        assert_eq!(
            run_async_blocking(&v(&["/nonexistent/prog"]), t),
            Outcome::NotStarted
        );
        let start = Instant::now();
        let o = run_async_blocking(
            &v(&["sh", "-c", "sleep 30 & sleep 30"]),
            Duration::from_millis(200),
        );
        assert_eq!(o, Outcome::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn exit_codes_and_missing_programs() {
        let t = Duration::from_secs(5);
        assert_eq!(run(&v(&["true"]), t), Outcome::Exited(0));
        assert_eq!(run(&v(&["sh", "-c", "exit 3"]), t), Outcome::Exited(3));
        assert_eq!(run(&v(&["/nonexistent/prog"]), t), Outcome::NotStarted);
    }

    #[test]
    fn a_hanging_command_is_killed_with_its_children() {
        let start = Instant::now();
        // The shell's child sleep would outlive a kill of the shell alone.
        let o = run(
            &v(&["sh", "-c", "sleep 30 & sleep 30"]),
            Duration::from_millis(200),
        );
        assert_eq!(o, Outcome::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}
