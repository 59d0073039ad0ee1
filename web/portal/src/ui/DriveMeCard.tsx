import { fmtMoney, myPledges, myPledgesHref } from '../data/drive';
import { t } from '../i18n';
import { KindMeCard, KindMeRow } from './KindMeCard';

/** 我的捐赠 on 我的: an entry per published drive with what I pledged. Loaded on demand. */
export default function DriveMeCard() {
  return (
    <KindMeCard kind="drive" title={t('drive.myPledges')} icon="drive" testId="drive-me" mine={(c) => myPledges(c.id).then((p) => p.items)}>
      {(it) => (
        <KindMeRow href={myPledgesHref(it.campaign)} title={it.campaign.title}>
          {it.mine?.length
            ? t('drive.meSummary', {
                n: it.mine.length,
                amount: fmtMoney(it.mine.reduce((a, p) => a + p.amount, 0)),
                todo: it.mine.filter((p) => p.status === 'pledged' || p.status === 'rejected').length,
              })
            : t('drive.meNone')}
        </KindMeRow>
      )}
    </KindMeCard>
  );
}
