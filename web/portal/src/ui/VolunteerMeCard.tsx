import { Show } from 'solid-js';
import { fmtHours, myVolunteer, volunteerHref } from '../data/volunteer';
import { t } from '../i18n';
import { KindMeCard, KindMeRow } from './KindMeCard';
import '../volunteer.css';

/** 我的1+1 on 我的: an entry per published "1+1" campaign with my hours and pairs. Loaded on demand. */
export default function VolunteerMeCard() {
  return (
    <KindMeCard kind="volunteer" title={t('vol.mineTitle')} icon="volunteer" testId="volunteer-me" class="vl-me" mine={(c) => myVolunteer(c.id)}>
      {(it) => (
        <KindMeRow href={volunteerHref(it.campaign)} title={it.campaign.title}>
          <Show when={it.mine}>
            {(m) => (
              <>
                {t('vol.meSummary', { hours: fmtHours(m().approvedHours), pairs: m().pairs.length, cap: m().pairCap })}
                <Show when={m().pendingHours > 0}> · {t('vol.mePending', { n: fmtHours(m().pendingHours) })}</Show>
              </>
            )}
          </Show>
        </KindMeRow>
      )}
    </KindMeCard>
  );
}
