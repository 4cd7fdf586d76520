//! The one module with `unsafe` code, kept small so it can be read at a glance.
//!
//! - socket2 builds IPv4/IPv6/Unix socket addresses safely but has no constructor for a
//!   link-layer `sockaddr_ll`, which sending a raw frame to an interface needs.
//! - [`trim_heap`]: glibc's `malloc_trim`, which gives the pages of freed memory back to
//!   the kernel (Rust's allocator has no such call).
//! - [`pow`]: the C math library's one function that hakit's dependencies call, defined
//!   here so that no hakit process maps that library.
//! - [`Nftables`]: libnftables, the library behind the `nft` program, called in-process
//!   so that its netlink socket outlives a transaction (see there why that matters).

use socket2::SockAddr;

/// The link-layer address of interface `ifindex` for `sendto` on an `AF_PACKET` socket:
/// the frame goes out there as it is, `ethertype` naming its protocol (network order is
/// applied here). Binding is not needed, so the socket taps no traffic.
pub fn packet_addr(ifindex: u32, ethertype: u16) -> std::io::Result<SockAddr> {
    // SAFETY: `try_init` hands us a zeroed `sockaddr_storage`, which is larger than and
    // aligned for `sockaddr_ll`; we write only fields of a `sockaddr_ll` at its start and
    // report exactly that length, as the contract of `try_init` requires.
    let ((), addr) = unsafe {
        SockAddr::try_init(|storage, len| {
            let ll = storage.cast::<libc::sockaddr_ll>();
            (*ll).sll_family = libc::AF_PACKET as libc::sa_family_t;
            (*ll).sll_protocol = ethertype.to_be();
            (*ll).sll_ifindex = i32::try_from(ifindex)
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
            *len = std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t;
            Ok(())
        })
    }?;
    Ok(addr)
}

