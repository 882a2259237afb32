//! Parse errors that say what was expected and at which byte offset.

use std::fmt;

/// A failure to read part of a file: where (byte offset from the start of the file) and what
/// the reader expected to find there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: u64,
    pub message: String,
}

impl ParseError {
    pub fn new(offset: u64, message: impl Into<String>) -> Self {
        ParseError { offset, message: message.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}
