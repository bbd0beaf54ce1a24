import { useEffect, useSyncExternalStore } from 'react';
import { getQueueState, startQueue, subscribeQueue, type QueueState } from './survey-queue';

/** The queue as React state; starts the queue (load from IndexedDB, online listener, retry timer) on first use. */
export function useSurveyQueue(): QueueState {
  useEffect(() => startQueue(), []);
  return useSyncExternalStore(subscribeQueue, getQueueState);
}
