"""A step's formula said in words, as a teacher says it: in English and in the tutorial's Chinese
(损失 L, 代价 C, 等式1–4, 学习率 α, "L 对 b 的偏导数"), every sign a word, nothing said twice."""

import re

import numpy as np
import pytest

from bpstudio.core.network import Network
from bpstudio.core.stepper import Stepper
from bpstudio.widgets.formula_words import formula_words, spoken_step

SIGNS = "∂∇Σ⁽⁾ᵀ⊙·←=−+/"


def steps(m: int, l2: float = 0.0):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, m))
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    return {(s.equation.label or s.equation.key, s.layer): s
            for s in Stepper(Network.create([2, 3, 1]), X, Y, 0.1, l2).steps}


@pytest.fixture
def chinese(qapp):
    from bpstudio.app import i18n

    i18n.apply_language("zh_CN")
    yield
    i18n.apply_language("en")


def test_english_words_for_the_signs(qapp):
    one = steps(1)
    assert spoken_step(one["3a", 2]).endswith(
        "the partial derivative of L with respect to b[2] equals delta[2]")
    assert "delta[1] times a[0] transposed" in spoken_step(one["3b", 1])
    assert spoken_step(one["4b", 1]).endswith("; the learning rate alpha equals 0.1")
    many = steps(4, l2=0.1)
    cost = [s for (k, _), s in many.items() if k.startswith("cost")][0]
    assert "1 over m times the sum over the samples of L" in spoken_step(cost)


def test_chinese_reads_as_a_teacher_says_it(chinese):
    one, many = steps(1), steps(4, l2=0.1)
    said = {k: spoken_step(s) for k, s in one.items()}
    assert said["3a", 2].startswith("等式3a，第 2 层的")
    assert said["3a", 2].endswith("L 对 b[2] 的偏导数等于 δ[2]")
    assert "L 对 a[1] 的偏导数" in said["2b", 1] and "激活函数的导数 σ′(z[1])" in said["2b", 1]
    assert "δ[1] 乘以 a[0] 的转置" in said["3b", 1]
    assert said["4a", 1].endswith("；学习率 α 等于 0.1")
    assert "L 对 a 的梯度" in said["1a", 2]
    batch = {k: spoken_step(s) for k, s in many.items()}
    loss = next(v for (k, _), v in batch.items() if k.startswith("loss"))
    cost = next(v for (k, _), v in batch.items() if k.startswith("cost"))
    assert "第 i 个样本的 L 等于负的 [第 i 个样本的 Y 乘以" in loss
    assert "代价函数 C：C 等于 m 分之 1 乘以所有样本的 L 之和加 2m 分之 λ" in cost
    assert "C 对 W[1] 的偏导数等于 m 分之 1 乘以 dZ[1] 乘以 A[0] 的转置" in batch["3b", 1]
    for text in list(said.values()) + list(batch.values()):
        assert not set(text) & set(SIGNS), text  # every sign said as a word
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|[，：；] | [，：；]", text), text
        assert not re.search(r"\b(of|over|times|equals|partial)\b", text), text


def test_a_sign_is_said_once(qapp):
    assert formula_words("δ[2] = a[2] − y") == "delta[2] equals a[2] minus y"
    assert formula_words("σ′(z[2])") == "sigma prime of z[2]"


def test_the_diagram_and_a_matrix_speak_chinese_as_the_tutorial(chinese, qtbot):
    """A neuron, a weight and a matrix cell in the tutorial's Chinese: 激活函数输出, 权重, "等于"
    said, not "=" read as a sign."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bpstudio.session.network_model import NetworkModel
    from bpstudio.widgets.matrix_view import MatrixView
    from bpstudio.widgets.network_diagram import NetworkDiagram

    d = NetworkDiagram(NetworkModel())
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    d.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    qtbot.keyClick(d, Qt.Key.Key_Right)  # the first input
    assert d.accessibleDescription().startswith("输入层，第 1 个神经元（共 3 个）：输入 x 等于 ")
    qtbot.keyClick(d, Qt.Key.Key_Right)
    said = d.accessibleDescription()
    assert said.startswith("隐含层 1，第 1 个神经元（共 2 个）：sigmoid，线性结果 z 等于 ")
    assert "激活函数输出 a 等于 " in said and "=" not in said
    qtbot.keyClick(d, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert d.accessibleDescription().startswith(
        "权重 w[1] 1,1：从第 0 层第 1 个神经元到第 1 层第 1 个神经元，值为 ")
    v = MatrixView()
    qtbot.addWidget(v)
    v.resize(300, 200)
    v.set_matrix("dW[2]", np.array([[0.5, -0.25]]))
    v.show()
    v.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is v)
    qtbot.keyClick(v, Qt.Key.Key_Right)
    assert "dW[2] 第 1 行第 2 列，值为 −0.25。按回车键解释它。" in v.accessibleDescription()


def test_the_squared_error_is_said_in_words(qapp):
    """½ and ² stayed signs: many voices drop a superscript 2, leaving 'one half times a minus y'."""
    rng = np.random.default_rng(0)
    net = Network.create([2, 3, 1], ["relu", "sigmoid"], loss="mse")
    stepper = Stepper(net, rng.normal(size=(2, 1)), np.array([[1.0]]), 0.1, 0.0)
    loss = next(spoken_step(s) for s in stepper.steps if s.equation.key.startswith("loss"))
    assert "one half times (a[2] minus y) squared" in loss, loss
    assert not set(loss) & set("½²" + SIGNS), loss
