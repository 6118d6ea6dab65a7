import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** Font families in fallback order: Latin, Thai, Gujarati, Arabic, then Korean from the system. */
export const SANS = '"Noto Sans", "Noto Sans Thai", "Noto Sans Gujarati", "Noto Sans Arabic", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif';
export const MONO = '"Noto Sans Mono", monospace';

const SYSTEM_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
let registered = false;

/** Registers the shipped coupon fonts (resources/fonts) and the system's Noto CJK once per process. */
export function registerCouponFonts(resourcesDir: string): void {
  if (registered) return;
  registered = true;
  const shipped = path.join(resourcesDir, 'fonts');
  if (fs.existsSync(shipped)) GlobalFonts.loadFontsFromDir(shipped);
  for (const dir of SYSTEM_DIRS) {
    for (const file of ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc']) {
      const full = path.join(dir, file);
      if (fs.existsSync(full)) GlobalFonts.registerFromPath(full);
    }
  }
}
