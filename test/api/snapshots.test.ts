import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { createDb } from '../../db/client';
import { snapshotted } from '../../workers/api/lib/snapshots';
import { overviewKey } from '../../workers/api/lib/overview';
import { runScheduled, JOBS } from '../../workers/jobs/scheduled';
import { REPORT_PRESETS } from '../../shared/report';
import { chinaDay } from '../../shared/china-time';

/*
 * Slow figures are kept as computed, with when (`asOf`): what a reader gets within the
 * snapshot's age, what `fresh` does, that a quick subtree (all of the demo) is never stored so
 * its organizers see their own writes at once, and that the guards still run first.
 */

const db = () => createDb(env.DB);
const stored = async (key: string) =>
  env.DB.prepare('SELECT body, computed_at AS at FROM figure_snapshots WHERE key = ?').bind(key).first<{ body: string; at: number }>();
const plant = (key: string, body: unknown, at: number) =>
  env.DB.prepare('INSERT OR REPLACE INTO figure_snapshots (key, body, computed_at, took_ms) VALUES (?, ?, ?, 9000)').bind(key, JSON.stringify(body), at).run();

describe('figure snapshots', () => {
  it('keeps a slow computation for its age, recomputes after it or when asked fresh, and forgets one that became quick', async () => {
    let runs = 0;
    const compute = async () => ({ n: ++runs });
    // slowMs 0: every computation counts as slow
    const first = await snapshotted(db(), 'snap:t', { maxAgeMs: 60e3, slowMs: 0 }, compute);
    expect(first.value).toEqual({ n: 1 });
    expect(JSON.parse((await stored('snap:t'))!.body)).toEqual({ n: 1 });
    const again = await snapshotted(db(), 'snap:t', { maxAgeMs: 60e3, slowMs: 0 }, compute);
    expect(again).toEqual(first);
    expect(runs).toBe(1);
    // asked fresh: computed now and stored again
    expect((await snapshotted(db(), 'snap:t', { maxAgeMs: 60e3, fresh: true, slowMs: 0 }, compute)).value).toEqual({ n: 2 });
    expect(JSON.parse((await stored('snap:t'))!.body)).toEqual({ n: 2 });
    // older than its age: computed again
    await env.DB.prepare('UPDATE figure_snapshots SET computed_at = computed_at - 120000 WHERE key = ?').bind('snap:t').run();
    expect((await snapshotted(db(), 'snap:t', { maxAgeMs: 60e3, slowMs: 0 }, compute)).value).toEqual({ n: 3 });
    // quick now (under slowMs): live from now on, the stored one is dropped
    expect((await snapshotted(db(), 'snap:t', { maxAgeMs: 60e3, fresh: true, slowMs: 60e3 }, compute)).value).toEqual({ n: 4 });
    expect(await stored('snap:t')).toBeNull();
  });

  it('概览 of a quick subtree is computed live on every read, with asOf now', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const r = await root.get('/api/v1/org-units/root/metrics');
    expect(r.status).toBe(200);
    expect(Math.abs(Date.parse(r.body.asOf) - Date.now())).toBeLessThan(60e3);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM figure_snapshots').first<{ n: number }>()).toEqual({ n: 0 });
    // a new point shows at once
    await env.DB.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) SELECT 'snap-ev', user_id, org_unit_id, org_path, 'camp-quiz', 'quiz', 'quiz_attempt', 7, 1, ?, 'snap-ev' FROM memberships WHERE role = 'member' LIMIT 1",
    )
      .bind(new Date().toISOString())
      .run();
    const after = await root.get('/api/v1/org-units/root/metrics');
    expect(after.body.points).toBe(r.body.points + 7);
  });

  it('serves a stored 概览 and report within their age (after the guards), and fresh=1 computes them now', async () => {
    const from = '2096-01-01';
    const q = { from, series: 'day' as const };
    const at = Date.now() - 60e3;
    await plant(
      overviewKey('root', q),
      { orgUnitId: 'root', members: 30000, activeMembers: 12345, participationRate: 0.41, points: 1, byKind: {}, units: [], series: [] },
      at,
    );
    const root = await signedIn(PHONES.rootOrganizer);
    const snap = await root.get(`/api/v1/org-units/root/metrics?from=${from}&series=day`);
    expect(snap.status).toBe(200);
    expect(snap.body.activeMembers).toBe(12345);
    expect(snap.body.asOf).toBe(new Date(at).toISOString());
    // the guards run before any snapshot is read: a member is still refused
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.get(`/api/v1/org-units/root/metrics?from=${from}&series=day`)).status).toBe(403);
    // fresh: the real (demo) figures, and the demo's quick computation drops the stored one
    const fresh = await root.get(`/api/v1/org-units/root/metrics?from=${from}&series=day&fresh=1`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.activeMembers).not.toBe(12345);
    expect(await stored(overviewKey('root', q))).toBeNull();
    expect((await root.get(`/api/v1/org-units/root/metrics?fresh=0`)).status).toBe(400);

    // the report: figures as stored for the closed period, until asked fresh
    const children = (await env.DB.prepare("SELECT id FROM org_units WHERE parent_id = 'root' ORDER BY path").all<{ id: string }>()).results.map((u) => u.id);
    const key = `report:root:2091-01-01:2091-12-31:${children.join(',')}`;
    await plant(key, [{ 'quiz.participants': 777 }, { 'quiz.participants': 777 }], at);
    const rep = await root.get('/api/v1/org-units/root/report?from=2091-01-01&to=2091-12-31');
    expect(rep.status).toBe(200);
    expect(rep.body.figures.find((f: { id: string }) => f.id === 'quiz.participants').value).toBe(777);
    expect(rep.body.byYear['2091']['quiz.participants']).toBe(777);
    expect(rep.body.asOf).toBe(new Date(at).toISOString());
    const repFresh = await root.get('/api/v1/org-units/root/report?from=2091-01-01&to=2091-12-31&fresh=1');
    expect(repFresh.body.figures.find((f: { id: string }) => f.id === 'quiz.participants').value).toBe(0);
    expect(await stored(key)).toBeNull();
  });

  it('the cron counts the root 概览 and report presets ahead of their readers, keeping them only where slow, and forgets day-old snapshots', async () => {
    const children = (await env.DB.prepare("SELECT id FROM org_units WHERE parent_id = 'root' ORDER BY path").all<{ id: string }>()).results.map((u) => u.id);
    const today = chinaDay();
    const presets = REPORT_PRESETS.map((p) => p.range(today));
    const reportKey = (r: { from: string; to: string }) => `report:root:${r.from}:${r.to}:${children.join(',')}`;
    // one preset's snapshot is young (kept as it is), another's is within a tick of its hour (counted again)
    await plant(reportKey(presets[2]!), [{ 'quiz.participants': 5 }], Date.now() - 10 * 60e3);
    await plant(reportKey(presets[1]!), [{ 'quiz.participants': 5 }], Date.now() - 58 * 60e3);
    await plant('metrics:old', {}, Date.now() - 2 * 86_400e3);
    await plant('metrics:new', {}, Date.now());
    await runScheduled(
      env,
      Date.now(),
      JOBS.filter((j) => ['snapshot-overviews', 'snapshot-reports', 'purge-snapshots'].includes(j.name)),
    );
    // the demo's root is quick: its recounts are not stored (and drop the old one); the day-old snapshot is gone
    const keys = (await env.DB.prepare('SELECT key FROM figure_snapshots ORDER BY key').all<{ key: string }>()).results.map((r) => r.key);
    expect(keys).toEqual(['metrics:new', reportKey(presets[2]!)]);
  });
});
