from django.contrib import admin
from django.urls import include, path

from scorecard.api.api import api

admin.site.site_header = "Scorecard administration"
admin.site.site_title = "Scorecard"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("scorecard.web.urls")),
]
