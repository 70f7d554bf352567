"""`manage.py status`: the status word for scripts and spot checks."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def status(*args: str) -> str:
    out = StringIO()
    call_command("status", *args, stdout=out)
    return out.getvalue().strip()


def test_it_prints_the_status_word():
    assert status("--target", "500", "--actual", "475", "--good-is", "high") == "Amber"
    assert status("--target", "4.2", "--actual", "6.2", "--good-is", "low") == "Red"
    assert status("--target", "42,005", "--actual", "38,551") == "Red"


def test_it_rates_milestones():
    assert status("--target", "On track", "--actual", "Some slippage") == "Amber"
    assert status("--actual", "Completed", "--completed", "blue") == "Blue"


def test_it_takes_a_measures_tolerances():
    assert status("--target", "90", "--actual", "85", "--absolute", "--amber-margin", "5") == "Amber"
    assert status("--target", "100", "--actual", "150", "--blue-margin", "none") == "Green"


def test_without_a_target_it_says_so():
    assert status("--actual", "61") == "No target"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "x", "--actual", "5"], "neither a number nor a progress word"),
        (["--target", "5", "--actual", "5", "--good-is", "up"], '"good is"'),
        (["--target", "5", "--actual", "5", "--completed", "red"], "blue or green"),
        (["--target", "5", "--actual", "NaN"], "not a finite number"),
    ],
)
def test_bad_input_gets_a_one_line_message(args, message):
    with pytest.raises(CommandError, match=message):
        status(*args)
