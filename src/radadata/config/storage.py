"""Where uploaded files and generated documents are kept: the local disk (the embedded default,
RADADATA_DATA_DIR/media) or an S3-compatible object storage (AWS S3, MinIO, Ceph, Hetzner,
…) through django-storages, when RADADATA_S3_BUCKET is set. Every machine of a larger
installation then reads and writes the same files; the code is the same either way (files are
opened through the storage, and a check copies a stored file to a temporary one first)."""

from __future__ import annotations

from typing import Any

from radadata.config import declared


def s3_options(bucket: str, *, endpoint_url: str = "", region: str = "", access_key: str = "",
               secret_key: str = "", prefix: str = "") -> dict[str, Any]:
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        # Empty: boto3's own chain (environment, instance role) finds the credentials.
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "location": prefix.strip("/"),
        "default_acl": None,  # the bucket stays private: downloads go through the site
        "querystring_auth": True,
        "file_overwrite": False,  # a name taken gets a suffix, as on the local disk
        "addressing_style": "path" if endpoint_url else None,  # MinIO and most others
        "signature_version": "s3v4",
    }


def default_storage() -> dict[str, Any]:
    bucket = declared.get("RADADATA_S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options(
        bucket, endpoint_url=declared.get("RADADATA_S3_ENDPOINT_URL"),
        region=declared.get("RADADATA_S3_REGION"),
        access_key=declared.get("RADADATA_S3_ACCESS_KEY_ID"),
        secret_key=declared.get("RADADATA_S3_SECRET_ACCESS_KEY"),
        prefix=declared.get("RADADATA_S3_PREFIX"))}
