from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "radadata.workflow"
    label = "workflow"
    verbose_name = "Workflow"
