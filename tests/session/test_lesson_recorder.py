"""Record: what a teacher does becomes lesson lines, and the lines replay to the same state."""

from __future__ import annotations

from scenario import assert_same_state, state_of

from bpstudio.core.lesson_format import parse_lesson
from bpstudio.session.lesson_recorder import LessonRecorder
from bpstudio.session.lesson_runner import BeatState, LessonRunner
from bpstudio.session.studio import Studio


def settle(qtbot, studio):
    qtbot.waitUntil(lambda: not studio.busy, timeout=60_000)


def test_a_recorded_sequence_replays_to_the_same_state(qtbot):
    a = Studio()
    recorder = LessonRecorder(a)
    assert recorder.beat() == [  # the first start's 3–2–1 network, every setting said
        "data three-features", "layers 3,2,1", "activation 1 sigmoid",
        "network init=lecun seed=1 loss=bce",
        "set learning_rate=0.5 iterations=1000 batch_size=full l2=0", "step mode sample"]
    a.set_layers([4, 1])
    a.set_activation(1, "tanh")
    a.set_hyper(learning_rate=0.3, iterations=40)
    a.train()
    settle(qtbot, a)
    assert recorder.beat() == ["layers 3,4,1", "activation 1 tanh",
                               "set learning_rate=0.3 iterations=40 batch_size=full l2=0",
                               "train to 40"]
    a.set_step_mode("batch")
    a.step_to("2a", 1)
    a.explain_cell(-1, 1, 2)
    a.fork_twin(learning_rate=0.1)
    a.present("network")
    assert recorder.beat() == ["fork learning_rate=0.1", "step mode batch", "step 2a layer 1",
                               "explain result 2 3", "stage network"]
    a.move_time_cursor(10)
    qtbot.waitUntil(lambda: a.model.shown.network.iterations_trained == 10)
    a.stop_presenting()
    assert recorder.beat() == ["cursor 10", "step start", "present off"]
    text = recorder.text()
    lesson = parse_lesson(text, "recorded.md")
    assert [len(beat.actions) for beat in lesson.chapters[0].beats] == [6, 4, 5, 3]

    b = Studio()
    runner = LessonRunner(b, parent=b)
    runner.start(lesson, at=4)  # every beat's actions, as a lesson resumed at its last
    qtbot.waitUntil(lambda: runner.state == BeatState.READY, timeout=60_000)
    settle(qtbot, b)
    assert_same_state(state_of(b), state_of(a), explained=False)
    assert b.timeline.cursor == a.timeline.cursor == 10
    assert not b.presentation.presenting
    a.shut_down()
    b.shut_down()
