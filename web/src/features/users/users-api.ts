import { api } from '../../api/client';
import type { Page, Role, UserRow } from '../../api/types';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};

export function fetchUsers(q: string, page: number, pageSize: number): Promise<Page<UserRow>> {
  return api.get('/api/users', { q, page, pageSize });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopeUnitIds: number[];
}

export type UpdateUserInput = Partial<{
  displayName: string;
  role: Role;
  scopeUnitIds: number[];
  isActive: boolean;
}>;

export function createUser(input: CreateUserInput): Promise<{ user: UserRow }> {
  return api.post('/api/users', input);
}

export function updateUser(id: number, input: UpdateUserInput): Promise<unknown> {
  return api.patch(`/api/users/${id}`, input);
}

export function resetPassword(id: number, newPassword: string): Promise<void> {
  return api.post(`/api/users/${id}/reset-password`, { newPassword });
}
