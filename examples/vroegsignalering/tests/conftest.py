"""Test configuration: the fixtures sociaaldomein ships for plugin authors.

``gemeente`` is a fresh, empty composition in every test and ``registered``
registers a plugin for one ``with`` block, removing it again afterwards.
"""

pytest_plugins = ["sociaaldomein.testing"]
