import { lazy } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Layout } from './ui/Layout';
import { Login } from './pages/Login';
import { Overview } from './pages/Overview';
import { Org } from './pages/Org';
import { Campaigns } from './pages/Campaigns';
import { CampaignEdit, CampaignNew } from './pages/CampaignForm';

// the leaderboard page (live socket, import, embed) is loaded only when opened
const Leaderboard = lazy(() => import('./pages/Leaderboard'));
// 年历: the year's campaigns month by month
const CampaignCalendar = lazy(() => import('./pages/CampaignCalendar'));
// quiz screens: 题库, one bank, 答题管理 of a quiz
const QuizBanks = lazy(() => import('./pages/QuizBanks'));
const QuizBank = lazy(() => import('./pages/QuizBank'));
const QuizManage = lazy(() => import('./pages/QuizManage'));
// 现场竞赛: hosting a live room, and its 大屏 (full screen, outside the layout)
const RoomHost = lazy(() => import('./pages/RoomHost'));
const RoomScreen = lazy(() => import('./pages/RoomScreen'));
// art contest screens: 作品, 评审, 投票审核, 结果与奖项 of a contest, and the judges' 评审打分
const ContestEntries = lazy(() => import('./pages/ContestEntries'));
const ContestJudging = lazy(() => import('./pages/ContestJudging'));
const ContestVotes = lazy(() => import('./pages/ContestVotes'));
const ContestResults = lazy(() => import('./pages/ContestResults'));
const JudgingScore = lazy(() => import('./pages/JudgingScore'));

// the "1+1" page of a volunteer campaign (概况, 结对, 审核, 导出)
const VolunteerPage = lazy(() => import('./pages/VolunteerPage'));
// exhibition screens: 展览 (时段, 预约, 统计) and the phone-sized 入场核验
const ExhibitionPage = lazy(() => import('./pages/ExhibitionPage'));
const CheckIn = lazy(() => import('./pages/CheckIn'));
// the full-screen code of a service activity (服务活动签到码), shown at the place
const ServiceActivityCode = lazy(() => import('./pages/ServiceActivityCode'));

// the 募捐 page of a charity drive (认捐审核, 留言审核, 单位排行, 汇总)
const DrivePledges = lazy(() => import('./pages/DrivePledges'));
const TrainingPage = lazy(() => import('./pages/TrainingPage'));
const TrainingCode = lazy(() => import('./pages/TrainingCode'));
const TrainingSheet = lazy(() => import('./pages/TrainingSheet'));
// 报告: the seed report's figures with definitions, by year and unit, drill-down and downloads
const Report = lazy(() => import('./pages/Report'));
// 历史数据导入: paper records from before the platform (issue #16 part 5)
const HistoryImport = lazy(() => import('./pages/HistoryImport'));
// 消息中心, loaded on demand
const Messages = lazy(() => import('./pages/Messages'));

export function App() {
  return (
    <Router base="/console">
      <Route path="/login" component={Login} />
      <Route path="/service-activities/:id/code" component={ServiceActivityCode} />
      <Route path="/rooms/:id/screen" component={RoomScreen} />
      <Route path="/training-sessions/:id/code" component={TrainingCode} />
      <Route path="/training-sessions/:id/sheet" component={TrainingSheet} />
      <Route path="/" component={Layout}>
        <Route path="/" component={Overview} />
        <Route path="/report" component={Report} />
        <Route path="/org" component={Org} />
        <Route path="/history" component={HistoryImport} />
        <Route path="/campaigns" component={Campaigns} />
        <Route path="/campaigns/new" component={CampaignNew} />
        <Route path="/campaigns/calendar" component={CampaignCalendar} />
        <Route path="/campaigns/:id" component={CampaignEdit} />
        <Route path="/campaigns/:id/leaderboard" component={Leaderboard} />
        <Route path="/campaigns/:id/entries" component={ContestEntries} />
        <Route path="/campaigns/:id/judging" component={ContestJudging} />
        <Route path="/campaigns/:id/votes" component={ContestVotes} />
        <Route path="/campaigns/:id/results" component={ContestResults} />
        <Route path="/judging" component={JudgingScore} />
        <Route path="/messages" component={Messages} />
        <Route path="/campaigns/:id/quiz" component={QuizManage} />
        <Route path="/rooms/:id" component={RoomHost} />
        <Route path="/quiz-banks" component={QuizBanks} />
        <Route path="/quiz-banks/:id" component={QuizBank} />
        <Route path="/campaigns/:id/volunteer" component={VolunteerPage} />
        <Route path="/campaigns/:id/drive" component={DrivePledges} />
        <Route path="/campaigns/:id/exhibition" component={ExhibitionPage} />
        <Route path="/campaigns/:id/check-in" component={CheckIn} />
        <Route path="/campaigns/:id/training" component={TrainingPage} />
        <Route path="*404" component={Overview} />
      </Route>
    </Router>
  );
}
