#!/usr/bin/env bash
# Install the Debian tools that tests and scripts call, when they are missing. Idempotent; one line
# per tool: "need <command> <debian package>". Run as root (CI and the dev machines are root).
set -euo pipefail

updated=0
need() {
  local command="$1" package="$2"
  if command -v "$command" >/dev/null 2>&1; then return 0; fi
  if [ "$updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    updated=1
  fi
  echo "ensure-tools: installing $package (for $command)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null
}

# Named tools only: `ensure-tools.sh scram` (the benchmarks' peers, not needed by the tests).
if [ "$#" -gt 0 ]; then
  for tool in "$@"; do
    case "$tool" in
      scram) need scram scram ;; # bench:engine's peer fault-tree analyser
      *) echo "ensure-tools: unknown tool $tool" >&2; exit 2 ;;
    esac
  done
  exit 0
fi

# PDF action plan tests (lib/pdf): text extraction, page count, images, page pictures.
need pdftotext poppler-utils
