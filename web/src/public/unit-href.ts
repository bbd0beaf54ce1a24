/** Public page of a ward or hamlet; the server serves the public entry for these paths (server/app.ts). */
export const UNIT_PATH = /^\/cong-khai\/don-vi\/(\d+)\/?$/;
export const unitHref = (id: number): string => `/cong-khai/don-vi/${id}`;
