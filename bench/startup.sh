#!/bin/sh
# Start-up benchmark: ./sandboxec --fs rx:/usr -- /usr/bin/true against
# /usr/bin/true, with 1, 100 and 1000 --fs rules, on each JVM the build
# prepared; then the set-up phase's peak RSS and what a running sandboxed
# command costs beyond itself. Needs hyperfine and python3
# (apt-get install hyperfine python3) and a built tree (mvn -DskipTests package).
# Usage: bench/startup.sh [RUNS]   (default 30)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-30}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

rules() {
  find /usr/lib/x86_64-linux-gnu -type f | sort | head -n "$1" | sed 's/^/--fs r:/' | tr '\n' ' '
}
r100=$(rules 100)
r1000=$(rules 1000)

jvms="aot cds"
grep -q '^aot_java=' adapters-cli/target/launcher.conf 2>/dev/null || jvms=cds

echo "## Wall time (hyperfine, $runs runs after 5 warm-ups; median)"
echo
echo "| JVM | command | median ms | mean ± σ ms | × /usr/bin/true |"
echo "|---|---|---|---|---|"
for jvm in $jvms; do
  # shellcheck disable=SC2086
  SANDBOXEC_JVM=$jvm hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/$jvm.json" \
    -n "true" "/usr/bin/true" \
    -n "1 rule" "./sandboxec --fs rx:/usr -- /usr/bin/true" \
    -n "100 rules" "./sandboxec --fs rx:/usr $r100 -- /usr/bin/true" \
    -n "1000 rules" "./sandboxec --fs rx:/usr $r1000 -- /usr/bin/true" >/dev/null 2>&1
  python3 - "$out/$jvm.json" "$jvm" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
for r in results:
    print(f"| {sys.argv[2]} | {r['command']} | {r['median']*1000:.1f} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} "
          f"| {r['median']/base:.0f} |")
PY
done

echo
echo "## Memory"
echo
for jvm in $jvms; do
  rss=$(SANDBOXEC_JVM=$jvm /usr/bin/time -f '%M' ./sandboxec --fs rx:/usr -- /usr/bin/true 2>&1 >/dev/null | tail -n 1)
  echo "- set-up phase peak RSS ($jvm): $((rss / 1024)) MiB"
done
./sandboxec --fs rx:/usr -- /usr/bin/sleep 3 &
pid=$!
/usr/bin/sleep 3 &
bare=$!
sleep 1.5
sandboxed_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
bare_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$bare/status")
children=$(pgrep -c -P "$pid" || true)
echo "- a running sandboxed sleep: $(cat "/proc/$pid/comm"), VmRSS $sandboxed_rss KiB (bare sleep: $bare_rss KiB), child processes: $children"
wait
