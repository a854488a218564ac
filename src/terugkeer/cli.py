"""The ``terugkeer`` command: the demo, reports, form definitions, the case-document schema,
validation and export."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import TerugkeerError, UnsupportedLocaleError
from .i18n import AVAILABLE_LOCALES, DEFAULT_LOCALE, resolve_locale

if TYPE_CHECKING:
    from .documents.research import ResearchOptions, Row
    from .documents.researchfiles import ExportFormat, PreparedCase

__all__ = ["main"]

_T = TypeVar("_T")

_DEMO_HELP = """\
Show a made-up example client: the case summary, the scale legend, Overview 1 grouped as on the
form (scores as − − − … + + +, '·' for discussed without a score, '○' for skipped) with Total − and
Total + per group, a later assessment and what changed, Overviews 2 and 3 as filled in together,
the action plan, the health checklist and the signals. Nothing shown is a prediction or advice.
"""
_REPORT_HELP = """\
Render a case document for people to read: as text, or as one self-contained HTML page (no
network, no JavaScript) that prints on A4, with the factor balance and the timeline as pictures.
"""


_FORMS_HELP = """\
Print the form definitions of the instruments (all, or those named): each item with its link id,
answer type, allowed codes, whether it must be answered, what repeats and when it is asked. As
text for people, or as JSON (labels in the chosen language) to build forms from.
"""
_EXPORT_FORM_HELP = """\
Write an instrument's forms for other systems: as a FHIR Bundle (R5 or R4B) of Questionnaires
and the CodeSystems and ValueSets they use, to FILE or stdout; or as XLSForm workbooks (ODK,
KoboToolbox), one '<form id>.xlsx' per form in the folder given with -o (needs: pip install
'terugkeer[xlsform]').
"""
_SCHEMA_HELP = (
    "Print the JSON Schema (draft 2020-12) of the case document, generated from the types."
)
_VALIDATE_HELP = """\
Check case documents. Prints 'FILE: OK', or every problem as 'FILE: PATH: REASON' (never the
offending value) and exits with status 1.
"""
_EXPORT_HELP = """\
Write every instrument of the cases as tidy tables (one row per observation, with the keys to join
them) and a codebook (codebook.csv, codebook_codes.csv and, for CSV and Parquet, a Frictionless
datapackage.json) to the new or empty folder --out. Pseudonymised by default: the case id becomes
a keyed hash (HMAC-SHA256 with the secret in the environment variable named by --key-env), dates
become days since the case's first recorded date (or months, --dates month), the date of birth a
year, the country of origin an ISO code; free text, the country as typed and the vulnerable
characteristics are left out unless --include names their group. Names and contact details are
never exported. Files are read one at a time (or by --jobs processes), never all at once; an
invalid file, or a second file for the same case, is named on stderr and left out, and the exit
status is then 1 unless --skip-invalid is given. A progress bar is shown on a terminal when tqdm is
installed. Parquet, SPSS and Stata need: pip install 'terugkeer[research]'.
"""


_EPILOG = """\
exit status: 0 when all went well, 1 for invalid input (a case file that is not valid, a missing
key), 2 for wrong usage. No command prints a traceback.
"""


def _shown(name: str) -> str:
    """A file name as given, or quoted when it holds a line break or another control character
    (so it cannot forge a line of output)."""
    return name if name.isprintable() else json.dumps(name)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of 1 or more")
    return int(text)


def _locale_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--locale",
        default=DEFAULT_LOCALE,
        help=f"language: one of {', '.join(AVAILABLE_LOCALES)} (default: {DEFAULT_LOCALE})",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="terugkeer",
        description="Tools around the 'Bewogen terugkeer' counselling methodology.",
        epilog=_EPILOG,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo", help="show the built-in example client", description=_DEMO_HELP
    )
    demo.add_argument(
        "--counsellor",
        action="store_true",
        help="show the counsellor's own instruments instead: a stress self-check and its advice",
    )
    demo.add_argument(
        "--locale",
        default=DEFAULT_LOCALE,
        help=f"language of the output: one of {', '.join(AVAILABLE_LOCALES)}, "
        f"or a regional tag such as nl_BE (default: {DEFAULT_LOCALE})",
    )
    demo.add_argument(
        "--save-case",
        metavar="FILE",
        help="also write the example client's case document to FILE (for 'terugkeer report')",
    )
    report = commands.add_parser(
        "report", help="render a case for people: text or printable HTML", description=_REPORT_HELP
    )
    report.add_argument("file", metavar="CASE", help="a case document (JSON)")
    _locale_option(report)
    report.add_argument(
        "--format", choices=("text", "html"), default="text", help="text or html (default: text)"
    )
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    forms = commands.add_parser(
        "forms", help="print the instruments' form definitions", description=_FORMS_HELP
    )
    forms.add_argument(
        "instruments",
        nargs="*",
        metavar="INSTRUMENT",
        help="overview1, overview2, overview3, actionplan, health, signals, wellbeing, context "
        "or consents (default: all)",
    )
    _locale_option(forms)
    forms.add_argument(
        "--format", choices=("text", "json"), default="text", help="text or json (default: text)"
    )
    export_form = commands.add_parser(
        "export-form",
        help="write an instrument's forms as FHIR or XLSForm",
        description=_EXPORT_FORM_HELP,
    )
    export_form.add_argument(
        "--format", choices=("fhir-r5", "fhir-r4b", "xlsform"), required=True, help="the format"
    )
    export_form.add_argument("instrument", metavar="INSTRUMENT", help="e.g. overview1")
    export_form.add_argument(
        "-o", "--output", metavar="PATH", help="FILE for FHIR (default: stdout), FOLDER for XLSForm"
    )
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the case document", description=_SCHEMA_HELP
    )
    schema.add_argument("--indent", type=int, default=2, help="indentation (default: 2)")
    schema.add_argument(
        "--locale",
        help=f"add each property's label as its title, in one of {', '.join(AVAILABLE_LOCALES)}",
    )
    validate = commands.add_parser(
        "validate",
        help="check case files: OK, or every problem (exit 1)",
        description=_VALIDATE_HELP,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="case documents (JSON)")
    export = commands.add_parser(
        "export", help="write pseudonymised research tables", description=_EXPORT_HELP
    )
    export.add_argument(
        "files",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="case documents (JSON), or folders of them (every *.json below, sorted)",
    )
    export.add_argument(
        "--format",
        choices=("csv", "parquet", "sav", "dta"),
        default="csv",
        help="the tables' file format (default: %(default)s)",
    )
    export.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write (new or empty)"
    )
    export.add_argument(
        "--dates",
        choices=("days", "month"),
        default="days",
        help="dates as days since the case's first date, or as YYYY-MM (default: %(default)s)",
    )
    export.add_argument(
        "--include",
        action="append",
        choices=("free_text", "country_text", "vulnerable"),
        default=[],
        metavar="GROUP",
        help="also export this group of fields: free_text, country_text or vulnerable (repeat "
        "for more)",
    )
    export.add_argument(
        "--locale",
        default="en",
        help=f"the language of the labels in the package and in SPSS/Stata files, one of "
        f"{', '.join(AVAILABLE_LOCALES)} (the codebook CSV has both; default: %(default)s)",
    )
    export.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="read the files in N processes (default: 1); the output is the same",
    )
    export.add_argument(
        "--skip-invalid",
        action="store_true",
        help="exit 0 even when invalid case files were left out (they are named on stderr)",
    )
    export.add_argument(
        "--key-env",
        default="TERUGKEER_EXPORT_KEY",
        metavar="NAME",
        help="environment variable holding the secret pseudonym key (default: %(default)s)",
    )
    return parser


def _forms(
    parser: argparse.ArgumentParser, instruments: Sequence[str], locale: str, fmt: str
) -> int:
    from .forms import INSTRUMENTS, all_forms, forms

    unknown = [name for name in instruments if name not in INSTRUMENTS]
    if unknown:
        parser.error(
            f"unknown instrument {_shown(unknown[0])}; choose from {', '.join(INSTRUMENTS)}"
        )
    chosen = [f for name in instruments for f in forms(name)] if instruments else all_forms()
    if fmt == "json":
        from .documents.forms import form_document

        documents = [form_document(form, locale) for form in chosen]
        print(json.dumps(documents, indent=2, ensure_ascii=False))
        return 0
    from .reports.forms import form_lines

    print("\n\n".join("\n".join(form_lines(form, locale)) for form in chosen))
    return 0


def _export_form(
    parser: argparse.ArgumentParser, instrument: str, fmt: str, output: str | None
) -> int:
    from .forms import INSTRUMENTS, forms

    if instrument not in INSTRUMENTS:
        parser.error(
            f"unknown instrument {_shown(instrument)}; choose from {', '.join(INSTRUMENTS)}"
        )
    chosen = forms(instrument)
    if fmt == "xlsform":
        if output is None:
            parser.error("--format xlsform writes workbooks: give a folder with -o")
        from .documents.xlsform import write_xlsform

        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for form in chosen:
            write_xlsform(form, folder / f"{form.id}.xlsx")
        return 0
    from .documents.fhir import bundle

    written = json.dumps(
        bundle(chosen, "R5" if fmt == "fhir-r5" else "R4B"), indent=2, ensure_ascii=False
    )
    if output is None:
        print(written)
    else:
        Path(output).write_text(written + "\n", encoding="utf-8")
    return 0


def _validate(files: Sequence[str]) -> int:
    from .documents.casefiles import load_case
    from .errors import ValidationError

    status = 0
    for name in files:
        try:
            load_case(Path(name))
        except ValidationError as err:
            status = 1
            for problem in err.problems:
                print(f"{_shown(name)}: {problem.path}: {problem.reason}")
            if err.total > len(err.problems):
                print(f"{_shown(name)}: and {err.total - len(err.problems)} more problems")
        else:
            print(f"{_shown(name)}: OK")
    return status


def _export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .documents.research import MIN_KEY_BYTES, DatePrecision, FieldGroup, ResearchOptions
    from .documents.researchfiles import ExportFormat, ResearchWriter

    try:
        locale = resolve_locale(args.locale)
    except UnsupportedLocaleError as err:
        parser.error(str(err))
    key_env = args.key_env
    if hasattr(os, "environb"):  # POSIX: the bytes as set, whatever their encoding
        key = os.environb.get(key_env.encode("utf-8", "surrogateescape"), b"")
    else:  # pragma: no cover - Windows
        key = os.environ.get(key_env, "").encode("utf-8", "surrogateescape")
    if len(key) < MIN_KEY_BYTES:
        print(
            f"terugkeer: set {key_env} to a secret of at least {MIN_KEY_BYTES} bytes",
            file=sys.stderr,
        )
        return 2
    options = ResearchOptions(
        dates=DatePrecision(args.dates), include=frozenset(FieldGroup(g) for g in args.include)
    )
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        parser.error("--out must name a new or empty folder")
    fmt = ExportFormat(args.format)
    bad = 0
    seen: set[bytes] = set()  # 16 bytes of each pseudonym: a cohort's paths are never held
    with ResearchWriter(out, fmt, options, locale=locale) as writer:
        found = _exported(_case_paths(args.files), key, options, fmt, args.jobs)
        for path, prepared, error in _progress(found, args.files):
            if prepared is not None:
                digest = bytes.fromhex(prepared.case[:32])
                if digest in seen:
                    error = "the same case as an earlier file"
                else:
                    seen.add(digest)
            if error is not None or prepared is None:
                bad += 1
                print(f"terugkeer: {_shown(path)}: left out: {error}", file=sys.stderr)
                continue
            writer.add_prepared(prepared)
    print(
        f"terugkeer: {writer.cases} case(s), {writer.rows} row(s) written to {_shown(str(out))}",
        file=sys.stderr,
    )
    if bad:
        print(f"terugkeer: {bad} case file(s) left out", file=sys.stderr)
    return 1 if bad and not args.skip_invalid else 0


def _case_tables(
    path: str, key: bytes, options: ResearchOptions
) -> tuple[dict[str, list[Row]] | None, str | None]:
    """One case file's research tables, or why it is not a valid case (never a value)."""
    from .documents.casefiles import load_case
    from .documents.research import case_tables

    try:
        case = load_case(path)
    except TerugkeerError as err:
        return None, str(err)
    return case_tables(case, key, options), None


