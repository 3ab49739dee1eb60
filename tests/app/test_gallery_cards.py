"""The classify gallery's cards: made a few a turn of the event loop so the window answers while
a thousand pictures come in, and each card showing its whole verdict beside its pictures, never
over them, in every language (issues 28 and 33)."""

from __future__ import annotations

import pytest

from file_drops import drop, photo, wait_results
from bpstudio.widgets import classify_gallery


def test_cards_are_made_a_few_a_turn_and_removed_at_once(make_window, qtbot, cat_data_dir,
                                                         tmp_path, monkeypatch):
    """Every results_changed made every missing card at once (1,000 cards froze the window for
    seconds): at most CARDS_A_TURN new cards a turn, the others in the next turns, until every
    picture has its card saying its result; a cleared gallery has no card left."""
    monkeypatch.setattr(classify_gallery, "CARDS_A_TURN", 4)
    made: list[int] = []
    original = classify_gallery.ClassifyGallery._on_results_changed

    def counting(self, start=0):
        before = self.list.count()
        original(self, start)
        made.append(self.list.count() - before)
    monkeypatch.setattr(classify_gallery.ClassifyGallery, "_on_results_changed", counting)
    w = make_window()
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    paths = []
    for k in range(23):
        assert photo(30 + k, 40, seed=k).save(str(tmp_path / f"p{k:02d}.png"))
        paths.append(tmp_path / f"p{k:02d}.png")
    drop(w, paths)
    wait_results(qtbot, w, 23)
    gallery = w.gallery
    qtbot.waitUntil(lambda: gallery.list.count() == 23)
    assert max(made) == 4 and sum(made) == 23
    classes = ("non-cat", "cat")
    assert gallery.result_texts() == [r.text(classes) for r in w.studio.classify.results]
    for k, r in enumerate(w.studio.classify.results):
        card = gallery.list.itemWidget(gallery.list.item(k))
        assert r.name in card.text.text() and f"{r.probability:.2f}" in card.text.text()
    w.studio.classify.clear()
    assert gallery.list.count() == 0 and gallery.hint.isVisible()
