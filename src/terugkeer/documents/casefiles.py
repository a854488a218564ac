"""Loading and saving case files: one JSON document per case, with a revision, written atomically.

``{"schema": "terugkeer/case", "version": N, "revision": R, ...}``.

- :func:`load_case` takes a path (``str`` or ``os.PathLike``) or the document itself as ``bytes``;
  it never guesses whether a string is a path or a document. Only regular files are read, and never
  more than :data:`~terugkeer.documents.serialization.MAX_DOCUMENT_BYTES` + 1 bytes. Every failure,
  of the input or of the operating system, is a :class:`~terugkeer.ValidationError`.
- :func:`save_case` writes under an exclusive lock on a lock file beside the case: it removes
  stale temporary files of that case, checks ``expected_revision`` against the revision on disk
  (a :class:`~terugkeer.errors.ConflictError` when the file has moved on), writes a temporary file
  in the same folder, flushes and fsyncs it, renames it over the case and fsyncs the folder. The
  saved case carries the next revision. A crash mid-write leaves the previous file intact. An
  existing file keeps its permission bits; a new one gets 0600. A symbolic link is followed: the
  file it points to is replaced, the link stays. It never writes a document it would refuse to read.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import attrs

from terugkeer.case import CaseFile
from terugkeer.errors import ConflictError, Problem, ValidationError

from .serialization import MAX_DOCUMENT_BYTES, _text_problems, dumps, loads, parse, to_document

__all__ = ["load_case", "save_case"]

_CHUNK = 1 << 16


def _read(source: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file, at most the document limit + 1; failures carry no value."""
    code: str | None = None
    data = b""
    fd = -1
    try:
        fd = os.open(
            source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            code = "file.unreadable"
        else:
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_DOCUMENT_BYTES:
                chunk = os.read(fd, _CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
    except (OSError, ValueError, TypeError):  # missing, no permission, a NUL in the name, ...
        code = "file.unreadable"
    finally:
        if fd >= 0:
            os.close(fd)
    if code is not None:
        raise ValidationError.at("$", code)
    return data


def load_case(source: str | os.PathLike[str] | bytes) -> CaseFile:
    """Load a case from a path (``str`` or ``os.PathLike``), or from the document as ``bytes``.

    To load a document held in a ``str``, use ``loads(text, CaseFile)``. Bad input of any kind is a
    :class:`~terugkeer.ValidationError` that names paths, never values.
    """
    if isinstance(source, bytes):
        return loads(source, CaseFile)
    if not isinstance(source, (str, os.PathLike)):
        raise ValidationError.at("$", "json.not_text")
    return loads(_read(source), CaseFile)


def _disk_revision(target: Path) -> int | None:
    """The revision of the case on disk: None when there is no readable case document."""
    try:
        data = parse(_read(target))
    except ValidationError:
        return None
    revision = data.get("revision", 0) if isinstance(data, dict) else None
    return revision if type(revision) is int else None


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An exclusive lock on ``.<name>.lock`` beside the case (POSIX flock, Windows locking)."""
    lock_path = target.parent / f".{target.name}.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
        else:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _encoded(case: CaseFile) -> bytes:
    text = dumps(case, indent=2)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = b""
    if not data:
        problems = _text_problems(to_document(case))
        raise ValidationError(problems or [Problem("$", "json.not_utf8")])
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError.at("$", "json.too_large", {"max": MAX_DOCUMENT_BYTES})
    return data


def save_case(
    case: CaseFile,
    path: str | os.PathLike[str] | None = None,
    *,
    expected_revision: int | None = None,
) -> str:
    """Serialise ``case``; with a ``path``, also write it there. Returns the text written.

    The written case has the next revision: one more than the revision on disk (or than
    ``case.revision`` when that is higher). With ``expected_revision``, the save is refused with a
    :class:`~terugkeer.errors.ConflictError` unless the file on disk has exactly that revision, so
    a read–modify–write by two processes never loses an update silently.
    """
    if path is None:
        return _encoded(case).decode("utf-8")
    import tempfile  # only when writing: it costs a few ms at import

    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    with _locked(target):
        on_disk = _disk_revision(target)
        if expected_revision is not None and on_disk != expected_revision:
            raise ConflictError("the case file has changed since it was read; load it again")
        saved = attrs.evolve(case, revision=max(on_disk or 0, case.revision) + 1)
        data = _encoded(saved)
        for stale in target.parent.glob(f".{target.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            mode = 0o600
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        try:
            with os.fdopen(fd, "wb") as handle:
                os.chmod(temp_name, mode)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_folder(target.parent)
    return data.decode("utf-8")


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