#: Files per slice, read and prepared together by one process (for Parquet, the slice makes a
#: record batch per table: see ``researchfiles.BATCH_CASES``).
_SLICE = 32


def _exported(
    paths: Iterable[str], key: bytes, options: ResearchOptions, fmt: ExportFormat, jobs: int
) -> Iterator[tuple[str, PreparedCase | None, str | None]]:
    """Each file's tables, in the files' order: read here, or by ``jobs`` worker processes, a
    slice of files at a time, so that a cohort never sits in memory whole."""
    import itertools

    from .documents.researchfiles import BATCH_CASES, ExportFormat

    size = BATCH_CASES if fmt is ExportFormat.PARQUET else _SLICE
    files = iter(paths)
    slices = iter(lambda: list(itertools.islice(files, size)), [])
    if jobs == 1:
        for files_read in slices:
            found = _slice_tables(files_read, key, options, fmt)
            for path, (prepared, error) in zip(files_read, found, strict=True):
                yield path, prepared, error
        return
    import collections
    from concurrent.futures import Future, ProcessPoolExecutor

    from .documents.researchfiles import _unpack

    # At most 4 slices per process in flight: the processes keep working while this one writes.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: collections.deque[tuple[Sequence[str], Future[_Sent]]] = collections.deque()
        for chunk in itertools.chain(slices, [None]):
            if chunk is not None:
                pending.append((chunk, pool.submit(_slice_sent, chunk, key, options, fmt)))
                if len(pending) < 4 * jobs:
                    continue
            while pending and (chunk is None or len(pending) >= 4 * jobs):
                done_paths, future = pending.popleft()
                packed, errors = future.result()
                cases = iter(_unpack(packed))
                for path, error in zip(done_paths, errors, strict=True):
                    yield path, (next(cases) if error is None else None), error


