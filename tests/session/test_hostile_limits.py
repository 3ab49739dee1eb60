"""What the editor refuses, a session file cannot smuggle in (issue 33, part 4): twins of 100,000
neurons or 20 layers, 130 twins, a record of more rows than one run makes, names of 900,000
characters (Qt crashed drawing one), counts of 10**30 (the export overflowed on one) are refused
when the file is read, with the reason, and nothing on screen changes. Model files: in
tests/core/test_modelfile.py."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from studio_actions import messages

import bpstudio.core.sessionfile as sessionfile
from bpstudio.core.network import MAX_HIDDEN_LAYERS, MAX_NAME_CHARS, MAX_NEURONS, MAX_TWINS


def _edited(good: Path, path: Path, change) -> Path:
    """A copy of the session ``good`` after ``change(meta, arrays)``, written as np.savez does."""
    with np.load(good, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(str(arrays["session.json"][()]))
    change(meta, arrays)
    arrays["session.json"] = np.array(json.dumps(meta))
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def _layers(dims):
    """A twin's network of ``dims`` (its arrays zero) and a record without rows."""
    def change(meta, arrays):
        run = meta["runs"][0]
        for k in [k for k in arrays if k.startswith("run0_")]:
            del arrays[k]
        run["network"]["dims"] = list(dims)
        run["network"]["activations"] = ["relu"] * (len(dims) - 2) + ["sigmoid"]
        for l in range(1, len(dims)):
            arrays[f"run0_W{l}"] = np.zeros((dims[l], dims[l - 1]))
            arrays[f"run0_b{l}"] = np.zeros((dims[l], 1))
        arrays["run0_costs"] = np.zeros(0)
        arrays["run0_grad_norms"] = np.zeros((0, len(dims) - 1))
        arrays["run0_evaluations"] = np.zeros((0, 4))
    return change


def _twins(n):
    def change(meta, arrays):
        run = meta["runs"][0]
        meta["runs"] = [dict(run, name=f"twin {k}") for k in range(n)]
        for k in range(1, n):
            for key in [key for key in arrays if key.startswith("run0_")]:
                arrays[f"run{k}_" + key[len("run0_"):]] = arrays[key]
    return change


def _set(where, value):
    def change(meta, arrays):
        *keys, last = where.split(".")
        d = meta
        for k in keys:
            d = d[int(k)] if isinstance(d, list) else d[k]
        d[last] = value
    return change


def _picture(name):
    """The stepper's picture named ``name`` (its input column as the moons take it)."""
    def change(meta, arrays):
        meta["stepper"]["picture"] = {"name": name, "label": 0}
        arrays["sample_x"] = np.zeros((2, 1))
    return change


def _rows(n):
    """The twin's record ``n`` rows long."""
    def change(meta, arrays):
        arrays["run0_costs"] = np.full(n, 0.5)
        arrays["run0_grad_norms"] = np.full((n, arrays["run0_grad_norms"].shape[1]), 0.1)
    return change


BIG = 10**30
LIMITS = {
    "a twin of 100,000 neurons": (_layers([2, 100_000, 1]),
                                  "twin run 1: layer 1 has 100,000 neurons; the editor takes 1 to 512"),
    "a twin of 20 layers": (_layers([2] + [3] * 19 + [1]),
                            "twin run 1: 19 hidden layers; the editor takes at most 8"),
    "130 twins": (_twins(130), "130 twin runs; at most 8"),
    "a twin's name of 900,000 characters": (
        _set("runs.0.name", "B" * 900_000), "runs.0.name has 900,000 characters; at most 4,096"),
    "a twin's name of 300 characters": (
        _set("runs.0.name", "B" * 300), "twin run 1: runs.0.name has 300 characters; at most 255"),
    "a picture's name of 900,000 characters": (
        _picture("p" * 900_000),
        "stepper.picture.name has 900,000 characters; at most 4,096"),
    "an activation of 900,000 characters": (
        _set("network.activations", ["r" * 900_000, "sigmoid"]),
        "network.activations.0 has 900,000 characters; at most 4,096"),
    "10**30 iterations trained": (_set("network.iterations_trained", BIG),
                                  "network.iterations_trained must lie between 0 and "
                                  "9,007,199,254,740,992"),
    "a twin's 10**30 iterations trained": (_set("runs.0.network.iterations_trained", BIG),
                                           "runs.0.network.iterations_trained must lie between 0 "
                                           "and 9,007,199,254,740,992"),
    "sample -10**30": (_set("stepper.sample", -BIG),
                       "stepper.sample must lie between 0 and 9,007,199,254,740,992"),
    "position 10**30": (_set("stepper.position", BIG),
                        "stepper.position must lie between 0 and 9,007,199,254,740,992"),
}


