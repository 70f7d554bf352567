"""Writes to the council's set-up: starting a new council, its organisation settings, years and lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scorecard.accounts import permissions
from scorecard.accounts.models import Role, RoleAssignment, User
from scorecard.council.first_run import is_set_up
from scorecard.council.models import FinancialYear, Listed, OrganisationSettings, Period
from scorecard.performance.periods import Collection
from scorecard.performance.periods import FinancialYear as Year

TEAM_ONLY = "Only the performance team sets up the council."

# What the first-run page and start_council set, and the organisation page changes.
ORGANISATION_FIELDS = (
    "name",
    "team_name",
    "data_source",
    "blue_margin",
    "amber_margin",
    "margins_are_absolute",
    "commentary",
    "commentary_required",
    "default_comparison",
    "stabilised_word",
    "completed_status",
    "directorate_word",
    "directorate_word_plural",
    "allow_self_approval",
    "dashboard_columns",
    "annual_benchmark",
    "improvement_report_spc",
)


class SetUpRefused(Exception):
    """Why the set-up cannot be done, in a sentence for the page or the command line."""


@dataclass(frozen=True)
class FirstAccount:
    username: str
    email: str
    password: str | None  # None: an unusable password, set later by "Forgotten your password?"


def require_team(by) -> None:
    if not permissions.sets_up_the_council(by):
        raise SetUpRefused(TEAM_ONLY)


@transaction.atomic
def council_start(
    *, organisation: dict, first_year: Year, account: FirstAccount, collection: Collection = Collection.QUARTERLY
) -> User:
    """Set up a fresh Scorecard: the organisation, its first year with its four quarters (or twelve months), the
    first team account."""
    if is_set_up():
        raise SetUpRefused("This Scorecard already holds a council: change it on the set-up pages instead.")
    settings = OrganisationSettings.load()
    settings_change(settings, organisation)
    settings.set_up_at = timezone.now()
    settings.save()
    user = first_account(account)
    year_with_periods(first_year, settings, collection)
    return user


def first_account(account: FirstAccount) -> User:
    user = User(username=account.username, email=account.email)
    user.full_clean(exclude=["password"])
    if account.password is None:
        user.set_unusable_password()
    else:
        try:
            validate_password(account.password, user)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from None
        user.set_password(account.password)
    user.save()
    RoleAssignment.objects.create(user=user, role=Role.PERFORMANCE_TEAM)
    return user


def settings_change(settings: OrganisationSettings, changes: dict) -> None:
    for name, value in changes.items():
        if name not in ORGANISATION_FIELDS:
            raise ValueError(f"{name} is not an organisation setting")
        setattr(settings, name, value)
    settings.full_clean(exclude=["setup_salt"])


@transaction.atomic
def organisation_change(*, by, **changes) -> OrganisationSettings:
    """Change the organisation's settings; the old values are kept in its history."""
    require_team(by)
    settings = OrganisationSettings.load()
    settings_change(settings, changes)
    settings._history_user = by
    settings.save()
    return settings


@transaction.atomic
def year_create(*, start_year: int, by, collection: Collection = Collection.QUARTERLY) -> FinancialYear:
    """A financial year and its four quarters (or twelve months), with the organisation's defaults for new years."""
    require_team(by)
    return year_with_periods(Year(start_year), OrganisationSettings.load(), collection)


def year_with_periods(year: Year, settings: OrganisationSettings, collection: Collection) -> FinancialYear:
    if FinancialYear.objects.filter(start_year=year.start_year).exists():
        raise ValidationError({"year": f"{year.label} overlaps a year already held: each year is held once."})
    same = FinancialYear.SameDirection.STABILISED if settings.stabilised_word else FinancialYear.SameDirection.SAME
    held = FinancialYear(start_year=year.start_year, completed_status=settings.completed_status)
    held.same_direction_label, held.collection = same, collection.value
    held.full_clean()
    held.save()
    periods_make(held)
    return held


def periods_make(year: FinancialYear) -> None:
    """A new year's periods, in one step: its four quarters, or its twelve months."""
    made = year.financial_year.periods(year.collected)
    Period.objects.bulk_create(Period.of(period, year=year) for period in made)


# -- the council's lists: directorates, pledges, perspectives, portfolios ------------------------------------


@transaction.atomic
def listed_add(*, model: type[Listed], name: str, by, **fields) -> Listed:
    """Add one at the end of the list."""
    require_team(by)
    last = model.objects.filter(**fields).order_by("-order").values_list("order", flat=True).first()
    added = model(name=name.strip(), order=(last or 0) + 1, **fields)
    added.full_clean()
    added.save()
    return added


@transaction.atomic
def listed_rename(*, item: Listed, name: str, by) -> Listed:
    require_team(by)
    item.name = name.strip()
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def listed_move(*, item: Listed, by, up: bool, **fields) -> None:
    """Swap it with its neighbour above or below; the list is renumbered 1, 2, 3… on the way."""
    require_team(by)
    ordered = list(type(item).objects.filter(**fields).order_by("order", "name"))
    place = next(index for index, each in enumerate(ordered) if each.pk == item.pk)
    other = place - 1 if up else place + 1
    if 0 <= other < len(ordered):
        ordered[place], ordered[other] = ordered[other], ordered[place]
    for order, each in enumerate(ordered, start=1):
        if each.order != order:
            type(each).objects.filter(pk=each.pk).update(order=order)


@transaction.atomic
def listed_remove(*, item: Listed, by) -> None:
    """Remove one nothing uses yet; otherwise say what uses it."""
    require_team(by)
    uses = in_use(item)
    if uses:
        raise SetUpRefused(f"{item.name} cannot be removed: it is used by {' and '.join(uses)}. Rename it instead.")
    item.delete()


def in_use(item) -> list[str]:
    """What refers to it, e.g. ["3 scorecard entries", "1 role assignment"]."""
    uses = []
    for relation in item._meta.related_objects:
        if relation.related_model._meta.model_name.startswith("historical"):
            continue
        count = relation.related_model._base_manager.filter(**{relation.field.name: item}).count()
        if count:
            named = relation.related_model._meta.verbose_name
            plural = relation.related_model._meta.verbose_name_plural
            uses.append(f"{count} {named if count == 1 else plural}")
    return uses
