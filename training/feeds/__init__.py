"""Calendar feeds: each person's secret iCal URL of their published sessions (issue 14).

models (CalendarFeed), secrets (make, show again, look up, revoke; audited), ical (the
calendar drawn from the sessions), views (the feed, and the page that manages the URL),
admin (turn a leaked URL off).
"""
