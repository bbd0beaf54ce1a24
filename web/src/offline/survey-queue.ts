/*
 * The survey outbox: every submitted household edit is stored in IndexedDB (so it survives closing the browser)
 * under its client-made id, then replayed to POST /api/survey-submissions/batch until the server has answered for
 * it. The server applies a clientId once, so replaying after a lost reply is harmless.
 */
import { ApiError } from '../api/client';
import { postSubmissionBatch } from '../features/survey/survey-api';
import type { Draft } from '../../../domain/surveys/survey-draft';
import type { HouseholdView, SubmissionError, SurveySubmission } from '../features/survey/survey-types';
import { idb, STORES } from './idb';

export type QueueStatus = 'pending' | 'conflict' | 'rejected';

export interface QueuedSubmission {
  clientId: string;
  /** Who made the edit: on a shared phone, only its author's session may send it. */
  userId: number;
  submission: SurveySubmission;
  /** What the list shows for this entry (household code and address), since the household may be new. */
  label: string;
  queuedAt: string;
  status: QueueStatus;
  /** The form's working copy, so reopening the household continues from the queued edit. */
  draft?: Draft;
  /** The server's current household when the submission conflicted. */
  server?: HouseholdView;
  error?: SubmissionError;
}

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface QueueState {
  items: QueuedSubmission[];
  phase: SyncPhase;
  lastSyncedAt: string | null;
}

/** The server takes at most this many submissions per batch (issue 4 contract). */
const BATCH_MAX = 200;
/** While changes wait, try again this often even without an "online" event (flaky mobile signal). */
const RETRY_MS = 15_000;

let state: QueueState = { items: [], phase: 'idle', lastSyncedAt: null };
const listeners = new Set<() => void>();
const syncedListeners = new Set<(households: HouseholdView[]) => void>();
let started = false;
let currentUserId: number | null = null;
let running: Promise<void> | null = null;

function setState(patch: Partial<QueueState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  const all = await idb.getAll<QueuedSubmission>(STORES.submissions);
  // Another member's edits stay stored for when they log in again; they are neither shown nor sent now.
  const items = all.filter((item) => item.userId === currentUserId);
  items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  setState({ items });
}

export function getQueueState(): QueueState {
  return state;
}

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called with the households the server applied, so screens can refresh what they show. */
export function onSynced(listener: (households: HouseholdView[]) => void): () => void {
  syncedListeners.add(listener);
  return () => syncedListeners.delete(listener);
}

export function newClientId(): string {
  return crypto.randomUUID();
}

/**
 * Stores a submission. `replaces` is a still-pending entry for the same household that this edit continues: it
 * is dropped, since the new entry carries the whole household again.
 */
export async function enqueue(
  submission: SurveySubmission,
  label: string,
  draft: Draft,
  replaces?: string,
): Promise<void> {
  if (replaces) await idb.delete(STORES.submissions, replaces);
  if (currentUserId === null) throw new Error('The survey queue has not been started for a user');
  await idb.put<QueuedSubmission>(STORES.submissions, {
    clientId: submission.clientId,
    userId: currentUserId,
    submission,
    label,
    queuedAt: new Date().toISOString(),
    status: 'pending',
    draft,
  });
  await reload();
  void syncNow();
}

/** "Keep mine": the same edit goes again with overwrite, under the same clientId's successor. */
export async function keepMine(clientId: string): Promise<void> {
  const item = await idb.get<QueuedSubmission>(STORES.submissions, clientId);
  if (!item) return;
  // A new clientId: the server remembers the first one as a conflict, and a replay must not return that answer.
  const next = newClientId();
  await idb.delete(STORES.submissions, clientId);
  await idb.put<QueuedSubmission>(STORES.submissions, {
    ...item,
    clientId: next,
    submission: {
      ...item.submission,
      clientId: next,
      baseVersion: item.server?.version ?? null,
      overwrite: true,
    },
    status: 'pending',
    server: undefined,
    error: undefined,
  });
  await reload();
  void syncNow();
}

/** "Keep the server's" (or give up a rejected edit): the entry leaves the queue. */
export async function discard(clientId: string): Promise<void> {
  await idb.delete(STORES.submissions, clientId);
  await reload();
}

async function syncOnce(): Promise<void> {
  await reload();
  const pending = state.items.filter((item) => item.status === 'pending');
  if (pending.length === 0) {
    setState({ phase: 'idle' });
    return;
  }
  setState({ phase: 'syncing' });
  const applied: HouseholdView[] = [];
  try {
    for (let i = 0; i < pending.length; i += BATCH_MAX) {
      const chunk = pending.slice(i, i + BATCH_MAX);
      const results = await postSubmissionBatch(chunk.map((item) => item.submission));
      for (const result of results) {
        const item = chunk.find((c) => c.clientId === result.clientId);
        if (!item) continue;
        if (result.status === 'applied' || result.status === 'duplicate') {
          await idb.delete(STORES.submissions, item.clientId);
          if (result.household) applied.push(result.household);
        } else if (result.status === 'conflict') {
          await idb.put<QueuedSubmission>(STORES.submissions, {
            ...item,
            status: 'conflict',
            server: result.server,
          });
        } else {
          await idb.put<QueuedSubmission>(STORES.submissions, {
            ...item,
            status: 'rejected',
            error: result.error,
          });
        }
      }
    }
    await reload();
    setState({ phase: 'idle', lastSyncedAt: new Date().toISOString() });
  } catch (error) {
    await reload();
    // Status 0 is "no network": normal on a phone in the field, and the retry timer tries again.
    setState({ phase: error instanceof ApiError && error.status === 0 ? 'offline' : 'error' });
  }
  if (applied.length > 0) for (const listener of syncedListeners) listener(applied);
}

/** Sends every pending entry; concurrent calls share the run in progress. */
export function syncNow(): Promise<void> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    setState({ phase: 'offline' });
    return Promise.resolve();
  }
  running ??= syncOnce().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Loads the user's stored queue and syncs whenever the network comes back, plus on a timer. Idempotent per user;
 * a different user (after logging out and in on the same phone) switches the queue to their entries.
 */
export function startQueue(userId: number): void {
  if (currentUserId !== userId) {
    currentUserId = userId;
    void reload().then(() => syncNow());
  }
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => setState({ phase: 'offline' }));
  window.setInterval(() => {
    if (state.items.some((item) => item.status === 'pending')) void syncNow();
  }, RETRY_MS);
}
