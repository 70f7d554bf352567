"""The forms people use for their own account: choosing a password (from an invitation or a reset link)."""

from __future__ import annotations

from django.contrib.auth.forms import SetPasswordForm


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
