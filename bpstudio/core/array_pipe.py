"""Messages that carry large numpy arrays across a multiprocessing pipe without copying them.

A training child sends the window about 570 MB in the cat network's 2,500 iterations (keyframes,
parameter snapshots, first-layer traces). ``Connection.send`` pickles each array into a new bytes
object, and ``Connection.recv`` grows a BytesIO chunk by chunk, copies it, and unpickles into yet
another copy: the window's reader thread spent about a third of the window's CPU there, holding
the GIL between its reads. Here a message is pickled with protocol 5, whose arrays go out of
band: each is written to the pipe from the array's own memory, and read straight into the memory
the received array then owns (one copy, by the kernel). Both ends of a pipe must use this module.

A message is a frame with a mark, the number of arrays and the pickle, then one frame per array,
each framed as ``Connection.send_bytes`` frames it. A first frame without the mark (not written
here) is refused as one message, and the next one is read as usual.
"""

from __future__ import annotations

import os
import pickle
import struct
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

_HEAD = struct.Struct("!4sI")  # the mark, the number of arrays
_MARK = b"bpA5"
_MOST_A_READ = 1 << 30  # (macOS refuses a readv of 2 GB or more)


def send(connection: Any, message: object) -> None:
    """Write ``message`` to ``connection`` (a multiprocessing Connection's writing end)."""
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(message, protocol=5, buffer_callback=buffers.append)
    connection.send_bytes(_HEAD.pack(_MARK, len(buffers)) + head)
    for buffer in buffers:
        connection.send_bytes(buffer.raw())


def recv(connection: Any) -> Any:
    """The next message ``send`` wrote to the other end of ``connection``. EOFError or OSError:
    the pipe is closed or its stream lost; any other error: this message was not one (a first
    frame without the mark) or could not be unpickled, and the next one can be read."""
    head = connection.recv_bytes()
    if len(head) < _HEAD.size or head[:len(_MARK)] != _MARK:
        raise ValueError("not a message of bpstudio's array pipe")
    _, count = _HEAD.unpack_from(head)
    read = _read_frame if _has_descriptor(connection) else _read_frame_slowly
    try:
        buffers = [read(connection) for _ in range(count)]
    except (OSError, EOFError):
        raise
    except Exception as e:  # e.g. no memory for a frame: the stream is lost, not one message
        raise OSError(f"a message's arrays could not be read: {type(e).__name__}: {e}") from e
    return pickle.loads(memoryview(head)[_HEAD.size:], buffers=buffers)


class Reader:
    """The reading end of a pipe whose messages ``send`` wrote, read as a Connection is."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def recv(self) -> Any:
        return recv(self.connection)

    def fileno(self) -> int:
        return self.connection.fileno()

    def close(self) -> None:
        self.connection.close()


def _has_descriptor(connection: Any) -> bool:
    """A POSIX pipe's end, read here by its file descriptor (Connection keeps no buffer of its
    own, so reading a frame here leaves it where the next frame starts)."""
    return isinstance(connection, Connection) and hasattr(os, "readv")


def _read_frame_slowly(connection: Any) -> bytearray:
    return bytearray(connection.recv_bytes())  # writable, as an array sent is


def _read_exactly(fd: int, size: int) -> bytes:
    out = b""
    while len(out) < size:
        chunk = os.read(fd, size - len(out))
        if not chunk:
            raise OSError("the pipe closed within a message")
        out += chunk
    return out


def _read_frame(connection: Connection) -> np.ndarray:
    """One frame's bytes, read into a new array (numpy's allocator: large blocks come in huge
    pages where the system has them)."""
    fd = connection.fileno()
    size, = struct.unpack("!i", _read_exactly(fd, 4))
    if size == -1:  # a frame of 2 GB or more (Connection._send_bytes)
        size, = struct.unpack("!Q", _read_exactly(fd, 8))
    out = np.empty(size, dtype=np.uint8)
    view, done = out.data, 0
    while done < size:
        n = os.readv(fd, [view[done:done + _MOST_A_READ]])
        if n == 0:
            raise OSError("the pipe closed within a message")
        done += n
    return out
