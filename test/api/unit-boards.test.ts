import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client } from '../helpers';
import { ancestorAt, depthOf, rollUp } from '../../shared/unit-boards';

describe('unit boards by level', () => {
  it('ranks the 机关党委 against each other by their whole subtree (members only below them)', async () => {
    const board = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?scope=org&level=1&limit=100');
    expect(board.status).toBe(200);
    expect(board.body.level).toBe(1);
    expect(board.body.aggregation).toBe('average');
    const level1 = (await env.DB.prepare("SELECT id, path FROM org_units WHERE depth = 1 AND path LIKE '/root/%'").all<{ id: string; path: string }>()).results;
    expect(new Set(board.body.entries.map((e: { key: string }) => e.key))).toEqual(new Set(level1.map((u) => u.id)));
    // each score: the subtree's points ÷ the subtree's registered members (the campaign's average)
    const campaign = (await env.DB.prepare("SELECT id FROM campaigns WHERE slug = 'dangshi-daily'").first<{ id: string }>())!.id;
    for (const u of level1) {
      const { sum } = (await env.DB.prepare(
        `SELECT COALESCE(SUM(e.score), 0) AS sum FROM leaderboard_entries e JOIN org_units o ON o.id = e.org_unit_id
         WHERE e.board_id = (SELECT board_id FROM leaderboards WHERE campaign_id = ? AND board_id NOT LIKE '%:stage:%' LIMIT 1) AND o.path LIKE ?`,
      )
        .bind(campaign, `${u.path}%`)
        .first<{ sum: number }>())!;
      const { n } = (await env.DB.prepare("SELECT COUNT(DISTINCT user_id) AS n FROM memberships WHERE role = 'member' AND org_path LIKE ?")
        .bind(`${u.path}%`)
        .first<{ n: number }>())!;
      const entry = board.body.entries.find((e: { key: string }) => e.key === u.id);
      expect(entry.score, u.id).toBe(n ? Math.round((sum / n) * 100) / 100 : 0);
    }
    expect(board.body.entries.some((e: { score: number }) => e.score > 0)).toBe(true);
    // ranks follow the scores
    const scores = board.body.entries.map((e: { score: number }) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // without a level: the units where members are (the 党支部), never a 机关党委
    const plain = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?scope=org&limit=100');
    expect(plain.body.entries.some((e: { key: string }) => level1.some((u) => u.id === e.key))).toBe(false);
    expect(plain.body.level).toBeUndefined();
    // level 2: the units one level further down
    const l2 = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?scope=org&level=2&limit=100');
    const depth2 = (await env.DB.prepare('SELECT COUNT(*) AS n FROM org_units WHERE depth = 2').first<{ n: number }>())!.n;
    expect(l2.body.total).toBe(depth2);
    const bad = await client().get('/api/v1/campaigns/dangshi-daily/leaderboard?scope=org&level=9');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.level).toContain('1 到 6');
  });

  it('rolls totals up along the path; units above the level count for none', () => {
    expect(ancestorAt('/root/fgw/fgw-b1/', 1)).toBe('fgw');
    expect(ancestorAt('/root/', 1)).toBeNull();
    expect(depthOf('/root/fgw/fgw-b1/')).toBe(2);
    const paths = new Map([
      ['root', '/root/'],
      ['fgw', '/root/fgw/'],
      ['fgw-b1', '/root/fgw/fgw-b1/'],
      ['fgw-b2', '/root/fgw/fgw-b2/'],
      ['jyj-b1', '/root/jyj/jyj-b1/'],
    ]);
    const out = rollUp(
      [
        { orgUnitId: 'fgw-b1', sum: 10, participants: 2 },
        { orgUnitId: 'fgw-b2', sum: 5, participants: 1 },
        { orgUnitId: 'jyj-b1', sum: 7, participants: 3 },
        { orgUnitId: 'root', sum: 100, participants: 9 },
      ],
      paths,
      [
        { orgUnitId: 'fgw', name: '发改委', members: 40 },
        { orgUnitId: 'jyj', name: '教育局', members: 20 },
      ],
      1,
    );
    expect(out).toEqual([
      { orgUnitId: 'fgw', name: '发改委', members: 40, sum: 15, participants: 3 },
      { orgUnitId: 'jyj', name: '教育局', members: 20, sum: 7, participants: 3 },
    ]);
  });
});
