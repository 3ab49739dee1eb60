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
ALLOWED = {"dZ", "dW", "db", "relu", "sigmoid", "tanh", "leaky", "ReLU", "XOR", "He", "L2",
           "lecun", "he", "xavier", "small", "Ctrl"}
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
