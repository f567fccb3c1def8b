"""Push ingestion (Firehose): delivery streams, a write-ahead log, buffered delivery."""

from lakebox.ingest.service import IngestService, RecordResult
from lakebox.ingest.settings import StreamSettings
from lakebox.ingest.streams import DeliveryStream

__all__ = ["DeliveryStream", "IngestService", "RecordResult", "StreamSettings"]
