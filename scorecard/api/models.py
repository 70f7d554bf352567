"""API tokens: each person's keys for the JSON API, created and revoked by themselves."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A key a person gives a program so it acts as them. Only a hash is kept: the key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. “Power BI refresh”.")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the key.")
    hint = models.CharField(max_length=12, help_text="The key's first characters, to tell tokens apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
