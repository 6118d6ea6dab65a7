import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The fonts shipped in resources/fonts (WOFF2, made by resources/fonts/build-fonts.py, see docs/FONTS.md), the
 * same files the UI's renderer/fonts.css uses. Each is registered under a "Stampdesk …" family name: an installed
 * font of the upstream name (another Noto Sans version) then cannot take its place, so coupons look alike on
 * every machine.
 */
export const FAMILY = {
  sans: 'Stampdesk Noto Sans',
  thai: 'Stampdesk Noto Sans Thai',
  gujarati: 'Stampdesk Noto Sans Gujarati',
  arabic: 'Stampdesk Noto Sans Arabic',
  /** Noto Sans CJK KR cut down to the 11,172 modern syllables, the jamo and CJK punctuation. */
  hangul: 'Stampdesk Noto Sans Hangul',
  mono: 'Stampdesk Noto Sans Mono',
} as const;

/** Each family's files are `<stem>-Regular.woff2` and `<stem>-Bold.woff2`. */
export const SHIPPED_FAMILIES: readonly { family: string; stem: string }[] = [
  { family: FAMILY.sans, stem: 'NotoSans' },
  { family: FAMILY.thai, stem: 'NotoSansThai' },
  { family: FAMILY.gujarati, stem: 'NotoSansGujarati' },
  { family: FAMILY.arabic, stem: 'NotoSansArabic' },
  { family: FAMILY.hangul, stem: 'NotoSansCJKkr-Hangul' },
  { family: FAMILY.mono, stem: 'NotoSansMono' },
];

export interface ShippedFace {
  family: string;
  file: string;
  weight: 400 | 700;
}

/** Every shipped file: each family in regular (400) and bold (700). */
export const SHIPPED_FACES: readonly ShippedFace[] = SHIPPED_FAMILIES.flatMap(({ family, stem }) => [
  { family, file: `${stem}-Regular.woff2`, weight: 400 as const },
  { family, file: `${stem}-Bold.woff2`, weight: 700 as const },
]);

const quoted = (families: readonly string[]) => families.map((f) => `"${f}"`).join(', ');
/** Installed fonts (found by name, no registration), only for what no shipped font has: Hanja in a Korean name. */
const SYSTEM_CJK = ['Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo'];

/**
 * Text: Latin, Thai, Gujarati, Arabic script, Hangul, all from shipped files; Noto Sans Mono after them for the
 * symbols Noto Sans lacks (arrows); then the system's CJK fonts.
 */
export const SANS = `${quoted([FAMILY.sans, FAMILY.thai, FAMILY.gujarati, FAMILY.arabic, FAMILY.hangul, FAMILY.mono, ...SYSTEM_CJK])}, sans-serif`;
/**
 * Codes: Noto Sans Mono alone. Redeem codes hold only [0-9A-Z-] (generated and POS codes alike), so no other font
 * is ever needed, and no script in a title or shop name can bring a fallback face into the code's line.
 */
export const MONO = `${quoted([FAMILY.mono])}, monospace`;

let registered = false;

/**
 * Registers the shipped fonts (resourcesDir/fonts) under their Stampdesk family names, once per process. Nothing
 * else is needed to draw every language: an installed font is reached only through SYSTEM_CJK, for Hanja.
 * Throws when a file is missing or unreadable: a coupon drawn without them would print empty boxes.
 */
export function registerCouponFonts(resourcesDir: string): void {
  if (registered) return;
  for (const face of SHIPPED_FACES) {
    const file = path.join(resourcesDir, 'fonts', face.file);
    if (!fs.existsSync(file) || !GlobalFonts.registerFromPath(file, face.family)) {
      throw new Error(`The coupon font ${file} is missing or damaged; reinstall Stampdesk.`);
    }
  }
  registered = true;
}
