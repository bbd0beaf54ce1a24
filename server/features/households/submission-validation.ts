import { errorMessages } from '../../error-messages.js';
import { AppError, localiseError, type ErrorCode, type Locale } from '../../errors.js';
import type { FieldError } from '../../plugins/error-handler.js';
import {
  checkHouseholdPlausibility,
  SurveySubmissionSchema,
  type PlausibilityIssue,
  type SurveySubmission,
} from '../../../domain/surveys/schemas.js';

/*
 * A submission is checked here rather than by the route's schema, because the shared schemas speak in message
 * keys ("more_than_one_head") that a team member should read as a sentence in their language, and because the
 * batch endpoint checks each item on its own. Fields are named the way the error handler names them
 * (`body.household.members.1.isHead`), so the form can point at the exact input.
 */

/** The readable text of a domain message key, or the key's own message when it is not a domain key. */
function messageOf(key: string, locale: Locale): { issue: string | null; message: string } {
  const code = `SURVEY_ISSUE_${key.toUpperCase()}`;
  if (code in errorMessages) return { issue: key, message: localiseError(code as ErrorCode, locale) };
  return { issue: null, message: key };
}

function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  return ['body', ...path.map(String)].join('.');
}

/** Domain issues (paths relative to the submission) as field errors. */
export function fieldErrorsOf(issues: PlausibilityIssue[], locale: Locale): FieldError[] {
  return issues.map((i) => {
    const { issue, message } = messageOf(i.message, locale);
    return { field: fieldOf(i.path), issue: issue ?? 'custom', message };
  });
}

/** Throws 400 VALIDATION_FAILED naming every bad field. */
export function rejectFields(fields: FieldError[]): never {
  throw new AppError('VALIDATION_FAILED', { fields });
}

/**
 * Parses a raw submission with the shared schema and the date-dependent plausibility checks. Throws 400
 * UNKNOWN_FIELD when the only problems are unknown fields, else 400 VALIDATION_FAILED; `today` is yyyy-MM-dd.
 */
export function parseSubmission(raw: unknown, today: string, locale: Locale): SurveySubmission {
  const parsed = SurveySubmissionSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          fields.push({
            field: fieldOf([...issue.path, key]),
            issue: 'unknown_field',
            message: issue.message,
          });
        continue;
      }
      const mapped = messageOf(issue.message, locale);
      fields.push({ field: fieldOf(issue.path), issue: mapped.issue ?? issue.code, message: mapped.message });
    }
    if (fields.length > 0 && fields.every((f) => f.issue === 'unknown_field'))
      throw new AppError('UNKNOWN_FIELD', { fields }, { field: fields[0].field });
    rejectFields(fields);
  }
  const submission = parsed.data;
  if (submission.household) {
    const issues = checkHouseholdPlausibility(submission.household, today).map((i) => ({
      ...i,
      path: ['household', ...i.path],
    }));
    if (issues.length > 0) rejectFields(fieldErrorsOf(issues, locale));
  }
  return submission;
}
