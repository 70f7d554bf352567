from django.urls import path, re_path

from scorecard.web import approvals, imports, open_data, quarters, reports, returns, tokens, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("years/", views.years, name="years"),
    path("reports/improvement/", reports.improvement_report, name="improvement"),
    path("reports/dashboard/", reports.dashboard, name="dashboard"),
    path("reports/annual/", reports.annual_results, name="annual"),
    path("reports/cabinet/", reports.cabinet_paper, name="cabinet"),
    path("measures/<int:pk>/", reports.measure_profile, name="profile"),
    path("returns/", returns.my_returns, name="my_returns"),
    path("returns/<int:period_id>/<int:measure_id>/", returns.return_page, name="return"),
    path("returns/<int:period_id>/<int:measure_id>/preview/", returns.preview, name="return_preview"),
    path("returns/<int:period_id>/<int:measure_id>/target/", quarters.amend_target, name="target_amend"),
    path("returns/<int:return_id>/history/", returns.return_history, name="return_history"),
    path("returns/<int:return_id>/challenge/", quarters.challenge, name="return_challenge"),
    path("returns/<int:return_id>/override/", quarters.override, name="return_override"),
    path("approvals/", approvals.approvals, name="approvals"),
    path("approvals/<int:return_id>/approve/", approvals.approve, name="approve"),
    path("approvals/<int:return_id>/send-back/", approvals.send_back, name="send_back"),
    path("quarters/", quarters.quarters, name="quarters"),
    path("quarters/<int:period_id>/open/", quarters.open_period, name="period_open"),
    path("quarters/<int:period_id>/close/", quarters.close_period, name="period_close"),
    path("quarters/<int:period_id>/reopen/", quarters.reopen_period, name="period_reopen"),
    path("quarters/<int:period_id>/publish/", quarters.publish_period, name="period_publish"),
    path("imports/returns/", imports.import_returns, name="import_returns"),
    re_path(
        r"^imports/returns/(?P<period_id>\d+)/template\.(?P<format>csv|xlsx)$",
        imports.returns_template_file,
        name="import_template",
    ),
    path("account/api-tokens/", tokens.api_tokens, name="api_tokens"),
    path("account/api-tokens/<int:token_id>/revoke/", tokens.revoke_api_token, name="api_token_revoke"),
    path("imports/targets/", imports.import_targets, name="import_targets"),
    re_path(
        r"^imports/targets/(?P<year_id>\d+)/template\.(?P<format>csv|xlsx)$",
        imports.targets_template_file,
        name="import_targets_template",
    ),
    path("open-data/", open_data.index, name="open_data"),
    re_path(r"^open-data/scorecard\.(?P<extension>csv|json)$", open_data.everything, name="open_data_all"),
    re_path(
        r"^open-data/(?P<slug>\d{4}-\d{2}-Q[1-4])/scorecard\.(?P<extension>csv|json)$",
        open_data.one_quarter,
        name="open_data_quarter",
    ),
]
