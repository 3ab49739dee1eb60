"""Starting the app: QApplication, the main window, the command line's GUI options."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..session.gui_collector import collect_on_this_thread
from ..session.images import IMAGE_SUFFIXES
from .i18n import install_cjk_font
from .instance import Handover, InstanceServer, hand_over
from .resources import resource_path


def limit_blas_threads() -> None:
    """One BLAS thread for the window's own numpy work (the diagram's forward pass, the
    galleries, the stepper's layouts). While training, the child process keeps both cores busy
    with its own BLAS threads, and a second thread here mostly waits for a core: a 12288×512
    forward pass took 6–10 ms (median) with two threads beside a busy process and 2.6–2.8 ms
    with one (idle: 1.6–1.9 and 2.8 ms; benchmarks/bench_blas_threads.py). The training child
    is a process of its own and keeps every core."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def prepare_process() -> None:
    """Once per process, with the QApplication made and before any window: one BLAS thread
    for the window's numpy work, the bundled Chinese font (the Language menu's "简体中文"
    and the equations' Chinese names need it whatever the language), and Python's garbage
    collected on the GUI thread only (session/gui_collector.py)."""
    limit_blas_threads()
    install_cjk_font()
    app = QCoreApplication.instance()
    if app is not None:
        collect_on_this_thread(app)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    prepare_process()
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("bpstudio")  # the desktop matches the window to its menu entry
    app.setWindowIcon(QIcon(str(resource_path("icons", "bpstudio.svg"))))
    return app


def refused_path(path: str) -> str | None:
    """Why the system cannot open ``path`` whatever it holds (one line naming it), or None.
    A missing file is not refused here: the window says so, as for a drop."""
    try:  # the bytes as the system has them, what is not UTF-8 as \xe9
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        shown = path.encode("utf-8", "backslashreplace").decode()
    shown = shown if len(shown) <= 60 else shown[:30] + "…" + shown[-20:]
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # bytes the system gave that are not UTF-8 (surrogate escapes)
        return f"{shown}: the name is not UTF-8 text; rename the file to open it"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"{shown}: {e.strerror or 'the system refuses this path'}"
    except ValueError:
        return f"{shown}: the system refuses this path"
    return None


def usable_arguments(files: list[str], data: str | None) -> tuple[list[str], str | None]:
    """The command line's paths, absolute (a running window was started from another folder);
    each path the system refuses is one line on stderr and is left out."""
    def usable(path: str) -> str | None:
        reason = refused_path(path)
        if reason:
            print(f"bpstudio: {reason}", file=sys.stderr)  # the terminal's language (cli.py)
            return None
        return str(Path(path).absolute())

    return [p for p in map(usable, files) if p], usable(data) if data else None


HANDOVER_SAID = {
    Handover.SILENT: "bpstudio: the open BP Studio window does not answer (stopped or busy); "
                     "this start opens a window of its own",
    Handover.UNCONFIRMED: "bpstudio: the open BP Studio window did not confirm it took the files; "
                          "this start opens them too (that window may open them when it answers)",
    Handover.STRANGER: "bpstudio: the single-window socket is another user's; this start opens "
                       "a window of its own",
}


def run_gui(args) -> int:
    """The app: or, when a window of this user's is open already (and not --new-window), hand
    it the files and leave."""
    app = create_application()
    files, data = usable_arguments(list(args.files), args.data)
    if not args.new_window:
        handed = hand_over(files, data)
        if handed is Handover.TAKEN:
            given = ", ".join(Path(f).name for f in files + ([data] if data else []))
            # the terminal's language, as the commands' (cli.py)
            print(f"bpstudio: the open BP Studio window took {given}" if given else
                  "bpstudio: BP Studio is open already; its window came to the front "
                  "(--new-window opens another)")
            return 0
        if handed in HANDOVER_SAID:
            print(HANDOVER_SAID[handed], file=sys.stderr)
    from ..session.studio import Studio
    from ..session import threads
    from .main_window import MainWindow

    window = MainWindow(Studio())
    if not args.new_window:
        server = InstanceServer(lambda more, more_data: (window.files.open_given(more, more_data),
                                                         window.come_forward()), window)
        server.listen()
    if not data and all(Path(f).suffix.lower() in IMAGE_SUFFIXES for f in files):
        window.files.restore_last_dataset()  # pictures alone are classified by the last network
    window.show()
    window.check_autosave()
    window.show_start_problems()
    window.files.open_given(files, data)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    code = app.exec()
    # the window and its views deleted now, in order, while Python is whole (as the tests'
    # windows are), not by the garbage collector or at Python's exit; then its threads are
    # waited for (session/threads.py: they never touch it; an export's encoder, waiting for
    # frames the window would draw, stops when it goes)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    threads.join()
    return code
