"""Every message is translated in every language, and the catalogues are current."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["tr", "ro", "ru", "fa"]


def catalogue(language: str, locale_dir: Path = ROOT / "locale") -> polib.POFile:
    return polib.pofile(str(locale_dir / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_untranslated_or_fuzzy_messages(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries() if not e.obsolete]
    assert untranslated == [], f"{language}: untranslated {untranslated[:20]}"
    assert fuzzy == [], f"{language}: fuzzy {fuzzy[:20]}"
    assert len(po) > 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    for entry in catalogue(language):
        for source, translated in [(entry.msgid, entry.msgstr)] + [
            (entry.msgid_plural, text) for text in entry.msgstr_plural.values()
        ]:
            if not translated:
                continue
            for placeholder in ("%(", "%s", "%d", "{"):
                if source.count(placeholder) != translated.count(placeholder):
                    # Plural forms may drop the number itself ("one item").
                    if entry.msgid_plural and placeholder in ("%d", "%("):
                        continue
                    pytest.fail(f"{language}: {placeholder!r} differs in {entry.msgid!r}")


def test_catalogues_contain_every_message_of_the_source(tmp_path):
    """Extract messages afresh in a scratch copy of the project: none may be missing."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("xgettext (GNU gettext) is needed in CI")
        pytest.skip("GNU gettext is not installed")
    scratch = tmp_path / "project"
    shutil.copytree(
        ROOT,
        scratch,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "staticfiles", "media", "artifacts", "*.sqlite3", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-location",
            "--no-obsolete",
            *[f"-l{lang}" for lang in LANGUAGES],
        ],
        cwd=scratch,
        env={**os.environ, "DEBUG": "1"},
        check=True,
        capture_output=True,
        timeout=300,
    )
    for language in LANGUAGES:
        fresh = {e.msgid for e in catalogue(language, scratch / "locale") if not e.obsolete}
        committed = {e.msgid for e in catalogue(language) if not e.obsolete}
        missing = sorted(fresh - committed)
        assert missing == [], f"{language}: run `make messages` and translate: {missing[:20]}"


OWN_APPS = {"crm", "customers", "notes", "catalog", "orders", "quickorder", "jobs"}


def test_no_turkish_label_starts_with_a_dotless_capital_by_code():
    """Django writes a field's label with capfirst(verbose_name), and Python capitalises
    Turkish "i" as "I" ("Ilgili kişi"): a field whose Turkish name starts with "i" has its
    name written capitalised in the source ("Contact person" -> "İlgili kişi")."""
    from django.apps import apps
    from django.utils import translation

    wrong = []
    with translation.override("tr"):
        for model in apps.get_models():
            if model._meta.app_label not in OWN_APPS:
                continue  # Django's own (the admin's log) are Django's to translate
            for field in model._meta.get_fields():
                name = getattr(field, "verbose_name", None)
                if not name or not getattr(field, "editable", False):
                    continue
                if str(name).startswith("i"):
                    wrong.append(f"{model._meta.label}.{field.name}: {name}")
    assert wrong == [], "\n".join(wrong)