_Found = tuple["PreparedCase | None", "str | None"]
#: A worker's answer: the prepared cases packed (``researchfiles._pack``), and per file why it
#: is not a valid case (None for each case packed, in order).
_Sent = tuple[bytes, list["str | None"]]


def _slice_sent(
    paths: Sequence[str], key: bytes, options: ResearchOptions, fmt: ExportFormat
) -> _Sent:
    """A worker process's task: :func:`_slice_tables`, its cases packed for sending (Parquet's
    record batches as Arrow IPC streams, which cost a fraction of pickling them)."""
    from .documents.researchfiles import _pack

    found = _slice_tables(paths, key, options, fmt)
    return _pack([p for p, _ in found if p is not None]), [error for _, error in found]


def _slice_tables(
    paths: Sequence[str], key: bytes, options: ResearchOptions, fmt: ExportFormat
) -> list[_Found]:
    """A slice of files read and made ready for writing, each file's case or why it is not one
    (one task for a worker process; a module-level function, so that workers can run it)."""
    from .documents.researchfiles import prepare_many

    with _cycles_uncollected():
        found = [_case_tables(path, key, options) for path in paths]
        prepared = iter(prepare_many([t for t, _ in found if t is not None], fmt, options))
        return [
            (None, error) if tables is None else (next(prepared), None) for tables, error in found
        ]


