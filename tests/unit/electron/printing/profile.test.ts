import { describe, expect, it } from 'vitest';
import { dotsPerMm, printerProfile } from '../../../../electron/printing/profile';

describe('printer profiles', () => {
  it('gives each paper its default dots and each width its resolution, so a coupon keeps its length in mm', () => {
    expect(printerProfile(80, undefined, 'esc-pos')).toMatchObject({ dots: 576, dpi: 203 });
    expect(printerProfile(58, null, 'esc-pos')).toMatchObject({ dots: 384, dpi: 203 });
    // the TM-T88 series: 512 dots at 180 dpi on 80 mm (72 mm printed)
    const t88 = printerProfile(80, 512, 'esc-pos');
    expect(t88.dpi).toBe(180);
    expect(512 / dotsPerMm(t88)).toBeCloseTo(72.2, 0);
    // a newer TM-T88 with the 58 mm guide: 420 dots over 52.5 mm, i.e. 203 dpi — not 59 mm that 58 mm paper cannot hold
    const guide = printerProfile(58, 420, 'esc-pos');
    expect(guide.dpi).toBe(203);
    expect(420 / dotsPerMm(guide)).toBeLessThan(58 - 4);
  });
});
