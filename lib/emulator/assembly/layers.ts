/**
 * A function's `Layers` as directories of this assembly. Lambda extracts each layer into `/opt`
 * ("Managing Lambda dependencies with layers", https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html);
 * locally a layer is its asset directory, and the runtime puts its folders on the search paths.
 */
import type { LoadContext, ResourceEntry } from './load-context';

type Locate = (entry: ResourceEntry, property: string) => { codeDirectory?: string; unsupportedReason?: string };

export function layerDirectories(
  entry: ResourceEntry,
  context: Pick<LoadContext, 'entries' | 'unsupported'>,
  locate: Locate,
): string[] {
  const layers = entry.prop('Layers');
  if (!Array.isArray(layers)) return [];
  const versions = context.entries('AWS::Lambda::LayerVersion');
  const directories: string[] = [];
  for (const reference of layers) {
    // A layer of this assembly is referenced by `Ref` (its version ARN); any other ARN was published elsewhere.
    const layer = versions.find((version) => version.scope.resolve({ Ref: version.logicalId }) === reference);
    if (!layer) {
      context.unsupported(
        entry.path,
        `layer ${String(reference)} is not in this assembly; what it provides is missing locally`,
      );
      continue;
    }
    const location = locate(layer, 'Content');
    if (location.codeDirectory) directories.push(location.codeDirectory);
    else context.unsupported(layer.path, location.unsupportedReason ?? 'the layer has no content');
  }
  return directories;
}