@contextlib.contextmanager
def _cycles_uncollected() -> Iterator[None]:
    """Python's cycle collector paused (as it was after): a slice's cases, tables and rows
    hold no reference cycles, so collecting while they are made finds nothing, and it cost
    a fifth of a Parquet slice's time (docs/performance.md). A cycle made meanwhile (a caught
    error's traceback) is collected once the collector runs again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _progress(items: Iterator[_T], names: Sequence[str]) -> Iterator[_T]:
    """``items``, with a progress bar on stderr when it is a terminal and tqdm is installed
    (the files are counted first, in a walk that keeps none of them)."""
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    total = sum(1 for _ in _case_paths(names))
    return iter(tqdm(items, total=total, unit="case", file=sys.stderr))


def _case_paths(names: Sequence[str]) -> Iterator[str]:
    """The files named, and the ``*.json`` files in the folders named, recursively, in sorted
    order, one folder's entries at a time (a linked folder is not followed). Paths are kept as
    text: a ``Path`` per file is parsed when made, and again when a worker receives it."""
    for name in names:
        if os.path.isdir(name):
            yield from _json_files(name)
        else:
            yield name


def _json_files(folder: str) -> Iterator[str]:
    """The ``*.json`` files below ``folder`` in the order ``sorted`` gives their paths."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _json_files(entry.path)
        elif entry.name.endswith(".json") and entry.is_file():
            yield entry.path


