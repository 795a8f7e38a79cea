"""Demo "Is this for me?" checks: debt help and Centering Pregnancy in the site's municipality,
each a DMN table written with kansrijk.rules. Idempotent: an existing check is left alone."""

from __future__ import annotations

from kansrijk.directory import selectors as directory_selectors
from kansrijk.portal import selectors
from kansrijk.portal.models import EligibilityCheck, ParentSite
from kansrijk.rules.dmn.writer import InputSpec, OutputSpec, table_model_xml

DECISION = "Past deze hulp"


def check_xml(*, questions: list[str]) -> str:
    """A FIRST-hit table: the first question answered "no" gives fits = false and names that
    question as the reason; all "yes" gives fits = true."""
    inputs = [InputSpec(label=name, expression=name, type_ref="boolean") for name in questions]
    rules = []
    for position, name in enumerate(questions):
        entries = ["-"] * len(questions)
        entries[position] = "false"
        rules.append((entries, ["false", f'"{name}"'], f"{name}: nee"))
    rules.append((["-"] * len(questions), ["true", "null"], "alles ja"))
    return table_model_xml(
        name=DECISION,
        hit_policy="FIRST",
        inputs=inputs,
        outputs=[OutputSpec(name="fits", type_ref="boolean"), OutputSpec(name="reason")],
        rules=rules,
    )


def _debt_questions(place: str) -> list[dict]:
    return [
        {
            "name": "woont_hier",
            "text": {
                "nl": f"Woon je in {place}?",
                "en": f"Do you live in {place}?",
                "ar": f"هل تسكنين في {place}؟",
                "tr": f"{place} içinde mi yaşıyorsunuz?",
                "pl": f"Czy mieszkasz w {place}?",
                "uk": f"Ти живеш у {place}?",
            },
            "reason": {
                "nl": f"Deze hulp is voor mensen die in {place} wonen.",
                "en": f"This help is for people who live in {place}.",
                "ar": f"هذه المساعدة للأشخاص الذين يسكنون في {place}.",
            },
        },
        {
            "name": "heeft_schulden",
            "text": {
                "nl": "Heb je schulden of betaalachterstanden?",
                "en": "Do you have debts or payments you are behind on?",
                "ar": "هل عليكِ ديون أو فواتير متأخرة؟",
                "tr": "Borcunuz veya geciken ödemeleriniz var mı?",
                "pl": "Czy masz długi lub zaległe płatności?",
                "uk": "Чи маєш ти борги або прострочені платежі?",
            },
            "reason": {
                "nl": "Deze hulp is voor mensen met schulden of betaalachterstanden.",
                "en": "This help is for people with debts or payments they are behind on.",
                "ar": "هذه المساعدة للأشخاص الذين عليهم ديون أو فواتير متأخرة.",
            },
        },
    ]


CENTERING_QUESTIONS = [
    {
        "name": "zwanger",
        "text": {
            "nl": "Ben je zwanger?",
            "en": "Are you pregnant?",
            "ar": "هل أنتِ حامل؟",
            "tr": "Hamile misiniz?",
            "pl": "Czy jesteś w ciąży?",
            "uk": "Ти вагітна?",
        },
        "reason": {
            "nl": "Centering Pregnancy is zorg voor zwangeren.",
            "en": "Centering Pregnancy is care for pregnant women.",
            "ar": "Centering Pregnancy هي رعاية للحوامل.",
        },
    },
    {
        "name": "minder_dan_28_weken",
        "text": {
            "nl": "Ben je minder dan 28 weken zwanger?",
            "en": "Are you less than 28 weeks pregnant?",
            "ar": "هل أنتِ حامل منذ أقل من 28 أسبوعًا؟",
            "tr": "28 haftadan az mı hamilesiniz?",
            "pl": "Czy jesteś w ciąży krócej niż 28 tygodni?",
            "uk": "Ти вагітна менше ніж 28 тижнів?",
        },
        "reason": {
            "nl": "De groep start vroeg in de zwangerschap. Vraag je verloskundige wat wel kan.",
            "en": "The group starts early in pregnancy. Ask your midwife what is possible.",
            "ar": "تبدأ المجموعة في وقت مبكر من الحمل. اسألي القابلة عمّا هو ممكن.",
        },
    },
]


def _service(municipality_code: str, name_start: str):
    return (
        directory_selectors.service_search(municipality_code=municipality_code)
        .filter(name__istartswith=name_start)
        .order_by("name", "pk")
        .first()
    )


def demo_load(*, site: ParentSite) -> None:
    for municipality in selectors.site_municipalities(site)[:1]:
        place = municipality.name
        for name_start, questions in (
            ("Schuldhulpverlening", _debt_questions(place)),
            ("Centering Pregnancy", CENTERING_QUESTIONS),
        ):
            service = _service(municipality.code, name_start)
            if service is None:
                continue
            EligibilityCheck.objects.get_or_create(
                site=site,
                service_id=service.pk,
                defaults={
                    "questions": questions,
                    "dmn_xml": check_xml(questions=[q["name"] for q in questions]),
                    "decision_name": DECISION,
                },
            )
