"""terugkeer against pydantic v2 and msgspec on the same case documents, side by side.

Run: ``uv run python benchmarks/bench_speed.py`` (not part of the tests; about three minutes the
first time, when it draws the corpus). It prints, per run, CPU µs per case for decode + validate,
encode and the error path, memory per decoded case, and the cold import, with terugkeer's ratio to
pydantic; the three libraries are measured interleaved, round by round, in one process.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec
import pydantic
from corpus import case_documents, processor
from reference_models import msgspec_case, pydantic_case

from terugkeer import CaseFile, ValidationError, dumps, loads


def deep_error(document: bytes) -> bytes:
    """The document with its last, deepest text value replaced by a number: one type error,
    found only after everything before it was read."""
    data = json.loads(document)
    best: tuple[int, list[Any]] | None = None

    def walk(node: Any, path: list[Any]) -> None:
        nonlocal best
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, dict | list):
                walk(value, [*path, key])
            elif (
                isinstance(value, str)
                and key not in ("schema",)
                and (best is None or len(path) + 1 >= best[0])
            ):
                best = (len(path) + 1, [*path, key])

    walk(data, [])
    assert best is not None
    *parents, last = best[1]
    node = data
    for key in parents:
        node = node[key]
    node[last] = 12345
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def cpu_seconds(function: Callable[[Any], Any], items: Sequence[Any], *, failing: bool) -> float:
    """CPU seconds for ``function`` over all ``items``; with ``failing``, each must be refused."""
    start = time.process_time()
    if not failing:
        for item in items:
            function(item)
        return time.process_time() - start
    for item in items:
        try:
            function(item)
        except (ValidationError, pydantic.ValidationError, msgspec.ValidationError):
            pass
        else:  # pragma: no cover - every document here is invalid
            raise AssertionError("an invalid document was accepted")
    return time.process_time() - start


#: Documents per slice: each library reads one slice in turn, so that a pause of the machine
#: (a shared virtual machine has them) falls on all of them alike.
SLICE = 50


def one_round(
    functions: Mapping[str, Callable[[Any], Any]],
    items: Mapping[str, Sequence[Any]],
    *,
    failing: bool = False,
) -> dict[str, float]:
    """CPU µs per item for each library over all items, measured slice by slice in turn (the
    order of the libraries turns with each slice)."""
    names = list(functions)
    total = dict.fromkeys(names, 0.0)
    count = len(next(iter(items.values())))
    gc.collect()
    for n, start in enumerate(range(0, count, SLICE)):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            chunk = items[name][start : start + SLICE]
            total[name] += cpu_seconds(functions[name], chunk, failing=failing)
    return {name: seconds / count * 1e6 for name, seconds in total.items()}


def memory_per_item(function: Callable[[Any], Any], items: Sequence[Any]) -> float:
    """Bytes held per decoded item (tracemalloc), for all ``items`` kept alive at once."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [function(item) for item in items]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / len(items)


