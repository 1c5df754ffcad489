/**
 * The merge module bundled when a composite route declares no merge function (`merge: 'fields'`):
 * the bundler aliases `portico-composite-merge` to this file (docs/decisions/0007).
 */
export { mergeFields as merge } from './merge';
