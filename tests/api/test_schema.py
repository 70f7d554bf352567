"""Schemathesis sends requests made from the OpenAPI schema, good and bad, to every operation.

Whatever it sends, the API never fails with a 5xx, answers only with status codes and content types the schema
declares, and every answer matches its schema. It runs as the performance team (who may do everything) and as
the public (who may only read what is published).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from scorecard.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema", application)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """Django's WSGI handler closes the database connection after each request, which inside a test's
    transaction would end it (PostgreSQL); Django's own test client keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@EXAMPLES
def test_the_performance_team_never_breaks_the_api(case, council):
    case.call_and_validate(headers={"Authorization": f"Bearer {council.keys['performance']}"}, checks=CHECKS)


@schema.parametrize()
@EXAMPLES
def test_the_public_never_breaks_the_api(case, council):
    case.headers = {key: value for key, value in (case.headers or {}).items() if key.lower() != "authorization"}
    case.call_and_validate(checks=CHECKS)
