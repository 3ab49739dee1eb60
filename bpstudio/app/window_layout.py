"""Where the window's parts sit: its first size, the layout remembered between runs, docks
that leave the diagram and the equations their room on any screen, and what each stage of
presentation mode shows."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QDockWidget

from .settings import flush, forget, recall, remember

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
# below this share of the window the diagram and the equations are squeezed: docks sized anew
CENTRAL_SHARE = 0.35
# a window narrower than this (a 1024×768 projector) keeps its docks on one side, as tabs: the
# diagram and the steps get some 700 px instead of 490
COMPACT_WIDTH = 1280


def first_size(screen=None) -> QSize:
    """The window's size on a first start: 1600×960 where there is room, else 90 % of the
    screen's available area (a 1024×768 projector: 921×691)."""
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1600, 960)
    room = screen.availableGeometry()
    return QSize(min(1600, int(0.9 * room.width())), min(960, int(0.9 * room.height())))


class WindowLayout(QObject):
    """The layout of ``window`` (a MainWindow): restored when made, saved by ``save``, fitted
    when shown or made narrower (it watches the window's show and resize events)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = w = window
        geometry = recall(GEOMETRY_KEY, None, QByteArray)
        self._restored_geometry = geometry is not None and w.restoreGeometry(geometry)
        if geometry is not None and not self._restored_geometry:
            forget(GEOMETRY_KEY, geometry)
        state = recall(STATE_KEY, None, QByteArray)
        if state is not None and not w.restoreState(state):
            forget(STATE_KEY, state)
        self._fit_when_shown = True  # the first start, or panels from another screen
        self.compact = False  # the docks tabbed on one side by fit_docks (not by the user)
        self._watching_screen = False
        self.keep_on_screen()
        w.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window:
            if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
                self.keep_on_screen()
            if event.type() == QEvent.Type.Show and self._fit_when_shown:
                self._fit_when_shown = False  # once laid out: the docks' frames are known then
                QTimer.singleShot(0, self._fit_window_to_screen)
            elif (event.type() == QEvent.Type.Resize and event.oldSize().width() > 0
                    and event.size().width() < event.oldSize().width()):
                QTimer.singleShot(0, self._keep_central_share)  # once the docks are laid out
            elif (event.type() == QEvent.Type.Resize and self.compact
                    and event.size().width() >= COMPACT_WIDTH):
                QTimer.singleShot(0, self._spread_docks)  # room again: the editor on the left
        return False

    def keep_on_screen(self) -> None:
        """The window never grows past its screen's available area: the minimum sizes of its
        parts together (a twin's diagram beside the network and its output plane, say) are
        its minimum only up to the screen's size; beyond, the parts share what there is."""
        w = self.window
        screen, layout, handle = w.screen(), w.layout(), w.windowHandle()
        if handle is not None and not self._watching_screen:  # moved to another screen
            handle.screenChanged.connect(lambda _: self.keep_on_screen())
            self._watching_screen = True
        if screen is None or layout is None:
            return
        room = screen.availableGeometry().size() - (w.frameGeometry().size() - w.size())
        need = layout.totalMinimumSize()
        cap = QSize(min(need.width(), room.width()), min(need.height(), room.height()))
        if w.minimumSize() != cap:
            w.setMinimumSize(cap)  # explicit: the layout no longer grows the window past it
        if w.width() > room.width() or w.height() > room.height():
            w.resize(w.size().boundedTo(room))

    def save(self) -> None:
        w = self.window
        if w.presenter.presenting:
            w.presenter.leave()
        remember(GEOMETRY_KEY, w.saveGeometry())
        remember(STATE_KEY, w.saveState())
        flush()  # the window is closing: what it remembers reaches the file

    def _squeezed(self) -> bool:
        return self.window.centralWidget().width() < CENTRAL_SHARE * self.window.width()

    def _keep_central_share(self) -> None:
        """A smaller window (another screen, a maximised window on a projector) gives the
        diagram and the equations their room back from docks sized for a wider one."""
        w = self.window
        if not w.presenter.presenting and (self._squeezed() or (
                w.width() < COMPACT_WIDTH and not self.compact and self._side_by_side())):
            self.fit_docks()

    def _side_by_side(self) -> bool:
        """The editor and the plots docked left and right of the diagram, both shown."""
        w = self.window
        return (not w.editor_dock.isFloating() and not w.training_dock.isFloating()
                and w.editor_dock.isVisible() and w.training_dock.isVisible()
                and w.dockWidgetArea(w.editor_dock) != w.dockWidgetArea(w.training_dock))

    def _spread_docks(self) -> None:
        """A compact window made wide again: the editor back on the left, beside the diagram."""
        w = self.window
        if self.compact and w.width() >= COMPACT_WIDTH and not w.presenter.presenting:
            self.compact = False
            w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.editor_dock)
            w.editor_dock.show()
            self.fit_docks()

    def _fit_window_to_screen(self) -> None:
        """A window remembered from a bigger screen is made to fit this one, and docks sized for
        a wider window give the diagram and the equations their room back."""
        w = self.window
        screen = w.screen().availableGeometry()
        if self._restored_geometry and not w.isMaximized() and not w.isFullScreen() and (
                w.width() > screen.width() or w.height() > screen.height()):
            w.resize(first_size(w.screen()))
            QTimer.singleShot(0, self.fit_docks)
            return
        if recall(STATE_KEY) is None or self._squeezed():
            self.fit_docks()

    def fit_docks(self) -> None:
        """The editor as wide as its controls need (up to 380 px, or 28 % of the window), the
        plots up to 480 px: the diagram and the equations keep the rest. In a window narrower
        than COMPACT_WIDTH the editor is a tab beside the plots and the pictures, on the right
        (the plots in front): one dock's width, not two, is taken from the steps."""
        w = self.window
        width = w.width()
        if width < COMPACT_WIDTH:
            self.compact = True
            if w.dockWidgetArea(w.editor_dock) != w.dockWidgetArea(w.training_dock) \
                    or w.editor_dock.isFloating():
                w.editor_dock.setFloating(False)
                w.tabifyDockWidget(w.gallery_dock, w.editor_dock)
            side = max(w.editor_dock.minimumSizeHint().width(),
                       w.training_dock.minimumSizeHint().width(),
                       w.gallery_dock.minimumSizeHint().width(), min(360, int(0.3 * width)))
            w.resizeDocks([w.training_dock], [side], Qt.Orientation.Horizontal)
            w.training_dock.raise_()
            return
        editor = max(w.editor_dock.minimumSizeHint().width(), min(380, int(0.28 * width)))
        side = max(w.training_dock.minimumSizeHint().width(),
                   w.gallery_dock.minimumSizeHint().width(), min(480, int(0.28 * width)))
        w.resizeDocks([w.editor_dock, w.training_dock], [editor, side], Qt.Orientation.Horizontal)
        w.training_dock.raise_()

    def side_dock(self) -> QDockWidget:
        """The dock that stays beside the diagram in the mixed stage of presentation mode."""
        return self.window.training_dock

    def arrange_stage(self, stage: str | None) -> None:
        """What a stage of presentation mode shows (None: the window as it is outside it; the
        docks come back with the window's saved state). The equation, network, training and
        classify stages give one view the whole screen."""
        w = self.window
        w.centralWidget().setVisible(stage in (None, "mixed", "equations", "network"))
        w.top.setVisible(stage != "equations")
        w.equations.setVisible(stage != "network")
        w.equations.set_stage(stage == "equations")
        # the training stage: the plots the height of the screen, the buttons beside them
        w.training_layout.setDirection(QBoxLayout.Direction.LeftToRight if stage == "training"
                                       else QBoxLayout.Direction.TopToBottom)
        w.training_panel.setMaximumWidth(w.width() // 3 if stage == "training" else 16777215)
        if stage is None:
            return
        w.editor_dock.hide()
        w.training_dock.setVisible(stage in ("mixed", "training"))
        w.gallery_dock.setVisible(stage == "classify")
        w.lessons.dock.setVisible(w.lessons.is_open)  # the lesson beside every stage
