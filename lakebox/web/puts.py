"""The put path's first step, shared by the Firehose API and the plain endpoint."""

from __future__ import annotations

import asyncio

from lakebox.auth.access import Principal
from lakebox.instance import Lakebox


async def check_put(box: Lakebox, name: str, who: Principal) -> None:
    """``who`` may put to stream ``name``, which exists: checked before any record is parsed.
    A stream not yet cached (or not there at all) is looked up in a worker thread, so that
    puts to an unknown name never make the event loop wait for the metadata database."""
    if box.ingest.is_cached(name):
        box.ingest.stream_for_put(name, by=who)
    else:
        await asyncio.to_thread(box.ingest.stream_for_put, name, by=who)
