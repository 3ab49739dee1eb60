"""Messages with numpy arrays through a pipe (core/array_pipe.py): equal on arrival, the arrays
written from their own memory beside a small pickle, and read into memory of their own."""

from __future__ import annotations

import multiprocessing as mp
import threading

import numpy as np
import pytest

from bpstudio.core import array_pipe


def _arrays() -> dict:
    rng = np.random.default_rng(3)
    frozen = rng.standard_normal((20, 209))
    frozen.flags.writeable = False  # as a first-layer trace is
    return {"W": rng.standard_normal((20, 12288)),  # 2 MB: more than the pipe holds at once
            "fortran": np.asfortranarray(rng.standard_normal((7, 5))),
            "frozen": frozen, "strided": rng.standard_normal((6, 6))[:, ::2],
            "shuffle": rng.integers(0, 2**32, 624, dtype=np.uint32), "scalar": np.float32(0.5),
            "costs": [0.7717, float("nan")], "text": "等式2"}


def _through_a_pipe(*messages: object, raw: bytes | None = None) -> list:
    read, write = mp.Pipe(duplex=False)
    received: list = []

    def reader() -> None:
        reading = array_pipe.Reader(read)
        while True:
            try:
                received.append(reading.recv())
            except EOFError:
                return
            except ValueError as e:
                received.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    if raw is not None:
        write.send_bytes(raw)
    for message in messages:
        array_pipe.send(write, message)
    write.close()
    thread.join(60)
    read.close()
    return received


def _same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key, value in a.items():
        if isinstance(value, np.ndarray):
            assert b[key].dtype == value.dtype and b[key].shape == value.shape
            assert np.array_equal(b[key], value), key
        elif key == "costs":
            assert b[key][0] == value[0] and np.isnan(b[key][1])
        else:
            assert b[key] == value and type(b[key]) is type(value)


def test_a_message_arrives_equal_with_its_arrays_writable_as_they_were_sent():
    sent = _arrays()
    received, = _through_a_pipe(sent)
    _same(sent, received)
    assert received["fortran"].flags.f_contiguous
    for key in ("W", "fortran", "shuffle"):
        assert received[key].flags.writeable  # the reader's own memory, not a pickle's bytes
        assert not np.shares_memory(received[key], sent[key])
    received["W"][0, 0] = 1.0
    assert not received["frozen"].flags.writeable  # read-only as sent (a trace the timeline shares)


def test_messages_follow_one_another_in_order():
    many = [{"i": i, "W": np.full((20, 300), float(i))} for i in range(30)]
    received = _through_a_pipe(*many)
    assert [m["i"] for m in received] == list(range(30))
    assert all(np.all(m["W"] == m["i"]) for m in received)


class _Frames:
    """A writing end that keeps the frames it is given."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []

    def send_bytes(self, buffer) -> None:
        self.frames.append(bytes(buffer))


def test_the_arrays_go_beside_the_pickle_not_inside_it():
    frames = _Frames()
    W = np.random.default_rng(0).standard_normal((20, 12288))
    array_pipe.send(frames, {"W": W, "b": np.zeros((20, 1))})
    head, *arrays = frames.frames
    assert len(head) < 1000  # the pickle names the arrays; their bytes follow it
    assert arrays[0] == W.tobytes() and arrays[1] == bytes(160)


class _Slow:
    """A reading end with no file descriptor (Windows' pipe): frames through recv_bytes."""

    def __init__(self, frames: list[bytes]) -> None:
        self.frames = frames

    def recv_bytes(self) -> bytes:
        if not self.frames:
            raise EOFError
        return self.frames.pop(0)


def test_an_end_without_a_file_descriptor_reads_the_same_messages():
    frames = _Frames()
    sent = _arrays()
    array_pipe.send(frames, sent)
    received = array_pipe.recv(_Slow(frames.frames))
    _same(sent, received)
    assert received["W"].flags.writeable


def test_a_frame_not_written_here_is_refused_and_the_next_message_is_read():
    first, second = _through_a_pipe({"n": 1}, raw=b"not a pickle")
    assert isinstance(first, ValueError) and second == {"n": 1}


def test_a_pipe_closed_within_a_message_is_an_error_not_a_message():
    read, write = mp.Pipe(duplex=False)
    frames = _Frames()
    array_pipe.send(frames, {"W": np.ones((4, 4))})
    write.send_bytes(frames.frames[0])  # the head, then the array's frame never comes
    write.close()
    with pytest.raises(OSError):
        array_pipe.recv(read)
    read.close()
