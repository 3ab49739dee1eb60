"""Where one number comes from, written out: its neuron-by-neuron formula, the terms of its sum
with their values, the chain rule for a weight and the nudge check, as selectable text.

The explanation is the model's (session/explain_model.py); this pane typesets it: symbols with
their subscripts and superscripts as the tutorial writes them (w₂₃^[1], a^[L](i)), numbers with
"−" for minus. For a first layer fed with pictures, the products w·a are also a picture: which
pixels pushed the weighted input up (blue) or down (orange).
"""

from __future__ import annotations

import csv
import html
import io
import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QToolButton, QVBoxLayout, QWidget)

from ..core.atomicfile import atomic_write
from ..core.explain import ChainRule, Explanation, Nudge, Sym, agreement, table
from ..session.explain_model import EPSILONS, ExplainModel
from ..session.messages import core_text, sentence, translated
from .i18n import Retranslatable
from .palette import diverging_image, finite_max_abs

PICTURE_SCALE = 3  # the 64×64 picture of a first-layer sum, drawn at 3× (192 px)
PICTURE_URL = "explain:picture"


def sym_html(sym: Sym) -> str:
    """w<sub>2,3</sub><sup>[1]</sup>, a<sub>1</sub><sup>[0](5)</sup>, σ′(z<sub>2</sub>…)."""
    inner = html.escape(sym.of or sym.name)
    if sym.sub:
        inner += f"<sub>{html.escape(sym.sub)}</sub>"
    sup = sym.sup + (f"({sym.sample})" if sym.sample else "")
    if sup:
        inner += f"<sup>{html.escape(sup)}</sup>"
    return f"{html.escape(sym.name)}({inner})" if sym.of else inner


def formula_html(parts) -> str:
    return "".join(sym_html(p) if isinstance(p, Sym) else html.escape(p) for p in parts)


def number(v: float, digits: int = 6) -> str:
    """A number as the pane writes it: ``digits`` significant digits, "−" for minus."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return f"{v:.{digits}g}".replace("-", "−")


def _times(values) -> str:
    """Factors' values as one unbreakable product: a narrow pane that wrapped "a × b" put b
    under a and the product's result beside "a ×", read aloud as the wrong product."""
    return "\u00a0×\u00a0".join(values)


def _row(*cells: str, bold: bool = False) -> str:
    tds = "".join(f'<td align="{"left" if k == 0 else "right"}">{c}</td>'
                  for k, c in enumerate(cells))
    return f"<tr>{tds}</tr>" if not bold else f"<tr style='font-weight:bold'>{tds}</tr>"


class _Body(QTextBrowser):
    """The explanation's text; its picture (if any) is a resource of its own."""

    picture = None

    def __init__(self) -> None:
        super().__init__()
        # between words only: a number or a product too wide for the pane scrolls sideways,
        # never broken inside (Qt's default breaks anywhere)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)

    def loadResource(self, kind: int, url):
        if url.toString() == PICTURE_URL and self.picture is not None:
            return self.picture
        return super().loadResource(kind, url)


