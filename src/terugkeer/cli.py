"""The ``terugkeer`` command: ``terugkeer demo`` shows the built-in example in Dutch or English."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import UnsupportedLocaleError
from .i18n import AVAILABLE_LOCALES, DEFAULT_LOCALE, resolve_locale

__all__ = ["main"]

_DEMO_HELP = """\
Show a made-up example client: Overview 1 grouped as on the form (scores as − − − … + + +,
'·' for discussed without a score, '○' for skipped), Total − and Total + per group and overall,
the Overview 2 candidates, the proposed Overview 3 strengths and vulnerabilities, then a later
assessment of the same client and what moved. Nothing shown is a prediction or advice.
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        locale = resolve_locale(args.locale)
    except UnsupportedLocaleError as err:
        parser.error(str(err))
    from ._demo import render_counsellor_demo, render_demo

    render = render_counsellor_demo if args.counsellor else render_demo
    sys.stdout.write(render(locale))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
