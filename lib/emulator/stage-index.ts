/**
 * Which API and stage a request is for, decided once per request from the Host header and the first path
 * segment (AWS docs: "Set up stages for REST APIs"). Built once at load time.
 *
 * - Host `<apiLogicalId>.localhost` or `<apiId>.localhost`: that API; the first path segment is the stage,
 *   as on the execute-api host.
 * - Host equal to a custom domain's name: the longest matching base path mapping, else the `(none)` mapping.
 * - Any other Host (127.0.0.1, localhost): the first path segment names a stage; stage names that are unique
 *   across the assembly are served here, so one API per version (`v1`, `v2`) is reachable as `/v1/...`, `/v2/...`
 *   exactly as through a custom domain with those base paths.
 *
 * HTTP APIs (`resolveHttp`, docs/decisions/0010) are found the same ways; in addition, the one HTTP API of the
 * assembly with a `$default` stage (or the only API of an assembly without REST APIs) answers on any other Host
 * whatever no stage name claims, at the root as on AWS (AWS docs: "Stages for HTTP APIs"). On its own Host an HTTP API serves a
 * named stage at `/{stage}/`, else its `$default` stage with the whole path.
 */
import type { ApiModel, DomainModel, GatewayModel, HttpApiModel, HttpStageModel, StageModel } from './model';
import { stripStage } from './request-target';

export interface StageTarget {
  readonly api: ApiModel;
  readonly stage: StageModel;
  /** The request path below the stage or base path, as sent (may be '' or start with '/'). */
  readonly path: string;
  /** Set when a custom domain mapping matched ('(none)' for the empty base path). */
  readonly basePathMatched?: string;
  /** For a custom domain, the path the Lambda event reports (keeps the base path, AWS docs: "Lambda proxy integrations in API Gateway"). */
  readonly domainName?: string;
}

/** A request for an HTTP API; `stage` is undefined when it names none and the API has no `$default` (404). */
export interface HttpStageTarget {
  readonly api: HttpApiModel;
  readonly stage?: HttpStageModel;
  /** The request path below the stage or base path, as sent. */
  readonly path: string;
  readonly basePathMatched?: string;
  readonly domainName?: string;
}

const DEFAULT_STAGE = '$default';

interface StageRef {
  readonly api: ApiModel;
  readonly stage: StageModel;
}

export class StageIndex {
  private readonly byHost = new Map<string, ApiModel>();
  private readonly domains = new Map<string, DomainModel>();
  private readonly defaultStages = new Map<string, StageRef>();
  private readonly httpByHost = new Map<string, HttpApiModel>();
  private readonly httpStageNames = new Map<string, { api: HttpApiModel; stage: HttpStageModel }>();
  /** The only HTTP API with a `$default` stage (or the assembly's only API), served at the root of any other Host. */
  private readonly rootHttpApi?: HttpApiModel;
  /** Stage names that several APIs share: reachable only through the API's Host name. */
  readonly ambiguousStageNames: readonly string[];

  constructor(private readonly model: GatewayModel) {
    const seen = new Map<string, StageRef[]>();
    for (const api of model.apis) {
      this.byHost.set(`${api.logicalId.toLowerCase()}.localhost`, api);
      this.byHost.set(`${api.apiId}.localhost`, api);
      this.byHost.set(`${api.apiId}.execute-api.localhost`, api);
      for (const stage of api.stages) {
        const refs = seen.get(stage.name) ?? [];
        refs.push({ api, stage });
        seen.set(stage.name, refs);
      }
    }
    const httpSeen = new Map<string, { api: HttpApiModel; stage: HttpStageModel }[]>();
    const withDefaultStage: HttpApiModel[] = [];
    for (const api of model.httpApis) {
      this.httpByHost.set(`${api.logicalId.toLowerCase()}.localhost`, api);
      this.httpByHost.set(`${api.apiId}.localhost`, api);
      this.httpByHost.set(`${api.apiId}.execute-api.localhost`, api);
      for (const stage of api.stages) {
        if (stage.name === DEFAULT_STAGE) withDefaultStage.push(api);
        else httpSeen.set(stage.name, [...(httpSeen.get(stage.name) ?? []), { api, stage }]);
      }
    }
    // With no REST API beside it, a lone HTTP API also answers unknown stages itself (404 Not Found).
    if (withDefaultStage.length === 1) this.rootHttpApi = withDefaultStage[0];
    else if (model.apis.length === 0 && model.httpApis.length === 1) this.rootHttpApi = model.httpApis[0];
    const ambiguous: string[] = [];
    for (const [name, refs] of seen) {
      if (refs.length === 1 && !httpSeen.has(name)) this.defaultStages.set(name, refs[0]);
      else ambiguous.push(name);
    }
    for (const [name, refs] of httpSeen) {
      if (refs.length === 1 && !seen.has(name)) this.httpStageNames.set(name, refs[0]);
      else if (!seen.has(name)) ambiguous.push(name);
    }
    this.ambiguousStageNames = ambiguous;
    for (const domain of model.domains) this.domains.set(domain.domainName.toLowerCase(), domain);
  }

