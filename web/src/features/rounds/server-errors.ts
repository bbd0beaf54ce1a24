import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

interface FieldError {
  field: string;
}

/** "body.wardIds[0]" → "wardIds". */
function fieldName(path: string): string {
  return path.replace(/^body\./, '').split(/[.[]/)[0] ?? '';
}

/**
 * Puts a refused reply's errors under the form fields they name — 400 `details.fields[].field`, or a domain
 * error's `details.field` — with the form's own localised text for that field, and returns true when at least
 * one field was named. Anything else is left for an alert above the form.
 */
export function showServerFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  messageFor: (field: string) => string,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const listed = Array.isArray(error.details.fields) ? (error.details.fields as FieldError[]) : [];
  const names = new Set(listed.map((entry) => fieldName(String(entry.field))));
  if (typeof error.details.field === 'string') names.add(fieldName(error.details.field));
  const known = [...names].filter((name) => fields.includes(name));
  if (known.length === 0) return false;
  // A domain error carries its own precise message; a schema error gets the field's generic hint.
  const precise = error.code !== 'VALIDATION_FAILED' && error.message ? error.message : null;
  form.setFields(known.map((name) => ({ name, errors: [precise ?? messageFor(name)] })));
  return true;
}
