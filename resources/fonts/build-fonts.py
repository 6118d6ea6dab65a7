#!/usr/bin/python3
"""Rebuilds the fonts Stampdesk ships (resources/fonts/*.woff2) and the UI's @font-face rules (renderer/fonts.css).

One-off build step, never run by the app or CI. Needs Debian 12 (bookworm) packages:

    apt-get install fonts-noto-core fonts-noto-mono fonts-noto-cjk python3-fonttools python3-brotli

Run from anywhere:  /usr/bin/python3 resources/fonts/build-fonts.py
The output is byte-for-byte reproducible from the same sources (checked below by SHA-256), so `git status` after a
run shows no change unless a source or this script changed. See docs/FONTS.md.

What it makes:
  - Noto Sans, Noto Sans Thai, Noto Sans Gujarati, Noto Sans Arabic, Noto Sans Mono (regular, bold): Debian's
    TTFs repacked as WOFF2, unchanged otherwise (same outlines and hinting; only the unsigned DSIG table goes).
  - NotoSansCJKkr-Hangul-{Regular,Bold}.woff2: Noto Sans CJK KR cut down to modern Hangul (see HANGUL_UNICODES),
    renamed "Stampdesk Noto Sans Hangul", CFF hints kept (they keep strokes on 1-bit receipt rasters).
  - renderer/fonts.css: one @font-face per file with a unicode-range taken from the file's own character map.
"""
import hashlib
import os
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CSS_OUT = ROOT / 'renderer' / 'fonts.css'
NOTO_TTF = Path('/usr/share/fonts/truetype/noto')
NOTO_CJK = Path('/usr/share/fonts/opentype/noto')

# (CSS / canvas family, upstream file stem). The family names carry a "Stampdesk" prefix so that an installed
# font of the same upstream name can never stand in for the shipped one (see electron/coupons/fonts.ts).
REPACKED = [
    ('Stampdesk Noto Sans', 'NotoSans'),
    ('Stampdesk Noto Sans Thai', 'NotoSansThai'),
    ('Stampdesk Noto Sans Gujarati', 'NotoSansGujarati'),
    ('Stampdesk Noto Sans Arabic', 'NotoSansArabic'),
    ('Stampdesk Noto Sans Mono', 'NotoSansMono'),
]
HANGUL_FAMILY = 'Stampdesk Noto Sans Hangul'
HANGUL_STEM = 'NotoSansCJKkr-Hangul'
KR_INDEX_IN_TTC = 1  # NotoSansCJK-*.ttc holds JP, KR, SC, TC, HK, then the Mono faces

# Modern Hangul and the CJK punctuation Korean text uses. No Latin (Noto Sans has it), no Hanja, no vertical forms.
HANGUL_UNICODES = [
    (0xAC00, 0xD7A3),  # Hangul Syllables: all 11,172 modern syllables
    (0x3131, 0x318E),  # Hangul Compatibility Jamo (what a keyboard types one letter at a time)
    (0x1100, 0x11FF),  # Hangul Jamo (decomposed text, e.g. names pasted from macOS; shaped into syllables)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 「」『』《》〈〉〜、。 and the ideographic space
    (0x3200, 0x321E),  # Parenthesized Hangul: ㈜ (company), ㈔ …
    (0x3260, 0x327F),  # Circled Hangul: ㉠ … ㉿
    (0xFF01, 0xFF60),  # Fullwidth forms a Korean IME types: ！（）～％ …
    (0xFFE0, 0xFFE6),  # Fullwidth signs: ￦ …
]

