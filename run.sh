#!/usr/bin/env bash
# Jour's two commands: `./run.sh` (build if needed, start the app) and `./run.sh test` (every test).
# Anything else passes through to the jour command line: `./run.sh cases --format json`.
set -euo pipefail
# No subshells or external commands on the way to the app: each fork costs milliseconds of startup.
case $0 in */*) cd "${0%/*}" ;; esac
ROOT=$PWD
OUT="$ROOT/.jour-build"
BIN="$OUT/bin/jour"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf 'run.sh: %s\n' "$*" >&2; }

# Installs Debian packages when missing and we are root; otherwise says what is missing.
need_packages() {
  local missing=()
  for spec in "$@"; do
    local cmd=${spec%%:*} pkg=${spec#*:}
    if [ "$cmd" = "-" ]; then
      dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    else
      command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >"$OUT/apt.log" 2>&1 \
      || { say "apt-get failed; see $OUT/apt.log"; return 1; }
    return 0
  fi
  say "missing: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})"
  return 1
}

# The build is up to date when no source, project or resource file is newer than the binary.
# Pure bash (globs and -nt), so a start that needs no build costs no extra process.
up_to_date() {
  [ -x "$BIN" ] || return 1
  local f dir
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props global.json; do
    [[ $f -nt $BIN ]] && return 1
  done
  shopt -s nullglob
  for dir in src/*/; do
    for f in "$dir"*.csproj; do [[ $f -nt $BIN ]] && return 1; done
    newer_sources "$dir" && return 1
  done
  return 0
}

# True when a .cs, .resx, .tsv or .xml (the AOT substitutions) file under $1 (not bin/ or obj/) is newer than the binary.
newer_sources() {
  local f sub
  for f in "$1"*.cs "$1"*.resx "$1"*.tsv "$1"*.xml; do [[ $f -nt $BIN ]] && return 0; done
  for sub in "$1"*/; do
    case $sub in */bin/ | */obj/) continue ;; esac
    newer_sources "$sub" && return 0
  done
  return 1
}

