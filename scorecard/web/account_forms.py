"""The forms people use for their own account: signing in, choosing a password (from an invitation or a reset
link), changing it. Each message names its field, as the return form's do."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm


class NewPasswordForm(SetPasswordForm):
    """A new password typed twice, with messages that name the field."""

    error_messages = {"password_mismatch": "The two passwords do not match: type the same password in both boxes"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new, again = self.fields["new_password1"], self.fields["new_password2"]
        new.label, again.label = "New password", "Type the new password again"
        new.help_text = "At least 8 characters, not a common password, not only numbers and not like your name."
        again.help_text = ""
        new.error_messages["required"] = "Enter a new password"
        again.error_messages["required"] = "Type the new password again"

    def clean(self):
        # The password rules are about the first box, so their messages go there (Django puts them on the second).
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data


class SignInForm(AuthenticationForm):
    """Django's sign-in, with messages that name the field."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Please enter a correct username and password. Both are case-sensitive.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class ResetRequestForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.error_messages["required"] = "Enter your email address"
        email.error_messages["invalid"] = "Enter your email address in the form name@example.gov.uk"


class PasswordChangeForm(NewPasswordForm, DjangoPasswordChangeForm):
    """The current password, then the new one twice."""

    error_messages = {
        **NewPasswordForm.error_messages,
        "password_incorrect": "Your current password is not right: enter it again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