  /** The local host names each API answers to, for the start banner. */
  hostNameOf(api: ApiModel | HttpApiModel): string {
    return `${api.logicalId.toLowerCase()}.localhost`;
  }

  /** Whether this HTTP API's `$default` stage answers at the root of any Host. */
  servesAtRoot(api: HttpApiModel): boolean {
    return this.rootHttpApi === api && api.stages.some((stage) => stage.name === DEFAULT_STAGE);
  }

  /** Whether this stage name is reachable as `/{name}/` on any Host. */
  servesStageName(name: string): boolean {
    return this.defaultStages.has(name) || this.httpStageNames.has(name);
  }

  /** The HTTP API a request is for, or undefined when it is not for one (then the REST `resolve` decides). */
  resolveHttp(host: string | undefined, path: string): HttpStageTarget | undefined {
    const hostName = (host ?? '').replace(/:\d+$/, '').toLowerCase();
    const domain = this.domains.get(hostName);
    if (domain) {
      const mapping = this.bestMapping(domain, path);
      const api = mapping && this.model.httpApis.find((candidate) => candidate.logicalId === mapping.apiLogicalId);
      const stage = api?.stages.find((candidate) => candidate.name === mapping?.stage);
      if (!mapping || !api || !stage) return undefined;
      return { api, stage, path: mapping.rest, basePathMatched: mapping.basePath, domainName: domain.domainName };
    }
    const api = this.httpByHost.get(hostName);
    if (api) return httpStageOf(api, path);
    if (this.byHost.has(hostName)) return undefined;
    const { stage, rest } = stripStage(path);
    const named = this.httpStageNames.get(stage);
    if (named) return { api: named.api, stage: named.stage, path: rest };
    if (this.defaultStages.has(stage) || !this.rootHttpApi) return undefined;
    return httpStageOf(this.rootHttpApi, path);
  }

  resolve(host: string | undefined, path: string): StageTarget | undefined {
    const hostName = (host ?? '').replace(/:\d+$/, '').toLowerCase();
    const domain = this.domains.get(hostName);
    if (domain) return this.resolveDomain(domain, path);
    const api = this.byHost.get(hostName);
    const { stage, rest } = stripStage(path);
    if (api) {
      const match = api.stages.find((s) => s.name === stage);
      return match ? { api, stage: match, path: rest } : undefined;
    }
    const ref = this.defaultStages.get(stage);
    return ref ? { api: ref.api, stage: ref.stage, path: rest } : undefined;
  }

  private resolveDomain(domain: DomainModel, path: string): StageTarget | undefined {
    const best = this.bestMapping(domain, path);
    if (!best) return undefined;
    const api = this.model.apis.find((a) => a.logicalId === best.apiLogicalId);
    const stage = api?.stages.find((s) => s.name === best.stage);
    if (!api || !stage) return undefined;
    return { api, stage, path: best.rest, basePathMatched: best.basePath, domainName: domain.domainName };
  }

  /** The longest matching base path mapping (REST or HTTP API alike), with the path below it. */
  private bestMapping(
    domain: DomainModel,
    path: string,
  ): (DomainModel['mappings'][number] & { readonly rest: string }) | undefined {
    const trimmed = path.replace(/^\/+/, '');
    let best: DomainModel['mappings'][number] | undefined;
    for (const mapping of domain.mappings) {
      const base = mapping.basePath === '(none)' ? '' : mapping.basePath.replace(/^\/+|\/+$/g, '');
      const matches = base === '' || trimmed === base || trimmed.startsWith(`${base}/`);
      if (!matches) continue;
      const bestLength = best ? (best.basePath === '(none)' ? 0 : best.basePath.length) : -1;
      if (base.length > bestLength) best = mapping;
    }
    if (!best) return undefined;
    const base = best.basePath === '(none)' ? '' : best.basePath.replace(/^\/+|\/+$/g, '');
    const rest = base === '' ? path : path.replace(/^\/+/, '/').slice(base.length + 1);
    return { ...best, rest };
  }
}

/** On an HTTP API's own Host: a named stage in the first segment, else the `$default` stage with the whole path. */
function httpStageOf(api: HttpApiModel, path: string): HttpStageTarget {
  const { stage, rest } = stripStage(path);
  const named = stage === DEFAULT_STAGE ? undefined : api.stages.find((candidate) => candidate.name === stage);
  if (named) return { api, stage: named, path: rest };
  const fallback = api.stages.find((candidate) => candidate.name === DEFAULT_STAGE);
  return { api, stage: fallback, path };
}
