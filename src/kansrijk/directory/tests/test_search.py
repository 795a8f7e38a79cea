"""Dutch-aware matching and ranking of the search index (directory.search)."""

import pytest

from kansrijk.directory import search
from kansrijk.directory.constants import LINK_TYPE_THEME
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.models import Attribute, SearchPosting, SearchTerm, Service
from kansrijk.directory.selectors import service_search
from kansrijk.directory.tests.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _indexed(**fields) -> Service:
    service = ServiceFactory(**{"description": "", **fields})
    search.search_index_update(service_ids=[service.pk])
    return service


def _names(query: str) -> list[str]:
    return [s.name for s in service_search(query=query)]


def test_a_dutch_word_finds_the_compound_that_starts_with_its_stem():
    _indexed(name="Schuldhulpverlening")
    _indexed(name="Kraamzorg")

    assert _names("schulden") == ["Schuldhulpverlening"]


def test_an_inflected_word_finds_its_stem_in_the_description():
    _indexed(name="Gezinscoach", description="Steun voor gezinnen met schulden.")

    assert _names("schuld") == ["Gezinscoach"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [("Coöperatie De Linde", "cooperatie"), ("Cooperatie De Linde", "coöperatie")],
)
def test_accents_do_not_matter_either_way(written, searched):
    _indexed(name=written)

    assert _names(searched) == [written]


@pytest.mark.parametrize(
    "typo",
    [
        "kraamzrog",  # transposition
        "kraamzorgg",  # insertion
        "kramzorg",  # deletion
        "kraamzerg",  # substitution
    ],
)
def test_one_typo_in_a_long_word_still_matches(typo):
    _indexed(name="Kraamzorg")

    assert _names(typo) == ["Kraamzorg"]


def test_a_typo_in_a_short_word_does_not_match():
    _indexed(name="Taalcafé")

    assert _names("taak") == []


def test_two_typos_do_not_match():
    _indexed(name="Kraamzorg")

    assert _names("krazmzrog") == []


def test_a_typo_finds_compounds_of_the_word_it_meant():
    _indexed(name="Schuldhulpverlening")
    _indexed(name="Schulden", description="Hulp bij schulden.")

    assert set(_names("shculden")) == {"Schuldhulpverlening", "Schulden"}


def test_it_searches_alternate_name_organisation_description_eligibility_and_terms():
    organisation = OrganizationFactory(name="Stichting Zonnestraal")
    by_alternate = _indexed(name="Spreekuur A", alternate_name="Babycafé")
    by_organisation = _indexed(name="Spreekuur B", organization=organisation)
    by_description = _indexed(name="Spreekuur C", description="Wij helpen bij voorlezen.")
    by_eligibility = _indexed(name="Spreekuur D", eligibility_description="Tienerouders.")
    by_theme = ServiceFactory(name="Spreekuur E", description="")
    Attribute.objects.create(
        link_id=by_theme.pk,
        link_entity="service",
        link_type=LINK_TYPE_THEME,
        taxonomy_term_id=term_id("housing"),
    )
    search.search_index_update(service_ids=[by_theme.pk])

    assert _names("babycafe") == [by_alternate.name]
    assert _names("zonnestraal") == [by_organisation.name]
    assert _names("voorlezen") == [by_description.name]
    assert _names("tienerouders") == [by_eligibility.name]
    assert _names("wonen") == [by_theme.name]


def test_more_matched_words_rank_first_then_name_over_description_then_name():
    _indexed(name="Aa voedselbank")  # one word, in the name
    _indexed(name="Bb", description="Voedselbank en schulden")  # both words
    _indexed(name="Cc", description="De voedselbank")  # one word, in the description
    _indexed(name="Ab voedselbank")  # one word, in the name

    assert _names("voedselbank schulden") == ["Bb", "Aa voedselbank", "Ab voedselbank", "Cc"]


def test_an_exact_word_ranks_above_a_prefix_of_it_in_the_same_field():
    _indexed(name="Schuldhulpverlening")
    _indexed(name="Schulden")

    assert _names("schulden") == ["Schulden", "Schuldhulpverlening"]


def test_stop_words_in_a_query_are_ignored():
    _indexed(name="Voedselbank")
    _indexed(name="Hulp voor de buurt", description="Voor een ieder.")

    assert _names("de voedselbank voor") == ["Voedselbank"]


def test_a_query_without_words_lists_everything_by_name():
    _indexed(name="Bb")
    _indexed(name="Aa")

    assert _names("  ?! ") == ["Aa", "Bb"]


def test_an_unknown_word_finds_nothing():
    _indexed(name="Kraamzorg")

    assert _names("tandarts") == []


def test_updating_the_index_follows_a_renamed_service():
    service = _indexed(name="Voedselbank")
    Service.objects.filter(pk=service.pk).update(name="Kledingbank")
    search.search_index_update(service_ids=[service.pk])

    assert _names("voedselbank") == []
    assert _names("kledingbank") == ["Kledingbank"]


def test_a_full_rebuild_gives_the_same_index_as_updates_and_forgets_unused_words():
    first = _indexed(name="Voedselbank", description="Pakketten voor gezinnen.")
    second = _indexed(name="Taalcafé", description="Samen Nederlands oefenen.")
    by_update = set(SearchPosting.objects.values_list("document__service", "term__text", "weight"))
    Service.objects.filter(pk=first.pk).update(description="")

    search.search_index_update()

    rebuilt = set(SearchPosting.objects.values_list("document__service", "term__text", "weight"))
    assert rebuilt == {p for p in by_update if p[0] != first.pk or p[2] > 1}
    assert not SearchTerm.objects.filter(text__startswith="pakket").exists()
    assert (second.pk, search.stem("taalcafe"), search.WEIGHT_NAME) in rebuilt


def test_a_rebuild_of_an_empty_directory_leaves_an_empty_index():
    search.search_index_update()

    assert not SearchPosting.objects.exists()
    assert not SearchTerm.objects.exists()


def test_a_deleted_service_leaves_the_results():
    service = _indexed(name="Voedselbank")
    service.delete()

    assert _names("voedselbank") == []


def test_words_are_folded_and_split_without_stop_words():
    assert search.words("De Coöperatie, de BABY's & 0-2 jaar") == {
        "cooperatie",
        "baby",
        "0",
        "2",
        "jaar",
    }


def test_within_one_edit_knows_the_four_kinds_of_typo():
    assert search.within_one_edit("kraamzorg", "kraamzrog")
    assert search.within_one_edit("kraamzorg", "kraamzorgg")
    assert search.within_one_edit("kraamzorg", "kramzorg")
    assert search.within_one_edit("kraamzorg", "kraamzerg")
    assert not search.within_one_edit("kraamzorg", "krazmzrog")
    assert not search.within_one_edit("abc", "bca")
