import { createResource, createSignal, For, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { call } from '@ui/api';
import { loc } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { Icon } from '@ui/icons';
import { fromLocalInput, toLocalInput } from '@ui/format';
import type { ResponseOf } from '@ui/operations';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';
import { createAction } from '@ui/action';

export type CampaignTemplate = ResponseOf<'GET /campaign-templates'>['items'][number];

/** 从模板开始: the usual campaigns as cards; picking one fills the new-campaign form. */
export function TemplatePicker(props: { picked: string | null; onPick: (t: CampaignTemplate) => void }) {
  const [list] = createResource(async () => (await call('GET /campaign-templates', {})).items);
  return (
    <Show when={list.latest?.length}>
      <section class="tx-card cs-templates" aria-labelledby="tpl-title">
        <h2 id="tpl-title">{t('tpl.title')}</h2>
        <p class="tx-muted tx-small">{t('tpl.hint')}</p>
        <div class="cs-template-grid">
          <For each={list.latest}>
            {(tpl) => (
              <button
                type="button"
                class="cs-template"
                aria-pressed={props.picked === tpl.id}
                data-testid={`template-${tpl.id}`}
                onClick={() => props.onPick(tpl)}
              >
                <strong>{tpl.title}</strong>
                <span class="tx-small tx-muted">{loc(KIND_LABEL[tpl.kind])}</span>
                <span class="tx-small">{tpl.description}</span>
              </button>
            )}
          </For>
        </div>
      </section>
    </Show>
  );
}

/** 复制为新活动: a new start (every date moves with it) and a title; opens the draft it makes. */
export function DuplicatePanel(props: { campaign: Campaign }) {
  const navigate = useNavigate();
  const nextYear = () => {
    const d = new Date(props.campaign.startsAt);
    d.setFullYear(d.getFullYear() + 1);
    return toLocalInput(d.toISOString());
  };
  const [startsAt, setStartsAt] = createSignal(nextYear());
  const [title, setTitle] = createSignal(`${props.campaign.title}（副本）`.slice(0, 80));
  const { busy, error, setError, run } = createAction();
  const [fieldErr, setFieldErr] = createSignal<Record<string, string>>({});

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    const at = fromLocalInput(startsAt());
    const found: Record<string, string> = {};
    if (!at) found.startsAt = t('form.required');
    if (!title().trim()) found.title = t('form.required');
    setFieldErr(found);
    if (Object.keys(found).length) return;
    await run(async () => {
      const r = await call('POST /campaigns/{id}/duplicate', { id: props.campaign.id }, { body: { startsAt: at!, title: title().trim() } });
      navigate(`/campaigns/${encodeURIComponent(r.campaign.id)}?created=1`);
    });
  }

  return (
    <section class="tx-card cs-duplicate" aria-labelledby="dup-title">
      <h2 id="dup-title">{t('dup.title')}</h2>
      <p class="tx-muted tx-small">{t('dup.hint')}</p>
      <form onSubmit={submit} novalidate class="cs-duplicate-form">
        <FormError message={error()} />
        <TextField id="dup-starts" label={t('dup.startsAt')} error={fieldErr().startsAt} type="datetime-local" value={startsAt()} onInput={setStartsAt} />
        <TextField id="dup-title-input" label={t('dup.newTitle')} error={fieldErr().title} maxlength={80} value={title()} onInput={setTitle} />
        <div>
          <Button type="submit" loading={busy()} data-testid="duplicate-submit">
            <Icon name="file" />
            {t('dup.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