# Sources, pinned: Debian 12 fonts-noto-core / fonts-noto-mono 20201225-1, fonts-noto-cjk 1:20220127+repack1-1.
SOURCES = {
    'NotoSans-Regular.ttf': '89c3c497f618fdaa0b2d1e98fef93582f28c71debd2c4a8cdf41f190ced2909d',
    'NotoSans-Bold.ttf': 'e83493c945848ecd4a9ad0f6d19164541a0d3e23a9c952304a00a46e00272ac5',
    'NotoSansThai-Regular.ttf': 'dfbd5ed0f1e68c3cbc51aa08f646d1ab0e68e7c4ceab70a69e465225ff701f93',
    'NotoSansThai-Bold.ttf': '97bbc8ea98328325285f2f552228c7aac1db39d8f38f0096a61ba7df1f1f780e',
    'NotoSansGujarati-Regular.ttf': '4468a3a24516831874fb4a867b760a22257944584e478d32a97e3c4d4bfc6400',
    'NotoSansGujarati-Bold.ttf': 'db2b642c28b021da8cb0f3463bf41376549c850aa718ca863ec3ff5d5df0f2f7',
    'NotoSansArabic-Regular.ttf': '504d7407d86875acf7d04dfaa0fd7524d0b8797723bc4aa18022f29db25b0b6e',
    'NotoSansArabic-Bold.ttf': 'ded6fc7359ca36d15d7aab9ef0c066e21ce48b26a069994d6602fa2cb9a1b952',
    'NotoSansMono-Regular.ttf': '6b692c4b6d15ccf59f1c1fe8d11cb8a92f51960f3e9f1f523781755a3af7e29f',
    'NotoSansMono-Bold.ttf': 'b22563d5f03b345a62115e78d8789c9ed99c2cfa8059fad6e7a5c4ced288e21e',
    'NotoSansCJK-Regular.ttc': 'b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a',
    'NotoSansCJK-Bold.ttc': 'faa5f3656a78b2e2d450d27fe8382c778bc2b6bb5ea29c986664a6a435056ceb',
}
WEIGHTS = [('Regular', 400), ('Bold', 700)]


def source(name: str) -> Path:
    path = (NOTO_CJK if name.endswith('.ttc') else NOTO_TTF) / name
    if not path.is_file():
        sys.exit(f'{path} is missing: apt-get install fonts-noto-core fonts-noto-mono fonts-noto-cjk')
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if SOURCES[name] and digest != SOURCES[name] and not os.environ.get('STAMPDESK_FONTS_ANY_SOURCE'):
        sys.exit(f'{path} is not the pinned version (sha256 {digest}); set STAMPDESK_FONTS_ANY_SOURCE=1 to use it anyway')
    return path


def repack(stem: str, weight: str) -> Path:
    font = TTFont(source(f'{stem}-{weight}.ttf'), recalcTimestamp=False)
    if 'DSIG' in font:
        del font['DSIG']  # a signature of the TTF, void once repacked
    font.flavor = 'woff2'
    out = HERE / f'{stem}-{weight}.woff2'
    font.save(out, reorderTables=True)
    return out


def rename(font: TTFont, family: str, weight: str) -> None:
    """The subset is a Modified Version under the OFL: it gets its own name (the CJK fonts reserve 'Source')."""
    ps_name = family.replace(' ', '') + '-' + weight
    version = font['name'].getDebugName(5)
    names = {
        1: family,
        2: weight,
        3: f'{version.split(";")[0].replace("Version ", "")};{ps_name}',
        4: f'{family} {weight}' if weight != 'Regular' else family,
        6: ps_name,
        10: 'Hangul subset of Noto Sans CJK KR (syllables, jamo, CJK punctuation) made for Stampdesk.',
    }
    table = font['name']
    for name_id in (16, 17, 21, 22):  # typographic names would still say Noto Sans CJK KR
        table.removeNames(nameID=name_id)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
    cff = font['CFF '].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FullName = names[4]
    top.FamilyName = family


