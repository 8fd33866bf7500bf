/**
 * The last bundle receipt of this browser tab (sessionStorage), with each
 * application's own status key and title: the receipt page survives a reload,
 * the keys do not linger on a shared device.
 */
import type { BundleResponse } from '@madoguchi/shared';
import { readStored, writeStored } from '../../common/storage';

export interface BundleReceipt extends BundleResponse {
  municipalityCode: string;
  titles: Record<string, string>;
}

const key = (receiptNumber: string) => `madoguchi:bundle-receipt:${receiptNumber}`;

export const saveBundleReceipt = (municipalityCode: string, response: BundleResponse, titles: Record<string, string>) =>
  writeStored(key(response.receiptNumber), { ...response, municipalityCode, titles }, 'session');

export const loadBundleReceipt = (receiptNumber: string) => readStored<BundleReceipt>(key(receiptNumber), 'session');

/** The bundle's status page (under its municipality); the secret rides in the fragment, which browsers never send to a server. */
export const bundleStatusPath = (code: string, receiptNumber: string, secret: string) => `/m/${code}/bundle/${encodeURIComponent(receiptNumber)}#${encodeURIComponent(secret)}`;
