"""Pictures as phones and hostile users make them (issue 22): the JPEG check reads only up to the
end marker, a motion photo is a picture, FIFOs and SVGs are refused with a reason."""

from __future__ import annotations

import io
import os

import pytest
from hostile_files import fifo, motion_photo
from PySide6.QtGui import QImage

from bpstudio.session.images import ImageError, jpeg_truncated, read_image


class Counting(io.BytesIO):
    """A file that counts the bytes read from it."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.read_bytes = 0

    def read(self, n=-1):
        out = super().read(n)
        self.read_bytes += len(out)
        return out


@pytest.fixture
def jpeg(qapp, tmp_path) -> bytes:
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / "p.jpg"), "JPEG")
    return (tmp_path / "p.jpg").read_bytes()


def test_the_jpeg_check_stops_at_the_end_marker(jpeg):
    """A 50 MB video after the picture (a motion photo) is never read to check the picture."""
    f = Counting(motion_photo(jpeg) + bytes(50_000_000))
    assert not jpeg_truncated(f)
    assert f.read_bytes < 2_000_000


def test_a_cut_off_jpeg_is_still_found(jpeg):
    for cut in (len(jpeg) - 2, len(jpeg) // 2, 200):
        assert jpeg_truncated(io.BytesIO(jpeg[:cut])), cut


def test_a_motion_photo_is_read(jpeg, tmp_path):
    (tmp_path / "motion.jpg").write_bytes(motion_photo(jpeg))
    image = read_image(tmp_path / "motion.jpg")
    assert (image.width(), image.height()) == (300, 200)


@pytest.mark.parametrize("make,words", [
    (lambda p: fifo(p), "not a regular file (a device, a pipe or a socket); not read"),
    (lambda p: p.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="5" height="5"/>'),
     "SVG pictures are not read here"),
    (lambda p: p.mkdir(), "a folder, not a file"),
])
def test_what_is_no_picture_is_refused_with_a_reason(qapp, tmp_path, make, words):
    path = tmp_path / "x.png"
    make(path)
    with pytest.raises(ImageError) as refused:
        read_image(path)
    assert str(refused.value) == f"x.png: {words}" or str(refused.value).startswith(f"x.png: {words}")
    assert os.path.exists(path)
