"""engage's modules import each other without circles, imports placed inside functions
included, and an import inside a function says why it waits (a heavy library that must
load lazily). Read from the source with ast: nothing is imported to check it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "engage"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, ast.Module]:
    return {
        module_name(path): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def imported_modules(tree: ast.AST, modules: set[str]) -> set[str]:
    """The engage modules a module imports anywhere in its code, functions included:
    ``from engage.db import audit`` names the module engage.db.audit."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module in modules:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in modules else node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    trees = sources()
    modules = set(trees)
    return {name: imported_modules(tree, modules) - {name} for name, tree in trees.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def describe(circle: list[str], graph: dict[str, set[str]]) -> str:
    ties = [
        f"{module} -> {target}"
        for module in circle
        for target in sorted(graph[module] & set(circle))
    ]
    return f"{', '.join(circle)} ({'; '.join(ties)})"


def test_the_circle_finder_finds_a_circle_through_a_function_local_import():
    first = ast.parse("from engage.b import thing\n")
    second = ast.parse("def later():\n    from engage.a import other\n")
    modules = {"engage.a", "engage.b"}
    graph = {
        "engage.a": imported_modules(first, modules),
        "engage.b": imported_modules(second, modules),
    }
    assert circles(graph) == [["engage.a", "engage.b"]]


def test_engage_has_no_import_circles():
    graph = import_graph()
    found = [describe(circle, graph) for circle in circles(graph)]
    assert not found, "modules that import each other in a circle: " + " | ".join(found)


def function_local_imports(tree: ast.Module) -> list[ast.stmt]:
    local = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            local += [
                node for node in ast.walk(function) if isinstance(node, ast.Import | ast.ImportFrom)
            ]
    return local


def says_why(lines: list[str], node: ast.stmt) -> bool:
    """A comment on the import's line, or on the line above it or above the run of
    imports it belongs to."""
    number = node.lineno - 1
    if "#" in lines[number]:
        return True
    while number > 0 and lines[number - 1].strip().startswith(("from ", "import ")):
        number -= 1
    return lines[number - 1].strip().startswith("#")


def test_every_import_inside_a_function_says_why_it_waits():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        unexplained += [
            f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            for node in function_local_imports(ast.parse(text))
            if not says_why(lines, node)
        ]
    assert not unexplained, "imports inside functions without a reason: " + ", ".join(unexplained)
