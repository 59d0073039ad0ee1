import { createSignal } from 'solid-js';

const KEY = 'tx.large';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

const [large, setLargeSignal] = createSignal(stored());
apply(large());

function apply(on: boolean): void {
  document.documentElement.classList.toggle('tx-large', on);
}

/** 长辈模式: text and tap targets ×1.25, remembered on this device. */
export { large };

export function setLarge(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // not remembered, still applied
  }
  apply(on);
  setLargeSignal(on);
}
