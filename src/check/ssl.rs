//! SSL_GET: the HTTP check over TLS (rustls with the ring provider). As keepalived does
//! by default, the server's certificate is not verified unless a CA is given; SNI and a
//! client certificate are optional.

use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{
    ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore, SignatureScheme,
    StreamOwned,
};

use super::http::{exchange, judge, url, HttpCheck, Response};
use super::{connect, io_reason, Try};
use crate::error::{Error, Result};

/// TLS options of a check.
#[derive(Debug, Clone, Default)]
pub struct Tls {
    /// Server name to send (SNI) and, with a CA, to verify.
    pub sni: Option<String>,
    /// Verify the server against these CA certificates (PEM); none: no verification.
    pub ca: Option<std::path::PathBuf>,
    /// Client certificate chain and key (PEM).
    pub cert: Option<std::path::PathBuf>,
    pub key: Option<std::path::PathBuf>,
}

/// Accepts any certificate, still checking the handshake signatures.
#[derive(Debug)]
struct NoVerify(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

fn pem_err(what: &str, p: &Path, e: impl std::fmt::Display) -> Error {
    Error::invalid(format!("{what} {}: {e}", p.display()))
}

/// Build the client configuration (done once per check, before any try).
pub fn config(t: &Tls) -> Result<Arc<ClientConfig>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Failed(format!("TLS setup: {e}")))?;
    let builder = match &t.ca {
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for c in CertificateDer::pem_file_iter(ca).map_err(|e| pem_err("--ca", ca, e))? {
                let c = c.map_err(|e| pem_err("--ca", ca, e))?;
                roots.add(c).map_err(|e| pem_err("--ca", ca, e))?;
            }
            if roots.is_empty() {
                return Err(Error::invalid(format!(
                    "--ca {}: no certificate in it",
                    ca.display()
                )));
            }
            builder.with_root_certificates(roots)
        }
        None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(provider))),
    };
    let cfg = match (&t.cert, &t.key) {
        (Some(cert), Some(key)) => {
            let chain = CertificateDer::pem_file_iter(cert)
                .map_err(|e| pem_err("--cert", cert, e))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| pem_err("--cert", cert, e))?;
            let k = PrivateKeyDer::from_pem_file(key).map_err(|e| pem_err("--key", key, e))?;
            builder
                .with_client_auth_cert(chain, k)
                .map_err(|e| Error::invalid(format!("client certificate: {e}")))?
        }
        (None, None) => builder.with_no_client_auth(),
        _ => return Err(Error::invalid("--cert and --key go together")),
    };
    Ok(Arc::new(cfg))
}

/// Fetch the page over TLS.
pub fn fetch(
    c: &HttpCheck,
    t: &Tls,
    cfg: &Arc<ClientConfig>,
    timeout: Duration,
) -> std::result::Result<Response, String> {
    let what = format!("GET {}", url(c, "https"));
    let name = match &t.sni {
        Some(n) => ServerName::try_from(n.clone()).map_err(|e| format!("{what}: SNI {n}: {e}"))?,
        None => ServerName::IpAddress(c.addr.ip().into()),
    };
    let tcp = connect(c.addr, c.bindto, timeout).map_err(|e| io_reason(&what, &e))?;
    let conn = ClientConnection::new(cfg.clone(), name).map_err(|e| format!("{what}: {e}"))?;
    let mut tls = StreamOwned::new(conn, tcp);
    exchange(
        &mut tls,
        c,
        timeout,
        &what,
        |s: &mut StreamOwned<ClientConnection, TcpStream>, left| {
            let _ = s.sock.set_read_timeout(Some(left));
        },
    )
    .map_err(|e| e.replace("invalid peer certificate: ", "certificate rejected: "))
}

/// One try of an SSL check.
pub fn try_once(c: &HttpCheck, t: &Tls, cfg: &Arc<ClientConfig>, timeout: Duration) -> Try {
    let r = fetch(c, t, cfg, timeout)?;
    judge(c, &r, &url(c, "https"))
}
