"""Kansrijk's rules engine: DMN decision tables and FEEL, in plain Python.

No Django here, and no Python is ever evaluated from rule text: FEEL is parsed and compiled
into closures by our own parser. Use it through `kansrijk.rules.dmn`.
"""
