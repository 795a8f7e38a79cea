""" "Is this for me?": an EligibilityCheck's questions in the page's language, and its DMN
decision (kansrijk.rules) run on her yes/no answers. Nothing is stored.

The decision's output is `fits` (true/false), optionally with `reason`: either the name of a
question (its own "reason" texts are then shown, in her language) or a Dutch text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kansrijk.portal.constants import DEFAULT_LANGUAGE
from kansrijk.portal.models import EligibilityCheck
from kansrijk.rules.dmn.model import DMNError, load

YES = "ja"
NO = "nee"


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    text_lang: str  # the language the text is in: the page's, else Dutch


@dataclass(frozen=True)
class Outcome:
    fits: bool | None  # None: the decision gave no answer (a broken table)
    reason: str = ""
    reason_lang: str = ""


class CheckFailed(Exception):
    """The decision table could not be read or gave no answer."""


def _localised(texts: Mapping[str, str] | str | None, lang: str) -> tuple[str, str]:
    if isinstance(texts, str):
        return texts, DEFAULT_LANGUAGE
    texts = texts or {}
    for code in (lang, DEFAULT_LANGUAGE):
        if texts.get(code):
            return texts[code], code
    return "", lang


def check_questions(*, check: EligibilityCheck, lang: str) -> list[Question]:
    questions = []
    for item in check.questions or []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        text, text_lang = _localised(item.get("text"), lang)
        questions.append(
            Question(name=str(item["name"]), text=text or item["name"], text_lang=text_lang)
        )
    return questions


def answers_parse(
    *, check: EligibilityCheck, data: Mapping[str, str]
) -> tuple[dict[str, bool], list[str]]:
    """Her answers as booleans by question name, and the names of questions left open (or
    answered with something other than yes or no)."""
    answers: dict[str, bool] = {}
    missing: list[str] = []
    for question in check.questions or []:
        name = str(question.get("name", "")) if isinstance(question, dict) else ""
        if not name:
            continue
        value = data.get(name, "")
        if value == YES:
            answers[name] = True
        elif value == NO:
            answers[name] = False
        else:
            missing.append(name)
    return answers, missing


def check_evaluate(*, check: EligibilityCheck, answers: dict[str, bool], lang: str) -> Outcome:
    """Run the check's decision. Raises CheckFailed when the table is broken."""
    try:
        model = load(check.dmn_xml.encode())  # bytes: never read as a file path
        result = model.evaluate(check.decision_name, answers)
    except (DMNError, KeyError, ValueError, TypeError, RecursionError) as e:
        raise CheckFailed(str(e)) from e
    value = result.value
    reason = None
    if isinstance(value, Mapping):
        fits = value.get("fits")
        reason = value.get("reason")
    else:
        fits = value
    if not isinstance(fits, bool):
        raise CheckFailed("the decision gave no true or false")
    if fits:
        return Outcome(fits=True)
    return Outcome(fits=False, **_reason(check, reason, lang))


def _reason(check: EligibilityCheck, reason, lang: str) -> dict[str, str]:
    if not reason:
        return {"reason": "", "reason_lang": ""}
    reason = str(reason)
    for item in check.questions or []:
        if isinstance(item, dict) and item.get("name") == reason:
            text, text_lang = _localised(item.get("reason"), lang)
            if text:
                return {"reason": text, "reason_lang": text_lang}
    return {"reason": reason, "reason_lang": DEFAULT_LANGUAGE}
