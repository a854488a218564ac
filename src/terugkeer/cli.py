"""The ``terugkeer`` command: the demo, reports, the method's guidance, form definitions, the
case-document schema, validation and export."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import TerugkeerError, UnsupportedLocaleError, ValidationError
from .i18n import AVAILABLE_LOCALES, CLIENT_LOCALES, DEFAULT_LOCALE, resolve_locale

__all__ = ["main"]

_DEMO_HELP = """\
Show a made-up example client: the case summary, the scale legend, Overview 1 grouped as on the
form (scores as − − − … + + +, '·' for discussed without a score, '○' for skipped) with Total − and
Total + per group, a later assessment and what changed, Overviews 2 and 3 as filled in together,
the action plan, the health checklist and the signals. Nothing shown is a prediction or advice.
"""
_REPORT_HELP = """\
Render a case document for people to read: as text, or as one self-contained HTML page (no
network, no JavaScript) that prints on A4 at full size, every instrument as its printed form.
Two copies: the copy for the file (default) holds everything, with who entered what and when and
every source; the client's copy (--copy client) is what the client takes home: Overview 1 with the
scale legend, Overview 3 as chosen, the action plan and the agreements; no signals and no working
notes. When thoughts of death or suicide are recorded, making a client's copy prints the steps for
the counsellor on stderr.

