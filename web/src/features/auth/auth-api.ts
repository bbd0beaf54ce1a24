import { useQuery } from '@tanstack/react-query';
import { api, isUnauthenticated } from '../../api/client';
import type { Me } from '../../api/types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The logged-in user, or null for a visitor (the server answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const reply = await api.get<{ user: Me }>('/api/auth/me');
    return reply.user;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function login(username: string, password: string): Promise<{ user: Me }> {
  return api.post<{ user: Me }>('/api/auth/login', { username, password });
}

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { currentPassword, newPassword });
}

/** The server answers a short password with AUTH_WEAK_PASSWORD; the forms check the same minimum first. */
export { MIN_PASSWORD_LENGTH } from '../../../../domain/users/password-policy';
