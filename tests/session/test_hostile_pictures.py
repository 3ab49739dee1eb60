"""Pictures that say they are huge, files too big to be pictures, and more pictures than the
gallery's memory (issue 33 §4 and §6): refused from the header or the file's size before
anything is decoded, and a drop over the gallery's limits keeps what fits and says how many
were skipped, in one line."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

from bpstudio.core.datasets import images_to_columns
from bpstudio.session import classify as classify_module
from bpstudio.session import images
from bpstudio.session.images import ImageError, read_image


def picture(tmp_path, name: str, w: int = 40, h: int = 30, fmt: str | None = None) -> bytes:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / name), fmt)
    return (tmp_path / name).read_bytes()


def jpeg_declaring(data: bytes, w: int, h: int) -> bytes:
    """The JPEG with its frame header (SOF0) saying w×h: the file stays a few hundred bytes."""
    at = data.index(b"\xff\xc0")
    return data[:at + 5] + struct.pack(">HH", h, w) + data[at + 9:]


def png_declaring(data: bytes, w: int, h: int) -> bytes:
    ihdr = struct.pack(">II", w, h) + data[24:29]
    return data[:16] + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + data[33:]


class NoDecoding(QImageReader):
    def read(self):  # noqa: D102 - the point of the test: never called
        raise AssertionError("decoded a picture that should have been refused by its header")


@pytest.mark.parametrize("suffix, fmt, declare, w, h", [
    (".jpg", "JPEG", jpeg_declaring, 65000, 65000),
    (".jpg", "JPEG", jpeg_declaring, 65000, 4000),  # a panorama of 260 megapixels
    (".png", "PNG", png_declaring, 30000, 30000),
    (".png", "PNG", png_declaring, 1_000_000, 1),  # one line, a million pixels long… and more
    (".png", "PNG", png_declaring, 16000, 16000),  # just over the limit (256 million pixels)
])
def test_a_picture_declaring_a_huge_size_is_refused_from_its_header(qapp, tmp_path, monkeypatch,
                                                                     suffix, fmt, declare, w, h):
    """A 65000×65000 JPEG was decoded at 1/8 and classified; the size its header declares is
    checked before anything is decoded (the reader's read() would fail the test)."""
    if w * h <= images.MAX_DECLARED_PIXELS:
        h = images.MAX_DECLARED_PIXELS // w + 1
    path = tmp_path / f"huge{suffix}"
    path.write_bytes(declare(picture(tmp_path, f"small{suffix}", fmt=fmt), w, h))
    assert path.stat().st_size < 10_000
    assert (QImageReader(str(path)).size().width(), QImageReader(str(path)).size().height()) == (w, h)
    monkeypatch.setattr(images, "QImageReader", NoDecoding)
    with pytest.raises(ImageError) as caught:
        read_image(path)
    assert str(caught.value) == (f"huge{suffix}: the picture says it is {w}×{h} pixels; at most "
                                 f"{images.MAX_DECLARED_PIXELS // 1_000_000} million pixels are read")


@pytest.mark.parametrize("suffix, fmt", [(".jpg", "JPEG"), (".png", "PNG"), (".bmp", "BMP"),
                                         (".tif", "TIFF")])
def test_a_file_too_big_to_be_a_picture_is_refused_by_its_size(qapp, tmp_path, monkeypatch,
                                                               suffix, fmt):
    """A sparse 3 GB file behind a good picture's header: refused by its size at once (the
    decoder held the Python lock for 45 s on a 40 GB one)."""
    path = tmp_path / f"sparse{suffix}"
    with open(path, "wb") as f:
        f.write(picture(tmp_path, f"small{suffix}", fmt=fmt))
        f.truncate(3 * 2**30)
    monkeypatch.setattr(images, "QImageReader", NoDecoding)
    with pytest.raises(ImageError) as caught:
        read_image(path)
    assert str(caught.value) == (f"sparse{suffix}: 3,072 MB is too big for a picture (at most "
                                 f"{images.MAX_PICTURE_BYTES // 2**20} MB)")


def test_a_big_picture_of_any_format_is_kept_reduced(qapp, tmp_path):
    """PNG cannot be decoded at a reduced size as JPEG can: it is reduced once decoded, so the
    gallery keeps about REDUCED_SIDE on the short side whatever the format."""
    picture(tmp_path, "tall.png", w=1100, h=2400)
    image = read_image(tmp_path / "tall.png")
    side = images.REDUCED_SIDE
    assert (image.width(), image.height()) == (side, round(2400 * side / 1100))


@pytest.fixture
def picture_studio(studio, tmp_path, cat_files):
    cat_files(tmp_path / "data")
    s = studio()
    assert s.open_dataset(str(tmp_path / "data"))  # a network for 4×4 RGB pictures
    s.model.loader.wait()
    return s


def drop(s, qtbot, paths):
    """Open the paths as a drop does; the messages said until every picture is in or refused."""
    said: list[str] = []
    s.classify.message.connect(said.append)
    s.open(*map(str, paths))
    settled: list[bool] = []
    s.when_settled(lambda: settled.append(True))
    qtbot.waitUntil(lambda: bool(settled), timeout=10_000)
    s.classify.message.disconnect(said.append)
    return said


def test_pictures_over_the_gallerys_memory_are_skipped_and_counted_once(picture_studio, qtbot,
                                                                         tmp_path, monkeypatch):
    s = picture_studio
    paths = []
    for k in range(7):
        picture(tmp_path, f"p{k}.png", w=100, h=100)
        paths.append(tmp_path / f"p{k}.png")
    one = QImage(100, 100, QImage.Format.Format_RGB32).sizeInBytes()  # as decoded and kept
    monkeypatch.setattr(classify_module, "MAX_GALLERY_BYTES", 3 * one)
    said = drop(s, qtbot, paths)
    assert len(s.classify.results) == 3 and s.classify.held_bytes() <= 3 * one
    assert said == ["Pictures not added: 4; the gallery holds at most 1,000 pictures and 0 MB "
                    "(clear it to add others)"]
    # full: a pasted picture is refused too, with the same line for one picture
    said = []
    s.classify.message.connect(said.append)
    assert not s.classify.classify_image(QImage(str(paths[0])), "pasted")
    assert len(s.classify.results) == 3 and said[-1].startswith("Pictures not added: 1;")
    s.classify.clear()  # room again
    assert drop(s, qtbot, paths[:2]) == [] and len(s.classify.results) == 2


def test_more_pictures_than_the_gallery_holds_are_never_decoded(picture_studio, qtbot, tmp_path,
                                                                monkeypatch):
    """40,000 handed-over paths must not become 40,000 decodes: what is over the count is
    skipped before decoding (these files do not even exist)."""
    s = picture_studio
    picture(tmp_path, "a.png")
    picture(tmp_path, "b.png")
    monkeypatch.setattr(classify_module, "MAX_GALLERY_PICTURES", 2)
    missing = [tmp_path / f"missing{k}.png" for k in range(5000)]
    said = drop(s, qtbot, [tmp_path / "a.png", tmp_path / "b.png", *missing])
    assert [r.name for r in s.classify.results] == ["a.png", "b.png"]
    assert said == ["Pictures not added: 5,000; the gallery holds at most 2 pictures and 512 MB "
                    "(clear it to add others)"]


def test_a_grey_model_opened_alone_classifies_dropped_pictures(studio, qtbot, tmp_path):
    """It said 'drop pictures to classify them', then 'This network takes numbers, not images'."""
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    s = studio()
    net = Network.create([16, 3, 1], seed=3)
    save_model(tmp_path / "grey.npz", net, input_shape=(4, 4, 1), class_names=("non-cat", "cat"))
    assert drop(s, qtbot, [tmp_path / "grey.npz"]) == []
    picture(tmp_path, "p.png", w=8, h=8)  # every pixel 0x336699
    refused: list[str] = []
    s.classify.refused.connect(refused.append)
    assert drop(s, qtbot, [tmp_path / "p.png"]) == [] and refused == []
    (result,) = s.classify.results
    luma = (0x33 * 299 + 0x66 * 587 + 0x99 * 114 + 500) // 1000
    assert result.pixels.shape == (4, 4, 1) and (result.pixels == luma).all()
    assert result.probability == pytest.approx(
        float(net.predict_proba(np.full((16, 1), luma / 255.0))[0, 0]))


def _wait_all_decoded(s, n):
    """Hold the GUI thread (no events) until the workers have decoded all n pictures, as a busy
    window would: they wait together for the GUI thread."""
    import time

    waiting = s.classify._decoding._waiting
    for _ in range(2000):
        if len(waiting) == n:
            return
        time.sleep(0.005)
    raise AssertionError(f"{len(waiting)} of {n} pictures decoded")


@pytest.mark.parametrize("n, a_turn", [(60, 7), (23, 23), (5, 50)])
def test_decoded_pictures_join_the_gallery_a_few_a_turn_in_order(picture_studio, qtbot, tmp_path,
                                                                 monkeypatch, n, a_turn):
    """A thousand handed-over pictures decoded while the window was busy were all taken in one
    turn of the event loop (a one-second freeze): the gallery takes at most a few a turn, each
    batch classified together, and keeps the order they were asked for."""
    from bpstudio.session import decoding

    s = picture_studio
    monkeypatch.setattr(decoding, "DECODED_A_TURN", a_turn)
    shades = [(17 * k) % 256 for k in range(n)]
    paths = []
    for k, shade in enumerate(shades):
        image = QImage(4 + k % 3, 4, QImage.Format.Format_RGB32)  # sizes differ: bytes differ
        image.fill(shade * 0x010101)
        assert image.save(str(tmp_path / f"q{k:03d}.png"))
        paths.append(tmp_path / f"q{k:03d}.png")
    batches: list[int] = []
    s.classify._decoding.arrived.connect(lambda taken: batches.append(len(taken)))
    s.open(*map(str, paths))
    assert s.classify.pending == n  # all on their way to the workers
    _wait_all_decoded(s, n)
    qtbot.waitUntil(lambda: s.classify.pending == 0, timeout=10_000)
    assert sum(batches) == n and max(batches) == min(a_turn, n)
    assert len(batches) == -(-n // a_turn)
    assert [r.name for r in s.classify.results] == [p.name for p in paths]
    net = s.model.network
    for r in s.classify.results:  # classified in batches as each alone would be
        assert r.probability == pytest.approx(
            float(net.predict_proba(images_to_columns(r.pixels[None]))[0, 0]))


def test_the_gallerys_memory_is_counted_as_pictures_come_and_go(picture_studio, qtbot, tmp_path):
    """held_bytes() is counted as pictures are added and cleared, never summed again: it agrees
    with the pictures held after a drop, a paste, a mode change, an undoable data change and a
    clear."""
    from bpstudio.session.images import SQUASH

    s = picture_studio

    def held():
        return sum(r.decoded.sizeInBytes() + (r.thumbnail.sizeInBytes()
                                              if r.thumbnail is not r.decoded else 0)
                   for r in s.classify.results)

    picture(tmp_path, "big.png", w=300, h=200)  # its thumbnail is another picture
    picture(tmp_path, "small.png", w=20, h=10)
    drop(s, qtbot, [tmp_path / "big.png", tmp_path / "small.png"])
    assert len(s.classify.results) == 2 and s.classify.held_bytes() == held() > 0
    assert s.classify.classify_image(QImage(str(tmp_path / "big.png")), "pasted")
    assert len(s.classify.results) == 3 and s.classify.held_bytes() == held()
    s.classify.set_mode(SQUASH)
    assert s.classify.held_bytes() == held()
    s.classify.clear()
    assert s.classify.held_bytes() == held() == 0
    drop(s, qtbot, [tmp_path / "small.png"])
    assert s.classify.held_bytes() == held() > 0
