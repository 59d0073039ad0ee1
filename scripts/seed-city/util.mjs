// Helpers of scripts/seed-city.mjs: its seeded random numbers, dates, and the transaction loader.

// mulberry32: the same city every run
let seed = 20190101;
export const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
export const pick = (xs) => xs[Math.floor(rand() * xs.length)];
export const DAY = 86_400_000;
export const iso = (ms) => new Date(ms).toISOString();
export const chinaDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
export const pad = (n, w) => String(n).padStart(w, '0');

/** Runs `fill(insert)` in one transaction; `insert(table, row)` is INSERT OR IGNORE with cached statements. */
export function loader(db, step) {
  return function load(label, fill) {
    const cache = new Map();
    let n = 0;
    const insert = (table, row) => {
      const cols = Object.keys(row);
      const key = `${table}:${cols.join(',')}`;
      let st = cache.get(key);
      if (!st) {
        st = db.prepare(`INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        cache.set(key, st);
      }
      n += Number(st.run(...cols.map((c) => row[c])).changes);
    };
    db.exec('BEGIN');
    try {
      fill(insert);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    step(`${label}: ${n.toLocaleString('en')} 行 / rows`);
  };
}
