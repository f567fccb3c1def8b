"""Credentials and who may do what: access keys (SigV4 and bearer), the admin credential,
principals, roles and the one authorizer."""

from lakebox.auth.access import ROLES, SYSTEM, Access, Principal, Resource, Role
from lakebox.auth.keys import AccessKey, AccessKeys, NewKey
from lakebox.auth.sigv4 import verify as verify_sigv4

__all__ = [
    "ROLES",
    "SYSTEM",
    "Access",
    "AccessKey",
    "AccessKeys",
    "NewKey",
    "Principal",
    "Resource",
    "Role",
    "verify_sigv4",
]
