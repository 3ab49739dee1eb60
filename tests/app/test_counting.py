"""One way of counting iterations in every view, the tutorial's (core/iterations.py): "Cost after
iteration 0" is the untrained network's cost; the network after i updates is at iteration i, and
the cost of iteration i is computed from that network, before its update. The time cursor's
label, the diagram's banner, the stepper's heading and its end, the training panel, the status
bar and the CSV exports are read as a user reads them, at the start, with the cursor at 234 of a
1,000-iteration run and after training: they name the same iteration, and every cost they give
is that iteration's. An iteration applied on one stepped sample is said as what it is."""

from __future__ import annotations

from bpstudio.core.trainer import RunState

import csv
import re

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from user_actions import train_and_wait
from bpstudio.session import cost_now as costs
from bpstudio.session.exports import write_cost_csv, write_training_log
from bpstudio.session.stepper_model import BATCH, SAMPLE
from bpstudio.widgets.training_panel import TrainingPanel

ITERATION = {"en": re.compile(r"[Ii]teration ([\d,]+)"), "zh_CN": re.compile(r"第 ([\d,]+) 次迭代")}
COST = {"en": re.compile(r"[Ii]teration ([\d,]+): cost (\d+\.\d{6})"),
        "zh_CN": re.compile(r"第 ([\d,]+) 次迭代：代价 (\d+\.\d{6})")}


def numbers(pattern, text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in pattern.findall(text)]


def views(w) -> dict[str, str]:
    """Every text that says an iteration, as the user sees it."""
    p, bar = w.training_panel, w.time_travel.bar
    stepper = w.studio.stepper
    QApplication.processEvents()  # the views follow the models' signals on the next turn
    w.diagram.refresh_now()
    stepper.home()
    out = {"stepper": w.equations.title.text(), "panel cost": p.cost.text(),
           "panel accuracy": p.accuracy.text() if p.accuracy.isVisibleTo(p) else "",
           "panel status": p.status.text(), "status bar": w.statusBar().currentMessage(),
           "cursor": bar.where.text() if bar.isVisibleTo(w) else "",
           "diagram": w.diagram.past_words() if w.diagram.past_iteration is not None else ""}
    stepper.run_to_end()
    out["stepper end"] = w.equations.apply_text.text()
    stepper.home()
    return out


def said_iterations(texts: dict[str, str], language: str = "en") -> dict[str, list[int]]:
    return {k: numbers(ITERATION[language], v) for k, v in texts.items()}


def stepped_cost(w) -> float:
    """The cost the stepper computes for the iteration it steps: the whole batch's."""
    w.studio.set_step_mode(BATCH)
    s = w.studio.stepper.stepper
    cost = s.cost
    w.studio.set_step_mode(SAMPLE)
    return cost


def read_csv(path) -> list[dict[str, str]]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def window(make_window, english_afterwards):
    w = make_window(1600, 1000)
    w.studio.set_hyper(iterations=1000)
    return w


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_view_counts_iterations_alike(window, qtbot, tmp_path, language):
    w, m = window, window.studio.model
    if language != "en":
        w.set_language(language)
        qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    # at the start: the untrained network is at iteration 0, its cost the tutorial's first
    texts = views(w)
    said = said_iterations(texts, language)
    assert said["stepper"] == [0] and said["stepper end"][0] == 0, texts
    assert said["panel cost"] == [0] and not texts["cursor"] and not texts["diagram"], texts
    (i, c), = COST[language].findall(texts["panel cost"])
    assert float(c) == pytest.approx(stepped_cost(w), abs=5e-7)

    # after training 1,000 iterations: the network is at iteration 1,000, and its own cost is said
    train_and_wait(qtbot, w)
    texts = views(w)
    said = said_iterations(texts, language)
    assert m.network.iterations_trained == len(m.history) == 1000
    for view in ("stepper", "panel cost", "panel accuracy", "cursor"):
        assert said[view] == [1000], (view, texts)
    assert said["stepper end"] == [1000, 1001], texts  # its update makes iteration 1,001
    assert said["panel status"] == said["status bar"] == [1000], texts
    trained = stepped_cost(w)  # the cost iteration 1,000 computes: the trained network's own
    for view in ("panel cost", "panel status"):
        (i, c), = COST[language].findall(texts[view])
        assert int(i.replace(",", "")) == 1000 and float(c) == pytest.approx(trained, abs=5e-7)
    assert costs.cost_now(m) == pytest.approx(trained, rel=1e-12)
    # the CSV: row i is iteration i, its cost computed before its update; the last row the now
    write_cost_csv(tmp_path / "cost.csv", m.history, costs.cost_now(m))
    rows = read_csv(tmp_path / "cost.csv")
    assert [int(r["iteration"]) for r in rows] == list(range(1001))
    assert float(rows[0]["train_cost"]) == m.history.costs.view()[0]
    assert float(rows[1000]["train_cost"]) == pytest.approx(trained, rel=1e-12)
    write_training_log(tmp_path / "log.csv", m.history)
    log = np.loadtxt(tmp_path / "log.csv", delimiter=",", skiprows=1)
    assert list(log[:, 0]) == list(range(1000))

    # the time cursor at 234: every view that shows an iteration shows 234, and its cost is
    # the record's row 234 (the stepper computes it again)
    with qtbot.waitSignal(w.studio.timeline.shown):
        w.studio.move_time_cursor(234)
    texts = views(w)
    said = said_iterations(texts, language)
    assert said["cursor"] == [234] and "1,000" in texts["cursor"], texts  # "… of 1,000"
    assert said["diagram"] == [234] and said["stepper"] == [234], texts
    assert said["stepper end"] == [234], texts  # a past one: shown, not applied
    assert said["panel cost"] == [1000], texts  # the network itself is still at 1,000
    assert stepped_cost(w) == m.history.costs.view()[234] == float(rows[234]["train_cost"])


