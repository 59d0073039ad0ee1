import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { requireViewer } from '../../lib/authz';
import { json } from '../../lib/openapi';
import { HomeResponse, type HomeItemDto } from '../../../../shared/contracts/me';
import { settingsOf } from '../../../../shared/contracts/campaigns';
import { addDays, chinaDay, chinaMidnight } from '../../../../shared/china-time';
import { orderHomeItems, STREAK_LOOKBACK_DAYS, streakDays } from '../../../../shared/home';
import { attemptsLeftToday, canResume } from '../../../../shared/quiz-play';
import { homeContext, quizToday } from '../../../../db/queries/home';

/**
 * The personal home page (GET /me/home), mounted at /me beside me.routes.ts: today's points,
 * the streak, one tap to today's quiz, and what waits for me.
 */
export const homeRoutes = createApp().get(
  '/home',
  describeRoute({
    tags: ['Accounts'],
    summary:
      "The signed-in member's home: points today, the streak of consecutive China days with activity, the daily quiz open now (attempts left today, an attempt to resume), and what waits for me — bookings and 服务活动 to come (soonest first), works and 1+1 records under review",
    responses: { 200: json(HomeResponse) },
  }),
  async (c) => {
    const viewer = requireViewer(c);
    const now = Date.now();
    const day = chinaDay(now);
    const ctx = await homeContext(c.var.db, viewer.id, {
      dayStartIso: new Date(chinaMidnight(day)).toISOString(),
      sinceIso: new Date(chinaMidnight(addDays(day, -STREAK_LOOKBACK_DAYS))).toISOString(),
      nowIso: new Date(now).toISOString(),
    });
    let quiz = null;
    if (ctx.quiz) {
      const s = settingsOf('quiz', ctx.quiz.settings);
      const mine = await quizToday(c.var.db, ctx.quiz.id, viewer.id, day);
      quiz = {
        campaign: { id: ctx.quiz.id, slug: ctx.quiz.slug, title: ctx.quiz.title },
        attemptsLeftToday: attemptsLeftToday(mine, s),
        activeAttemptId: mine.active && canResume(mine.active, now, day) ? mine.active.id : null,
      };
    }
    const items: HomeItemDto[] = [
      ...ctx.booked.map((b) => ({ kind: 'booking' as const, id: b.id, title: b.campaign.title, campaign: b.campaign, at: b.at, since: b.since, code: b.code })),
      ...ctx.signed.map((a) => ({ kind: 'service_activity' as const, id: a.id, title: a.title, campaign: a.campaign, at: a.at, since: a.since })),
      ...ctx.entries.map((e) => ({ kind: 'entry_review' as const, id: e.id, title: e.title, campaign: e.campaign, at: null, since: e.since })),
      ...ctx.records.map((r) => ({
        kind: 'record_review' as const,
        id: r.id,
        title: `${r.date} · ${r.hours}h · ${r.title}`,
        campaign: r.campaign,
        at: null,
        since: r.since,
      })),
    ];
    return c.json({ day, pointsToday: ctx.pointsToday, streak: streakDays(ctx.days, day), quiz, waiting: orderHomeItems(items) });
  },
);
