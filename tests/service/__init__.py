"""Tests of the service (the HTTP API, the web page and ``sociaaldomein serve``)."""
