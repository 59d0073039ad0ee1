import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';

export function NotFound() {
  usePageMeta(() => ({ title: `${t('error.not_found')} · ${t('app.name')}` }));
  return (
    <div class="pt-page">
      <EmptyState icon="flag" title={t('error.not_found')} action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>} />
    </div>
  );
}
