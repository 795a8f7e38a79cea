"""Writes of the parent site, by concern. Other apps import only this package and selectors."""

from kansrijk.portal.services.help_requests import *  # noqa: F403
from kansrijk.portal.services.pages import *  # noqa: F403
