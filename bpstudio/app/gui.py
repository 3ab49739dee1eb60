"""Starting the app: QApplication, the main window, the command line's GUI options."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..session.images import IMAGE_SUFFIXES
from .i18n import install_cjk_font
from .instance import InstanceServer, hand_over
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
    for the window's numpy work, and the bundled Chinese font (the Language menu's "简体中文"
    and the equations' Chinese names need it whatever the language)."""
    limit_blas_threads()
    install_cjk_font()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    prepare_process()
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("bpstudio")  # the desktop matches the window to its menu entry
    app.setWindowIcon(QIcon(str(resource_path("icons", "bpstudio.svg"))))
    return app


def run_gui(args) -> int:
    """The app: or, when a window of this user's is open already (and not --new-window), hand
    it the files and leave."""
    app = create_application()
    # absolute: the running window was started from another folder
    files = [str(Path(f).absolute()) for f in args.files]
    data = str(Path(args.data).absolute()) if args.data else None
    if not args.new_window and hand_over(files, data):
        given = ", ".join(Path(f).name for f in files + ([data] if data else []))
        # the terminal's language, as the commands' (cli.py)
        print(f"bpstudio: the open BP Studio window took {given}" if given else
              "bpstudio: BP Studio is open already; its window came to the front "
              "(--new-window opens another)")
        return 0
    from ..session.studio import Studio
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
    return app.exec()
