"""One window per user: a second ``bpstudio FILE`` hands its files to the window already running
(a local socket in a folder only the user may enter), as desktop apps do; ``--new-window`` opens
another.

The window greets each connection with "bpstudio"; only then does the start send one line of
JSON, {"files": [...], "data": ...} with absolute paths, answered by "ok". Whatever is not this
user's, or not in this shape, is refused (docs/reliability.md, "The single-instance socket"):
  * the folder: $XDG_RUNTIME_DIR, else a folder of the temporary one that this process made
    (or found) as a real folder owned by the user with mode 0700; anything else (a symlink,
    another user's, readable by others) means no hand-over: this start opens its own window;
  * the peer: both ends check the other's user id (SO_PEERCRED) where the system tells it;
  * the message: at most MAX_MESSAGE bytes and MAX_DEPTH brackets deep, checked before parsing;
  * connections: at most MAX_CONNECTIONS at a time, each dropped after IDLE_MS; one more
    closes the oldest (a start says its line at once: idle ones held by a flood never keep it
    out, nor take the window's file descriptors);
  * a window that does not answer (stopped, or busy) is alive: its socket is kept, and the start
    opens its own window; only a socket nobody listens on (connecting is refused) is removed.
"""

from __future__ import annotations

import enum
import errno
import json
import os
import re
import socket
import stat
import struct
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# generous: the running window may be busy for a moment (a big file landing, a relayout)
ANSWER_S = 10.0
MAX_MESSAGE = 1_000_000  # bytes: thousands of paths; more is not a hand-over
MAX_DEPTH = 4  # {"files": [...]} is 2 deep
MAX_CONNECTIONS = 16  # starts come one by one; more at a time are not starts
IDLE_MS = 5_000  # a start sends its line at once
GREETING = b"bpstudio\n"
SOCKET_NAME = "bpstudio.socket"


class Handover(enum.Enum):
    TAKEN = "taken"  # the window said it took the files
    NONE = "none"  # no window listens: this start is the window
    SILENT = "silent"  # a window listens but does not answer (stopped or busy): files not given
    UNCONFIRMED = "unconfirmed"  # given, but the window did not say it took them
    STRANGER = "stranger"  # the socket is another user's: nothing given


def owned_by_me(info: os.stat_result) -> bool:
    return info.st_uid == os.getuid()


def private_folder(path: Path) -> bool:
    """A real folder (not a symlink) of this user's that nobody else may enter or write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and owned_by_me(info) and info.st_mode & 0o077 == 0


def server_name() -> str | None:
    """The socket's path in a private folder: the runtime folder ($XDG_RUNTIME_DIR) when it is
    one, else bpstudio-UID in the temporary folder, made 0700 here. None: no private folder
    (another user made it first, or made it a symlink): no window is shared."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and private_folder(Path(runtime)):
        return str(Path(runtime) / SOCKET_NAME)
    folder = Path(tempfile.gettempdir()) / f"bpstudio-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass  # ours from an earlier start, or someone else's: checked below
    except OSError:
        return None
    return str(folder / SOCKET_NAME) if private_folder(folder) else None


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of a Unix socket; None where the system
    does not say (then the private folder alone keeps strangers out)."""
    if not hasattr(socket, "SO_PEERCRED") or descriptor < 0:
        return None
    try:
        with socket.socket(fileno=os.dup(descriptor)) as other:
            raw = other.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return None
    return int(struct.unpack("3i", raw)[1])


def _connect(name: str, timeout: float) -> socket.socket | None:
    """A connection to ``name``; None when nobody listens (no socket, or refused). A listener that
    does not accept (stopped, backlog full) raises TimeoutError."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(timeout)
    try:
        client.connect(name)
    except (FileNotFoundError, ConnectionRefusedError):
        client.close()
        return None
    except BaseException:
        client.close()
        raise
    return client


def _read_line(client: socket.socket) -> bytes:
    answer = b""
    while b"\n" not in answer and len(answer) < 100:
        chunk = client.recv(100)
        if not chunk:
            break
        answer += chunk
    return answer


def hand_over(files: list[str], data: str | None, timeout: float = ANSWER_S) -> Handover:
    """Give ``files`` (and ``data``) to this user's running window, if one answers."""
    name = server_name()
    if name is None:
        return Handover.NONE
    try:
        client = _connect(name, timeout)
    except OSError:  # TimeoutError among them: a listener that does not accept
        return Handover.SILENT
    if client is None:
        return Handover.NONE
    with client:
        uid = peer_uid(client.fileno())
        if uid is not None and uid != os.getuid():
            return Handover.STRANGER
        try:
            if _read_line(client) != GREETING:
                return Handover.SILENT
        except OSError:
            return Handover.SILENT
        try:
            client.sendall(json.dumps({"files": files, "data": data}).encode() + b"\n")
            answer = _read_line(client)
        except OSError:
            return Handover.UNCONFIRMED
    return Handover.TAKEN if answer.strip() == b"ok" else Handover.UNCONFIRMED


