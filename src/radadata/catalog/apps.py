from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "radadata.catalog"
    label = "catalog"
    verbose_name = "Catalog"
