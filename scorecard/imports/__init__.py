"""Bulk import of returns and targets (issue 5, items 1 and 2), and of a catalogue and its history (item 4).

An import is read (reading.py), checked row by row into a plan that says what each row would do
(returns.py, targets.py, catalogue.py, history.py; lgbf.py reads a named source into our shapes), and only
then committed, in one transaction (plans.commit_plan). The web upload page and `manage.py import` both go
this way, and every write goes through the same services and permission checks as the web forms.
"""


class ImportProblem(Exception):
    """The file as a whole cannot be imported, or nothing was written; the message says why."""
