"""Starting the app: QApplication, the main window, the command line's GUI options."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
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


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BP Studio")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "bpstudio.svg"))))
    return app


def run_gui(args) -> int:
    app = create_application()
    from .main_window import MainWindow

    window = MainWindow()
    if args.data:
        window.open_dataset(args.data)
    else:
        window.restore_last_dataset()
    window.show()
    window.check_autosave()
    window.show_start_problems()
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    return app.exec()
