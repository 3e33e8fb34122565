"""The Groningen demo (placeholder until the demo is written)."""

from __future__ import annotations

import sociaaldomein


def main() -> None:
    """Say which version of the library is installed."""
    print(f"sociaaldomein {sociaaldomein.__version__}: the Groningen demo is not written yet")


if __name__ == "__main__":
    main()
