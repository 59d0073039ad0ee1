import { createI18n } from '@ui/i18n';
import { common, portal } from '@ui/i18n/zh-CN';

export const { t } = createI18n({ ...common, ...portal }, async () => {
  const en = await import('@ui/i18n/en');
  return { ...en.common, ...en.portal };
});
