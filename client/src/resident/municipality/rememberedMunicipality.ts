/** The municipality the resident chose last, remembered on the device. */
import type { Municipality } from '@madoguchi/shared';
import { readStored, writeStored } from '../../common/storage';

const KEY = 'madoguchi:municipality';

export type RememberedMunicipality = Pick<Municipality, 'code' | 'name' | 'prefecture'>;

export const readRememberedMunicipality = () => readStored<RememberedMunicipality>(KEY);

export function rememberMunicipality(m: RememberedMunicipality): void {
  writeStored(KEY, { code: m.code, name: m.name, prefecture: m.prefecture });
}
