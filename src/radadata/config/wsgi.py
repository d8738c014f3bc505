import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radadata.config.settings.dev")
# Setting Django up makes objects that live as long as the process; the garbage collector
# would walk them again and again while they are made (a fifth of gunicorn's start-up).
_collecting = gc.isenabled()
gc.disable()
try:
    application = get_wsgi_application()
finally:
    if _collecting:
        gc.enable()
