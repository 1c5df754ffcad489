/** The verdict of one synth-time check (cdk-nag's shape): errors stop the synth, warnings are annotations. */
export interface Finding {
  /** Stable rule id, e.g. `sibling-path-variables`; listed in the README's check table. */
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  /** The route key the finding is about, when there is one. */
  readonly route?: string;
  /** What is wrong and how to fix it, naming the route and field. */
  readonly message: string;
}