def import_ms(statement: str, repeat: int, *, bytecode: bool = False) -> float:
    """Median wall-clock ms of ``statement`` in a fresh interpreter, timed inside it; with
    ``bytecode``, the modules' compiled bytecode is written first and read (as an installed
    package has it), else the environment decides (PYTHONDONTWRITEBYTECODE may compile every
    module from source each time, for every library alike)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-c", statement], check=True, env=env)  # writes them
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, check=True, text=True, env=env
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times) * 1e3


def one_run(documents: list[bytes], rounds: int) -> dict[str, dict[str, float]]:
    model = pydantic_case()
    decoder = msgspec.json.Decoder(msgspec_case())
    encoder = msgspec.json.Encoder()
    decoders: dict[str, Callable[[bytes], Any]] = {
        "terugkeer": lambda d: loads(d, CaseFile),
        "pydantic v2": model.model_validate_json,
        "msgspec": decoder.decode,
    }
    objects = {name: [f(d) for d in documents] for name, f in decoders.items()}
    encoders: dict[str, Callable[[Any], Any]] = {
        "terugkeer": dumps,
        "pydantic v2": lambda m: m.model_dump_json(by_alias=True),
        "msgspec": encoder.encode,
    }
    invalid = [deep_error(d) for d in documents]
    rounds_of: dict[str, list[dict[str, float]]] = {"decode": [], "encode": [], "error": []}
    same = dict.fromkeys(decoders, documents)
    for _ in range(rounds):  # interleaved: each round measures every library, slice by slice
        rounds_of["decode"].append(one_round(decoders, same))
        rounds_of["encode"].append(one_round(encoders, objects))
        rounds_of["error"].append(
            one_round(decoders, dict.fromkeys(decoders, invalid), failing=True)
        )
    result: dict[str, dict[str, float]] = {}
    for row, measured in rounds_of.items():
        result[row] = {n: statistics.median(r[n] for r in measured) for n in decoders}
        # The ratio is the median of each round's own ratio: both sides of it were measured
        # side by side, slice by slice.
        result[row]["ratio"] = statistics.median(
            r["terugkeer"] / r["pydantic v2"] for r in measured
        )
    result["memory"] = {n: memory_per_item(f, documents) / 1e3 for n, f in decoders.items()}
    result["memory"]["ratio"] = result["memory"]["terugkeer"] / result["memory"]["pydantic v2"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds per run")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--imports", type=int, default=15, help="fresh interpreters per import")
    parser.add_argument(
        "--pure",
        action="store_true",
        help="as installed without the [fast] extra: jiter and orjson cannot be imported",
    )
    parser.add_argument(
        "--bytecode",
        action="store_true",
        help="time the cold imports with compiled bytecode, as an installed package has it",
    )
    parser.add_argument(
        "--corpus",
        type=pathlib.Path,
        help="case documents, one per line, instead of the drawn corpus: each is read and written "
        "again by this version (older versions migrated), so two commits measure the same cases",
    )
    args = parser.parse_args()
    if args.pure:  # before terugkeer looks for them (on first use)
        sys.modules["jiter"] = None  # type: ignore[assignment]
        sys.modules["orjson"] = None  # type: ignore[assignment]
    if args.corpus is None:
        documents = case_documents(args.cases)
    else:
        lines = args.corpus.read_bytes().splitlines()[: args.cases]
        documents = [dumps(loads(line, CaseFile)).encode("utf-8") for line in lines]
    sizes = sorted(len(d) for d in documents)
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}"
    )
    print(processor())
    if args.pure:
        print("pure Python: terugkeer without jiter and orjson (no [fast] extra)")
    print(
        f"{len(documents)} case documents, median {statistics.median(sizes) / 1e3:.1f} kB "
        f"({sizes[0] / 1e3:.1f}–{sizes[-1] / 1e3:.1f} kB)\n"
    )
    labels = {
        "decode": "decode + validate (bytes → case), CPU µs",
        "encode": "encode (case → JSON), CPU µs",
        "error": "error path (one deep type error), CPU µs",
        "memory": "memory per decoded case, kB",
    }
    for run in range(1, args.runs + 1):
        result = one_run(documents, args.rounds)
        print(f"run {run}")
        print(f"| {'':44} | terugkeer | pydantic v2 | msgspec | terugkeer / pydantic |")
        print(f"|{'-' * 46}|-----------|-------------|---------|----------------------|")
        for row, label in labels.items():
            values = result[row]
            ratio = values["ratio"]
            print(
                f"| {label:44} | {values['terugkeer']:9,.1f} | {values['pydantic v2']:11,.1f} "
                f"| {values['msgspec']:7,.1f} | {ratio:19.2f}× |"
            )
        print()
    statements = {
        "import attrs, cattrs": "import attrs, cattrs",
        "import terugkeer": "import terugkeer",
        "import terugkeer; terugkeer.CaseFile": "import terugkeer; terugkeer.CaseFile",
        "import terugkeer; terugkeer.loads": "import terugkeer; terugkeer.loads",
        "… and loads a case": 'import terugkeer; terugkeer.loads(b\'{"schema": '
        '"terugkeer/case", "version": 4, "case_id": "c"}\', terugkeer.CaseFile)',
    }
    how = "with compiled bytecode" if args.bytecode else "as the environment has it"
    print(f"cold import, median of {args.imports} fresh interpreters, ms ({how}):")
    base = 0.0
    for name, statement in statements.items():
        ms = import_ms(statement, args.imports, bytecode=args.bytecode)
        base = base or ms
        shown = "" if ms is base else f"  ({ms / base:.2f}×)"
        print(f"  {name:38}  {ms:7.1f}{shown}")


if __name__ == "__main__":
    main()
