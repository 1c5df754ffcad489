/**
 * A realistic large route table, as plain data both benchmark stacks (Portico and plain aws-cdk-lib) are
 * built from: N routes spread over 40 services, each a path tree with shared prefixes (`/orders/{id}/...`),
 * path variables at several levels, a greedy `{proxy+}` route, several Lambda authorizers, public routes
 * and API-key routes. Deterministic: the same N always gives the same table.
 */

export const SERVICE_NAMES = [
  'users',
  'orders',
  'payments',
  'catalog',
  'search',
  'inventory',
  'shipping',
  'invoices',
  'carts',
  'reviews',
  'accounts',
  'sessions',
  'profiles',
  'messages',
  'notifications',
  'subscriptions',
  'coupons',
  'returns',
  'warehouses',
  'suppliers',
  'reports',
  'audits',
  'teams',
  'projects',
  'tasks',
  'comments',
  'documents',
  'media',
  'webhooks',
  'integrations',
  'billing',
  'plans',
  'quotes',
  'contracts',
  'tickets',
  'devices',
  'locations',
  'events',
  'analytics',
  'settings',
] as const;

/** Sub-collections under `/<service>/{id}`, reused in order (suffixed once they run out). */
const COLLECTIONS = ['items', 'history', 'notes', 'tags', 'members', 'attachments', 'links', 'versions'];

/** TOKEN and REQUEST authorizers, as large gateways mix them (partners, internal callers, end users). */
export const AUTHORIZERS = [
  { name: 'jwt', type: 'REQUEST' as const, identitySource: 'Authorization' },
  { name: 'partner', type: 'TOKEN' as const, identitySource: 'Authorization' },
  { name: 'internal', type: 'REQUEST' as const, identitySource: 'x-internal-token' },
  { name: 'legacy', type: 'TOKEN' as const, identitySource: 'x-legacy-token' },
];

export type BenchMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export interface BenchRoute {
  readonly method: BenchMethod;
  /** `/orders/{ordersId}/items/{itemsId}`, `/media/static/{proxy+}` */
  readonly path: string;
  /** Index into SERVICE_NAMES. */
  readonly service: number;
  /** Index into AUTHORIZERS, or `undefined` for a public route. */
  readonly authorizer?: number;
  readonly apiKeyRequired: boolean;
}

/** The routes of one service, in an order that fills the tree breadth first. */
function* serviceRoutes(name: string): Generator<{ method: BenchMethod; path: string; listing?: boolean }> {
  const root = `/${name}`;
  const item = `${root}/{${name}Id}`;
  yield { method: 'GET', path: root, listing: true };
  yield { method: 'POST', path: root };
  yield { method: 'GET', path: item };
  yield { method: 'PUT', path: item };
  yield { method: 'PATCH', path: item };
  yield { method: 'DELETE', path: item };
  yield { method: 'ANY', path: `${root}/static/{proxy+}` };
  for (let i = 0; ; i++) {
    const base = COLLECTIONS[i % COLLECTIONS.length];
    const collection = i < COLLECTIONS.length ? base : `${base}${Math.floor(i / COLLECTIONS.length) + 1}`;
    const collectionPath = `${item}/${collection}`;
    const member = `${collectionPath}/{${collection}Id}`;
    yield { method: 'GET', path: collectionPath, listing: true };
    yield { method: 'POST', path: collectionPath };
    yield { method: 'GET', path: member };
    yield { method: 'PUT', path: member };
    yield { method: 'DELETE', path: member };
    yield { method: 'GET', path: `${member}/history` };
  }
}

/** `count` routes over `services` services (round robin, so every service gets its share). */
export function benchRoutes(count: number, services = SERVICE_NAMES.length): BenchRoute[] {
  const generators = SERVICE_NAMES.slice(0, services).map((name) => serviceRoutes(name));
  const routes: BenchRoute[] = [];
  for (let i = 0; routes.length < count; i++) {
    const service = i % generators.length;
    const next = generators[service].next().value!;
    // Every fifth service keeps its listings public; every third requires an API key.
    const isPublic = next.listing === true && service % 5 === 0;
    routes.push({
      method: next.method,
      path: next.path,
      service,
      authorizer: isPublic ? undefined : service % AUTHORIZERS.length,
      apiKeyRequired: !isPublic && service % 3 === 0,
    });
  }
  return routes;
}

/** How many services a table of `count` routes uses (at most 40, at least one route each). */
export function serviceCount(count: number): number {
  return Math.min(SERVICE_NAMES.length, count);
}