build_app() {
  up_to_date && return 0
  mkdir -p "$OUT"
  local aot=true
  if [ "$(uname -s)" = Linux ]; then
    need_packages clang:clang -:zlib1g-dev || aot=false
  fi
  if [ "$aot" = false ]; then
    say "no Native AOT toolchain (clang, zlib1g-dev): building with the JIT instead; it starts slower"
  fi
  say "building jour (Native AOT: $aot) ..."
  local rid
  rid=$(dotnet --info 2>/dev/null | awk '/RID:/ {print $2; exit}')
  rm -rf "$OUT/bin.new"
  # The binary gets the time the build started, so a file saved during the build triggers the next one.
  : >"$OUT/build-started"
  if ! dotnet publish src/Jour/Jour.csproj -c Release -r "$rid" -o "$OUT/bin.new" -p:PublishAot=$aot \
        -p:SelfContained=$aot -v:q -nologo >"$OUT/build.log" 2>&1; then
    cat "$OUT/build.log" >&2
    say "build failed"
    exit 1
  fi
  rm -f "$OUT/bin.new"/*.dbg "$OUT/bin.new"/*.pdb
  rm -rf "$OUT/bin" && mv "$OUT/bin.new" "$OUT/bin"
  touch -r "$OUT/build-started" "$BIN"
}

# A real print queue for the printing test (issue 18): CUPS with the cups-pdf printer, whose output is read
# back with pdftotext, and the font every PDF is set in. Root installs and starts what is missing; without
# root the printing test reports itself skipped, with the reason.
print_queue() {
  need_packages cupsd:cups lp:cups-client -:printer-driver-cups-pdf pdftotext:poppler-utils -:fonts-dejavu-core || return 1
  [ "$(id -u)" = 0 ] || return 0
  if ! lpstat -r 2>/dev/null | grep -qx "scheduler is running"; then
    say "starting cupsd"
    cupsd || return 1
    local i
    for i in $(seq 50); do
      lpstat -r 2>/dev/null | grep -qx "scheduler is running" && break
      sleep 0.1
    done
  fi
  if ! lpstat -p "$JOUR_E2E_PRINTER" >/dev/null 2>&1; then
    local ppd
    ppd=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt/ {print $1; exit}')
    [ -n "$ppd" ] || { say "no cups-pdf PPD with options (lpinfo -m)"; return 1; }
    say "creating the print queue $JOUR_E2E_PRINTER (cups-pdf, $ppd)"
    lpadmin -p "$JOUR_E2E_PRINTER" -v cups-pdf:/ -m "$ppd" -E 2>>"$OUT/apt.log" || return 1
  fi
  # On its way to cups-pdf a PDF becomes PostScript. The default renderer (Ghostscript, PostScript level 2)
  # turns the embedded TrueType font into outlines, so cups-pdf's PDF has no text for pdftotext to read back;
  # pdftocairo keeps it a font. The paper looks the same either way.
  lpadmin -p "$JOUR_E2E_PRINTER" -o pdftops-renderer-default=pdftocairo 2>>"$OUT/apt.log"
}

run_tests() {
  mkdir -p "$OUT"
  # python3-icalendar: the calendar test reads the exported .ics with a library written by others.
  need_packages tmux:tmux -:python3-icalendar || { say "end-to-end tests need tmux and python3-icalendar"; exit 1; }
  export JOUR_E2E_PRINTER=${JOUR_E2E_PRINTER:-JourPdf}
  print_queue || say "no print queue: the printing test will say it was skipped"
  # The store contract suite runs on a throwaway PostgreSQL cluster that the tests start themselves
  # (tests/Jour.Storage.Tests/Postgres); without the package those tests report themselves skipped, with the reason.
  need_packages -:postgresql || say "no PostgreSQL: the store tests on it will say they were skipped"
  build_app
  say "building the tests ..."
  if ! dotnet build Jour.sln -c Release -v:q -nologo >"$OUT/test-build.log" 2>&1; then
    cat "$OUT/test-build.log" >&2
    echo "tests: 0 passed, 1 failed"
    exit 1
  fi
  local passed=0 failed=0 skipped=0 status=0
  export JOUR_E2E_BIN="$BIN" JOUR_REPO_ROOT="$ROOT"
  for project in tests/*/; do
    local name
    name=$(basename "$project")
    [ -f "$project/$name.csproj" ] || continue
    say "running $name"
    local log="$OUT/$name.log"
    set +e
    dotnet "$project/bin/Release/net10.0/$name.dll" --no-progress --no-ansi >"$log" 2>&1
    local rc=$?
    set -e
    local t f s p
    t=$(awk '/^  total:/ {print $2}' "$log" | tail -1)
    f=$(awk '/^  failed:/ {print $2}' "$log" | tail -1)
    s=$(awk '/^  skipped:/ {print $2}' "$log" | tail -1)
    p=$(awk '/^  succeeded:/ {print $2}' "$log" | tail -1)
    if [ -z "$t" ]; then
      say "$name did not report results (exit $rc):"; tail -30 "$log" >&2
      failed=$((failed + 1)); status=1; continue
    fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
      status=1
      grep -E '^failed |Assert|Exception|logs kept in' "$log" | head -40 >&2 || true
    fi
    say "$name: $p passed, $f failed, $s skipped"
  done
  if [ "$skipped" -gt 0 ]; then
    echo "tests: $passed passed, $failed failed, $skipped skipped"
  else
    echo "tests: $passed passed, $failed failed"
  fi
  exit $status
}

# Kiosk: jour restarts whenever it dies, after a pause that doubles (1 s up to 30 s) while it keeps
# dying quickly. It ends only when jour ends normally (an admin quit, exit 0) or the terminal hung up
# (exit 129). Ctrl+C, Ctrl+\ and Ctrl+Z cannot stop the loop either.
kiosk_loop() {
  trap '' INT QUIT TSTP
  local pause=1 started rc
  while :; do
    started=$SECONDS
    "$BIN" "$@" && return 0
    rc=$?
    [ "$rc" -eq 129 ] && return "$rc"
    if [ $((SECONDS - started)) -ge 60 ]; then pause=1; fi
    stty sane 2>/dev/null || true
    say "jour ended (exit $rc); starting it again in $pause s"
    sleep "$pause"
    pause=$((pause * 2)); [ "$pause" -gt 30 ] && pause=30
  done
}

is_kiosk() {
  local a
  for a in "$@"; do [ "$a" = --kiosk ] && return 0; done
  return 1
}

case "${1:-}" in
  test) shift; run_tests "$@" ;;
  *)
    build_app
    if is_kiosk "$@"; then kiosk_loop "$@"; exit $?; fi
    exec "$BIN" "$@" ;;
esac
