#!/usr/bin/env bash
# Generates the Prometheus samples into services/go1.27/: a metrics export, the way a user
# takes one out of Prometheus (`/api/v1/query_range`, JSON). Debian's Prometheus (installed
# if missing) scrapes, every second for 24 s:
# - programs/services/promleak (a service leaking sessions and goroutines, exporting the Go
#   collector's metrics on /metrics): promleak.query_range.json;
# - the same with -steady (nothing grows): promleak_steady.query_range.json;
# - Prometheus itself (client_golang's real Go collector, a healthy Go process):
#   prometheus_self.query_range.json.
# Each file holds the job's go_* and process_* series at a 1 s step. Beside them, the text
# exposition as a curl loop appends it: 12 scrapes of promleak's /metrics, 1.5 s apart
# (promleak.metrics.prom), and one of Prometheus's own (prometheus_self.metrics.prom). Called by generate.sh;
# safe to run alone.
#
#   bash sample-traces/generate-prom.sh            # if missing
#   FORCE=1 bash sample-traces/generate-prom.sh    # rerun
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
FORCE=${FORCE:-0}
OUT="$HERE/services/go1.27"
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMAXPROCS=2 GOTELEMETRY=off
# shellcheck source=toolchain.sh
source "$HERE/toolchain.sh"

if [ "$FORCE" != 1 ] && [ -s "$OUT/promleak.query_range.json" ] && [ -s "$OUT/promleak.metrics.prom" ]; then
	echo "== prometheus samples: up to date" >&2
	exit 0
fi
if [ ! -x /usr/bin/prometheus ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >&2
fi

WORK=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$WORK/promleak" ./promleak)
"$WORK/promleak" >"$WORK/leak.addr" &
pids+=($!)
"$WORK/promleak" -steady >"$WORK/steady.addr" &
pids+=($!)
sleep 0.5
PROM=127.0.0.1:19091
cat >"$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: promleak
    static_configs: [{targets: ["$(cat "$WORK/leak.addr")"]}]
  - job_name: promleak_steady
    static_configs: [{targets: ["$(cat "$WORK/steady.addr")"]}]
  - job_name: prometheus_self
    static_configs: [{targets: ["$PROM"]}]
YML
/usr/bin/prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
	--web.listen-address="$PROM" >"$WORK/prometheus.log" 2>&1 &
pids+=($!)
begin=$(date +%s)
# Meanwhile the service's own /metrics, scraped by hand every second as a curl loop would
# (promleak.metrics.prom), and one of Prometheus's own, client_golang's text
# (prometheus_self.metrics.prom).
(
	sleep 2
	for _ in $(seq 12); do
		curl -sf "http://$(cat "$WORK/leak.addr")/metrics" >>"$WORK/promleak.metrics.prom"
		sleep 1.5
	done
) &
pids+=($!)
sleep 26
curl -sf "http://$PROM/metrics" >"$WORK/prometheus_self.metrics.prom"
cp "$WORK/promleak.metrics.prom" "$WORK/prometheus_self.metrics.prom" "$OUT/"
end=$(date +%s)
for job in promleak promleak_steady prometheus_self; do
	curl -sfG "http://$PROM/api/v1/query_range" \
		--data-urlencode "query={job=\"$job\",__name__=~\"go_goroutines|go_memstats_.*|go_gc_duration_seconds_count|go_gc_duration_seconds_sum|process_start_time_seconds\"}" \
		--data-urlencode "start=$((begin + 1))" --data-urlencode "end=$end" --data-urlencode "step=1" \
		>"$OUT/$job.query_range.json"
	echo "== $job: $(wc -c <"$OUT/$job.query_range.json") bytes" >&2
done
