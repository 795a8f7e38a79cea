"""Dutch comes first: every UI text must have a Dutch translation, none of them fuzzy, and the
same English text means the same Dutch everywhere (Django merges the apps' catalogues, so one
app's translation would silently replace another's)."""

import re
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(PACKAGE_DIR.glob("**/locale/nl/LC_MESSAGES/django.po"))


def _entries(path: Path):
    """Yield (msgid, fuzzy, msgstrs) per entry of a .po file; obsolete (#~) entries are skipped.
    An entry with a context (msgctxt) yields "context\x04msgid", as gettext keys it."""
    entry = None
    field = None
    for line in path.read_text(encoding="utf-8").splitlines() + ["#"]:
        line = line.strip()
        starts_entry = line.startswith(("#", "msgctxt ", "msgid "))
        if starts_entry and entry and entry["msgstrs"]:
            yield entry["msgid"], entry["fuzzy"], entry["msgstrs"]
            entry = None
        if entry is None:
            entry = {"msgid": "", "context": "", "fuzzy": False, "msgstrs": []}
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif line.startswith("msgctxt "):
            field, entry["context"] = "msgctxt", _unquote(line[8:])
        elif line.startswith("msgid "):
            field, entry["msgid"] = "msgid", _unquote(line[6:])
            if entry["context"]:
                entry["msgid"] = entry["context"] + "\x04" + entry["msgid"]
        elif line.startswith("msgid_plural "):
            field = "plural"
        elif line.startswith("msgstr"):
            field = "msgstr"
            entry["msgstrs"].append(_unquote(line.split(" ", 1)[1]))
        elif line.startswith('"') and field == "msgctxt":
            entry["context"] += _unquote(line)
        elif line.startswith('"') and field == "msgid":
            entry["msgid"] += _unquote(line)
        elif line.startswith('"') and field == "msgstr":
            entry["msgstrs"][-1] += _unquote(line)


def _unquote(text: str) -> str:
    return text.strip()[1:-1]


def test_every_app_with_ui_text_has_a_dutch_catalogue():
    assert CATALOGUES, "no Dutch translation catalogues found"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_every_message_has_a_dutch_translation(catalogue):
    missing = [
        msgid
        for msgid, fuzzy, msgstrs in _entries(catalogue)
        if msgid and (fuzzy or not msgstrs or any(not s for s in msgstrs))
    ]
    assert missing == [], f"untranslated or fuzzy in {catalogue}: {missing[:10]}"


def test_the_same_text_has_the_same_dutch_in_every_app():
    translations = defaultdict(dict)
    for catalogue in CATALOGUES:
        for msgid, _fuzzy, msgstrs in _entries(catalogue):
            if msgid:
                translations[msgid][str(catalogue.relative_to(PACKAGE_DIR))] = tuple(msgstrs)
    clashes = {
        msgid: by_app for msgid, by_app in translations.items() if len(set(by_app.values())) > 1
    }
    assert clashes == {}, "give these texts one Dutch translation, or a context (pgettext)"


@pytest.mark.django_db
def test_the_home_page_speaks_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    assert "Naar de inhoud" in response.text


@pytest.mark.django_db
def test_a_browser_set_to_english_still_gets_dutch(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="nl"' in response.text


@pytest.mark.django_db
def test_the_language_switch_turns_the_interface_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert 'lang="en"' in response.text
    assert "Skip to content" in response.text
    assert 'lang="en"' in client.get("/").text


# Texts in the code that no catalogue holds show in English to a Dutch user, and the checks
# above cannot see them: look for the simple, one-line forms in templates and Python.
_TEMPLATE_TEXT = re.compile(
    r"""{%\s*translate\s+(["'])(?P<msgid>.+?)\1(?:\s+context\s+(["'])(?P<context>.+?)\3)?"""
)
_PYTHON_TEXT = re.compile(
    r"""(?<![\w.])(?:_|gettext|gettext_lazy|gettext_noop)\(\s*"(?P<msgid>(?:[^"\\]|\\.)+)"\s*\)"""
)


def _code_texts():
    for path in sorted(PACKAGE_DIR.rglob("*")):
        parts = path.relative_to(PACKAGE_DIR).parts
        if not path.is_file() or "tests" in parts or "migrations" in parts:
            continue
        if path.suffix in (".html", ".txt"):
            for match in _TEMPLATE_TEXT.finditer(path.read_text(encoding="utf-8")):
                context = match.group("context")
                msgid = match.group("msgid")
                yield path, (context + "\x04" + msgid) if context else msgid
        elif path.suffix == ".py":
            for match in _PYTHON_TEXT.finditer(path.read_text(encoding="utf-8")):
                yield path, match.group("msgid").replace('\\"', '"')


def test_every_text_in_the_code_is_in_a_dutch_catalogue():
    translated = {
        msgid
        for catalogue in CATALOGUES
        for msgid, fuzzy, msgstrs in _entries(catalogue)
        if msgid and not fuzzy and all(msgstrs)
    }
    missing = [
        f"{path.relative_to(PACKAGE_DIR)}: {msgid}"
        for path, msgid in _code_texts()
        if msgid not in translated
    ]
    assert missing == [], "run makemessages in these apps and translate: " + "; ".join(missing)
