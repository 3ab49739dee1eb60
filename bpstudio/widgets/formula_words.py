"""A step's formula read as words, for a screen reader: "equation 3b, weight gradient of layer 3:
dW[3] equals 1 over m times dZ[3] times A[2] transposed". The quantities keep the tutorial's names
(dZ[3], A[2], W[4]); the signs between them, the Greek letters and the marks on them become words
in the UI's language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..core.stepper import Step
from ..session.messages import core_text

translate = QCoreApplication.translate


def _words() -> list[tuple[str, str]]:
    """What each sign is said as, longest first (σ′ before σ); a Greek letter is a name (δ[3]
    is "delta[3]"), a sign a word between spaces."""
    return [
        (",  ", translate("FormulaWords", "; ")),  # between two formulas: "W[1] ← …,  α = 0.1"
        ("∇ₐ", translate("FormulaWords", " the gradient with respect to a of ")),
        ("∂", translate("FormulaWords", " partial ")),
        ("Σᵢ", translate("FormulaWords", " the sum over the samples i of ")),
        ("⁽ⁱ⁾", translate("FormulaWords", " of sample i")),
        ("σ′", translate("FormulaWords", " sigma prime ")),
        ("σ", translate("FormulaWords", " sigma ")),
        ("δ", translate("FormulaWords", "delta")),
        ("α", translate("FormulaWords", "alpha")),
        ("λ", translate("FormulaWords", "lambda")),
        ("ᵀ", translate("FormulaWords", " transposed ")),
        ("⊙", translate("FormulaWords", " times element by element ")),
        ("·", translate("FormulaWords", " times ")),
        ("←", translate("FormulaWords", " becomes ")),
        ("=", translate("FormulaWords", " equals ")),
        ("−", translate("FormulaWords", " minus ")),
        ("+", translate("FormulaWords", " plus ")),
        ("/", translate("FormulaWords", " over ")),
    ]


FUNCTION = re.compile(r"(\w+|prime) ?\(([^()]*)\)")  # relu(z[1]), sigma prime (z[2])


def formula_words(formula: str) -> str:
    """``formula`` with its signs said in words, a function of an argument said so
    (σ′(z[2]) → "sigma prime of z[2]"), the names as they are."""
    text = formula
    for sign, said in _words():
        text = text.replace(sign, said)
    text = FUNCTION.sub(lambda m: translate("FormulaWords", "{f} of {x}").format(
        f=m.group(1), x=m.group(2)), text)
    return re.sub(r"\s+", " ", text).replace(" ;", ";").strip()


def step_name(step: Step) -> str:
    """"equation 3b, weight gradient of layer 3"; equations 1 and 2 by their 等式's name first
    ("equation 2a, hidden-layer error of layer 2, the error passed back through W transposed");
    the loss and the cost without a layer."""
    group, title = step.title_parts()
    name = formula_words(core_text(title))
    if step.phase != "cost":
        if group and step.equation.number in (1, 2):
            name = translate("FormulaWords", "{group} of layer {l}, {title}").format(
                group=core_text(group), l=step.layer,
                                                               title=name)
        else:
            name = translate("FormulaWords", "{title} of layer {l}").format(title=name,
                                                                            l=step.layer)
    label = step.equation.label
    if not label:
        return name
    return translate("FormulaWords", "equation {label}, {name}").format(label=label, name=name)


def spoken_step(step: Step) -> str:
    """The step's name and its formula in words."""
    return translate("FormulaWords", "{name}: {formula}").format(name=step_name(step),
                                           formula=formula_words(step.formula))
