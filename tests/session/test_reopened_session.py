"""A reopened session is the session that was saved: the time cursor goes back over its runs and
its twins' (recomputed from where each started, with the loader's bar, to the same bits), and the
gallery's pictures come back with their numbers (the modified mark and the closing question:
tests/app/test_closing.py)."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
from PySide6.QtGui import QColor, QImage

from headless import go_to, headless, same
from studio_actions import messages, settle, train
from bpstudio.core.sessionfile import load_session, save_session
from bpstudio.core.timeline import keyframe_bytes


def twin_trained(qtbot, s):
    twin = s.fork_twin(learning_rate=0.1)
    assert s.train_every_run()
    settle(qtbot, s)
    return twin


def test_the_time_cursor_of_a_reopened_session_reaches_its_runs_and_its_twins(studio, qtbot,
                                                                              tmp_path):
    s = studio()
    assert s.choose_preset("plane-moons")
    m = s.model
    start = m.network.copy()
    train(qtbot, s, 300)
    twin = twin_trained(qtbot, s)
    assert len(twin.model.history) == 300
    path = str(tmp_path / "moons.bpstudio")
    assert s.save_session(path)
    ds = m.dataset
    at = headless(start, ds.X_train, ds.Y_train, m.hyper)
    twin_at = headless(start, ds.X_train, ds.Y_train, replace(m.hyper, learning_rate=0.1))

    o = studio()
    said = messages(o)
    assert o.open_session(path)
    settle(qtbot, o)
    assert o.timeline.available and o.timeline.first == 0  # the cursor can go back at once
    started = []  # what the loader (its bar) works on from now on: nothing until the cursor moves
    o.model.loader.started.connect(started.append)
    o.move_time_cursor(120)
    settle(qtbot, o)
    assert any("being recomputed" in t for t in said)
    # the outcome in its place once recomputed (the window's run, then the twin's)
    assert said[-1] == "Recomputed: the time cursor reaches back to iteration 0."
    assert sorted(started) == ["the saved run", f"the saved run {twin.name}"]  # on the loader bar
    o_twin = o.runs.twins[0]
    assert o.timeline.cursor == 120 and o_twin.timeline.cursor == 120
    assert same(o.model.shown.network.weights, at(120).weights)
    assert same(o_twin.model.shown.network.weights, twin_at(120).weights)
    o.move_time_cursor(299)  # recomputed once: any other iteration at once
    settle(qtbot, o)
    assert same(o.model.shown.network.weights, at(299).weights) and len(started) == 2
    assert not o.store.modified  # looking back changes nothing of the session
    # saved again after going back: the runs' starts are kept as before
    again = str(tmp_path / "again.bpstudio")
    o.back_to_now()
    assert o.save_session(again)
    assert load_session(again)[0]["timeline"] == load_session(path)[0]["timeline"]


def test_a_session_without_the_runs_starts_still_opens(studio, qtbot, tmp_path):
    """Sessions saved before the starts were kept: the record and the parameters, as before."""
    s = studio()
    train(qtbot, s, 30)
    path = str(tmp_path / "old.bpstudio")
    assert s.save_session(path)
    meta, arrays = load_session(path)
    assert meta.pop("timeline") and [k.startswith("timeline") for k in arrays].count(True) > 0
    save_session(path, {k: v for k, v in meta.items() if k not in ("format", "version")},
                 {k: v for k, v in arrays.items() if not k.startswith("timeline")})
    o = studio()
    assert o.open_session(path)
    settle(qtbot, o)
    assert len(o.model.history) == 30 and same(o.model.network.weights, s.model.network.weights)
    assert not o.timeline.available and o.timeline.startless
    said = messages(o)
    o.timeline.step(-1)  # the key [: it says why it cannot go back
    assert said == ["The time cursor cannot go back: this session file does not keep where its "
                    "run started. Train, then save the session again to keep it."]
    assert o.timeline.cursor is None
    train(qtbot, o, 10)  # a run of its own: the cursor goes back over it, silently
    o.timeline.step(-1)
    settle(qtbot, o)
    assert not o.timeline.startless and o.timeline.cursor == 39
    assert not any("cannot go back" in t for t in said[1:])


def test_the_gallery_comes_back_with_its_pictures_and_numbers(studio, qtbot, tmp_path, cat_files):
    s = studio()
    cat_files(tmp_path / "cats")
    assert s.open_dataset(str(tmp_path / "cats"))
    settle(qtbot, s)
    train(qtbot, s, 5)
    for k, colour in enumerate(("orange", "navy")):
        picture = QImage(300, 200, QImage.Format.Format_RGB32)
        picture.fill(QColor(colour))
        with qtbot.waitSignal(s.classify.results_changed):
            assert s.classify.classify_image(picture, f"picture {k}")
    s.classify.set_mode("squash")
    settle(qtbot, s)
    before = list(s.classify.results)
    path = str(tmp_path / "gallery.bpstudio")
    assert s.save_session(path)
    o = studio()
    assert o.open_session(path)
    settle(qtbot, o)
    after = o.classify.results
    assert [r.name for r in after] == ["picture 0", "picture 1"] and o.classify.mode == "squash"
    for a, b in zip(before, after):
        assert np.array_equal(a.pixels, b.pixels) and a.probability == b.probability
        assert b.thumbnail.size() == a.thumbnail.size()
    o.classify.set_mode("crop")  # prepared again from the thumbnail
    settle(qtbot, o)
    assert o.classify.results[0].pixels.shape == before[0].pixels.shape


def recomputing_held(studio, qtbot, path, monkeypatch):
    """The session at ``path`` opened, its cursor moved back: its runs being recomputed on the
    loader (its bar showing) until the test sets the returned event (from then on at once).
    Also the messages since."""
    import bpstudio.session.timeline_restore as restore
    gate, recompute = threading.Event(), restore.recompute

    def held(*args, **kwargs):
        gate.wait(30)
        return recompute(*args, **kwargs)

    monkeypatch.setattr(restore, "recompute", held)
    o = studio()
    assert o.open_session(path)
    settle(qtbot, o)
    said = messages(o)
    o.move_time_cursor(120)
    qtbot.waitUntil(lambda: o.model.loader.running and o.model.loader.name == "the saved run")
    return o, said, gate


def test_cancelling_the_recomputation_brings_the_cursor_back_to_now_and_it_can_go_back_again(
        studio, qtbot, tmp_path, monkeypatch):
    """Cancel on the loader bar while the saved runs are recomputed: the window is not left
    waiting for them (the cursor on a past iteration no view shows); it is at now, says so, and
    the cursor going back recomputes them then."""
    s = studio()
    assert s.choose_preset("plane-moons")
    m = s.model
    at = headless(m.network, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train(qtbot, s, 300)
    path = str(tmp_path / "moons.bpstudio")
    assert s.save_session(path)

    o, said, gate = recomputing_held(studio, qtbot, path, monkeypatch)
    assert o.model.loader.cancel()  # the bar's Cancel
    gate.set()
    settle(qtbot, o, timeout=10_000)  # nothing is left waiting
    assert o.timeline.cursor is None and o.model.shown.network is o.model.network
    assert said[-2:] == ["Stopped recomputing the saved run.",
                         "The saved runs were not recomputed: the time cursor is at now again. "
                         "Move it back to recompute them."]
    o.move_time_cursor(120)  # the saved runs are still there to recompute
    settle(qtbot, o)
    assert said[-1] == "Recomputed: the time cursor reaches back to iteration 0."
    assert o.timeline.cursor == 120 and same(o.model.shown.network.weights, at(120).weights)


def saved_and_changed(s, path, change) -> str:
    """``s``'s session saved to ``path``, then its file rewritten with ``change(meta, arrays)``
    (as a file written elsewhere, by a computer that computes other bits, or by hand)."""
    assert s.save_session(path)
    meta, arrays = load_session(path)
    change(meta, arrays)
    save_session(path, {k: v for k, v in meta.items() if k not in ("format", "version")}, arrays)
    return path


def test_saved_runs_that_recompute_to_other_costs_say_so(studio, qtbot, tmp_path):
    """The runs' starts no longer lead to the record (its first cost already differs): the cursor
    cannot go back over them, and the window says so in place of "…being recomputed"."""
    s = studio()
    assert s.choose_preset("plane-moons")
    train(qtbot, s, 300)

    def other_start(_meta, arrays):
        arrays["timeline0_W1"] = arrays["timeline0_W1"] * 1.5

    path = saved_and_changed(s, str(tmp_path / "other.bpstudio"), other_start)
    o = studio()
    assert o.open_session(path)
    settle(qtbot, o)
    said = messages(o)
    o.move_time_cursor(120)
    settle(qtbot, o)
    assert any("being recomputed" in t for t in said)
    assert said[-1] == ("The saved runs could not be recomputed exactly: the time cursor cannot "
                        "go back over them.")
    assert o.timeline.cursor is None and not o.timeline.available


def test_an_edit_while_the_saved_runs_are_recomputed_says_they_were_not(studio, qtbot, tmp_path,
                                                                        monkeypatch):
    s = studio()
    assert s.choose_preset("plane-moons")
    train(qtbot, s, 300)
    path = str(tmp_path / "moons.bpstudio")
    assert s.save_session(path)
    o, said, gate = recomputing_held(studio, qtbot, path, monkeypatch)
    assert o.set_layer_size(1, 5)  # acts on the latest network: a new one
    gate.set()
    settle(qtbot, o)
    assert said[-1] == "The saved runs were not recomputed: the network was changed meanwhile."
    assert o.timeline.cursor is None and o.model.network.dims == (2, 5, 1)


def test_a_file_asking_a_keyframe_every_iteration_recomputes_within_the_windows_budget(
        studio, qtbot, tmp_path):
    """A session file's ``every`` is only a wish: keyframes every iteration of the cat run would
    take 5 GB. The recomputation keeps as few as the window's keyframe budget holds (here a
    budget of 30 keyframes of the moons net stands for the 300 MB) and the same bits."""
    s = studio()
    assert s.choose_preset("plane-moons")
    m = s.model
    at = headless(m.network, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train(qtbot, s, 300)

    def every_iteration(meta, _arrays):
        meta["timeline"][0]["every"] = 1

    path = saved_and_changed(s, str(tmp_path / "every1.bpstudio"), every_iteration)
    o = studio()
    assert o.open_session(path)
    settle(qtbot, o)
    one = keyframe_bytes(o.model.network, o.model.hyper, o.model.dataset.X_train.shape[1])
    o.timeline.budget.total = 30 * one
    go_to(qtbot, o.timeline, 120)
    settle(qtbot, o)
    assert o.timeline.cursor == 120 and same(o.model.shown.network.weights, at(120).weights)
    assert 0 < o.timeline.nbytes <= o.timeline.budget.total and o.timeline.keyframe_every() > 1
