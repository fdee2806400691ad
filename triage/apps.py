from django.apps import AppConfig

from healthsite.roles import grant


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Triage"

    def ready(self):
        grant("Editors", "triage.view_dailyoutcomecount")
