#!/usr/bin/env bash
# Installs livekit-server for the test bed, once, into a cache folder, and prints the binary's path.
#
#   bash testbed/livekit/install-server.sh      # idempotent; CI runs it before the tests
#
# Built from the Go module proxy with `go install`. The version is pinned to v1.13.5: from v1.13.6 on,
# livekit-server's go.mod has `replace` directives pointing at LiveKit forks that the module proxy
# refuses (403), so newer versions cannot be installed this way.
set -euo pipefail

version="v1.13.5"
cache="${LIVEHOOK_CACHE:-$HOME/.cache/livehook}"
dir="$cache/livekit-server-$version"
bin="$dir/server"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-server.sh: Go is not installed; it is needed once to build livekit-server $version" >&2
  echo "(or point LIVEKIT_SERVER_BIN at an existing livekit-server binary)." >&2
  exit 1
fi

mkdir -p "$dir"
echo "building livekit-server $version into $dir (takes a few minutes, once)" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# GOFLAGS unset: a user's -mod=vendor or similar would break `go install pkg@version`.
if ! env -u GOFLAGS GOBIN="$dir" go install "github.com/livekit/livekit-server/cmd/server@$version" >"$log" 2>&1; then
  echo "install-server.sh: go install github.com/livekit/livekit-server/cmd/server@$version failed:" >&2
  grep -v '^go: downloading ' "$log" >&2 || true
  rm -f "$bin"
  exit 1
fi
if [ ! -x "$bin" ]; then
  echo "install-server.sh: go install succeeded but $bin is missing" >&2
  exit 1
fi
echo "$bin"
