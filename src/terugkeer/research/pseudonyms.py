"""Pseudonymisation: a case id becomes a keyed hash that the same key makes again in every run.

The key is a secret the researcher keeps (never stored with the data); without it a pseudonym
cannot be turned back into a case id, nor a case id checked against one.

>>> p = pseudonym("case-7", b"a secret of sixteen+ bytes")
>>> len(p), p == pseudonym("case-7", b"a secret of sixteen+ bytes")
(64, True)
"""

from __future__ import annotations

import hashlib
import hmac

from terugkeer.errors import ValidationError

__all__ = ["MIN_KEY_BYTES", "check_key", "pseudonym"]

#: The secret key must be at least this long (bytes).
MIN_KEY_BYTES = 16


def check_key(key: object) -> None:
    """Refuse a key that is not bytes, or shorter than :data:`MIN_KEY_BYTES` (naming the key's
    path, never the key)."""
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValidationError.at("$.key", "key.too_short", {"min": MIN_KEY_BYTES})


def pseudonym(case_id: str, key: bytes) -> str:
    """The stable keyed pseudonym of a case id (hex HMAC-SHA256); a weak key is refused
    (:func:`check_key`)."""
    check_key(key)
    return hmac.new(key, case_id.encode("utf-8"), hashlib.sha256).hexdigest()
