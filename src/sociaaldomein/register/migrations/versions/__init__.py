"""The revisions, oldest first; each file is one revision (``revision``, ``down_revision``)."""
