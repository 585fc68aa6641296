"""The layout keeps its promises: no import cycles, dependencies pointing one way, and the
infrastructure (crm/lib) depending on nothing of the domain."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["crm", "customers", "notes", "catalog", "orders", "quickorder", "jobs", "followups"]


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            name = ".".join(parts).removesuffix(".__init__")
            modules[name] = path
    return modules


MODULES = project_modules()


def owner(name: str) -> str | None:
    """The project module an imported name lives in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(path: Path) -> set[str]:
    """Every project module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(owner(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found.add(owner(f"{node.module}.{alias.name}") or owner(node.module))
    return found - {None}


GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def test_no_module_imports_itself_back_through_others():
    cycles, visiting, done = [], [], set()

    def visit(name):
        if name in visiting:
            cycles.append([*visiting[visiting.index(name) :], name])
            return
        if name in done:
            return
        visiting.append(name)
        for target in GRAPH[name]:
            visit(target)
        visiting.pop()
        done.add(name)

    for name in GRAPH:
        visit(name)
    assert cycles == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("crm.lib", ["crm.core", "crm.urls", "crm.tenant_urls", *APPS[1:]]),
        ("jobs", ["customers", "notes", "catalog", "orders", "quickorder", "followups"]),
        ("customers", ["notes", "orders", "quickorder", "followups"]),
        ("catalog", ["customers", "notes", "orders", "quickorder", "followups"]),
        ("notes", ["orders", "quickorder", "catalog", "followups"]),
        ("orders", ["quickorder", "notes", "followups"]),
        ("followups", ["orders", "quickorder", "catalog"]),
    ],
)
def test_dependencies_point_one_way(package, forbidden):
    wrong = {
        (name, target)
        for name, targets in GRAPH.items()
        if name == package or name.startswith(package + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    }
    assert wrong == set()
