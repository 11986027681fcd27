"""Readable JSON in the admin: indented in forms, validated by the models' schemas."""

import json

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html


class IndentedJSONField(forms.JSONField):
    """Shows stored JSON indented, so a coach's prescription can be read and edited."""

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, indent=2, ensure_ascii=False, cls=self.encoder)


class ReadableJSONAdmin(admin.ModelAdmin):
    """Every JSONField as an indented textarea; model clean() applies the JSON schemas."""

    formfield_overrides = {
        models.JSONField: {
            "form_class": IndentedJSONField,
            "widget": forms.Textarea(attrs={"rows": 14, "cols": 80, "class": "vLargeTextField"}),
        }
    }


def pretty_json(value):
    """Read-only JSON, indented, for list/detail displays."""
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))