/// Give the kernel back the whole free pages of the C heap and its thread arenas. Setting
/// up a thousand VRRP instances on worker threads leaves megabytes of freed netlink
/// buffers in the middle of the arenas, where the heap's own trimming (from its top only)
/// never reaches. A no-op where the C library is not glibc.
pub fn trim_heap() {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim takes a plain integer, touches only the allocator's own state
    // under its locks, and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// `pow(3)` for the one caller among hakit's dependencies (indicatif's rate estimate),
/// computed by the libm crate. With no other function of the C math library used, the
/// binary's definition takes the place of libm's and libm.so is not needed: every hakit
/// process kept about 300 KB of it resident (64 KiB mapped around each page the dynamic
/// loader read to look symbols up in it), for a function the daemons never call.
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// A libnftables context (`nft_ctx`), loaded from the nftables package's
/// `libnftables.so.1` at run time, so nothing is needed to build hakit and a system
/// without the library still has the `nft` program.
///
/// Why in-process: the kernel releases what a transaction deleted after an RCU grace
/// period, and a process that closes its nf_tables socket waits for that (10 to 30 ms
/// here). One `nft` run per change pays it every time; a context kept open does not, and
/// its transactions are the same libnftables JSON (or nft syntax) as the program's.
pub struct Nftables {
    ctx: std::ptr::NonNull<libc::c_void>,
    run: unsafe extern "C" fn(*mut libc::c_void, *const libc::c_char) -> libc::c_int,
    output: unsafe extern "C" fn(*mut libc::c_void) -> *const libc::c_char,
    error: unsafe extern "C" fn(*mut libc::c_void) -> *const libc::c_char,
    free: unsafe extern "C" fn(*mut libc::c_void),
    // Last: the functions above live as long as the library is loaded.
    _lib: libloading::Library,
}

// SAFETY: the context is owned by this value and used through `&mut self` only, so by
// one thread at a time; libnftables keeps no thread-local state.
unsafe impl Send for Nftables {}

/// libnftables' `NFT_CTX_OUTPUT_JSON`: read JSON input (nft syntax is still understood,
/// as the program does with `-j`) and write JSON output.
const NFT_CTX_OUTPUT_JSON: libc::c_uint = 1 << 4;

impl Nftables {
    /// Load the library and make a context whose output and errors are buffered.
    pub fn open() -> Result<Nftables, String> {
        // SAFETY: loading libnftables runs no initialisers with preconditions; each
        // symbol is looked up with the signature libnftables.h declares for it, and the
        // function pointers copied out live as long as the library, which `_lib` keeps.
        unsafe {
            let lib = libloading::Library::new("libnftables.so.1").map_err(|e| e.to_string())?;
            /// # Safety
            /// T must be the symbol's declared function type.
            unsafe fn get<T: Copy>(lib: &libloading::Library, name: &[u8]) -> Result<T, String> {
                // SAFETY: the caller's promise.
                unsafe { lib.get::<T>(name) }
                    .map(|s| *s)
                    .map_err(|e| e.to_string())
            }
            type Ctx = *mut libc::c_void;
            let new: unsafe extern "C" fn(u32) -> Ctx = get(&lib, b"nft_ctx_new\0")?;
            let flags: unsafe extern "C" fn(Ctx, libc::c_uint) =
                get(&lib, b"nft_ctx_output_set_flags\0")?;
            let buffer_out: unsafe extern "C" fn(Ctx) -> libc::c_int =
                get(&lib, b"nft_ctx_buffer_output\0")?;
            let buffer_err: unsafe extern "C" fn(Ctx) -> libc::c_int =
                get(&lib, b"nft_ctx_buffer_error\0")?;
            let run = get(&lib, b"nft_run_cmd_from_buffer\0")?;
            let output = get(&lib, b"nft_ctx_get_output_buffer\0")?;
            let error = get(&lib, b"nft_ctx_get_error_buffer\0")?;
            let free: unsafe extern "C" fn(Ctx) = get(&lib, b"nft_ctx_free\0")?;
            let ctx = std::ptr::NonNull::new(new(0)).ok_or("nft_ctx_new failed")?;
            flags(ctx.as_ptr(), NFT_CTX_OUTPUT_JSON);
            if buffer_out(ctx.as_ptr()) != 0 || buffer_err(ctx.as_ptr()) != 0 {
                free(ctx.as_ptr());
                return Err("cannot buffer libnftables' output".into());
            }
            Ok(Nftables {
                ctx,
                run,
                output,
                error,
                free,
                _lib: lib,
            })
        }
    }

    /// Run one batch (JSON or nft syntax) as one transaction: its output, or what nft
    /// would have printed on its standard error.
    pub fn run(&mut self, input: &str) -> Result<String, String> {
        let input = std::ffi::CString::new(input).map_err(|_| "a NUL byte in the batch")?;
        let take = |p: *const libc::c_char| {
            if p.is_null() {
                String::new()
            } else {
                // SAFETY: libnftables returns a NUL-terminated buffer it owns until the
                // next call on this context; it is copied out at once.
                unsafe { std::ffi::CStr::from_ptr(p) }
                    .to_string_lossy()
                    .into_owned()
            }
        };
        // SAFETY: the context is live (freed only in Drop) and `input` outlives the call.
        let rc = unsafe { (self.run)(self.ctx.as_ptr(), input.as_ptr()) };
        // SAFETY: as above; each getter also rewinds its buffer for the next run.
        let (out, err) = unsafe {
            (
                take((self.output)(self.ctx.as_ptr())),
                take((self.error)(self.ctx.as_ptr())),
            )
        };
        if rc == 0 {
            Ok(out)
        } else {
            Err(err)
        }
    }
}

impl Drop for Nftables {
    fn drop(&mut self) {
        // SAFETY: the context was made by nft_ctx_new and is freed once, here.
        unsafe { (self.free)(self.ctx.as_ptr()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packet_address_is_a_sockaddr_ll_of_its_interface() {
        let a = packet_addr(7, 0x0806).unwrap();
        assert_eq!(a.family(), libc::AF_PACKET as libc::sa_family_t);
        assert_eq!(a.len() as usize, std::mem::size_of::<libc::sockaddr_ll>());
        assert!(a.as_socket().is_none());
        assert!(packet_addr(u32::MAX, 0x0806).is_err());
    }

    #[test]
    fn pow_is_the_c_librarys() {
        assert_eq!(pow(2.0, 10.0), 1024.0);
        assert_eq!(pow(10.0, -2.0), 0.01);
        assert_eq!(pow(0.0, 0.0), 1.0);
        assert!((pow(0.5, 0.5) - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-15);
        assert!(pow(-8.0, 1.0 / 3.0).is_nan());
        assert_eq!(pow(f64::INFINITY, -1.0), 0.0);
        // Through the same symbol as indicatif's calls (f64::powf lowers to `pow`).
        let (x, y) = (std::hint::black_box(1.5f64), std::hint::black_box(2.5f64));
        assert_eq!(x.powf(y), pow(1.5, 2.5));
    }
}
