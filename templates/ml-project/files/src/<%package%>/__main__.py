"""Run the pipeline command line: `python -m` followed by the package name."""

from .pipeline import main

raise SystemExit(main())
