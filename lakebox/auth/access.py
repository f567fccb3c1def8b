"""Who may do what: the one place that answers ``authorize(principal, action, resource)``.

Every service asks this before it acts: the HTTP API, the AWS wire APIs, the CLI (through the
API) and the console later all reach the same answer, because routes never decide. The model
follows Datasette's actor / action / resource: a *principal* (an access key today; a user with
groups once logins exist) asks to do an *action* (named as the user thinks of it:
``table:read``, ``stream:put``) on a *resource* (``table lake.events``, ``stream clicks``).

The answer comes from a chain of rules: each may allow, deny or pass. Today one rule, the role
table below, answers everything; per-table grants and row filters are further rules added in
front of it, without touching any service or route.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from lakebox.errors import AccessDenied

Role = Literal["producer", "analyst", "engineer", "admin"]
ROLES: tuple[Role, ...] = ("producer", "analyst", "engineer", "admin")

Action = Literal[
    "stream:put",
    "stream:describe",
    "stream:create",
    "stream:delete",
    "stream:flush",
    "database:read",
    "database:create",
    "table:read",
    "table:create",
    "table:write",
    "table:drop",
    "view:create",
    "view:drop",
    "crawler:read",
    "crawler:create",
    "crawler:delete",
    "crawler:run",
    "query:run",
    "query:read",
    "query:cancel",
    "saved-query:read",
    "saved-query:save",
    "saved-query:delete",
    "key:manage",
]

# What each action means, for the role table in docs/auth.md and `lakebox keys create --help`.
ACTIONS: dict[Action, str] = {
    "stream:put": "push records to a delivery stream",
    "stream:describe": "list and describe delivery streams",
    "stream:create": "create a delivery stream",
    "stream:delete": "delete a delivery stream",
    "stream:flush": "deliver a stream's buffered records now",
    "database:read": "list databases and their tables",
    "database:create": "create a database",
    "table:read": "describe a table or view and read it in queries",
    "table:create": "create a table (CREATE TABLE, CTAS, the tables API)",
    "table:write": "write to a table (INSERT INTO, schema changes, partitions, rollback)",
    "table:drop": "drop a table and delete its data",
    "view:create": "create or replace a view",
    "view:drop": "drop a view",
    "crawler:read": "list crawlers and their runs",
    "crawler:create": "create a crawler",
    "crawler:delete": "delete a crawler",
    "crawler:run": "start a crawl",
    "query:run": "run queries (each table they read is authorized too)",
    "query:read": "see a query execution and its results (its submitter always may)",
    "query:cancel": "cancel a query execution (its submitter always may)",
    "saved-query:read": "list and read saved queries",
    "saved-query:save": "save a query under a name",
    "saved-query:delete": "delete a saved query (its author always may)",
    "key:manage": "create, list and revoke access keys",
}

_PRODUCER: frozenset[Action] = frozenset({"stream:put", "stream:describe"})
_ANALYST: frozenset[Action] = frozenset(
    {
        "stream:describe",
        "database:read",
        "table:read",
        "crawler:read",
        "query:run",
        "saved-query:read",
        "saved-query:save",
    }
)
_ENGINEER: frozenset[Action] = _ANALYST | {
    "database:create",
    "table:create",
    "table:write",
    "view:create",
    "view:drop",
    "crawler:create",
    "crawler:delete",
    "crawler:run",
    "saved-query:delete",
}
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    "producer": _PRODUCER,
    "analyst": _ANALYST,
    "engineer": _ENGINEER,
    "admin": frozenset(ACTIONS),
}

# Actions on a thing someone owns, which its owner may always do (a query's submitter sees
# and cancels it; a saved query's author deletes it) while others need the role's action.
OWNER_ACTIONS: frozenset[Action] = frozenset({"query:read", "query:cancel", "saved-query:delete"})


@dataclass(frozen=True)
class Principal:
    """Who asks: today an access key (``id`` is its key id); later a user with groups."""

    id: str
    name: str
    role: Role
    kind: Literal["key", "user", "system"] = "key"
    groups: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.kind == "key":
            return f"access key {self.id} ({self.name}, role {self.role})"
        return f"{self.kind} {self.name} (role {self.role})"


# lakebox's own work (scheduled crawls, recovery, the demo): not a credential anyone holds.
SYSTEM = Principal(id="lakebox", name="lakebox", role="admin", kind="system")


@dataclass(frozen=True)
class Resource:
    """What is acted on: a kind (``table``, ``stream``, ...) and its name; ``owner`` is the
    principal id that owns it, where ownership matters."""

    kind: str
    name: str = "*"
    owner: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.kind} {self.name}" if self.name != "*" else f"any {self.kind}"


def table_resource(database: str, name: str) -> Resource:
    return Resource("table", f"{database}.{name}")


# A rule answers True (allow), False (deny) or None (no opinion: ask the next rule).
Rule = Callable[[Principal, Action, Resource], bool | None]


def owner_rule(principal: Principal, action: Action, resource: Resource) -> bool | None:
    if action in OWNER_ACTIONS and resource.owner is not None and resource.owner == principal.id:
        return True
    return None


def role_rule(principal: Principal, action: Action, resource: Resource) -> bool | None:
    return action in ROLE_ACTIONS.get(principal.role, frozenset())


class Access:
    """The authorizer every service holds. ``rules`` are asked in order; the first that has
    an opinion decides; with none, the answer is no."""

    def __init__(self, rules: Iterable[Rule] = (owner_rule, role_rule)) -> None:
        self.rules: list[Rule] = list(rules)

    def allows(self, principal: Principal, action: Action, resource: Resource) -> bool:
        for rule in self.rules:
            answer = rule(principal, action, resource)
            if answer is not None:
                return answer
        return False

    def authorize(self, principal: Principal, action: Action, resource: Resource) -> None:
        """Return if ``principal`` may do ``action`` on ``resource``; else :class:`AccessDenied`
        naming all three and which roles may."""
        if self.allows(principal, action, resource):
            return
        roles = [r for r in ROLES if action in ROLE_ACTIONS[r]]
        owner = " (or its owner)" if action in OWNER_ACTIONS else ""
        raise AccessDenied(
            f"{principal.describe()} may not {action} on {resource}: "
            f"roles that may: {', '.join(roles)}{owner}"
        )

    def authorize_all(
        self, principal: Principal, wanted: Iterable[tuple[Action, Resource]]
    ) -> None:
        for action, resource in wanted:
            self.authorize(principal, action, resource)


def role_of(text: str) -> Role:
    """A role named by a user, checked."""
    for role in ROLES:
        if text == role:
            return role
    from lakebox.errors import InvalidArgument

    raise InvalidArgument(f"unknown role {text!r}; roles: {', '.join(ROLES)}")
