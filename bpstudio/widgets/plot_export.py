"""The training plots as a picture (PNG or SVG), for slides and print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPainter

from ..core.atomicfile import check_target
from .picture_file import write_image, write_svg

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgGenerator


class PlotExport:
    """Mixed into CostPlot (before QWidget): its export."""

    def export(self, path: str, scale: float = 2.0) -> bool:
        """The plots as PNG (``scale`` × the screen's pixels) or SVG, by the path's suffix, for
        slides and print: the legends opaque as on screen, no plot's "A" (auto-range) button.
        PNG uses pyqtgraph's exporter, which widens the lines with the picture; SVG is drawn
        through QSvgGenerator because pyqtgraph's SVGExporter fails on Qt 6's path syntax
        (pyqtgraph issue #3485). The numbers go out by session/exports.write_cost_csv."""
        import pyqtgraph.exporters as exporters
        from PySide6.QtSvg import QSvgGenerator

        self.ensure_built()
        self._update_curves()
        plots = (self.cost_plot, self.acc_plot, self.grad_plot)
        for plot in plots:
            plot.hideButtons()  # a hint for the mouse, shown while it is over a plot
        try:
            if path.lower().endswith(".svg"):
                def paint(generator: QSvgGenerator) -> None:
                    painter = QPainter(generator)
                    self.graphics.render(painter)  # QGraphicsView.render draws the scene as shown
                    painter.end()
                return write_svg(path, self.graphics.size(), self.graphics.rect().toRectF(),
                                 "BP Studio training plots", paint)
            check_target(path)  # refused before the picture is drawn
            exporter = exporters.ImageExporter(self.graphics.scene())
            ratio = scale * self.devicePixelRatioF()
            exporter.parameters()["width"] = max(1, round(self.graphics.viewport().width() * ratio))
            return write_image(exporter.export(toBytes=True), path, "PNG")
        finally:
            for plot in plots:
                plot.showButtons()
