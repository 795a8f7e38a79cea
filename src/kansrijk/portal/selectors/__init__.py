"""Reads of the parent site, by concern. Other apps import only this package and services."""

from kansrijk.portal.selectors.help import *  # noqa: F403
from kansrijk.portal.selectors.nearby import *  # noqa: F403
from kansrijk.portal.selectors.pages import *  # noqa: F403
from kansrijk.portal.selectors.sites import *  # noqa: F403
