"""The import graph of the packages, read from their source (every import, a function's too): data flows
one way (corpus → index → retrieval → bot / cli), bench/ is imported by the command line only, no
package's modules import each other in a loop (a loop hidden by a function-level import is one still),
and no module takes another's private names (what two modules share has a public name), nor does a script
under scripts/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What each package may import of the others: the layers before it. cli/ is the edge that runs the bot and
# the measuring code; nothing imports cli/.
ALLOWED = {
    "corpus": set(),
    "index": {"corpus"},
    "retrieval": {"corpus", "index"},
    "bot": {"corpus", "index", "retrieval"},
    "bench": {"corpus", "index", "retrieval"},
    "cli": {"corpus", "index", "retrieval", "bot", "bench"},
}


def _modules() -> dict[str, Path]:
    """Every module of the packages by its dotted name (a package by its own: corpus/__init__.py is corpus)."""
    modules = {}
    for package in ALLOWED:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imported(name: str, path: Path, node: ast.Import | ast.ImportFrom, modules: dict[str, Path]) -> set[str]:
    """The project's modules one import statement loads: `from . import ocr` the module corpus.ocr,
    `from .parse import x` corpus.parse, `from corpus import x` the package corpus itself."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in modules}
    if node.level:
        base = name.split(".")
        if path.name != "__init__.py":
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module or ""
    found = set()
    for alias in node.names:
        found.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source)
    return found & set(modules)


def import_graph() -> dict[str, set[str]]:
    """Each module of the packages → the modules of the packages it imports (anywhere in its source)."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges |= _imported(name, path, node, modules)
        graph[name] = edges - {name}
    return graph


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_loops_finds_a_loop_through_three_modules_and_none_in_a_chain() -> None:
    assert loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert loops({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_sees_function_level_and_relative_imports() -> None:
    graph = import_graph()
    assert "corpus.parse" in graph["corpus"]  # from .parse import … in corpus/__init__.py
    assert "retrieval.span_kernel" in graph["retrieval.compiled"]  # imported inside a function


def test_no_package_imports_a_later_layer() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if (source := module.split(".")[0]) != (layer := target.split(".")[0])
        and layer not in ALLOWED[source]
    )
    assert upward == []


def test_no_modules_import_each_other_in_a_loop() -> None:
    assert loops(import_graph()) == []


def _private_uses(name: str, path: Path, modules: dict[str, Path]) -> list[str]:
    """`from x import _y` of another module of the packages, and `x._y` of one imported as `x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    imported_modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                one = ast.ImportFrom(node.module, [alias], node.level)
                for target in _imported(name, path, one, modules):
                    if target.endswith(f".{alias.name}"):  # a module itself: `from . import compiled`
                        imported_modules.add(alias.asname or alias.name)
                    elif alias.name.startswith("_"):
                        found.append(
                            f"{path.relative_to(ROOT)}:{node.lineno} from {target} import {alias.name}"
                        )
        elif isinstance(node, ast.Import):
            imported_modules |= {(a.asname or a.name).split(".")[0] for a in node.names if a.name in modules}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported_modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_no_module_takes_another_modules_private_names() -> None:
    modules = _modules()
    assert [use for name, path in sorted(modules.items()) for use in _private_uses(name, path, modules)] == []


# Scripts that import the search from another checkout (`--code DIR`) call what that checkout has: an older
# one has no public name for it.
OTHER_CHECKOUTS = {"extra_cost.py"}


def test_no_script_takes_a_modules_private_names() -> None:
    modules = _modules()
    found = [
        use
        for path in sorted((ROOT / "scripts").glob("*.py"))
        if path.name not in OTHER_CHECKOUTS
        for use in _private_uses(f"scripts.{path.stem}", path, modules)
    ]
    assert found == []


def _test_modules() -> dict[str, Path]:
    """Every module under tests/ (the fixtures' makers too) by its dotted name."""
    modules = {}
    for path in (ROOT / "tests").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def test_no_test_or_fixture_maker_takes_another_ones_private_names() -> None:
    """What two test modules or fixture makers share (a font setter, a helper) has a public name. (A test
    taking a private helper of the package module it tests is left to that test: it checks the helper.)"""
    modules = _test_modules()
    assert [use for name, path in sorted(modules.items()) for use in _private_uses(name, path, modules)] == []


def _defined(tree: ast.Module) -> set[str]:
    """The names a module defines at its top level: functions, classes, assignments and imports."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.If | ast.Try):  # a guarded import or definition
            names |= _defined(ast.Module(body=[*ast.iter_child_nodes(node)], type_ignores=[]))  # type: ignore[list-item]
    return names


def test_every_name_a_test_or_fixture_maker_imports_of_another_exists() -> None:
    """A fixture maker is run by hand, not by the suite: an import of a name its source module no longer
    has (make_office_pass.py took make_closing_lines' `_truetype_font` after it moved to corpus_writers)
    breaks it unseen until someone makes the fixture again."""
    modules = _test_modules()
    trees = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in modules.items()}
    missing = []
    for name, path in sorted(modules.items()):
        for node in ast.walk(trees[name]):
            if not isinstance(node, ast.ImportFrom):
                continue
            for alias in node.names:
                one = ast.ImportFrom(node.module, [alias], node.level)
                for target in _imported(name, path, one, modules):
                    if not target.endswith(f".{alias.name}") and alias.name not in _defined(trees[target]):
                        missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {target} has no {alias.name}")
    assert missing == []
