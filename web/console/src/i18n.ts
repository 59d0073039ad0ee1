import { createI18n } from '@ui/i18n';
import { common } from '@ui/i18n/zh-CN/common';
import { consoleApp } from '@ui/i18n/zh-CN/console';

export const { t } = createI18n({ ...common, ...consoleApp }, async () => {
  const [c, a] = await Promise.all([import('@ui/i18n/en/common'), import('@ui/i18n/en/console')]);
  return { ...c.common, ...a.consoleApp };
});
