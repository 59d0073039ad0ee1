import { createApp } from './lib/app';
import { init } from './middleware/init';
import { session } from './middleware/session';
import { csrf } from './middleware/csrf';
import { authRoutes } from './routes/auth/auth.routes';
import { meRoutes } from './routes/me/me.routes';
import { homeRoutes } from './routes/me/home.routes';
import { notificationRoutes } from './routes/me/notifications.routes';
import { orgRoutes } from './routes/org/org.routes';
import { registryRoutes } from './routes/org/registry.routes';
import { rosterRoutes } from './routes/org/roster.routes';
import { campaignRoutes } from './routes/campaigns/campaigns.routes';
import { coverMediaRoutes, coverRoutes } from './routes/campaigns/covers.routes';
import { campaignTemplateRoutes } from './routes/campaigns/templates.routes';
import { leaderboardRoutes } from './routes/leaderboards/leaderboards.routes';
import { bankRoutes, questionRoutes } from './routes/quiz/banks.routes';
import { attemptRoutes, quizCampaignRoutes } from './routes/quiz/attempts.routes';
import { stageRoutes } from './routes/quiz/stages.routes';
import { matchRoutes, roomCampaignRoutes, roomRoutes } from './routes/quiz/rooms.routes';
import { contestCampaignRoutes, entryMediaRoutes, entryRoutes } from './routes/contest/entries.routes';
import { contestVoteCampaignRoutes, entryVoteRoutes } from './routes/contest/votes.routes';
import { certificateRoutes, inviteRoutes, pairRoutes, volunteerCampaignRoutes } from './routes/volunteer/volunteer.routes';
import { serviceRecordCampaignRoutes, serviceRecordRoutes } from './routes/volunteer/service-records.routes';
import { serviceActivityCampaignRoutes, serviceActivityRoutes } from './routes/volunteer/service-activities.routes';
import { driveCampaignRoutes, pledgeRoutes } from './routes/drive/drive.routes';
import { exhibitionCampaignRoutes } from './routes/exhibition/exhibition.routes';
import { bookingRoutes, slotRoutes, waitlistRoutes } from './routes/exhibition/bookings.routes';
import { entryJudgingRoutes, judgingCampaignRoutes, judgingRoundRoutes, judgingRoutes } from './routes/contest/judging.routes';
import { judgeInviteCampaignRoutes, judgeInviteRoutes } from './routes/contest/judge-invites.routes';
import { contestResultRoutes } from './routes/contest/results.routes';
import { unitPointsRoutes } from './routes/leaderboards/unit-points.routes';
import { docsPage, healthRoutes, openApiSpec, pingRoutes, qrRoutes } from './routes/system/system.routes';
import { benchRoutes } from './routes/system/bench.routes';
import { reportRoutes } from './routes/org/report.routes';
import { reportLedgerRoutes } from './routes/org/report-ledger.routes';
import { reportDocxRoutes } from './routes/org/report-docx.routes';
import { historyImportRoutes, historyTemplateRoutes } from './routes/org/history.routes';
import { embedRoutes } from './routes/embeds/embeds.routes';
import { devRoutes } from './routes/dev/dev.routes';
import { trainingCampaignRoutes } from './routes/training/training.routes';
import { sessionRoutes } from './routes/training/sessions.routes';
import { learningRoutes, materialCampaignRoutes, materialRoutes, studyRoutes } from './routes/training/study.routes';
import { trainingPlanRoutes } from './routes/training/plans.routes';
import { learningCertificateRoutes } from './routes/training/certificate.routes';
import { roleRoutes } from './routes/roles/roles.routes';
import { auditRoutes } from './routes/audit/audit.routes';
import { meDataRoutes, pairWithdrawRoutes } from './routes/me/data.routes';
import { auditExports } from './middleware/audit-exports';
import { wechatRoutes } from './routes/wechat/wechat.routes';

