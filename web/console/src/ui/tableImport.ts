import { createSignal } from 'solid-js';
import { apiUpload } from '@ui/api';
import { errorText } from '@ui/components/ErrorState';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the API takes for one import (rosters and question banks alike). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The content type an organizer's sheet goes up with, by its name; null for what we cannot read. */
export function sheetType(file: File): string | null {
  const n = file.name.toLowerCase();
  if (n.endsWith('.csv')) return 'text/csv';
  if (n.endsWith('.xlsx')) return XLSX;
  return null;
}

export type ImportStep = 'idle' | 'previewing' | 'previewed' | 'importing' | 'done';

/**
 * The two-step import every sheet upload shares: choose a file (checked by name and size),
 * send it with ?dryRun=true for the counts and bad rows, then send it again to write. A
 * failed preview goes back to the start; a failed import back to the preview.
 */
export function createTableImport<R>(o: {
  path: (dryRun: boolean) => string;
  messages: { badType: string; tooBig: string; choose: string };
  onImported: () => void;
}) {
  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [step, setStep] = createSignal<ImportStep>('idle');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [report, setReport] = createSignal<R | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setError(null);
    setStep('idle');
    if (!f) return setFileError(undefined);
    if (!sheetType(f)) return setFileError(o.messages.badType);
    if (f.size > IMPORT_MAX_BYTES) return setFileError(o.messages.tooBig);
    setFileError(undefined);
  }

  async function send(dryRun: boolean) {
    const f = file();
    if (!f) return setFileError(o.messages.choose);
    const type = sheetType(f);
    if (!type || fileError()) return;
    setError(null);
    setStep(dryRun ? 'previewing' : 'importing');
    setProgress(0);
    try {
      const r = await apiUpload<R>('POST', o.path(dryRun), f, type, (p) => setProgress(p >= 1 ? null : p));
      setReport(() => r);
      setStep(dryRun ? 'previewed' : 'done');
      if (!dryRun) o.onImported();
    } catch (e) {
      setError(errorText(e));
      setStep(dryRun ? 'idle' : 'previewed');
    } finally {
      setProgress(null);
    }
  }

  return {
    file,
    fileError,
    step,
    progress,
    report,
    error,
    choose,
    send,
    /** the file input, so reset() clears it too */
    bindInput: (el: HTMLInputElement) => (input = el),
    reset() {
      choose(null);
      if (input) input.value = '';
    },
    busy: () => step() === 'previewing' || step() === 'importing',
  };
}
