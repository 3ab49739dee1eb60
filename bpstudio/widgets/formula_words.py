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


NAME = r"\w+(?:\[\w+\])?"  # a quantity's name as the tutorial writes it: L, Y, A[2], dZ[1], b[2]


def _words() -> list[tuple[str, object]]:
    """What each piece of a formula is said as, in the order tried at each place: a piece
    made of names (∂L/∂b[2], Σᵢ dZ[2], A[2]⁽ⁱ⁾, a[1]ᵀ, σ′(z[2]), 1/m) as the tutorial's words say
    it — "the partial derivative of L with respect to b[2]", in Chinese "L 对 b[2] 的偏导数" —
    then a sign, a word between spaces. Each place is said once (σ′ is not said again as σ)."""
    return [
        (r",  α = ", translate("FormulaWords", "; the learning rate alpha equals ")),
        (r"Σ‖W‖²", translate("FormulaWords", " the sum of the squares of all weights ")),
        (rf"∂(?P<f>{NAME})/∂(?P<x>{NAME})",
         translate("FormulaWords", " the partial derivative of {f} with respect to {x} ")),
        (rf"∇ₐ(?P<g>{NAME})", translate("FormulaWords", " the gradient of {g} with respect to a ")),
        (rf"Σᵢ (?P<s>{NAME})(?:⁽ⁱ⁾)?", translate("FormulaWords", " the sum over the samples of {s} ")),
        (rf"(?P<i>{NAME})⁽ⁱ⁾", translate("FormulaWords", " {i} of sample i ")),
        (rf"(?P<t>{NAME})ᵀ", translate("FormulaWords", " {t} transposed ")),
        (r"σ′\((?P<d>[^()]*)\)", translate("FormulaWords", " sigma prime of {d} ")),
        (r"(?P<fn>[A-Za-z_]+|σ)\((?P<a>[^()]*)\)",
         translate("FormulaWords", " {fn} of {a} ")),
        (r"(?P<n>\w+)/\(?(?P<m>\w+)\)?", translate("FormulaWords", " {n} over {m} ")),
        (r"(?:^|(?<== ))−(?=[\[(])", translate("FormulaWords", " the negative of ")),
        (r"σ′", translate("FormulaWords", " sigma prime ")),
        (r"σ", translate("FormulaWords", " sigma ")),
        (r"δ", translate("FormulaWords", "delta")),
        (r"α", translate("FormulaWords", "alpha")),
        (r"λ", translate("FormulaWords", "lambda")),
        (r"½·?", translate("FormulaWords", " one half times ")),
        (r"²", translate("FormulaWords", " squared ")),
        (r"⊙", translate("FormulaWords", " times element by element ")),
        (r"·", translate("FormulaWords", " times ")),
        (r"←", translate("FormulaWords", " becomes ")),
        (r"=", translate("FormulaWords", " equals ")),
        (r"−", translate("FormulaWords", " minus ")),
        (r"\+", translate("FormulaWords", " plus ")),
        (r"/", translate("FormulaWords", " over ")),
    ]


# a space between two Chinese characters (or after a Chinese comma) is not said: "误差经 W 的转置
# 反向传递" reads "误差经 W 的转置反向传递"
CJK_SPACE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +"
                       r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def formula_words(formula: str) -> str:
    """``formula`` said in words, in the UI's language; the names stay as they are."""
    words = _words()
    pattern = re.compile("|".join(f"(?P<w{k}>{p})" for k, (p, _) in enumerate(words)))

    def said(match: re.Match[str]) -> str:
        k = next(k for k in range(len(words)) if match.group(f"w{k}") is not None)
        inner = {name: formula_words(value) for name, value in match.groupdict().items()
                 if value is not None and not name.startswith("w")}
        return str(words[k][1]).format(**inner)

    text = pattern.sub(said, formula)
    text = re.sub(r"\s+", " ", text).replace(" ;", ";").replace(" ,", ",")
    text = re.sub(r"([(\[]) ", r"\1", re.sub(r" ([)\]])", r"\1", text))
    text = re.sub(r" *([，。；：、]) *", r"\1", text)  # no space around Chinese punctuation
    return CJK_SPACE.sub("", text).strip()


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
