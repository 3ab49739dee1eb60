"""The single-instance socket (app/instance.py) belongs to its user and survives what arrives on
it: only this user's private folder and this user's peers; messages limited in size and depth
before parsing; connections capped and dropped when idle; a window that does not answer is not
taken for a dead one; a path the system refuses is one line on the terminal."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from bpstudio.app import instance
from bpstudio.app.gui import refused_path, usable_arguments
from bpstudio.app.instance import Handover, InstanceServer, hand_over, parse_message


@pytest.fixture
def short_tmp():
    """A short folder (a Unix socket's path is at most 107 bytes), 0700 as mkdtemp makes it."""
    folder = Path(tempfile.mkdtemp(prefix="bps"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def runtime(short_tmp, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_tmp))
    return short_tmp


@pytest.fixture
def no_runtime(short_tmp, monkeypatch):
    """No $XDG_RUNTIME_DIR: the temporary folder (a private one of the test's) is used."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(short_tmp))
    return short_tmp / f"bpstudio-{os.getuid()}"


@pytest.fixture
def server(qtbot, runtime):
    got: list = []
    owner = __import__("PySide6.QtCore", fromlist=["QObject"]).QObject()
    made = InstanceServer(lambda files, data: got.append((files, data)), owner)
    assert made.listen()
    made.got = got
    yield made
    made.server.close()


class FakeServer:
    """A listener in a thread that behaves as told: ``accept`` False never accepts (a stopped
    window: the kernel still completes the connection), ``greet`` False accepts and says
    nothing, ``answer`` False greets, reads the line and never answers."""

    def __init__(self, path: str, accept=True, greet=True, answer=True):
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(path)
        self.listener.listen(4)
        self.received = b""
        self.done = threading.Event()
        self.release = threading.Event()
        if accept:
            threading.Thread(target=self._serve, args=(greet, answer), daemon=True).start()

    def _serve(self, greet, answer) -> None:
        try:
            self._serve_one(greet, answer)
        except OSError:
            self.done.set()  # the client left: as a window sees it

    def _serve_one(self, greet, answer) -> None:
        conn, _ = self.listener.accept()
        with conn:
            if greet:
                conn.sendall(instance.GREETING)
                while not self.received.endswith(b"\n"):
                    try:
                        chunk = conn.recv(4096)
                    except OSError:
                        break
                    if not chunk:
                        break
                    self.received += chunk
                if answer:
                    conn.sendall(b"ok\n")
            self.done.set()
            self.release.wait(30)  # holds the connection until the test is done

    def close(self) -> None:
        self.release.set()
        self.listener.close()


# -- the folder and the peer are this user's ------------------------------------------------

def test_without_a_runtime_folder_a_private_one_is_made_in_the_temporary_folder(no_runtime):
    name = instance.server_name()
    assert name == str(no_runtime / "bpstudio.socket")
    info = os.lstat(no_runtime)
    assert stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o700
    assert instance.server_name() == name  # the second start finds the same folder


@pytest.mark.parametrize("made_by", ["another user", "open to all", "a symlink", "a file"])
def test_a_folder_someone_else_could_have_made_is_not_used(no_runtime, short_tmp, monkeypatch,
                                                          made_by):
    if made_by == "another user":
        no_runtime.mkdir(mode=0o700)
        monkeypatch.setattr(instance, "owned_by_me", lambda info: info.st_uid == os.getuid() + 1)
    elif made_by == "open to all":
        no_runtime.mkdir()
        os.chmod(no_runtime, 0o777)
    elif made_by == "a symlink":
        (short_tmp / "elsewhere").mkdir(mode=0o700)
        no_runtime.symlink_to(short_tmp / "elsewhere")
    else:
        no_runtime.write_text("")
    assert instance.server_name() is None
    assert hand_over(["/x.npz"], None) is Handover.NONE  # no hand-over: a window of its own
    assert not InstanceServer(lambda *a: None, None).listen()
    assert not list(short_tmp.rglob("*.socket"))


def test_a_runtime_folder_others_may_enter_gives_way_to_a_private_one(runtime, monkeypatch,
                                                                      short_tmp):
    os.chmod(runtime, 0o755)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(short_tmp / "tmp"))
    (short_tmp / "tmp").mkdir()
    assert instance.server_name() == str(short_tmp / "tmp" / f"bpstudio-{os.getuid()}" /
                                         "bpstudio.socket")


def test_the_peer_is_this_user_as_the_system_says():
    one, other = socket.socketpair(socket.AF_UNIX)
    with one, other:
        assert instance.peer_uid(one.fileno()) == os.getuid()
    assert instance.peer_uid(-1) is None


def test_a_server_of_another_user_is_given_nothing(runtime, monkeypatch):
    fake = FakeServer(str(runtime / "bpstudio.socket"))
    monkeypatch.setattr(instance, "peer_uid", lambda fd: os.getuid() + 1)
    try:
        assert hand_over(["/secret/exam.bpstudio"], None) is Handover.STRANGER
        assert b"exam" not in fake.received
    finally:
        fake.close()


def test_the_window_refuses_a_client_of_another_user(qtbot, server, monkeypatch):
    monkeypatch.setattr(instance, "peer_uid", lambda fd: os.getuid() + 1)
    client = socket.socket(socket.AF_UNIX)
    client.connect(server.name)
    client.setblocking(False)
    closed = []

    def hung_up() -> bool:
        try:
            closed.append(client.recv(100))
        except BlockingIOError:
            return False
        return True

    qtbot.waitUntil(hung_up, timeout=60_000)
    assert closed == [b""] and not server.connections  # no greeting: closed at once
    client.close()


# -- messages: size and depth before parsing --------------------------------------------------

@pytest.mark.parametrize("line", [
    b"[" * 200_000 + b"]" * 200_000,
    b'{"files": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    b'{"files": ["a"], "data": ' + b"{\"x\":" * 100_000 + b"1" + b"}" * 100_000 + b"}",
    b'{"files": ["' + b"a" * (instance.MAX_MESSAGE + 10) + b'"]}',
    b'{"files": "/a"}', b'{"files": [1, 2]}', b'{"files": ["/a"], "data": 3}', b"[]", b"\xff\xfe",
    b'{"files": [["/a"]]}',
])
def test_a_message_not_in_the_shape_of_a_start_is_refused(line):
    assert parse_message(line) is None


def test_brackets_inside_names_do_not_count_as_depth():
    line = json.dumps({"files": ["/a/[[[[[[[[{{{{.npz", '/b"[[[[.npz'], "data": None}).encode()
    assert parse_message(line) == (["/a/[[[[[[[[{{{{.npz", '/b"[[[[.npz'], None)


def test_a_deep_message_drops_its_connection_and_the_window_still_serves(qtbot, server):
    bad = socket.socket(socket.AF_UNIX)
    bad.connect(server.name)
    sent = threading.Event()

    def send() -> None:  # more than the socket buffers: the window reads as it arrives
        try:
            bad.sendall(b'{"files": ' + b"[" * 200_000 + b"]" * 200_000 + b"}\n")
        except OSError:
            pass  # dropped before the end: as good
        sent.set()

    threading.Thread(target=send, daemon=True).start()
    qtbot.waitUntil(lambda: sent.is_set() and not server.connections, timeout=60_000)
    bad.close()
    assert server.got == [] and server.listening
    _hand_over_in_thread(qtbot, ["/a.npz"], "/d.h5")
    assert server.got == [(["/a.npz"], "/d.h5")]


def _hand_over_in_thread(qtbot, files, data) -> Handover:
    """hand_over blocks; the window's event loop runs here while it waits."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(hand_over(files, data)), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(result), timeout=60_000)
    assert result == [Handover.TAKEN]
    return result[0]


# -- connections: capped, dropped when idle, the server kept ----------------------------------

def test_idle_connections_are_capped_then_dropped_and_a_start_still_gets_through(qtbot, server):
    server.idle_ms = 200  # any value: the test waits for the condition, not for the time
    idle = []
    for _ in range(3 * server.max_connections):
        s = socket.socket(socket.AF_UNIX)
        s.connect(server.name)
        idle.append(s)
    seen: set = set()
    qtbot.waitUntil(lambda: (seen.add(len(server.connections)) or True) and
                    len(server.connections) == server.max_connections, timeout=60_000)
    qtbot.waitUntil(lambda: not server.connections, timeout=60_000)
    assert max(seen) <= server.max_connections
    for s in idle:
        s.close()
    assert server.listening
    _hand_over_in_thread(qtbot, ["/a.npz"], None)
    assert server.got == [(["/a.npz"], None)]


# another process that opens many connections to the window and holds them: how many it made,
# and how many of those the window closed (it reads their end) while the others are still open
_FLOOD = """
import resource, selectors, socket, sys, time
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
made = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX)
    for _ in range(3000):  # the window's queue of connections to accept is full: once it has
        try:               # taken them (or closed them), there is room again
            s.connect(sys.argv[1])
            made.append(s)
            break
        except BlockingIOError:
            time.sleep(0.01)
        except OSError:
            break
print("connected", len(made), flush=True)
sys.stdin.readline()  # the window has dealt with them
closed = 0
ends = selectors.DefaultSelector()  # all at once: half a second each was 8 s for the open ones
for s in made:
    s.setblocking(False)
    ends.register(s, selectors.EVENT_READ)
while events := ends.select(timeout=0.5):  # until nothing more comes for half a second
    for key, _ in events:
        try:
            data = key.fileobj.recv(4096)  # the greeting, then the end of a closed one
        except OSError:
            data = None
        if not data:
            closed += data == b""
            ends.unregister(key.fileobj)
print("closed", closed, flush=True)
sys.stdin.readline()
"""


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_a_flood_of_idle_connections_never_exhausts_the_windows_file_descriptors(qtbot, server):
    """1,064 idle connections took every file descriptor (then Train raised "Too many open
    files" and the server was gone). Here the window may open only a few dozen files more than
    it has, and another process opens three times as many connections and holds them: the
    window keeps at most its cap of them (closing the oldest as more come), can still open a
    file, and a start is taken while the flood still holds its connections."""
    import resource
    import subprocess
    import sys

    server.idle_ms = 600_000  # held, not dropped for idleness: the cap alone closes them
    room = server.max_connections + 40
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    before = _open_descriptors()
    resource.setrlimit(resource.RLIMIT_NOFILE, (before + room, hard))
    flood = subprocess.Popen([sys.executable, "-c", _FLOOD, server.name, str(3 * room)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.extend(iter(flood.stdout.readline, "")),
                              daemon=True)
    reader.start()
    most = [before]
    try:
        qtbot.waitUntil(lambda: (most.append(_open_descriptors()) or True) and bool(said),
                        timeout=120_000)
        made = int(said[0].split()[1])
        assert made == 3 * room  # every one was taken by the kernel and accepted
        qtbot.waitUntil(lambda: len(server.connections) == server.max_connections)
        with open(os.devnull) as f:  # the window can still open a file
            assert f.readable()
        flood.stdin.write("\n")
        flood.stdin.flush()
        qtbot.waitUntil(lambda: len(said) == 2, timeout=120_000)
        assert said[1].split() == ["closed", str(made - server.max_connections)]
        assert max(most) <= before + server.max_connections + 8  # (+ Qt's own, a few)
        assert server.listening
        _hand_over_in_thread(qtbot, ["/b.npz"], None)
        assert server.got == [(["/b.npz"], None)]
    finally:
        flood.stdin.close()
        flood.wait(60)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_server_qt_closed_listens_again(qtbot, server):
    server._watch.setInterval(10)
    server.server.close()  # as Qt does when accept fails (no file descriptors left)
    qtbot.waitUntil(lambda: server.listening, timeout=60_000)
    _hand_over_in_thread(qtbot, [], None)


# -- a window that does not answer is alive ---------------------------------------------------

@pytest.mark.parametrize("kind, expected", [
    (dict(accept=False), Handover.SILENT), (dict(greet=False), Handover.SILENT),
    (dict(answer=False), Handover.UNCONFIRMED)])
def test_a_window_that_does_not_answer_keeps_its_socket(qtbot, runtime, kind, expected):
    name = str(runtime / "bpstudio.socket")
    fake = FakeServer(name, **kind)
    try:
        assert hand_over(["/exam.bpstudio"], None, timeout=0.2) is expected
        if expected is Handover.SILENT:
            assert fake.received == b""  # the files are not given: they open once, here
        late = InstanceServer(lambda *a: None, None)
        assert not late.listen()  # alive: not removed, not replaced
        assert stat.S_ISSOCK(os.lstat(name).st_mode)
        probe = socket.socket(socket.AF_UNIX)
        probe.connect(name)  # still the stopped window's
        probe.close()
    finally:
        fake.close()


@pytest.mark.parametrize("leftover", ["socket", "file"])
def test_only_a_socket_nobody_listens_on_is_replaced(runtime, leftover):
    name = runtime / "bpstudio.socket"
    if leftover == "socket":
        stale = socket.socket(socket.AF_UNIX)
        stale.bind(str(name))
        stale.close()
    else:
        name.write_text("")
    assert hand_over(["/a.npz"], None) is Handover.NONE
    fresh = InstanceServer(lambda *a: None, None)
    assert fresh.listen()
    fresh.server.close()


# -- paths the system refuses -----------------------------------------------------------------

def test_paths_the_system_refuses_are_one_line_each(tmp_path, capsys):
    latin1 = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.npz")
    with open(os.fsencode(latin1), "wb"):
        pass  # it exists; its name cannot travel as text
    long_name = str(tmp_path / ("n" * 300 + ".npz"))
    long_path = str(tmp_path) + ("/" + "d" * 200) * 30 + "/x.npz"
    good = tmp_path / "good.npz"
    good.write_bytes(b"")
    missing = str(tmp_path / "nowhere.npz")  # the window says so, as for a drop
    under_a_file = str(good / "x.npz")
    files, data = usable_arguments([latin1, long_name, str(good), missing, under_a_file],
                                   long_path)
    assert files == [str(good), missing, under_a_file] and data is None
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("bpstudio: /") and lines[0].endswith(
        "/caf\\xe9.npz: the name is not UTF-8 text; rename the file to open it")
    assert lines[1].endswith(": File name too long") and lines[2].endswith(": File name too long")
    assert all(len(line) < 160 for line in lines)


def test_a_usable_data_path_is_kept_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert usable_arguments(["m.npz"], "d.h5") == ([str(tmp_path / "m.npz")], str(tmp_path / "d.h5"))
    assert refused_path("\udcff") is not None