@pytest.fixture
def opened(studio, tmp_path):
    """A studio with session a.bpstudio open; and twins.bpstudio on disk: the moons preset and
    a twin of it, from which the hostile files are made."""
    other = studio()
    assert other.choose_preset("plane-moons")
    assert other.fork_twin(learning_rate=0.2) is not None
    twins = tmp_path / "twins.bpstudio"
    assert other.save_session(str(twins))
    s = studio()
    a = tmp_path / "a.bpstudio"
    assert s.save_session(str(a))
    assert s.open_session(str(a))
    s.model.loader.wait()
    return s, twins


def _state(s):
    return (s.store.path, s.store.modified, s.model.network, s.model.dataset, list(s.runs.twins))


def _refused(s, path) -> list[str]:
    before = _state(s)
    said = messages(s)
    assert s.open_session(str(path))
    s.model.loader.wait()
    assert _state(s) == before  # nothing on screen changed
    return said


@pytest.mark.parametrize("case", LIMITS, ids=list(LIMITS))
def test_a_session_beyond_the_editors_limits_is_refused_with_the_reason(opened, tmp_path, case):
    s, twins = opened
    change, words = LIMITS[case]
    bad = _edited(twins, tmp_path / "bad.bpstudio", change)
    said = _refused(s, bad)
    assert len(said) == 1 and said[0].startswith("bad.bpstudio: ") and said[0].endswith(words), said
    assert len(said[0]) < 300  # one line a status bar can show


@pytest.mark.parametrize("case", LIMITS, ids=list(LIMITS))
def test_a_session_beyond_the_limits_is_refused_before_its_arrays_are_read(opened, tmp_path,
                                                                          monkeypatch, case):
    """130 twins were read whole (every twin's parameters and record), then refused: what the
    description says is checked first, and the file's arrays are never read."""
    s, twins = opened
    change, words = LIMITS[case]
    bad = _edited(twins, tmp_path / "bad.bpstudio", change)
    read: list[set[str] | None] = []
    real = sessionfile.read_plain_npz

    def reading(path, what, only=None, **kw):
        read.append(only)
        return real(path, what, only, **kw)
    monkeypatch.setattr(sessionfile, "read_plain_npz", reading)
    said = _refused(s, bad)
    assert said[0].endswith(words) and read == [{"session.json"}]


def test_the_limits_are_the_editors(opened, tmp_path):
    """The file takes what the editor makes: the widest, deepest network and the most twins."""
    s, twins = opened
    good = _edited(twins, tmp_path / "deep.bpstudio",
                   _layers([2] + [MAX_NEURONS] * MAX_HIDDEN_LAYERS + [1]))
    good = _edited(good, tmp_path / "many.bpstudio", _twins(MAX_TWINS))
    good = _edited(good, tmp_path / "named.bpstudio", _set("runs.0.name", "B" * 255))
    good = _edited(good, tmp_path / "pictured.bpstudio", _picture("p" * 255))
    assert s.open_session(str(good))
    s.model.loader.wait()
    assert len(s.runs.twins) == MAX_TWINS and s.runs.twins[0].name == "B" * 255
    assert s.model.sample.picture[0] == "p" * 255
    assert s.runs.twins[0].model.network.dims == (2,) + (MAX_NEURONS,) * MAX_HIDDEN_LAYERS + (1,)


