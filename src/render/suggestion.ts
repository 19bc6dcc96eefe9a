import type { SuggestedEdit } from '../model/report.js';
import { suggestionMarker } from '../optimize/suggest.js';
import { md } from './escape.js';
import { fmt } from './format.js';

/** A fence longer than any the replacement holds, so that its own code blocks stay inside. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.map((l) => /^\s*(`{3,})/.exec(l)?.[1]!.length ?? 0));
  return '`'.repeat(longest + 1);
}

/**
 * The review comment of a suggested edit: its hidden marker, what and why (quoting the pull
 * request's text: escaped, mentions broken), and the `suggestion` block GitHub offers to commit.
 */
export function renderSuggestion(s: SuggestedEdit): string {
  const fence = fenceFor(s.replacement);
  const saving = [
    `about ${fmt(s.eagerTokens)} always-loaded tokens`,
    ...(s.listingChars ? [`skill listing ${fmt(s.listingChars)} characters`] : []),
    ...(s.agentListingChars ? [`agent listing ${fmt(s.agentListingChars)} characters`] : []),
  ].join(', ');
  return [
    suggestionMarker(s.stepId),
    `**context-budget** · ${md(s.title, 300)} (${saving})`,
    '',
    md(s.detail, 1000),
    '',
    `${fence}suggestion`,
    ...s.replacement,
    fence,
  ].join('\n');
}
