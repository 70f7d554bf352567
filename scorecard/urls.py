from django.contrib import admin
from django.urls import include, path

from scorecard.api.api import api
from scorecard.web import account_views

admin.site.site_header = "Scorecard administration"
admin.site.site_title = "Scorecard"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    # Django's account pages with Scorecard's forms; the rest (logout, the "done" pages) are Django's own.
    path("accounts/login/", account_views.SignIn.as_view(), name="login"),
    path("accounts/password_reset/", account_views.ResetRequest.as_view(), name="password_reset"),
    path("accounts/reset/<uidb64>/<token>/", account_views.ResetConfirm.as_view(), name="password_reset_confirm"),
    path("accounts/password_change/", account_views.PasswordChange.as_view(), name="password_change"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("scorecard.web.urls")),
]
