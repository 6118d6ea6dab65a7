import { encodePng } from '../images/png-encoder';

/** A 96×96 reward badge: a coloured disc with a light ring on white, as a PNG. */
export function rewardBadgePng([r, g, b]: readonly [number, number, number], size = 96): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre) / (size / 2);
      const i = (y * size + x) * 4;
      const ring = distance > 0.62 && distance < 0.72;
      const inside = distance <= 0.9;
      pixels[i] = inside && !ring ? r : 255;
      pixels[i + 1] = inside && !ring ? g : 255;
      pixels[i + 2] = inside && !ring ? b : 255;
      pixels[i + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}
