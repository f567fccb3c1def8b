"""Objects in an S3-compatible store (AWS S3, MinIO, moto...) through boto3."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lakebox.errors import ConfigError, InvalidArgument, NotFound, StorageError
from lakebox.storage.base import ObjectInfo, ObjectStore, check_key

if TYPE_CHECKING:
    from lakebox.config import Settings


class S3Store(ObjectStore):
    read_concurrency = 16

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
    ) -> None:
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.url = f"s3://{bucket}/{self.prefix}"
        # How to reach the bucket: other S3 clients of the lake (DuckDB, PyIceberg) use these too.
        self.options: dict[str, str | None] = {
            "endpoint_url": endpoint_url,
            "region": region,
            "access_key_id": access_key_id,
            "secret_access_key": secret_access_key,
        }
        self._client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint_url or None,
            region_name=region,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes (large crawls) get a store of their own: clients are not picklable.
        return (_reopen, (self.bucket, self.prefix, self.options))

    @classmethod
    def from_url(cls, url: str, settings: Settings | None = None) -> S3Store:
        rest = url.removeprefix("s3://")
        bucket, _, prefix = rest.partition("/")
        if not bucket:
            raise ConfigError(f"storage URL {url!r} must name a bucket: s3://bucket/prefix")
        return cls(
            bucket,
            prefix,
            endpoint_url=settings.s3_endpoint_url if settings else None,
            region=settings.s3_region if settings else "us-east-1",
            access_key_id=settings.s3_access_key_id if settings else None,
            secret_access_key=settings.s3_secret_access_key if settings else None,
        )

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _call(self, what: str, key: str, fn: Any, **kwargs: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return fn(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404", "NotFound"):
                raise NotFound(f"no object {key!r} in {self.url}") from None
            raise StorageError(f"S3 {what} of {key!r} in {self.url} failed: {code} {exc}") from exc
        except BotoCoreError as exc:
            raise StorageError(f"S3 {what} of {key!r} in {self.url} failed: {exc}") from exc

    def put(self, key: str, data: bytes, *, durable: bool = True) -> ObjectInfo:
        self._call(
            "put", key, self._client.put_object, Bucket=self.bucket, Key=self._key(key), Body=data
        )
        # A put is atomic in S3; head returns the store's own etag and time.
        return self.head(key)

    def get(self, key: str) -> bytes:
        resp = self._call(
            "get", key, self._client.get_object, Bucket=self.bucket, Key=self._key(key)
        )
        body: bytes = resp["Body"].read()
        return body

    def get_range(self, key: str, start: int, length: int) -> bytes:
        if length <= 0:
            return b""
        resp = self._call(
            "get",
            key,
            self._client.get_object,
            Bucket=self.bucket,
            Key=self._key(key),
            Range=f"bytes={start}-{start + length - 1}",
        )
        body: bytes = resp["Body"].read()
        return body

    def head(self, key: str) -> ObjectInfo:
        resp = self._call(
            "head", key, self._client.head_object, Bucket=self.bucket, Key=self._key(key)
        )
        return ObjectInfo(
            key, int(resp["ContentLength"]), resp["ETag"].strip('"'), resp["LastModified"]
        )

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        from botocore.exceptions import BotoCoreError, ClientError

        paginator = self._client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for item in page.get("Contents", []):
                    yield ObjectInfo(
                        item["Key"][len(self.prefix) :],
                        int(item["Size"]),
                        item["ETag"].strip('"'),
                        item["LastModified"],
                    )
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(f"S3 list of {prefix!r} in {self.url} failed: {exc}") from exc

    def delete(self, key: str) -> None:
        self._call(
            "delete", key, self._client.delete_object, Bucket=self.bucket, Key=self._key(key)
        )

    # -- how DuckDB and PyIceberg reach the bucket: s3:// URLs, the store's endpoint and keys --

    def duckdb_path(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._key(key)}"

    def duckdb_allowed_directories(self) -> Sequence[str]:
        return [f"s3://{self.bucket}/{self.prefix}"]

    def duckdb_setup(self) -> Sequence[str]:
        """DuckDB's httpfs extension, loaded from its Python wheel (nothing is downloaded), and
        the store's credentials as a secret scoped to the bucket."""
        from urllib.parse import urlsplit

        from lakebox.storage.extensions import load_statement

        key_id, secret = self._credentials()
        parts = [
            f"KEY_ID {_lit(key_id)}",
            f"SECRET {_lit(secret)}",
            f"REGION {_lit(self.options.get('region') or 'us-east-1')}",
            f"SCOPE {_lit(f's3://{self.bucket}/')}",
        ]
        if self.options.get("endpoint_url"):  # an S3-compatible server (MinIO, ...)
            endpoint = urlsplit(str(self.options["endpoint_url"]))
            parts += [
                f"ENDPOINT {_lit(str(endpoint.netloc))}",
                "URL_STYLE 'path'",
                f"USE_SSL {'true' if endpoint.scheme == 'https' else 'false'}",
            ]
        return [
            load_statement("httpfs"),
            f"CREATE SECRET lakebox_lake (TYPE s3, {', '.join(parts)})",
        ]

    def iceberg_catalog(self, zone: str) -> tuple[str, dict[str, str]]:
        props = {
            "s3.endpoint": self.options.get("endpoint_url") or "",
            "s3.region": self.options.get("region") or "",
            "s3.access-key-id": self.options.get("access_key_id") or "",
            "s3.secret-access-key": self.options.get("secret_access_key") or "",
        }
        # Unset ones are left out: PyIceberg then looks where boto3 would (environment, ...).
        return f"s3://{self.bucket}/{self._key(zone)}", {k: v for k, v in props.items() if v}

    def _credentials(self) -> tuple[str, str]:
        """The store's access key, or the one boto3's chain finds (environment, profile,
        instance role): DuckDB has no such chain of its own."""
        key_id, secret = self.options.get("access_key_id"), self.options.get("secret_access_key")
        if key_id and secret:
            return key_id, secret
        import boto3

        found = boto3.Session().get_credentials()
        if found is None:
            raise InvalidArgument("no S3 credentials for the query engine: set s3_access_key_id")
        frozen = found.get_frozen_credentials()
        return str(frozen.access_key), str(frozen.secret_key)


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _reopen(bucket: str, prefix: str, options: dict[str, Any]) -> S3Store:
    return S3Store(bucket, prefix, **options)
