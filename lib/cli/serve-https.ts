/**
 * `portico serve --https`: the HTTPS door beside the HTTP one, and what to print so a developer can call the
 * custom domains locally (trust the CA once, `curl --resolve` per domain).
 */
import pc from 'picocolors';
import type { LocalGateway } from '../emulator/local-gateway';
import type { RunningServer } from '../emulator/server';
import { serveGatewayHttps } from '../emulator/tls/https-server';
import { prepareLocalHttps } from '../emulator/tls/local-https';

export interface ServeHttpsOptions {
  readonly host: string;
  /** @default 3443 */
  readonly httpsPort?: number;
  readonly cert?: string;
  readonly key?: string;
  readonly truststore?: string;
}

/** Starts the HTTPS door for the gateway of the moment (`current()` follows reloads under --watch). */
export async function startHttps(current: () => LocalGateway, options: ServeHttpsOptions): Promise<RunningServer> {
  const gateway = current();
  const setup = await prepareLocalHttps(gateway.model, options);
  // Requests go to the gateway of the moment; certificates and domains are those of the start.
  const running = await serveGatewayHttps(
    { handle: (request) => current().handle(request) },
    { ...setup, host: options.host, port: options.httpsPort ?? 3443 },
  );
  console.log(pc.bold('\nHTTPS'));
  if (setup.ca) {
    const verb = setup.ca.created ? 'created' : 'using';
    console.log(`  ${verb} the local CA ${setup.ca.certPath}`);
    console.log(
      pc.dim(
        `  trust it once: curl --cacert ${setup.ca.certPath} … · NODE_EXTRA_CA_CERTS=${setup.ca.certPath} · ` +
          'or add it to your OS/browser trust store',
      ),
    );
  }
  const port = running.port;
  const cacert = setup.ca ? ` --cacert ${setup.ca.certPath}` : '';
  console.log(`  ${running.url}/  ${pc.dim('(localhost, 127.0.0.1: stage in the path, as over HTTP)')}`);
  for (const domain of gateway.model.domains) {
    const https = setup.domains.find((candidate) => candidate.domainName === domain.domainName);
    const paths = domain.mappings.map((mapping) => mapping.basePath).join(', ');
    const mtls = https?.truststore !== undefined ? ' · mutual TLS: add --cert client.pem --key client-key.pem' : '';
    console.log(
      `  curl${cacert} --resolve ${domain.domainName}:${port}:127.0.0.1 https://${domain.domainName}:${port}/` +
        pc.dim(`  (${https?.securityPolicy ?? 'TLS_1_2'}; base paths ${paths}${mtls})`),
    );
  }
  for (const problem of setup.problems) console.log(pc.yellow(`! ${problem}`));
  return running;
}
