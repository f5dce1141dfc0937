//! [`BlobStore`] in a local directory: `<dir>/<first two hex digits>/<id>`, temporary files
//! in `<dir>/tmp/`.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use async_trait::async_trait;
use futures_util::StreamExt;
use tokio::fs;
use tokio::io::AsyncWriteExt;
use tokio_util::io::ReaderStream;

use super::*;
use crate::secrets;

/// Bytes gathered before one write to a temp file.
const WRITE_BUFFER_BYTES: usize = 1 << 20;

/// A blob directory on the local file system.
#[derive(Debug, Clone)]
pub struct LocalBlobStore {
    root: PathBuf,
}

impl LocalBlobStore {
    /// Opens (creating if missing) the blob directory.
    pub async fn open(root: impl Into<PathBuf>) -> io::Result<Self> {
        let store = Self { root: root.into() };
        fs::create_dir_all(store.tmp_dir()).await?;
        Ok(store)
    }

    fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    fn path_of(&self, id: DocumentId) -> PathBuf {
        let name = id.to_string();
        self.root.join(&name[..2]).join(name)
    }

    async fn write_temp(
        &self,
        tmp: &Path,
        len: u64,
        mut body: ByteStream,
    ) -> Result<(), BlobError> {
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
            .await?;
        // Request bodies arrive in chunks of a few KiB; each write of a tokio file is a trip to
        // the blocking thread pool, so gather them into writes of 1 MiB.
        let mut file = tokio::io::BufWriter::with_capacity(WRITE_BUFFER_BYTES, file);
        let mut written: u64 = 0;
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(BlobError::Body)?;
            written += chunk.len() as u64;
            if written > len {
                return Err(BlobError::TooLong);
            }
            file.write_all(&chunk).await?;
        }
        if written < len {
            return Err(BlobError::TooShort);
        }
        file.flush().await?;
        file.get_ref().sync_all().await?;
        Ok(())
    }
}

/// Makes a rename or unlink in `dir` durable.
async fn sync_dir(dir: &Path) -> io::Result<()> {
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || std::fs::File::open(dir)?.sync_all())
        .await
        .map_err(io::Error::other)?
}

#[async_trait]
impl BlobStore for LocalBlobStore {
    async fn ping(&self) -> io::Result<()> {
        let meta = fs::metadata(self.tmp_dir()).await?;
        if !meta.is_dir() {
            return Err(io::Error::other(
                "the blob temp directory is not a directory",
            ));
        }
        // One byte written and synced: on a full disk this fails with `StorageFull`, as an
        // upload would.
        let probe = self.tmp_dir().join(format!(
            "health-{}.probe",
            crate::secrets::hex(&crate::secrets::random_bytes::<8>())
        ));
        let written = async {
            let mut file = fs::File::create(&probe).await?;
            file.write_all(b"0").await?;
            file.sync_all().await
        }
        .await;
        let _ = fs::remove_file(&probe).await;
        written
    }

    async fn put(&self, id: DocumentId, len: u64, body: ByteStream) -> Result<(), BlobError> {
        let tmp = self.tmp_dir().join(format!(
            "{id}.{}.part",
            secrets::hex(&secrets::random_bytes::<8>())
        ));
        let result = async {
            self.write_temp(&tmp, len, body).await?;
            let dest = self.path_of(id);
            let parent = dest.parent().expect("a blob path has a parent");
            fs::create_dir_all(parent).await?;
            fs::rename(&tmp, &dest).await?;
            sync_dir(parent).await?;
            Ok(())
        }
        .await;
        if result.is_err()
            && let Err(e) = fs::remove_file(&tmp).await
            && e.kind() != io::ErrorKind::NotFound
        {
            tracing::error!(error = %e, "could not remove a blob temp file");
        }
        result
    }

    async fn open(&self, id: DocumentId) -> Result<BlobReader, BlobError> {
        let file = fs::File::open(self.path_of(id)).await?;
        let len = file.metadata().await?.len();
        Ok(BlobReader {
            len,
            stream: Box::pin(ReaderStream::with_capacity(file, 64 * 1024)),
        })
    }

    async fn delete(&self, id: DocumentId) -> Result<(), BlobError> {
        let path = self.path_of(id);
        match fs::remove_file(&path).await {
            Ok(()) => Ok(sync_dir(path.parent().expect("a blob path has a parent")).await?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    async fn sweep_temp(&self, before: SystemTime) -> Result<u64, BlobError> {
        let mut removed = 0;
        let mut entries = fs::read_dir(self.tmp_dir()).await?;
        while let Some(entry) = entries.next_entry().await? {
            let meta = entry.metadata().await?;
            if meta.is_file() && meta.modified()? <= before {
                match fs::remove_file(entry.path()).await {
                    Ok(()) => removed += 1,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(removed)
    }

    fn list_older(&self, before: SystemTime) -> IdStream<'_> {
        let walk = Walk {
            root: self.root.clone(),
            shards: None,
            current: None,
        };
        Box::pin(futures_util::stream::try_unfold(
            walk,
            move |mut walk| async move {
                let id = walk.next_older(before).await?;
                Ok(id.map(|id| (id, walk)))
            },
        ))
    }
}

/// A walk through the blob directory, one shard directory (`<first two hex digits>/`) at a
/// time, each read entry by entry.
struct Walk {
    root: PathBuf,
    /// The shard directories still to read (at most 256 names), once the root was read.
    shards: Option<std::vec::IntoIter<(PathBuf, String)>>,
    /// The shard being read, and its name.
    current: Option<(fs::ReadDir, String)>,
}

impl Walk {
    /// The next blob last written at or before `before`; `None` at the end.
    async fn next_older(&mut self, before: SystemTime) -> Result<Option<DocumentId>, BlobError> {
        loop {
            if let Some((dir, shard)) = &mut self.current {
                let Some(entry) = dir.next_entry().await.map_err(BlobError::Io)? else {
                    self.current = None;
                    continue;
                };
                let name = entry.file_name();
                // Only a blob at its own path (`path_of`), which `delete` can remove.
                let Some(id) = name
                    .to_str()
                    .filter(|name| name.starts_with(shard.as_str()))
                    .and_then(|name| name.parse::<DocumentId>().ok())
                else {
                    continue;
                };
                let meta = match entry.metadata().await {
                    Ok(meta) => meta,
                    // Deleted since it was listed.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(BlobError::Io(e)),
                };
                if meta.is_file() && meta.modified().map_err(BlobError::Io)? <= before {
                    return Ok(Some(id));
                }
                continue;
            }
            if self.shards.is_none() {
                self.shards = Some(self.read_shards().await?.into_iter());
            }
            let Some((path, shard)) = self.shards.as_mut().and_then(Iterator::next) else {
                return Ok(None);
            };
            match fs::read_dir(&path).await {
                Ok(dir) => self.current = Some((dir, shard)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(BlobError::Io(e)),
            }
        }
    }

    /// The shard directories under the root (not `tmp/`).
    async fn read_shards(&self) -> Result<Vec<(PathBuf, String)>, BlobError> {
        let mut shards = Vec::new();
        let mut entries = fs::read_dir(&self.root).await.map_err(BlobError::Io)?;
        while let Some(entry) = entries.next_entry().await.map_err(BlobError::Io)? {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let is_shard = name.len() == 2
                && name
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if is_shard && entry.file_type().await.map_err(BlobError::Io)?.is_dir() {
                shards.push((entry.path(), name));
            }
        }
        Ok(shards)
    }
}
