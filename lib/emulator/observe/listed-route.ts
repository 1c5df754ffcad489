/** A route of one API stage as the dashboard's Routes view lists it (the rows of `portico routes`). */
export interface ListedRoute {
  /** Joins the route's live statistics: `<api> <stage> <METHOD> <path>` (REST) or `<api> <stage> <routeKey>` (HTTP API). */
  readonly id: string;
  readonly flavor: 'REST' | 'HTTP';
  readonly api: string;
  readonly stage: string;
  readonly method: string;
  /** As a client calls it on the stage, stage included (`/v1/users/{id}`). */
  readonly path: string;
  readonly authorization: string;
  /** `required` or `-`. */
  readonly apiKey: string;
  readonly throttle: string;
  /** Integration target: function name, URL or `mock`. */
  readonly target: string;
}

/** The id of a REST route's statistics. */
export const restRouteId = (api: string, stage: string, method: string, path: string): string =>
  `${api} ${stage} ${method} ${path}`;

/** The id of an HTTP API route's statistics (`routeKey` is `GET /items/{id}` or `$default`). */
export const httpRouteId = (api: string, stage: string, routeKey: string): string => `${api} ${stage} ${routeKey}`;
