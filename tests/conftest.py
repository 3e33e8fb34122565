"""Test configuration: the fixtures plugin authors get too."""

pytest_plugins = ["sociaaldomein.testing"]
