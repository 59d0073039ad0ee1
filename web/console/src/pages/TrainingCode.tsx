import { getSessionCode } from '../data/training';
import { t } from '../i18n';
import { CodeScreen } from '../ui/CodeScreen';
import { whenText } from './TrainingPage';

/** The code screen of a training session (/console/training-sessions/:id/code) on the room's projector. */
export default function TrainingCode() {
  return (
    <CodeScreen
      load={getSessionCode}
      words={{
        loading: t('tr.codeLoading'),
        codeLabel: t('tr.codeLabel'),
        codeAria: (code) => t('sa.screenCodeAria', { code }),
        next: (s) => t('tr.codeNext', { s }),
        offline: t('tr.codeOffline'),
        qrAlt: t('tr.codeScan'),
        scan: t('tr.codeScan'),
        howto: t('tr.codeHowto'),
        full: t('tr.codeFull'),
      }}
      title={(d) => d.session.title}
      subtitle={(d) => `${whenText(d.session)} · ${d.session.location ?? ''}`}
      footer={(d) => t('tr.codeAttended', { n: d.session.attendances })}
    />
  );
}
