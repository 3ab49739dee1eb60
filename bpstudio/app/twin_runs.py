"""Twin runs in the window: the Runs menu (fork, the five ready-made comparisons, train every run
at once, remove the twins, export the runs as CSV), each twin's diagram beside the window's and its
curves on the window's plots, a comparison's story below them, all on the studio's runs."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QSplitter, QWidget

from ..core.comparisons import COMPARISONS
from ..session.runs import Runs
from ..widgets.cost_plot import CostPlot
from ..widgets.twin_story import ComparisonStory
from ..widgets.twin_views import ForkDialog, RunCurves, TwinPanel
from .unsaved_question import COMPARISON


class TwinRuns(QObject):
    """``diagrams``: the splitter whose first widget is the window's diagram (the twins' go
    beside it); ``menu``: the Runs menu, in the menu bar; ``export(what, write)`` and
    ``say(text, ms)``: the window's file export and status bar; ``host``: the window, whose
    actions these are."""

    def __init__(self, runs: Runs, diagrams: QSplitter, cost_plot: CostPlot, menu: QMenu,
                 export, say, host: QWidget) -> None:
        super().__init__(host)
        self.host, self.runs, self.diagrams, self.cost_plot = host, runs, diagrams, cost_plot
        self.say = say
        self.runs.changed.connect(self._on_runs_changed)
        self.panels: list[TwinPanel] = []
        self.curves: list[RunCurves] = []
        # the comparison's story under the diagrams, as wide as they are all together
        self.story = ComparisonStory(runs)
        beside = diagrams.parentWidget()
        if isinstance(beside, QSplitter):
            beside.insertWidget(beside.indexOf(diagrams) + 1, self.story)
            beside.setStretchFactor(beside.indexOf(self.story), 0)
        self.menu = menu
        # asked before a comparison replaces the runs (the window asks about unsaved training)
        self.may_replace: Callable[[str], bool] = lambda situation: True
        self.menu.setObjectName("RunsMenu")
        self.actions: dict[str, QAction] = {}
        self._add("ForkTwinAction", self.fork)
        self._add("TrainTogetherAction", lambda: self.runs.train_together())
        self._add("RemoveTwinsAction", self.runs.remove_twins)
        self._add("ExportRunsCsvAction", lambda: export("runs.csv", self.runs.write_csv))
        self.menu.addSeparator()
        self.comparisons = self.menu.addMenu("")
        for key in COMPARISONS:
            self._add(f"Comparison_{key}", lambda _=False, k=key: self.runs.start_comparison(
                k, confirm=lambda: self.may_replace(COMPARISON)), self.comparisons)
        host.installEventFilter(self)
        self.retranslate()
        self._on_runs_changed()

    def _add(self, name: str, slot, menu=None) -> None:
        action = QAction(self.host)
        action.setObjectName(name)
        action.triggered.connect(slot)
        (menu or self.menu).addAction(action)
        self.actions[name] = action

    def eventFilter(self, watched, event) -> bool:
        if watched is self.host and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Runs"))
        self.comparisons.setTitle(self.tr("Ready-made compar&isons (cat data)"))
        for name, text in (("ForkTwinAction", self.tr("&Fork a twin run…")),
                           ("TrainTogetherAction", self.tr("&Train every run at once")),
                           ("RemoveTwinsAction", self.tr("&Remove the twin runs")),
                           ("ExportRunsCsvAction", self.tr("Runs as &CSV…"))):
            self.actions[name].setText(text)
        for key, c in COMPARISONS.items():
            self.actions[f"Comparison_{key}"].setText(QCoreApplication.translate("core", c.title))
        self._show_figures()

    def fork(self) -> None:
        dialog = ForkDialog(self.runs.model, self.runs.timeline.past, self.host)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.runs.fork(dialog.from_cursor.isChecked(), **dialog.changes())

    def _on_runs_changed(self) -> None:
        """A twin's diagram beside the window's, its curves on the plots; gone with it."""
        shown = {id(p.twin) for p in self.panels}
        wanted = {id(t) for t in self.runs.twins}
        for panel, curves in zip(list(self.panels), list(self.curves)):
            if id(panel.twin) not in wanted:
                curves.remove()
                panel.setParent(None)
                panel.deleteLater()
                self.panels.remove(panel)
                self.curves.remove(curves)
        for twin in self.runs.twins:
            if id(twin) not in shown:
                panel = TwinPanel(twin)
                self.diagrams.insertWidget(1 + len(self.panels), panel)
                self.panels.append(panel)
                self.curves.append(RunCurves(self.cost_plot.plots(), twin, self))
        if len(self.runs.twins) != len(shown):  # the diagrams side by side, equally wide
            top = self.diagrams
            sizes = top.sizes()
            diagrams = 1 + len(self.panels)
            share = sum(sizes[:diagrams]) // diagrams
            top.setSizes([share] * diagrams + sizes[diagrams:])
        has = bool(self.runs.twins)
        self.actions["RemoveTwinsAction"].setEnabled(has)
        self.actions["ExportRunsCsvAction"].setEnabled(has)
        self._show_figures()

    def _show_figures(self) -> None:
        """A comparison's story below the diagrams, as the runs tell it (the first run's figures
        in the status bar too)."""
        story = self.runs.story()
        texts = list(story.figures) if story is not None else []
        for panel in self.panels:  # the story below the diagrams holds every run's figures
            panel.set_figures("")
        if texts:
            self.say(texts[0], 60000)
        self.figure_texts = texts
        beside = self.story.parentWidget()
        if story is not None and isinstance(beside, QSplitter):  # room to read it, on a projector too
            sizes = beside.sizes()
            at = beside.indexOf(self.story)
            if sizes[at] < sum(sizes) // 4:
                above = at - 1
                sizes[above], sizes[at] = sizes[above] + sizes[at] - sum(sizes) // 4, sum(sizes) // 4
                beside.setSizes(sizes)
