"""Never lose a file: opening a session is all or nothing (issue 22, class 1), in the studio.

A session whose stepper position was not a number replaced the network, then failed, leaving the
previous session's path and title: the next Ctrl+S wrote the new network over the previous file.
(tests/app/test_damaged_session_in_the_window.py: the window's title and Ctrl+S after one.)
"""

from __future__ import annotations

import numpy as np
import pytest
from hostile_files import deeply_nested_json, session_with
from studio_actions import messages

from bpstudio.core.sessionfile import load_session


def _set(path: str, value):
    def change(meta):
        *keys, last = path.split(".")
        d = meta
        for k in keys:
            d = d[k]
        d[last] = value
    return change


DAMAGES = {
    "position not a number": (_set("stepper.position", "x"), "damaged session (stepper.position)"),
    "negative position": (_set("stepper.position", -3), "damaged session (stepper.position)"),
    "position 1.5": (_set("stepper.position", 1.5), "damaged session (stepper.position)"),
    "unknown mode": (_set("stepper.mode", "fast"), "damaged session (stepper.mode)"),
    "sample a string": (_set("stepper.sample", "0"), "damaged session (stepper.sample)"),
    "learning rate a string": (_set("hyper.learning_rate", "0.1"),
                               "damaged session (hyper.learning_rate)"),
    "10¹² iterations": (_set("hyper.iterations", 10**12), "iterations must be a whole number"),
    "seed 2⁴⁰": (_set("network.seed", 2**40), "a seed must be a whole number from 0 to 4294967295"),
    "shuffle seed -1": (_set("hyper.shuffle_seed", -1), "a seed must be a whole number"),
    "dims as strings": (_set("network.dims", ["2", "5", "1"]), "damaged session (network.dims)"),
    "network a list": (_set("network", [1, 2]), "damaged session (network)"),
    "version a string": (_set("version", "1"), "damaged session (version)"),
    "version from the future": (_set("version", 99), "made by a newer BP Studio (format 99)"),
    "unknown data kind": (_set("data.kind", "web"), "damaged session (data.kind)"),
    "description a list": (lambda meta: [meta], "not a BP Studio session"),
    "absurdly nested": (lambda meta: deeply_nested_json(), "damaged session description"),
    "a picture with label 5": (_set("stepper.picture", {"name": "dog.jpg", "label": 5}),
                               "damaged session (stepper.picture.label)"),
    "a picture without its input": (_set("stepper.picture", {"name": "dog.jpg", "label": 0}),
                                    "damaged session (sample_x)"),
    "unknown feature": (_set("data.plane", {"source": "xor", "noise": 0.0, "train_share": 0.5,
                                            "seed": 0, "features": ["x3"]}),
                        "unknown feature 'x3'"),
}


@pytest.fixture
def two_sessions(studio, qtbot, tmp_path):
    """A studio with session A open (trained a little, saved), and a session B of another
    network on disk."""
    other = studio()
    assert other.choose_preset("plane-moons")
    b = tmp_path / "b.bpstudio"
    assert other.save_session(str(b))
    s = studio()
    for _ in range(3):
        assert s.train_one_iteration()
    a = tmp_path / "a.bpstudio"
    assert s.save_session(str(a))
    assert s.open_session(str(a))
    s.model.loader.wait()
    return s, a, b


def _state(s):
    """The session's file, "modified", network, data set and step mode: what the window's title
    and views show of it."""
    return (s.store.path, s.store.modified, s.model.network, s.model.dataset, s.stepper.mode)


def ctrl_s(qtbot, s) -> None:
    """What Ctrl+S does with a session that has its file: written there, on a thread."""
    with qtbot.waitSignal(s.store.saved, timeout=30_000):
        assert s.store.save_in_background()


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_session_changes_nothing_and_ctrl_s_keeps_the_first_one(two_sessions, qtbot,
                                                                          tmp_path, damage):
    s, a, b = two_sessions
    change, words = DAMAGES[damage]
    bad = session_with(b, tmp_path / "bad.bpstudio", change)
    _, saved = load_session(a)
    before = _state(s)
    said = messages(s)
    assert s.open_session(str(bad))
    s.model.loader.wait()
    assert len(said) == 1
    assert said[0].startswith("bad.bpstudio: ") and words in said[0] and "\n" not in said[0]
    assert _state(s) == before  # the session, its file and "modified" as they were
    ctrl_s(qtbot, s)
    assert said[-1] == "Saved a.bpstudio."
    meta, after = load_session(a)  # A still holds A's network
    assert meta["network"]["dims"] == [3, 2, 1]
    for key in ("W1", "b1", "W2", "b2", "costs"):
        np.testing.assert_array_equal(after[key], saved[key])


@pytest.mark.parametrize("arrays", ["costs longer than grad_norms", "evaluations of 3 columns",
                                    "W1 of integers"])
def test_damaged_arrays_in_a_session_change_nothing(two_sessions, tmp_path, arrays):
    s, a, b = two_sessions
    with np.load(b, allow_pickle=False) as z:
        entries = {k: z[k] for k in z.files}
    if arrays.startswith("costs"):
        entries["costs"] = np.zeros(5)
    elif arrays.startswith("evaluations"):
        entries["evaluations"] = np.zeros((2, 3))
    else:
        entries["W1"] = np.zeros(entries["W1"].shape, np.int64)
    bad = tmp_path / "bad.bpstudio"
    with open(bad, "wb") as f:
        np.savez(f, **entries)
    before = _state(s)
    said = messages(s)
    assert s.open_session(str(bad))
    s.model.loader.wait()
    assert len(said) == 1 and said[0].startswith("bad.bpstudio: damaged session (")
    assert _state(s) == before


def test_a_session_of_a_network_the_editor_cannot_show_is_refused(two_sessions, tmp_path):
    s, a, b = two_sessions

    def wide(meta):
        meta["network"]["dims"] = [2, 2000, 1]
    with np.load(b, allow_pickle=False) as z:
        entries = {k: z[k] for k in z.files}
    entries["W1"], entries["b1"] = np.zeros((2000, 2)), np.zeros((2000, 1))
    entries["W2"], entries["b2"] = np.zeros((1, 2000)), np.zeros((1, 1))
    entries["grad_norms"] = np.zeros((0, 2))
    tmp = tmp_path / "wide-arrays.bpstudio"
    with open(tmp, "wb") as f:
        np.savez(f, **entries)
    bad = session_with(tmp, tmp_path / "wide.bpstudio", wide)
    before = _state(s)
    said = messages(s)
    assert s.open_session(str(bad))
    s.model.loader.wait()
    assert said == ["wide.bpstudio: layer 1 has 2,000 neurons; the editor takes 1 to 512"]
    assert _state(s) == before


def test_the_good_session_still_opens_after_a_refused_one(two_sessions, tmp_path):
    s, a, b = two_sessions
    bad = session_with(b, tmp_path / "bad.bpstudio", _set("stepper.position", "x"))
    said, opened = messages(s), []
    s.store.opened.connect(lambda path, remark: opened.append((path, remark)))
    s.open_session(str(bad))
    s.open_session(str(b))  # waits its turn behind the refused one
    s.model.loader.wait()
    assert s.store.path == str(b) and not s.store.modified
    assert s.model.dataset.name == "moons"
    assert said == ["bad.bpstudio: damaged session (stepper.position)"]
    assert opened == [(str(b), "")]
