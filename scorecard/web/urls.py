from django.urls import path

from scorecard.web import reports, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/improvement/", reports.improvement_report, name="improvement"),
    path("reports/dashboard/", reports.dashboard, name="dashboard"),
    path("reports/annual/", reports.annual_results, name="annual"),
    path("reports/cabinet/", reports.cabinet_paper, name="cabinet"),
    path("measures/<int:pk>/", reports.measure_profile, name="profile"),
]
