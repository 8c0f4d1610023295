#!/usr/bin/env bash
# Issue 21's figures on the stand-in SMS gateway (tests/Shared/SmsStandIn.cs on 127.0.0.1):
#  - a call-out to 20 candidates, from the use case to the 20th text taken by the stand-in (20 ms a request)
#  - a reply on the officer's screen (tmux, 80x24, the AOT binary) after it reaches the gateway, polling every 1 s
#   bench/sms-callout.sh      (needs ./run.sh --version and a Release build of the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
dotnet tests/Jour.Tests/bin/Release/net10.0/Jour.Tests.dll --no-progress --output detailed \
  --filter-method "*ACallOutTo20_LeavesInUnder2Seconds" 2>&1 | grep -E "BENCH|passed|failed" || true
JOUR_E2E_BIN=$ROOT/.jour-build/bin/jour JOUR_REPO_ROOT=$ROOT \
  dotnet tests/Jour.EndToEnd.Tests/bin/Release/net10.0/Jour.EndToEnd.Tests.dll --no-progress --output detailed \
  --filter-method "*CallOut_ThreeAsked_JaAndNej_TheYesIsTheDeployment_TheThirdGetsTillsatt" 2>&1 | grep -E "FIGURE|passed|failed" || true
echo "load $(cut -d' ' -f1 /proc/loadavg)"
