#!/usr/bin/env bash
# Makes assets/fonts/NotoSansSC-subset.otf, the CJK fallback font bundled into the binary
# (src/ui/fonts.rs), from Debian's fonts-noto-cjk package (Noto Sans CJK SC, SIL OFL 1.1;
# the licence is OFL.txt beside this script).
#
# The package is unpacked into a temporary directory (never installed), so the machine's
# fontconfig directories stay as they were. The subset keeps:
#   - GB2312 levels 1 and 2: the 6,763 hanzi of simplified Chinese, plus its symbols;
#   - Big5 level 1: the 5,401 frequent hanzi of traditional Chinese;
#   - JIS X 0208 (Shift JIS): kanji levels 1 and 2, hiragana, katakana, symbols;
#   - KS X 1001 (EUC-KR) rows up to hangul: the 2,350 hangul syllables of modern Korean
#     writing and the compatibility jamo (all 11,172 syllables would double the file);
#   - CJK symbols and punctuation, fullwidth forms, halfwidth katakana.
#
#   bash assets/fonts/make-cjk-subset.sh        # needs python3 with fonttools (pip install fonttools;
#                                               # PYTHONPATH for a --target install)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && apt-get download fonts-noto-cjk >/dev/null && dpkg-deb -x fonts-noto-cjk_*.deb x)
TTC="$TMP/x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

# Every character that the legacy encodings above can encode, as a text file.
python3 - "$TMP/chars.txt" <<'PY'
import sys

chars = set()

def table(codec, leads, trails):
    for a in leads:
        for b in trails:
            try:
                chars.update(bytes([a, b]).decode(codec))
            except UnicodeDecodeError:
                pass

table('gb2312', range(0xA1, 0xF8), range(0xA1, 0xFF))                 # symbols + levels 1, 2
table('big5', range(0xA1, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))  # symbols + level 1
table('shift_jis', list(range(0x81, 0xA0)) + list(range(0xE0, 0xEB)),
      list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)))                # JIS X 0208
table('euc_kr', range(0xA1, 0xC9), range(0xA1, 0xFF))                 # KS X 1001 symbols, jamo, hangul
chars.update(map(chr, range(0x3000, 0x3100)))   # CJK punctuation, hiragana, katakana
chars.update(map(chr, range(0xFF00, 0xFFF0)))   # fullwidth and halfwidth forms
chars.update(map(chr, range(0x20, 0x7F)))       # ASCII, so mixed runs keep one baseline
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
print(len(chars), 'characters requested', file=sys.stderr)
PY

# Face 2 of the collection is Noto Sans CJK SC (simplified Chinese glyph forms).
python3 -m fontTools.subset "$TTC" --font-number=2 --text-file="$TMP/chars.txt" --layout-features='' \
	--no-hinting --name-IDs='*' --output-file="$HERE/NotoSansSC-subset.otf"

python3 - "$HERE/NotoSansSC-subset.otf" <<'PY'
import os, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
print('%s: %d glyphs, %d code points, %.2f MiB' % (os.path.basename(sys.argv[1]),
      len(f.getGlyphOrder()), len(f.getBestCmap()), os.path.getsize(sys.argv[1]) / 2**20))
PY