def _report(name: str, locale: str, fmt: str, output: str | None) -> int:
    import datetime as dt

    from .documents.casefiles import load_case
    from .errors import ValidationError
    from .i18n import Texts
    from .reports.html import html_report
    from .reports.text import case_lines

    try:
        case = load_case(Path(name))
    except ValidationError as err:
        for problem in err.problems:
            print(f"{_shown(name)}: {problem.path}: {problem.reason}", file=sys.stderr)
        return 1
    texts = Texts(locale)
    if fmt == "html":
        page = html_report(case, texts, generated_on=dt.date.today())
    else:
        page = "\n".join(case_lines(case, texts)) + "\n"
    if output is None:
        sys.stdout.write(page)
    else:
        Path(output).write_text(page, encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 invalid input, 2 bad usage).

    No command prints a traceback: a closed pipe ends quietly, output that the terminal's encoding
    cannot show is replaced, and any other failure is one line on stderr.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        status = _main(argv)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except TerugkeerError as err:
        print(f"terugkeer: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # the output could not be written; the message names no file
        print(f"terugkeer: {err.strerror or 'input/output error'}", file=sys.stderr)
        return 1
    return status


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    locale = DEFAULT_LOCALE
    if args.command in ("demo", "report", "forms"):
        try:
            locale = resolve_locale(args.locale)
        except UnsupportedLocaleError as err:
            parser.error(str(err))
    if args.command == "schema":
        from .documents.schema import json_schema

        if args.locale is not None:
            try:
                resolve_locale(args.locale)
            except UnsupportedLocaleError as err:
                parser.error(str(err))
        schema_text = json_schema(locale=args.locale)
        print(json.dumps(schema_text, indent=args.indent, ensure_ascii=False))
        return 0
    if args.command == "validate":
        return _validate(args.files)
    if args.command == "forms":
        return _forms(parser, args.instruments, locale, args.format)
    if args.command == "export-form":
        return _export_form(parser, args.instrument, args.format, args.output)
    if args.command == "export":
        return _export(parser, args)
    if args.command == "report":
        return _report(args.file, locale, args.format, args.output)
    from ._demo import demo_case, render_counsellor_demo, render_demo

    if args.save_case:
        from .documents.casefiles import save_case

        save_case(demo_case(locale), Path(args.save_case))

    render = render_counsellor_demo if args.counsellor else render_demo
    sys.stdout.write(render(locale))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
