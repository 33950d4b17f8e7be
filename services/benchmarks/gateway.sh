# Gateway benchmarks, sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK, $BASE, $ROUNDS,
# $DURATION, $CONNECTIONS are set; the rate limit is raised out of the way but still evaluated per request).
#
# One cheap registry GET, three ways, rounds interleaved so that noise from the shared machine hits all alike:
#   direct   the registry on 8081
#   gateway  the same request through the gateway on 8080
#   nginx    the same request through nginx (Debian package) as a reverse proxy to 8081, keepalive to upstream
# At 1 connection the gateway's added latency is the difference of the median p50s (target <= 0.3 ms); at
# $CONNECTIONS connections its throughput is compared with nginx's.
GATEWAY="http://localhost:8080"
# BENCH_GW_BASELINE_APP=DIR: a quarkus-app folder of the gateway built from an earlier commit (copy
# services/gateway/target/quarkus-app before changing the code). It runs on port 8090 (its own endpoints on 8089) in
# front of the same services, and every round measures it too ("gw-before"): an A/B of an edge change in one run.
BEFORE=""
NGINX_PORT="${BENCH_NGINX_PORT:-18088}"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"

if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    if [[ "$(id -u)" == "0" ]]; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    else
        echo "bench: nginx is needed for the gateway comparison (apt-get install nginx)" >&2
        exit 2
    fi
fi
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
# What the gateway does too: keep Host, add X-Forwarded-*, a request id up and down; stream request bodies.
# Keepalive connections to the upstream, as the gateway's pool; one worker per core (auto).
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    upstream registry {
        server 127.0.0.1:8081;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /api/ {
            proxy_pass http://registry;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-Port \$server_port;
            proxy_set_header X-Request-Id \$request_id;
            add_header X-Request-Id \$request_id always;
            proxy_request_buffering off;
        }
    }
}
NGINX
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/logs/stdout.log" 2>&1 &
NGINX_PID=$!
stop_nginx() {
    if kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
}
trap 'stop_nginx; cleanup' EXIT

if [[ -n "${BENCH_GW_BASELINE_APP:-}" ]]; then
    BEFORE="http://localhost:8090"
    PARINDEX_GATEWAY_HTTP_PORT=8090 QUARKUS_HTTP_PORT=8089 PARINDEX_DEMO_DATA=false \
        "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m -XX:+ExitOnOutOfMemoryError \
        -jar "$BENCH_GW_BASELINE_APP/quarkus-run.jar" >"$WORK/gw-baseline.log" 2>&1 &
    BASELINE_PID=$!
    until curl -sf "$BEFORE/q/health/ready" >/dev/null 2>&1; do
        kill -0 "$BASELINE_PID" 2>/dev/null || { cat "$WORK/gw-baseline.log"; exit 1; }
        sleep 0.2
    done
fi

echo "/api/units/04252?asOf=2025-06-30" >"$WORK/gw-unit.txt"
for url in "$BASE" "$GATEWAY" "$NGINX_URL" $BEFORE; do
    for _ in $(seq 50); do curl -sf -o /dev/null "$url/api/units/04252?asOf=2025-06-30" && break; sleep 0.2; done
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/units/04252?asOf=2025-06-30" || true)
    [[ "$code" == 200 ]] || { echo "bench: $url/api/units/04252 answered $code" >&2; cat "$WORK/nginx/logs/error.log" >&2; exit 1; }
done

gw_wrk() { # name url connections duration
    local threads=2
    [[ "$3" -lt 2 ]] && threads=1
    PATHS_FILE="$WORK/gw-unit.txt" wrk -t"$threads" -c"$3" -d"$4" -s services/benchmarks/wrk-paths.lua "$2" |
        grep '^RESULT' | sed "s/^RESULT/$1/"
}

echo "bench: gateway: warm-up (JIT and connection pools of the registry, the gateway and nginx; 30 s each)"
for url in "$BASE" "$GATEWAY" "$NGINX_URL" $BEFORE; do
    gw_wrk warm "$url" "$CONNECTIONS" "${BENCH_GW_WARMUP:-25s}" >/dev/null
    gw_wrk warm "$url" 1 "$WARMUP" >/dev/null
done
{
    for i in $(seq "$ROUNDS"); do
        gw_wrk gw-direct-1conn "$BASE" 1 "$DURATION"
        gw_wrk gw-gateway-1conn "$GATEWAY" 1 "$DURATION"
        [[ -z "$BEFORE" ]] || gw_wrk gw-before-1conn "$BEFORE" 1 "$DURATION"
        gw_wrk gw-nginx-1conn "$NGINX_URL" 1 "$DURATION"
        gw_wrk gw-direct "$BASE" "$CONNECTIONS" "$DURATION"
        gw_wrk gw-gateway "$GATEWAY" "$CONNECTIONS" "$DURATION"
        [[ -z "$BEFORE" ]] || gw_wrk gw-before "$BEFORE" "$CONNECTIONS" "$DURATION"
        gw_wrk gw-nginx "$NGINX_URL" "$CONNECTIONS" "$DURATION"
    done
} | tee -a "$WORK/results.txt" "$WORK/gateway.txt"
stop_nginx

python3 - "$WORK/gateway.txt" "$CONNECTIONS" <<'PY'
import statistics, sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, *kv = line.split()
    runs[name].append(dict(x.split("=") for x in kv))
med = lambda name, key: statistics.median(float(r[key]) for r in runs[name])
added_p50 = med("gw-gateway-1conn", "p50_ms") - med("gw-direct-1conn", "p50_ms")
added_p50_nginx = med("gw-nginx-1conn", "p50_ms") - med("gw-direct-1conn", "p50_ms")
print()
print(f"bench: gateway added latency at 1 connection (median p50 through the gateway - direct): "
      f"{added_p50 * 1000:.0f} µs (target <= 300 µs; nginx adds {added_p50_nginx * 1000:.0f} µs)")
print(f"bench: throughput at {sys.argv[2]} connections: direct {med('gw-direct', 'rps'):.0f} req/s, "
      f"gateway {med('gw-gateway', 'rps'):.0f} req/s, nginx {med('gw-nginx', 'rps'):.0f} req/s "
      f"(gateway/nginx {med('gw-gateway', 'rps') / med('gw-nginx', 'rps'):.2f})")
if "gw-before" in runs:
    added_before = med("gw-before-1conn", "p50_ms") - med("gw-direct-1conn", "p50_ms")
    print(f"bench: the baseline gateway (BENCH_GW_BASELINE_APP): {med('gw-before', 'rps'):.0f} req/s at "
          f"{sys.argv[2]} connections (gateway/nginx {med('gw-before', 'rps') / med('gw-nginx', 'rps'):.2f}), "
          f"adds {added_before * 1000:.0f} µs at 1 connection")
    for name in ("gw-gateway", "gw-before", "gw-nginx"):
        print(f"bench: {name} per round: " + ", ".join(f"{float(r['rps']):.0f}" for r in runs[name]))
PY
