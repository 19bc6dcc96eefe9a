import { thousands } from '../strings.js';

/** Number formatting shared by every renderer. */
export function fmt(n: number): string {
  return thousands(n);
}

export function signed(n: number): string {
  const r = Math.round(n);
  return r > 0 ? `+${fmt(r)}` : r < 0 ? `−${fmt(-r)}` : '0';
}

export function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function signedPct(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'new';
  const p = ratio * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`;
}
