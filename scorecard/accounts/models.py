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


class Invitation(models.Model):
    """An invitation to set a password, sent by email; only a hash of its link's token is kept."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="invitation")
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    invited_at = models.DateTimeField(help_text="When the person was first invited.")
    sent_at = models.DateTimeField(help_text="When the latest email was sent; each resend gives a new link.")
    expires_at = models.DateTimeField()
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the link's token.")
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Invitation of {self.user}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None


class PersonEvent(models.Model):
    """What happened to a person's account, and who did it: invited, roles changed, switched off or on."""

    class Kind(models.TextChoices):
        INVITED = "invited", "Invited"
        INVITATION_RESENT = "invitation_resent", "Invitation sent again"
        INVITATION_ACCEPTED = "invitation_accepted", "Set a password from the invitation"
        ROLES_CHANGED = "roles_changed", "Roles changed"
        SWITCHED_OFF = "switched_off", "Switched off"
        SWITCHED_ON = "switched_on", "Switched back on"

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"


class PasswordResetRequest(models.Model):
    """A request for a password reset email, kept a day to limit how many each address and client may ask for."""

    address_digest = models.CharField(max_length=64, db_index=True, help_text="SHA-256 of the address, lower case.")
    client = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"Password reset asked for at {self.at:%Y-%m-%d %H:%M}"
