"""gunicorn's settings for Scorecard, read by `make serve` (docs/deploy.md).

Override any of them with gunicorn's own GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--bind 127.0.0.1:8103 --workers 5".
"""

wsgi_app = "scorecard.wsgi:application"
bind = "127.0.0.1:8000"  # loopback only: nginx in front terminates HTTPS
workers = 3
timeout = 120  # a large report's PDF can take a while to lay out
accesslog = "-"
# No control socket: systemd's signals manage gunicorn, and the default socket (in the home folder) would be
# shared by every gunicorn the same user runs.
control_socket_disable = True


def when_ready(server):
    """Print the one-time set-up code (a fresh database only) once, as the server starts: every worker accepts it."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings")
    import django
    from django.db import connections

    django.setup()
    from scorecard.council.first_run import announcement

    address = str(server.LISTENERS[0]) if server.LISTENERS else "http://127.0.0.1:8000"
    line = announcement(address if address.startswith("http") else "http://127.0.0.1:8000")
    if line:
        server.log.info(line)
    connections.close_all()  # the workers, forked next, open their own
