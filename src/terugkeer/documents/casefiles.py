"""Loading and saving case files: one JSON document per case, written atomically.

``{"schema": "terugkeer/case", "version": N, ...}``. Saving writes a temporary file in the same
folder, flushes and fsyncs it, then renames it over the old file: a crash mid-write leaves the
previous file intact. Loading refuses inputs over :data:`~terugkeer.MAX_DOCUMENT_BYTES` before
parsing, upgrades older versions through explicit migrations, and reports every problem as a
path, never a value.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from terugkeer.case import CaseFile
from terugkeer.errors import ValidationError

from .serialization import MAX_DOCUMENT_BYTES, dumps, loads

__all__ = ["load_case", "save_case"]


def load_case(source: str | bytes | os.PathLike[str]) -> CaseFile:
    """Load a case from a path, or from JSON text (a ``str`` starting with ``{``, or ``bytes``).

    Bad input of any kind is a :class:`~terugkeer.ValidationError`.
    """
    if isinstance(source, bytes) or (isinstance(source, str) and source.lstrip().startswith("{")):
        return loads(source, CaseFile)
    if not isinstance(source, (str, os.PathLike)):
        raise ValidationError.at("$", "must be a path or JSON text")
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise ValidationError.at("$", f"is larger than {MAX_DOCUMENT_BYTES} bytes")
        data = path.read_bytes()
    except OSError:
        raise ValidationError.at("$", "cannot be read as a file") from None
    return loads(data, CaseFile)


def save_case(case: CaseFile, path: str | os.PathLike[str] | None = None) -> str:
    """Serialise ``case``; with a ``path``, also write it there atomically. Returns the text."""
    text = dumps(case, indent=1)
    if path is None:
        return text
    import tempfile  # only when writing: it costs a few ms at import

    target = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(target.parent)
    return text


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
