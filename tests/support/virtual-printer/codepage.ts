/**
 * Text bytes as the printer shows them: 0x20–0x7E are ASCII; a byte from 0x80 up goes through the selected code
 * page (ESC t on ESC/POS, ESC GS t on StarPRNT). Only a few pages are modelled; any other byte shows as '?', which is
 * exactly what a code page does to Thai, Korean, Gujarati or Arabic-script text it cannot hold.
 */

// The upper half of code page 437 (Epson page 0, Star page 0/1).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const win1252 = new TextDecoder('windows-1252');
const cp866 = new TextDecoder('ibm866');

export type CodePage = 'cp437' | 'cp1252' | 'cp866' | 'unknown';

/** Epson ESC t n: 0 = PC437, 16 = WPC1252, 17 = PC866; the rest are not modelled. */
export function escPosCodePage(n: number): CodePage {
  if (n === 0) return 'cp437';
  if (n === 16) return 'cp1252';
  if (n === 17) return 'cp866';
  return 'unknown';
}

/** StarPRNT ESC GS t n: 0/1 = 437, 32 = 1252; the rest are not modelled. */
export function starCodePage(n: number): CodePage {
  if (n === 0 || n === 1) return 'cp437';
  if (n === 32) return 'cp1252';
  return 'unknown';
}

export function byteToChar(byte: number, page: CodePage): string {
  if (byte >= 0x20 && byte < 0x7f) return String.fromCharCode(byte);
  if (byte < 0x80) return '?';
  if (page === 'cp437') return CP437_HIGH[byte - 0x80] ?? '?';
  if (page === 'cp1252') {
    const ch = win1252.decode(Uint8Array.of(byte));
    return ch === '\ufffd' ? '?' : ch;
  }
  if (page === 'cp866') return cp866.decode(Uint8Array.of(byte));
  return '?';
}
