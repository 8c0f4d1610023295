# Jour on Windows: `./run.ps1` builds if needed and starts Jour; `./run.ps1 test` runs every test;
# anything else passes through to jour. Native AOT needs the C++ build tools; without them this
# builds with the JIT (slower start), and says so.
param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $Rest)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$out = Join-Path $PSScriptRoot '.jour-build'
$bin = Join-Path $out 'bin/jour.exe'

function Test-UpToDate {
    if (-not (Test-Path $bin)) { return $false }
    $stamp = (Get-Item $bin).LastWriteTime
    $newer = Get-ChildItem src, Directory.Build.props, Directory.Build.targets, Directory.Packages.props, global.json -Recurse -File `
        -Include *.cs, *.csproj, *.props, *.targets, *.resx, *.tsv, *.xml, *.json |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTime -gt $stamp } | Select-Object -First 1
    return -not $newer
}

function Build-App {
    if (Test-UpToDate) { return }
    $aot = [bool](Get-Command link.exe -ErrorAction SilentlyContinue)
    if (-not $aot) { Write-Host 'run.ps1: no C++ build tools for Native AOT: building with the JIT instead; it starts slower' }
    # The binary gets the time the build started, so a file saved during the build triggers the next one.
    $started = Get-Date
    dotnet publish src/Jour/Jour.csproj -c Release -r win-x64 -o (Join-Path $out 'bin') "-p:PublishAot=$aot" -v:q -nologo
    if ($LASTEXITCODE -ne 0) { exit 1 }
    (Get-Item $bin).LastWriteTime = $started
}

if ($Rest.Count -gt 0 -and $Rest[0] -eq 'test') {
    Build-App
    dotnet build Jour.sln -c Release -v:q -nologo
    if ($LASTEXITCODE -ne 0) { Write-Output 'tests: 0 passed, 1 failed'; exit 1 }
    $env:JOUR_E2E_BIN = $bin
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($project in Get-ChildItem tests -Directory) {
        $dll = Join-Path $project.FullName "bin/Release/net10.0/$($project.Name).dll"
        if (-not (Test-Path $dll)) { continue }
        # The end-to-end tests need tmux, which Windows does not have.
        if ($project.Name -eq 'Jour.EndToEnd.Tests') { Write-Host 'run.ps1: end-to-end tests need tmux; run them on Linux'; continue }
        $log = dotnet $dll --no-progress --no-ansi 2>&1 | Out-String
        $passed += [int]([regex]::Match($log, 'succeeded:\s+(\d+)').Groups[1].Value)
        $failed += [int]([regex]::Match($log, 'failed:\s+(\d+)').Groups[1].Value)
        $skipped += [int]([regex]::Match($log, 'skipped:\s+(\d+)').Groups[1].Value)
    }
    if ($skipped -gt 0) { Write-Output "tests: $passed passed, $failed failed, $skipped skipped" } else { Write-Output "tests: $passed passed, $failed failed" }
    if ($failed -gt 0) { exit 1 } else { exit 0 }
}

Build-App
& $bin @Rest
exit $LASTEXITCODE