The client's copy can be in a client language (ar, fa, fr, ru, ti, tr), with --second-locale nl
or en to print the counsellor's language beside every label. These translations are drafts until a
native speaker has reviewed them, and the copy says so.
"""
_WELLBEING_HELP = """\
Render the counsellor's own instruments (a journal document: the Bijlage 7 exercise and signals,
Bijlage 8 stress self-checks, the §6.1 reflection, Bijlage 9 intervision) as a private page, in
text or HTML. They belong to the counsellor and never appear in a case report.
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
_GUIDE_HELP = """\
Print the method's guidance for the counsellor. Without TOPIC: the list of topics. With one or
more TOPICs: their texts. With an entry of an instrument instead of a topic (a factor such as F02,
a plan section such as AP05, a social-map entry such as B10.vwn_country_information): only the
texts about it. --all prints every topic. The texts are the library's own words, each topic with
the book section it rests on; they advise the counsellor and decide nothing.
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


def _indent(text: str) -> int:
    if not text.isdigit() or int(text) > 16:
        raise argparse.ArgumentTypeError("must be a whole number from 0 to 16")
    return int(text)


def _locale_option(command: argparse.ArgumentParser, client: str = "") -> None:
    """``--locale``; ``client`` names where a client language may be chosen too."""
    also = f"; for {client} also one of {', '.join(CLIENT_LOCALES)}" if client else ""
    command.add_argument(
        "--locale",
        default=DEFAULT_LOCALE,
        help=f"language: one of {', '.join(AVAILABLE_LOCALES)}{also} (default: {DEFAULT_LOCALE})",
    )


def _version() -> str:
    from importlib.metadata import version

    return version("terugkeer")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="terugkeer",
        description="Tools around the 'Bewogen terugkeer' counselling methodology.",
        epilog=_EPILOG,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {_version()}",
        help="print the version of terugkeer and exit",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo", help="show the built-in example client", description=_DEMO_HELP
    )
    demo.set_defaults(run=_run_demo)
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
        help="also write the example client's case document to FILE (for 'terugkeer report'); "
        "an existing FILE is kept unless --overwrite is given",
    )
    demo.add_argument(
        "--save-journal",
        metavar="FILE",
        help="also write the example counsellor's own journal to FILE (for 'terugkeer wellbeing'); "
        "an existing FILE is kept unless --overwrite is given",
    )
    demo.add_argument(
        "--overwrite",
        action="store_true",
        help="with --save-case or --save-journal: replace FILE when it exists",
    )
    report = commands.add_parser(
        "report", help="render a case for people: text or printable HTML", description=_REPORT_HELP
    )
    report.set_defaults(run=_run_report)
    report.add_argument("file", metavar="CASE", help="a case document (JSON)")
    _locale_option(report, "the client's copy")
    report.add_argument(
        "--format", choices=("text", "html"), default="text", help="text or html (default: text)"
    )
    report.add_argument(
        "--copy",
        choices=("file", "client"),
        default="file",
        help="the copy for the file (default) or the client's copy to take home",
    )
    report.add_argument(
        "--second-locale",
        metavar="LOCALE",
        help="with --copy client: print each label also in this language (nl or en), beside the "
        "client's, so counsellor, interpreter and client read the same page",
    )
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    wellbeing = commands.add_parser(
        "wellbeing",
        help="render the counsellor's own instruments as a private page",
        description=_WELLBEING_HELP,
    )
    wellbeing.set_defaults(run=_run_wellbeing)
    wellbeing.add_argument("file", metavar="JOURNAL", help="a counsellor journal document (JSON)")
    _locale_option(wellbeing)
    wellbeing.add_argument(
        "--format", choices=("text", "html"), default="text", help="text or html (default: text)"
    )
    wellbeing.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    forms = commands.add_parser(
        "forms", help="print the instruments' form definitions", description=_FORMS_HELP
    )
    forms.set_defaults(run=_run_forms)
    forms.add_argument(
        "instruments",
        nargs="*",
        metavar="INSTRUMENT",
        help="overview1, overview2, overview3, actionplan, health, signals, wellbeing, context "
        "or consents (default: all)",
    )
    _locale_option(forms, "the action plan alone")
    forms.add_argument(
        "--format", choices=("text", "json"), default="text", help="text or json (default: text)"
    )
    export_form = commands.add_parser(
        "export-form",
        help="write an instrument's forms as FHIR or XLSForm",
        description=_EXPORT_FORM_HELP,
    )
    export_form.set_defaults(run=_run_export_form)
    export_form.add_argument(
        "--format", choices=("fhir-r5", "fhir-r4b", "xlsform"), required=True, help="the format"
    )
    export_form.add_argument("instrument", metavar="INSTRUMENT", help="e.g. overview1")
    export_form.add_argument(
        "-o", "--output", metavar="PATH", help="FILE for FHIR (default: stdout), FOLDER for XLSForm"
    )
    guide = commands.add_parser(
        "guide", help="print the method's guidance for the counsellor", description=_GUIDE_HELP
    )
    guide.set_defaults(run=_run_guide)
    guide.add_argument(
        "topics",
        nargs="*",
        metavar="TOPIC",
        help="a topic id from the list, or an entry such as F02 or AP05 (default: list the topics)",
    )
    guide.add_argument("--all", action="store_true", help="print every topic")
    _locale_option(guide)
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the case document", description=_SCHEMA_HELP
    )
    schema.set_defaults(run=_run_schema)
    schema.add_argument(
        "--indent", type=_indent, default=2, help="indentation, 0 to 16 (default: 2)"
    )
    schema.add_argument(
        "--locale",
        help=f"add each property's label as its title, in one of {', '.join(AVAILABLE_LOCALES)}",
    )
    validate = commands.add_parser(
        "validate",
        help="check case files: OK, or every problem (exit 1)",
        description=_VALIDATE_HELP,
    )
    validate.set_defaults(run=_run_validate)
    validate.add_argument("files", nargs="+", metavar="FILE", help="case documents (JSON)")
    export = commands.add_parser(
        "export", help="write pseudonymised research tables", description=_EXPORT_HELP
    )
    export.set_defaults(run=_export)
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
        from .interop.formdefs import form_document

        documents = [form_document(form, locale) for form in chosen]
        print(json.dumps(documents, indent=2, ensure_ascii=False))
        return 0
    from .reports.formtext import form_lines

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
        from .interop.xlsform import write_xlsform

        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for form in chosen:
            write_xlsform(form, folder / f"{form.id}.xlsx")
        return 0
    from .interop.fhir import bundle

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
    from .research.cohort import case_paths, export_cohort
    from .research.formats import ExportFormat
    from .research.pseudonyms import KEY_ADVICE, MIN_KEY_BYTES, check_key
    from .research.tables import DatePrecision, FieldGroup, ResearchOptions

    try:
        locale = resolve_locale(args.locale)
    except UnsupportedLocaleError as err:
        parser.error(str(err))
    key_env = args.key_env
    if hasattr(os, "environb"):  # POSIX: the bytes as set, whatever their encoding
        key = os.environb.get(key_env.encode("utf-8", "surrogateescape"), b"")
    else:  # pragma: no cover - Windows
        key = os.environ.get(key_env, "").encode("utf-8", "surrogateescape")
    try:
        check_key(key)
    except ValidationError as err:
        print(
            f"terugkeer: {key_env}: {err.problems[0].reason}; set it to a secret of at least "
            f"{MIN_KEY_BYTES} bytes, such as: {KEY_ADVICE}",
            file=sys.stderr,
        )
        return 1
    options = ResearchOptions(
        dates=DatePrecision(args.dates), include=frozenset(FieldGroup(g) for g in args.include)
    )
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        parser.error("--out must name a new or empty folder")

    def left_out(path: str, why: str) -> None:
        print(f"terugkeer: {_shown(path)}: left out: {why}", file=sys.stderr)

    with _progress_bar(lambda: sum(1 for _ in case_paths(args.files))) as step:
        result = export_cohort(
            args.files,
            out,
            key,
            fmt=ExportFormat(args.format),
            options=options,
            locale=locale,
            jobs=args.jobs,
            on_left_out=left_out,
            on_file=step,
        )
    print(
        f"terugkeer: {result.cases} case(s), {result.rows} row(s) written to {_shown(str(out))}",
        file=sys.stderr,
    )
    if result.left_out:
        print(f"terugkeer: {result.left_out} case file(s) left out", file=sys.stderr)
    return 1 if result.left_out and not args.skip_invalid else 0


@contextlib.contextmanager
def _progress_bar(count: Callable[[], int]) -> Iterator[Callable[[], object] | None]:
    """A step function for a progress bar on stderr when it is a terminal and tqdm is
    installed (the files are counted first, in a walk that keeps none of them); else None."""
    if not sys.stderr.isatty():
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield None
        return
    with tqdm(total=count(), unit="case", file=sys.stderr) as bar:
        yield bar.update


def _guide(
    parser: argparse.ArgumentParser, names: Sequence[str], locale: str, show_all: bool
) -> int:
    from .guidance import GUIDANCE_TEXTS, GUIDANCE_TOPICS
    from .i18n import Texts
    from .reports.text import guidance_lines

    texts = Texts(locale)
    if show_all and names:
        parser.error("give TOPIC or --all, not both")
    if not names and not show_all:
        print(texts("guide.topics"))
        width = max(len(t.id) for t in GUIDANCE_TOPICS)
        for topic in GUIDANCE_TOPICS:
            title = f"{texts(topic.message_id)} [{texts.cite(topic.book)}]"
            print(f"  {topic.id:<{width}}  {title}")
        return 0
    abouts = {t.about for t in GUIDANCE_TEXTS if t.about is not None}
    blocks: list[tuple[str, ...]] = []
    for name in names:
        if GUIDANCE_TOPICS.has(name):
            blocks.append(guidance_lines(GUIDANCE_TOPICS.get(name), texts))
        elif name in abouts:
            blocks += [
                guidance_lines(topic, texts, about=name)
                for topic in GUIDANCE_TOPICS
                if any(t.about == name for t in topic.texts)
            ]
        else:
            parser.error(
                f"unknown topic {name!r}: run 'terugkeer guide' for the list, or give an entry "
                "such as F02 or AP05"
            )
    if show_all:
        blocks = [guidance_lines(topic, texts) for topic in GUIDANCE_TOPICS]
    print("\n\n".join("\n".join(block) for block in blocks))
    return 0


def _report(
    name: str,
    locale: str,
    fmt: str,
    output: str | None,
    copy: str = "file",
    second: str | None = None,
) -> int:
    import datetime as dt

    from .documents.casefiles import load_case
    from .i18n import Texts
    from .referral import summarize
    from .reports.html import html_report
    from .reports.pages import Copy
    from .reports.text import case_lines

    try:
        case = load_case(Path(name))
    except ValidationError as err:
        for problem in err.problems:
            print(f"{_shown(name)}: {problem.path}: {problem.reason}", file=sys.stderr)
        return 1
    # A counsellor-only text (none is on the client's copy) and the notice below are in the
    # counsellor's language: the second language, or the page's if complete, or else Dutch.
    counsellor = Texts(second or (locale if locale in AVAILABLE_LOCALES else DEFAULT_LOCALE))
    texts = Texts(locale, fallback=counsellor.language, second=second)
    chosen = Copy(copy)
    steps = summarize(case.signals).urgent_steps
    if chosen is Copy.CLIENT and steps:  # not on the client's paper, but never out of sight
        print(counsellor("report.copy.urgent_notice"), file=sys.stderr)
        for number, step in enumerate(steps, start=1):
            print(f"  {number}. {counsellor.label(step)}", file=sys.stderr)
    if fmt == "html":
        page = html_report(case, texts, generated_on=dt.date.today(), copy=chosen)
    else:
        page = "\n".join(case_lines(case, texts, copy=chosen)) + "\n"
    return _write(page, output)


def _write(page: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(page)
    else:
        Path(output).write_text(page, encoding="utf-8")
    return 0


def _wellbeing(name: str, locale: str, fmt: str, output: str | None) -> int:
    import datetime as dt

    from .documents.serialization import loads
    from .i18n import Texts
    from .reports.html import journal_report
    from .reports.text import journal_lines
    from .wellbeing import CounsellorJournal

    try:
        journal = loads(Path(name).read_bytes(), CounsellorJournal)
    except ValidationError as err:
        for problem in err.problems:
            print(f"{_shown(name)}: {problem.path}: {problem.reason}", file=sys.stderr)
        return 1
    texts = Texts(locale)
    if fmt == "html":
        page = journal_report(journal, texts, generated_on=dt.date.today())
    else:
        page = "\n".join(journal_lines(journal, texts)) + "\n"
    return _write(page, output)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 invalid input, 2 bad usage).

    No command prints a traceback: a closed pipe ends quietly, output that the terminal's encoding
    cannot show is replaced, and any other failure is one line on stderr.
    """
    # A stream the caller closed (``>&-``) is None in Python: what would go there goes nowhere,
    # as with a closed pipe, and files written with -o and the exit status still work.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    # Reports, case files and exports hold personal data: whatever a command writes is for the
    # user alone (files 0600, folders 0700), as the case files themselves are.
    umask = os.umask(0o077)
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
    finally:
        os.umask(umask)
    return status


