"""Bulk import of returns and targets from CSV or Excel (issue 5, items 1 and 2).

An import is read (reading.py), checked row by row into a plan that says what each row would do
(returns.py, targets.py), and only then committed, in one transaction (plans.commit_plan). The web upload
page and `manage.py import` both go this way, and every write goes through the same services and
permission checks as the web forms.
"""


class ImportProblem(Exception):
    """The file as a whole cannot be imported, or nothing was written; the message says why."""
