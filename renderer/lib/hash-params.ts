/** Parameters after `?` in the address fragment, e.g. `#/issue-voucher?card=113772`. */
export function hashParam(name: string): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}
