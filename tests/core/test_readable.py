"""Opening a file to read it (issue 22): what is not a regular file is refused by its type before a
byte is read, and a file that cannot be opened says why in the user's words."""

from __future__ import annotations

import os
import socket

import pytest

from bpstudio.core.messages import UserMessage
from bpstudio.core.readable import not_readable, open_regular

NOT_REGULAR = "not a regular file (a device, a pipe or a socket); not read"


def test_a_fifo_a_socket_and_a_device_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.h5")  # opening it for reading would wait for a writer
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.npz"))
    try:
        for path in (tmp_path / "pipe.h5", tmp_path / "sock.npz", "/dev/zero"):
            with pytest.raises(UserMessage) as refused:
                open_regular(path)
            assert str(refused.value) == f"{os.path.basename(path)}: {NOT_REGULAR}"
    finally:
        server.close()


@pytest.mark.parametrize("error,words", [
    (FileNotFoundError(2, "No such file or directory"), "file not found"),
    (PermissionError(13, "Permission denied"), "permission denied"),
    (IsADirectoryError(21, "Is a directory"), "a folder, not a file"),
    (OSError(5, "Input/output error"), "cannot be read (Input/output error)"),
])
def test_why_a_file_cannot_be_opened_is_said_in_words(error, words):
    assert str(not_readable(error, "data.h5")) == f"data.h5: {words}"


def test_a_folder_and_a_missing_file(tmp_path):
    (tmp_path / "data").mkdir()
    with pytest.raises(UserMessage, match="^data: a folder, not a file$"):
        open_regular(tmp_path / "data")
    with pytest.raises(UserMessage, match="^gone.npz: file not found$"):
        open_regular(tmp_path / "gone.npz")
    (tmp_path / "ok.csv").write_text("1,0\n")
    with open_regular(tmp_path / "ok.csv") as f:
        assert f.read() == b"1,0\n"
