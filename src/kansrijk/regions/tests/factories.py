"""Areas entered by name, as a coalition would before CBS names them: never with a made-up code.
Real coded areas come from ../shared/data (see src/kansrijk/conftest.py)."""

import factory

from kansrijk.regions.models import District, Municipality, Neighbourhood


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


class DistrictByNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    code = None
    name = factory.Sequence(lambda n: f"Wijk zonder code {n}")
    municipality = factory.LazyFunction(lambda: municipality("GM0479"))


class NeighbourhoodByNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    code = None
    name = factory.Sequence(lambda n: f"Buurt zonder code {n}")
    municipality = factory.LazyFunction(lambda: municipality("GM0479"))
    district = None
