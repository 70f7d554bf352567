"""Benchmarking: areas, comparator groups, external measures and their comparison values, mapped to our measures."""
