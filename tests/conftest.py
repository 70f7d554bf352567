import pytest

pytest_plugins = ["tests.separately"]  # empty_database, for the backup tests


@pytest.fixture(autouse=True)
def _static_files_without_a_build(settings):
    """Pages render in tests without the compiled stylesheet's manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing test passwords properly would make the suite minutes slower and test nothing of ours."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
