import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An antd form rule that checks a field with the same zod schema the server validates it with, so the form
 * and the API never disagree about what is valid. The message is the form's own localised text.
 */
export function zodRule(schema: ZodType, message: string): FormRule {
  return {
    validator: (_rule, value: unknown) =>
      value === undefined || value === '' || schema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}
