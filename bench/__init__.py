"""Benchmarks and soaks: run with `python -m bench …`; they print tables, never assert."""
