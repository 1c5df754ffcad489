/**
 * Which API and stage a request is for, decided once per request from the Host header and the first path
 * segment (aws-reference §6). Built once at load time.
 *
 * - Host `<apiLogicalId>.localhost` or `<apiId>.localhost`: that API; the first path segment is the stage,
 *   as on the execute-api host.
 * - Host equal to a custom domain's name: the longest matching base path mapping, else the `(none)` mapping.
 * - Any other Host (127.0.0.1, localhost): the first path segment names a stage; stage names that are unique
 *   across the assembly are served here, so one API per version (`v1`, `v2`) is reachable as `/v1/...`, `/v2/...`
 *   exactly as through a custom domain with those base paths.
 */
import type { ApiModel, DomainModel, GatewayModel, StageModel } from './model';
import { stripStage } from './request-target';

export interface StageTarget {
  readonly api: ApiModel;
  readonly stage: StageModel;
  /** The request path below the stage or base path, as sent (may be '' or start with '/'). */
  readonly path: string;
  /** Set when a custom domain mapping matched ('(none)' for the empty base path). */
  readonly basePathMatched?: string;
  /** For a custom domain, the path the Lambda event reports (keeps the base path, aws-reference §3.1). */
  readonly domainName?: string;
}

interface StageRef {
  readonly api: ApiModel;
  readonly stage: StageModel;
}

export class StageIndex {
  private readonly byHost = new Map<string, ApiModel>();
  private readonly domains = new Map<string, DomainModel>();
  private readonly defaultStages = new Map<string, StageRef>();
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
    const ambiguous: string[] = [];
    for (const [name, refs] of seen) {
      if (refs.length === 1) this.defaultStages.set(name, refs[0]);
      else ambiguous.push(name);
    }
    this.ambiguousStageNames = ambiguous;
    for (const domain of model.domains) this.domains.set(domain.domainName.toLowerCase(), domain);
  }

  /** The local host names each API answers to, for the start banner. */
  hostNameOf(api: ApiModel): string {
    return `${api.logicalId.toLowerCase()}.localhost`;
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
    const api = this.model.apis.find((a) => a.logicalId === best.apiLogicalId);
    const stage = api?.stages.find((s) => s.name === best.stage);
    if (!api || !stage) return undefined;
    const base = best.basePath === '(none)' ? '' : best.basePath.replace(/^\/+|\/+$/g, '');
    const rest = base === '' ? path : path.replace(/^\/+/, '/').slice(base.length + 1);
    return { api, stage, path: rest, basePathMatched: best.basePath, domainName: domain.domainName };
  }
}
