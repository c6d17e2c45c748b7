//! One HTTP client for feeds and pages, built so that no server can make it
//! hang, fill memory, or send it somewhere it should not go.
//!
//! Redirects are followed here rather than by ureq so that every hop is
//! checked: only http and https, at most [`HttpOptions::max_redirects`], and a
//! public host can never bounce a request onto a private or loopback address
//! (a feed on the open web must not be able to probe the reader's own network).
//! Private addresses are fine when the user asked for them directly: people run
//! their own feed servers. Each hop's host is looked up once, and the
//! addresses checked are the ones connected to ([`super::pinned`]).

use std::fmt;
use std::io::ErrorKind as IoKind;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use ureq::http::{HeaderMap, StatusCode};
use url::Url;

pub use super::address::is_private;
use super::pinned::{Lookup, Pin, PinnedResolver};

/// Limits and identity of the client.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// DNS and TCP/TLS connection setup.
    pub connect_timeout: Duration,
    /// Longest wait for any single read (a server that stops sending).
    pub read_timeout: Duration,
    /// Longest time for one response, headers and body (a server that drips).
    pub response_timeout: Duration,
    /// Most bytes accepted for a body, counted after decompression, so it
    /// caps gzip bombs as well as plain huge bodies.
    pub max_body_bytes: u64,
    /// Most redirects followed for one request.
    pub max_redirects: u32,
    /// Use `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY`.
    pub proxy_from_env: bool,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            response_timeout: Duration::from_secs(60),
            max_body_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
            proxy_from_env: true,
        }
    }
}

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!("newsreader/", env!("CARGO_PKG_VERSION"));

/// Validators from the last successful fetch, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where the body came from, after redirects.
    pub url: Url,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// The response's validators, for the next conditional GET.
    pub validators: Validators,
}

/// What a GET gave.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// 304: the copy from last time is current.
    NotModified,
    Page(Page),
}

/// Why a request failed, in words a reader understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    BadUrl(String),
    /// Not http or https (also when a redirect pointed there).
    Scheme(String),
    HostNotFound,
    Refused,
    Timeout,
    /// An HTTP error status.
    Status(u16),
    /// The body is larger than the cap (bytes, after decompression).
    TooLarge(u64),
    TooManyRedirects(u32),
    /// A public host redirected to a private or loopback address.
    RedirectToPrivate(String),
    Tls(String),
    Other(String),
}

/// A failed request: what went wrong where, and how long the server asked us
/// to wait before trying again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    pub kind: ErrorKind,
    /// From `Retry-After` on 429 and 503.
    pub retry_after: Option<Duration>,
}

impl HttpError {
    fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            retry_after: None,
        }
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::BadUrl(why) => write!(f, "not a valid URL: {why}"),
            ErrorKind::Scheme(scheme) => {
                write!(f, "only http and https are fetched, not {scheme}:")
            }
            ErrorKind::HostNotFound => f.write_str("host not found"),
            ErrorKind::Refused => f.write_str("connection refused"),
            ErrorKind::Timeout => f.write_str("timed out"),
            ErrorKind::Status(code) => {
                let reason = StatusCode::from_u16(*code)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                write!(f, "HTTP {code} {reason}")?;
                if let Some(wait) = self.retry_after {
                    write!(f, " (retry after {} s)", wait.as_secs())?;
                }
                Ok(())
            }
            ErrorKind::TooLarge(cap) => {
                write!(f, "response larger than {} MB", cap / (1024 * 1024))
            }
            ErrorKind::TooManyRedirects(max) => write!(f, "more than {max} redirects"),
            ErrorKind::RedirectToPrivate(host) => {
                write!(f, "redirect to a private address refused ({host})")
            }
            ErrorKind::Tls(why) => write!(f, "TLS: {why}"),
            ErrorKind::Other(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for HttpError {}

/// A blocking client; cheap to clone and share between threads.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    options: HttpOptions,
    lookup: Lookup,
}

impl Default for Client {
    fn default() -> Self {
        Self::new(HttpOptions::default())
    }
}

/// Feeds first, then pages, then anything (a feed served as text/plain).
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
    application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

impl Client {
    pub fn new(options: HttpOptions) -> Self {
        Self::with_lookup(options, Lookup::system())
    }

