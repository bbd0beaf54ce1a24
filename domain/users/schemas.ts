import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';
import { ROLE_IDS } from './roles.js';
import { RowIdSchema } from '../ids/row-id.js';

/*
 * Shapes of accounts, shared by the server (request validation, OpenAPI) and the web (forms, typed client).
 * Password length is deliberately NOT checked here: the server answers a short password with the coded error
 * AUTH_WEAK_PASSWORD (naming the minimum), and the web checks MIN_PASSWORD_LENGTH from password-policy.ts.
 */

/** Lower-case letters, digits, dot, dash, underscore; 3 to 50 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export const RoleSchema = z.enum(ROLE_IDS);
export const LocaleSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

/** Usernames are compared case-insensitively by storing them lower-cased. */
export const UsernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN);
export const DisplayNameSchema = z.string().trim().min(1).max(120);
export const PasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);
/** Units the account is responsible for: it sees them and everything below them. */
export const ScopeUnitIdsSchema = z.array(RowIdSchema).max(500);

export const LoginInputSchema = z.strictObject({
  // Not held to USERNAME_PATTERN: a malformed name is simply an unknown user, answered like any wrong login.
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: PasswordSchema,
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: PasswordSchema,
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const CreateUserInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  password: PasswordSchema,
  role: RoleSchema,
  scopeUnitIds: ScopeUnitIdsSchema.default([]),
  locale: LocaleSchema.default('vi'),
  /** Defaults to true when an admin creates the account (they chose the password), false for the CLI and seeds. */
  mustChangePassword: z.boolean().optional(),
});
/** What a caller passes (defaults not yet applied). */
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z
  .strictObject({
    displayName: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    scopeUnitIds: ScopeUnitIdsSchema.optional(),
    isActive: z.boolean().optional(),
    locale: LocaleSchema.optional(),
  })
  .refine((input) => Object.values(input).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const ResetPasswordInputSchema = z.strictObject({ newPassword: PasswordSchema });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

export const USER_PAGE_SIZE_MAX = 100;

/** A query-string parameter that may be left blank (`?role=`), which means the same as leaving it out. */
export function blankAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const UserListQuerySchema = z.strictObject({
  /** Matches username or display name, ignoring case and Vietnamese diacritics. */
  q: z.string().trim().max(100).optional(),
  role: blankAsAbsent(RoleSchema),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(USER_PAGE_SIZE_MAX).default(20),
  /** Accepted everywhere for the reply language (see server/errors.ts pickLocale). */
  lang: LocaleSchema.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const ScopeUnitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune', 'hamlet']),
  type: z.string(),
});
export type ScopeUnit = z.infer<typeof ScopeUnitSchema>;

export const RoleAbilitiesSchema = z.object({
  canManageUsers: z.boolean(),
  canReadAudit: z.boolean(),
  canImportUnits: z.boolean(),
  canEditUnits: z.boolean(),
});

/** The logged-in user, as GET /api/auth/me and POST /api/auth/login return them. */
export const MeSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: LocaleSchema,
  mustChangePassword: z.boolean(),
  scope: z.array(ScopeUnitSchema),
  abilities: RoleAbilitiesSchema,
});
export type Me = z.infer<typeof MeSchema>;

export const UserAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canResetPassword: z.boolean(),
  canDisable: z.boolean(),
});
export type UserAbilities = z.infer<typeof UserAbilitiesSchema>;

/** An account as the user administration pages see it. Never carries the password hash. */
export const UserRecordSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: LocaleSchema,
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  /** True while a lockout after failed logins is running. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  scope: z.array(ScopeUnitSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: UserAbilitiesSchema,
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

export const UserListSchema = z.object({
  items: z.array(UserRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserList = z.infer<typeof UserListSchema>;
