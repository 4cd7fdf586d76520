//! keepalived.conf's syntax: words, `{ }` blocks, `!` and `#` comments, quoted strings,
//! and `include` with globs. Produces a tree of nodes with their file:line:column, and
//! every syntax error found (not only the first).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use smol_str::SmolStr;

/// Where something is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub file: Arc<Path>,
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

/// A finding, at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub level: Level,
    pub loc: Loc,
    pub msg: String,
}

impl std::fmt::Display for Diag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.loc,
            match self.level {
                Level::Error => "error",
                Level::Warning => "warning",
            },
            self.msg
        )
    }
}

/// A keyword, its words and, for a block, what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Words are short: kept inline (up to 23 bytes), not each in an allocation of its own.
    pub key: SmolStr,
    pub args: Vec<SmolStr>,
    /// Locations of the args, for messages about a value.
    pub arg_locs: Vec<Loc>,
    pub block: Option<Vec<Node>>,
    pub loc: Loc,
    /// A real server read while the file was parsed (see [`Hook`]): its place in what the
    /// hook kept. Its block is gone then.
    pub read: Option<u32>,
}

/// Called with each `real_server` block of a `virtual_server` as soon as it is closed,
/// the node it returns kept in its place: the model reads a real server there and keeps
/// a stand-in, so that the tree of a thousand real servers (a megabyte) is never whole.
pub type Hook<'h> = &'h mut dyn FnMut(Node, &mut Vec<Diag>) -> Node;

impl Node {
    /// The location of argument `i` (or of the keyword).
    pub fn at(&self, i: usize) -> &Loc {
        self.arg_locs.get(i).unwrap_or(&self.loc)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Open,
    Close,
}

/// Tokens of a line with their columns, and an error (column, message) if any.
type Tokens = (Vec<(Tok, usize)>, Option<(usize, String)>);

/// Split one line into tokens with their columns; an unterminated quote is an error.
fn tokens(line: &str) -> Tokens {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let col = |byte: usize| line[..byte].chars().count() + 1;
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '#' || c == '!' {
            break;
        } else if c == '{' {
            out.push((Tok::Open, col(b)));
            i += 1;
        } else if c == '}' {
            out.push((Tok::Close, col(b)));
            i += 1;
        } else if c == '"' {
            let start = i;
            i += 1;
            let mut s = String::new();
            while i < chars.len() && chars[i].1 != '"' {
                s.push(chars[i].1);
                i += 1;
            }
            if i >= chars.len() {
                return (
                    out,
                    Some((col(chars[start].0), "unterminated quoted string".into())),
                );
            }
            i += 1;
            out.push((Tok::Word(s), col(chars[start].0)));
        } else {
            let start = b;
            let mut s = String::new();
            while i < chars.len() {
                let c = chars[i].1;
                if c.is_whitespace() || c == '{' || c == '}' || c == '#' || c == '!' || c == '"' {
                    break;
                }
                s.push(c);
                i += 1;
            }
            out.push((Tok::Word(s), col(start)));
        }
    }
    (out, None)
}

/// Does `node` hold an `include`, at any depth?
fn includes(node: &Node) -> bool {
    node.block
        .iter()
        .flatten()
        .any(|n| n.key == "include" || includes(n))
}

/// `node` holding no spare capacity. The tree of a file with a thousand real servers is
/// six thousand nodes, most with one word and a block or two: vectors grown a push at a
/// time would hold it twice over (the reader's peak memory, which a checker keeps as
/// its high-water mark).
fn fitted(mut node: Node) -> Node {
    node.args.shrink_to_fit();
    node.arg_locs.shrink_to_fit();
    if let Some(b) = &mut node.block {
        b.shrink_to_fit();
    }
    node
}

/// Parse text (from `file`) into nodes; `include` is left as a node.
pub fn parse_text(text: &str, file: &Arc<Path>, diags: &mut Vec<Diag>) -> Vec<Node> {
    parse_lines(text.lines(), file, diags, &mut |n, _| n)
}

