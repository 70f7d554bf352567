"""Django's development server, which also prints the one-time set-up code while the council is not set up."""

from django.contrib.staticfiles.management.commands.runserver import Command as StaticRunserver

from scorecard.council.first_run import announcement


class Command(StaticRunserver):
    def on_bind(self, server_port):
        super().on_bind(server_port)
        host = f"[{self.addr}]" if self._raw_ipv6 else ("0.0.0.0" if self.addr == "0" else self.addr)  # noqa: S104
        line = announcement(f"{self.protocol}://{host}:{server_port}")
        if line:
            self.stdout.write(line)
