"""API tokens: made by their owner on the API tokens page, shown once, kept only as a fingerprint, revocable."""

import pytest

from scorecard.accounts.models import Role
from scorecard.api import tokens
from scorecard.api.models import ApiToken
from scorecard.returns.services import Refused
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.person("owner", Role.MEASURE_OWNER, "People Services")


def test_a_new_key_is_shown_on_the_page_once_and_only_its_fingerprint_is_kept(client, owner):
    client.force_login(owner)
    response = client.post("/account/api-tokens/", {"name": "Power BI refresh"})
    assert response.status_code == 302 and response["Location"] == "/account/api-tokens/"  # post/redirect/get
    shown = client.get("/account/api-tokens/")
    assert "no-store" in shown["Cache-Control"]
    page = shown.content.decode()
    token = ApiToken.objects.get(user=owner)
    key = page.split('id="new-token">')[1].split("<")[0]
    assert key.startswith("sc_") and key not in token.digest
    assert token.digest == tokens.digest_of(key)
    assert key not in client.get("/account/api-tokens/").content.decode()


def test_the_key_lets_a_program_act_as_its_owner(client, owner):
    _, key = tokens.token_create(user=owner, name="Spreadsheet")
    assert tokens.user_for(key) == owner
    assert ApiToken.objects.get(user=owner).last_used_at is not None


def test_a_revoked_key_is_refused(client, owner):
    token, key = tokens.token_create(user=owner, name="Spreadsheet")
    client.force_login(owner)
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    assert tokens.user_for(key) is None
    response = client.get("/api/years", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 401


def test_a_person_whose_account_is_switched_off_cannot_use_their_key(owner):
    _, key = tokens.token_create(user=owner, name="Spreadsheet")
    owner.is_active = False
    owner.save()
    assert tokens.user_for(key) is None


def test_nobody_revokes_someone_elses_token(owner):
    token, _ = tokens.token_create(user=owner, name="Spreadsheet")
    with pytest.raises(Refused, match="only your own"):
        tokens.token_revoke(token=token, by=factories.person("other", Role.READER))


def test_a_token_needs_a_name(client, owner):
    client.force_login(owner)
    response = client.post("/account/api-tokens/", {"name": ""})
    assert response.status_code == 400
    assert "Say what the token is for" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_tokens_table_downloads_without_any_key(client, owner):
    _, key = tokens.token_create(user=owner, name="Power BI refresh")
    client.force_login(owner)
    download = client.get("/account/api-tokens/?download=csv").content.decode()
    assert "Power BI refresh" in download and "Never" in download
    assert key not in download
