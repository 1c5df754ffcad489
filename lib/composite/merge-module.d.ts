/**
 * The merge module the aggregator imports. It exists only in the bundle: esbuild aliases the name to the
 * route's merge entry or to `fields-merge.ts` (see `CompositeRoute`), so type checking sees this shape.
 */
declare module 'portico-composite-merge' {
  export const merge: unknown;
  const defaultExport: unknown;
  export default defaultExport;
}
