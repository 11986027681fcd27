"""`{% builder_card card plan actions_query %}`: one session's card in the plan builder's week.

Written in Python, as the roster's rows are: six cards drawn through the template engine
(a `with`, a dozen variables and conditions each) were the largest part of the builder's
rendering. The markup is the one the template wrote (the browser tests read it); every text
is escaped here (html.escape) before the result is marked safe.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from training.builder import Status
from training.models import PlanStatus
from training.templatetags.session_lines import session_lines

register = template.Library()

BADGES = {
    Status.DONE: '<span class="session-status status-done">✓ Done</span>',
    Status.MISSED: '<span class="session-status status-missed">Missed</span>',
}


def _actions(card, plan, actions_query: str, name: str) -> str:
    """Edit, and More (move, copy, delete: fetched when opened; a page of their own
    without JavaScript)."""
    pk = escape(str(card.session.pk))
    edit = escape(f"{card.edit_url}?plan={plan.pk}")
    actions = escape(f"{card.actions_url}{actions_query}")
    return (
        '<footer class="card-actions">'
        f'<a id="edit-{pk}" data-opens-editor href="{edit}" hx-get="{edit}">'
        f'Edit<span class="visually-hidden"> {name}</span></a>'
        '<details class="more-actions">'
        f'<summary>More<span class="visually-hidden">: move, copy or delete {name}</span>'
        "</summary>"
        f'<div hx-get="{actions}" hx-trigger="toggle once from:closest details" '
        f'hx-target="this"><a href="{actions}">Move, copy or delete {name}</a></div>'
        "</details></footer>"
    )


@register.simple_tag
def builder_card(card, plan, actions_query="") -> str:
    """The <article> of `card` (training.builder.Card); its actions only while `plan` is
    active (an ended week is kept as it was)."""
    session, view = card.session, card.view
    name = escape(card.name)
    details = escape(session.get_type_display())
    if card.minutes:
        details += f" · {card.minutes} min"
    if view.untimed_distance:
        details += f" + {escape(view.untimed_distance)}"
    html = (
        f'<article class="session session-{escape(session.type)} is-{card.status}" '
        f'id="session-{escape(str(session.pk))}">'
        f"<header><strong>{name}</strong> <small>{details}</small>"
        f"{BADGES.get(card.status, '')}</header>\n"
        f"{session_lines(view, coach=True)}\n"
    )
    if plan.status == PlanStatus.ACTIVE:
        html += _actions(card, plan, actions_query, name)
    return mark_safe(html + "</article>")  # noqa: S308 (every text escaped above)
