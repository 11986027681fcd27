"""The guard: the apps import one way, and no module grows past what a newcomer can read.

LAYERS is the one statement of the direction; docs/architecture.md quotes it. A production
module may import its own layer and the layers to its left, never one to its right:
hybridpeaks.core (shared infrastructure) imports no app; hybridpeaks (settings, URLs, views,
wsgi, asgi) sits on top of every app. Imports inside functions count, and so does reaching a
higher app's model by name: `apps.get_model("insights", ...)`, a relation field's
"insights.Model", or `Model._meta.get_field("relation").related_model`.

Tests, migrations, conftest.py and e2e/ are not production code: tests may import any app
(hybridpeaks/tests/ holds the ones that import them all).
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

LAYERS = [
    "hybridpeaks.core",
    "audit",
    "accounts",
    "training",
    "logging_app",
    "insights",
    "hybridpeaks",
]

PRODUCTION_MAX_LINES = 400
TEST_MAX_LINES = 450

ROOT = Path(__file__).resolve().parents[2]
NOT_PRODUCTION = {"tests", "migrations"}  # e2e/ and conftest.py lie outside the apps
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


def layer_of(module: str) -> int | None:
    """The position in LAYERS of the layer `module` belongs to (its longest prefix), or None
    for a module outside the project (Django, the standard library, …)."""
    matches = [
        (len(layer), index)
        for index, layer in enumerate(LAYERS)
        if module == layer or module.startswith(layer + ".")
    ]
    return max(matches)[1] if matches else None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_files() -> list[Path]:
    return [path for top in LAYERS if "." not in top for path in (ROOT / top).rglob("*.py")]


def production_modules() -> list[Path]:
    return sorted(
        path for path in _project_files() if not NOT_PRODUCTION & set(path.relative_to(ROOT).parts)
    )


def all_test_modules() -> list[Path]:
    """Every test module and test helper: tests/ folders, e2e/ and the root conftest.py."""
    in_tests = {path for path in _project_files() if "tests" in path.relative_to(ROOT).parts}
    return sorted(in_tests | set((ROOT / "e2e").rglob("*.py")) | {ROOT / "conftest.py"})


# --- what a module reaches: imported modules, and models named by app label or relation ---


def imported_modules(tree: ast.Module, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted name) of every import, at any depth; relative imports made absolute, and
    `from package import name` read as package.name so a submodule's layer is seen."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _app_module(label: str) -> str:
    return apps.get_app_config(label).name if label in apps.app_configs else label


def models_by_name(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, app module) for each model named by a string: apps.get_model("app", "Model")
    or ("app.Model"), and a relation field's "app.Model"."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        if callee == "get_model" and node.args:
            label = _string(node.args[0])
        elif callee in RELATION_FIELDS:
            to = (
                node.args[0]
                if node.args
                else next((kw.value for kw in node.keywords if kw.arg == "to"), None)
            )
            label = _string(to)
            label = label if label and "." in label else None
        else:
            continue
        if label:
            found.append((node.lineno, _app_module(label.split(".")[0])))
    return found


def models_through_relations(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, app module) for each `X._meta.get_field("name").related_model`: the model at
    the other end of the relation, found through the model X names (or every model with a
    field of that name, when X is not a plain name)."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "related_model"):
            continue
        call = node.value
        if not (isinstance(call, ast.Call) and _callee(call) == "get_field" and call.args):
            continue
        field_name = _string(call.args[0])
        owner = call.func.value.value if isinstance(call.func.value, ast.Attribute) else None
        owner_name = owner.id if isinstance(owner, ast.Name) else None
        for model in apps.get_models():
            if owner_name not in (None, model.__name__):
                continue
            field = next((f for f in model._meta.get_fields() if f.name == field_name), None)
            if field is not None and field.related_model is not None:
                found.append((node.lineno, field.related_model._meta.app_config.name))
    return found


def upward_reaches(source: str, module: str, is_package: bool = False) -> list[str]:
    """Each place in `source` (the text of `module`) that reaches a layer above its own."""
    own = layer_of(module)
    tree = ast.parse(source)
    reaches = [
        (line, target, "imports") for line, target in imported_modules(tree, module, is_package)
    ]
    reaches += [(line, target, "names a model of") for line, target in models_by_name(tree)]
    reaches += [
        (line, target, "follows a relation to") for line, target in models_through_relations(tree)
    ]
    return [
        f"line {line} {how} {target} ({LAYERS[layer_of(target)]} stands above {LAYERS[own]})"
        for line, target, how in sorted(reaches)
        if layer_of(target) is not None and layer_of(target) > own
    ]


# --- the guards ---


def test_every_production_module_imports_only_its_own_layer_and_those_below():
    problems = [
        f"{path.relative_to(ROOT)}: {reach}"
        for path in production_modules()
        for reach in upward_reaches(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
    ]
    assert not problems, (
        "Imports against the direction " + " < ".join(LAYERS) + ":\n" + "\n".join(problems)
    )


def _too_long(paths: list[Path], limit: int) -> list[str]:
    lengths = ((path, len(path.read_text(encoding="utf-8").splitlines())) for path in paths)
    return [f"{path.relative_to(ROOT)}: {n} lines" for path, n in lengths if n > limit]


def test_no_production_module_is_over_400_lines():
    too_long = _too_long(production_modules(), PRODUCTION_MAX_LINES)
    assert not too_long, f"Over {PRODUCTION_MAX_LINES} lines; split by responsibility:\n" + (
        "\n".join(too_long)
    )


def test_no_test_module_is_over_450_lines():
    too_long = _too_long(all_test_modules(), TEST_MAX_LINES)
    assert not too_long, f"Over {TEST_MAX_LINES} lines; split by responsibility:\n" + (
        "\n".join(too_long)
    )


# --- the guard sees what it must: each kind of reach, on a module written to break the rule ---


@pytest.mark.parametrize(
    ("source", "module", "reach"),
    [
        ("import insights.models", "training.roster", "line 1 imports insights.models"),
        (
            "def f():\n    from insights import services",
            "training.roster",
            "line 2 imports insights.services",
        ),
        ("from ..views import home", "hybridpeaks.core.db", "line 1 imports hybridpeaks.views"),
        ("from training import models", "hybridpeaks.core.db", "line 1 imports training.models"),
        (
            'apps.get_model("logging_app", "WorkoutLog")',
            "training.roster",
            "line 1 names a model of logging_app",
        ),
        (
            'models.ForeignKey("insights.AIWeeklySummary", on_delete=CASCADE)',
            "accounts.models",
            "line 1 names a model of insights",
        ),
        (
            'Athlete._meta.get_field("weekly_summaries").related_model',
            "training.roster",
            "line 1 follows a relation to insights",
        ),
    ],
)
def test_the_direction_guard_names_a_reach_upward(source, module, reach):
    (found,) = upward_reaches(source, module)
    assert found.startswith(reach)


@pytest.mark.parametrize(
    ("source", "module"),
    [
        ("from training.models import TrainingPlan", "insights.services"),
        ("from .models import TrainingPlan", "training.selectors"),
        ("from hybridpeaks.core.db import x", "audit.services"),
        ("from django.db import models\nimport json", "hybridpeaks.core.db"),
        ("from insights import views", "hybridpeaks.urls"),
        ('apps.get_model("accounts", "Athlete")', "training.roster"),
        ('TrainingSession._meta.get_field("plan").related_model', "logging_app.selectors"),
    ],
)
def test_the_direction_guard_lets_a_reach_downward_pass(source, module):
    assert upward_reaches(source, module) == []
