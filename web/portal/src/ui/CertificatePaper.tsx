import type { JSX } from 'solid-js';
import { Logo } from '@ui/icons';
import { fmtDate } from '@ui/format';
import { t } from '../i18n';

/**
 * The printable paper of a certificate (1+1 volunteer service, 结业证书 of the year's study):
 * heading, number, "this certifies that <name> of <unit> …", the figures, and the footer with
 * the public verification QR and the issuer. Each certificate brings its own words and figures.
 */
export function CertificatePaper(props: {
  testId: string;
  heading: string;
  subheading: string;
  code: string;
  name: string;
  orgUnitName: string | null | undefined;
  /** what the person is certified for, after their name and unit */
  text: string;
  figures: JSX.Element;
  /** more of the body after the figures (a list of classes, the closing line) */
  children?: JSX.Element;
  qrUrl: string;
  verifyUrl: string;
  issuer: string | null | undefined;
  issuedAt: string;
}) {
  return (
    <article class="vl-cert" aria-labelledby="cert-title" data-testid={props.testId}>
      <div class="vl-cert-inner">
        <header class="vl-cert-head">
          <Logo class="vl-cert-logo" />
          <h1 id="cert-title" class="vl-cert-title">
            {props.heading}
          </h1>
          <p class="vl-cert-sub">{props.subheading}</p>
        </header>
        <p class="vl-cert-no tx-num">{t('vol.certNo', { code: props.code })}</p>
        <div class="vl-cert-body">
          <p>
            {t('vol.certPrefix')}
            <strong class="vl-cert-name">{props.name}</strong>
            {t('vol.certSuffix')}
            {props.orgUnitName ? t('vol.certUnit', { unit: props.orgUnitName }) : ''}
            {props.text}
          </p>
          <div class="vl-cert-figures">{props.figures}</div>
          {props.children}
        </div>
        <footer class="vl-cert-foot">
          <div class="vl-cert-verify">
            <img src={props.qrUrl} width="112" height="112" alt={t('vol.certQrAlt')} />
            <div>
              <strong>{t('vol.certVerify')}</strong>
              <span class="vl-cert-url">{props.verifyUrl}</span>
            </div>
          </div>
          <div class="vl-cert-issuer">
            <span class="vl-cert-issuer-name">{props.issuer}</span>
            <span class="tx-num">{fmtDate(props.issuedAt)}</span>
          </div>
        </footer>
      </div>
    </article>
  );
}
