"""The ``terugkeer`` command: the demo, the case-document schema, validation and research export."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import UnsupportedLocaleError
from .i18n import AVAILABLE_LOCALES, DEFAULT_LOCALE, resolve_locale

__all__ = ["main"]

_DEMO_HELP = """\
Show a made-up example client: Overview 1 grouped as on the form (scores as − − − … + + +,
'·' for discussed without a score, '○' for skipped), Total − and Total + per group and overall,
the Overview 2 candidates, the proposed Overview 3 strengths and vulnerabilities, then a later
assessment of the same client and what moved. Nothing shown is a prediction or advice.
"""


_SCHEMA_HELP = (
    "Print the JSON Schema (draft 2020-12) of the case document, generated from the types."
)
_VALIDATE_HELP = """\
Check case documents. Prints 'FILE: OK', or every problem as 'FILE: PATH: REASON' (never the
offending value) and exits with status 1.
"""
_EXPORT_HELP = """\
Write one CSV row per case x assessment x factor, with the case's context. Direct identifiers are
left out, the case id is replaced by a keyed hash (HMAC-SHA256 with the secret in the environment
variable named by --key-env), the date of birth is reduced to its year, and free-text notes are
left out unless --include-notes is given.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="terugkeer",
        description="Tools around the 'Bewogen terugkeer' counselling methodology.",
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
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the case document", description=_SCHEMA_HELP
    )
    schema.add_argument("--indent", type=int, default=2, help="indentation (default: 2)")
    validate = commands.add_parser(
        "validate",
        help="check case files: OK, or every problem (exit 1)",
        description=_VALIDATE_HELP,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="case documents (JSON)")
    export = commands.add_parser(
        "export", help="write pseudonymised research rows", description=_EXPORT_HELP
    )
    export.add_argument(
        "--csv", action="store_true", required=True, help="write CSV (the only format)"
    )
    export.add_argument("files", nargs="+", metavar="FILE", help="case documents (JSON)")
    export.add_argument(
        "--key-env",
        default="TERUGKEER_EXPORT_KEY",
        metavar="NAME",
        help="environment variable holding the secret pseudonym key (default: %(default)s)",
    )
    export.add_argument(
        "--include-notes", action="store_true", help="also export free-text notes (off by default)"
    )
    return parser


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
                print(f"{name}: {problem.path}: {problem.reason}")
        else:
            print(f"{name}: OK")
    return status


def _export(files: Sequence[str], key_env: str, include_notes: bool) -> int:
    import csv

    from .documents.casefiles import load_case
    from .documents.research import MIN_KEY_BYTES, RESEARCH_COLUMNS, research_rows
    from .errors import ValidationError

    key = os.environ.get(key_env, "").encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        print(
            f"terugkeer: set {key_env} to a secret of at least {MIN_KEY_BYTES} bytes",
            file=sys.stderr,
        )
        return 2
    try:
        cases = [load_case(Path(name)) for name in files]
    except ValidationError as err:
        print(f"terugkeer: a case file is not valid: {err}", file=sys.stderr)
        return 1
    columns = (*RESEARCH_COLUMNS, "note") if include_notes else RESEARCH_COLUMNS
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    try:
        writer.writeheader()
        writer.writerows(research_rows(cases, key, include_notes=include_notes))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    locale = DEFAULT_LOCALE
    if args.command == "demo":
        try:
            locale = resolve_locale(args.locale)
        except UnsupportedLocaleError as err:
            parser.error(str(err))
    if args.command == "schema":
        from .documents.schema import json_schema

        print(json.dumps(json_schema(), indent=args.indent, ensure_ascii=False))
        return 0
    if args.command == "validate":
        return _validate(args.files)
    if args.command == "export":
        return _export(args.files, args.key_env, args.include_notes)
    from ._demo import render_counsellor_demo, render_demo

    render = render_counsellor_demo if args.counsellor else render_demo
    sys.stdout.write(render(locale))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
