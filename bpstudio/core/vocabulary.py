"""The names the app's views and modes go by: one home for the session layer, which shows them,
and for lesson files, which name them (core/lesson_actions.py)."""

from __future__ import annotations

# presentation mode's stages, in the order of the keys 1–5
STAGES = ("equations", "network", "training", "classify", "mixed")
# the stepper walks one sample (the tutorial's δ, L) or the whole batch (dZ, C)
SAMPLE, BATCH = "sample", "batch"
STEP_MODES = (SAMPLE, BATCH)
# the views a lesson may point at
HIGHLIGHTS = ("diagram", "steps", "plots", "editor", "gallery", "playground")
