#!/usr/bin/env bash
# Load benchmark: the API for one port and for one search, side by side in the same run with
# nginx serving the same JSON bytes as static files. Needs wrk and nginx (Debian packages).
#
#   bench/run.sh [seconds] [connections]
#
# Prints a Markdown table; paste it into bench/RESULTS.md with the date and the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-64}"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk nginx-light curl)" >&2; exit 1; }
done

work="$(mktemp -d)"
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet
./target/release/opendiplomacy serve --listen 127.0.0.1:18080 \
  --database "sqlite://$work/bench.sqlite3" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -fs http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.2; done

port_path="/api/v1/ports/57920"
search_path="/api/v1/search?q=%E9%AB%98%E9%9B%84"   # 高雄
mkdir -p "$work/static"
curl -fs "http://127.0.0.1:18080$port_path" >"$work/static/port.json"
curl -fs "http://127.0.0.1:18080$search_path" >"$work/static/search.json"

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  server {
    listen 127.0.0.1:18081;
    root $work/static;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

run() { # name url
  local out
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2")"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
  echo "$rps" >"$work/rps-$(tr ' /' '__' <<<"$1")"
}

echo "| target | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
run "nginx static port.json" "http://127.0.0.1:18081/port.json"
run "API one port" "http://127.0.0.1:18080$port_path"
run "nginx static search.json" "http://127.0.0.1:18081/search.json"
run "API one search" "http://127.0.0.1:18080$search_path"

ratio() { awk -v a="$(cat "$work/rps-$1")" -v b="$(cat "$work/rps-$2")" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "API/nginx throughput: port $(ratio API_one_port nginx_static_port.json), search $(ratio API_one_search nginx_static_search.json) (target: at least 0.50)"
