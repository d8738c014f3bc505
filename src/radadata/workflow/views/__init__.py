"""The workflow's pages; each module owns its URL patterns (gathered in workflow/urls.py)."""
