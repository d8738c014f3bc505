import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _forget_the_search_cache():
    # Each test's database is rolled back, the process's cache is not: start every test
    # without what an earlier one made the search remember.
    cache.clear()
