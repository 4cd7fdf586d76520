# Sourced by the scripts: `need NAME pkg:cmd ...` makes sure each command is there. As root
# on a Debian machine it installs the missing packages with apt-get (update first);
# otherwise it names the exact command to run and exits 1.
need() {
  local who=$1; shift
  local missing=() d
  for d in "$@"; do
    command -v "${d#*:}" >/dev/null 2>&1 || [ -x "/usr/sbin/${d#*:}" ] || missing+=("${d%%:*}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: missing ${missing[*]}; install them: apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "$who: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
