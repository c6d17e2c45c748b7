//! The article model and the parser that builds it from raw page text or HTML.

pub mod decode;
pub mod html;
pub mod links;
pub mod model;
pub mod parse;
pub mod sanitize;
mod simd;

pub use html::parse_html;
pub use model::{Article, Related};
pub use parse::parse;
