import { getCode, whenText } from '../data/service-activities';
import { t } from '../i18n';
import { CodeScreen } from '../ui/CodeScreen';

/** The code screen of a service activity (/console/service-activities/:id/code), full screen at the place. */
export default function ServiceActivityCode() {
  return (
    <CodeScreen
      load={getCode}
      words={{
        loading: t('sa.screenLoading'),
        codeLabel: t('sa.screenCodeLabel'),
        codeAria: (code) => t('sa.screenCodeAria', { code }),
        next: (s) => t('sa.screenNext', { s }),
        offline: t('sa.screenOffline'),
        qrAlt: t('sa.screenQrAlt'),
        scan: t('sa.screenScan'),
        howto: t('sa.screenHowto'),
        full: t('sa.screenFull'),
      }}
      title={(d) => d.serviceActivity.title}
      subtitle={(d) => `${whenText(d.serviceActivity)} · ${d.serviceActivity.place}`}
      footer={(d) => t('sa.screenSigned', { n: d.serviceActivity.signedUp, cap: d.serviceActivity.capacity })}
      warning={(d) => (d.serviceActivity.status === 'cancelled' ? t('sa.stateCancelled') : undefined)}
    />
  );
}
