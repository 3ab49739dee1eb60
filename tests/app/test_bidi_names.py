"""A name with directional controls or right-to-left letters never reorders the sentence it is
put in (issue 33 §1): a file or class named with U+202E (right-to-left override) turned the rest
of "Saved …." backwards. Checked by laying the shown text out as Qt draws it: the words around
the name keep their left-to-right order."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout

from bpstudio.core.messages import FSI, PDI, UserMessage, isolated

RLO, PDF, LRI = "\u202e", "\u202c", "\u2066"
NAMES = {
    "override": f"evil{RLO}gpj.exe",
    "override and a stray pop": f"x{PDI}{RLO}evil",  # its pop would end the isolate early
    "embedding left open": "a\u202bb c",
    "isolate left open": f"{LRI}abc",
    "Hebrew": "שלום",
    "Arabic with digits": "قطة 12",
}


def positions(text: str) -> list[float]:
    """Where each character's cursor stands on one line, as Qt lays the text out."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text) + 1)]


def order_kept(text: str, name: str) -> bool:
    """The characters of ``text`` outside ``name`` (however it was put in) stand left to right
    in their order, all of those before it left of those after it."""
    start = text.index(name)
    end = start + len(name)
    while start > 0 and text[start - 1] == FSI:
        start -= 1
    while end < len(text) and text[end] == PDI:
        end += 1
    x = positions(text)
    around = [x[i] for i in range(start + 1)] + [x[i] for i in range(end, len(text) + 1)]
    return all(a <= b for a, b in zip(around, around[1:]))


def core(name: str) -> str:
    return str(UserMessage("Saved {name} of {n} bytes.", name=name, n=12))


def test_the_check_sees_a_sentence_turned_backwards(qapp):
    """The test's own check: a raw override reverses what follows it."""
    assert not order_kept(f"Saved {NAMES['override']} of 12 bytes.", NAMES["override"])
    assert order_kept("Saved plain.png of 12 bytes.", "plain.png")


@pytest.mark.parametrize("key", NAMES)
def test_a_core_message_keeps_its_words_in_order(qapp, key):
    name = NAMES[key]
    said = core(name)
    kept = name.replace(PDI, "") if PDI in name and LRI not in name else name
    assert kept in said and order_kept(said, kept), repr(said)


@pytest.mark.parametrize("key", NAMES)
def test_a_classified_pictures_line_keeps_its_words_in_order(qapp, key):
    """The gallery's tooltip and screen-reader line of a picture, a class named the same."""
    import numpy as np
    from PySide6.QtGui import QImage

    from bpstudio.session.classify import Classified

    name = NAMES[key]
    for picture, positive in ((name, "cat"), ("p.png", name)):
        r = Classified(picture, "", QImage(), QImage(), np.zeros((1, 1, 3), np.uint8), 0.75)
        line = r.text(("other", positive))
        assert order_kept(line, isolated(name).strip(FSI + PDI)), repr(line)


@pytest.mark.parametrize("key", NAMES)
def test_a_name_on_a_menu_entry_or_in_rich_text_is_isolated(qapp, key):
    from bpstudio.widgets.plain_text import as_label_text, in_rich_text

    name = NAMES[key]
    for shown in (as_label_text(name), in_rich_text(name)):
        assert shown.startswith(FSI) and shown.endswith(PDI)
        assert shown.count(PDI) == sum(shown.count(c) for c in "\u2066\u2067\u2068")


def test_a_name_of_left_to_right_letters_is_as_it_was(qapp):
    for name in ("cat.png", "猫.png", "R&D (2) – final.jpg"):
        assert isolated(name) == name and core(name) == f"Saved {name} of 12 bytes."


def test_the_status_bar_says_a_saved_sessions_name_in_order(make_window, qtbot, tmp_path):
    """The window end to end: a session saved under a name with an override."""
    w = make_window()
    name = f"exam{RLO}noisses.bpstudio"
    assert w.studio.store.save(str(tmp_path / name))
    qtbot.waitUntil(lambda: name in w.statusBar().currentMessage(), timeout=10_000)
    said = w.statusBar().currentMessage()
    assert order_kept(said, name), repr(said)


@pytest.mark.parametrize("key", ["override", "Arabic with digits"])
def test_the_loaders_progress_line_says_a_files_name_in_order(qtbot, key):
    """The bar under the window while a file is read or a saved run recomputed: every unit's
    line keeps its words in order around the name."""
    import threading

    from bpstudio.session.loading import BYTES, IMAGES, ITERATIONS, FileLoader
    from bpstudio.widgets.load_progress import LoadProgress

    loader = FileLoader()
    bar = LoadProgress(loader)
    qtbot.addWidget(bar)
    name = NAMES[key]
    for unit in (BYTES, IMAGES, ITERATIONS):
        gate = threading.Event()

        def work(progress, gate=gate):
            progress(3e6, 9e6)
            gate.wait(30)

        loader.read(name, work, lambda _: None, lambda _: None, unit)
        try:
            qtbot.waitUntil(lambda: " 3" in bar.text.text(), timeout=10_000)
            line = bar.text.text()
            assert name in line and order_kept(line, name), (unit, repr(line))
        finally:
            gate.set()
            loader.wait()
        qtbot.waitUntil(lambda: not loader.running)


def test_a_picture_of_the_wrong_size_is_named_in_order(qtbot):
    """The message when a picture's inputs do not fit the network."""
    import numpy as np

    from bpstudio.session.studio import Studio

    s = Studio()
    try:
        said: list[str] = []
        s.model.error_reported.connect(said.append)
        name = NAMES["override"]
        assert not s.model.sample.choose_picture(name, np.zeros(5))
        assert said and order_kept(said[-1], name), said
    finally:
        s.shut_down()
