"""The package's import structure: no import cycles, and the import-linter contracts of
pyproject.toml hold (``lint-imports``, also run by .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cycles(deps: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in deps[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(deps):
        if v not in index:
            visit(v)
    return out


def test_cycles_are_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("geoevents", exclude_type_checking_imports=True)
    deps = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _cycles(deps) == []


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    run = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "0 broken" in run.stdout


def _data_words() -> set[str]:
    """Every word of the grammar, the language check and the morphology's lists (a
    mapping's keys: its values name kinds, "person", "state")."""
    import yaml

    from geoevents.resources import load_morphology, resource
    from geoevents.resources.lexicon import load_grammar

    words: set[str] = set(load_morphology().not_verbs) | set(load_morphology().clitics)
    lists: list[object] = list(load_grammar().model_dump().values())
    lists.extend(yaml.safe_load(resource("id", "language.yaml").read_text("utf-8")).values())
    while lists:
        v = lists.pop()
        if isinstance(v, dict):
            lists.extend(v.keys())
        elif isinstance(v, list):
            lists.extend(v)
        elif isinstance(v, str) and v.replace(" ", "").replace("-", "").isalpha():
            words.add(v.lower())
    return words


def _word_lists(source: str, words: set[str]) -> list[tuple[int, list[str]]]:
    """Collection literals in ``source`` holding two words of ``words`` or more."""
    import ast

    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
            hits = [e.value for e in node.elts if isinstance(e, ast.Constant)
                    and isinstance(e.value, str) and e.value.lower() in words]
            if len(hits) >= 2:
                out.append((node.lineno, hits))
    return out


def test_a_word_list_in_code_is_found() -> None:
    words = {"dan", "serta", "di"}
    assert _word_lists('if w in ("dan", "serta"):\n    pass\n', words) == [(1, ["dan", "serta"])]
    assert _word_lists('PREFIXES = ("di", "ter")\n', words) == []


def test_indonesian_words_live_in_the_data_files() -> None:
    """No Indonesian word list in the package's code: the grammar, the lexicon and the word
    lists are data files (resources/id/)."""
    words = _data_words()
    assert {"dan", "serta", "menurut", "mantan", "nya", "sebagai"} <= words
    found = {str(f.relative_to(ROOT)): hits
             for f in sorted((ROOT / "src" / "geoevents").rglob("*.py"))
             if (hits := _word_lists(f.read_text("utf-8"), words))}
    assert found == {}


def _function_level_imports(path: Path, module: str) -> list[tuple[int, str]]:
    """The geoevents modules a file imports inside a function (lazy imports)."""
    import ast

    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out: list[tuple[int, str]] = []
    for fn in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                if target.split(".")[0] != "geoevents":
                    continue
                # "from . import evaluate" names a module
                for alias in node.names:
                    out.append((node.lineno, target))
                    out.append((node.lineno, f"{target}.{alias.name}"))
            elif isinstance(node, ast.Import):
                out += [(node.lineno, a.name) for a in node.names
                        if a.name.split(".")[0] == "geoevents"]
    return out


def test_no_function_level_import_hides_a_cycle() -> None:
    """A module may import another lazily (start-up time of the command line and of
    ``import geoevents``), never to dodge a cycle: the module imported must not import the
    importer back, directly or through others."""
    graph = grimp.build_graph("geoevents", exclude_type_checking_imports=True)
    src = ROOT / "src"
    dodges = []
    for f in sorted((src / "geoevents").rglob("*.py")):
        if "data" in f.relative_to(src / "geoevents").parts:
            continue
        parts = list(f.relative_to(src).with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for line, target in _function_level_imports(f, module):
            if target not in graph.modules or target == module:
                continue
            if graph.find_shortest_chain(importer=target, imported=module) is not None:
                dodges.append(f"{module}:{line} -> {target}")
    assert dodges == []


def test_function_level_imports_are_found(tmp_path: Path) -> None:
    f = tmp_path / "models.py"
    f.write_text("import json\n\nfrom .errors import E1\n\n\ndef render(x):\n"
                 "    from .display.html import render_html\n    return render_html(x)\n",
                 "utf-8")
    assert _function_level_imports(f, "geoevents.models") == [
        (7, "geoevents.display.html"), (7, "geoevents.display.html.render_html")]
