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

__all__ = ["KEY_ADVICE", "MIN_KEY_BYTES", "MIN_KEY_SYMBOLS", "check_key", "pseudonym"]

#: The secret key must be at least this long (bytes).
MIN_KEY_BYTES = 16
#: ... and hold at least this many different bytes: ``aaaaaaaaaaaaaaaa`` is found by trying.
MIN_KEY_SYMBOLS = 8
#: How to make a good key (printed by the command line when a key is refused).
KEY_ADVICE = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


def check_key(key: object) -> None:
    """Refuse a key that is not bytes, shorter than :data:`MIN_KEY_BYTES`, or made of fewer than
    :data:`MIN_KEY_SYMBOLS` different bytes (naming the key's path, never the key). A key made
    as :data:`KEY_ADVICE` says passes.

    >>> try:
    ...     check_key(b"aaaaaaaaaaaaaaaaaaaaaaaa")
    ... except ValidationError as err:
    ...     print(err.problems[0].code)
    key.weak
    """
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValidationError.at("$.key", "key.too_short", {"min": MIN_KEY_BYTES})
    if len(set(key)) < MIN_KEY_SYMBOLS:
        raise ValidationError.at("$.key", "key.weak")


def pseudonym(case_id: str, key: bytes) -> str:
    """The stable keyed pseudonym of a case id (hex HMAC-SHA256); a weak key is refused
    (:func:`check_key`)."""
    check_key(key)
    return hmac.new(key, case_id.encode("utf-8"), hashlib.sha256).hexdigest()
