/** The staff API of the municipality's disasters (server/src/http/disasterRoutes.ts). */
import type { Disaster, DisasterDeclaration } from '@madoguchi/shared';
import { staffApi } from '../../api';
import type { StaffUser } from '../../types';

const base = (code: string) => `/municipalities/${encodeURIComponent(code)}/disasters`;
const one = (code: string, id: string) => `${base(code)}/${encodeURIComponent(id)}`;

export const disastersApi = {
  list: (code: string) => staffApi<{ items: Disaster[] }>('GET', base(code)),
  declare: (code: string, body: DisasterDeclaration) => staffApi<Disaster>('POST', base(code), body),
  amend: (code: string, id: string, body: DisasterDeclaration) => staffApi<Disaster>('PUT', one(code, id), body),
  close: (code: string, id: string) => staffApi<Disaster>('POST', `${one(code, id)}/close`),
  /** Names for 「宣言した職員」 (admins only: users.read). */
  users: (code: string) => staffApi<{ items: StaffUser[] }>('GET', `/municipalities/${encodeURIComponent(code)}/users`),
};
