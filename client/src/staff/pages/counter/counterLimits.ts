/** As many procedures as one visit (one bundle) takes: the server's MAX_BUNDLE_ITEMS. */
export const MAX_PROCEDURES = 10;
