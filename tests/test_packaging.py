"""The packaging files agree with each other and with the README's two commands."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

from analysis.paths import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _environment() -> tuple[dict[str, str], list[str]]:
    """(conda dependency name -> spec, pip lines) from environment.yml, read without a YAML library."""
    conda, pip, in_pip = {}, [], False
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("\ndependencies:\n", 1)[1].splitlines():
        stripped = line.split("#")[0].rstrip()
        if re.match(r"^  - pip:\s*$", stripped):
            in_pip = True
        elif in_pip and re.match(r"^      - ", stripped):
            pip.append(stripped.strip()[2:].strip().strip('"'))
        elif re.match(r"^  - ", stripped):
            in_pip = False
            spec = stripped.strip()[2:]
            conda[_name(spec)] = spec.replace(" ", "")
    return conda, pip


def test_distribution_is_not_called_analysis_but_ships_the_analysis_package():
    project = _pyproject()
    assert project["project"]["name"] != "analysis"
    assert project["tool"]["setuptools"]["packages"] == ["analysis"]


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = _pyproject()["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    conda, pip = _environment()
    pip_names = {_name(p) for p in pip}
    for requirement in wanted:
        name = _name(requirement)
        if name in conda:
            assert conda[name] == name + requirement.replace(" ", "")[len(name):], f"{name}: bounds differ"
        else:
            assert name in pip_names, f"{name} is in pyproject.toml but not in environment.yml"
            assert requirement.replace(" ", "") in [p.replace(" ", "") for p in pip], f"{name}: pin differs"
    extra_conda = set(conda) - {_name(r) for r in wanted} - {"python", "pip"}
    assert not extra_conda, f"environment.yml has dependencies pyproject.toml lacks: {extra_conda}"
    assert any(re.match(r'-e "?\.\[', p) for p in pip), "environment.yml installs the project itself"


def test_environment_yml_uses_python_311_from_conda_forge():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "conda-forge" in text and "python=3.11" in text


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^make (\w+)", readme.split("## Two commands", 1)[1].split("##", 1)[0], flags=re.M)
    assert commands[:2] == ["report", "test"]
    ci = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln.strip() and not ln.startswith(("#", "set ", "cd "))]
    # before it, CI only installs what the browser suite needs and requires that suite to run
    assert ci[-1] == "make test"
    assert not [ln for ln in ci[:-1] if re.search(r"\b(make|pytest|python)\b", ln)], "CI runs another command"
    assert "ACCORDS_BROWSER_REQUIRED=1" in " ".join(ci[:-1])


def test_makefile_targets_install_before_they_run():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("report", "test", "lab"):
        assert re.search(rf"^{target}: \$\(STAMP\)", makefile, flags=re.M), target
    assert "$(STAMP): pyproject.toml" in makefile


def test_package_level_exports_resolve_to_the_submodule_functions():
    import inspect
    from importlib import import_module

    import analysis

    assert analysis.__all__ == sorted(analysis._EXPORTS)
    for name, module in analysis._EXPORTS.items():
        exported = getattr(analysis, name)
        assert exported is getattr(import_module(f"analysis.{module}"), name), name
        defined_in = exported.__module__
        assert inspect.isfunction(inspect.unwrap(exported)), name
        assert defined_in == f"analysis.{module}" or defined_in.startswith(f"analysis.{module}."), name
    with pytest.raises(AttributeError, match="no attribute 'not_a_function'"):
        analysis.not_a_function  # noqa: B018


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, analysis; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.split() == ["False", "False"]
