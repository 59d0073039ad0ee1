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

export function App() {
  return (
    <Router base="/console">
      <Route path="/login" component={Login} />
      <Route path="/" component={Layout}>
        <Route path="/" component={Overview} />
        <Route path="/org" component={Org} />
        <Route path="/campaigns" component={Campaigns} />
        <Route path="/campaigns/new" component={CampaignNew} />
        <Route path="/campaigns/:id" component={CampaignEdit} />
        <Route path="/campaigns/:id/leaderboard" component={Leaderboard} />
        <Route path="*404" component={Overview} />
      </Route>
    </Router>
  );
}
