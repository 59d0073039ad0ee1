import { render } from 'solid-js/web';
import '@ui/theme.css';
import '@ui/kit.css';
import './console.css';
import '@ui/prefs';
import { init } from '@ui/i18n';
import './i18n';
import { App } from './App';

const root = document.getElementById('app')!;
void init().then(() => render(() => <App />, root));
