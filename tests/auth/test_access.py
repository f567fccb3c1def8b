"""The authorizer: the role table, the owner rule, the rule chain, and docs/auth.md's table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lakebox.auth.access import (
    ACTIONS,
    OWNER_ACTIONS,
    ROLE_ACTIONS,
    ROLES,
    SYSTEM,
    Access,
    Principal,
    Resource,
    role_of,
    table_resource,
)
from lakebox.errors import AccessDenied, InvalidArgument

DOCS = Path(__file__).resolve().parents[2] / "docs" / "auth.md"


def test_the_role_table_in_the_docs_is_the_one_in_force() -> None:
    rows = {}
    for line in DOCS.read_text().splitlines():
        match = re.match(r"\| `([a-z:-]+)` \| [^|]+ \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [c.strip() for c in match.group(2).split("|")]
    assert set(rows) == set(ACTIONS)
    for action, cells in rows.items():
        for role, cell in zip(ROLES, cells, strict=True):
            expected = "yes" if action in ROLE_ACTIONS[role] else ""
            if not expected and action in OWNER_ACTIONS:
                expected = "own"
            assert cell == expected, (action, role)


def test_roles_grow_from_producer_to_admin_except_pushing() -> None:
    assert ROLE_ACTIONS["analyst"] <= ROLE_ACTIONS["engineer"] <= ROLE_ACTIONS["admin"]
    assert ROLE_ACTIONS["producer"] <= ROLE_ACTIONS["admin"]
    assert "stream:put" not in ROLE_ACTIONS["analyst"] | ROLE_ACTIONS["engineer"]
    assert "table:drop" in ROLE_ACTIONS["admin"] - ROLE_ACTIONS["engineer"]


def test_a_denial_names_principal_action_resource_and_who_may() -> None:
    alice = Principal("LKIAALICE", "alice", "analyst")
    with pytest.raises(AccessDenied) as err:
        Access().authorize(alice, "table:drop", table_resource("lake", "orders"))
    assert err.value.message == (
        "access key LKIAALICE (alice, role analyst) may not table:drop on table lake.orders: "
        "roles that may: admin"
    )
    assert err.value.status == 403


def test_owners_act_on_their_own_things_only() -> None:
    access = Access()
    alice = Principal("A", "alice", "analyst")
    assert access.allows(alice, "query:cancel", Resource("query", "q1", owner="A"))
    assert not access.allows(alice, "query:cancel", Resource("query", "q2", owner="B"))
    assert not access.allows(alice, "query:read", Resource("query"))  # everyone's history
    assert access.allows(SYSTEM, "query:read", Resource("query", "q2", owner="B"))


def test_rules_in_front_decide_first_and_silence_means_no() -> None:
    def no_orders(p: Principal, action: str, resource: Resource) -> bool | None:
        return False if resource == table_resource("lake", "orders") else None

    access = Access([no_orders, *Access().rules])
    admin = Principal("K", "root", "admin")
    assert not access.allows(admin, "table:read", table_resource("lake", "orders"))
    assert access.allows(admin, "table:read", table_resource("lake", "items"))
    assert not Access([]).allows(admin, "table:read", table_resource("lake", "items"))


def test_unknown_roles_are_refused_by_name() -> None:
    assert role_of("engineer") == "engineer"
    with pytest.raises(InvalidArgument, match="unknown role 'root'; roles: producer, analyst"):
        role_of("root")
