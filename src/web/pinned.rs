//! One name lookup per request hop, used both for the address check and for
//! the connection, so a name cannot answer a public address to the check and
//! a private one to the connect (DNS rebinding).
//!
//! [`super::http::Client`] looks the host up itself ([`Lookup`]), checks the
//! addresses, and pins them for the calling thread while ureq makes the
//! request; ureq asks [`PinnedResolver`] for the host's addresses on that same
//! thread and gets the pinned ones. A lookup ureq makes for any other host
//! (none today) is resolved afresh and, after a public hop, refused when it
//! gives a private address.

use std::cell::RefCell;
use std::fmt;
use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

use super::address::is_private;

/// Looks a host name up: its addresses with `port`. The system's resolver by
/// default ([`Lookup::system`]); tests give their own, answering 127.0.0.1.
#[derive(Clone)]
pub struct Lookup(Arc<LookupFn>);

/// A host name and port to their addresses.
type LookupFn = dyn Fn(&str, u16) -> io::Result<Vec<SocketAddr>> + Send + Sync;

impl Lookup {
    /// A lookup from a function.
    pub fn new(
        lookup: impl Fn(&str, u16) -> io::Result<Vec<SocketAddr>> + Send + Sync + 'static,
    ) -> Self {
        Lookup(Arc::new(lookup))
    }

    /// The system's resolver (`getaddrinfo`).
    pub fn system() -> Self {
        Lookup::new(|host, port| Ok((host, port).to_socket_addrs()?.collect()))
    }

    /// The addresses of `host` (empty when it does not resolve here; it may
    /// still resolve through a proxy).
    pub fn addresses(&self, host: &str, port: u16) -> Vec<SocketAddr> {
        (self.0)(host, port).unwrap_or_default()
    }
}

impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lookup")
    }
}

/// The hop being requested on this thread.
struct Hop {
    /// As the URL writes it (`[::1]` for IPv6), which is how ureq asks.
    host: String,
    port: u16,
    /// The checked addresses, to connect to.
    pinned: Vec<SocketAddr>,
    /// An earlier hop was a public host: no private address from here on.
    after_public: bool,
    /// The resolver refused an address (set for the caller to report).
    refused: bool,
}

thread_local! {
    static HOP: RefCell<Option<Hop>> = const { RefCell::new(None) };
}

/// Pins a hop's checked addresses for the calling thread until dropped.
pub(super) struct Pin;

impl Pin {
    pub(super) fn new(host: &str, port: u16, pinned: Vec<SocketAddr>, after_public: bool) -> Pin {
        HOP.with(|hop| {
            *hop.borrow_mut() = Some(Hop {
                host: host.to_owned(),
                port,
                pinned,
                after_public,
                refused: false,
            });
        });
        Pin
    }

    /// Whether the resolver refused a private address during this hop.
    pub(super) fn refused(&self) -> bool {
        HOP.with(|hop| hop.borrow().as_ref().is_some_and(|h| h.refused))
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        HOP.with(|hop| *hop.borrow_mut() = None);
    }
}

/// ureq's resolver: the pinned addresses for the hop being requested.
#[derive(Debug, Default)]
pub(super) struct PinnedResolver {
    fallback: DefaultResolver,
}

impl Resolver for PinnedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default();
        let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
            Some("https") => 443,
            _ => 80,
        });
        HOP.with(|hop| {
            let mut hop = hop.borrow_mut();
            match hop.as_mut() {
                Some(h) if h.host == host && h.port == port && !h.pinned.is_empty() => {
                    let mut out = self.empty();
                    // ureq keeps at most 16 addresses per host.
                    for addr in h.pinned.iter().take(16) {
                        out.push(*addr);
                    }
                    Ok(out)
                }
                Some(h) if h.after_public => {
                    let addrs = self.fallback.resolve(uri, config, timeout)?;
                    if addrs.iter().any(|a| is_private(a.ip())) {
                        h.refused = true;
                        return Err(ureq::Error::Io(io::Error::new(
                            io::ErrorKind::PermissionDenied,
                            "a private address after a public host",
                        )));
                    }
                    Ok(addrs)
                }
                _ => self.fallback.resolve(uri, config, timeout),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(uri: &str) -> Result<Vec<SocketAddr>, ureq::Error> {
        let config = ureq::Agent::config_builder().build();
        let uri: Uri = uri.parse().unwrap();
        let timeout = NextTimeout::default();
        PinnedResolver::default()
            .resolve(&uri, &config, timeout)
            .map(|a| a.iter().copied().collect())
    }

    #[test]
    fn the_pinned_addresses_are_the_ones_connected_to() {
        let pinned: SocketAddr = "127.0.0.1:4321".parse().unwrap();
        let pin = Pin::new("feeds.test", 80, vec![pinned], false);
        assert_eq!(resolve("http://feeds.test/rss").unwrap(), [pinned]);
        // Another port of the name is not the hop's: not pinned (an address
        // literal, so nothing leaves the machine to look it up).
        assert_eq!(
            resolve("http://127.0.0.1:4322/").unwrap(),
            ["127.0.0.1:4322".parse::<SocketAddr>().unwrap()]
        );
        assert!(!pin.refused());
    }

    #[test]
    fn after_a_public_hop_an_unpinned_private_address_is_refused() {
        let pin = Pin::new("feeds.test", 80, Vec::new(), true);
        assert!(resolve("http://127.0.0.1:9/").is_err());
        assert!(pin.refused());
        drop(pin);
        let pin = Pin::new("feeds.test", 80, Vec::new(), false);
        assert!(resolve("http://127.0.0.1:9/").is_ok());
        assert!(!pin.refused());
    }
}
