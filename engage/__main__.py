"""``python -m engage`` and the ``engage`` console script."""

from engage.cli.app import main

if __name__ == "__main__":
    main()
