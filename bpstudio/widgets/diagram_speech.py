"""The diagram in words: the rich text of its tooltips (the tutorial's notation) and what a screen
reader says of the focused neuron or edge, translated in the diagram's context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .diagram_keys import Focus, edge_of
from .diagram_layout import DiagramLayout
from .diagram_scene import DiagramScene

translate = QCoreApplication.translate


def symbol(name: str, index: int | str, layer: int | None = None, sample: int | None = None) -> str:
    """A quantity as the tutorial sets it, index below and [layer] above (z₅^[1]), the sample
    after the layer in the batch's notation (Z₅^[1](17)), as rich text for a tooltip or a
    caption."""
    above = ("" if layer is None else f"[{layer}]") + ("" if sample is None else f"({sample})")
    above = f"<sup>{above}</sup>" if above else ""
    return f"<i>{name}</i><sub>{index}</sub>{above}"


def rich(*lines: str) -> str:
    """Lines of rich text a tooltip shows as they are (no wrapping inside a formula)."""
    return "<qt><nobr>" + "<br>".join(lines) + "</nobr></qt>"



def _n(v: float) -> str:
    return f"{v:.4g}".replace("-", "−")


def layer_words(layer: int, layers: int) -> str:
    """"input layer", "hidden layer 2", "output layer (layer 4)"."""
    if layer == 0:
        return translate("NetworkDiagram", "input layer")
    if layer == layers:
        return translate("NetworkDiagram", "output layer (layer {l})").format(l=layer)
    return translate("NetworkDiagram", "hidden layer {l}").format(l=layer)


def neuron_words(scene: DiagramScene, layer: int, j: int, delta=None) -> str:
    """"hidden layer 2, neuron 5 of 7: relu, z = 0.31, activation a = 0.31, error δ = −0.02"."""
    L = len(scene.activations) - 1
    n = scene.activations[layer].shape[0]
    a = float(scene.activations[layer][j, 0])
    head = translate("NetworkDiagram", "{layer}, neuron {j} of {n}").format(
        layer=layer_words(layer, L), j=j + 1, n=f"{n:,}")
    if layer == 0:
        values = translate("NetworkDiagram", "input x = {a}").format(a=_n(a))
    else:
        z = float(scene.zs[layer - 1][j, 0])
        values = translate("NetworkDiagram", "{act}, z = {z}, activation a = {a}").format(
            act=scene.activation_names[layer - 1], z=_n(z), a=_n(a))
        if delta is not None:
            values = translate("NetworkDiagram", "{values}, error δ = {d}").format(
                values=values, d=_n(float(delta[j, 0])))
    return translate("NetworkDiagram", "{what}: {values}").format(what=head, values=values)


def focus_words(scene: DiagramScene, focus: Focus, delta=None) -> str:
    """What the focused neuron or edge is, and its number, in a sentence or two."""
    if not focus.is_edge:
        return translate("NetworkDiagram", "{said}. {keys}").format(
            said=neuron_words(scene, focus.layer, focus.j, delta), keys=translate(
                "NetworkDiagram", "Enter selects it; Shift+Down goes along its incoming weights."))
    edge = edge_of(scene.layout, focus)
    value = _n(edge.value) if edge is not None else "?"
    return translate("NetworkDiagram", "weight w[{l}] {j},{k} from neuron {k} of layer {prev} "
                     "into neuron {j} of layer {l} = {w}. Enter explains it.").format(
        l=focus.layer, j=focus.j + 1, k=focus.src + 1, prev=focus.layer - 1, w=value)


def summary_words(layout: DiagramLayout) -> str:
    """The diagram with nothing focused: its columns (title, size, activation), and how the
    keys go."""
    columns = [translate("NetworkDiagram", "{title}: {detail}").format(
        title=title, detail=" · ".join(detail.splitlines()[:None if l == 0 else -1]))
        for l, (_, title, detail) in enumerate(layout.labels)]
    return translate("NetworkDiagram", "{said}. {keys}").format(
        said=translate("NetworkDiagram", "; ").join(columns), keys=translate(
            "NetworkDiagram",
            "Arrow keys choose a neuron, Shift+Up and Shift+Down its weights, Enter selects."))


__all__ = ["focus_words", "layer_words", "neuron_words", "rich", "summary_words", "symbol"]
