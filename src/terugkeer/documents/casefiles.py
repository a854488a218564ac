"""Loading and saving case files: one JSON document per case, with a revision, written atomically.

``{"schema": "terugkeer/case", "version": N, "revision": R, ...}``.

- :func:`load_case` takes a path (``str`` or ``os.PathLike``) or the document itself as ``bytes``;
  it never guesses whether a string is a path or a document. Only regular files are read, and never
  more than :data:`~terugkeer.documents.serialization.MAX_DOCUMENT_BYTES` + 1 bytes. Every failure,
  of the input or of the operating system, is a :class:`~terugkeer.ValidationError`.
- :func:`save_case` writes under an exclusive lock on a lock file beside the case: it removes
  stale temporary files of that case, refuses with a :class:`~terugkeer.errors.ConflictError` when
  the file on disk is not at the revision the case was read at (unless told to overwrite), writes
  a temporary file in the same folder, flushes and fsyncs it, renames it over the case and fsyncs
  the folder. It returns the saved case, which carries the next revision. A crash mid-write leaves
  the previous file intact. An existing file keeps its permission bits; a new one gets 0600. A
  symbolic link is followed: the file it points to is replaced, the link stays. It never writes a
  document it would refuse to read.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import stat
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs

from terugkeer.case import CaseFile
from terugkeer.errors import ConflictError, Problem, ValidationError

from .serialization import MAX_DOCUMENT_BYTES, _text_problems, dumps, loads, parse, to_document

__all__ = ["load_case", "lock_name", "save_case"]

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
    """An exclusive lock on a lock file beside the case (POSIX flock, Windows locking).

    The lock file stays (removing a lock file others may be waiting on is not safe), so it is
    named by a hash of the case's file name, never the name itself: a case file named after its
    client leaves no name behind when it is deleted."""
    lock_path = target.parent / lock_name(target.name)
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


def lock_name(file_name: str) -> str:
    """The name of the lock file of a case file: the same for the same name, and telling
    nothing of it.

    >>> lock_name("Amira_1990-01-01.json")
    '.terugkeer-619d72759829144e.lock'
    """
    digest = hashlib.sha256(file_name.encode("utf-8", "surrogatepass")).hexdigest()
    return f".terugkeer-{digest[:16]}.lock"


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


@typing.overload
def save_case(
    case: CaseFile,
    path: None = None,
    *,
    expected_revision: int | None = None,
    overwrite: bool = False,
) -> str: ...


@typing.overload
def save_case(
    case: CaseFile,
    path: str | os.PathLike[str],
    *,
    expected_revision: int | None = None,
    overwrite: bool = False,
) -> CaseFile: ...


def save_case(
    case: CaseFile,
    path: str | os.PathLike[str] | None = None,
    *,
    expected_revision: int | None = None,
    overwrite: bool = False,
) -> CaseFile | str:
    """Write ``case`` to ``path`` and return the case as saved, with its new revision.

    Safe by default: the save is refused with a :class:`~terugkeer.errors.ConflictError` when the
    file on disk is not at the revision the case was read at (``case.revision``; a case never saved
    has revision 0 and so never replaces an existing file). Two programs that each load, change
    and save the same file therefore never lose an update silently: one of them is told to load
    again. ``expected_revision`` compares with another revision instead; ``overwrite=True`` writes
    regardless (the saved revision is still one more than the file's). Keep working with the
    returned case: it carries the revision the next save expects.

    Without a path (deprecated: use ``dumps(case, indent=2)``), the text is returned and nothing
    is written.
    """
    if path is None:
        warnings.warn(
            "save_case(case) without a path is deprecated and will be removed in 0.3: use "
            "terugkeer.dumps(case, indent=2)",
            DeprecationWarning,
            stacklevel=2,
        )
        return _encoded(case).decode("utf-8")
    import tempfile  # only when writing: it costs a few ms at import

    target = _target(path)
    with _locked(target):
        try:
            before: os.stat_result | None = os.stat(target)
        except OSError:
            before = None
        on_disk = 0 if before is None else _disk_revision(target)
        if not overwrite:
            expected = case.revision if expected_revision is None else expected_revision
            if on_disk != expected:
                raise ConflictError(
                    "the case file is not at the revision this case was read at (another save "
                    "came in between, or it is another case): load it again, or pass "
                    "overwrite=True to replace it"
                )
        saved = attrs.evolve(case, revision=max(on_disk or 0, case.revision) + 1)
        data = _encoded(saved)
        for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        mode = 0o600 if before is None else stat.S_IMODE(before.st_mode)
        try:
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
        except OSError:  # raised below, outside the handler: the error holds no file name
            fd, temp_name = -1, ""
        if fd < 0:
            raise ValidationError.at("$", "file.unwritable")
        try:
            with os.fdopen(fd, "wb") as handle:
                os.chmod(temp_name, mode)
                if before is not None and hasattr(os, "chown"):
                    # The case keeps its owner and group (a save by root must not take it
                    # over); where the saver may not give it away, it stays the saver's.
                    with contextlib.suppress(OSError):
                        os.chown(temp_name, before.st_uid, before.st_gid)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_folder(target.parent)
    return saved


def _target(path: str | os.PathLike[str]) -> Path:
    """The file a save replaces: ``path``, or the file a symbolic link at ``path`` points to. A
    link that points nowhere, a loop of links or a missing folder is a ``ValidationError``."""
    target: Path | None = Path(path)
    try:
        if target is not None and target.is_symlink():
            target = target.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling link, or a loop (RuntimeError before 3.13)
        target = None  # refused below, outside the handler: the error holds no file name
    if target is None or not target.parent.is_dir():
        raise ValidationError.at("$", "file.unwritable")
    return target


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
