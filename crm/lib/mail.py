"""Emails as text: the subject and body of every email the product sends."""

from django.template.loader import render_to_string
from django.utils import translation


def render_email(subject_template: str, body_template: str, context: dict, language: str):
    """(subject, body) in `language`, rendered by the "text" template engine, which does not
    escape HTML: a plain-text email shows "Özgür & Oğul" as written. The subject is one line
    (its line breaks become spaces), so nothing typed into a name can add a header."""
    with translation.override(language):
        subject = render_to_string(subject_template, context, using="text")
        body = render_to_string(body_template, context, using="text")
    return " ".join(subject.split()), body
