"""Attendance, the presence lists per register (CSV) and the certificate (PDF)."""

import csv
import io
import re
import zlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kansrijk.trainings import services
from kansrijk.trainings.constants import Attendance, Profession, Register
from kansrijk.trainings.tests.factories import accredit


@pytest.fixture
def participants(past_edition):
    def register(name, profession, register, number):
        return services.registration_create(
            edition=past_edition,
            name=name,
            organisation_name="Verloskundigen Heerlen",
            profession=profession,
            register=register,
            register_number=number,
        )

    return {
        "anna": register("Anna de Vries", Profession.MIDWIFE, Register.KNOV, "19012345601"),
        "bram": register("Bram Jansen", Profession.MIDWIFE, Register.KNOV, "29012345602"),
        "carla": register("Carla Smit", Profession.MIDWIFE, Register.KNOV, "39012345603"),
        "dewi": register("Dewi Bakker", Profession.NURSE, Register.VVN, "12345678"),
    }


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_attendance_cannot_be_recorded_before_the_edition_starts(edition):
    registration = services.registration_create(
        edition=edition, name="Anna de Vries", profession=Profession.MIDWIFE
    )
    with pytest.raises(ValidationError):
        services.attendance_record(registration=registration, attendance=Attendance.PRESENT)


def test_partly_present_needs_fewer_hours_than_the_training(participants):
    with pytest.raises(ValidationError) as refused:
        services.attendance_record(
            registration=participants["anna"], attendance=Attendance.PARTLY, hours_attended="6"
        )
    assert "hours_attended" in refused.value.message_dict
    services.attendance_record(
        registration=participants["anna"], attendance=Attendance.PARTLY, hours_attended="2,5"
    )
    participants["anna"].refresh_from_db()
    assert participants["anna"].hours_attended == Decimal("2.5")


def test_the_presence_list_per_register_has_number_name_hours_and_points(
    past_edition, participants, coordinator, login_as
):
    accredit(past_edition.course, Register.KNOV, points="6")
    accredit(past_edition.course, Register.VVN, points="5")
    client = login_as(coordinator)
    base = f"/scholing/beheer/editie/{past_edition.uuid}/"
    response = client.post(
        base + "aanwezigheid/",
        {
            f"attendance-{participants['anna'].uuid}": Attendance.PRESENT,
            f"attendance-{participants['bram'].uuid}": Attendance.PARTLY,
            f"hours-{participants['bram'].uuid}": "3",
            f"attendance-{participants['carla'].uuid}": Attendance.ABSENT,
            f"attendance-{participants['dewi'].uuid}": Attendance.PRESENT,
        },
    )
    assert response.status_code == 302

    knov = client.get(base + "presentielijst-knov.csv")
    assert knov.status_code == 200
    assert knov["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv(knov)
    assert rows[0][:5] == ["BIG-nummer", "Naam", "Organisatie", "Uren", "Punten"]
    # Carla was absent: not on the list; Bram partly: his hours, no points.
    assert [row[:5] for row in rows[1:]] == [
        ["19012345601", "Anna de Vries", "Verloskundigen Heerlen", "6", "6"],
        ["29012345602", "Bram Jansen", "Verloskundigen Heerlen", "3", "0"],
    ]
    assert rows[1][5] == "KNOV-TEST-1"

    vvn = _csv(client.get(base + "presentielijst-vvn.csv"))
    assert vvn[0][0] == "V&VN-registratienummer"
    assert [row[:5] for row in vvn[1:]] == [
        ["12345678", "Dewi Bakker", "Verloskundigen Heerlen", "6", "5"]
    ]


def test_wrong_hours_keep_the_whole_attendance_unsaved(
    past_edition, participants, coordinator, login_as
):
    response = login_as(coordinator).post(
        f"/scholing/beheer/editie/{past_edition.uuid}/aanwezigheid/",
        {
            f"attendance-{participants['anna'].uuid}": Attendance.PRESENT,
            f"attendance-{participants['bram'].uuid}": Attendance.PARTLY,
        },
    )
    assert response.status_code == 400
    assert "Vul de gevolgde uren in" in response.content.decode()
    participants["anna"].refresh_from_db()
    assert participants["anna"].attendance == ""


def _pdf_text(content: bytes) -> str:
    """The text drawn on a WeasyPrint PDF's pages: its TJ glyph strings decoded through the
    fonts' ToUnicode maps (WeasyPrint writes 2-byte glyph ids). Enough to find a name without
    a PDF library."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    glyphs: dict[str, str] = {}
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                glyphs[source.decode().upper()] = bytes.fromhex(target.decode()).decode("utf-16-be")
    lines = []
    for stream in streams:
        for array in re.findall(rb"\[(.*?)\]\s*TJ", stream, re.S):
            lines.append(
                "".join(
                    glyphs.get(glyph.decode().upper(), "?")
                    for glyph in re.findall(rb"<([0-9A-Fa-f]{4})>", array)
                )
            )
    return "\n".join(lines)


def test_the_certificate_is_a_pdf_with_the_participants_name(
    past_edition, participants, coordinator, login_as
):
    pytest.importorskip("weasyprint")
    accredit(past_edition.course, Register.KNOV, points="6")
    services.attendance_record(registration=participants["anna"], attendance=Attendance.PRESENT)

    response = login_as(coordinator).get(
        f"/scholing/aanmelding/{participants['anna'].uuid}/certificaat.pdf"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    assert "Anna de Vries" in text
    assert "Positieve Gezondheid" in text


def test_no_certificate_for_someone_absent(past_edition, participants, coordinator, login_as):
    services.attendance_record(registration=participants["carla"], attendance=Attendance.ABSENT)
    response = login_as(coordinator).get(
        f"/scholing/aanmelding/{participants['carla'].uuid}/certificaat.pdf"
    )
    assert response.status_code == 404
