/**
 * Reads a text file as the user saved it: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Bytes that are not valid UTF-8 come through as U+FFFD, which the server answers with a clear
 * "not UTF-8" message instead of importing garbled names.
 */
export async function readTextFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}
