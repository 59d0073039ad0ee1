import { lazy } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Shell } from './ui/Shell';
import { Home } from './pages/Home';
import { Campaigns } from './pages/Campaigns';
import { CampaignPage } from './pages/Campaign';
import { Rank } from './pages/Rank';
import { Login, PasswordReset, Register } from './pages/Auth';
// a resident's 撤回同意 (PIPL), loaded on demand
const ConsentWithdraw = lazy(() => import('./pages/ConsentWithdraw'));
import { Me } from './pages/Me';
import { NotFound } from './pages/NotFound';

// the leaderboard (live socket, paging) is loaded only when someone opens one
const Leaderboard = lazy(() => import('./pages/Leaderboard'));
// quiz screens (lobby, play, result), loaded on demand
const QuizLobby = lazy(() => import('./pages/QuizLobby'));
const QuizPlay = lazy(() => import('./pages/QuizPlay'));
const QuizResult = lazy(() => import('./pages/QuizResult'));
// art contest screens (hub, submit, gallery, viewer, results), loaded on demand
const ContestHub = lazy(() => import('./pages/ContestHub'));
const ContestSubmit = lazy(() => import('./pages/ContestSubmit'));
const ContestGallery = lazy(() => import('./pages/ContestGallery'));
const ContestResults = lazy(() => import('./pages/ContestResults'));
const GalleryViewer = lazy(() => import('./pages/GalleryViewer'));
// "1+1" volunteer screens (我的1+1, invite landing, certificate, verification), loaded on demand
const VolunteerMine = lazy(() => import('./pages/VolunteerMine'));
const InviteLanding = lazy(() => import('./pages/InviteLanding'));
const JudgeInvite = lazy(() => import('./pages/JudgeInvite'));
const CertificatePage = lazy(() => import('./pages/CertificatePage'));
const CertificateVerify = lazy(() => import('./pages/CertificateVerify'));
const TrainingCertificate = lazy(() => import('./pages/TrainingCertificate'));
// 服务活动 check-in/out at the place (from the code screen's QR), loaded on demand
const ServiceCheck = lazy(() => import('./pages/ServiceCheck'));
// exhibition visits (预约参观, 我的预约, the ticket), loaded on demand
const ExhibitionPage = lazy(() => import('./pages/ExhibitionPage'));
const BookingsMine = lazy(() => import('./pages/BookingsMine'));
const BookingTicket = lazy(() => import('./pages/BookingTicket'));

// charity drive screens (募捐, 我的捐赠), loaded on demand
const DrivePage = lazy(() => import('./pages/DrivePage'));
const DriveMine = lazy(() => import('./pages/DriveMine'));
// live quiz rooms (现场竞赛 by PIN or QR) and matches (双人对战 / 四人赛), loaded on demand
const LiveJoin = lazy(() => import('./pages/LiveJoin'));
const LiveMatch = lazy(() => import('./pages/LiveMatch'));
const TrainingPage = lazy(() => import('./pages/TrainingPage'));
// 消息中心, loaded on demand
const Messages = lazy(() => import('./ui/Notify').then((m) => ({ default: m.Messages })));

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={Home} />
      <Route path="/campaigns" component={Campaigns} />
      <Route path="/c/:idOrSlug" component={CampaignPage} />
      <Route path="/c/:idOrSlug/rank" component={Leaderboard} />
      <Route path="/c/:idOrSlug/contest" component={ContestHub} />
      <Route path="/c/:idOrSlug/submit" component={ContestSubmit} />
      <Route path="/c/:idOrSlug/gallery" component={ContestGallery} />
      <Route path="/c/:idOrSlug/results" component={ContestResults} />
      <Route path="/works/:entryId" component={GalleryViewer} />
      <Route path="/c/:idOrSlug/quiz" component={QuizLobby} />
      <Route path="/quiz/:attemptId" component={QuizPlay} />
      <Route path="/quiz/:attemptId/result" component={QuizResult} />
      <Route path="/c/:idOrSlug/volunteer" component={VolunteerMine} />
      <Route path="/c/:idOrSlug/certificate" component={CertificatePage} />
      <Route path="/invite/:code" component={InviteLanding} />
      <Route path="/judge-invite/:code" component={JudgeInvite} />
      <Route path="/verify/:code" component={CertificateVerify} />
      <Route path="/learning/certificate" component={TrainingCertificate} />
      <Route path="/service-activities/:id/check" component={ServiceCheck} />
      <Route path="/c/:idOrSlug/visit" component={ExhibitionPage} />
      <Route path="/my-bookings" component={BookingsMine} />
      <Route path="/my-bookings/:code" component={BookingTicket} />
      <Route path="/c/:idOrSlug/drive" component={DrivePage} />
      <Route path="/c/:idOrSlug/my-pledges" component={DriveMine} />
      <Route path="/live" component={LiveJoin} />
      <Route path="/live/:pin" component={LiveJoin} />
      <Route path="/c/:idOrSlug/match" component={LiveMatch} />
      <Route path="/c/:idOrSlug/training" component={TrainingPage} />
      <Route path="/rank" component={Rank} />
      <Route path="/login" component={Login} />
      <Route path="/register" component={Register} />
      <Route path="/reset" component={PasswordReset} />
      <Route path="/me" component={Me} />
      <Route path="/messages" component={Messages} />
      <Route path="/withdraw" component={ConsentWithdraw} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
