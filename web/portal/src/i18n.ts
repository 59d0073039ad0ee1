import { createI18n } from '@ui/i18n';
import { common } from '@ui/i18n/zh-CN/common';
import { portal } from '@ui/i18n/zh-CN/portal';

// Only the portal's folders: the console's strings stay out of both the first page and the English chunk.
export const { t } = createI18n({ ...common, ...portal }, async () => {
  const [c, p] = await Promise.all([import('@ui/i18n/en/common'), import('@ui/i18n/en/portal')]);
  return { ...c.common, ...p.portal };
});