/// [`parse_text`] a line at a time: a file is read as it is parsed, not held whole
/// beside its tree.
fn parse_lines<S: AsRef<str>>(
    lines: impl Iterator<Item = S>,
    file: &Arc<Path>,
    diags: &mut Vec<Diag>,
    hook: Hook,
) -> Vec<Node> {
    // The stack of open blocks: the node that opened it and what it holds so far.
    let mut stack: Vec<(Node, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let loc = |line: usize, col: usize| Loc {
        file: file.clone(),
        line: line as u32,
        col: col as u32,
    };
    for (n, line) in lines.enumerate() {
        let (toks, err) = tokens(line.as_ref());
        if let Some((c, m)) = err {
            diags.push(Diag {
                level: Level::Error,
                loc: loc(n + 1, c),
                msg: m,
            });
        }
        let mut cur: Option<Node> = None;
        for (t, c) in toks {
            let children = match stack.last_mut() {
                Some((_, ch)) => ch,
                None => &mut top,
            };
            match t {
                Tok::Word(w) => match &mut cur {
                    Some(node) => {
                        node.args.push(w.into());
                        node.arg_locs.push(loc(n + 1, c));
                    }
                    None => {
                        cur = Some(Node {
                            key: w.into(),
                            args: vec![],
                            arg_locs: vec![],
                            block: None,
                            loc: loc(n + 1, c),
                            read: None,
                        })
                    }
                },
                Tok::Open => {
                    let opener = match cur.take() {
                        Some(node) => Some(node),
                        // `{` on the line after its keyword.
                        None => match children.last() {
                            Some(last) if last.block.is_none() => children.pop(),
                            _ => None,
                        },
                    };
                    match opener {
                        Some(node) => stack.push((node, Vec::new())),
                        None => diags.push(Diag {
                            level: Level::Error,
                            loc: loc(n + 1, c),
                            msg: "\"{\" without a keyword before it".into(),
                        }),
                    }
                }
                Tok::Close => {
                    if let Some(node) = cur.take() {
                        children.push(fitted(node));
                    }
                    match stack.pop() {
                        Some((mut node, ch)) => {
                            node.block = Some(ch);
                            let node = fitted(node);
                            // A real server of a top-level virtual server, unless an
                            // include in it is still to be spliced in.
                            let read = stack.len() == 1
                                && node.key == "real_server"
                                && stack[0].0.key == "virtual_server"
                                && !includes(&node);
                            match stack.last_mut() {
                                Some((_, ch)) if read => ch.push(hook(node, diags)),
                                Some((_, ch)) => ch.push(node),
                                None => top.push(node),
                            }
                        }
                        None => diags.push(Diag {
                            level: Level::Error,
                            loc: loc(n + 1, c),
                            msg: "unbalanced \"}\": no block is open here".into(),
                        }),
                    }
                }
            }
        }
        if let Some(node) = cur {
            let node = fitted(node);
            match stack.last_mut() {
                Some((_, ch)) => ch.push(node),
                None => top.push(node),
            }
        }
    }
    while let Some((mut node, ch)) = stack.pop() {
        diags.push(Diag {
            level: Level::Error,
            loc: node.loc.clone(),
            msg: format!("block \"{}\" is not closed (missing \"}}\")", node.key),
        });
        node.block = Some(ch);
        let node = fitted(node);
        match stack.last_mut() {
            Some((_, c)) => c.push(node),
            None => top.push(node),
        }
    }
    top.shrink_to_fit();
    top
}

/// Parse a file and the files it includes (globs, relative to the including file's
/// directory), splicing them in place; each real server of a virtual server is handed to
/// `hook` when closed.
pub fn parse_file(path: &Path, diags: &mut Vec<Diag>, hook: Hook) -> Vec<Node> {
    let mut chain = Vec::new();
    parse_into(path, None, &mut chain, diags, hook)
}

fn parse_into(
    path: &Path,
    from: Option<&Loc>,
    chain: &mut Vec<PathBuf>,
    diags: &mut Vec<Diag>,
    hook: Hook,
) -> Vec<Node> {
    let canon = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let here = |msg: String| Diag {
        level: Level::Error,
        loc: from.cloned().unwrap_or(Loc {
            file: Arc::from(path),
            line: 0,
            col: 0,
        }),
        msg,
    };
    let unreadable = |e: std::io::Error| {
        here(format!(
            "cannot read {}: {}",
            path.display(),
            crate::error::errno_text(e.raw_os_error().unwrap_or(0))
        ))
    };
    if chain.contains(&canon) {
        diags.push(here(format!(
            "include loop: {} includes itself (through {})",
            path.display(),
            chain
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" -> ")
        )));
        return vec![];
    }
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            diags.push(unreadable(e));
            return vec![];
        }
    };
    chain.push(canon);
    let file: Arc<Path> = Arc::from(path);
    // The lines without their "\n" (or "\r\n"), bytes that are not UTF-8 replaced; a read
    // error ends them and is reported.
    let mut failed = None;
    let lines = std::io::BufRead::split(std::io::BufReader::new(f), b'\n').map_while(|l| match l {
        Ok(mut l) => {
            if l.last() == Some(&b'\r') {
                l.pop();
            }
            Some(String::from_utf8_lossy(&l).into_owned())
        }
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    let nodes = parse_lines(lines, &file, diags, hook);
    if let Some(e) = failed {
        diags.push(unreadable(e));
    }
    let out = expand(nodes, path, chain, diags, hook);
    chain.pop();
    out
}

fn expand(
    nodes: Vec<Node>,
    path: &Path,
    chain: &mut Vec<PathBuf>,
    diags: &mut Vec<Diag>,
    hook: Hook,
) -> Vec<Node> {
    // Most levels include nothing: their nodes stay where they are (a thousand real
    // servers are not copied into a new list level by level).
    if !nodes.iter().any(|n| n.key == "include") {
        let mut nodes = nodes;
        for n in &mut nodes {
            if let Some(b) = n.block.take() {
                n.block = Some(expand(b, path, chain, diags, hook));
            }
        }
        return nodes;
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::with_capacity(nodes.len());
    for mut n in nodes {
        if n.key == "include" {
            if n.args.is_empty() {
                diags.push(Diag {
                    level: Level::Error,
                    loc: n.loc.clone(),
                    msg: "include needs a file or a glob".into(),
                });
                continue;
            }
            for pat in &n.args {
                let full = if Path::new(pat).is_absolute() {
                    PathBuf::from(pat)
                } else {
                    dir.join(pat)
                };
                let is_glob = pat.contains(['*', '?', '[']);
                let matches: Vec<PathBuf> = match glob::glob(&full.to_string_lossy()) {
                    Ok(g) => g.flatten().collect(),
                    Err(e) => {
                        diags.push(Diag {
                            level: Level::Error,
                            loc: n.loc.clone(),
                            msg: format!("include {pat}: {e}"),
                        });
                        continue;
                    }
                };
                if matches.is_empty() && !is_glob {
                    diags.push(Diag {
                        level: Level::Error,
                        loc: n.loc.clone(),
                        msg: format!("include {pat}: no such file ({})", full.display()),
                    });
                }
                for m in matches {
                    out.extend(parse_into(&m, Some(&n.loc), chain, diags, hook));
                }
            }
            continue;
        }
        if let Some(b) = n.block.take() {
            n.block = Some(expand(b, path, chain, diags, hook));
        }
        out.push(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> (Vec<Node>, Vec<Diag>) {
        let mut d = Vec::new();
        let f: Arc<Path> = Arc::from(Path::new("k.conf"));
        let n = parse_text(t, &f, &mut d);
        (n, d)
    }

    #[test]
    fn the_tree_holds_no_spare_room() {
        fn walk(n: &Node, seen: &mut usize) {
            *seen += 1;
            assert_eq!(n.args.capacity(), n.args.len(), "{}", n.key);
            assert_eq!(n.arg_locs.capacity(), n.arg_locs.len(), "{}", n.key);
            // Words up to 23 bytes are held in the node, not allocated.
            assert!(!n.key.is_heap_allocated(), "{}", n.key);
            assert!(n.args.iter().all(|a| !a.is_heap_allocated()), "{}", n.key);
            for c in n.block.iter().flatten() {
                walk(c, seen);
            }
            if let Some(b) = &n.block {
                assert_eq!(b.capacity(), b.len(), "{}", n.key);
            }
        }
        let (n, d) = parse(
            "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  HTTP_GET {\n   url {\n    path /index.html\n    status_code 200\n   }\n   connect_timeout 3\n  }\n }\n real_server 10.0.0.3 80\n {\n  TCP_CHECK {\n  }\n }\n}\nvrrp_instance V {\n unclosed {\n",
        );
        let mut seen = 0;
        n.iter().for_each(|x| walk(x, &mut seen));
        assert_eq!(seen, 11);
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn blocks_comments_and_quotes() {
        let (n, d) = parse(
            "! Configuration File\nglobal_defs {\n  router_id LVS_DEVEL # the id\n  notification_email_from a@b#c\n}\nvrrp_script chk {\n  script \"[ -e /x ] && exit 1 || exit 0\"\n}\nvirtual_ipaddress\n{\n 10.0.0.1/24 dev eth0 label eth0:0\n}\nauthentication { auth_type PASS }\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(n.len(), 4);
        let g = n[0].block.as_ref().unwrap();
        assert_eq!(g[0].key, "router_id");
        assert_eq!(g[0].args, ["LVS_DEVEL"]);
        assert_eq!(g[1].args, ["a@b"], "# ends a word");
        assert_eq!(
            n[1].block.as_ref().unwrap()[0].args,
            ["[ -e /x ] && exit 1 || exit 0"]
        );
        assert_eq!(n[2].key, "virtual_ipaddress", "{{ on the next line");
        assert_eq!(
            n[2].block.as_ref().unwrap()[0].args,
            ["dev", "eth0", "label", "eth0:0"]
        );
        assert_eq!(n[3].block.as_ref().unwrap()[0].args, ["PASS"]);
        assert_eq!((n[1].loc.line, n[1].loc.col), (6, 1));
        assert_eq!(g[0].at(0).col, 13);
    }

    #[test]
    fn unbalanced_braces_are_all_reported() {
        let (_, d) = parse("a {\n b {\n}\n}\n}\nc {\n");
        let msgs: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].starts_with("k.conf:5:1: error: unbalanced"),
            "{msgs:?}"
        );
        assert!(
            msgs[1].starts_with("k.conf:6:1: error: block \"c\" is not closed"),
            "{msgs:?}"
        );
        let (_, d) = parse("script \"never closed\n");
        assert!(d[0].msg.contains("unterminated"));
    }
}
