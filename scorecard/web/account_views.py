"""Django's own account pages (sign in, password reset, password change) with Scorecard's forms and rules:
messages that name the field, reset emails limited and sent off the request path, a reset that lifts a lockout."""

from __future__ import annotations

from axes.utils import reset as reset_sign_in_failures
from django.contrib.auth import views as auth
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from scorecard.accounts import resets
from scorecard.accounts.client import client_address
from scorecard.web.account_forms import NewPasswordForm, PasswordChangeForm, ResetRequestForm, SignInForm


class RefusedWith400:
    """A form sent with errors answers 400, as Scorecard's other forms do."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SignIn(RefusedWith400, auth.LoginView):
    form_class = SignInForm


class ResetRequest(RefusedWith400, auth.PasswordResetView):
    """The same answer, as quickly, whether or not the address has an account; the email goes afterwards."""

    form_class = ResetRequestForm

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        outcome = resets.reset_request(email=email, client=client_address(self.request))
        if outcome == resets.TOO_MANY_FROM_CLIENT:
            return render(self.request, "registration/password_reset_too_many.html", status=429)
        if outcome == resets.SENT:
            resets.in_background(resets.send_reset_link, email)
        return redirect("password_reset_done")


class ResetConfirm(auth.PasswordResetConfirmView):
    """A new password from the emailed link; it lifts any sign-in lockout, as the lockout page promises."""

    form_class = NewPasswordForm

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_sign_in_failures(username=form.user.get_username())
        reset_sign_in_failures(ip=client_address(self.request))
        return response


class PasswordChange(auth.PasswordChangeView):
    form_class = PasswordChangeForm
    success_url = reverse_lazy("password_change_done")
