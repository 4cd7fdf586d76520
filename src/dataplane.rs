//! Which data plane a command drives: the kernel's IPVS, hakit's nftables tables, or
//! whichever this kernel has (IPVS where it exists, nftables otherwise). The one place that
//! knows every data plane; `lb` and `conf` only see [`DataPlane`].

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::ipvs::Ipvs;
use crate::nft::Nft;
use crate::service::DataPlane;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    Ipvs,
    Nft,
    /// IPVS where the kernel has it, nftables otherwise.
    #[default]
    Auto,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Ipvs => "ipvs",
            Kind::Nft => "nft",
            Kind::Auto => "auto",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Kind> {
        match s {
            "ipvs" => Ok(Kind::Ipvs),
            "nft" => Ok(Kind::Nft),
            "auto" => Ok(Kind::Auto),
            _ => Err(Error::invalid(format!(
                "data plane \"{s}\": ipvs, nft or auto"
            ))),
        }
    }
}

/// Refuse, before anything is applied, a service (with its destinations) that data plane
/// `kind` cannot carry. IPVS carries all; `auto`, not resolved (a plan for any kernel),
/// is not checked.
pub fn carries(
    kind: Kind,
    s: &crate::service::Service,
    dests: &[crate::service::Dest],
) -> Result<()> {
    match kind {
        Kind::Nft => crate::nft::carries(s, dests),
        Kind::Ipvs | Kind::Auto => Ok(()),
    }
}

/// The data plane `kind` stands for on this kernel: `auto` is IPVS where the kernel has
/// it, nftables otherwise (said in the debug log); the others as they are.
pub fn resolve(kind: Kind) -> Kind {
    match kind {
        Kind::Auto => match Ipvs::open() {
            Ok(_) => {
                log::debug!("data plane: IPVS (the kernel has it)");
                Kind::Ipvs
            }
            Err(e) => {
                log::debug!("data plane: nftables ({e})");
                Kind::Nft
            }
        },
        k => k,
    }
}

/// The scheduler of a service that names none: ipvsadm's wlc on IPVS, wrr on nftables
/// (which keeps no connection counts to weigh).
pub fn default_scheduler(kind: Kind) -> &'static str {
    if kind == Kind::Nft {
        "wrr"
    } else {
        "wlc"
    }
}

/// Open the data plane `kind` names (`auto`: [`resolve`]).
pub fn open(kind: Kind) -> Result<Box<dyn DataPlane>> {
    Ok(match resolve(kind) {
        Kind::Nft => Box::new(Nft::open(false)?),
        _ => Box::new(Ipvs::open()?),
    })
}

/// Which data plane `dp` is.
pub fn kind_of(dp: &dyn DataPlane) -> Kind {
    if dp.name() == Nft::NAME {
        Kind::Nft
    } else {
        Kind::Ipvs
    }
}
