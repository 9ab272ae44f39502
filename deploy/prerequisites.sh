#!/usr/bin/env bash
# Installs the Debian packages Baize needs at run and test time, when they are missing.
# Sourced by ./baize; safe to run again (it only installs what is absent).

BAIZE_APT_PACKAGES=(
  ffmpeg                # decoding and encoding of audio and video (media handling, corpus)
  espeak-ng             # speech synthesis for the generated corpus
  dataset-fashion-mnist # the real Fashion-MNIST images the corpus is built from
  rabbitmq-server       # the bus between separate API and indexer processes (distributed mode and its tests)
  fonts-dejavu-core     # the font the compression report's plots draw their labels with (SkiaSharp reads /usr/share/fonts)
)

baize_missing_packages() {
  local missing=()
  for package in "${BAIZE_APT_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$package")
    fi
  done
  echo "${missing[@]}"
}

baize_ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "baize: the .NET SDK 10 is required (dotnet was not found on PATH)." >&2
    return 1
  fi
  local missing
  missing="$(baize_missing_packages)"
  if [[ -z "$missing" ]]; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "baize: missing Debian packages: $missing" >&2
    echo "baize: install them as root with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
    return 1
  fi
  echo "baize: installing $missing ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  # shellcheck disable=SC2086 # the list is meant to split into words
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2
}

# Starts the local RabbitMQ broker unless one answers already (there is no systemd here: -detached, then poll).
baize_ensure_rabbitmq() {
  if rabbitmqctl -q status >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "baize: RabbitMQ is not running; start it as root with: rabbitmq-server -detached" >&2
    return 1
  fi
  echo "baize: starting RabbitMQ ..." >&2
  rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    if rabbitmqctl -q status >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "baize: RabbitMQ did not start within 60 s" >&2
  return 1
}
