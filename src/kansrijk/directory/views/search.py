"""The public search page of the sociale kaart: /sociale-kaart/ (no log-in; no client data).

A GET form that works without JavaScript. The neighbourhood list belongs to the chosen
municipality, so it fills after the first search with a municipality.
"""

import re
from html import escape
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.forms.utils import flatatt
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from kansrijk.directory import selectors

# GET parameters are Dutch: they show in the address bar and in shared links. The page links
# in search.html use the same name.
PAGE_PARAMETER = "pagina"
QUERY_MAX_LENGTH = 200
_BU_CODE = re.compile(r"^BU\d{4}[0-9A-Z]{4}$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)


class _Select(forms.Select):
    """A select that renders its options in Python: the municipality list has 342 of them,
    and Django's per-option templates made the page several times slower."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        selected = "" if value is None else str(value)
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})

        def options(choices) -> str:
            return "".join(
                f'<option value="{escape(str(key))}"'
                f"{' selected' if str(key) == selected else ''}>{escape(str(label))}</option>"
                for key, label in choices
            )

        parts = []
        for key, label in self.choices:
            if isinstance(label, list | tuple):
                parts.append(f'<optgroup label="{escape(str(key))}">{options(label)}</optgroup>')
            else:
                parts.append(options([(key, label)]))
        return mark_safe(f"<select{flatatt(attrs)}>{''.join(parts)}</select>")


class ServiceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search words"),
        widget=forms.TextInput(attrs={"type": "search"}),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        help_text=_("For example: schulden, kraamzorg or taalcafé."),
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    gemeente = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        widget=_Select,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    buurt = forms.ChoiceField(
        label=_("Neighbourhood"),
        required=False,
        widget=_Select,
        error_messages={"invalid_choice": _("Choose a neighbourhood from the list.")},
    )
    thema = forms.MultipleChoiceField(
        label=_("Theme"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose themes from the list.")},
    )
    doelgroep = forms.MultipleChoiceField(
        label=_("Target group"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose target groups from the list.")},
    )
    fase = forms.MultipleChoiceField(
        label=_("Phase"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose phases from the list.")},
    )
    # Any well-formed language code, not only those listed: the list is a few minutes old
    # at most, and a shared link to a language no service offers (yet) finds nothing.
    taal = forms.CharField(
        label=_("Language spoken"),
        required=False,
        max_length=10,
        widget=_Select,
        validators=[RegexValidator(_LANGUAGE_CODE, message=_("Choose a language from the list."))],
        error_messages={"max_length": _("Choose a language from the list.")},
    )
    gratis = forms.BooleanField(label=_("Free of charge"), required=False)
    zelf_aanmelden = forms.BooleanField(label=_("Self-referral possible"), required=False)

    def __init__(self, data=None, *, options: selectors.SearchOptions, **kwargs):
        if data is not None:
            # CBS codes typed by hand in lower case are still the same place.
            data = data.copy()
            for name in ("gemeente", "buurt"):
                if name in data:
                    data[name] = data[name].strip().upper()
        super().__init__(data, **kwargs)
        fields = self.fields
        fields["gemeente"].choices = [("", _("All municipalities")), *options.municipalities]
        fields["buurt"].choices = [
            ("", _("The whole municipality")),
            *(
                (district or _("Other neighbourhoods"), hoods)
                for district, hoods in options.neighbourhoods
            ),
        ]
        fields["thema"].choices = options.themes
        fields["doelgroep"].choices = options.target_groups
        fields["fase"].choices = options.phases
        languages = [("", _("Any language")), *options.languages]
        asked = (self.data.get("taal") or "").strip().lower() if self.is_bound else ""
        if _LANGUAGE_CODE.match(asked) and asked not in dict(languages):
            languages.append((asked, selectors.language_label(code=asked)))
        fields["taal"].widget.choices = languages
        fields["q"].widget.attrs["class"] = "utrecht-textbox"
        for name in ("gemeente", "buurt", "taal"):
            fields[name].widget.attrs["class"] = "utrecht-select"
        for name in ("gratis", "zelf_aanmelden"):
            fields[name].widget.attrs["class"] = "utrecht-checkbox"

    def clean_taal(self) -> str:
        return self.cleaned_data["taal"].strip().lower()

    def has_criteria(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def search_filters(self) -> dict[str, Any]:
        """The form's values as service_search() arguments."""
        data = self.cleaned_data
        return {
            "query": data["q"].strip(),
            "municipality_code": data["gemeente"] or None,
            "neighbourhood_code": data["buurt"] or None,
            "theme_codes": data["thema"],
            "target_group_codes": data["doelgroep"],
            "phase_codes": data["fase"],
            "language_code": data["taal"] or None,
            "free_of_charge": data["gratis"],
            "self_referral": data["zelf_aanmelden"],
        }

    @property
    def more_filters_open(self) -> bool:
        """Open the extra filters when one of them is in use or has an error."""
        extra = ("thema", "doelgroep", "fase", "taal", "gratis", "zelf_aanmelden")
        return any(self.data.get(name) for name in extra) or any(n in self.errors for n in extra)


def _municipality_of(params) -> str | None:
    """The municipality whose neighbourhoods the form offers: the chosen one, else the one a
    neighbourhood code lies in (BUggggwwbb lies in GMgggg)."""
    code = (params.get("gemeente") or "").strip().upper()
    if code:
        return code
    hood = (params.get("buurt") or "").strip().upper()
    return "GM" + hood[2:6] if _BU_CODE.match(hood) else None


def search(request: HttpRequest) -> HttpResponse:
    options = selectors.search_options(municipality_code=_municipality_of(request.GET))
    bound = any(value for key, value in request.GET.items() if key != PAGE_PARAMETER)
    form = ServiceSearchForm(request.GET if bound else None, options=options)
    context: dict[str, Any] = {"form": form}
    status = 200
    if bound and not form.is_valid():
        status = 400
    elif bound and form.has_criteria():
        context["results"] = selectors.service_search_page(
            filters=form.search_filters(),
            page_number=request.GET.get(PAGE_PARAMETER),
            organisation_id=getattr(request.user, "organisation_id", None),
        )
    return render(request, "directory/search.html", context, status=status)


urlpatterns = [path("", search, name="search")]
