//! The multi-call entry: `hakit GROUP ...`, `hakit-GROUP ...` (symlink) and, later,
//! `ipvsadm ...`. Everything else is in the library.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(hakit::cli::main_with_args(std::env::args_os().collect()))
}
