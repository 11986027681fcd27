"""Shared infrastructure every app may use: JSON validation, number formatting, date paths,
database helpers, form and admin helpers, the database-down middleware.

It imports Django and libraries only, never an app, so it sits at the bottom of the import
direction (docs/architecture.md); the rest of `hybridpeaks/` (settings, URLs) sits on top.
"""
