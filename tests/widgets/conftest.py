"""Qt tests: in a process set up as the app sets up its own (tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def in_a_prepared_process(prepared_process):
    """One BLAS thread and the bundled Chinese font, as in the app."""