def test_an_iteration_on_one_stepped_sample_is_said_as_such(window, qtbot, tmp_path, monkeypatch):
    """Apply on one sample is a step of stochastic gradient descent on that sample: the button
    and its tooltip say so, the record keeps that sample's loss L marked as one sample's, and the
    training panel never shows it as the network's cost C."""
    w, m, studio = window, window.studio.model, window.studio
    studio.set_hyper(iterations=20)
    train_and_wait(qtbot, w)
    studio.set_step_mode(SAMPLE)
    studio.choose_sample(16)
    studio.step_to_end()
    p = w.equations
    assert p.apply_button.text() == "Apply this sample's step to the network"
    assert "stochastic gradient descent on this one sample" in p.apply_button.toolTip()
    assert "exactly as training" not in p.apply_button.toolTip()
    assert "End of iteration 20 on one sample (#17 of the training set" in p.apply_text.text()
    assert "move it to iteration 21" in p.apply_text.text()
    loss = studio.stepper.stepper.cost  # the loss L of sample 17 (a batch of one)
    # where the network's cost would hold up the window, the panel says the record's last row,
    # as what it is
    cheap = costs.FORWARD_MACS
    monkeypatch.setattr(costs, "FORWARD_MACS", 0)
    assert studio.apply_stepped_iteration()
    h = m.history
    assert len(h) == 21 and h.is_one_sample(20) and h.costs.view()[20] == loss
    assert m.network.iterations_trained == 21
    assert w.training_panel.cost.text() == (f"iteration 20: one stepped sample, its loss L "
                                             f"{loss:.6f}")
    # the run's last evaluation, of the network at iteration 20, is still said as such
    assert w.training_panel.accuracy.text().startswith("iteration 20: train accuracy ")
    # where it is cheap, a panel says the network's own cost at iteration 21, never sample 17's
    # loss (a panel built now, on the same model: the window's has said what it could)
    monkeypatch.setattr(costs, "FORWARD_MACS", cheap)
    fresh = TrainingPanel(m, studio.training)
    qtbot.addWidget(fresh)
    panel = fresh.cost.text()
    assert panel.startswith("iteration 21: cost ") and f"{loss:.6f}" not in panel
    assert float(panel.split("cost ")[1]) == pytest.approx(costs.cost_now(m), abs=5e-7)
    # the CSVs: the stepped row's cost C is not claimed, its loss L is in its own column
    write_cost_csv(tmp_path / "cost.csv", h)
    row = read_csv(tmp_path / "cost.csv")[20]
    assert (row["iteration"], row["train_cost"], row["stepped_sample"]) == ("20", "", "1")
    assert float(row["sample_loss"]) == loss
    write_training_log(tmp_path / "log.csv", h)
    log = np.genfromtxt(tmp_path / "log.csv", delimiter=",", names=True)
    assert np.isnan(log["cost"][20]) and log["sample_loss"][20] == loss
    assert np.isnan(log["sample_loss"][:20]).all()
    # the batch's Apply is one iteration of gradient descent on every sample
    studio.set_step_mode(BATCH)
    studio.step_to_end()
    assert p.apply_button.text() == "Apply this update to the network"
    assert "on all 150 samples" in p.apply_button.toolTip()


def test_a_model_trained_elsewhere_counts_on_from_its_own_iterations(window, qtbot, tmp_path):
    """A model file opened after 100 iterations is at iteration 100; training it on, every view
    counts from there (the record's first row is iteration 100)."""
    from bpstudio.core.modelfile import save_model

    w, m, studio = window, window.studio.model, window.studio
    studio.set_hyper(iterations=100)
    train_and_wait(qtbot, w)
    save_model(tmp_path / "m.npz", m.network)
    assert studio.classify.open_model(str(tmp_path / "m.npz"))
    m.loader.wait()
    assert m.network.iterations_trained == 100 and len(m.history) == 0 and m.history.first == 100
    studio.set_hyper(iterations=50)
    train_and_wait(qtbot, w)
    texts = views(w)
    said = said_iterations(texts)
    for view in ("stepper", "panel cost", "panel accuracy", "cursor", "panel status"):
        assert said[view] == [150], (view, texts)
    with qtbot.waitSignal(studio.timeline.shown):
        studio.move_time_cursor(20)  # the record's row 20
    texts = views(w)
    said = said_iterations(texts)
    assert said["cursor"] == [120] and "150" in texts["cursor"], texts  # "… of 150"
    assert said["diagram"] == [120] == said["stepper"], texts
    write_cost_csv(tmp_path / "cost.csv", m.history)
    assert read_csv(tmp_path / "cost.csv")[0]["iteration"] == "100"
    line = w.time_travel.cursor.lines[0]
    assert line.value() == 120  # the plots' x is the iteration too
    # a twin of it counts alike: its curves beside the window's, at the same iterations
    with qtbot.waitSignal(studio.timeline.shown):
        studio.back_to_now()
    twin = studio.fork_twin(learning_rate=0.1)
    qtbot.waitUntil(lambda: len(w.twin_runs.curves) == 1)
    with qtbot.waitSignal(twin.training.state_changed, timeout=60_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert twin.training.start()
    x, _ = w.twin_runs.curves[0].points()
    assert twin.model.history.first == 100 and x[0] == 100 and x[-1] == 149
