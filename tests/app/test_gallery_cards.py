"""The classify gallery's cards: made a few a turn of the event loop so the window answers while
a thousand pictures come in, and each card showing its whole verdict beside its pictures, never
over them, in every language (issues 28 and 33)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from file_drops import drop, photo, wait_results
from bpstudio.widgets import classify_gallery, result_card


def test_cards_are_made_a_few_a_turn_and_removed_at_once(make_window, qtbot, cat_data_dir,
                                                         tmp_path, monkeypatch):
    """Every results_changed made every missing card at once (1,000 cards froze the window for
    seconds): at most CARDS_A_TURN new cards a turn, the others in the next turns, until every
    picture has its card saying its result; a cleared gallery has no card left."""
    monkeypatch.setattr(classify_gallery, "CARDS_A_TURN", 4)
    made: list[int] = []
    original = classify_gallery.ClassifyGallery._show_cards

    drawn: list[int] = []
    real_show = result_card.ResultCard.show_result

    def counting(self):
        before = self.list.count()
        drawn.append(0)
        original(self)
        made.append(self.list.count() - before)

    def showing(self, *args):
        changed = real_show(self, *args)
        drawn[-1] += changed
        return changed
    monkeypatch.setattr(classify_gallery.ClassifyGallery, "_show_cards", counting)
    monkeypatch.setattr(result_card.ResultCard, "show_result", showing)
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
        assert card.name.text() == r.name and f"{r.probability:.2f}" in card.verdict.text()
    # a network that takes no pictures: every card says so, drawn again a few a turn
    drawn.clear()
    assert w.studio.choose_preset("plane-moons")
    unclassified = "not classified: this network does not take pictures"
    qtbot.waitUntil(lambda: all(
        gallery.list.itemWidget(gallery.list.item(k)).verdict.text() == unclassified
        for k in range(23)))
    assert sum(drawn) == 23 and max(drawn) == 4
    w.studio.classify.clear()
    assert gallery.list.count() == 0 and gallery.hint.isVisible()


PHOTOS = sorted(Path("/work/shared/data/photos").glob("*.jpg"))


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner)


def _needed(label) -> QRect:
    """The rectangle the label's text needs at its width (wrapped between words if it wraps)."""
    fm = label.fontMetrics()
    flags = int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else int(Qt.TextFlag.TextSingleLine)
    return fm.boundingRect(QRect(0, 0, label.contentsRect().width(), 100_000), flags, label.text())


@pytest.mark.skipif(not PHOTOS, reason="no photos in /work/shared/data/photos")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_card_shows_its_whole_verdict_beside_never_over_its_pictures(
        on_projector, qtbot, cat_data_dir, cat_data, english_afterwards, language):
    """Issue 28: at the default width of the gallery in the 1024×768 window the verdict was cut
    and the text lay over the picture. Real photos, classified by a trained network: every
    card's texts fit their rectangles, which lie in the card and apart from both pictures, the
    verdict says the probability and both words, and no card is wider than the list shows."""
    from bpstudio.core.network import Network
    from bpstudio.core.trainer import HyperParameters, Trainer
    from bpstudio.session.messages import class_names

    w = on_projector()
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    net = Network.create([12288, 7, 1], seed=1)
    list(Trainer(net, cat_data.X_train, cat_data.Y_train, HyperParameters(0.0075, 300)).run())
    assert w.studio.model.set_network(net, "trained")
    drop(w, PHOTOS)
    wait_results(qtbot, w, len(PHOTOS))
    w.gallery_dock.raise_()
    gallery = w.gallery
    qtbot.waitUntil(lambda: gallery.list.count() == len(PHOTOS) and gallery.list.isVisible())
    qtbot.waitUntil(lambda: all(gallery.list.itemWidget(gallery.list.item(k)).fitted
                                == gallery.card_width() for k in range(len(PHOTOS))))
    qtbot.wait(10)  # the list lays its cards out in its next turn
    view = gallery.list.viewport()
    classes = class_names(w.studio.model.dataset)
    assert classes != ("", "")
    for k, r in enumerate(w.studio.classify.results):
        item = gallery.list.item(k)
        card = gallery.list.itemWidget(item)
        assert card.width() <= view.width() and card.height() <= gallery.list.visualItemRect(item).height()
        box = card.contentsRect()
        pictures = [QRect(p.mapTo(card, QPoint(0, 0)), p.size()) for p in (card.original, card.seen)]
        assert all(_inside(p, box) for p in pictures)
        for label in (card.name, card.verdict, card.input):
            rect = QRect(label.mapTo(card, QPoint(0, 0)), label.size())
            assert _inside(rect, box), (label.objectName(), rect, box)
            assert not any(rect.intersects(p) for p in pictures), label.objectName()
            needed = _needed(label)
            assert (needed.width() <= label.contentsRect().width()
                    and needed.height() <= label.contentsRect().height()), (
                label.objectName(), label.text(), needed, label.contentsRect())
        assert card.name.text() == r.name  # these names fit: nothing elided
        said = card.verdict.text()
        for word in (f"{r.probability:.2f}", classes[1], r.label(classes)):
            assert word in said, (word, said)
        bar = QRect(card.bar.mapTo(card, QPoint(0, 0)), card.bar.size())
        assert _inside(bar, box) and not any(bar.intersects(p) for p in pictures)


@pytest.mark.parametrize("name", ["a" * 255, "p(" + "x" * 120 + ") " + "y" * 120])
def test_a_name_or_class_too_long_for_a_line_is_elided_never_cut(make_window, qtbot, tmp_path,
                                                                 name):
    """A picture's file name of 255 characters and a class name as long: the name is elided in
    its middle (all of it in its tooltip), the class name in the verdict too; the probability is
    always shown whole."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    w = make_window(1024, 768)
    model = tmp_path / "m.npz"
    save_model(model, Network.create([48, 3, 1], seed=1), (4, 4, 3), ("other", name))
    assert w.studio.classify.open_model(str(model))
    w.studio.model.loader.wait()
    picture = tmp_path / (name[:250] + ".png")
    assert photo(8, 8).save(str(picture))
    w.studio.classify.open_paths([str(picture)])
    wait_results(qtbot, w, 1)
    w.gallery_dock.raise_()
    gallery = w.gallery
    qtbot.waitUntil(lambda: gallery.list.count() == 1)
    card = gallery.list.itemWidget(gallery.list.item(0))
    qtbot.waitUntil(lambda: card.fitted == gallery.card_width())
    r = w.studio.classify.results[0]
    assert "…" in card.name.text() and picture.name in card.name.toolTip()
    for label in (card.name, card.verdict):
        needed = _needed(label)
        assert needed.width() <= label.contentsRect().width(), (label.text(), needed)
    assert f"{r.probability:.2f}" in card.verdict.text() and "…" in card.verdict.text()
