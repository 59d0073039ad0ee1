import { createResource, Match } from 'solid-js';
import { A, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { fmtHours, getCertificate, type Certificate } from '../data/volunteer';
import { t } from '../i18n';
import { CertificateFrame, CertificatePaper } from '../ui/CertificatePaper';
import '../volunteer.css';

/**
 * 志愿服务证明 (/c/:idOrSlug/certificate): a printable A4 page with the approved hours and a
 * QR that leads to the public verification page. Printing hides the portal's frame.
 */
export default function CertificatePage() {
  const params = useParams<{ idOrSlug: string }>();
  const location = useLocation();
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  const [cert, { refetch }] = createResource(() => (signedIn() ? params.idOrSlug : false), getCertificate);
  const loaded = () => (cert.error ? undefined : cert.latest);
  const mineHref = () => `/c/${encodeURIComponent(params.idOrSlug)}/volunteer`;

  usePageMeta(() => {
    const c = loaded();
    return { title: `${t('vol.certTitle')}${c ? ` · ${c.name}` : ''} · ${t('app.name')}` };
  });

  return (
    <CertificateFrame
      cert={cert}
      refetch={refetch}
      back={
        <A href={mineHref()} class="vl-cert-back">
          <Icon name="chevronLeft" />
          {t('vol.backToMine')}
        </A>
      }
      printable={(c) => c.hours > 0}
      signInTitle={t('vol.certSignIn')}
      signInLabel={t('vol.signIn')}
      next={location.pathname}
      refusals={
        <>
          <Match when={cert.error instanceof ApiError && (cert.error.status === 404 || cert.error.status === 403)}>
            <EmptyState
              icon="flag"
              title={t('campaign.notFoundTitle')}
              body={t('vol.certUnavailable')}
              action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>}
            />
          </Match>
          <Match when={loaded() && loaded()!.hours <= 0}>
            <div class="tx-card">
              <EmptyState
                icon="clock"
                title={t('vol.certEmptyTitle')}
                body={t('vol.certEmptyBody')}
                action={
                  <LinkButton href={mineHref()} variant="primary">
                    {t('vol.certEmptyAction')}
                  </LinkButton>
                }
              />
            </div>
          </Match>
        </>
      }
    >
      {(c) => <Paper cert={c()} />}
    </CertificateFrame>
  );
}

function Paper(props: { cert: Certificate }) {
  const c = () => props.cert;
  return (
    <CertificatePaper
      testId="certificate"
      heading={t('vol.certHeading')}
      subheading={t('vol.certSubheading')}
      code={c().code}
      name={c().name}
      orgUnitName={c().orgUnitName}
      text={t('vol.certText2', { campaign: c().campaignTitle, issuer: c().issuer ?? '' })}
      figures={
        <>
          <div>
            <span class="vl-cert-figure tx-num" data-testid="cert-hours">
              {fmtHours(c().hours)}
            </span>
            <span class="vl-cert-figure-label">{t('vol.certHours')}</span>
          </div>
          <div>
            <span class="vl-cert-figure tx-num">{fmtNumber(c().records)}</span>
            <span class="vl-cert-figure-label">{t('vol.certRecords')}</span>
          </div>
        </>
      }
      qrUrl={c().qrUrl}
      verifyUrl={c().verifyUrl}
      issuer={c().issuer}
      issuedAt={c().issuedAt}
    >
      <p>{t('vol.certText3')}</p>
    </CertificatePaper>
  );
}
