"""The session_lines tag: the markup of a session's lines, every text escaped, a missing
benchmark worded for the coach or the athlete."""

from django.template import Context, Template

from training.display import Line, SessionView
from training.targets import Target


def render(lines, coach=False) -> str:
    view = SessionView(session=None, plan=None, lines=lines)
    template = Template("{% load session_lines %}{% session_lines view coach=coach %}")
    return template.render(Context({"view": view, "coach": coach}))


def test_lines_steps_and_targets_are_drawn_and_escaped():
    squat = Line("<Squat>", "5 × 5 @ 75% 1RM", Target("105 kg"))
    repeat = Line("6 ×", "", Target(""), steps=(Line("Work", "400 m", Target("4:30 /km")),))
    html = render([squat, repeat])
    assert '<span class="label">&lt;Squat&gt;</span>' in html
    assert '<span class="target">→ 105 kg</span>' in html
    assert '<ul class="steps"><li class="step"><span class="label">Work</span>' in html
    assert html.startswith('<ul class="lines">') and html.endswith("</ul>")


def test_a_missing_benchmark_is_worded_for_whoever_reads_it():
    line = Line("Bench", "5 × 5 @ 80% 1RM", Target("80% 1RM", missing="1RM for Bench"))
    assert "80% 1RM — needs 1RM for Bench" in render([line], coach=True)
    assert "80% 1RM (no 1RM for Bench yet)" in render([line])


def test_without_targets_the_lines_are_the_prescription_alone():
    line = Line("Bench", "5 × 5 @ 80% 1RM", Target("80 kg"))
    html = render_plain([line])
    assert '<span class="rx">5 × 5 @ 80% 1RM</span>' in html and "target" not in html


def render_plain(lines) -> str:
    view = SessionView(session=None, plan=None, lines=lines)
    template = Template("{% load session_lines %}{% session_lines view targets=False %}")
    return template.render(Context({"view": view}))
