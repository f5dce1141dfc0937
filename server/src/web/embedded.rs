//! The web app compiled into the binary by `build.rs` (feature `embedded-web`), with the
//! gzip and Brotli forms the web build wrote beside each file.

/// One file of the embedded web app.
#[derive(Debug)]
pub struct EmbeddedFile {
    /// Its path from the site root, starting with `/`.
    pub path: &'static str,
    /// Its `Content-Type`.
    pub mime: &'static str,
    /// The file as built.
    pub raw: &'static [u8],
    /// Its gzip form, when smaller.
    pub gzip: Option<&'static [u8]>,
    /// Its Brotli form, when smaller.
    pub br: Option<&'static [u8]>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_web.rs"));

/// The embedded file at `path`, if any.
pub fn find(path: &str) -> Option<&'static EmbeddedFile> {
    FILES.iter().find(|f| f.path == path)
}

/// Whether this binary carries a web app.
pub fn present() -> bool {
    find("/index.html").is_some()
}
