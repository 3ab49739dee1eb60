"""Qt tests: in a process set up as the app sets up its own (tests/conftest.py)."""

import pytest

from bpstudio.session.studio import Studio


@pytest.fixture(autouse=True)
def in_a_prepared_process(prepared_process):
    """One BLAS thread and the bundled Chinese font, as in the app."""


@pytest.fixture
def studio(qtbot):
    """Studios without any window (``studio()`` makes one), shut down after the test as closing
    the window shuts its studio down: every run stopped, the picture threads ended."""
    made = []

    def make(full_speed: bool = True) -> Studio:
        """``full_speed``: runs train as fast as they go, as after Full speed (the 2-D
        playground's slower default pace, for a class to watch, is tested on its own)."""
        s = Studio()
        if full_speed:
            s.set_pace(None)
        made.append(s)
        return s
    yield make
    for s in made:
        s.shut_down()


@pytest.fixture
def session(qtbot):
    """A model and its training session, without a studio: the first start's 3–2–1 network on
    the three-feature data."""
    from bpstudio.session.network_model import NetworkModel
    from bpstudio.session.training import TrainingSession

    model = NetworkModel()
    training = TrainingSession(model)
    yield model, training
    training.wait()