    /// A client that looks host names up with `lookup` (tests answer with
    /// addresses on 127.0.0.1; see [`Lookup`]).
    pub fn with_lookup(options: HttpOptions, lookup: Lookup) -> Self {
        let proxy = if options.proxy_from_env {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        let config = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .accept(ACCEPT)
            .proxy(proxy)
            .timeout_connect(Some(options.connect_timeout))
            .timeout_resolve(Some(options.connect_timeout))
            .timeout_per_read(Some(options.read_timeout))
            .timeout_per_call(Some(options.response_timeout))
            .max_idle_connections_per_host(2)
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::new(),
            PinnedResolver::default(),
        );
        Self {
            agent,
            options,
            lookup,
        }
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// GETs `url`, following redirects, with a conditional GET when
    /// `validators` has any.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, HttpError> {
        let mut url = parse_url(url)?;
        // Whether the previous hop was a public host: then no hop after it may
        // reach a private address.
        let mut came_from_public = false;
        for hop in 0..=self.options.max_redirects {
            let host = url.host_str().unwrap_or_default().to_string();
            let port = url.port_or_known_default().unwrap_or(80);
            let addresses = self.resolve(&url, port);
            let ips: Vec<IpAddr> = addresses.iter().map(SocketAddr::ip).collect();
            let after_public = came_from_public;
            came_from_public = next_hop(came_from_public, &ips)
                .ok_or_else(|| HttpError::new(ErrorKind::RedirectToPrivate(host.clone())))?;
            // The connection goes to these very addresses.
            let pin = Pin::new(&host, port, addresses, after_public);
            let mut request = self.agent.get(url.as_str());
            // Validators belong to the URL they came with, not to a redirect target.
            if hop == 0 {
                if let Some(etag) = &validators.etag {
                    request = request.header("If-None-Match", etag);
                }
                if let Some(date) = &validators.last_modified {
                    request = request.header("If-Modified-Since", date);
                }
            }
            let mut response = request.call().map_err(|err| {
                if pin.refused() {
                    HttpError::new(ErrorKind::RedirectToPrivate(host.clone()))
                } else {
                    from_ureq(err)
                }
            })?;
            let status = response.status().as_u16();
            if (300..400).contains(&status) && status != 304 {
                let location = header(response.headers(), "location").ok_or_else(|| {
                    HttpError::new(ErrorKind::Other(format!(
                        "HTTP {status} without a Location"
                    )))
                })?;
                url = url
                    .join(&location)
                    .map_err(|err| HttpError::new(ErrorKind::BadUrl(err.to_string())))?;
                check_scheme(&url)?;
                continue;
            }
            if status == 304 {
                return Ok(Fetched::NotModified);
            }
            if status >= 400 {
                return Err(HttpError {
                    kind: ErrorKind::Status(status),
                    retry_after: retry_after(response.headers()),
                });
            }
            let cap = self.options.max_body_bytes;
            if response
                .body()
                .content_length()
                .is_some_and(|len| len > cap)
            {
                return Err(HttpError::new(ErrorKind::TooLarge(cap)));
            }
            let headers = response.headers().clone();
            let body = response
                .body_mut()
                .with_config()
                .limit(cap)
                .read_to_vec()
                .map_err(from_ureq)?;
            return Ok(Fetched::Page(Page {
                url,
                content_type: header(&headers, "content-type"),
                body,
                validators: Validators {
                    etag: header(&headers, "etag"),
                    last_modified: header(&headers, "last-modified"),
                },
            }));
        }
        Err(HttpError::new(ErrorKind::TooManyRedirects(
            self.options.max_redirects,
        )))
    }
}

/// Parses a URL the user or a feed gave, accepting only http and https.
pub fn parse_url(text: &str) -> Result<Url, HttpError> {
    let url = Url::parse(text.trim())
        .map_err(|err| HttpError::new(ErrorKind::BadUrl(err.to_string())))?;
    check_scheme(&url)?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(HttpError::new(ErrorKind::BadUrl("no host".into())));
    }
    Ok(url)
}

fn check_scheme(url: &Url) -> Result<(), HttpError> {
    match url.scheme() {
        "http" | "https" => Ok(()),
        other => Err(HttpError::new(ErrorKind::Scheme(other.to_string()))),
    }
}

