/** The thread as the API answers it (shared/src/api/contract/messageOperations.ts). */
export type { MessageThread as ThreadData } from '@madoguchi/shared/contract';
