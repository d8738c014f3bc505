from radadata.structures.office import urlpatterns as office_urlpatterns
from radadata.structures.views import app_name
from radadata.structures.views import urlpatterns as public_urlpatterns

urlpatterns = [*public_urlpatterns, *office_urlpatterns]

__all__ = ["app_name", "urlpatterns"]
