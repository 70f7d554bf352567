import pytest
from hypothesis import settings

from tests import factories
from tests.publications.erasing import erase_kept_versions

# The suite's property tests stay quick; `make fuzz` runs them with the "fuzz" profile's many more examples.
settings.register_profile("suite", max_examples=150, deadline=None)
settings.register_profile("fuzz", max_examples=2_000, deadline=None)
settings.load_profile("suite")

pytest_plugins = ["tests.separately"]  # empty_database, for the backup tests


@pytest.fixture(autouse=True)
def _static_files_without_a_build(settings):
    """Pages render in tests without the compiled stylesheet's manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _publications_kept_apart(settings, tmp_path):
    """Each test's published versions go to a folder of its own, never to the developer's var/publications."""
    settings.STORAGES = {
        **settings.STORAGES,
        "publications": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture(autouse=True)
def _kept_versions_erased_after_a_test_that_commits(request):
    """A browser test commits, and the database refuses to delete kept versions: erase them before it is emptied
    (the database helper is asked for first, so that it empties the database after this)."""
    marker = request.node.get_closest_marker("django_db")
    commits = bool(marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if commits:
        request.getfixturevalue("_django_db_helper")
    yield
    if commits:
        erase_kept_versions()


@pytest.fixture(autouse=True)
def _counts_start_afresh():
    """Counts kept in the cache (documents a minute) belong to one test, not to the whole run."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing test passwords properly would make the suite minutes slower and test nothing of ours."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _emails_sent_at_once(settings):
    """Password reset emails go in a background thread in production; tests read the outbox straight after."""
    settings.SCORECARD_EMAIL_IN_BACKGROUND = False


@pytest.fixture
def officer():
    """A measure owner in Corporate Resources; pages that need someone else define their own."""
    return factories.person("officer", "measure_owner", "Corporate Resources")


@pytest.fixture
def performance():
    return factories.person("performance", "performance_team")
