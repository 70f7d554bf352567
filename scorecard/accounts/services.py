"""Every write to a person's account: invitations, roles, switching off and on, each kept with who did it.

Only the performance team manages people (permissions.manages_people). A refused change raises
django.core.exceptions.ValidationError (bad input: a clear message for the form; person_invite's codes are
"required", "invalid", "invited" and "held") or PermissionDenied.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from scorecard.accounts import permissions
from scorecard.accounts.models import DIRECTORATE_ROLES, Invitation, PersonEvent, Role, RoleAssignment, User
from scorecard.accounts.selectors import role_names
from scorecard.council.models import Directorate, OrganisationSettings

EXPIRED = "This invitation link has expired. Ask the performance team to send the invitation again."
USED = "This invitation link has been used already. Sign in with the password you chose, or reset it."
UNKNOWN = "This invitation link is not one Scorecard sent, or a newer invitation has replaced it."


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def day(when) -> str:
    return dateformat.format(timezone.localtime(when), "j F Y")


def checked_email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        raise ValidationError("Enter the person's email address", code="required")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            f"“{email}” is not an email address: enter it in the form name@example.gov.uk", code="invalid"
        ) from None
    return email


def refuse_known_address(email: str) -> None:
    """An address already invited is sent again from the person's page; one already held is that person."""
    known = User.objects.filter(email__iexact=email).select_related("invitation").first()
    if known is None:
        return
    invitation = getattr(known, "invitation", None)
    if invitation is not None and invitation.is_pending:
        raise ValidationError(
            f"{email} was invited on {day(invitation.invited_at)} — resend the invitation from their page",
            code="invited",
        )
    raise ValidationError(
        f"{email} already belongs to {known} ({known.username}): find them on the People page", code="held"
    )


def username_for(email: str) -> str:
    """The address's part before the @, lower case, numbered if someone holds it already (jo.bloggs-2)."""
    base = re.sub(r"[^\w.+-]", "", email.split("@")[0].lower())[:140] or "person"
    name, number = base, 1
    while User.objects.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}-{number}"
    return name


def names_of(full_name: str) -> tuple[str, str]:
    """ "Jo Anne Bloggs" → ("Jo Anne", "Bloggs"), so the full name reads back as typed."""
    words = " ".join(full_name.split())
    first, _, last = words.rpartition(" ")
    return (first, last) if first else (words, "")


def refuse_unless_manager(by) -> None:
    if not permissions.manages_people(by):
        raise PermissionDenied("Only the performance team manages people.")


@transaction.atomic
def person_invite(*, email: str, by, full_name: str = "") -> User:
    """A new person, with no password yet, emailed a link to choose one once this change is committed."""
    refuse_unless_manager(by)
    email = checked_email(email)
    refuse_known_address(email)
    first, last = names_of(full_name)
    person = User(username=username_for(email), email=email, first_name=first[:150], last_name=last[:150])
    person.set_unusable_password()
    person.save()
    now = timezone.now()
    invitation = Invitation(user=person, invited_by=by, invited_at=now)
    token = new_link(invitation, now)
    PersonEvent.objects.create(person=person, kind=PersonEvent.Kind.INVITED, by=by, detail=f"Sent to {email}")
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return person


def new_link(invitation: Invitation, now) -> str:
    """A fresh token for the invitation (any earlier link stops working), saved as its hash."""
    token = secrets.token_urlsafe(32)
    invitation.digest = digest_of(token)
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.SCORECARD_INVITATION_DAYS)
    invitation.save()
    return token


@transaction.atomic
def invitation_resend(*, person: User, by) -> Invitation:
    """Send the invitation again with a new link, to a person who has not yet chosen a password."""
    refuse_unless_manager(by)
    invitation = Invitation.objects.select_for_update().filter(user=person).first()
    if invitation is None:
        raise ValidationError(f"{person} was not invited: they sign in with the password they have.")
    if not invitation.is_pending:
        raise ValidationError(
            f"{person} accepted the invitation on {day(invitation.accepted_at)}: "
            "if they have forgotten their password, they can reset it from the sign-in page."
        )
    if not person.email:
        raise ValidationError(f"{person} has no email address to send the invitation to.")
    if not person.is_active:
        raise ValidationError(f"{person} is switched off: switch them back on before sending the invitation again.")
    token = new_link(invitation, timezone.now())
    PersonEvent.objects.create(
        person=person, kind=PersonEvent.Kind.INVITATION_RESENT, by=by, detail=f"Sent to {person.email}"
    )
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return invitation


def invitation_link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("web:invitation", args=[token])