class ExplainPane(Retranslatable, QFrame):
    export_asked = Signal()  # the window asks where, and writes it with write_csv

    def __init__(self, model: ExplainModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ExplainPane")
        self.model = model
        self.heading = QLabel()
        self.heading.setObjectName("ExplainHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setObjectName("ExplainClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.body = _Body()  # selectable, copyable, scrolls on its own
        self.body.setObjectName("ExplainBody")
        self.body.setOpenLinks(False)
        self.nudge_button = QPushButton()
        self.nudge_button.setObjectName("ExplainNudge")
        self.epsilon_box = QComboBox()
        self.epsilon_box.setObjectName("ExplainEpsilon")
        for e in EPSILONS:
            self.epsilon_box.addItem("", e)
        self.export_button = QToolButton()
        self.export_button.setObjectName("ExplainExport")
        self.export_button.setAutoRaise(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.nudge_row = QWidget()  # for a weight only
        controls = QHBoxLayout(self.nudge_row)
        controls.setContentsMargins(0, 0, 0, 0)
        self.epsilon_label = QLabel()
        self.epsilon_label.setBuddy(self.epsilon_box)
        controls.addWidget(self.nudge_button)
        controls.addWidget(self.epsilon_label)
        controls.addWidget(self.epsilon_box)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.nudge_row)

        self.close_button.clicked.connect(model.close)
        self.nudge_button.clicked.connect(model.nudge)
        self.epsilon_box.activated.connect(
            lambda i: model.set_epsilon(self.epsilon_box.itemData(i)))
        self.export_button.clicked.connect(self.export_asked)
        model.changed.connect(self.refresh)
        self._scroll = QTimer(self)
        self._scroll.setSingleShot(True)
        self._scroll.timeout.connect(lambda: self._scroll_to_end() if self._scroll_end
                                     else self._scroll_to_top())
        self._scroll_end = False
        self._shown_check = None
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("close the explanation (Esc)"))
        self.nudge_button.setText(self.tr("&Nudge the weight ±ε"))  # Alt+N from the matrices
        self.close_button.setAccessibleName(self.tr("close the explanation (Esc)"))
        self.body.setAccessibleName(self.tr("where the number comes from"))
        self.epsilon_label.setText(self.tr("ε:"))
        for k, e in enumerate(EPSILONS):
            self.epsilon_box.setItemText(k, self.tr("automatic") if e is None else f"{e:g}")
        self.export_button.setText(self.tr("CSV…"))
        self.export_button.setToolTip(self.tr("export the explanation as CSV: every term of the "
                                              "sum, with all its digits"))
        self.refresh()

    # ----- model → view ----------------------------------------------------------------------------

    def refresh(self) -> None:
        e = self.model.explanation
        self.setVisible(e is not None)
        if e is None:
            return
        self.heading.setText(f"<b>{sym_html(e.target)} = {number(e.value, 10)}</b>")
        self.nudge_button.setToolTip(self.tr(
            "the gradient check: the loss L with this weight a little larger and a little "
            "smaller, its slope beside backprop's ∂L/∂w (nothing is changed)")
            if self.model.one_sample else self.tr(
            "the gradient check: the cost C with this weight a little larger and a little "
            "smaller, its slope beside backprop's dW (nothing is changed)"))
        self._add_picture(e)
        checked = self.model.check is not None and self.model.check is not self._shown_check
        self._shown_check = self.model.check
        self.body.setHtml(self.html())
        self.nudge_row.setVisible(self.model.can_nudge)
        # once laid out: a new number from its top; a nudge just done, its result at the bottom
        # (a timer of the pane's own: it goes with the pane, never firing into a deleted one)
        self._scroll_end = checked
        self._scroll.start(0)

    def _scroll_to_top(self) -> None:
        self.body.verticalScrollBar().setValue(0)

    def _scroll_to_end(self) -> None:
        bar = self.body.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.epsilon_box.setCurrentIndex(max(0, self.epsilon_box.findData(self.model.epsilon)))

    def html(self) -> str:
        """The whole explanation as the pane shows it."""
        e = self.model.explanation
        parts = [f"<p>{html.escape(sentence(translated(e.what)))}</p>"]
        if e.formula:
            parts.append(f"<p><big>{formula_html(e.formula)}</big></p>")
        parts.append(self._sum_html(e))
        if e.picture is not None:
            parts.append(self._picture_html(e))
        if e.note is not None:
            parts.append(f"<p>{html.escape(sentence(translated(e.note)))}</p>")
        if self.model.rule is not None:
            parts.append(self._rule_html(self.model.rule))
        if self.model.check is not None:
            parts.append(self._nudge_html(self.model.check))
        return "".join(parts)

    def _sum_html(self, e: Explanation) -> str:
        rows = []
        for f in e.inputs:
            rows.append(_row(sym_html(f.sym), "", number(f.value)))
        if e.count:
            for t in e.terms:
                product = " · ".join(sym_html(f.sym) for f in t.factors)
                values = _times(number(f.value) for f in t.factors) if len(t.factors) > 1 \
                    else ""
                rows.append(_row(product, values, number(t.value)))
            if len(e.terms) < e.count:
                rows.append(_row(self.tr("… + {n} more terms (the {k} largest are listed)").format(
                    n=f"{e.count - len(e.terms):,}", k=len(e.terms)), "", number(e.rest)))
            if e.count > 1 and (e.plus or e.times):
                summed = math.fsum(t.value for t in e.terms) + e.rest
                rows.append(_row(self.tr("sum of the {n} terms").format(n=f"{e.count:,}"), "",
                                 number(summed)))
        for f in e.plus:
            rows.append(_row("+ " + sym_html(f.sym), "", number(f.value)))
        for f in e.times:
            rows.append(_row("× " + sym_html(f.sym), "", number(f.value)))
        if e.count or e.inputs:
            rows.append(_row("= " + sym_html(e.target), "", number(e.total, 10), bold=True))
        out = f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>" if rows else ""
        if e.count or e.inputs:
            out += f"<p>{self._agreement(e)}</p>"
        return out

    def _agreement(self, e: Explanation) -> str:
        """Whether the total recomputed here is the cell the step shows."""
        digits = agreement(e.total, e.value)
        if digits >= 12 or abs(e.total - e.value) <= 1e-15:
            return self.tr("✓ the same number as the cell: {value}").format(
                value=number(e.value, 10))
        if self.model.stepper_model.model.network.uses_float32:
            return self.tr("The cell, computed in float32, is {value}: the two agree to {d} "
                           "significant digits (float32 keeps about 7; the sum here is done in "
                           "float64).").format(value=number(e.value, 10), d=digits)
        return self.tr("The cell is {value}: the two agree to {d} significant digits.").format(
            value=number(e.value, 10), d=digits)

    def _samples(self) -> int:
        """m of the iteration explained."""
        it = self.model.stepper_model.iteration
        return it.samples if it is not None else 1

    def _rule_html(self, rule: ChainRule) -> str:
        i = rule.sample + 1
        m = self._samples()
        title = self.tr("The chain rule for {w}").format(w=sym_html(rule.weight))
        out = [f"<h3>{title}</h3>"]
        out.append("<p>" + (self.tr(
            "∂L/∂w is a product of local derivatives along each path from the weight to the "
            "output: a (how z changes with w), σ′ (how a changes with z) and w (how the next z "
            "changes with a) layer by layer, then the output's error δ. The paths add up.")
            if m == 1 else self.tr(
            "For one sample i, ∂L⁽ⁱ⁾/∂w is a product of local derivatives along each path from "
            "the weight to the output: A (how Z changes with w), σ′ (how A changes with Z) and w "
            "(how the next Z changes with A) layer by layer, then the output's error dZ. The "
            "paths add up.")) + "</p>")
        rows = []
        if rule.paths:
            one = rule.count == 1
            head = ((self.tr("1 path in sample {i}:") if one else self.tr("{n} paths in sample {i}:"))
                    if m > 1 else self.tr("1 path:") if one else self.tr("{n} paths:")).format(
                n=f"{rule.count:,}", i=i)
            out.append(f"<p>{head}</p>")
            for p in rule.paths:
                rows.append(_row(" · ".join(sym_html(f.sym) for f in p.factors),
                                 _times(number(f.value, 4) for f in p.factors),
                                 number(p.value)))
            if len(rule.paths) < rule.count:
                rest = rule.count - len(rule.paths)
                rows.append(_row((self.tr("… + 1 more path") if rest == 1 else
                                  self.tr("… + {n} more paths")).format(n=f"{rest:,}"), "",
                                 number(rule.rest)))
        else:
            out.append("<p>" + self.tr(
                "{n} paths: too many to list; equation 2 adds them up layer by layer.").format(
                n=f"{rule.count:,}") + "</p>")
        rows.append(_row("= ∂L/∂w" + (f"<sup>({i})</sup>" if m > 1 else ""), "",
                         number(rule.per_sample, 10), bold=True))
        out.append(f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>")
        if m > 1:
            out.append("<p>" + self.tr(
                "The same paths in each of the {m} samples, averaged: ∂C/∂w = {batch}").format(
                m=f"{m:,}", batch=number(rule.batch, 10)) + "</p>")
        digits = agreement(rule.batch, rule.dW)
        out.append("<p>" + (self.tr(
            "The backward pass computed ∂L/∂w = {dW}: the two agree to {d} significant digits.")
            if m == 1 else self.tr(
            "The backward pass computed dW = {dW}: the two agree to {d} significant digits."))
            .format(dW=number(rule.dW, 10), d=digits) + "</p>")
        return "".join(out)

    def _nudge_html(self, n: Nudge) -> str:
        title = self.tr("Checking it by nudging the weight")
        one_sample = self.model.one_sample
        out = [f"<h3>{title}</h3>", "<p>" + (self.tr(
            "With ε = {eps}: L(w + ε) = {plus}, L(w − ε) = {minus}; "
            "the slope (L(w + ε) − L(w − ε)) / 2ε = {slope}. "
            "Backprop's ∂L/∂w = {dW}. They agree to {d} significant digits.") if one_sample else self.tr(
            "With ε = {eps}: C(w + ε) = {plus}, C(w − ε) = {minus}; "
            "the slope (C(w + ε) − C(w − ε)) / 2ε = {slope}. "
            "Backprop's dW = {dW}. They agree to {d} significant digits.")).format(
            eps=f"{n.epsilon:.3g}", plus=number(n.cost_plus, 12), minus=number(n.cost_minus, 12),
            slope=number(n.slope, 10), dW=number(n.dW, 10), d=n.agreement) + "</p>"]
        if n.kinks:
            out.append("<p>" + (self.tr(
                "In this sample a ReLU switches on or off between w − ε and w + ε: the loss "
                "bends there, and the slope across the bend is not the derivative. A smaller ε "
                "avoids it.") if one_sample else self.tr(
                "In {n} of the {m} samples a ReLU switches on or off between w − ε and w + ε: the "
                "cost bends there, and the slope across the bend is not the derivative. A smaller "
                "ε avoids it.")).format(n=f"{n.kinks:,}", m=f"{self._samples():,}") + "</p>")
        if n.exact_slope is not None:
            out.append("<p>" + (self.tr(
                "This network computes in float32, about 7 significant digits: subtracting two "
                "numbers that close loses most of them. The same nudge in float64 gives {slope}, "
                "agreeing with ∂L/∂w to {d} digits; the rest of the gap is float32's rounding, not "
                "backprop.") if one_sample else self.tr(
                "This network computes in float32, about 7 significant digits: subtracting two "
                "numbers that close loses most of them. The same nudge in float64 gives {slope}, "
                "agreeing with dW to {d} digits; the rest of the gap is float32's rounding, not "
                "backprop.")).format(slope=number(n.exact_slope, 10), d=n.exact_agreement)
                + "</p>")
        return "".join(out)

    def _add_picture(self, e: Explanation) -> None:
        """The products w·a of a first layer fed with pictures, as the picture, 3× enlarged."""
        self.body.picture = None
        if e.picture is None:
            return
        self._picture_scale = finite_max_abs(e.picture)
        image = diverging_image(e.picture, self._picture_scale)
        side = PICTURE_SCALE * image.width()
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.FastTransformation)
        self.body.picture = image

    def _picture_html(self, e: Explanation) -> str:
        caption = (self.tr(
            "Each pixel's w·a, its three colours added: blue pushed z up, orange pushed it down "
            "(±{scale} at full colour).") if self.model.one_sample else self.tr(
            "Each pixel's w·A, its three colours added: blue pushed Z up, orange pushed it down "
            "(±{scale} at full colour).")).format(scale=number(self._picture_scale, 3))
        return f'<p><img src="{PICTURE_URL}"><br>{html.escape(caption)}</p>'

    # ----- export ----------------------------------------------------------------------------------

    def csv_text(self) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(table(self.model.explanation, core_text))
        return out.getvalue()

    def write_csv(self, path: str) -> None:
        """The explanation, every term, as CSV (UTF-8 with a byte-order mark, which spreadsheet
        programs need to read its symbols); the file is replaced whole or not at all."""
        with atomic_write(path) as f:
            f.write(self.csv_text().encode("utf-8-sig"))