def test_a_record_longer_than_one_run_makes_is_refused(opened, tmp_path, monkeypatch):
    """A twin of 20 million rows (the limit made small here: the test writes no 500 MB file)."""
    s, twins = opened
    monkeypatch.setattr(sessionfile, "MAX_RECORD_ROWS", 50)
    said = _refused(s, _edited(twins, tmp_path / "long.bpstudio", _rows(51)))
    assert said == ["long.bpstudio: twin run 1: a record of 51 iterations; at most 50"]
    assert s.open_session(str(_edited(twins, tmp_path / "fits.bpstudio", _rows(50))))
    s.model.loader.wait()
    assert len(s.runs.twins[0].model.history) == 50


def test_a_session_of_the_largest_counts_opens_and_saves_again(opened, tmp_path):
    """10**30 iterations trained overflowed the export: the largest count a file may hold saves
    again as it was read."""
    s, twins = opened
    top = 2**53
    good = _edited(twins, tmp_path / "old.bpstudio", _set("network.iterations_trained", top))
    assert s.open_session(str(good))
    s.model.loader.wait()
    assert s.model.network.iterations_trained == top
    again = tmp_path / "again.bpstudio"
    assert s.save_session(str(again))
    meta, _ = sessionfile.load_session(again)
    assert meta["network"]["iterations_trained"] == top


def test_a_ninth_twin_is_refused_by_the_studio_as_by_the_file(studio):
    s = studio()
    assert s.choose_preset("plane-moons")
    said = messages(s)
    for k in range(MAX_TWINS):
        assert s.fork_twin(learning_rate=0.1 + k / 100) is not None
    assert s.fork_twin(learning_rate=0.5) is None
    assert len(s.runs.twins) == MAX_TWINS
    assert said == [f"At most {MAX_TWINS} twin runs: remove the twins to fork others."]


def test_training_never_grows_a_record_a_session_file_would_refuse(studio, qtbot, monkeypatch):
    """The record's limit holds for training too, so every session saved opens again (the limit
    made small here: the test trains 50 iterations, not 10 million)."""
    import bpstudio.core.trainer as trainer
    from studio_actions import train
    monkeypatch.setattr(trainer, "MAX_RECORD_ROWS", 50)
    s = studio()
    assert s.choose_preset("plane-moons")
    train(qtbot, s, 30)
    said = messages(s)
    assert s.set_hyper(iterations=21)
    assert not s.train()
    assert said == ["The record would hold 51 iterations, more than a session keeps (50); reset "
                    "the parameters to train again."]
    train(qtbot, s, 20)
    assert len(s.model.history) == 50
    assert not s.train_one_iteration()
    assert len(s.model.history) == 50 and said[-1] == said[0]  # one more would be the 51st


@pytest.mark.parametrize("n_cores", [1, 2, 3])
def test_train_every_run_at_once_starts_one_process_a_core_and_queues_the_rest(
        studio, qtbot, monkeypatch, n_cores):
    """Nine runs on two cores started nine processes (131 took 1.8 GB and froze the window
    12.6 s): at most one a core trains at once, the others wait and start as those end, and every
    run trains its iterations."""
    import bpstudio.session.runs as runs_module
    from bpstudio.core.trainer import RunState
    monkeypatch.setattr(runs_module, "cores", lambda: n_cores, raising=False)
    s = studio()
    assert s.choose_preset("plane-moons")
    assert s.set_hyper(iterations=40)
    for k in range(MAX_TWINS):
        assert s.fork_twin(learning_rate=0.1 + k / 100) is not None
    sessions = [s.training, *(t.training for t in s.runs.twins)]
    at_once = []
    for t in sessions:
        t.state_changed.connect(
            lambda _: at_once.append(sum(x.state is not RunState.IDLE for x in sessions)))
    assert s.train_every_run()
    assert sum(x.state is not RunState.IDLE for x in sessions) == n_cores
    assert s.runs.queued == len(sessions) - n_cores and s.busy
    qtbot.waitUntil(lambda: not s.runs.training_any, timeout=120_000)
    assert max(at_once) == n_cores
    assert [t.model.network.iterations_trained for t in sessions] == [40] * len(sessions)
    assert all(t.blas_threads is None for t in sessions)  # alone again, each gets every core