def send_invitation(invitation: Invitation, token: str) -> None:
    person, organisation = invitation.user, OrganisationSettings.load()
    inviter = invitation.invited_by.get_full_name() or invitation.invited_by.username if invitation.invited_by else ""
    expires = dateformat.format(timezone.localtime(invitation.expires_at), "j F Y, H:i")
    lines = [
        f"Dear {person.get_full_name() or person.username},",
        "",
        f"{inviter or organisation.team_name} has invited you to Scorecard, {organisation.name}'s performance "
        "management system.",
        "",
        f"Your username is {person.username}. To choose your password and sign in, open this link:",
        invitation_link(token),
        "",
        f"The link works once, until {expires}. After that, ask {organisation.team_name} to send it again.",
        "",
        "If you were not expecting this, you can ignore this email.",
    ]
    send_mail(f"You are invited to Scorecard, {organisation.name}", "\n".join(lines), None, [person.email])


def invitation_for(token: str) -> Invitation:
    """The invitation a link belongs to, still usable; otherwise ValidationError saying why not."""
    invitation = Invitation.objects.select_related("user").filter(digest=digest_of(token or "")).first()
    if invitation is None:
        raise ValidationError(UNKNOWN, code="unknown")
    if not invitation.is_pending:
        raise ValidationError(USED, code="used")
    if invitation.expires_at <= timezone.now() or not invitation.user.is_active:
        raise ValidationError(EXPIRED, code="expired")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """The invited person's chosen password set, and the link used up."""
    invitation = invitation_for(token)
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(USED, code="used")
    person = invitation.user
    validate_password(password, person)
    person.set_password(password)
    person.save(update_fields=["password"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    PersonEvent.objects.create(person=person, kind=PersonEvent.Kind.INVITATION_ACCEPTED, by=person)
    return person


def checked_roles(person: User, roles) -> list[RoleAssignment]:
    """The (role, directorate id) pairs asked for, as assignments: each directorate role in a directorate held."""
    directorates = Directorate.objects.in_bulk()
    wanted = {}
    for role, where in roles:
        role = Role(role)
        if (role in DIRECTORATE_ROLES) != (where is not None):
            raise ValidationError(
                f"{role.label} is held {'in a directorate' if where is None else 'council-wide, not in a directorate'}"
            )
        if where is not None and int(where) not in directorates:
            raise ValidationError(f"There is no directorate {where} to be {role.label.lower()} in")
        directorate = directorates[int(where)] if where is not None else None
        wanted[(role.value, directorate and directorate.pk)] = RoleAssignment(
            user=person, role=role.value, directorate=directorate
        )
    return list(wanted.values())


def key(held: RoleAssignment) -> tuple[str, int | None]:
    return held.role, held.directorate_id


@transaction.atomic
def person_roles_set(*, person: User, roles, by) -> tuple[list[str], list[str]]:
    """The person holds exactly these (role, directorate id) pairs; returns the roles given and taken away."""
    refuse_unless_manager(by)
    wanted = {key(held): held for held in checked_roles(person, roles)}
    held = {key(one): one for one in RoleAssignment.objects.filter(user=person).select_related("directorate")}
    if person.pk == by.pk and (Role.PERFORMANCE_TEAM, None) in held.keys() - wanted.keys():
        raise ValidationError("You cannot take away your own performance team role: ask someone else in the team.")
    given = [wanted[pair] for pair in wanted.keys() - held.keys()]
    taken = [held[pair] for pair in held.keys() - wanted.keys()]
    if not given and not taken:
        return [], []
    RoleAssignment.objects.filter(pk__in=[one.pk for one in taken]).delete()
    RoleAssignment.objects.bulk_create(given)
    person.__dict__.pop("_scorecard_roles", None)
    given_words, taken_words = role_names(given), role_names(taken)
    parts = [("Given: ", given_words), ("Taken away: ", taken_words)]
    detail = "; ".join(label + ", ".join(words) for label, words in parts if words)
    PersonEvent.objects.create(person=person, kind=PersonEvent.Kind.ROLES_CHANGED, by=by, detail=detail)
    return given_words, taken_words


ADMINISTERED_APPS = ("council", "measures", "returns")
ADMINISTRATION_GROUP = "Performance team: administration pages"


def administration_group():
    """The administration pages' permissions for the council's set-up, measures and returns, without being a
    superuser: people, roles and API tokens are not among them (they are managed on the People pages)."""
    group, _ = Group.objects.get_or_create(name=ADMINISTRATION_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMINISTERED_APPS))
    return group


@transaction.atomic
def person_switch_off(*, person: User, by, reason: str = "") -> User:
    """The person can no longer sign in or use their API tokens; their measures and history stay."""
    refuse_unless_manager(by)
    if person.pk == by.pk:
        raise ValidationError("You cannot switch yourself off: ask someone else in the performance team.")
    if person.is_active:
        person.is_active = False
        person.save(update_fields=["is_active"])
        PersonEvent.objects.create(person=person, kind=PersonEvent.Kind.SWITCHED_OFF, by=by, detail=reason.strip())
    return person


@transaction.atomic
def person_switch_on(*, person: User, by) -> User:
    refuse_unless_manager(by)
    if not person.is_active:
        person.is_active = True
        person.save(update_fields=["is_active"])
        PersonEvent.objects.create(person=person, kind=PersonEvent.Kind.SWITCHED_ON, by=by)
    return person
