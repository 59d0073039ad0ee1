// What the benchmark files register; test/bench/run.mjs runs it all in one server run.
/** Requests measured under load against the no-op route. */
export const SUITE = [];
export function bench(name, request, note = '') {
  SUITE.push({ name, request, note });
}
/** Work on the database before the server starts (e.g. building big boards). */
export const SETUPS = [];
export const setup = (fn) => SETUPS.push(fn);
/** Measurements that are not a plain request under load; each returns report lines. */
export const MEASURES = [];
export const measure = (fn) => MEASURES.push(fn);
