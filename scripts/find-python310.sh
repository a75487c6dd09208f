#!/usr/bin/env sh
# Print the path of a Python 3.10 interpreter (Rasa 3.6 supports nothing newer).
# Looks at PYTHON310, then python3.10 on the PATH, then pyenv's versions.
set -eu
is310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }
for candidate in "${PYTHON310:-}" python3.10; do
    [ -n "$candidate" ] || continue
    path=$(command -v "$candidate" 2>/dev/null) || continue
    if is310 "$path"; then echo "$path"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
    for version in $(pyenv versions --bare 2>/dev/null | grep '^3\.10' | sort -rV); do
        path="$(pyenv root)/versions/$version/bin/python3.10"
        if is310 "$path"; then echo "$path"; exit 0; fi
    done
fi
echo "Python 3.10 not found. Install it (e.g. 'pyenv install 3.10') or set PYTHON310=/path/to/python3.10." >&2
exit 1
