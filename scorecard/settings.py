"""Scorecard's settings, all from the environment with safe defaults for development.

.env.example lists every variable. A bad value stops start-up with a message naming it.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


DEBUG = env_bool("SCORECARD_DEBUG", True)
SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SCORECARD_SECRET_KEY must be set when SCORECARD_DEBUG is false")
    SECRET_KEY = "development-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = [h for h in os.environ.get("SCORECARD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "scorecard.web",  # first, so its sign-in and password pages win over the admin's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "django_htmx",
    "ninja",
    "scorecard.accounts",
    "scorecard.council",
    "scorecard.measures",
    "scorecard.returns",
    "scorecard.reports",
    "scorecard.api",
    "scorecard.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scorecard.urls"
WSGI_APPLICATION = "scorecard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scorecard.web.context.organisation",
                "scorecard.web.context.work",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'scorecard.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["NAME"] = str(DATABASES["default"]["NAME"])
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # counts failed sign-ins and locks out
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SCORECARD_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = 1  # hours locked out after too many failed sign-ins
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Password reset and reminders: printed to the console unless an SMTP host is set.
EMAIL_HOST = os.environ.get("SCORECARD_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("SCORECARD_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("SCORECARD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCORECARD_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SCORECARD_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("SCORECARD_EMAIL_FROM", "scorecard@localhost")
# The address people use to reach Scorecard, for links in emails.
SITE_URL = os.environ.get("SCORECARD_SITE_URL", "http://127.0.0.1:8000")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The largest file the import page accepts, in bytes (the command line allows more).
SCORECARD_IMPORT_MAX_BYTES = int(os.environ.get("SCORECARD_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))

# Where demo data lives; `manage.py load_demo` reads it.
DEMO_DIR = BASE_DIR / "demo"
