//! The article model and the parser that builds it from raw page text.

pub mod decode;
pub mod model;
pub mod parse;
pub mod sanitize;

pub use model::{Article, Related};
pub use parse::parse;
