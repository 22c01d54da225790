# Shared by scripts/demo and scripts/test: install what is missing, then build.
# Sourced, not run.

HOPPER_PACKAGES=(cmake ninja-build g++ pkg-config libcli11-dev libsqlitecpp-dev libfmt-dev libtomlplusplus-dev
  doctest-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libutf8proc-dev libre2-dev libpq-dev python3-cram jq)

# What only the tests need: headless Chromium and CJK fonts render the HTML reports.
# groff-base checks the man pages. postgresql runs the server store's tests in a
# throwaway cluster of their own (scripts/postgres).
HOPPER_TEST_PACKAGES=(chromium fonts-noto-cjk groff-base postgresql)

# ensure_packages [EXTRA…]: HOPPER_PACKAGES and EXTRA, installed when missing.
ensure_packages() {
  local missing=() p
  for p in "${HOPPER_PACKAGES[@]}" "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing missing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_hopper() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2
}
