"""An instrument as a form: one group of radio buttons per item, rendered by the partial
`screening/_instrument_form.html` (a fieldset and legend per item). The form scores what it
cleans: `form.result` is the ScreeningResult once `form.is_valid()`.

    form = InstrumentForm(request.POST or None, instrument="epds",
                          cutoffs=cutoffs_for(coalition.pk, "epds"))
    if form.is_valid():
        result = form.result
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.screening.constants import URGENT_FLAGS, Domain, Flag, Level
from kansrijk.screening.instruments import Cutoffs, instrument_find
from kansrijk.screening.scoring import ScreeningError, ScreeningResult, score
from kansrijk.screening.selectors import InstrumentTexts, instrument_texts

ITEM_FIELD = "item_%d"


class InstrumentForm(forms.Form):
    template_name = "screening/_instrument_form.html"

    def __init__(
        self,
        *args: Any,
        instrument: str,
        language: str | None = None,
        cutoffs: Cutoffs | None = None,
        texts: InstrumentTexts | None = None,
        **kwargs: Any,
    ) -> None:
        found = instrument_find(instrument)
        if found is None:
            raise LookupError(instrument)
        kwargs.setdefault("prefix", found.code)
        super().__init__(*args, **kwargs)
        self.instrument = found
        self.cutoffs = cutoffs
        self.texts = texts or instrument_texts(found.code, language)
        self.result: ScreeningResult | None = None
        for item in self.texts.items:
            self.fields[ITEM_FIELD % item.number] = forms.TypedChoiceField(
                label=item.text,
                choices=[(position, text) for position, text in enumerate(item.options)],
                coerce=int,
                widget=forms.RadioSelect,
                help_text=""
                if found.validated
                else _("Domain: %(domain)s") % {"domain": Domain(item.domain).label},
                error_messages={
                    "required": _("Choose an answer to question %(number)d.")
                    % {"number": item.number},
                    "invalid_choice": _("Choose one of the answers to question %(number)d.")
                    % {"number": item.number},
                },
            )

    @property
    def conversation_aid(self) -> bool:
        """Not a validated instrument: the UI must say so."""
        return not self.instrument.validated

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        answers = {}
        for item in self.texts.items:
            value = cleaned.get(ITEM_FIELD % item.number)
            if value is None:
                return cleaned  # the field reports what is missing
            answers[item.number] = value
        try:
            self.result = score(self.instrument.code, answers, cutoffs=self.cutoffs)
        except ScreeningError as error:
            field = ITEM_FIELD % error.item if isinstance(error.item, int) else None
            self.add_error(field if field in self.fields else None, str(error))
        return cleaned


LEVEL_MESSAGES = {
    Level.NORMAL: gettext_lazy("The score is not raised."),
    Level.ELEVATED: gettext_lazy("The score is raised. Talk about it with the client."),
    Level.HIGH: gettext_lazy("The score is high. Talk about help with the client."),
}


def result_summary(result: ScreeningResult) -> dict[str, Any]:
    """Labels for showing a result (screening/_result.html), in the active language."""
    instrument = instrument_find(result.code)
    return {
        "result": result,
        "name": instrument.name_in(None) if instrument else result.code,
        "level_label": Level(result.level).label,
        "level_message": LEVEL_MESSAGES[Level(result.level)],
        "flags": [
            {"code": flag, "label": _label(Flag, flag) or _label(Domain, flag) or flag}
            for flag in result.flags
        ],
        "urgent_flags": [_label(Flag, flag) for flag in result.flags if flag in URGENT_FLAGS],
        "domains": [{"code": d, "label": _label(Domain, d) or d} for d in result.domains],
        "conversation_aid": not result.validated,
    }


def _label(choices: type[models.TextChoices], value: str) -> str:
    return choices(value).label if value in choices.values else ""
