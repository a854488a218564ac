"""Hatch build hook: compile the gettext catalogues (.po) into .mo files shipped in the wheel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE_DIR = Path("src/terugkeer/locale")


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every ``.po`` under the locale folder next to it; return the ``.mo`` paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted((root / LOCALE_DIR).glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Builds the .mo files before hatchling collects the package files."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for mo_path in compile_catalogues(root):
            build_data["artifacts"].append(str(mo_path.relative_to(root)))
