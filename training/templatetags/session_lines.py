"""`{% session_lines view %}`: a session's lines (training.display.Line) with their targets, as
HTML, for the builder, the text preview and the athlete's cards and log form.

Written in Python, not a template: a week's cards drew their lines through an include and two
partials per line, a tenth of the athlete's week page and of the builder. The markup is the
one a template would write; every text is escaped here (html.escape), and the result is
marked safe only after that.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from training.display import target_text

register = template.Library()


def _line(line, coach: bool, targets: bool = True) -> str:
    html = (
        f'<span class="label">{escape(line.label)}</span> '
        f'<span class="rx">{escape(line.prescription)}</span>\n'
    )
    if not targets:
        return html
    text = target_text(line.target, coach)
    if text:
        kind = "target missing" if line.target.missing else "target"
        html += f'<span class="{kind}">{escape(text)}</span>\n'
    return html


@register.simple_tag
def session_lines(view, coach=False, targets=True) -> str:
    """The <ul class="lines"> of `view`; `coach` words a missing benchmark for the coach
    ("needs 1RM for Back Squat") rather than the athlete ("no … yet"); `targets=False` leaves
    the targets out (a program's preview: no athlete, no benchmarks to work them out from)."""
    items = []
    for line in view.lines:
        step_class = ' class="step"' if line.is_step else ""
        html = f"<li{step_class}>{_line(line, coach, targets)}"
        if line.steps:
            steps = "".join(
                f'<li class="step">{_line(step, coach, targets)}</li>' for step in line.steps
            )
            html += f'\n<ul class="steps">{steps}</ul>'
        items.append(html + "</li>\n")
    return mark_safe(f'<ul class="lines">\n{"".join(items)}</ul>')  # noqa: S308 (escaped above)
