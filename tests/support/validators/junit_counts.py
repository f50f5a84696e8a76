"""Reads a JUnit XML file with junitparser: junit_counts.py FILE.

Prints 'tests=N failures=N skipped=N errors=N' counted from the test cases themselves (not from
the attributes the writer put on the suites), then one line per suite as 'suite NAME N'.
"""
import sys

from junitparser import Failure, JUnitXml, Skipped, Error

xml = JUnitXml.fromfile(sys.argv[1])
tests = failures = skipped = errors = 0
suites = []
for suite in xml:
    count = 0
    for case in suite:
        count += 1
        tests += 1
        for result in case.result:
            failures += isinstance(result, Failure)
            skipped += isinstance(result, Skipped)
            errors += isinstance(result, Error)
    suites.append(f"suite {suite.name} {count}")
print(f"tests={tests} failures={failures} skipped={skipped} errors={errors}")
print("\n".join(suites))
