"""One window per user: a second ``bpstudio FILE`` hands its files to the window already running
(a local socket in the user's runtime folder), as desktop apps do; ``--new-window`` opens another.

The message is one line of JSON, {"files": [...], "data": ...} with absolute paths, answered by
"ok". A socket left by a crashed run answers nothing: the next start removes it and listens.
"""

from __future__ import annotations

import getpass
import json
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# generous: the running window may be busy for a moment (a big file landing, a relayout)
ANSWER_MS = 10_000
MAX_MESSAGE = 1_000_000  # bytes: thousands of paths; more is not a hand-over


def server_name() -> str:
    """A per-user name: the runtime folder ($XDG_RUNTIME_DIR, private to the user) when there
    is one, else the temporary folder with the user's name in it."""
    runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    if runtime and Path(runtime).is_dir():
        return str(Path(runtime) / "bpstudio.socket")
    return str(Path(tempfile.gettempdir()) / f"bpstudio-{getpass.getuser()}.socket")


def hand_over(files: list[str], data: str | None) -> bool:
    """Give ``files`` (and ``data``) to the running window; True once it has said it took them.
    False: no window runs (or it did not answer): this process opens its own."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(ANSWER_MS):
        return False
    message = json.dumps({"files": files, "data": data}).encode() + b"\n"
    socket.write(message)
    answer = b""
    while b"\n" not in answer and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
        if not socket.waitForReadyRead(ANSWER_MS):
            break
        answer += bytes(socket.readAll().data())
    socket.abort()
    return answer.strip() == b"ok"


class InstanceServer(QObject):
    """Listens for later starts; ``received(files, data)`` runs for each one's files."""

    def __init__(self, received: Callable[[list[str], str | None], None], parent: QObject):
        super().__init__(parent)
        self.received = received
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_new_connection)
        self.name = server_name()
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen, removing a socket file that no window answers on (a crashed run's: the caller
        tried hand_over first). False: another start listens already; this window stays alone."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line)
            if not isinstance(message["files"], list):
                raise TypeError("files")
            files = [str(f) for f in message["files"]]
            data_path = message.get("data")
            if data_path is not None and not isinstance(data_path, str):
                raise ValueError("data")
        except (ValueError, KeyError, TypeError):
            socket.abort()  # not a start of ours: nothing is opened
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.received(files, data_path)
