"""``python -m scrutiny_desktop``: the same as the ``scrutiny-desktop`` command."""

from scrutiny_desktop.app import main

raise SystemExit(main())
