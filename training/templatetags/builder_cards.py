"""`{% builder_week_grid %}`: the plan builder's week, seven days with their session cards
and add links, and the session editor in its day's slot.

Written in Python, as the roster's rows are: the days and cards drawn through the template
engine (a loop, a `with`, a dozen variables and conditions each) were most of the builder's
rendering. The markup is the one the template wrote (the browser tests read it); every text
is escaped here (html.escape) before the result is marked safe. The editor, a form, is still
its template (training/session_editor.html).
"""

from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from hybridpeaks.core.templatetags.site_links import url_of
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
    return html + "</article>"


def _add_links(day, new_session_url: str) -> str:
    iso, name = escape(day.iso), escape(day.name)
    links = []
    for kind, label in (("strength", "Strength"), ("endurance", "Endurance")):
        url = escape(f"{new_session_url}?type={kind}&date={day.iso}")
        links.append(
            f'<a id="add-{kind}-{iso}" data-opens-editor href="{url}" hx-get="{url}">'
            f'+ {label}<span class="visually-hidden"> on {name}</span></a>'
        )
    return f'<p class="add-session">{"".join(links)}</p>'


@register.simple_tag(takes_context=True)
def builder_week_grid(context) -> str:
    """The <div class="week-grid"> of the builder's context: `days`, `plan`, `today`,
    `actions_query` and the `editor` (its day's slot holds it: under that day on a phone,
    under the week on a wide screen)."""
    plan, today, editor = context["plan"], context["today"], context.get("editor")
    active = plan is not None and plan.status == PlanStatus.ACTIVE
    new_session_url = url_of("training:new_session", plan.pk) if active else ""
    parts = ['<div class="week-grid">']
    for day in context["days"]:
        iso, is_today = escape(day.iso), day.date == today
        cards = [builder_card(card, plan, context["actions_query"]) for card in day.cards]
        parts.append(
            f'<section class="day{" is-today" if is_today else ""}" aria-labelledby="day-{iso}">'
            f'<h2 id="day-{iso}">{escape(day.name)} <small>{escape(day.short)}'
            f"{' · today' if is_today else ''}</small></h2>"
            + ("\n".join(cards) or '<p class="rest">Rest</p>')
            + (_add_links(day, new_session_url) if active else "")
            + "</section>"
        )
        if editor and editor.day == day.date:
            parts.append(
                render_to_string(
                    "training/session_editor.html", context.flatten(), request=context.request
                )
            )
    parts.append("</div>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every text escaped above)
