import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { PHONES, signedIn } from '../helpers';
import { EXPORT_MAX_ROWS } from '../../workers/api/lib/tables';

/*
 * Exports stream a page at a time, up to EXPORT_MAX_ROWS rows; past it the request is refused
 * before the first byte with 413 `export_too_large` (never a truncated file, a timeout or a
 * 5xx), and a narrower request (a period) is served.
 */

/** `n` finished attempts of the demo quiz contest, all started on China day 2096-03-01. */
async function bulkAttempts(n: number) {
  await env.DB.prepare(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
    INSERT INTO quiz_attempts (id, campaign_id, stage_id, user_id, status, mode, day, question_ids, current, shown_at, deadline, correct, score, ms_used, points, flags, started_at, finished_at)
    SELECT 'bulk-' || printf('%07d', i), s.campaign_id, s.id, 'user-member-fgw', 'finished', 'daily', '2096-03-01', '[]', 5, 0, 0, 3, 60, 90000, 3, 0, '2096-03-01T02:00:00.000Z', '2096-03-01T02:02:00.000Z'
    FROM k, (SELECT id, campaign_id FROM quiz_stages WHERE campaign_id = 'camp-quiz-contest' ORDER BY ord LIMIT 1) s`)
    .bind(n)
    .run();
}

describe('export limits', () => {
  it('refuses an attempts export past the maximum with 413 export_too_large, and serves a narrower period', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const small = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=csv');
    expect(small.status).toBe(200);
    expect(small.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('"姓名","阶段","状态","答对","题数","用时(秒)","积分","可疑标记","开始时间","结束时间"');

    await bulkAttempts(EXPORT_MAX_ROWS + 1);
    const big = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=csv');
    expect(big.status).toBe(413);
    expect(big.body.error.reason).toBe('export_too_large');
    expect(big.body.error.message).toContain(String(EXPORT_MAX_ROWS));
    const en = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=xlsx', { 'accept-language': 'en' });
    expect(en.status).toBe(413);

    // the same export a period at a time: the bulk day alone is still too long, any other period is served
    expect((await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=csv&from=2096-03-01&to=2096-03-01')).status).toBe(413);
    const before = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=csv&to=2096-02-29');
    expect(before.status).toBe(200);
    const after = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?format=csv&from=2096-03-02');
    expect(after.status).toBe(200);
    expect(after.text).toBe(small.text);
    expect(after.text).not.toContain('2096-03-01');
  });

  it('refuses a period that ends before it starts (400), and changes nothing', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.get('/api/v1/campaigns/camp-quiz-contest/attempts/export?from=2097-03-02&to=2097-03-01');
    expect(r.status).toBe(400);
    expect(r.body.error.fields.to).toBeTruthy();
  });

  it('refuses a bookings export past the maximum before the first byte', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    expect((await org.get('/api/v1/campaigns/camp-exhibition/bookings/export?format=csv')).status).toBe(200);
    await env.DB.prepare(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
      INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, status, created_at)
      SELECT 'bulk-bk-' || i, 'BULK' || i, b.campaign_id, b.slot_id, b.user_id, b.name, b.phone, 1, b.day, 'cancelled', b.created_at
      FROM k, (SELECT * FROM bookings WHERE campaign_id = 'camp-exhibition' LIMIT 1) b`)
      .bind(EXPORT_MAX_ROWS + 1)
      .run();
    const r = await org.get('/api/v1/campaigns/camp-exhibition/bookings/export?format=xlsx');
    expect(r.status).toBe(413);
    expect(r.body.error.reason).toBe('export_too_large');
  });
});
