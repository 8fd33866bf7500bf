/**
 * Which bundle this browser tab has just sent (sessionStorage): its page then
 * says 「まとめて申請しました」 and shows the key to keep; opened later, it is a
 * status page. The key itself never lingers in storage.
 */
import { readStored, writeStored } from '../../common/storage';

const key = (receiptNumber: string) => `madoguchi:bundle-sent:${receiptNumber}`;

export const markBundleSent = (receiptNumber: string) => writeStored(key(receiptNumber), true, 'session');

export const wasBundleJustSent = (receiptNumber: string) => readStored<boolean>(key(receiptNumber), 'session') === true;

/** The bundle's status page (under its municipality); the secret rides in the fragment, which browsers never send to a server. */
export const bundleStatusPath = (code: string, receiptNumber: string, secret: string) => `/m/${code}/bundle/${encodeURIComponent(receiptNumber)}#${encodeURIComponent(secret)}`;
