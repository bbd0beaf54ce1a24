/**
 * A `Content-Disposition: attachment` value for a download: an ASCII fallback name (other characters and quotes
 * become "_") and the exact UTF-8 name (RFC 6266 `filename*`), so Vietnamese file names survive in browsers.
 */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
