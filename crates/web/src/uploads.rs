//! Uploaded documents, kept through object_store: in a local folder by default, in an S3
//! bucket (AWS or S3-compatible) when configured. Files are stored under a random key, never
//! under the name they came with, and are always served as a download.

use crate::config::WebConfig;
use crate::http::AppError;
use bytes::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::sync::Arc;
use tokio::sync::OnceCell;

/// The store, opened on first use (so that a misconfigured store shows in the log when a
/// document is uploaded or downloaded, not as a failure to start).
pub struct Files {
    settings: WebConfig,
    store: OnceCell<Arc<dyn ObjectStore>>,
}

impl Files {
    pub fn new(config: &WebConfig) -> Self {
        Files {
            settings: config.clone(),
            store: OnceCell::new(),
        }
    }

    async fn store(&self) -> Result<&Arc<dyn ObjectStore>, AppError> {
        self.store
            .get_or_try_init(|| async {
                let s = &self.settings;
                let store: Arc<dyn ObjectStore> = if s.upload_store.trim().is_empty() {
                    std::fs::create_dir_all(&s.upload_dir).map_err(|error| {
                        anyhow::anyhow!("cannot create the upload folder {}: {error}", s.upload_dir)
                    })?;
                    Arc::new(
                        LocalFileSystem::new_with_prefix(&s.upload_dir).map_err(|error| {
                            anyhow::anyhow!("cannot open the upload folder: {error}")
                        })?,
                    )
                } else {
                    let mut builder = AmazonS3Builder::from_env().with_url(s.upload_store.trim());
                    if !s.s3_endpoint.is_empty() {
                        builder = builder
                            .with_endpoint(&s.s3_endpoint)
                            .with_allow_http(s.s3_endpoint.starts_with("http://"));
                    }
                    if !s.s3_region.is_empty() {
                        builder = builder.with_region(&s.s3_region);
                    }
                    if !s.s3_access_key_id.is_empty() {
                        builder = builder
                            .with_access_key_id(&s.s3_access_key_id)
                            .with_secret_access_key(&s.s3_secret_access_key);
                    }
                    Arc::new(
                        builder.build().map_err(|error| {
                            anyhow::anyhow!("cannot open the S3 bucket: {error}")
                        })?,
                    )
                };
                Ok::<_, AppError>(store)
            })
            .await
    }

    pub async fn put(&self, key: &str, content: Bytes) -> Result<(), AppError> {
        let store = self.store().await?;
        store
            .put(&StorePath::from(key), PutPayload::from(content))
            .await
            .map_err(|error| anyhow::anyhow!("cannot store upload {key}: {error}"))?;
        Ok(())
    }

    /// Removes a stored upload, as well as it can: a failure is logged, not returned (it only
    /// leaves a file nothing points to).
    pub async fn delete(&self, key: &str) {
        let deleted = match self.store().await {
            Ok(store) => store
                .delete(&StorePath::from(key))
                .await
                .map_err(|error| error.to_string()),
            Err(error) => Err(error.to_string()),
        };
        if let Err(error) = deleted {
            tracing::warn!(%error, key, "cannot remove an upload nothing points to");
        }
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, AppError> {
        let store = self.store().await?;
        let result = store.get(&StorePath::from(key)).await.map_err(|error| {
            tracing::error!(%error, key, "cannot read an upload");
            AppError::NotFound
        })?;
        Ok(result
            .bytes()
            .await
            .map_err(|error| anyhow::anyhow!("cannot read upload {key}: {error}"))?)
    }
}
