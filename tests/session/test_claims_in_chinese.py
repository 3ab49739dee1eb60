"""Every claim and its counterpart, as the window says them in 简体中文: translated, with no
English word left outside symbols and names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from bpstudio.core import claims, diagnoses
from bpstudio.core.claims import Claim

QM = Path(__file__).resolve().parents[2] / "resources/translations/bpstudio_zh_CN.qm"
ALLOWED = {"dZ", "dW", "db", "dA", "relu", "sigmoid", "tanh", "leaky", "ReLU", "XOR", "He", "L2",
           "Ctrl"}
CLAIMS = [c for c in (*claims.SLOPE_CLAIMS.values(), claims.PASS_BACK, *claims.COST_CLAIMS,
                      claims.APPLY_SAMPLE, claims.APPLY_BATCH, diagnoses.ZERO_WEIGHTS,
                      diagnoses.ONLY_OUTPUT_BIAS, diagnoses.STUCK_NEURONS, diagnoses.NOT_SEPARABLE,
                      diagnoses.VANISHING, diagnoses.TOO_LARGE_A_STEP) if isinstance(c, Claim)]


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_every_claim_and_its_counterpart_are_said_in_chinese(chinese, claim):
    for template in (claim.text, claim.counterpart):
        said = QCoreApplication.translate("core", template)
        assert said != template, template
        words = [w for w in re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", " ", said))
                 if w not in ALLOWED]
        assert words == [], (template, said)
        assert set(re.findall(r"\{\w+\}", said)) == set(re.findall(r"\{\w+\}", template))


SENTENCES = [*(t for pair in claims.SLOPE_FACTS.values() for t in pair), claims.SLOPES_NOT_FINITE,
             *claims.NO_ERROR_REACHES, claims.NONE_PASSES_WT, claims.ERROR_NOT_FINITE,
             *claims.COST_NOT_FINITE.values(), *claims.APPLY_NOT_FINITE]


@pytest.mark.parametrize("template", SENTENCES)
def test_every_fact_and_overflow_sentence_is_said_in_chinese(chinese, template):
    said = QCoreApplication.translate("core", template)
    assert said != template, template
    words = [w for w in re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", " ", said)) if w not in ALLOWED]
    assert words == [], (template, said)


def test_the_zero_weights_advice_names_the_initialisers_as_the_editor_does(chinese):
    """Not by their keys (lecun, small): by the titles the layer editor shows, in Chinese."""
    from bpstudio.core.datasets import builtin_dataset
    from bpstudio.core.network import INITIALIZER_TITLES, Network
    from bpstudio.core.trainer import HyperParameters, Trainer
    from bpstudio.session.messages import translated
    data = builtin_dataset("three-features")
    net = Network.create([3, 4, 3, 1], ["sigmoid"] * 3, init="zeros")
    t = Trainer(net, data.X_train, data.Y_train, HyperParameters(0.5, 3), record_grad_norms=True)
    warning = next(p.warning for p in t.run() if p.warning is not None)
    said = translated(warning)
    for key in ("lecun", "he", "xavier", "small"):
        assert QCoreApplication.translate("core", INITIALIZER_TITLES[key]) in said, said
    assert "LeCun（教程所用）" in said and "小随机数（0.01·randn）" in said
    assert not re.search(r"\b(lecun|small|xavier)\b", said), said
