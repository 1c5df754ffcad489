/**
 * Operation ids for exported documents: `GET /users/{id}` → `getUsersById`, so that generated clients
 * get readable method names. Unique per document (OpenAPI requires it); a clash gets a numeric suffix.
 */
import type { PathSegment } from '../route-key';

/** `method` is the OpenAPI operation key's method (`get`, `any`); `segments` the route's path template. */
export function operationIdOf(method: string, segments: readonly PathSegment[]): string {
  const words = segments.map((segment) =>
    segment.kind === 'literal' ? pascalCase(segment.value) : `By${pascalCase(segment.name)}`,
  );
  return `${method.toLowerCase()}${words.length === 0 ? 'Root' : words.join('')}`;
}

/** Hands out ids in call order; a second `getUsers` becomes `getUsers2`. */
export class OperationIds {
  private readonly used = new Set<string>();

  next(method: string, segments: readonly PathSegment[]): string {
    const base = operationIdOf(method, segments);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    return id;
  }
}

function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
