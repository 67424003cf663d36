/**
 * TEMPORARY stand-in for ENC's src/importers/text-encoding.ts (branch
 * i18-enc), with the signatures of the common plan; removed when that
 * branch is merged and read-wire.ts imports from '../text-encoding.js'.
 */
export type EncodingSource = 'forced' | 'bom' | 'declared' | 'http' | 'detected';

export class EncodingError extends Error {
  constructor(
    readonly code: 'ENCODING_INVALID' | 'ENCODING_UNKNOWN' | 'ENCODING_UNCERTAIN',
    message: string,
  ) {
    super(message);
  }
}

export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

export function xmlDeclaredEncoding(head: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return (
    /^(?:\uFEFF|ï»¿)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text)?.[1] ??
    null
  );
}

function arabicLetters(text: string): number {
  return (text.match(/[\u0621-\u064A]/g) ?? []).length;
}

export function detectArabicEncoding(bytes: Uint8Array): { encoding: string; certain: boolean } {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', certain: true };
  } catch {
    // not UTF-8
  }
  let iso: string;
  try {
    iso = new TextDecoder('iso-8859-6', { fatal: true }).decode(bytes);
  } catch {
    return { encoding: 'windows-1256', certain: true };
  }
  const windows = new TextDecoder('windows-1256').decode(bytes);
  const a = arabicLetters(iso);
  const b = arabicLetters(windows);
  if (a > b * 1.2) return { encoding: 'iso-8859-6', certain: true };
  if (b > a * 1.2) return { encoding: 'windows-1256', certain: true };
  return { encoding: 'windows-1256', certain: false };
}

export function streamingDecoder(encoding: string): {
  write(chunk: Uint8Array): string;
  end(): string;
} {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  const fail = (chunk: Uint8Array): never => {
    let low = 0;
    let high = chunk.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      try {
        new TextDecoder(encoding, { fatal: true }).decode(chunk.subarray(0, middle + 1), {
          stream: true,
        });
        low = middle + 1;
      } catch {
        high = middle;
      }
    }
    const at = offset + low;
    const byte = (chunk[low] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new EncodingError(
      'ENCODING_INVALID',
      `The text is not valid ${encoding}: byte 0x${byte} at offset ${at}.`,
    );
  };
  return {
    write(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        return text;
      } catch {
        return fail(chunk);
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw new EncodingError(
          'ENCODING_INVALID',
          `The text is not valid ${encoding}: it ends inside a character at offset ${offset}.`,
        );
      }
    },
  };
}