/** The v1 API: every domain's sub-app mounted in one place (STYLE.md rule 3). */
const v1 = createApp()
  .route('/health', healthRoutes)
  .route('/ping', pingRoutes)
  .route('/qr.svg', qrRoutes)
  .route('/auth', authRoutes)
  .route('/dev', devRoutes)
  .route('/wechat', wechatRoutes)
  .route('/me', meRoutes)
  .route('/me', meDataRoutes)
  .route('/me', homeRoutes)
  .route('/me', notificationRoutes)
  .route('/org-units', orgRoutes)
  .route('/org-units', reportRoutes)
  .route('/org-units', reportLedgerRoutes)
  .route('/org-units', reportDocxRoutes)
  .route('/org-units', historyImportRoutes)
  .route('/history', historyTemplateRoutes)
  .route('/org-units', registryRoutes)
  .route('/roster', rosterRoutes)
  .route('/org-units', roleRoutes)
  .route('/org-units', auditRoutes)
  .route('/org-units', unitPointsRoutes)
  .route('/campaigns', campaignRoutes)
  .route('/campaigns', coverRoutes)
  .route('/campaign-templates', campaignTemplateRoutes)
  .route('/campaigns', leaderboardRoutes)
  .route('/campaigns', quizCampaignRoutes)
  .route('/campaigns', stageRoutes)
  .route('/campaigns', roomCampaignRoutes)
  .route('/rooms', roomRoutes)
  .route('/matches', matchRoutes)
  .route('/question-banks', bankRoutes)
  .route('/questions', questionRoutes)
  .route('/attempts', attemptRoutes)
  .route('/campaigns', contestCampaignRoutes)
  .route('/campaigns', contestVoteCampaignRoutes)
  .route('/campaigns', judgingCampaignRoutes)
  .route('/campaigns', contestResultRoutes)
  .route('/entries', entryRoutes)
  .route('/entries', entryVoteRoutes)
  .route('/entries', entryJudgingRoutes)
  .route('/judging-rounds', judgingRoundRoutes)
  .route('/judging', judgingRoutes)
  .route('/campaigns', judgeInviteCampaignRoutes)
  .route('/judge-invites', judgeInviteRoutes)
  .route('/campaigns', volunteerCampaignRoutes)
  .route('/campaigns', serviceRecordCampaignRoutes)
  .route('/service-records', serviceRecordRoutes)
  .route('/pairs', pairRoutes)
  .route('/pairs', pairWithdrawRoutes)
  .route('/invites', inviteRoutes)
  .route('/certificates', certificateRoutes)
  .route('/campaigns', serviceActivityCampaignRoutes)
  .route('/service-activities', serviceActivityRoutes)
  .route('/campaigns', driveCampaignRoutes)
  .route('/pledges', pledgeRoutes)
  .route('/campaigns', exhibitionCampaignRoutes)
  .route('/slots', slotRoutes)
  .route('/bookings', bookingRoutes)
  .route('/waitlist', waitlistRoutes)
  .route('/campaigns', trainingCampaignRoutes)
  .route('/campaigns', materialCampaignRoutes)
  .route('/sessions', sessionRoutes)
  .route('/materials', materialRoutes)
  .route('/studies', studyRoutes)
  .route('/me', learningRoutes)
  .route('/org-units', trainingPlanRoutes)
  .route('/me', learningCertificateRoutes);

export type AppType = typeof v1;

export const api = createApp();
api.use('*', init, session, csrf);
api.use('/api/v1/*', auditExports);
api.route('/api/v1', v1);
api.route('/api/v1/_bench', benchRoutes);
api.route('/embed/v1', embedRoutes);
api.route('/media/entries', entryMediaRoutes);
api.route('/media/covers', coverMediaRoutes);
api.get('/api/v1/openapi.json', async (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(await openApiSpec(v1));
});
api.get('/api/docs', async (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(docsPage((await openApiSpec(v1)) as Parameters<typeof docsPage>[0]));
});
