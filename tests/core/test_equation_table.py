"""docs/equations.md and the equation table say the same thing; the table follows the tutorial."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bpstudio.core.equations import OPERATION_NAMES, TABLE
from bpstudio.core.network import Network
from bpstudio.core.stepper import Stepper

DOC = Path(__file__).resolve().parents[2] / "docs" / "equations.md"


def doc_rows() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in {e.label for e in TABLE.values() if e.label}:
            rows[cells[0]] = cells
    return rows


def generic(template: str) -> str:
    """A table formula written for any layer, as the page writes it."""
    out = template.replace("{l}", "l").replace("{p}", "l−1").replace("{n}", "l+1")
    return out.replace("{L}", "L").split(",  α = ")[0]


@pytest.mark.parametrize("key", ["1b", "2a", "2b", "3a", "3b", "4a", "4b"])
def test_the_page_writes_the_tables_formulas(key):
    row, cells = TABLE[key], doc_rows()[TABLE[key].label]
    assert cells[2] == f"`{generic(row.formula[0])}`"
    assert cells[3] == f"`{generic(row.formula[1])}`"
    one, many = (", then ".join(OPERATION_NAMES[o] for o in ops) for ops in row.operations)
    if one == many:
        assert cells[4].startswith(many)
    else:  # what runs on one sample differs (3a, 3b: nothing summed or scaled by 1/m there)
        assert cells[4] == f"one sample: {one}; m samples: {many}"


def test_the_loss_steps_operation_is_the_loss_function_never_sigma():
    """The loss applies L(a, y), not σ; the page says so too."""
    row = doc_rows_by_step()["loss"]
    for key in ("loss-bce", "loss-mse"):
        one, many = (", then ".join(OPERATION_NAMES[o] for o in ops)
                     for ops in TABLE[key].operations)
        assert "σ" not in one + many
        assert row[4] == f"one sample: {one}; m samples: {many}"


def doc_rows_by_step() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5:
            rows[cells[0]] = cells
    return rows


def test_the_page_names_the_tutorials_equations_for_each_label():
    rows = doc_rows()
    assert set(rows) == {"1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b"}
    for label, cells in rows.items():
        row = next(e for e in TABLE.values() if e.label == label)
        assert cells[1].startswith(f"等式{row.number} {row.term}"), cells


def test_the_tables_groups_are_the_tutorials_four_equations():
    numbered = {e.number: e.term for e in TABLE.values() if e.number}
    assert numbered == {1: "输出层误差", 2: "隐含层误差", 3: "参数变化率", 4: "参数更新"}
    assert {e.key for e in TABLE.values() if not e.number} == {"z", "a", "loss-bce", "loss-mse",
                                                                  "cost"}


@pytest.mark.parametrize("dims,m,count", [((12288, 20, 7, 5, 1), 1, 33), ((12288, 20, 7, 5, 1), 3, 34),
                                          ((3, 2, 1), 1, 17), ((3, 2, 1), 150, 18)])
def test_the_step_counts_the_page_quotes(dims, m, count):
    net = Network.create(dims)
    X = np.random.default_rng(0).random((dims[0], m))
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    assert len(Stepper(net, X, Y, 0.01).steps) == count
    assert f"{count}" in DOC.read_text(encoding="utf-8")
