import { createEffect, createResource, createSignal, For, on } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { Field, FormError, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtDate, fmtNumber } from '@ui/format';
import { bankExportHref, createBank, listBanks, templateHref } from '../data/quiz';
import { org } from '../data/org';
import { t } from '../i18n';
import { PageHead } from '../ui/PageHead';
import '../quiz.css';

/** 题库: the banks of the scoped subtree with their sizes, and a form to start a new one. Loaded on demand. */
export default function QuizBanks() {
  createEffect(() => {
    document.title = `${t('quiz.banks.title')} · ${t('console.name')}`;
  });
  const [banks, { refetch }] = createResource(listBanks);
  const rows = () => (banks.latest ?? []).filter((b) => org.scopeIds().has(b.orgUnitId));

  return (
    <div class="cs-page qz-cs-page">
      <PageHead title={t('quiz.banks.title')} lead={t('quiz.banks.lead')}>
        <div class="tx-row">
          <a class="tx-btn tx-btn-ghost tx-btn-sm" href={templateHref('xlsx')} download="">
            <Icon name="download" />
            {t('quiz.tpl.xlsx')}
          </a>
          <a class="tx-btn tx-btn-ghost tx-btn-sm" href={templateHref('csv')} download="">
            <Icon name="download" />
            {t('quiz.tpl.csv')}
          </a>
        </div>
      </PageHead>
      <div class="cs-two">
        <div>
          <Loaded of={banks} retry={refetch} card lines={5}>
            <Table
              caption={t('quiz.banks.title')}
              rows={rows()}
              rowKey={(b) => b.id}
              initialSort={{ key: 'createdAt', dir: 'desc' }}
              empty={
                <div class="tx-card">
                  <EmptyState icon="file" title={t('quiz.banks.emptyTitle')} body={t('quiz.banks.emptyBody')} />
                </div>
              }
              columns={[
                {
                  key: 'title',
                  header: t('quiz.banks.colTitle'),
                  class: 'qz-col-bank',
                  sortValue: (b) => b.title,
                  cell: (b) => (
                    <A href={`/quiz-banks/${encodeURIComponent(b.id)}`} class="cs-title-link" data-testid="bank-link">
                      {b.title}
                    </A>
                  ),
                },
                { key: 'unit', header: t('quiz.banks.colUnit'), sortValue: (b) => b.orgUnitName ?? '', cell: (b) => b.orgUnitName ?? '' },
                { key: 'count', header: t('quiz.banks.colCount'), numeric: true, sortValue: (b) => b.questionCount, cell: (b) => fmtNumber(b.questionCount) },
                {
                  key: 'createdAt',
                  header: t('quiz.banks.colCreated'),
                  class: 'tx-num cs-nowrap',
                  sortValue: (b) => Date.parse(b.createdAt),
                  cell: (b) => fmtDate(b.createdAt),
                },
                {
                  key: 'actions',
                  header: t('campaigns.colActions'),
                  class: 'cs-nowrap',
                  cell: (b) => (
                    <div class="tx-row cs-row-actions">
                      <A href={`/quiz-banks/${encodeURIComponent(b.id)}`} class="tx-btn tx-btn-ghost tx-btn-sm">
                        {t('quiz.banks.open')}
                      </A>
                      <a href={bankExportHref(b.id, 'xlsx')} class="tx-btn tx-btn-ghost tx-btn-sm" download="" title={t('quiz.bank.exportXlsx')}>
                        <Icon name="download" />
                        <span class="tx-visually-hidden">{t('quiz.bank.exportXlsx')}</span>
                      </a>
                    </div>
                  ),
                },
              ]}
            />
          </Loaded>
        </div>
        <NewBank />
      </div>
    </div>
  );
}

function NewBank() {
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [unit, setUnit] = createSignal(org.scopeId() ?? '');
  const [sending, setSending] = createSignal(false);
  const errors = createFormErrors<'title' | 'orgUnitId'>();

  // follows the scope switcher until the organizer picks a unit here
  createEffect(
    on(
      () => org.scopeId(),
      (id) => setUnit(id ?? ''),
    ),
  );

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    errors.setForm(null);
    if (!errors.check({ title: title().trim() ? undefined : t('form.required'), orgUnitId: unit() ? undefined : t('form.required') })) return;
    setSending(true);
    try {
      const bank = await createBank(title().trim(), unit());
      navigate(`/quiz-banks/${encodeURIComponent(bank.id)}?created=1`);
    } catch (err) {
      errors.fromApi(err, ['title', 'orgUnitId']);
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="tx-card" aria-labelledby="new-bank-title">
      <h2 id="new-bank-title">{t('quiz.banks.new')}</h2>
      <form onSubmit={submit} novalidate>
        <FormError message={errors.form()} />
        <TextField
          id="bank-title"
          label={t('quiz.banks.colTitle')}
          error={errors.fields().title}
          maxLength={60}
          placeholder={t('quiz.banks.titlePlaceholder')}
          value={title()}
          onInput={setTitle}
        />
        <Field id="bank-unit" label={t('quiz.banks.colUnit')} error={errors.fields().orgUnitId} hint={t('quiz.banks.unitHint')}>
          <select
            id="bank-unit"
            class="tx-select"
            value={unit()}
            onChange={(e) => setUnit(e.currentTarget.value)}
            {...fieldAria('bank-unit', errors.fields().orgUnitId, 'hint')}
          >
            <For each={org.scopeTree()}>
              {(o) => (
                <option value={o.unit.id} selected={o.unit.id === unit()}>
                  {'\u3000'.repeat(o.depth)}
                  {o.unit.name}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Button type="submit" variant="primary" loading={sending()} data-testid="bank-create">
          <Icon name="plus" />
          {t('quiz.banks.create')}
        </Button>
      </form>
    </section>
  );
}
