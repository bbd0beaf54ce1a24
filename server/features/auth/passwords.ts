import { hash, verify, type Algorithm } from '@node-rs/argon2';

/*
 * argon2id with the OWASP Password Storage Cheat Sheet's first profile (19 MiB, 2 passes, 1 lane).
 * The parameters are stored inside each hash, so raising them later still verifies old hashes.
 * `Algorithm` is an ambient const enum, which isolatedModules cannot read at runtime, hence the literal 2
 * (= Algorithm.Argon2id), typed against the enum so a change upstream fails to compile.
 */
const ARGON2ID: Algorithm = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False (never throws) for a wrong password or a malformed stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of time, so that even the first unknown-user login costs one verify, not more. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy password for timing equalisation');
  return dummyHash;
}

/**
 * Spends the same time as checking a real password, for logins naming an unknown user, so response timing does
 * not tell an attacker which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  await verifyPassword(await prepareDummyHash(), password);
}
