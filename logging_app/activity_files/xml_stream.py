"""Streaming XML for GPX and TCX: elements handed over as they end, then dropped.

gpxpy.parse() and tcxreader read the whole document into a tree first (tcxreader only takes
a path), so a 50 MB file would be 50 MB of text plus its tree in memory; ElementTree's
iterparse reads in blocks and lets each track point go once read (docs/decisions.md
"GPX and TCX streamed"). gpxpy still gives the distance between points (its haversine).
ElementTree never fetches external entities, and the bundled expat refuses entity bombs.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError, iterparse

from logging_app.activity_files.activity import Unreadable


def local(tag: str) -> str:
    """A tag without its namespace: GPX 1.0 and 1.1, and each vendor's extension namespace,
    name the same things."""
    return tag.rpartition("}")[2]


def ended_elements(stream, names: frozenset) -> Iterator[tuple[str, Element]]:
    """(local name, element) for each element named in `names` once it has ended, as a local
    name ("trkpt") or as "parent/name" ("Lap/DistanceMeters": a lap's, not a track point's).
    Each is removed from its parent after use, so memory holds one point at a time."""
    parents: list[Element] = []
    try:
        # Untrusted XML is safe here (see the module's docstring): no external entities, and
        # expat ≥ 2.4 caps entity expansion.
        for event, element in iterparse(stream, events=("start", "end")):  # noqa: S314
            if event == "start":
                parents.append(element)
                continue
            parents.pop()
            name = local(element.tag)
            parent = parents[-1] if parents else None
            if name in names or (parent is not None and f"{local(parent.tag)}/{name}" in names):
                yield name, element
                if parent is not None:
                    parent.remove(element)
    except ParseError as error:
        line = error.position[0]
        raise Unreadable(f"the file is not well-formed XML (line {line}).") from None


def child_text(element: Element, name: str) -> str | None:
    """The text of the first child with that local name."""
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return None


def descendant_number(element: Element, names: tuple) -> float | None:
    """The first number found in a descendant with one of these local names (a heart rate
    inside an extension block, whatever its vendor's namespace)."""
    for child in element.iter():
        if local(child.tag) in names:
            value = number(child.text)
            if value is not None:
                return value
    return None


def number(text: str | None) -> float | None:
    try:
        value = float(text.strip()) if text else None
    except ValueError:
        return None
    return value if value is not None and value == value and abs(value) != float("inf") else None


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time as aware UTC; a time without an offset is taken as UTC (GPX says so)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
