from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "radadata.registry"
    label = "registry"
    verbose_name = "Registry"

    def ready(self) -> None:
        from radadata.registry.imports import job  # noqa: F401  (registers the import job)
