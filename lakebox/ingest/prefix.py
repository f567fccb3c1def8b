"""Firehose's S3 prefix expressions: ``!{timestamp:yyyy/MM/dd/HH}``, ``!{firehose:...}``,
``!{partitionKeyFromQuery:name}``.

Timestamps use Java DateTimeFormatter patterns, as Firehose does; the supported letters are
listed in ``_DATE_FIELDS``. Rules follow Firehose's "custom prefixes" page: a prefix with no
timestamp and no partition-key expression gets ``yyyy/MM/dd/HH/`` appended, and an error prefix
with expressions must contain ``!{firehose:error-output-type}``.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from lakebox.errors import InvalidArgument

_EXPR = re.compile(r"!\{([^:}]*):([^}]*)\}")

# Java pattern letter run → how to render it from a datetime.
_DATE_FIELDS: dict[str, str] = {
    "yyyy": "%Y",
    "uuuu": "%Y",
    "yy": "%y",
    "MM": "%m",
    "dd": "%d",
    "HH": "%H",
    "mm": "%M",
    "ss": "%S",
    "DDD": "%j",
}

ERROR_OUTPUT_TYPES = ("processing-failed",)
DEFAULT_TIME_PREFIX = "!{timestamp:yyyy/MM/dd/HH}/"


@dataclass(frozen=True)
class _Literal:
    text: str


@dataclass(frozen=True)
class _Timestamp:
    strftime: str


@dataclass(frozen=True)
class _PartitionKey:
    name: str


@dataclass(frozen=True)
class _Firehose:
    value: str  # "random-string" | "error-output-type"


_Part = _Literal | _Timestamp | _PartitionKey | _Firehose


def java_to_strftime(pattern: str, where: str) -> str:
    """Translate a Java DateTimeFormatter pattern; unsupported letters are named in the error."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            end = pattern.find("'", i + 1)
            if end < 0:
                raise InvalidArgument(f"{where}: unclosed quote in timestamp pattern {pattern!r}")
            out.append(pattern[i + 1 : end].replace("%", "%%") or "'")
            i = end + 1
            continue
        if ch.isalpha():
            j = i
            while j < len(pattern) and pattern[j] == ch:
                j += 1
            run = pattern[i:j]
            if run not in _DATE_FIELDS:
                raise InvalidArgument(
                    f"{where}: timestamp pattern {pattern!r} uses {run!r}; supported: "
                    + ", ".join(_DATE_FIELDS)
                )
            out.append(_DATE_FIELDS[run])
            i = j
            continue
        out.append("%%" if ch == "%" else ch)
        i += 1
    return "".join(out)


