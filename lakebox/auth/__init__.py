"""Credentials: access keys (SigV4 and bearer), the admin credential, roles."""

from lakebox.auth.keys import ROLES, AccessKey, AccessKeys, NewKey, Role
from lakebox.auth.sigv4 import verify as verify_sigv4

__all__ = ["ROLES", "AccessKey", "AccessKeys", "NewKey", "Role", "verify_sigv4"]
