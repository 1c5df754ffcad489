/**
 * Synth-time side of composite routes: turns the declared members into the plan the aggregator runs,
 * checking everything that needs only the declaration (the route table checks live in the construct).
 * Each error names the composite route and the member, and says how to fix it (DESIGN principle 4).
 * Pure: no CDK, and not part of the aggregator bundle.
 */
import { formatRouteKey, parseRouteKey, type RouteKey } from '../core/route-key';
import { MAX_INTEGRATION_TIMEOUT_MS, MIN_INTEGRATION_TIMEOUT_MS } from '../core/route-table';
import type { CompositePlan, MemberFailurePolicy, MemberPlan } from './plan';
import { templateVariables } from './templates';

export interface CompositeMemberDeclaration {
  /** The member route, as declared on the same gateway (`GET /users/{id}`). */
  readonly route: string;
  /** Values of the member's path parameters: templates over the composite's (`{ id: '{userId}' }`). */
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** Query parameters of the member request: templates over the composite's path parameters. */
  readonly query?: Readonly<Record<string, string>>;
}

export interface CompositeDeclaration {
  readonly members: Readonly<Record<string, CompositeMemberDeclaration>>;
  readonly onMemberFailure: MemberFailurePolicy;
  readonly memberTimeoutMs: number;
}

/** Room left for the aggregator to start, merge and answer within API Gateway's 29 s integration timeout. */
export const COMPOSITE_OVERHEAD_MS = 2_000;
export const MAX_MEMBER_TIMEOUT_MS = MAX_INTEGRATION_TIMEOUT_MS - COMPOSITE_OVERHEAD_MS;
/** Lambda allows 4 KB for all environment variables of a function. */
export const MAX_PLAN_BYTES = 3_500;

const MEMBER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Names the merged body uses for itself. */
const RESERVED_MEMBER_NAMES = ['errors'];

/** The plan for the composite route `routeKey`; throws naming the route and the member when it cannot work. */
export function buildCompositePlan(routeKey: string, declaration: CompositeDeclaration): CompositePlan {
  const key = parseRouteKey(routeKey);
  const route = formatRouteKey(key);
  if (key.method !== 'GET') {
    throw new Error(
      `Composite route "${route}": a composite reads from its members, so its method must be GET ` +
        `(got ${key.method}). Declare "GET ${key.path}".`,
    );
  }
  const timeout = declaration.memberTimeoutMs;
  if (!(timeout >= MIN_INTEGRATION_TIMEOUT_MS && timeout <= MAX_MEMBER_TIMEOUT_MS)) {
    throw new Error(
      `Composite route "${route}": memberTimeout ${timeout} ms is outside ${MIN_INTEGRATION_TIMEOUT_MS} ms to ` +
        `${MAX_MEMBER_TIMEOUT_MS} ms; it must leave the aggregator time to answer within the 29 s integration timeout.`,
    );
  }
  const entries = Object.entries(declaration.members);
  if (entries.length === 0) {
    throw new Error(`Composite route "${route}": members is empty; name at least one route to call.`);
  }
  const compositeParameters = key.segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
  const members = entries.map(([name, member]) => memberPlan(route, compositeParameters, name, member));
  const plan: CompositePlan = {
    route,
    members,
    onMemberFailure: declaration.onMemberFailure,
    memberTimeoutMs: timeout,
  };
  const bytes = Buffer.byteLength(JSON.stringify(plan));
  if (bytes > MAX_PLAN_BYTES) {
    throw new Error(
      `Composite route "${route}": its plan takes ${bytes} bytes, more than the ${MAX_PLAN_BYTES} bytes that fit ` +
        "in a Lambda function's environment. Use fewer members or shorter templates.",
    );
  }
  return plan;
}

function memberPlan(
  route: string,
  compositeParameters: readonly string[],
  name: string,
  member: CompositeMemberDeclaration,
): MemberPlan {
  const where = `Composite route "${route}", member "${name}"`;
  if (!MEMBER_NAME.test(name) || RESERVED_MEMBER_NAMES.includes(name)) {
    throw new Error(
      `${where}: member names start with a letter and use only letters, digits, _ and - (at most 64), and ` +
        `${RESERVED_MEMBER_NAMES.map((n) => `"${n}"`).join(', ')} is reserved for failed members; rename it.`,
    );
  }
  let key: RouteKey;
  try {
    key = parseRouteKey(member.route);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  if (key.method !== 'GET' && key.method !== 'ANY') {
    throw new Error(
      `${where}: "${formatRouteKey(key)}" is not a GET route; members are read with GET, so name a GET or ANY route.`,
    );
  }
  if (formatRouteKey(key) === route) throw new Error(`${where}: a composite route cannot call itself.`);

  const given = { ...member.pathParameters };
  const declared = key.segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
  for (const parameter of Object.keys(given)) {
    if (!declared.includes(parameter)) {
      throw new Error(
        `${where}: pathParameters names {${parameter}}, which "${formatRouteKey(key)}" does not have ` +
          `(${declared.length === 0 ? 'it has none' : declared.map((p) => `{${p}}`).join(', ')}).`,
      );
    }
  }
  const path = key.segments
    .map((segment) => {
      if (segment.kind === 'literal') return `/${segment.value}`;
      const template = given[segment.name] ?? (compositeParameters.includes(segment.name) ? `{${segment.name}}` : '');
      if (template === '') {
        throw new Error(
          `${where}: "${formatRouteKey(key)}" needs a value for {${segment.name}}, and the composite has no path ` +
            `parameter of that name. Pass pathParameters: { ${segment.name}: '{<composite parameter>}' } or a literal.`,
        );
      }
      if (segment.kind === 'variable' && template.includes('/')) {
        throw new Error(`${where}: the value of {${segment.name}} must not contain "/" (only a {name+} one may).`);
      }
      return `/${template}`;
    })
    .join('');
  const query = { ...member.query };
  for (const template of [...Object.values(given), ...Object.values(query)]) {
    for (const variable of templateVariables(template)) {
      if (!compositeParameters.includes(variable)) {
        throw new Error(
          `${where}: the template "${template}" uses {${variable}}, which is not a path parameter of the composite ` +
            `(${compositeParameters.length === 0 ? 'it has none' : compositeParameters.map((p) => `{${p}}`).join(', ')}).`,
        );
      }
    }
  }
  return { name, route: formatRouteKey(key), method: 'GET', path: path === '' ? '/' : path, query };
}
