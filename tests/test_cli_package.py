"""The CLI as a package: its modules import downwards only (no cycle), and the
fast path knows every command typer registers."""

from __future__ import annotations

import ast
from pathlib import Path

import docdiff

PACKAGE = Path(docdiff.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, known: set[str]) -> set[str]:
    """The docdiff modules ``path`` imports, anywhere in it (also inside functions):
    ``from . import x`` counts as module ``x`` when there is one."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    # a module's own ancestors are imported by Python anyway; they are no edge of its design
    return {m for m in found if m in known and not name.startswith(m + ".") and m != name}


def cycles_through(prefix: str) -> list[list[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: imports(path, set(paths)) for name, path in paths.items()}
    found = []
    for start in sorted(n for n in graph if n == prefix or n.startswith(prefix + ".")):
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    found.append([*trail, start])
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    return found


def test_the_command_line_modules_import_no_cycle():
    assert cycles_through("docdiff.cli") == []
    assert cycles_through("docdiff.commands") == []


def test_the_cli_is_a_package_of_small_modules():
    cli = PACKAGE / "cli"
    assert (cli / "__init__.py").is_file()
    assert {"app.py", "fast.py", "io.py"} <= {p.name for p in cli.glob("*.py")}


def test_the_fast_path_knows_every_command():
    from docdiff.cli.app import app
    from docdiff.cli.fast import COMMANDS

    assert {command.name for command in app.registered_commands} == set(COMMANDS)
