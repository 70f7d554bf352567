"""People and their roles, each role scoped to a directorate where it needs one."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from scorecard.council.models import Directorate


class User(AbstractUser):
    """A person who signs in: an officer, an approver, the performance team or a reader."""

    job_title = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    MEASURE_OWNER = "measure_owner", "Measure owner"
    DIRECTORATE_APPROVER = "directorate_approver", "Directorate approver"
    PERFORMANCE_TEAM = "performance_team", "Performance team"
    READER = "reader", "Reader"


DIRECTORATE_ROLES = (Role.MEASURE_OWNER, Role.DIRECTORATE_APPROVER)


class RoleAssignment(models.Model):
    """A role a person holds; owners and approvers hold theirs in one directorate."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=30, choices=Role.choices)
    directorate = models.ForeignKey(Directorate, on_delete=models.CASCADE, null=True, blank=True)

    class Meta:
        ordering = ["user__username", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "directorate"], name="role_held_once"),
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in DIRECTORATE_ROLES], directorate__isnull=False)
                | (~models.Q(role__in=[r.value for r in DIRECTORATE_ROLES]) & models.Q(directorate__isnull=True)),
                name="directorate_given_for_directorate_roles_only",
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.directorate})" if self.directorate_id else ""
        return f"{self.user}: {self.get_role_display()}{where}"

    def clean(self) -> None:
        scoped = self.role in DIRECTORATE_ROLES
        if scoped and not self.directorate_id:
            raise ValidationError({"directorate": "Owners and approvers hold their role in a directorate."})
        if not scoped and self.directorate_id:
            raise ValidationError({"directorate": "This role covers the whole council: leave the directorate empty."})
