/** A V8 `.cpuprofile` (from `node --cpu-prof` or the inspector) and how the bench's profile tools name its frames. */

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `function file`, with the path cut to `lib/`, `bench/` or `node_modules/`, and the line for other files. */
export function frameLabel(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/(lib|bench|node_modules)\//, '$1/');
  // Portico's files run transpiled by tsx: their line numbers would not match the source, so only the file is named.
  const at = file.startsWith('lib/') || file.startsWith('bench/') ? file : `${file}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${file ? ` ${at}` : ''}`;
}

/** Each node's id by id, and each node's parent id (the root has none). */
export function profileIndex(profile: Profile): {
  readonly byId: ReadonlyMap<number, ProfileNode>;
  readonly parent: ReadonlyMap<number, number>;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return { byId, parent };
}
