"""A synthetic council at any scale (`manage.py make_council`), for benchmarks and trying Scorecard big."""

from scorecard.demo.synthetic.council import CouncilExists, Scale, make_council

__all__ = ["CouncilExists", "Scale", "make_council"]
