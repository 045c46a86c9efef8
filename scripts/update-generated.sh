#!/usr/bin/env bash
# Regenerates the files derived from the settings types: settings/settings.schema.json and the key reference
# in docs/configuration.md. The GeneratedFilesTests fail until these are committed in step with the code.
set -euo pipefail
cd "$(dirname "$0")/.."
ALGOSPACE_UPDATE_GENERATED=1 dotnet test tests/AlgoSpace.UnitTests --filter "FullyQualifiedName~GeneratedFilesTests" --nologo -v q
git status --short settings/settings.schema.json docs/configuration.md
