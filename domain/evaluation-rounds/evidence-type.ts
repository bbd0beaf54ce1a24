/*
 * Evidence files are typed by their first bytes, never by their name: an executable renamed "quyet-dinh.pdf" starts
 * with MZ or \x7fELF and is refused. DOCX and XLSX are ZIP containers; the entry names inside tell them apart.
 */

export type EvidenceMime =
  | 'application/pdf'
  | 'image/jpeg'
  | 'image/png'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const EXTENSION: Record<EvidenceMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const EXTENSION_KEYS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<string, EvidenceMime>;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

/** True when the bytes contain the ASCII text (used on a ZIP's local file headers, which hold entry names). */
function containsAscii(bytes: Uint8Array, text: string, limit: number): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  const end = Math.min(bytes.length, limit) - needle.length;
  for (let i = 0; i <= end; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) ok = bytes[i + j] === needle[j];
    if (ok) return true;
  }
  return false;
}

/** The evidence type of a file from its content, or null when it is not one of the allowed types. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office files name their main part early; scanning the whole file would be slow for 10 MB uploads.
    const scan = Math.min(bytes.length, 2 * 1024 * 1024);
    if (containsAscii(bytes, 'word/', scan)) return EXTENSION_KEYS.docx;
    if (containsAscii(bytes, 'xl/', scan)) return EXTENSION_KEYS.xlsx;
  }
  return null;
}

/** The extension matching the detected type, to name a download sensibly whatever the uploader called it. */
export function evidenceExtension(mime: EvidenceMime): string {
  return EXTENSION[mime];
}

/** A filename safe to store and show: no path, no control characters, at most 200 characters, never empty. */
export function cleanEvidenceFilename(name: string, mime: EvidenceMime): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim();
  if (!cleaned) return `minh-chung.${evidenceExtension(mime)}`;
  if (cleaned.length <= 200) return cleaned;
  // Cut the stem, not the extension, so the download still opens with the right program.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}
