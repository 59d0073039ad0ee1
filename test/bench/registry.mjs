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

/** The p-quantile (0–1) of a list of latencies. */
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};

/** Runs `task(i)` for i < count, `concurrency` at a time; returns latencies and statuses. */
export async function run(count, concurrency, task) {
  const lat = [];
  const statuses = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        const st = await task(i);
        lat.push(performance.now() - t);
        statuses[st] = (statuses[st] ?? 0) + 1;
      }
    }),
  );
  return { lat, statuses, seconds: (performance.now() - t0) / 1000 };
}