def nesting_within(line: bytes, limit: int) -> bool:
    """Whether JSON ``line`` nests at most ``limit`` brackets deep (strings do not count),
    decided without parsing it: a deep one would exhaust the parser's recursion."""
    outside = re.sub(rb'"(?:[^"\\]|\\.)*"', b"", line)
    depth = 0
    for byte in outside.translate(None, bytes(set(range(256)) - set(b"[]{}"))):
        depth += 1 if byte in b"[{" else -1
        if depth > limit:
            return False
    return True


def parse_message(line: bytes) -> tuple[list[str], str | None] | None:
    """The files and data of one start's line; None when it is not one."""
    if len(line) > MAX_MESSAGE or not nesting_within(line, MAX_DEPTH):
        return None
    try:
        message = json.loads(line)
    except ValueError:
        return None
    if not isinstance(message, dict):
        return None
    files, data = message.get("files"), message.get("data")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    if data is not None and not isinstance(data, str):
        return None
    return files, data


class InstanceServer(QObject):
    """Listens for later starts; ``received(files, data)`` runs for each one's files."""

    def __init__(self, received: Callable[[list[str], str | None], None], parent: QObject,
                 name: str | None = None):
        super().__init__(parent)
        self.received = received
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_new_connection)
        self.name = server_name() if name is None else name
        self.idle_ms = IDLE_MS
        self.max_connections = MAX_CONNECTIONS
        self.connections: dict[QLocalSocket, bytes] = {}
        self._wanted = False
        # Qt closes a server whose accept fails (no file descriptors left): listen again
        self._watch = QTimer(self, interval=IDLE_MS, timeout=self._keep_listening)

    def listen(self) -> bool:
        """Listen, removing a socket file nobody listens on (a crashed run's: connecting is
        refused). False: a window listens already (even one that does not answer) or there
        is no private folder; this window stays alone."""
        if self.name is None:
            return False
        # first: Qt's listen replaces a socket file in place (a rename), even a live window's
        try:
            client = _connect(self.name, 1.0)
        except OSError:
            return False  # a listener that does not accept: alive, stopped or busy
        if client is not None:
            client.close()
            return False
        QLocalServer.removeServer(self.name)  # refused: nobody listens on it
        if not self.server.listen(self.name):
            return False
        self._wanted = True
        self._watch.start()
        return True

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _keep_listening(self) -> None:
        if self._wanted and not self.server.isListening():
            self.server.listen(self.name)

    def _on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket_ = self.server.nextPendingConnection()
            uid = peer_uid(int(socket_.socketDescriptor()))
            if uid is not None and uid != os.getuid():
                socket_.abort()
                socket_.deleteLater()
                continue
            while len(self.connections) >= self.max_connections:
                self._drop(next(iter(self.connections)))  # the oldest: a start never waits this long
            self.connections[socket_] = b""
            socket_.readyRead.connect(lambda s=socket_: self._on_ready_read(s))
            socket_.disconnected.connect(lambda s=socket_: self.connections.pop(s, None))
            socket_.disconnected.connect(socket_.deleteLater)
            # a timer of the socket's own, not QTimer.singleShot(ms, socket_, lambda): PySide
            # keeps such a lambda (and the server with it) when the socket goes first
            idle = QTimer(socket_)
            idle.setSingleShot(True)
            idle.timeout.connect(lambda s=socket_: self._drop(s))
            idle.start(self.idle_ms)
            socket_.write(GREETING)
            socket_.flush()

    def _drop(self, socket_: QLocalSocket) -> None:
        if self.connections.pop(socket_, None) is not None:
            socket_.abort()
            socket_.deleteLater()

    def _on_ready_read(self, socket_: QLocalSocket) -> None:
        if socket_ not in self.connections:
            return
        data = self.connections[socket_]
        data += bytes(socket_.read(MAX_MESSAGE + 1 - len(data)).data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                self._drop(socket_)
            else:
                self.connections[socket_] = data
            return
        given = parse_message(data.split(b"\n", 1)[0])
        if given is None:
            self._drop(socket_)  # not a start of ours: nothing is opened
            return
        socket_.write(b"ok\n")
        socket_.flush()
        self.connections.pop(socket_, None)
        socket_.disconnectFromServer()
        self.received(*given)
