"""Scorecard's settings, all from the environment with safe defaults for development.

.env.example lists every variable. A bad value stops start-up with a message naming it.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
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


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_required(name: str, why: str) -> str:
    """A variable production cannot do without; development falls back to a default instead."""
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when SCORECARD_DEBUG is false: {why}")
    return value


DEBUG = env_bool("SCORECARD_DEBUG", True)
if DEBUG:
    SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY") or "development-only-not-secret"
    ALLOWED_HOSTS = os.environ.get("SCORECARD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'scorecard.sqlite3'}"
else:
    SECRET_KEY = env_required("SCORECARD_SECRET_KEY", "a long random string that signs sessions and links")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SCORECARD_SECRET_KEY must be at least 50 characters long")
    ALLOWED_HOSTS = env_required("SCORECARD_ALLOWED_HOSTS", "the host names the site answers to").split(",")
    DATABASE_URL = env_required(
        "DATABASE_URL", "the PostgreSQL database, e.g. postgres://scorecard@127.0.0.1/scorecard"
    )
ALLOWED_HOSTS = [host.strip() for host in ALLOWED_HOSTS if host.strip()]

# Production serves HTTPS only, behind a proxy (nginx) that terminates TLS and says so in X-Forwarded-Proto;
# docs/deploy.md. Development keeps plain HTTP on 127.0.0.1.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SCORECARD_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SCORECARD_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SCORECARD_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SCORECARD_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script of ours reads the cookie

INSTALLED_APPS = [
    "scorecard.web",  # first, so its sign-in and password pages win over the admin's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "csp",
    "axes",
    "django_htmx",
    "ninja",
    "scorecard.accounts",
    "scorecard.council",
    "scorecard.measures",
    "scorecard.returns",
    "scorecard.benchmarking",
    "scorecard.spc",
    "scorecard.reports",
    "scorecard.api",
    "scorecard.demo",
    "scorecard.backups",
    "scorecard.publications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scorecard.accounts.middleware.IdleSessionTimeout",
    "scorecard.accounts.middleware.NoStoreWhenSignedIn",
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

try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {error}") from None
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
AXES_FAILURE_LIMIT = env_int("SCORECARD_SIGN_IN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = 1  # hours locked out after too many failed sign-ins
# Failures are counted for the client's address and for each username from it, so a wrong password typed five times
# locks that address (and that username there), never the account for everyone. Behind nginx the address comes
# from X-Forwarded-For, trusting SCORECARD_TRUSTED_PROXIES proxies (0: no proxy, REMOTE_ADDR).
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
SCORECARD_TRUSTED_PROXIES = env_int("SCORECARD_TRUSTED_PROXIES", 0)
if SCORECARD_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("SCORECARD_TRUSTED_PROXIES must be 0 or more: the number of proxies before Scorecard")
AXES_CLIENT_IP_CALLABLE = "scorecard.accounts.client.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# A signed-in person who does nothing for this long is signed out.
SCORECARD_SESSION_IDLE_MINUTES = env_int("SCORECARD_SESSION_IDLE_MINUTES", 60)
if SCORECARD_SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("SCORECARD_SESSION_IDLE_MINUTES must be 1 or more: the minutes before an idle sign-out")
# Password reset emails: at most this many an hour to one address, and from one client address. They are sent
# after the answer, in the background, so the time taken does not tell whether an address has an account.
SCORECARD_RESET_EMAILS_PER_ADDRESS = 3
SCORECARD_RESET_EMAILS_PER_CLIENT = 10
SCORECARD_EMAIL_IN_BACKGROUND = True

# Password reset and reminders: printed to the console unless an SMTP host is set.
EMAIL_HOST = os.environ.get("SCORECARD_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("SCORECARD_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("SCORECARD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCORECARD_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SCORECARD_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("SCORECARD_EMAIL_FROM", "scorecard@localhost")
# The address people use to reach Scorecard, for links in emails.
if DEBUG:
    SITE_URL = os.environ.get("SCORECARD_SITE_URL") or "http://127.0.0.1:8000"
else:
    SITE_URL = env_required("SCORECARD_SITE_URL", "the https:// address people use, for links in emails")
# How long an invitation's set-password link works.
SCORECARD_INVITATION_DAYS = env_int("SCORECARD_INVITATION_DAYS", 7)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# collectstatic gathers the files here; WhiteNoise serves them, compressed and with names that change with
# their content, so browsers may keep them for a year. Development serves them straight from the apps.
STATIC_ROOT = os.environ.get("SCORECARD_STATIC_ROOT") or BASE_DIR / "var" / "static"
if DEBUG:
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise looks here before the apps' folders
# Published versions' files (docs/publishing.md): local files under SCORECARD_PUBLICATIONS_ROOT by default; a council
# may point "publications" at any Django storage backend (S3, Azure, …) in its own settings.
PUBLICATIONS_ROOT = os.environ.get("SCORECARD_PUBLICATIONS_ROOT") or BASE_DIR / "var" / "publications"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "publications": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PUBLICATIONS_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Only our own files: no inline script or style, so an injected one does not run (docs/deploy.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The largest file the import page accepts, in bytes (the command line allows more).
SCORECARD_IMPORT_MAX_BYTES = env_int("SCORECARD_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# A PDF or Word download laid out for a request stops after this many seconds (a 503 page says so), and one client
# may have at most this many laid out a minute (a 429 page); 0 turns the count off.
SCORECARD_DOCUMENT_SECONDS = env_int("SCORECARD_DOCUMENT_SECONDS", 90)
SCORECARD_DOCUMENTS_PER_MINUTE = env_int("SCORECARD_DOCUMENTS_PER_MINUTE", 10)
# Publishing lays out each report's PDF and Word document in a child process stopped after this many seconds.
SCORECARD_PUBLISH_SECONDS = env_int("SCORECARD_PUBLISH_SECONDS", 600)

# Where demo data lives; `manage.py load_demo` reads it, and the real series for SPC from the shared data beside
# the clone (left out, with a note, where that is absent).
DEMO_DIR = BASE_DIR / "demo"
DEMO_DATA_DIR = BASE_DIR.parent / "shared" / "data"