impl Client {
    /// The host's addresses with `port`; empty when it does not resolve here
    /// (it may still resolve through a proxy).
    fn resolve(&self, url: &Url, port: u16) -> Vec<SocketAddr> {
        match url.host() {
            None => Vec::new(),
            Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
            Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
            Some(url::Host::Domain(name)) => self.lookup.addresses(name, port),
        }
    }
}

/// Whether a request may go to a host with `addresses`, given whether an
/// earlier hop was public: None when it may not; else whether the chain has
/// now passed a public host.
fn next_hop(came_from_public: bool, addresses: &[IpAddr]) -> Option<bool> {
    let private = addresses.iter().any(|ip| is_private(*ip));
    if came_from_public && private {
        return None;
    }
    Some(came_from_public || (!addresses.is_empty() && !private))
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// `Retry-After` as seconds or an HTTP date, capped at a day.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = header(headers, "retry-after")?;
    let value = value.trim();
    let seconds = if let Ok(secs) = value.parse::<u64>() {
        secs
    } else {
        let when = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
        let now = jiff::Timestamp::now();
        u64::try_from(when.as_second() - now.as_second()).unwrap_or(0)
    };
    Some(Duration::from_secs(seconds.min(24 * 3600)))
}

fn from_ureq(err: ureq::Error) -> HttpError {
    let kind = match err {
        ureq::Error::BodyExceedsLimit(cap) => ErrorKind::TooLarge(cap),
        ureq::Error::Timeout(_) => ErrorKind::Timeout,
        ureq::Error::HostNotFound => ErrorKind::HostNotFound,
        ureq::Error::ConnectionFailed => ErrorKind::Refused,
        ureq::Error::TooManyRedirects => ErrorKind::TooManyRedirects(0),
        ureq::Error::BadUri(why) => ErrorKind::BadUrl(why),
        ureq::Error::Tls(why) => ErrorKind::Tls(why.to_string()),
        ureq::Error::Io(io) => match io.kind() {
            IoKind::ConnectionRefused => ErrorKind::Refused,
            IoKind::TimedOut | IoKind::WouldBlock => ErrorKind::Timeout,
            IoKind::NotFound => ErrorKind::HostNotFound,
            _ => ErrorKind::Other(io.to_string()),
        },
        other => ErrorKind::Other(other.to_string()),
    };
    HttpError::new(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_accepted() {
        assert!(parse_url("https://example.org/feed").is_ok());
        assert!(parse_url("http://example.org/feed").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://example.org/",
            "gopher://x/",
            "data:text/plain,hi",
        ] {
            let err = parse_url(bad).unwrap_err();
            assert!(matches!(err.kind, ErrorKind::Scheme(_)), "{bad}: {err}");
        }
        assert!(matches!(
            parse_url("not a url").unwrap_err().kind,
            ErrorKind::BadUrl(_)
        ));
    }

    #[test]
    fn private_addresses_are_recognised() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_private(private.parse().unwrap()), "{private}");
        }
        for public in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"] {
            assert!(!is_private(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn a_public_host_never_leads_to_a_private_address() {
        let ip = |s: &str| -> IpAddr { s.parse().unwrap() };
        // Asked for directly, a private address is fine (one's own feed server).
        assert_eq!(next_hop(false, &[ip("127.0.0.1")]), Some(false));
        assert_eq!(next_hop(false, &[ip("192.168.1.5")]), Some(false));
        // From private to public and on to public is fine.
        assert_eq!(next_hop(false, &[ip("8.8.8.8")]), Some(true));
        assert_eq!(next_hop(true, &[ip("1.1.1.1")]), Some(true));
        // Once a public host was on the way, no private address.
        assert_eq!(next_hop(true, &[ip("127.0.0.1")]), None);
        assert_eq!(next_hop(true, &[ip("1.1.1.1"), ip("10.0.0.1")]), None);
        assert_eq!(next_hop(true, &[ip("::ffff:169.254.169.254")]), None);
    }

    #[test]
    fn errors_read_as_one_clear_line() {
        let err = HttpError {
            kind: ErrorKind::Status(503),
            retry_after: Some(Duration::from_secs(120)),
        };
        assert_eq!(
            err.to_string(),
            "HTTP 503 Service Unavailable (retry after 120 s)"
        );
        assert_eq!(
            HttpError::new(ErrorKind::TooLarge(20 * 1024 * 1024)).to_string(),
            "response larger than 20 MB"
        );
    }
}
