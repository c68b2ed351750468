"""The writers: atomic (nothing half-written) and deterministic (byte-identical reruns)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import io  # noqa: E402
from analysis.errors import OutputError  # noqa: E402


def _figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set_title("test")
    return fig


def test_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with io.atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_save_table_is_lf_csv_without_index(tmp_path):
    path = io.save_table(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), tmp_path / "t.csv")
    assert path.read_bytes() == b"a,b\n1,x\n2,y\n"
    with pytest.raises(OutputError):
        io.save_table([1, 2], tmp_path / "bad.csv")


def test_save_json_and_jsonl_are_sorted_and_stable(tmp_path):
    io.save_json({"b": 1, "a": "é"}, tmp_path / "x.json")
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == '{\n  "a": "é",\n  "b": 1\n}\n'
    io.save_jsonl([{"b": 1, "a": 2}, {"c": 3}], tmp_path / "x.jsonl")
    assert (tmp_path / "x.jsonl").read_text() == '{"a": 2, "b": 1}\n{"c": 3}\n'


def test_save_figure_writes_png_svg_csv_byte_identically(tmp_path):
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    first = io.save_figure(_figure(), "fig09-test", data, folder=tmp_path / "a")
    second = io.save_figure(_figure(), "fig09-test", data, folder=tmp_path / "b")
    for kind in ("png", "svg", "csv"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert b"<dc:date>" not in first["svg"].read_bytes()
    plt.close("all")


@pytest.mark.parametrize("name", ["entity-mentions", "fig1-x", "figAB-x", "fig01x"])
def test_save_figure_refuses_bad_names(tmp_path, name):
    with pytest.raises(OutputError, match="figNN-slug"):
        io.save_figure(_figure(), name, pd.DataFrame({"x": [1]}), folder=tmp_path)
    assert not any(tmp_path.iterdir())
    plt.close("all")


def test_save_figure_requires_the_plotted_numbers(tmp_path):
    with pytest.raises(OutputError, match="numbers it plots"):
        io.save_figure(_figure(), "fig09-test", pd.DataFrame(), folder=tmp_path)
    plt.close("all")