class PrefixTemplate:
    """A parsed prefix; ``render`` evaluates it for one group of records."""

    def __init__(self, source: str, *, field: str = "Prefix", error_prefix: bool = False) -> None:
        self.source = source
        self.field = field
        parts: list[_Part] = []
        pos = 0
        for match in _EXPR.finditer(source):
            if match.start() > pos:
                parts.append(_Literal(source[pos : match.start()]))
            parts.append(self._expression(match.group(1), match.group(2), error_prefix))
            pos = match.end()
        rest = source[pos:]
        if "!{" in rest:
            raise InvalidArgument(f"{field} {source!r}: unclosed or malformed '!{{' expression")
        if rest:
            parts.append(_Literal(rest))
        self.parts = tuple(parts)

    def _expression(self, namespace: str, value: str, error_prefix: bool) -> _Part:
        where = f"{self.field} {self.source!r}"
        if namespace == "timestamp":
            return _Timestamp(java_to_strftime(value, where))
        if namespace == "partitionKeyFromQuery":
            if error_prefix:
                raise InvalidArgument(f"{where}: partition keys cannot be used in an error prefix")
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
                raise InvalidArgument(f"{where}: partition key name {value!r} is not a valid name")
            return _PartitionKey(value)
        if namespace == "partitionKeyFromLambda":
            raise InvalidArgument(
                f"{where}: partitionKeyFromLambda needs a Lambda transform, which lakebox does "
                "not run; extract keys with partitionKeyFromQuery (MetadataExtraction) instead"
            )
        if namespace == "firehose":
            if value == "random-string":
                return _Firehose(value)
            if value == "error-output-type":
                if not error_prefix:
                    raise InvalidArgument(
                        f"{where}: !{{firehose:error-output-type}} is only allowed in "
                        "ErrorOutputPrefix"
                    )
                return _Firehose(value)
            raise InvalidArgument(
                f"{where}: unknown firehose value {value!r}; use random-string or error-output-type"
            )
        raise InvalidArgument(
            f"{where}: unknown namespace {namespace!r}; use timestamp, firehose or "
            "partitionKeyFromQuery"
        )

    @property
    def partition_keys(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts if isinstance(p, _PartitionKey))

    @property
    def has_expressions(self) -> bool:
        return any(not isinstance(p, _Literal) for p in self.parts)

    @property
    def has_timestamp(self) -> bool:
        return any(isinstance(p, _Timestamp) for p in self.parts)

    @property
    def has_error_output_type(self) -> bool:
        return any(isinstance(p, _Firehose) and p.value == "error-output-type" for p in self.parts)

    def render(
        self,
        when: datetime,
        *,
        keys: Mapping[str, str] | None = None,
        error_output_type: str = "processing-failed",
        seed: int = 0,
    ) -> str:
        out: list[str] = []
        rng: random.Random | None = None
        for part in self.parts:
            if isinstance(part, _Literal):
                out.append(part.text)
            elif isinstance(part, _Timestamp):
                out.append(when.strftime(part.strftime))
            elif isinstance(part, _PartitionKey):
                out.append((keys or {})[part.name])
            elif part.value == "random-string":
                # Seeded, so that delivering the same log segment again names the same objects.
                rng = rng or random.Random(seed)
                out.append("".join(rng.choices(string.ascii_letters + string.digits, k=11)))
            else:
                out.append(error_output_type)
        return "".join(out)


MAX_KEY_BYTES = 1024  # S3's limit on an object key
MAX_FOLDER_BYTES = 255  # a file or folder name on common file systems (NAME_MAX)


def unsafe_key_reason(key: str) -> str | None:
    """Why ``key`` cannot name an object inside the lake (None: it can).

    Checked before writing, so that a record whose partition value makes a bad key goes to the
    error output instead of failing its whole batch on every retry.
    """
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in key):
        return "it contains a control character (such as NUL)"
    if key.startswith("/"):
        return "it starts with '/'"
    size = len(key.encode("utf-8", "surrogatepass"))
    if size > MAX_KEY_BYTES:
        return f"it is {size} bytes; object keys are at most {MAX_KEY_BYTES}"
    for part in key.split("/")[:-1] if key.endswith("/") else key.split("/"):
        if part in ("", ".", ".."):
            return f"it has a folder named {part!r}"
        part_bytes = len(part.encode("utf-8", "surrogatepass"))
        if part_bytes > MAX_FOLDER_BYTES:
            return (
                f"its folder {part[:40]!r}... is {part_bytes} bytes; "
                f"at most {MAX_FOLDER_BYTES} (File name too long)"
            )
    return None


def delivery_prefix(source: str | None) -> PrefixTemplate:
    """The Prefix as Firehose evaluates it (with the default time folders where it adds them)."""
    if not source:
        return PrefixTemplate(DEFAULT_TIME_PREFIX)
    template = PrefixTemplate(source)
    if not template.has_timestamp and not template.partition_keys:
        return PrefixTemplate(source + DEFAULT_TIME_PREFIX)
    return template


def error_prefix(source: str | None) -> PrefixTemplate:
    if not source:
        return PrefixTemplate(
            "!{firehose:error-output-type}/" + DEFAULT_TIME_PREFIX,
            field="ErrorOutputPrefix",
            error_prefix=True,
        )
    template = PrefixTemplate(source, field="ErrorOutputPrefix", error_prefix=True)
    if template.has_expressions and not template.has_error_output_type:
        raise InvalidArgument(
            f"ErrorOutputPrefix {source!r} uses expressions, so it must also contain "
            "!{firehose:error-output-type}"
        )
    if not template.has_timestamp:
        return PrefixTemplate(
            source + DEFAULT_TIME_PREFIX, field="ErrorOutputPrefix", error_prefix=True
        )
    return template
