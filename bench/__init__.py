"""Scorecard's benchmarks: `make bench` runs them (python -m bench.run) and writes bench/RESULTS.md."""
