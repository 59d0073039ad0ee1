import { For } from 'solid-js';
import { LANGS, lang } from '../i18n/lang';
import { switchLang } from '../i18n';
import { kt } from '../i18n/kit';
import { large, setLarge } from '../prefs';

/** 中文 | English, remembered in localStorage (tx.lang). Each language's name is written in itself. */
export function LangSwitch() {
  return (
    <div class="tx-segmented" role="group" aria-label={kt('pref.language')}>
      <For each={LANGS}>
        {(l) => (
          <button type="button" lang={l} aria-pressed={lang() === l} onClick={() => void switchLang(l)}>
            {kt(l === 'en' ? 'lang.en' : 'lang.zh')}
          </button>
        )}
      </For>
    </div>
  );
}

/** The 长辈模式 switch (text and targets ×1.25), remembered in localStorage (tx.large). */
export function LargeToggle(props: { id?: string }) {
  return (
    <button
      type="button"
      id={props.id}
      class="tx-switch"
      role="switch"
      aria-checked={large()}
      aria-label={kt('pref.large')}
      onClick={() => setLarge(!large())}
    />
  );
}
