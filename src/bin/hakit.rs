//! The multi-call entry: `hakit GROUP ...`, `hakit-GROUP ...` (a symlink) and `ipvsadm ...`
//! (the ipvsadm personality), dispatched by `cli::main_with_args`. Everything else is in
//! the library.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(hakit::cli::main_with_args(std::env::args_os().collect()))
}
