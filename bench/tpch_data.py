"""TPC-H data, generated locally with NumPy (nothing is downloaded; DuckDB's tpch extension
cannot be installed offline).

The tables, columns, types, key structure and value domains follow the TPC-H specification
(sparse order keys, 1-7 lines per order, the part/supplier key formula of PARTSUPP, dates,
flags and statuses derived as dbgen derives them, the words the 22 queries look for), so every
query selects, joins and groups realistic amounts of data. The text columns are drawn from a
pool of generated sentences rather than dbgen's grammar: the values differ from dbgen's, the
shapes and selectivities are close to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import numpy as np
import pyarrow as pa

NATIONS = [
    ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4),
    ("ETHIOPIA", 0), ("FRANCE", 3), ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2),
    ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2), ("JORDAN", 4), ("KENYA", 0), ("MOROCCO", 0),
    ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3), ("SAUDI ARABIA", 4),
    ("VIETNAM", 2), ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
]  # fmt: skip
REGIONS = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
COLORS = (
    "almond antique aquamarine azure beige bisque black blanched blue blush brown burlywood "
    "burnished chartreuse chiffon chocolate coral cornflower cornsilk cream cyan dark deep dim "
    "dodger drab firebrick floral forest frosted gainsboro ghost goldenrod green grey honeydew "
    "hot indian ivory khaki lace lavender lawn lemon light lime linen magenta maroon medium "
    "metallic midnight mint misty moccasin navajo navy olive orange orchid pale papaya peach "
    "peru pink plum powder puff purple red rose rosy royal saddle salmon sandy seashell sienna "
    "sky slate smoke snow spring steel tan thistle tomato turquoise violet wheat white yellow"
).split()
TYPES_1 = ["STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"]
TYPES_2 = ["ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"]
TYPES_3 = ["TIN", "NICKEL", "BRASS", "STEEL", "COPPER"]
CONTAINERS_1 = ["SM", "LG", "MED", "JUMBO", "WRAP"]
CONTAINERS_2 = ["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"]
SEGMENTS = ["AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"]
PRIORITIES = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"]
INSTRUCTIONS = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"]
MODES = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"]
WORDS = (
    "furiously quickly carefully blithely slyly fluffily ironic regular final express "
    "special pending bold even silent unusual accounts deposits packages requests "
    "instructions theodolites pinto beans foxes ideas dependencies excuses platelets "
    "asymptotes courts dolphins multipliers sauternes warthogs frets dinos attainments "
    "somas tithes sleep wake are cajole haggle nag use boost affix detect integrate "
    "maintain nod was lose sublate solve thrash promise engage hinder print x-ray breach "
    "eat grow impress mold poach serve run dazzle snooze doze unwind kindle play hang "
    "believe doubt about above according across after against along alongside among around"
).split()

EPOCH = date(1970, 1, 1)
START = (date(1992, 1, 1) - EPOCH).days
CURRENT = (date(1995, 6, 17) - EPOCH).days
LAST_ORDER = (date(1998, 8, 2) - EPOCH).days  # ENDDATE - 151 days


def _money(cents: np.ndarray) -> pa.Array:
    """DECIMAL(15,2) from integer cents, built from its 128-bit buffer (no Python loop)."""
    cents = cents.astype(np.int64)
    raw = np.empty((len(cents), 2), dtype=np.int64)
    raw[:, 0] = cents
    raw[:, 1] = cents >> 63  # sign extension into the high word
    return pa.Array.from_buffers(pa.decimal128(15, 2), len(cents), [None, pa.py_buffer(raw)])


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype(np.int32), pa.int32()).cast(pa.date32())


def _pick(values: list[str], index: np.ndarray) -> pa.Array:
    return pa.array(values, pa.string()).take(pa.array(index))


def _pool(rng: np.random.Generator, size: int, lo: int, hi: int) -> list[str]:
    """Sentences of lo..hi words: the text columns are drawn from such a pool."""
    words = np.array(WORDS)
    lengths = rng.integers(lo, hi + 1, size)
    return [" ".join(words[rng.integers(0, len(words), n)]) for n in lengths]


def _text(rng: np.random.Generator, pool: list[str], n: int) -> pa.Array:
    return _pick(pool, rng.integers(0, len(pool), n))


def _phones(rng: np.random.Generator, nations: np.ndarray) -> pa.Array:
    n = len(nations)
    a, b, c = rng.integers(100, 1000, n), rng.integers(100, 1000, n), rng.integers(1000, 10000, n)
    return pa.array(
        [f"{k + 10}-{x}-{y}-{z}" for k, x, y, z in zip(nations, a, b, c, strict=True)], pa.string()
    )


def _names(prefix: str, keys: np.ndarray) -> pa.Array:
    return pa.array([f"{prefix}#{k:09d}" for k in keys], pa.string())


def retail_cents(partkey: np.ndarray) -> np.ndarray:
    return 90000 + ((partkey // 10) % 20001) + 100 * (partkey % 1000)


def supplier_for(partkey: np.ndarray, i: np.ndarray | int, suppliers: int) -> np.ndarray:
    """The spec's formula: the i-th (0-3) supplier of a part."""
    return (partkey + (i * (suppliers // 4 + (partkey - 1) // suppliers))) % suppliers + 1


def generate(scale: float, seed: int = 1) -> Iterator[tuple[str, pa.Table]]:
    """The eight tables; lineitem and orders come in chunks of ~1.5M lines (one file each)."""
    rng = np.random.default_rng(seed)
    comments = _pool(rng, 20_000, 4, 12)
    addresses = _pool(rng, 5_000, 2, 4)
    suppliers = max(int(10_000 * scale), 4)
    parts = max(int(200_000 * scale), 4)
    customers = max(int(150_000 * scale), 3)
    orders = max(int(1_500_000 * scale), 8)

    yield "region", pa.table({
        "r_regionkey": pa.array(range(5), pa.int32()),
        "r_name": REGIONS,
        "r_comment": _text(rng, comments, 5),
    })  # fmt: skip
    yield "nation", pa.table({
        "n_nationkey": pa.array(range(25), pa.int32()),
        "n_name": [n for n, _ in NATIONS],
        "n_regionkey": pa.array([r for _, r in NATIONS], pa.int32()),
        "n_comment": _text(rng, comments, 25),
    })  # fmt: skip

    s_key = np.arange(1, suppliers + 1)
    s_nation = rng.integers(0, 25, suppliers)
    s_comment = np.array(rng.integers(0, len(comments), suppliers))
    s_text = [comments[i] for i in s_comment]
    for row in rng.choice(suppliers, max(int(5 * scale), 1), replace=False):
        s_text[row] = f"{s_text[row]} Customer slyly Complaints"
    yield "supplier", pa.table({
        "s_suppkey": pa.array(s_key, pa.int64()),
        "s_name": _names("Supplier", s_key),
        "s_address": _text(rng, addresses, suppliers),
        "s_nationkey": pa.array(s_nation, pa.int32()),
        "s_phone": _phones(rng, s_nation),
        "s_acctbal": _money(rng.integers(-99_999, 1_000_000, suppliers)),
        "s_comment": pa.array(s_text, pa.string()),
    })  # fmt: skip

    p_key = np.arange(1, parts + 1)
    colors = np.array(COLORS)
    name_words = colors[rng.integers(0, len(COLORS), (parts, 5))]
    mfgr = rng.integers(1, 6, parts)
    types = [f"{a} {b} {c}" for a in TYPES_1 for b in TYPES_2 for c in TYPES_3]
    containers = [f"{a} {b}" for a in CONTAINERS_1 for b in CONTAINERS_2]
    yield "part", pa.table({
        "p_partkey": pa.array(p_key, pa.int64()),
        "p_name": pa.array([" ".join(w) for w in name_words], pa.string()),
        "p_mfgr": pa.array([f"Manufacturer#{m}" for m in mfgr], pa.string()),
        "p_brand": pa.array(
            [f"Brand#{m}{b}" for m, b in zip(mfgr, rng.integers(1, 6, parts), strict=True)],
            pa.string(),
        ),
        "p_type": _pick(types, rng.integers(0, len(types), parts)),
        "p_size": pa.array(rng.integers(1, 51, parts), pa.int32()),
        "p_container": _pick(containers, rng.integers(0, len(containers), parts)),
        "p_retailprice": _money(retail_cents(p_key)),
        "p_comment": _text(rng, comments, parts),
    })  # fmt: skip

    ps_part = np.repeat(p_key, 4)
    ps_supp = supplier_for(ps_part, np.tile(np.arange(4), parts), suppliers)
    yield "partsupp", pa.table({
        "ps_partkey": pa.array(ps_part, pa.int64()),
        "ps_suppkey": pa.array(ps_supp, pa.int64()),
        "ps_availqty": pa.array(rng.integers(1, 10_000, 4 * parts), pa.int32()),
        "ps_supplycost": _money(rng.integers(100, 100_001, 4 * parts)),
        "ps_comment": _text(rng, comments, 4 * parts),
    })  # fmt: skip

    c_key = np.arange(1, customers + 1)
    c_nation = rng.integers(0, 25, customers)
    yield "customer", pa.table({
        "c_custkey": pa.array(c_key, pa.int64()),
        "c_name": _names("Customer", c_key),
        "c_address": _text(rng, addresses, customers),
        "c_nationkey": pa.array(c_nation, pa.int32()),
        "c_phone": _phones(rng, c_nation),
        "c_acctbal": _money(rng.integers(-99_999, 1_000_000, customers)),
        "c_mktsegment": _pick(SEGMENTS, rng.integers(0, 5, customers)),
        "c_comment": _text(rng, comments, customers),
    })  # fmt: skip

    chunk = 375_000  # orders per file: ~1.5M lines
    clerks = max(int(1000 * scale), 1)
    for start in range(0, orders, chunk):
        yield from _orders_and_lines(
            rng, np.arange(start, min(start + chunk, orders)), customers, parts, suppliers,
            clerks, comments,
        )  # fmt: skip


def _orders_and_lines(
    rng: np.random.Generator,
    index: np.ndarray,
    customers: int,
    parts: int,
    suppliers: int,
    clerks: int,
    comments: list[str],
) -> Iterator[tuple[str, pa.Table]]:
    n = len(index)
    o_key = (index // 8) * 32 + index % 8 + 1  # sparse keys, as dbgen
    cust = rng.integers(1, customers + 1, n)
    cust = np.where(cust % 3 == 0, np.where(cust + 1 <= customers, cust + 1, cust - 1), cust)
    o_date = rng.integers(START, LAST_ORDER + 1, n)
    lines = rng.integers(1, 8, n)
    total = int(lines.sum())
    order_of_line = np.repeat(np.arange(n), lines)
    first_line = np.cumsum(lines) - lines
    linenumber = np.arange(total) - np.repeat(first_line, lines) + 1

    partkey = rng.integers(1, parts + 1, total)
    suppkey = supplier_for(partkey, rng.integers(0, 4, total), suppliers)
    quantity = rng.integers(1, 51, total)
    ext_cents = quantity * retail_cents(partkey)
    discount = rng.integers(0, 11, total)
    tax = rng.integers(0, 9, total)
    ship = o_date[order_of_line] + rng.integers(1, 122, total)
    commit = o_date[order_of_line] + rng.integers(30, 91, total)
    receipt = ship + rng.integers(1, 31, total)
    returned = np.where(rng.integers(0, 2, total) == 0, 0, 1)  # R or A
    flag = np.where(receipt <= CURRENT, returned, 2)
    shipped = ship <= CURRENT  # linestatus F
    charge = np.round(ext_cents * (100 + tax) * (100 - discount) / 10_000).astype(np.int64)

    yield "lineitem", pa.table({
        "l_orderkey": pa.array(o_key[order_of_line], pa.int64()),
        "l_partkey": pa.array(partkey, pa.int64()),
        "l_suppkey": pa.array(suppkey, pa.int64()),
        "l_linenumber": pa.array(linenumber, pa.int32()),
        "l_quantity": _money(quantity * 100),
        "l_extendedprice": _money(ext_cents),
        "l_discount": _money(discount),
        "l_tax": _money(tax),
        "l_returnflag": _pick(["R", "A", "N"], flag),
        "l_linestatus": _pick(["O", "F"], shipped.astype(np.int64)),
        "l_shipdate": _dates(ship),
        "l_commitdate": _dates(commit),
        "l_receiptdate": _dates(receipt),
        "l_shipinstruct": _pick(INSTRUCTIONS, rng.integers(0, 4, total)),
        "l_shipmode": _pick(MODES, rng.integers(0, 7, total)),
        "l_comment": _text(rng, comments, total),
    })  # fmt: skip

    shipped_lines = np.add.reduceat(shipped.astype(np.int64), first_line)
    status = np.where(shipped_lines == lines, 0, np.where(shipped_lines == 0, 1, 2))
    yield "orders", pa.table({
        "o_orderkey": pa.array(o_key, pa.int64()),
        "o_custkey": pa.array(cust, pa.int64()),
        "o_orderstatus": _pick(["F", "O", "P"], status),
        "o_totalprice": _money(np.add.reduceat(charge, first_line)),
        "o_orderdate": _dates(o_date),
        "o_orderpriority": _pick(PRIORITIES, rng.integers(0, 5, n)),
        "o_clerk": _names("Clerk", rng.integers(1, clerks + 1, n)),
        "o_shippriority": pa.array(np.zeros(n, dtype=np.int32)),
        "o_comment": _text(rng, comments, n),
    })  # fmt: skip
