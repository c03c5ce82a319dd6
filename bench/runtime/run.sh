#!/usr/bin/env bash
# Worker runtime benchmark: the same three workers on workerd and on Outpost, side by side in one run, driven by
# the same load tool (wrk). Prints requests/s and p50/p99 per runtime and the Outpost/workerd ratios, then the
# cold start of freshly deployed workers. See bench/README.md and docs/performance.md.
#
#   bench/runtime/run.sh [--duration=10] [--connections=16] [--threads=1] [--offset=600] [--cold=20]
#
# Needs: wrk (installed with apt-get when missing and running as root), Node.js/npm (for the workerd package,
# installed into .outpost/tools/workerd), the Outpost jars (bin/outpost up builds them when missing).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/runtime"
DURATION=10 CONNECTIONS=16 THREADS=1 OFFSET=600 COLD=20
for arg in "$@"; do
  case "$arg" in
    --duration=*) DURATION="${arg#*=}" ;;
    --connections=*) CONNECTIONS="${arg#*=}" ;;
    --threads=*) THREADS="${arg#*=}" ;;
    --offset=*) OFFSET="${arg#*=}" ;;
    --cold=*) COLD="${arg#*=}" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
WORKERS=(hello json crypto)
declare -A REQUEST_PATH=([hello]="/" [json]="/items?name=outpost&tag=bench&page=3" [crypto]="/sign/this/path")
WORKER_PORT=$((8787 + OFFSET))
WORKERD_BASE_PORT=$((31500 + OFFSET))

if ! command -v wrk >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1
  fi
fi
WORKERD_DIR="$REPO/.outpost/tools/workerd"
WORKERD="$WORKERD_DIR/node_modules/@cloudflare/workerd-linux-64/bin/workerd"
if [[ ! -x "$WORKERD" ]]; then
  echo "bench: installing workerd from npm into $WORKERD_DIR" >&2
  mkdir -p "$WORKERD_DIR"
  npm install --silent --no-audit --no-fund --prefix "$WORKERD_DIR" workerd >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/outpost-bench-runtime.XXXXXX")"
export OUTPOST_HOME="$WORK/outpost" OUTPOST_PORT_OFFSET="$OFFSET"
WORKERD_PID=""
cleanup() {
  [[ -n "$WORKERD_PID" ]] && kill "$WORKERD_PID" 2>/dev/null || true
  "$REPO/bin/outpost" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# workerd: one service and one socket per worker, the modules embedded from a copy next to the config.
cp -r "$HERE/workers" "$WORK/workers"
{
  echo 'using Workerd = import "/workerd/workerd.capnp";'
  echo 'const config :Workerd.Config = ('
  echo '  services = ['
  for w in "${WORKERS[@]}"; do
    echo "    (name = \"$w\", worker = (modules = [(name = \"$w.js\", esModule = embed \"workers/$w.js\")], compatibilityDate = \"2024-09-23\")),"
  done
  echo '  ],'
  echo '  sockets = ['
  i=0
  for w in "${WORKERS[@]}"; do
    i=$((i + 1))
    echo "    (name = \"$w\", address = \"127.0.0.1:$((WORKERD_BASE_PORT + i))\", http = (), service = \"$w\"),"
  done
  echo '  ]'
  echo ');'
} > "$WORK/bench.capnp"
(cd "$WORK" && exec "$WORKERD" serve bench.capnp > "$WORK/workerd.log" 2>&1) &
WORKERD_PID=$!

echo "bench: starting Outpost (PostgreSQL + gateway, port offset $OFFSET)" >&2
"$REPO/bin/outpost" up postgres gateway-service >&2
for w in "${WORKERS[@]}"; do
  "$REPO/bin/outpost" deploy "$HERE/workers/$w.js" --name "bench-$w" --compatibility-date 2024-09-23 >/dev/null
done

outpost_url() { echo "http://127.0.0.1:$WORKER_PORT${REQUEST_PATH[$1]}"; }
workerd_url() {
  local i=0 w
  for w in "${WORKERS[@]}"; do i=$((i + 1)); [[ "$w" == "$1" ]] && break; done
  echo "http://127.0.0.1:$((WORKERD_BASE_PORT + i))${REQUEST_PATH[$1]}"
}
# Both runtimes must answer the same before anything is measured.
for w in "${WORKERS[@]}"; do
  for attempt in $(seq 1 50); do curl -sf -o /dev/null "$(workerd_url "$w")" && break; sleep 0.2; done
  a="$(curl -sf "$(workerd_url "$w")")"
  b="$(curl -sf -H "Host: bench-$w.localhost" "$(outpost_url "$w")")"
  if [[ "$a" != "$b" ]]; then
    echo "bench: $w answers differ: workerd '$a' vs Outpost '$b'" >&2; exit 1
  fi
done

# wrk's latency figures carry units (us, ms, s): print them in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
# run_wrk URL [HOST] -> "rps p50 p99"
run_wrk() {
  local url="$1" host="${2:-}" out
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency)
  [[ -n "$host" ]] && args+=(-H "Host: $host")
  out="$(wrk "${args[@]}" "$url")"
  local rps p50 p99
  rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  echo "$rps $p50 $p99"
}

