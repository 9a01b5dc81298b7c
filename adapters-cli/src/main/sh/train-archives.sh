#!/bin/sh
# Builds the class archives ./sandboxec starts from, and records which JVM to use:
#  - an AOT cache (JEP 483/514) with the newest JDK >= 25 under /usr/lib/jvm, if any;
#  - an AppCDS archive with the JDK that runs the build (17 or later).
# The training run is --dry-run: it exits normally (a run that execs writes no
# archive) after loading nearly every class a real run needs.
# Usage: train-archives.sh BUILD_JAVA_HOME TARGET_DIR
set -eu
build_java="$1/bin/java"
target=$2
jar="$target/sandboxec.jar"
conf="$target/launcher.conf"
flags="-XX:-MaxFDLimit -Xrs -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Dguice_bytecode_gen_option=DISABLED"
training="--dry-run --output json --fs rx:/usr --fs r:/etc/hosts --fs rw:/tmp --net c:443 --restrict-scoped -- true"

feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

rm -f "$target/sandboxec.jsa" "$target/sandboxec.aot" "$conf"

# An archive only makes start-up faster: if one cannot be made, say so and go on.
# shellcheck disable=SC2086
if "$build_java" $flags -XX:ArchiveClassesAtExit="$target/sandboxec.jsa" -Xlog:disable -Xlog:all=off \
  -jar "$jar" $training >/dev/null; then
  echo "cds_java=$build_java" >"$conf"
else
  echo "train-archives: no AppCDS archive with $build_java; ./sandboxec starts without it" >&2
fi

aot_java=
aot_feature=0
for candidate in /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  version=$(feature "$candidate")
  case $version in ''|*[!0-9]*) continue ;; esac
  if [ "$version" -ge 25 ] && [ "$version" -gt "$aot_feature" ]; then
    aot_java=$candidate
    aot_feature=$version
  fi
done
if [ -n "$aot_java" ]; then
  # shellcheck disable=SC2086
  if "$aot_java" $flags -XX:+UseSerialGC --sun-misc-unsafe-memory-access=allow \
    -XX:AOTCacheOutput="$target/sandboxec.aot" -Xlog:disable -Xlog:all=off \
    -jar "$jar" $training >/dev/null; then
    echo "aot_java=$aot_java" >>"$conf"
  else
    echo "train-archives: no AOT cache with $aot_java; ./sandboxec uses the AppCDS archive" >&2
  fi
fi
echo "class archives: $(ls "$target"/sandboxec.jsa "$target"/sandboxec.aot 2>/dev/null | tr '\n' ' ')"
