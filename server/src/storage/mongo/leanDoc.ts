/**
 * Documents as the MongoDB driver hands them back from `.lean()` queries and
 * the filters built for it: untyped JSON. This is the adapter's one escape
 * from the type checker; each repository maps these to the port's typed
 * shapes right where it reads them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: lean documents and query filters are untyped JSON
export type LeanDoc = any;
export type MongoFilter = Record<string, LeanDoc>;
