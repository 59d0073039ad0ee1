import { createI18n } from './index';
import { common } from './zh-CN/common';

/** The kit's own translator (buttons, states, error codes) over the `common` messages. */
export const { t: kt } = createI18n(common, async () => (await import('./en/common')).common);
