"""Benchmarks for Kansrijk: `make bench` (= `python -m bench`). See bench/run.py."""

# Bump when the generated directory changes, so cached benchmark databases are rebuilt.
GENERATOR_VERSION = 1
