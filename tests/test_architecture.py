"""The house's floor plan (README, "How it is built"), kept true by reading every import.

Each folder of ``meldform/`` is one concern on one floor; a module may import from its own folder
and from the floors below, never from above — also not lazily inside a function — and there is no
import cycle. No module grows past ~600 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import meldform

PACKAGE = Path(meldform.__file__).resolve().parent

# Lowest floor first. Leaves (floor 0) import nothing of meldform but other leaves.
FLOORS: dict[str, int] = {
    "texts": 0,
    "errors": 0,
    "cleaning": 0,
    "resources": 0,
    "output": 0,
    "ooxml": 0,
    "model": 1,
    "check": 2,
    "documents": 3,
    "forms": 4,
    "batch": 5,
    "api": 6,
    "service": 7,
    "commands": 7,
    "cli": 8,
}
MAX_LINES = 600


def _room(module: str) -> str:
    """``meldform.check.rules`` -> ``check``; ``meldform.errors`` -> ``errors``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports() -> dict[str, set[str]]:
    """Every meldform module and the meldform modules it imports (at any depth of its code)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("meldform"))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                if base.startswith("meldform"):
                    found.add(base)
                    found.update(f"{base}.{alias.name}" for alias in node.names if (PACKAGE.parent / f"{base}.{alias.name}".replace(".", "/")).exists())
        graph[name] = {m for m in found if m != name}
    return graph


def test_every_folder_has_a_floor() -> None:
    rooms = {_room(m) for m in imports() if m != "meldform"}
    assert rooms <= set(FLOORS), f"modules without a floor in this test and the README: {sorted(rooms - set(FLOORS))}"


def test_nothing_imports_upward() -> None:
    upward = []
    for module, targets in imports().items():
        if module == "meldform":
            continue  # the package's front door re-exports the API (lazily)
        here = FLOORS[_room(module)]
        for target in targets:
            room = _room(target)
            if room and room != _room(module) and FLOORS[room] > here:
                upward.append(f"{module} -> {target}")
            if room and room != _room(module) and here == 0 and FLOORS[room] != 0:
                upward.append(f"{module} (a leaf) -> {target}")
    assert not upward, "imports going up a floor:\n" + "\n".join(sorted(upward))


def test_no_import_cycle() -> None:
    graph = {m: {t for t in ts if t in imports_cache} for m, ts in imports_cache.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == "meldform":
                continue
            if state.get(nxt) == 1:
                cycle.extend([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, nxt]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, [start]):
            break
    assert not cycle, " -> ".join(cycle)


def test_no_module_over_600_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The floor check can fail: a model module importing from batch is reported."""
    source = "from meldform.batch import run_batch\n"
    tree = ast.parse(source)
    node = tree.body[0]
    assert isinstance(node, ast.ImportFrom) and node.module is not None
    assert FLOORS[_room(node.module)] > FLOORS[_room("meldform.model.layout")]


imports_cache = imports()
