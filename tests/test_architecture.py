"""The house: layers you can see, and which layer may import which.

Each module belongs to one layer, by its folder (or, at the top level, by its name). A layer imports
only the layers it lists in ``ALLOWED``; no import cycles; no two modules share a name; the domain
imports neither cattrs nor Babel and generates no code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "terugkeer"

FOUNDATIONS = {
    "errors", "answers", "i18n", "_labelled", "_checks", "_types", "stamps", "_codegen", "_moved",
    "_fields",
    "catalogue",
}  # fmt: skip
PROGRAMS = {"cli", "_demo", "__main__", "testing", "__init__"}
FOLDERS = {"catalogues", "documents", "interop", "research", "reports"}

_BELOW_DOCUMENTS = {"catalogues", "foundations", "instruments"}
#: What each layer may import (itself included where its modules use one another).
ALLOWED: dict[str, set[str]] = {
    "catalogues": {"catalogues"},
    "foundations": {"catalogues", "foundations"},
    "instruments": {"catalogues", "foundations", "instruments"},
    # The case's own documents: the converter, versions and migrations, schema, files.
    "documents": _BELOW_DOCUMENTS | {"documents"},
    # Exchange with other systems reads and writes through the documents' strict checks.
    "interop": _BELOW_DOCUMENTS | {"documents", "interop"},
    # Datasets read case files, never the exchange formats.
    "research": _BELOW_DOCUMENTS | {"documents", "research"},
    # Reports read records; they neither load nor save.
    "reports": _BELOW_DOCUMENTS | {"reports"},
    "programs": {*FOLDERS, "foundations", "instruments", "programs"},
}


def layer(module: str) -> str:
    head = module.split(".")[0]
    if head in FOLDERS:
        return head
    if head in FOUNDATIONS:
        return "foundations"
    if head in PROGRAMS:
        return "programs"
    return "instruments"


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name if name == "__init__" else name.removesuffix(".__init__")


def imports(path: Path) -> set[str]:
    """The terugkeer modules ``path`` imports (relative imports resolved), at any depth."""
    module = ".".join(path.relative_to(SRC).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if "." in module else ""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and (node.module or "").startswith("terugkeer."):
                found.add(node.module.removeprefix("terugkeer."))  # type: ignore[union-attr]
            elif node.level == 0 and node.module == "terugkeer":
                found |= {a.name for a in node.names}
            elif node.level == 1:
                if node.module:
                    found.add(f"{package}.{node.module}".strip("."))
                else:
                    found |= {f"{package}.{a.name}".strip(".") for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix("terugkeer.")
                for a in node.names
                if a.name.startswith("terugkeer.")
            }
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in SRC.rglob("*.py")}


def test_every_layer_imports_only_what_it_may() -> None:
    wrong = [
        f"{name} ({layer(name)}) imports {imported} ({layer(imported)})"
        for name, path in modules().items()
        for imported in imports(path)
        if layer(imported) not in ALLOWED[layer(name)]
    ]
    assert wrong == []


def test_the_rule_catches_an_upward_import() -> None:
    assert "reports" not in ALLOWED["research"] and "research" not in ALLOWED["interop"]
    assert layer("research.tables") == "research" and layer("planning") == "instruments"
    assert layer("interop.fhir") not in ALLOWED["documents"]


def test_there_are_no_import_cycles() -> None:
    graph = {name: {m for m in imports(path) if m != name} for name, path in modules().items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: tuple[str, ...]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != 1, " -> ".join((*trail, node, nxt))
            if nxt not in state:
                visit(nxt, (*trail, node))
        state[node] = 2

    for name in graph:
        if name not in state and name != "__init__":
            visit(name, ())


def test_the_layers_have_their_folders_and_the_instruments_the_top_level() -> None:
    for folder in FOLDERS:
        assert (SRC / folder / "__init__.py").is_file(), folder
    for required in ("factors.py", "actionplan.py", "health.py", "signals.py"):
        assert (SRC / required).is_file()


def test_no_two_modules_share_a_name_and_each_catalogue_is_a_table_of_rows() -> None:
    """A name says which module it is: ``catalogues/factor_rows.py`` holds the rows that
    ``factors.py`` builds its catalogue from, and no other module is called ``factors``."""
    seen: dict[str, list[str]] = {}
    for name in modules():
        if not name.endswith("__init__") and name not in FOLDERS:
            seen.setdefault(name.rsplit(".", 1)[-1].lstrip("_"), []).append(name)
    assert {short: found for short, found in seen.items() if len(found) > 1} == {}
    tables = [n.split(".")[1] for n in modules() if n.startswith("catalogues.")]
    assert len(tables) > 8
    assert [t for t in tables if t != "__init__" and not t.endswith("_rows")] == []


def test_the_domain_imports_neither_cattrs_nor_babel_and_generates_no_code() -> None:
    """Functional core: the instruments and catalogues hold records and rules, nothing more."""
    forbidden = re.compile(r"^\s*(import|from)\s+(cattrs|babel)\b|(?<![.\w])(exec|compile)\(", re.M)
    domain = [n for n in modules() if layer(n) in ("instruments", "catalogues")]
    assert "planning" in domain and "catalogues.factor_rows" in domain
    found = [n for n in domain if forbidden.search(modules()[n].read_text(encoding="utf-8"))]
    assert found == []


def test_the_code_and_the_docs_cite_the_book_never_the_projects_spec() -> None:
    """A reader has the book, not our methodology notes: places are the book's (§3.1, Bijlage 4)."""
    docs = Path(__file__).resolve().parents[1] / "docs"
    pages = [*SRC.rglob("*.py"), *docs.glob("*.md"), docs.parent / "README.md"]
    assert len(pages) > 60
    assert [p.name for p in pages if re.search(r"SPEC(\.md| §)", p.read_text("utf-8"))] == []