def hangul_subset(weight: str) -> Path:
    collection = TTCollection(source(f'NotoSansCJK-{weight}.ttc'), recalcTimestamp=False)
    font = collection.fonts[KR_INDEX_IN_TTC]
    options = subset.Options()
    options.layout_features = []  # modern Hangul needs no substitution; the old-Hangul jamo features cost 40 KB
    options.drop_tables += ['vhea', 'vmtx', 'VORG']  # no vertical writing
    options.name_IDs = ['*']
    options.hinting = True  # kept: unhinted strokes vanish at 16 px on a 1-bit receipt raster
    options.desubroutinize = True  # larger OTF, but Brotli then packs it 10% smaller
    options.flavor = 'woff2'
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for first, last in HANGUL_UNICODES for cp in range(first, last + 1)])
    subsetter.subset(font)
    rename(font, HANGUL_FAMILY, weight)
    font.flavor = 'woff2'
    out = HERE / f'{HANGUL_STEM}-{weight}.woff2'
    font.save(out, reorderTables=True)
    return out


def unicode_range(path: Path) -> str:
    codepoints = sorted(cp for cp in TTFont(path).getBestCmap() if cp >= 0x20 and not 0x7F <= cp <= 0x9F)  # no controls
    runs, first, last = [], codepoints[0], codepoints[0]
    for cp in codepoints[1:]:
        if cp != last + 1:
            runs.append((first, last))
            first = cp
        last = cp
    runs.append((first, last))
    return ', '.join(f'U+{a:X}' if a == b else f'U+{a:X}-{b:X}' for a, b in runs)


def font_face(family: str, path: Path, weight: int) -> str:
    lines = [
        '@font-face {',
        f"  font-family: '{family}';",
        f"  src: url('../resources/fonts/{path.name}') format('woff2');",
        '  font-style: normal;',
        f'  font-weight: {weight};',
        '  font-display: swap;',
        f'  unicode-range: {unicode_range(path)};',
        '}',
    ]
    return '\n'.join(lines)


def write_css(faces: list[tuple[str, Path, int]]) -> None:
    scripts = "'Stampdesk Noto Sans Thai', 'Stampdesk Noto Sans Gujarati', 'Stampdesk Noto Sans Arabic',\n    'Stampdesk Noto Sans Hangul'"
    system_cjk = "'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo'"
    header = f"""/*
 * The UI's fonts: the files in resources/fonts, bundled by Vite into dist/renderer/assets, so the admin looks
 * the same on every OS and shows Thai, Korean, Gujarati and Arabic script on a machine without those fonts.
 * Each face has the unicode-range of its own character map, so a script's file is fetched only when a page
 * shows that script. Noto Sans Mono closes the shipped list in --font-ui for the symbols Noto Sans lacks (→ ← ↑ ↓).
 * After the shipped faces: the system's fonts, for what none of them has (Hanja, emoji).
 *
 * GENERATED by resources/fonts/build-fonts.py: change that script and run it, do not edit this file.
 */
:root {{
  --font-ui: 'Stampdesk Noto Sans', {scripts}, 'Stampdesk Noto Sans Mono',
    system-ui, -apple-system, 'Segoe UI', {system_cjk}, sans-serif;
  --font-mono: 'Stampdesk Noto Sans Mono', {scripts},
    ui-monospace, 'SFMono-Regular', Menlo, Consolas, {system_cjk}, monospace;
}}
"""
    CSS_OUT.write_text(header + '\n' + '\n\n'.join(font_face(*face) for face in faces) + '\n', encoding='utf-8')


def main() -> None:
    faces: list[tuple[str, Path, int]] = []
    for family, stem in REPACKED[:4]:
        faces += [(family, repack(stem, weight), css_weight) for weight, css_weight in WEIGHTS]
    faces += [(HANGUL_FAMILY, hangul_subset(weight), css_weight) for weight, css_weight in WEIGHTS]
    family, stem = REPACKED[4]
    faces += [(family, repack(stem, weight), css_weight) for weight, css_weight in WEIGHTS]
    write_css(faces)
    for _, path, _ in faces:
        print(f'{path.stat().st_size:>9,}  {path.relative_to(ROOT)}')
    print(f'{sum(path.stat().st_size for _, path, _ in faces):>9,}  total')


if __name__ == '__main__':
    main()
