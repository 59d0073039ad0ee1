import { onCleanup } from 'solid-js';
import { useBeforeLeave } from '@solidjs/router';
import { t } from '../i18n';

/**
 * Keeps a form's unsaved changes: leaving for another console page asks first (not while
 * the form is saving, which navigates on its own), and closing or reloading the tab gets the
 * browser's own warning. Call it in the form's component.
 */
export function guardUnsaved(dirty: () => boolean, saving: () => boolean): void {
  useBeforeLeave((e) => {
    if (dirty() && !saving() && !e.defaultPrevented) {
      e.preventDefault();
      if (window.confirm(t('form.unsaved'))) e.retry(true);
    }
  });
  const onUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onUnload));
}
