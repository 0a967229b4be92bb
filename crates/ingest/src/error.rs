use crate::Origin;

/// Why an input, or one article of it, could not be read. Every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// Reading failed at the operating-system level.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// The input.
        origin: Origin,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A folder that holds no file claimsheet reads.
    #[error("{path}: folder holds no articles (no .txt, .text, .jsonl, .ndjson, .html, .htm or .xhtml files)")]
    EmptyFolder {
        /// The folder as given.
        path: String,
    },
    /// The input looks binary (it holds NUL bytes and no UTF-16 byte-order mark).
    #[error("{origin}: binary file, not text (NUL byte at offset {offset})")]
    Binary {
        /// The input.
        origin: Origin,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input holds no text (or only white space).
    #[error("{origin}: empty input, no text")]
    Empty {
        /// The input.
        origin: Origin,
    },
    /// The article is larger than the limit.
    #[error(
        "{origin}: article is {bytes} bytes, over the limit of {limit} bytes (raise it with --max-article-bytes)"
    )]
    TooLarge {
        /// The input.
        origin: Origin,
        /// Its size.
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A JSONL line that is not a JSON object.
    #[error("{origin}: not a JSON object: {message}")]
    Json {
        /// The input and line.
        origin: Origin,
        /// What the JSON parser said.
        message: String,
    },
    /// A JSONL record without a string `text`.
    #[error("{origin}: record has no \"text\" string")]
    MissingText {
        /// The input and line.
        origin: Origin,
    },
}

impl IngestError {
    /// The path of the input the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::NotFound { path } | IngestError::EmptyFolder { path } => path,
            IngestError::Io { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::Empty { origin }
            | IngestError::TooLarge { origin, .. }
            | IngestError::Json { origin, .. }
            | IngestError::MissingText { origin } => &origin.path,
        }
    }
}
