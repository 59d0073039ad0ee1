import { render } from 'solid-js/web';
import '@ui/theme.css';
import '@ui/kit.css';
import './portal.css';
import '@ui/prefs';
import { init } from '@ui/i18n';
import './i18n';
import { App } from './App';
import { setupWechatShare } from './data/wechat';

const root = document.getElementById('app')!;
void init().then(() => render(() => <App />, root));
setupWechatShare();
