"""Scorecard's JSON API, with its OpenAPI 3 schema at /api/schema and its reference at /api/docs."""

from csp.decorators import csp_update
from ninja import NinjaAPI, Redoc

from scorecard.api import benchmarks, reads, returns
from scorecard.api.errors import handle_errors

api = NinjaAPI(
    title="Scorecard API",
    version="1",
    description=(
        "Read the Council Scorecard: years, quarters, measures, targets, returns with their statuses and "
        "directions, each report's rows, and each measure's benchmark among comparator councils. Anyone may "
        "read published quarters. People who record or sign off returns create a token on their API tokens "
        "page and send it as `Authorization: Bearer sc_…` to read unpublished quarters and to save, submit, "
        "approve or send back returns."
    ),
    openapi_url="/schema",
    docs=Redoc(),
    docs_url="/docs",
    # Redoc styles itself inline, draws icons from data: and searches in a worker: allowed on its page alone.
    docs_decorator=csp_update({"style-src": ["'unsafe-inline'"], "img-src": ["data:"], "worker-src": ["blob:"]}),
    urls_namespace="api",
)
api.add_router("", reads.router)
api.add_router("", returns.router)
api.add_router("", benchmarks.router)
handle_errors(api)
