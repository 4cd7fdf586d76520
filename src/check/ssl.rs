//! SSL_GET: the HTTP check over TLS (rustls with the ring provider). As keepalived does
//! by default, the server's certificate is not verified unless a CA is given; SNI and a
//! client certificate are optional.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::http::{exchange, judge, url, what, HttpCheck, Response};
use super::{connect, io_reason, Try};
use crate::error::{Error, Result};

/// TLS options of a check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// A ready TLS client: the configuration and the name to present.
#[derive(Clone)]
pub struct TlsClient {
    pub config: Arc<ClientConfig>,
    /// SNI (and, with a CA, the name verified); none: the server's IP address.
    pub sni: Option<ServerName<'static>>,
    /// The options it was built from.
    pub spec: Tls,
}

impl std::fmt::Debug for TlsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsClient")
            .field("sni", &self.sni)
            .field("spec", &self.spec)
            .finish()
    }
}

impl TlsClient {
    /// Build the client for these options (once per check, before any try).
    pub fn new(t: &Tls) -> Result<TlsClient> {
        let sni = match &t.sni {
            Some(n) => Some(
                ServerName::try_from(n.clone())
                    .map_err(|e| Error::invalid(format!("--sni {n}: {e}")))?,
            ),
            None => None,
        };
        Ok(TlsClient {
            config: config(t)?,
            sni,
            spec: t.clone(),
        })
    }
}

/// Fetch the page over TLS.
pub async fn fetch(
    c: &HttpCheck,
    t: &TlsClient,
    timeout: Duration,
) -> std::result::Result<Response, String> {
    let what = what(c, "https");
    let name = t
        .sni
        .clone()
        .unwrap_or_else(|| ServerName::IpAddress(c.addr.ip().into()));
    let tcp = connect(c.addr, c.bindto, timeout)
        .await
        .map_err(|e| io_reason(&what, &e))?;
    let connector = tokio_rustls::TlsConnector::from(t.config.clone());
    let handshake = tokio::time::timeout(timeout, connector.connect(name, tcp)).await;
    let mut tls = match handshake {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return Err(tls_reason(&what, &e)),
        Err(_) => {
            return Err(format!(
                "{what}: TLS handshake timed out after {}s",
                timeout.as_secs_f64()
            ))
        }
    };
    exchange(&mut tls, c, timeout, &what)
        .await
        .map_err(|e| e.replace("invalid peer certificate: ", "certificate rejected: "))
}

fn tls_reason(what: &str, e: &std::io::Error) -> String {
    match e.get_ref() {
        Some(inner) => format!("{what}: {inner}"),
        None => io_reason(what, e),
    }
    .replace("invalid peer certificate: ", "certificate rejected: ")
}

/// One try of an SSL check.
pub async fn try_once(c: &HttpCheck, t: &TlsClient, timeout: Duration) -> Try {
    let r = fetch(c, t, timeout).await?;
    judge(c, &r, &url(c, "https"))
}
