"""Builders compute a report's content as plain data from the registry; the documents module
lays it out and the renderers write it as DOCX, PDF, HTML or XLSX."""
