import factory

from kansrijk.organisations.constants import Domain
from kansrijk.organisations.models import Coalition, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    domain = Domain.SOCIAL


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition

    slug = factory.Sequence(lambda n: f"coalitie-{n}")
    name = factory.Sequence(lambda n: f"Coalitie {n}")
