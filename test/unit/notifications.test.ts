import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, parseParams, renderNotification } from '../../shared/notifications';

describe('notification texts', () => {
  it('renders every kind in both languages with no placeholder left', () => {
    const params = {
      title: '书画大赛',
      time: '2026-12-05 09:00',
      party: 2,
      date: '2026-12-01',
      hours: 1.5,
      reason: '图片不清晰',
      work: '春晓',
      round: '初评',
      works: 3,
      stage: '决赛',
      rank: 2,
      session: '第一讲',
      location: '三楼',
    };
    for (const kind of NOTIFICATION_KINDS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const t = renderNotification(kind, params, lang);
        expect(t.title.length, `${kind} ${lang}`).toBeGreaterThan(0);
        expect(t.body, `${kind} ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('words a rejection reason and a session place only when there is one', () => {
    expect(renderNotification('entry_rejected', { title: '大赛', work: '春晓', reason: '模糊' }, 'zh-CN').body).toContain('原因：模糊');
    expect(renderNotification('entry_rejected', { title: '大赛', work: '春晓', reason: '' }, 'zh-CN').body).not.toContain('原因');
    expect(renderNotification('session_tomorrow', { title: '轮训', session: '第一讲', time: '09:00', location: '' }, 'en').body).not.toContain(' at  ');
    expect(renderNotification('session_tomorrow', { title: '轮训', session: '第一讲', time: '09:00', location: '三楼' }, 'zh-CN').body).toContain(
      '（地点：三楼）',
    );
  });

  it('reads stored parameters defensively: only strings and numbers of an object', () => {
    expect(parseParams('{"a":"x","b":2,"c":{"d":1},"e":null}')).toEqual({ a: 'x', b: 2 });
    expect(parseParams('[1]')).toEqual({});
    expect(parseParams('not json')).toEqual({});
  });
});
