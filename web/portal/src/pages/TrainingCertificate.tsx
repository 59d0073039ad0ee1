import { createResource, For, Match, Show } from 'solid-js';
import { useLocation, useSearchParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { chinaYear } from '@shared/training';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { fmtHours, learningCertificate, type LearningCertificate } from '../data/training';
import { t } from '../i18n-training';
import { CertificateFrame, CertificatePaper } from '../ui/CertificatePaper';
import '../volunteer.css';

/**
 * 党员教育培训结业证书 (/learning/certificate?year=): a printable A4 page on the 1+1
 * certificate's paper (volunteer.css `vl-cert`), with the year's hours, the classes completed
 * and a QR to the public verification page (/verify/{code}).
 */
export default function TrainingCertificate() {
  const [search] = useSearchParams<{ year?: string }>();
  const location = useLocation();
  const year = () => (/^20\d\d$/.test(search.year ?? '') ? Number(search.year) : chinaYear(Date.now()));
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  const [cert, { refetch }] = createResource(() => (signedIn() ? year() : false), learningCertificate);

  usePageMeta(() => ({ title: `${t('tr.certTitle', { year: year() })} · ${t('app.name')}` }));

  return (
    <CertificateFrame
      cert={cert}
      refetch={refetch}
      printable={() => true}
      signInTitle={t('tr.certSignIn')}
      signInLabel={t('tr.signIn')}
      next={location.pathname + location.search}
      refusals={
        <Match when={cert.error instanceof ApiError && cert.error.status === 409}>
          <div class="tx-card" data-testid="tr-cert-not-yet">
            <EmptyState
              icon="clock"
              title={t('tr.certNotYetTitle')}
              body={(cert.error as ApiError).message}
              action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>}
            />
          </div>
        </Match>
      }
    >
      {(c) => <Paper cert={c()} />}
    </CertificateFrame>
  );
}

function Paper(props: { cert: LearningCertificate }) {
  const c = () => props.cert;
  return (
    <CertificatePaper
      testId="tr-certificate"
      heading={t('tr.certHeading')}
      subheading={t('tr.certSubheading')}
      code={c().code}
      name={c().name}
      orgUnitName={c().orgUnitName}
      text={c().basis.includes('hours') ? t('tr.certTextHours', { year: c().year, target: c().target }) : t('tr.certTextClass', { year: c().year })}
      figures={
        <div>
          <span class="vl-cert-figure tx-num" data-testid="tr-cert-hours">
            {fmtHours(c().hours)}
          </span>
          <span class="vl-cert-figure-label">{t('tr.certHours')}</span>
        </div>
      }
      qrUrl={c().qrUrl}
      verifyUrl={c().verifyUrl}
      issuer={c().orgUnitName}
      issuedAt={c().issuedAt}
    >
      <Show when={c().classes.length}>
        <p>{t('tr.certClasses')}</p>
        <ul>
          <For each={c().classes}>{(k) => <li>{t('tr.certClassLine', { title: k.title, sessions: k.sessions, hours: fmtHours(k.hours) })}</li>}</For>
        </ul>
      </Show>
      <p>{t('tr.certText3')}</p>
    </CertificatePaper>
  );
}
