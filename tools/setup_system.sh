#!/bin/sh
# Install the Debian/Ubuntu packages the program (run) or the test suite (test) needs and the
# machine lacks. Needs root or sudo; without them it lists what is missing and goes on.
set -eu
profile=${1:-run}

run_pkgs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 fonts-wqy-microhei fonts-arphic-uming"
test_pkgs="$run_pkgs xvfb xauth poppler-utils libreoffice-calc libreoffice-writer postgresql"

case "$profile" in
  run) wanted=$run_pkgs ;;
  test) wanted=$test_pkgs ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || { echo "setup_system: not a Debian-based system; install the equivalents of: $wanted" >&2; exit 0; }

python3 -c "import ensurepip" 2>/dev/null || wanted="$wanted python3-venv"

missing=""
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "setup_system: please install (as root):$missing" >&2
  exit 0
fi
echo "setup_system: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