def test_runs_waiting_for_a_core_start_no_more_once_stop_is_pressed(studio, qtbot, monkeypatch):
    import bpstudio.session.runs as runs_module
    monkeypatch.setattr(runs_module, "cores", lambda: 1)
    s = studio()
    assert s.choose_preset("plane-moons")
    assert s.set_hyper(iterations=10**6)
    twin = s.fork_twin(learning_rate=0.2)
    assert s.train_every_run() and s.runs.queued == 1
    qtbot.waitUntil(lambda: s.model.network.iterations_trained > 0, timeout=60_000)
    s.stop()  # (closing empties the queue too, before it waits for the runs)
    qtbot.waitUntil(lambda: not s.runs.training_any, timeout=60_000)
    assert 0 < s.model.network.iterations_trained < 10**6 and not s.busy
    assert twin.model.network.iterations_trained == 0  # it never started


def test_the_keyframes_of_every_run_share_one_budget(studio, qtbot, monkeypatch):
    """Nine 300-iteration runs, each with a budget of its own, kept 555 MB of keyframes: what a
    run is given as it starts, with what the others keep or were given while they train, never
    passes the one budget of the window; and every run can still be travelled."""
    import bpstudio.session.runs as runs_module
    from bpstudio.core.timeline import MEMORY_BUDGET
    from bpstudio.core.trainer import RunState
    monkeypatch.setattr(runs_module, "cores", lambda: 2)
    s = studio()
    assert s.choose_preset("plane-moons")
    assert s.set_hyper(iterations=300)
    for k in range(MAX_TWINS):
        assert s.fork_twin(learning_rate=0.1 + k / 100) is not None
    runs = [(s.training, s.timeline), *((t.training, t.timeline) for t in s.runs.twins)]
    given: dict[int, float] = {}
    worst = []

    def recorded(k, ask):
        def budget():
            held = sum(given.get(j, 0.0) + tl.nbytes if tr.state is not RunState.IDLE else tl.nbytes
                       for j, (tr, tl) in enumerate(runs) if j != k)
            given[k] = ask()
            worst.append(held + runs[k][1].nbytes + given[k])
            return given[k]
        return budget
    for k, (training, _) in enumerate(runs):
        training.keyframe_budget = recorded(k, training.keyframe_budget)
    assert s.train_every_run()
    qtbot.waitUntil(lambda: not s.runs.training_any, timeout=120_000)
    assert len(worst) == len(runs) and max(worst) <= MEMORY_BUDGET
    assert given[0] == pytest.approx(MEMORY_BUDGET / len(runs))  # the first: a ninth of it
    assert sum(tl.nbytes for _, tl in runs) <= MEMORY_BUDGET
    assert all(tl.available and tl.first == 0 for _, tl in runs)
    s.remove_twins()
    assert s.timeline.memory_left() == MEMORY_BUDGET - s.timeline.nbytes  # the window's alone


def test_a_twin_named_longer_than_a_file_takes_is_cut_so_its_session_opens_again(studio, tmp_path):
    s = studio()
    assert s.choose_preset("plane-moons")
    twin = s.fork_twin(name="B" * 900_000, learning_rate=0.2)
    assert twin.name == "B" * (MAX_NAME_CHARS - 1) + "…"
    path = tmp_path / "cut.bpstudio"
    assert s.save_session(str(path))
    assert sessionfile.read_session(path).runs[0].name == twin.name
