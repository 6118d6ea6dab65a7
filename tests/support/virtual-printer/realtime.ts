/**
 * Real-time requests are answered as the bytes arrive, before (and regardless of) the command parser, as printers do:
 * DLE EOT n (10 04 n) and Star's ESC ACK SOH (1B 06 01). Like a real printer this also answers the same three bytes
 * met inside image data (printing-anchors §2, [CIT-RT]), and it answers while offline or holding data.
 */
export type RealtimeRequest = { kind: 'dle-eot'; n: number } | { kind: 'star-asb' };

export class RealtimeScanner {
  private tail = Buffer.alloc(0);

  scan(chunk: Buffer): RealtimeRequest[] {
    const data = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const found: RealtimeRequest[] = [];
    for (let i = 0; i + 2 < data.length; i++) {
      if (data[i] === 0x10 && data[i + 1] === 0x04) found.push({ kind: 'dle-eot', n: data[i + 2]! });
      else if (data[i] === 0x1b && data[i + 1] === 0x06 && data[i + 2] === 0x01) found.push({ kind: 'star-asb' });
      else continue;
      i += 2;
    }
    // keep the last two bytes unless they ended a match
    const keep = Math.min(2, data.length);
    this.tail = Buffer.from(data.subarray(data.length - keep));
    if (found.length > 0 && this.endsWithMatch(data)) this.tail = Buffer.alloc(0);
    return found;
  }

  private endsWithMatch(data: Buffer): boolean {
    const n = data.length;
    if (n < 3) return false;
    return (data[n - 3] === 0x10 && data[n - 2] === 0x04) || (data[n - 3] === 0x1b && data[n - 2] === 0x06 && data[n - 1] === 0x01);
  }
}