echo "bench: warming up both runtimes" >&2
for w in "${WORKERS[@]}"; do
  wrk -t1 -c"$CONNECTIONS" -d3s "$(workerd_url "$w")" >/dev/null
  wrk -t1 -c"$CONNECTIONS" -d3s -H "Host: bench-$w.localhost" "$(outpost_url "$w")" >/dev/null
done

printf '\nwrk -t%s -c%s -d%ss, %s cores\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)"
printf '%-8s %-8s %10s %9s %9s\n' worker runtime "req/s" "p50 ms" "p99 ms"
declare -A RESULT
for w in "${WORKERS[@]}"; do
  RESULT[$w.workerd]="$(run_wrk "$(workerd_url "$w")")"
  RESULT[$w.outpost]="$(run_wrk "$(outpost_url "$w")" "bench-$w.localhost")"
  for r in workerd outpost; do
    read -r rps p50 p99 <<<"${RESULT[$w.$r]}"
    printf '%-8s %-8s %10s %9s %9s\n' "$w" "$r" "$rps" "$p50" "$p99"
  done
done
printf '\n%-8s %18s %18s\n' worker "throughput ratio" "p99 ratio"
for w in "${WORKERS[@]}"; do
  read -r wr _ wp99 <<<"${RESULT[$w.workerd]}"
  read -r orps _ op99 <<<"${RESULT[$w.outpost]}"
  awk -v w="$w" -v a="$orps" -v b="$wr" -v c="$op99" -v d="$wp99" \
    'BEGIN { printf "%-8s %17.2fx %17.2fx\n", w, a / b, (d > 0 ? c / d : 0) }'
done

# Cold start: deploy fresh workers and time each one's first request (client side, so an upper bound of the
# server-side time; the upload already compiled the script, as Outpost does on every deploy).
declare -a COLD_MS
for i in $(seq 1 "$COLD"); do
  "$REPO/bin/outpost" deploy "$HERE/workers/hello.js" --name "cold-$i" --compatibility-date 2024-09-23 >/dev/null
  out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Host: cold-$i.localhost" "http://127.0.0.1:$WORKER_PORT/")"
  code="${out%% *}" t="${out#* }"
  [[ "$code" == 200 ]] || { echo "bench: first request to cold-$i answered $code" >&2; exit 1; }
  COLD_MS+=("$(awk -v t="$t" 'BEGIN { printf "%.2f", t * 1000 }')")
done
printf '\ncold start (first request after deploy, %s workers): median %s ms, max %s ms\n' "$COLD" \
  "$(printf '%s\n' "${COLD_MS[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" \
  "$(printf '%s\n' "${COLD_MS[@]}" | sort -g | tail -1)"
