import { lazy } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Shell } from './ui/Shell';
import { Home } from './pages/Home';
import { Campaigns } from './pages/Campaigns';
import { CampaignPage } from './pages/Campaign';
import { Rank } from './pages/Rank';
import { Login, Register } from './pages/Auth';
import { Me } from './pages/Me';
import { NotFound } from './pages/NotFound';

// the leaderboard (live socket, paging) is loaded only when someone opens one
const Leaderboard = lazy(() => import('./pages/Leaderboard'));

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={Home} />
      <Route path="/campaigns" component={Campaigns} />
      <Route path="/c/:idOrSlug" component={CampaignPage} />
      <Route path="/c/:idOrSlug/rank" component={Leaderboard} />
      <Route path="/rank" component={Rank} />
      <Route path="/login" component={Login} />
      <Route path="/register" component={Register} />
      <Route path="/me" component={Me} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
