/**
 * A page's bytes as text, in the encoding a browser would pick: a byte-order mark, else the
 * Content-Type's charset, else a `<meta charset>` near the start, else UTF-8 (the web's default for
 * new pages; most Indonesian sites use it). An unknown label falls back to UTF-8.
 */

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i;

export function decodeHtml(body: Buffer, declared: string | null): string {
  const fromBom = bomEncoding(body);
  if (fromBom) return decodeAs(body, fromBom);
  const label = declared ?? META_CHARSET.exec(body.subarray(0, 1024).toString('latin1'))?.[1] ?? 'utf-8';
  return decodeAs(body, label);
}

function bomEncoding(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

function decodeAs(body: Buffer, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.trim().toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}
