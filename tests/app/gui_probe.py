"""``bpstudio ARGS`` as the installed program starts it, for the tests that start the app in a
process of its own: whenever what its window shows changes, one JSON line on stdout says so; a
line "close" on stdin closes the window as the user would (a question it asks is recorded and
answered Discard).

    python tests/app/gui_probe.py [bpstudio's arguments]
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QMessageBox

from bpstudio.app import main, main_window

asked: list[str] = []


def answer(box: QMessageBox):
    asked.append(box.text())
    box.done(QMessageBox.StandardButton.Discard)
    return QMessageBox.StandardButton.Discard


QMessageBox.exec = answer
_init = main_window.MainWindow.__init__


def state(window) -> dict:
    return {
        "title": window.windowTitle(), "modified": window.isWindowModified(),
        "status": window.statusBar().currentMessage(), "dims": list(window.studio.model.network.dims),
        "data": window.studio.model.dataset.name, "reading": window.studio.model.loader.running,
        "results": window.gallery.result_texts(), "gallery": window.gallery.messages.text(),
        "listening": any(s.isListening() for s in window.findChildren(QLocalServer)),
        "asked": list(asked),
    }


def probed_init(window, *args, **kwargs) -> None:
    _init(window, *args, **kwargs)
    last: list[dict] = []

    def report() -> None:
        now = state(window)
        if not last or now != last[0]:
            last[:] = [now]
            print(json.dumps(now), flush=True)

    timer = QTimer(window)
    timer.timeout.connect(report)
    timer.start(50)
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, window)

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line in ("close", ""):  # "" : the test went away
            stdin.setEnabled(False)
            closed = window.close()
            print(json.dumps({"closed": closed, "asked": list(asked)}), flush=True)

    stdin.activated.connect(command)


main_window.MainWindow.__init__ = probed_init
main(sys.argv[1:])