def _locale(parser: argparse.ArgumentParser, requested: str, *, client: bool = False) -> str:
    """The language asked for; a client language only where the output is the client's."""
    try:
        language = resolve_locale(requested)
    except UnsupportedLocaleError as err:
        parser.error(str(err))
    if language in CLIENT_LOCALES and not client:
        parser.error(
            f"{requested!r} is a client language: this output is for the counsellor, in one of "
            f"{', '.join(AVAILABLE_LOCALES)}. The client languages ({', '.join(CLIENT_LOCALES)}) "
            "are for the client's copy (report --copy client) and the action plan form "
            "(forms actionplan)"
        )
    return language


def _run_schema(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .documents.schema import json_schema

    if args.locale is not None:
        _locale(parser, args.locale)
    schema_text = json_schema(locale=args.locale)
    print(json.dumps(schema_text, indent=args.indent, ensure_ascii=False))
    return 0


def _run_validate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return _validate(args.files)


def _run_forms(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    client = bool(args.instruments) and set(args.instruments) == {"actionplan"}
    return _forms(
        parser, args.instruments, _locale(parser, args.locale, client=client), args.format
    )


def _run_export_form(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return _export_form(parser, args.instrument, args.format, args.output)


def _run_guide(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return _guide(parser, args.topics, _locale(parser, args.locale), args.all)


def _run_report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    locale = _locale(parser, args.locale, client=args.copy == "client")
    second = _locale(parser, args.second_locale) if args.second_locale is not None else None
    if second is not None and args.copy != "client":
        parser.error("--second-locale is for the client's copy (--copy client)")
    return _report(args.file, locale, args.format, args.output, args.copy, second)


def _run_wellbeing(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return _wellbeing(args.file, _locale(parser, args.locale), args.format, args.output)


def _run_demo(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from ._demo import demo_case, demo_journal, render_counsellor_demo, render_demo

    locale = _locale(parser, args.locale)
    if args.save_case:
        from .documents.casefiles import save_case
        from .errors import ConflictError

        try:
            save_case(demo_case(locale), Path(args.save_case), overwrite=args.overwrite)
        except ConflictError:
            print(
                f"terugkeer: {_shown(args.save_case)} already holds a case; "
                "add --overwrite to replace it",
                file=sys.stderr,
            )
            return 1
    if args.save_journal:
        journal = Path(args.save_journal)
        if journal.exists() and not args.overwrite:
            print(
                f"terugkeer: {_shown(args.save_journal)} already exists; "
                "add --overwrite to replace it",
                file=sys.stderr,
            )
            return 1
        from .documents.serialization import dumps

        journal.write_text(dumps(demo_journal(locale), indent=2) + "\n", encoding="utf-8")
    render = render_counsellor_demo if args.counsellor else render_demo
    sys.stdout.write(render(locale))
    return 0


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.ArgumentParser, argparse.Namespace], int] = args.run
    return run(parser, args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
