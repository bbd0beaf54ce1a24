import { useEffect, useSyncExternalStore } from 'react';
import { useMe } from '../features/auth/auth-api';
import { getQueueState, startQueue, subscribeQueue, type QueueState } from './survey-queue';

/**
 * The logged-in user's queue as React state; starts it (load from IndexedDB, online listener, retry timer) on
 * first use. Used inside the app layout, so the user is known.
 */
export function useSurveyQueue(): QueueState {
  const userId = useMe().data?.id;
  useEffect(() => {
    if (userId !== undefined) startQueue(userId);
  }, [userId]);
  return useSyncExternalStore(subscribeQueue, getQueueState);
}
