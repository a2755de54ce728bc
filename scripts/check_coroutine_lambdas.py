#!/usr/bin/env python3
"""Fails on a lambda with captures that is itself a coroutine (C++ Core Guidelines CP.51).

The captures live in the lambda object, not in the coroutine frame: once the lambda object is
gone (a temporary, a moved-from std::function) the coroutine reads freed memory at its next
resume. clang-tidy 14 has no check for this (cppcoreguidelines-avoid-capturing-lambda-coroutines
arrived in clang-tidy 17), so this script does it for library code.

Allowed: the lambda is the function object handed to asio::co_spawn, which keeps it alive in
the spawned coroutine's frame until the coroutine ends.

usage: check_coroutine_lambdas.py FILE...
"""
import re
import sys

# [captures](params) [mutable] -> Task<...> / asio::awaitable<...> / NodeMain
CAPTURING_COROUTINE_LAMBDA = re.compile(
    r"\[(?P<captures>[^\[\]]+)\]\s*\([^()]*\)\s*(?:mutable\s*)?->\s*"
    r"(?:ockam::)?(?:Task\b|NodeMain\b|asio::awaitable\b)")
STATEMENT_START = re.compile(r"[;{}]")


def findings(path):
    text = open(path, encoding="utf-8").read()
    for match in CAPTURING_COROUTINE_LAMBDA.finditer(text):
        # The statement the lambda belongs to: from the last ; { or } before it.
        before = text[:match.start()]
        starts = [m.end() for m in STATEMENT_START.finditer(before)]
        statement = before[starts[-1] if starts else 0:]
        if "co_spawn(" in statement:
            continue
        line = text.count("\n", 0, match.start()) + 1
        yield f"{path}:{line}: a lambda with captures [{match['captures'].strip()}] is a " \
              "coroutine; pass what it needs as parameters (CP.51)"


def main(paths):
    found = [finding for path in paths for finding in findings(path)]
    for finding in found:
        print(finding)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
