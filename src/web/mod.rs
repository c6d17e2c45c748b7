//! newsreader on the web: HTTP, feeds, OPML, and fetching subscriptions into
//! the library. No terminal here; everything that comes from the web is
//! cleaned (see [`crate::article::sanitize`]) before it is stored.

mod address;
pub mod feed;
pub mod fetch;
pub mod http;
pub mod opml;
pub mod pinned;
pub mod sync;
pub mod text;
