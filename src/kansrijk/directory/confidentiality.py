"""Confidential addresses (a women's shelter, for example).

A confidential location's address is shown and exported only within the organisation that
manages it; everyone else gets only a contact route. Every read path (search results, the HSDS
API, exports) asks this one function.
"""

from kansrijk.directory.models import Location


def address_visible(*, location: Location, organisation_id: int | None) -> bool:
    if not location.is_confidential:
        return True
    owner_id = location.organization.managed_by_id if location.organization_id else None
    return owner_id is not None and owner_id == organisation_id
