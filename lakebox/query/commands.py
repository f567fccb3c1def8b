"""Athena's catalog statements, parsed: SHOW ..., DESCRIBE, MSCK REPAIR TABLE, ALTER TABLE
ADD|DROP PARTITION and EXPLAIN.

Athena runs these outside the SQL engine (Hive DDL against the Glue catalog), and sqlglot keeps
most of them only as opaque commands, so they are read here from the text: a small tokenizer
(words, quoted names, string literals, comments) and one rule per statement. Names are
case-insensitive (lower-cased, as the catalog keeps them) and get the default database when
they have none. What these statements need (``table:read`` on a table, ``database:read`` to
list, ``table:write`` to change partitions) is in :mod:`lakebox.query.statements`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lakebox.errors import InvalidArgument

CommandKind = Literal[
    "SHOW_DATABASES",
    "SHOW_TABLES",
    "SHOW_VIEWS",
    "SHOW_COLUMNS",
    "DESCRIBE",
    "SHOW_CREATE_TABLE",
    "SHOW_CREATE_VIEW",
    "SHOW_PARTITIONS",
    "MSCK_REPAIR_TABLE",
    "ALTER_TABLE_ADD_PARTITION",
    "ALTER_TABLE_DROP_PARTITION",
    "EXPLAIN",
]

# Partition values as written: ((key, value), ...) in the order given.
Spec = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Command:
    kind: CommandKind
    table: tuple[str, str] | None = None  # the table a statement is about
    database: str | None = None  # SHOW TABLES|VIEWS IN db
    pattern: str | None = None  # LIKE 'pattern' (Hive's: * any characters, | either)
    partitions: tuple[tuple[Spec, str | None], ...] = field(default=())  # (spec, LOCATION)
    if_exists: bool = False  # ADD IF NOT EXISTS / DROP IF EXISTS
    analyze: bool = False  # EXPLAIN ANALYZE
    inner: str = ""  # EXPLAIN: the statement explained


class CommandSyntaxError(InvalidArgument):
    code = "SqlSyntaxError"


_TOKEN = re.compile(
    r"""\s+|--[^\n]*|/\*.*?\*/
    |(?P<string>'(?:[^']|'')*')
    |(?P<quoted>"(?:[^"]|"")*"|`(?:[^`]|``)*`)
    |(?P<word>[A-Za-z0-9_$]+)
    |(?P<punct>[.,()=;*])""",
    re.S | re.X,
)
_LEADING = re.compile(r"\A(?:\s+|--[^\n]*\n?|/\*.*?\*/)*", re.S)


@dataclass(frozen=True)
class _Tok:
    kind: str  # string, quoted, word, punct
    text: str  # the value: a string's or a quoted name's contents, a word as written
    start: int

    def word(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(sql: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    while pos < len(sql):
        m = _TOKEN.match(sql, pos)
        if m is None:
            raise CommandSyntaxError(f"SQL syntax error at character {pos + 1}: {sql[pos]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind is None:
            continue  # space or comment
        text = m.group(kind)
        if kind == "string":
            text = text[1:-1].replace("''", "'")
        elif kind == "quoted":
            q = text[0]
            text = text[1:-1].replace(q + q, q)
        out.append(_Tok(kind, text, m.start()))
    while out and out[-1].text == ";" and out[-1].kind == "punct":
        out.pop()
    return out


_FIRST_WORDS = ("SHOW", "DESCRIBE", "DESC", "MSCK", "EXPLAIN", "ALTER")


def is_command(sql: str) -> bool:
    """Whether the statement is one of these (by its first word; ALTER only for partitions)."""
    body = _LEADING.sub("", sql, count=1)
    word = re.match(r"[A-Za-z]+", body)
    if word is None or word.group(0).upper() not in _FIRST_WORDS:
        return False
    if word.group(0).upper() == "ALTER":
        return bool(
            re.match(
                r"ALTER\s+TABLE\s+[^;]*?\b(ADD|DROP)\s+(IF\s+(NOT\s+)?EXISTS\s+)?PARTITION\b",
                body,
                re.I | re.S,
            )
        )
    return True


def parse_command(sql: str, default_database: str | None) -> Command:
    """The statement, which :func:`is_command` said is one of these."""
    body = _LEADING.sub("", sql, count=1)
    first = re.match(r"[A-Za-z]+", body)
    if first is not None and first.group(0).upper() == "EXPLAIN":
        rest = body[first.end() :]
        analyze = re.match(r"\s+ANALYZE\b", rest, re.I)
        if analyze:
            rest = rest[analyze.end() :]
        if rest.lstrip().startswith("("):
            raise CommandSyntaxError(
                "EXPLAIN options ((TYPE ..., FORMAT ...)) are not supported: EXPLAIN [ANALYZE] "
                "SELECT ... shows DuckDB's plan"
            )
        if not rest.strip():
            raise CommandSyntaxError("EXPLAIN needs a statement: EXPLAIN SELECT ...")
        return Command("EXPLAIN", analyze=bool(analyze), inner=rest)
    return _Parser(_tokens(sql), default_database).statement()


class _Parser:
    def __init__(self, tokens: list[_Tok], default_database: str | None) -> None:
        self.toks = tokens
        self.i = 0
        self.default = default_database

    # -- helpers --------------------------------------------------------------------------

    def peek(self, offset: int = 0) -> _Tok | None:
        j = self.i + offset
        return self.toks[j] if j < len(self.toks) else None

    def at(self, *words: str) -> bool:
        return all((t := self.peek(k)) is not None and t.word() == w for k, w in enumerate(words))

    def take(self, *words: str) -> bool:
        if self.at(*words):
            self.i += len(words)
            return True
        return False

    def expect(self, *words: str) -> None:
        if not self.take(*words):
            self.fail(f"expected {' '.join(words)}")

    def punct(self, ch: str) -> bool:
        t = self.peek()
        if t is not None and t.kind == "punct" and t.text == ch:
            self.i += 1
            return True
        return False

    def fail(self, what: str) -> None:
        t = self.peek()
        where = f"at {t.text!r}" if t is not None else "at the end"
        raise CommandSyntaxError(f"SQL syntax error {where}: {what}")

    def end(self) -> None:
        if self.peek() is not None:
            self.fail("unexpected text after the statement")

    def name(self) -> str:
        t = self.peek()
        if t is None or t.kind not in ("word", "quoted"):
            self.fail("expected a name")
        assert t is not None
        self.i += 1
        return t.text.lower()

    def string(self) -> str:
        t = self.peek()
        if t is None or t.kind != "string":
            self.fail("expected a quoted string")
        assert t is not None
        self.i += 1
        return t.text

    def table(self) -> tuple[str, str]:
        first = self.name()
        if self.punct("."):
            return first, self.name()
        return self.database_or_default(None), first

    def database_or_default(self, db: str | None) -> str:
        if db is not None:
            return db
        if self.default is None:
            raise InvalidArgument(
                "the statement needs a database: name it (database.table, or IN database) or "
                "give a default database"
            )
        return self.default

    def pattern(self, like_optional: bool = False) -> str | None:
        if self.take("LIKE"):
            return self.string()
        t = self.peek()
        if like_optional and t is not None and t.kind == "string":
            return self.string()
        return None

    # -- statements -----------------------------------------------------------------------

    def statement(self) -> Command:
        if self.take("SHOW"):
            command = self.show()
        elif self.take("DESCRIBE") or self.take("DESC"):
            if self.at("EXTENDED") or self.at("FORMATTED"):
                self.fail("DESCRIBE EXTENDED and FORMATTED are not supported: DESCRIBE table")
            if self.at("TABLE") and self.peek(1) is not None:
                self.fail("the syntax is DESCRIBE table_name, not DESCRIBE TABLE table_name")
            command = Command("DESCRIBE", self.table())
        elif self.take("MSCK"):
            self.expect("REPAIR", "TABLE")
            command = Command("MSCK_REPAIR_TABLE", self.table())
        elif self.take("ALTER", "TABLE"):
            command = self.alter()
        else:
            self.fail("not a catalog statement")
            raise AssertionError
        self.end()
        return command

    def show(self) -> Command:
        if self.take("DATABASES") or self.take("SCHEMAS"):
            return Command("SHOW_DATABASES", pattern=self.pattern())
        if self.take("TABLES") or self.take("VIEWS"):
            kind: CommandKind = (
                "SHOW_VIEWS" if self.toks[self.i - 1].word() == "VIEWS" else "SHOW_TABLES"
            )
            db = self.name() if self.take("IN") or self.take("FROM") else None
            pattern = self.pattern(like_optional=kind == "SHOW_TABLES")
            return Command(kind, database=self.database_or_default(db), pattern=pattern)
        if self.take("COLUMNS"):
            if not (self.take("FROM") or self.take("IN")):
                self.fail("expected SHOW COLUMNS FROM|IN table")
            first = self.name()
            if self.punct("."):
                table = (first, self.name())
                if self.take("FROM") or self.take("IN"):
                    self.fail("the table is named with its database already")
                return Command("SHOW_COLUMNS", table)
            if self.take("FROM") or self.take("IN"):
                return Command("SHOW_COLUMNS", (self.name(), first))
            return Command("SHOW_COLUMNS", (self.database_or_default(None), first))
        if self.take("CREATE", "TABLE"):
            return Command("SHOW_CREATE_TABLE", self.table())
        if self.take("CREATE", "VIEW"):
            return Command("SHOW_CREATE_VIEW", self.table())
        if self.take("PARTITIONS"):
            return Command("SHOW_PARTITIONS", self.table())
        self.fail(
            "SHOW statements here: SHOW DATABASES|SCHEMAS, SHOW TABLES, SHOW VIEWS, SHOW COLUMNS, "
            "SHOW CREATE TABLE, SHOW CREATE VIEW, SHOW PARTITIONS"
        )
        raise AssertionError

    def alter(self) -> Command:
        table = self.table()
        if self.take("ADD"):
            exists = self.take("IF", "NOT", "EXISTS")
            parts: list[tuple[Spec, str | None]] = []
            while self.take("PARTITION"):
                spec = self.spec()
                location = self.string() if self.take("LOCATION") else None
                parts.append((spec, location))
            if not parts:
                self.fail("expected PARTITION (key = 'value', ...)")
            return Command(
                "ALTER_TABLE_ADD_PARTITION", table, partitions=tuple(parts), if_exists=exists
            )
        if self.take("DROP"):
            exists = self.take("IF", "EXISTS")
            parts = []
            while self.take("PARTITION"):
                parts.append((self.spec(), None))
                if not self.punct(","):
                    break
            if not parts:
                self.fail("expected PARTITION (key = 'value', ...)")
            return Command(
                "ALTER_TABLE_DROP_PARTITION", table, partitions=tuple(parts), if_exists=exists
            )
        self.fail("ALTER TABLE here: ADD [IF NOT EXISTS] PARTITION or DROP [IF EXISTS] PARTITION")
        raise AssertionError

    def spec(self) -> Spec:
        if not self.punct("("):
            self.fail("expected ( after PARTITION")
        pairs: list[tuple[str, str]] = []
        while True:
            key = self.name()
            if not self.punct("="):
                self.fail("expected = after the partition key")
            t = self.peek()
            if t is None or t.kind not in ("string", "word"):
                self.fail("expected the partition value")
            assert t is not None
            self.i += 1
            pairs.append((key, t.text))
            if self.punct(")"):
                return tuple(pairs)
            if not self.punct(","):
                self.fail("expected , or )")


def hive_pattern(pattern: str) -> re.Pattern[str]:
    """Hive's name patterns (SHOW TABLES 'p', SHOW DATABASES LIKE 'p'): ``*`` any characters,
    ``|`` either side, otherwise a regular expression; the whole name, case-insensitively."""
    parts = [p.strip().replace("*", ".*").replace("..*", ".*") for p in pattern.split("|")]
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), re.I)
    except re.error as exc:
        raise InvalidArgument(f"pattern {pattern!r} is not a valid name pattern: {exc}") from None
