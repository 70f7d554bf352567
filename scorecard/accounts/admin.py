from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from scorecard.accounts.models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class ScorecardUserAdmin(UserAdmin):
    inlines = [RoleAssignmentInline]
    fieldsets = [*UserAdmin.fieldsets, ("Job", {"fields": ["job_title"]})]
    list_display = ["username", "first_name", "last_name", "job_title", "is_staff"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "directorate"]
    list_filter = ["role", "directorate"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
