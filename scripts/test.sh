#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine (when missing), then runs
# every test. `.ci/run` calls exactly this script. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use (real components, never mocks); installed only when missing.
# Python gRPC client (tests/Api/PythonClientTests runs examples/python/*.py with /usr/bin/python3; libprotobuf-dev
# gives protoc google/protobuf/descriptor.proto, which the HTTP annotations import):
PACKAGES=(python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc libprotobuf-dev)
PACKAGES+=(chromium chromium-driver fonts-dejavu-core)   # tests/Browser: the spec-lab page in headless Chromium (Selenium)
PACKAGES+=(postgresql)   # tests/Support/ThrowawayPostgres: a throwaway PostgreSQL (initdb, pg_ctl) for the store and cluster tests

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "scripts/test.sh: installing ${missing[*]}"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec dotnet test CarbonDerivatives.sln -c Release "$@"
