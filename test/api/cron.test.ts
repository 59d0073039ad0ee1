import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runScheduled, JOBS } from '../../workers/jobs/scheduled';
import { RATE_WINDOW_MAX_MS } from '../../db/queries/maintenance';
import { ORPHAN_MIN_AGE_MS } from '../../workers/jobs/orphans';

/*
 * The cron's jobs are isolated from each other's failures, and its purges remove exactly what
 * no reader can use any more: expired sessions, spent rate-limit counters, and uploads that no
 * row names once they are a day old.
 */

const count = async (q: string) => (await env.DB.prepare(q).first<{ n: number }>())!.n;
const iso = (ms: number) => new Date(ms).toISOString();

async function addSessions(now: number) {
  await env.DB.batch([
    env.DB.prepare("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('cron-expired', 'user-member-fgw', ?1, ?1, ?2)").bind(
      iso(now - 40 * 864e5),
      iso(now - 60_000),
    ),
    env.DB.prepare("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('cron-live', 'user-member-fgw', ?1, ?1, ?2)").bind(
      iso(now),
      iso(now + 864e5),
    ),
    env.DB.prepare("INSERT INTO rate_limits (key, count, window_start) VALUES ('cron:old', 3, ?), ('cron:now', 2, ?)").bind(
      now - RATE_WINDOW_MAX_MS - 60_000,
      now - (now % 60_000),
    ),
  ]);
}

describe('cron', () => {
  it('runs every job even when one fails, logs it, and reports the failure at the end', async () => {
    const now = Date.now();
    await addSessions(now);
    // a real failure inside one job: the table it purges is gone
    await env.DB.prepare('ALTER TABLE contest_views RENAME TO contest_views_away').run();
    const events = await count('SELECT MAX(rowid) n FROM activity_events');
    await env.DB.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES ('cron-ev', 'user-member-fgw', 'fgw', '/root/fgw/', 'camp-quiz', 'quiz', 'quiz_attempt', 1, 1, ?, 'cron-ev')",
    )
      .bind(iso(now))
      .run();
    try {
      await expect(runScheduled(env, now)).rejects.toThrow('cron jobs failed: purge-view-marks');
    } finally {
      await env.DB.prepare('ALTER TABLE contest_views_away RENAME TO contest_views').run();
    }
    // the jobs after the failing one ran: rollups folded the new event, the purges purged
    expect(await count("SELECT last_rowid n FROM rollup_state WHERE name = 'activity'")).toBeGreaterThan(events);
    expect(await count("SELECT COUNT(*) n FROM sessions WHERE id_hash = 'cron-expired'")).toBe(0);
    // and with the table back, the run succeeds
    await runScheduled(env, now);
  });

  it('runs a job after a failing one in any position (each in its own try/catch)', async () => {
    const ran: string[] = [];
    const jobs = [
      {
        name: 'first',
        run: async () => {
          ran.push('first');
        },
      },
      {
        name: 'broken',
        run: async () => {
          throw new Error('boom');
        },
      },
      {
        name: 'last',
        run: async () => {
          ran.push('last');
        },
      },
    ];
    await expect(runScheduled(env, Date.now(), jobs)).rejects.toThrow('cron jobs failed: broken');
    expect(ran).toEqual(['first', 'last']);
    expect(JOBS.map((j) => j.name)).toEqual(expect.arrayContaining(['purge-sessions', 'purge-rate-limits', 'purge-orphaned-media', 'roll-up-activity']));
  });

  it('purges expired sessions and spent rate-limit counters, and keeps live ones', async () => {
    const now = Date.now() + 1000;
    await env.DB.prepare("DELETE FROM sessions WHERE id_hash LIKE 'cron-%'").run();
    await env.DB.prepare("DELETE FROM rate_limits WHERE key LIKE 'cron:%'").run();
    await addSessions(now);
    await runScheduled(env, now);
    expect(await count("SELECT COUNT(*) n FROM sessions WHERE id_hash = 'cron-expired'")).toBe(0);
    expect(await count("SELECT COUNT(*) n FROM sessions WHERE id_hash = 'cron-live'")).toBe(1);
    expect(await count("SELECT COUNT(*) n FROM rate_limits WHERE key = 'cron:old'")).toBe(0);
    expect(await count("SELECT COUNT(*) n FROM rate_limits WHERE key = 'cron:now'")).toBe(1);
  });

  it('deletes uploads no row names once they are a day old, and nothing else', async () => {
    const cover = (await env.DB.prepare("SELECT id FROM campaigns WHERE id = 'camp-quiz'").first<{ id: string }>())!.id;
    await env.MEDIA.put('entries/camp-contest/lost-upload/original', new Uint8Array([1, 2, 3]));
    await env.MEDIA.put('receipts/camp-drive/lost-receipt', new Uint8Array([1]));
    await env.MEDIA.put(`covers/${cover}/kept-cover`, new Uint8Array([1]));
    await env.DB.prepare("UPDATE campaigns SET cover_key = ? WHERE id = 'camp-quiz'").bind(`covers/${cover}/kept-cover`).run();
    await env.MEDIA.put('elsewhere/not-ours', new Uint8Array([1]));
    await env.DB.prepare("DELETE FROM job_cursors WHERE name = 'media-orphans'").run();
    // too young: kept
    await runScheduled(env, Date.now());
    expect(await env.MEDIA.head('entries/camp-contest/lost-upload/original')).not.toBeNull();
    // a day later: the orphans go, what a row names and what is not under our prefixes stays
    await runScheduled(env, Date.now() + ORPHAN_MIN_AGE_MS + 60_000);
    expect(await env.MEDIA.head('entries/camp-contest/lost-upload/original')).toBeNull();
    expect(await env.MEDIA.head('receipts/camp-drive/lost-receipt')).toBeNull();
    expect(await env.MEDIA.head(`covers/${cover}/kept-cover`)).not.toBeNull();
    expect(await env.MEDIA.head('elsewhere/not-ours')).not.toBeNull();
    const named = await env.DB.prepare('SELECT image_key k FROM contest_entries WHERE image_key IS NOT NULL LIMIT 1').first<{ k: string }>();
    if (named) {
      await env.MEDIA.put(named.k, new Uint8Array([1]));
      await env.DB.prepare("DELETE FROM job_cursors WHERE name = 'media-orphans'").run();
      await runScheduled(env, Date.now() + ORPHAN_MIN_AGE_MS + 60_000);
      expect(await env.MEDIA.head(named.k)).not.toBeNull();
    }
  });
});
