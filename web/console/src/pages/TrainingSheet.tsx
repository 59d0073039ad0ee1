import { createEffect, createResource, For, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { getRegister } from '../data/training';
import { t } from '../i18n';
import { whenText } from './TrainingPage';
import '../training.css';

/**
 * The printable sign-in sheet (签到表) of a session (/console/training-sessions/:id/sheet) for
 * rooms without phones: everyone enrolled, by unit and name, with a column to sign on paper.
 * Those who already checked in show their time, so nobody signs twice.
 */
export default function TrainingSheet() {
  const params = useParams<{ id: string }>();
  const [reg, { refetch }] = createResource(() => params.id, getRegister);
  createEffect(() => {
    if (reg.latest) document.title = `${t('tr.sheetTitle')} · ${reg.latest.session.title}`;
  });
  return (
    <main class="tr-sheet" data-testid="tr-sheet">
      <Show when={!reg.error} fallback={<ErrorState error={reg.error} onRetry={refetch} />}>
        <Show when={reg.latest} fallback={<Skeleton lines={10} />}>
          {(r) => (
            <>
              <div class="tr-sheet-tools">
                <button type="button" class="tx-btn tx-btn-primary" onClick={() => window.print()}>
                  {t('tr.sheetPrint')}
                </button>
              </div>
              <h1>{r().campaignTitle}</h1>
              <h2>
                {r().session.title} · {t('tr.sheetTitle')}
              </h2>
              <p class="tx-num">
                {t('tr.sheetMeta', {
                  when: whenText(r().session),
                  place: r().session.location || '—',
                  lecturer: r().session.lecturer || '—',
                  hours: r().session.hours,
                })}
              </p>
              <table class="tr-sheet-table">
                <thead>
                  <tr>
                    <th>{t('tr.sheetNo')}</th>
                    <th>{t('tr.colName')}</th>
                    <th>{t('tr.colUnit')}</th>
                    <th>{t('tr.colStatus')}</th>
                    <th>{t('tr.sheetSign')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().items}>
                    {(x, i) => (
                      <tr>
                        <td class="tx-num">{i() + 1}</td>
                        <td>{x.name}</td>
                        <td>{x.orgUnitName}</td>
                        <td>
                          {x.status ? `${t(`tr.st.${x.status}` as 'tr.st.present')}${x.mode === 'delivered' ? `（${t('tr.mode.delivered')}）` : ''}` : ''}
                        </td>
                        <td class="tr-sheet-sign" />
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </>
          )}
        </Show>
      </Show>
    </main>
  );
}
