"""Forms for editing the sociale kaart. Labels come from the models' verbose names, so they
are Dutch with the rest of the UI; the forms only validate, the services package writes."""

from kansrijk.directory.forms.common import (
    COLLECTION_ARGUMENTS,
    MAX_WAIT_WEEKS,
    POSTCODE,
    SERVICE_SCALAR_FIELDS,
    TERM_FIELDS,
    EditForm,
    area_choices,
    area_municipalities,
    location_label,
    term_choices,
)
from kansrijk.directory.forms.location import (
    LocationForm,
    location_form_initial,
)
from kansrijk.directory.forms.rows import (
    DAY_CODES,
    LANGUAGE_CODE,
    PHONE_NUMBER,
    ROW_FORMSETS,
    ROW_KEY,
    CostOptionForm,
    LanguageForm,
    PhoneForm,
    RowForm,
    RowFormSet,
    ScheduleForm,
    ServiceRows,
)
from kansrijk.directory.forms.service import (
    ServiceForm,
    VerifyForm,
    service_form_initial,
)

__all__ = [
    "MAX_WAIT_WEEKS",
    "POSTCODE",
    "TERM_FIELDS",
    "COLLECTION_ARGUMENTS",
    "SERVICE_SCALAR_FIELDS",
    "EditForm",
    "term_choices",
    "area_municipalities",
    "area_choices",
    "location_label",
    "ServiceForm",
    "service_form_initial",
    "VerifyForm",
    "PHONE_NUMBER",
    "LANGUAGE_CODE",
    "DAY_CODES",
    "ROW_KEY",
    "RowForm",
    "PhoneForm",
    "ScheduleForm",
    "LanguageForm",
    "CostOptionForm",
    "RowFormSet",
    "ROW_FORMSETS",
    "ServiceRows",
    "LocationForm",
    "location_form_initial",
]
