import { createI18n } from '@ui/i18n';
import { training } from '@ui/i18n/zh-CN/portal/training';
import { t as portalT } from './i18n';

// 我的学习's words travel with its pages (a lazy chunk), not on the portal's first page.
const { t: own } = createI18n(training, async () => (await import('@ui/i18n/en/portal/training')).training);

type Key = (keyof typeof training & string) | Parameters<typeof portalT>[0];

/** The training pages' translator: their own words, then the portal's (buttons, states, 1+1 certificate paper). */
export function t(key: Key, params?: Record<string, string | number>): string {
  return key in training ? own(key as keyof typeof training & string, params) : portalT(key as Parameters<typeof portalT>[0], params);
}
