"""Kansrijk: a platform for the Dutch Kansrijke Start coalitions."""

__version__ = "0.1.0"
