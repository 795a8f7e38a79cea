import pytest
from kansrijk.directory.tests.test_editing import *  # noqa
from kansrijk.directory.tests.test_editing import _edit_url, _form_data, _rows

def test_dump(editor_client, service):
    services.service_update(service=service, expected_version=1, updated_by="t",
        phones=[{"number": "020 123 4567"}])
    r = editor_client.post(_edit_url(service), _form_data(service, version=2) | _rows(schedules=[{"days": ["FR"], "opens_at": "17:00", "closes_at": "09:00"}]))
    t = r.text
    i = t.index('id="error-summary"'); print(t[i:i+1500])
    i = t.index('id="phones_fieldset"'); print(t[i:i+5000])
